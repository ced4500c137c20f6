"""Turns jobcentre documents in data/ into Markdown pages with charts.

Stages, each one module, data flowing one way:
    loader (files -> validated models, errors with file:line:field)
    compute (derived figures: change, attainment)
    charts (Vega-Lite dicts built with Altair, SVG fallbacks)
    pages (Markdown pages from Jinja templates)
Nothing here knows MkDocs; site_plugins/ does.
"""
