"""Turns jobcentre documents in data/ into Markdown pages with charts.

Stages, each one module, data flowing one way:
    loader (files -> validated models, errors with file:line:field)
    compute (derived figures: change, attainment)
    charts (Vega-Lite dicts built with Altair, SVG fallbacks)
    pages (Markdown pages from Jinja templates); trace (plan goal <-> revision goal)
    plan_page (the beskaeftigelsesplan page), overview (jobcentre, year and front-page lists,
    navigation)
Nothing here knows MkDocs; site_plugins/ does.
"""
# Importing the package imports nothing more: the SVG workers (svgrender) start fast and small.
# A page kind in its own module registers its builder in pages.PAGE_BUILDERS; pages.py imports
# those modules at its end.
