"""What the browser tests share (tests/test_browser.py and tests/test_widget_*.py): Chromium
(skipped without it, failed with CI=true), the built site served on this machine, and, for the
interactive figures, a page opener that collects console errors and an axe-and-width check.

tests/conftest.py registers this module as a plugin, so its fixtures `chromium`, `browser` and
`base_url` reach every test module (tests/test_browser.py serves its own `base_url`, which honours
SITE_DIR); a widget's test module makes its `open_page` fixture with
`widget_pages(browser, base_url, PAGE, READY)`, and checks a widget with
`check_axe_and_width(page, SELECTOR, where)`.
"""

import math
import os
import re
from contextlib import contextmanager

import pytest
from browser_support import AXE_TAGS, LocalServer, chromium_path, chromium_problem, launch

# The promise: every number a widget shows is the reference implementation's, to 1e-12.
RELATIVE = 1e-12
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def chromium():
    """The browser's path; skips (or, with CI=true, fails) every browser test without it."""
    problem = chromium_problem()
    if problem:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{problem}. CI=true: the browser tests must run, not be skipped.", pytrace=False)
        pytest.skip(problem)
    return chromium_path()


@pytest.fixture(scope="module")
def browser(chromium):
    """Debian's Chromium, driven by Playwright."""
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


def check_axe_and_width(page, selector, where):
    """axe (WCAG 2.0 to 2.2, A and AA) finds nothing inside the widget, and neither the page nor
    the widget is wider than the screen."""
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    found = Axe().run(page, context=selector, options=options).response["violations"]
    assert found == [], f"{where}: " + "; ".join(
        f"{v['id']}: {v['help']} ({[n['target'] for n in v['nodes'][:3]]})" for v in found)
    sizes = page.evaluate("""selector => ({page: document.documentElement.scrollWidth,
      screen: document.documentElement.clientWidth,
      widget: document.querySelector(selector).getBoundingClientRect().right})""", selector)
    assert sizes["page"] <= sizes["screen"] and sizes["widget"] <= sizes["screen"], (where, sizes)


def close(got, want):
    """Equal, or within RELATIVE of each other (a widget's float64 against numpy's)."""
    return got == want or math.isclose(got, want, rel_tol=RELATIVE, abs_tol=0.0)


# A number in e-notation ("4.861e+7", "6.7e−4"): not for the readers this site writes for.
E_NOTATION = re.compile(r"\d[eE][+\-\u2212]?\d")


def check_no_e_notation(page, selector, where):
    text = page.inner_text(selector)
    assert not E_NOTATION.search(text), f"{where}: e-notation in {E_NOTATION.search(text).group(0)!r}"
