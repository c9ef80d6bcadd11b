"""What the interactive figures' browser tests share (tests/test_widget_*.py): Chromium, the
built site served on this machine, and a page opener that collects console errors.

tests/conftest.py registers this module as a plugin, so its fixtures `browser` and `base_url`
reach every test module (tests/test_browser.py keeps its own); a widget's test module makes its
`open_page` fixture with `widget_pages(browser, base_url, PAGE, READY)`.
"""

import os
from contextlib import contextmanager

import pytest
from browser_support import LocalServer, chromium_problem, launch

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium; skips without it (fails with CI=true), as tests/test_browser.py does."""
    problem = chromium_problem()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{problem}. CI=true: the browser tests must run, not be skipped.", pytrace=False)
        pytest.skip(problem)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def base_url(site):
    with LocalServer(site) as url:
        yield url


@contextmanager
def widget_pages(browser, base_url, page_path, ready):
    """Yields open_page(scheme, viewport, javascript) -> the widget's page, once `ready` (a CSS
    selector) shows the widget drawn; every console error of every page opened fails the test."""
    contexts, errors = [], []

    def open_page(scheme="light", viewport=DESKTOP, javascript=True):
        context = browser.new_context(color_scheme=scheme, viewport=viewport, java_script_enabled=javascript,
                                      service_workers="block")
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(f"uncaught exception: {error}"))
        page.goto(base_url + page_path, wait_until="load")
        if javascript:
            page.wait_for_selector(ready)
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert errors == [], f"console errors on {page_path}: {errors}"
