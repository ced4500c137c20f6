"""Turns jobcentre documents in data/ into the pages and files of the site, in four stages,
each a package that reads only the one before it:

    data     files -> validated models (models, loader, csvdata, importer); errors name
             file:line: field
    results  every fact derived from the models, computed once per dataset: each goal's
             outcome, each document's summary and headline, plan <-> revision traces
    views    per document kind, what its page shows: one module per kind, its template, its
             charts (Vega-Lite built with Altair, SVG fallbacks)
    site     the whole site from the views: listings, navigation, scorecard, open data, the
             build's files and cache

Nothing here knows MkDocs; site_plugins/jobcentres.py maps what the site stage returns onto
MkDocs' events. messages (every text a user reads about their data) and formatting (Danish
numbers and dates) are shared by all stages.
"""
# Importing the package imports nothing more: the SVG workers (views.svgrender) start fast and small.
