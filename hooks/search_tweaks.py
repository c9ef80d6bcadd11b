"""Three changes to Material's search: its box gets a name, its index leaves code out, and the
index is downloaded when the reader turns to search, not on every first visit.

- Material marks the search box up as a dialog (role="dialog") with no name, so a screen reader
  announces an unnamed dialog (axe's and Lighthouse's aria-dialog-name). The name is added to
  the built HTML of every page and of the 404 page, so it holds with or without JavaScript.
- Every page downloads the whole search index on a first visit. Code blocks and printed output
  made up a quarter of it, and a reader searches for ideas, which the prose names (identifiers
  in the prose stay in). Each code block is marked data-search-exclude, which Material's search
  skips; this runs before the index is built (on_page_content comes before on_page_context).
- hooks/search_on_demand.js, inline in each page's <head>, holds the index's download back
  until the reader clicks, taps or tabs into the search box.
"""

import re
from pathlib import Path

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
CODE_BLOCK = re.compile(r'<div class="(?=[^"]*\bhighlight\b)')
ON_DEMAND = (Path(__file__).parent / "search_on_demand.js").read_text(encoding="utf-8")


def finished(html):
    html = html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search this site">', 1)
    return html.replace("</head>", f"<script>\n{ON_DEMAND}</script>\n</head>", 1)


def on_page_content(html, page, **kwargs):
    return CODE_BLOCK.sub('<div data-search-exclude class="', html)


def on_post_page(html, page, **kwargs):
    return finished(html)


def on_post_template(html, template_name, **kwargs):
    return finished(html)  # 404.html is built from a template, not a page
