"""MkDocs plugins of the site. Only this package knows MkDocs exists."""
