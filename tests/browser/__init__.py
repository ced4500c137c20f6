"""Browser tests: Playwright with Debian chromium against the built site."""
