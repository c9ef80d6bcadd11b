"""Give Material's search box its accessible name.

Material marks the search box up as a dialog (role="dialog") with no name, so a screen reader
announces an unnamed dialog (axe's and Lighthouse's aria-dialog-name). The name is added to the
built HTML of every page and of the 404 page, so it holds with or without JavaScript.
"""

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def named(html):
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + ' aria-label="Search this site">', 1)


def on_post_page(html, page, **kwargs):
    return named(html)


def on_post_template(html, template_name, **kwargs):
    return named(html)  # 404.html is built from a template, not a page
