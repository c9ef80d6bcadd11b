"""Every page of the built site, in a real browser (Debian's Chromium, driven by Playwright).

Each page is opened once per colour scheme (light, dark) and the tests below check what a reader
would meet: nothing fetched from another host, no console error or failed request, every image
loaded with alt text (and every figure captioned), math drawn as MathML, no axe-core WCAG 2 A/AA
violation, the figure variant that matches the scheme, and no layout shift while the reader
scrolls to the bottom. Each page is opened once more at a phone's width (390 px): nothing wider
than the screen, figure text at 9 px or more, wide tables showing that they scroll. Then: a
figure opening full size, the palette toggle, offline search, and (without a browser) every
internal link and anchor.

Without Chromium the browser tests are skipped with a hint how to install it; with CI=true a
missing Chromium fails them instead. `SITE_DIR=/path/to/site` checks a site built elsewhere
(for example a scratch copy of the project) instead of building one; `DOCS_DIR` then names its
sources. Screenshots of the home page go to `BROWSER_SHOTS` (default: /tmp/shots).
"""

import os
import re
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser_support import (
    AXE_TAGS,
    LocalServer,
    article_text,
    broken_links,
    built_pages,
    search_tokens,
    source_has_math,
    source_pages,
)
from conftest import DOCS, ROOT

SCHEMES = {"light": "default", "dark": "slate"}  # our name: Material's data-md-color-scheme
VIEWPORT = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
SMALLEST_TEXT_PX = 9  # figure text as a phone shows it
LAYOUT_SHIFT_LIMIT = 0.01  # the sum of layout-shift scores while scrolling to the bottom
SHOTS = Path(os.environ.get("BROWSER_SHOTS") or Path(tempfile.gettempdir()) / "shots")
SITE_DIR = Path(os.environ["SITE_DIR"]) if os.environ.get("SITE_DIR") else None
DOCS_DIR = Path(os.environ.get("DOCS_DIR") or DOCS)


def pages_to_check() -> dict[str, Path | None]:
    """{page relative to the site: its source file or None}: from docs/, or from SITE_DIR."""
    expected = source_pages(DOCS_DIR)
    if SITE_DIR is None:
        return expected
    return {page: expected.get(page) for page in sorted({*expected, *built_pages(SITE_DIR)})}


PAGES = pages_to_check()


def page_id(page: str) -> str:
    return "home" if page == "index.html" else page.removesuffix("index.html").removesuffix(".html").rstrip("/")


each_page = pytest.mark.parametrize("page", sorted(PAGES), ids=page_id)
each_scheme = pytest.mark.parametrize("scheme", SCHEMES)


# --- fixtures ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(request) -> Path:
    """The built site: SITE_DIR if set, else the session's `mkdocs build --strict`."""
    if SITE_DIR is not None:
        assert (SITE_DIR / "index.html").is_file(), f"SITE_DIR={SITE_DIR} holds no built site"
        return SITE_DIR
    return request.getfixturevalue("site")


@pytest.fixture(scope="module")
def base_url(built):
    with LocalServer(built) as url:
        yield url


@pytest.fixture(scope="module")
def visits(browser, base_url, built):
    visits = Visits(browser, base_url)
    yield visits
    visits.close()


# --- one visit of one page in one scheme --------------------------------------------------------

IMAGES_JS = """() => Array.from(document.images).map(img => {
  const figure = img.closest('figure');
  const caption = figure ? figure.querySelector('figcaption') : null;
  return {
    src: img.getAttribute('src'), path: new URL(img.currentSrc || img.src).pathname,
    alt: img.getAttribute('alt'), complete: img.complete, naturalWidth: img.naturalWidth,
    inFigure: figure !== null, caption: caption ? caption.textContent.trim() : null,
    hidden: getComputedStyle(img).display === 'none',
  };
})"""

# TeX that escaped the MathML hook: its delimiters or its commands, in text outside code.
TEX_COMMANDS = ("frac|partial|sum|prod|cdot|times|sigma|sqrt|begin|end|left|right|mathrm|mathbf|text|hat|bar|"
                "nabla|alpha|beta|eta|theta|delta|Delta|leftarrow|rightarrow|approx|le|ge|in")
STRAY_TEX_JS = r"""() => {
  const tex = /\\[()\[\]]|\$\$|\\(""" + TEX_COMMANDS + r""")(?![A-Za-z])/;
  const skip = 'pre, code, kbd, samp, script, style, textarea, math';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const found = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.parentElement.closest(skip)) continue;
    const match = node.textContent.match(tex);
    if (match) {
      const at = match.index;
      found.push(node.textContent.slice(Math.max(0, at - 30), at + 40).replace(/\s+/g, ' '));
    }
  }
  return {stray: found, math: document.querySelectorAll('math').length};
}"""


@dataclass
class Visit:
    page: str
    scheme: str
    external: list = field(default_factory=list)  # URLs on other hosts, aborted
    console: list = field(default_factory=list)  # console errors and uncaught exceptions
    failed: list = field(default_factory=list)  # failed requests and HTTP errors
    body_scheme: str = ""
    images: list = field(default_factory=list)
    stray_tex: list = field(default_factory=list)
    math_count: int = 0
    violations: list = field(default_factory=list)  # axe-core
    requested: list = field(default_factory=list)  # every URL the page asked for
    layout_shift: float = 0.0  # the sum of layout-shift scores, from load to the bottom
    shifted: list = field(default_factory=list)  # what moved, for the report
    first_shift: str = ""  # a shift over the limit that a second load did not repeat, for a warning


@dataclass
class PhoneVisit:
    page: str
    page_width: int = 0  # how wide the page is (scrollWidth), against the screen's PHONE width
    too_wide: list = field(default_factory=list)  # elements reaching past the screen's edge
    figures: list = field(default_factory=list)  # {path, width}: each figure shown, as drawn
    tables: list = field(default_factory=list)  # {overflows, hint}: each table's scroll box
    violations: list = field(default_factory=list)  # axe-core, at this width


class Visits:
    """Opens each page once per scheme (one browser context per scheme) and keeps what it saw."""

    def __init__(self, browser, base_url):
        self.browser, self.base_url = browser, base_url
        self.contexts, self.done = {}, {}
        self.current: Visit | None = None

    def new_context(self, scheme: str, viewport: dict = VIEWPORT):
        context = self.browser.new_context(color_scheme=scheme, viewport=viewport, service_workers="block")
        context.set_default_timeout(15_000)
        context.route("**/*", self.route)
        return context

    def route(self, route):
        url = route.request.url
        if url.startswith(self.base_url) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
            return
        if self.current is not None:
            self.current.external.append(url)
        route.abort("blockedbyclient")

    def context(self, scheme: str):
        if scheme not in self.contexts:
            phone = scheme == "phone"
            self.contexts[scheme] = self.new_context("light" if phone else scheme, PHONE if phone else VIEWPORT)
        return self.contexts[scheme]

    def __call__(self, page: str, scheme: str) -> Visit:
        """The page's visit in "light" or "dark" at VIEWPORT, or at a phone's width ("phone")."""
        key = (page, scheme)
        if key not in self.done:
            try:
                self.done[key] = self.phone_visit(page) if scheme == "phone" else self.visit(page, scheme)
            except Exception as error:  # noqa: BLE001 - reported by every test of this page
                self.done[key] = error
        if isinstance(self.done[key], Exception):
            raise self.done[key]
        return self.done[key]

    def visit(self, page_path: str, scheme: str) -> Visit:
        record = self.current = Visit(page_path, scheme)
        page = self.context(scheme).new_page()
        try:
            watch(page, record)
            page.goto(self.base_url + page_path, wait_until="load")
            shift = page.evaluate(SCROLL_AND_MEASURE_SHIFT_JS)
            if shift["total"] >= LAYOUT_SHIFT_LIMIT:
                shift = self.measure_shift_again(page_path, scheme, shift, record)
            record.layout_shift, record.shifted = shift["total"], shift["moved"]
            load_every_image(page)
            page.wait_for_load_state("networkidle")
            record.body_scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            record.images = page.evaluate(IMAGES_JS)
            found = page.evaluate(STRAY_TEX_JS)
            record.stray_tex, record.math_count = found["stray"], found["math"]
            record.violations = axe_violations(page)
        finally:
            page.close()
            self.current = None
        return record

    def measure_shift_again(self, page_path, scheme, first, record):
        """A second load of the page, measured the same way. A shift the page's own content causes
        comes back on every load; one seen in a single load of hundreds, with no element to name
        (the suite once measured 0.0112 on a page with no late content, and 0 in 80 loads after),
        is the machine's timing. The test fails on the smaller of the two, and warns of the other."""
        again = self.context(scheme).new_page()
        try:
            again.goto(self.base_url + page_path, wait_until="load")
            second = again.evaluate(SCROLL_AND_MEASURE_SHIFT_JS)
        finally:
            again.close()
        if second["total"] < LAYOUT_SHIFT_LIMIT:
            record.first_shift = (f"{first['total']:.4f} on a first load ({first['moved']}), "
                                  f"{second['total']:.4f} on a second")
        return min(first, second, key=lambda shift: shift["total"])

    def phone_visit(self, page_path: str) -> PhoneVisit:
        record = PhoneVisit(page_path)
        page = self.context("phone").new_page()
        try:
            page.goto(self.base_url + page_path, wait_until="load")
            load_every_image(page)
            found = page.evaluate(PHONE_JS)
            record.page_width, record.too_wide = found["pageWidth"], found["tooWide"]
            record.figures, record.tables = found["figures"], found["tables"]
            record.violations = axe_violations(page)
        finally:
            page.close()
        return record

    def close(self):
        for context in self.contexts.values():
            context.close()


# Scrolls to the bottom a screen at a time, as a reader does, letting lazy figures load on the
# way, and adds up the layout-shift scores since the page began to load.
SCROLL_AND_MEASURE_SHIFT_JS = """async () => {
  const entries = [];
  new PerformanceObserver(list => entries.push(...list.getEntries()))
    .observe({type: 'layout-shift', buffered: true});
  const pause = ms => new Promise(resolve => setTimeout(resolve, ms));
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight * 0.8) {
    scrollTo(0, y);
    await pause(60);
  }
  await pause(150);
  const counted = entries.filter(entry => !entry.hadRecentInput);
  const describe = node => node && node.nodeType === 1
    ? node.tagName.toLowerCase() + (node.id ? '#' + node.id : '') + (node.className ? '.' + node.className : '') : '?';
  return {
    total: counted.reduce((sum, entry) => sum + entry.value, 0),
    moved: counted.filter(entry => entry.value > 0.001).map(entry =>
      `${entry.value.toFixed(4)}: ${entry.sources.map(source => describe(source.node)).join(', ')}`),
  };
}"""

# At a phone's width: how wide the page is and what sticks out, each figure shown (its picture
# and drawn width), and each table's scroll box (does it overflow; does it show a hint).
PHONE_JS = """() => {
  const screen = document.documentElement.clientWidth;
  const tooWide = [];
  const scrollsItself = '.md-typeset__scrollwrap, pre, .math-block, .highlight, .jp-OutputArea, .md-sidebar';
  for (const element of document.querySelectorAll('.md-main *')) {
    const box = element.getBoundingClientRect();
    if (box.right > screen + 1 && box.width > 0 && !element.parentElement.closest(scrollsItself)) {
      tooWide.push(`${element.tagName.toLowerCase()}.${element.className}: right edge at ${Math.round(box.right)} px`);
    }
  }
  const figures = Array.from(document.querySelectorAll('figure img'))
    .filter(img => img.getBoundingClientRect().width > 0)
    .map(img => ({path: new URL(img.currentSrc).pathname, width: img.getBoundingClientRect().width}));
  const tables = Array.from(document.querySelectorAll('.md-typeset__scrollwrap')).map(wrap => ({
    overflows: wrap.scrollWidth > wrap.clientWidth + 1,
    hint: getComputedStyle(wrap).backgroundImage.includes('gradient'),
    text: wrap.textContent.trim().slice(0, 40),
  }));
  return {pageWidth: document.documentElement.scrollWidth, tooWide: tooWide.slice(0, 8), figures, tables};
}"""


def watch(page, record: Visit):
    def on_console(message):
        if message.type != "error":
            return
        where = message.location.get("url", "")
        if "ERR_BLOCKED_BY_CLIENT" in message.text and where in record.external:
            return  # our own abort of an external request, reported by its own test
        record.console.append(f"{message.text} (at {where or 'the page'})")

    def on_failed(request):
        response = request.response()
        if response is not None and response.status >= 400:
            return  # reported once, with its status, by on_response
        if request.url not in record.external:
            record.failed.append(f"{request.method} {request.url}: {request.failure}")

    def on_response(response):
        if response.status >= 400:
            record.failed.append(f"{response.request.method} {response.url}: HTTP {response.status}")

    page.on("request", lambda request: record.requested.append(request.url))
    page.on("console", on_console)
    page.on("pageerror", lambda error: record.console.append(f"uncaught exception: {error}"))
    page.on("requestfailed", on_failed)
    page.on("response", on_response)


def load_every_image(page):
    """Make lazy images load now, and wait until every image is done (loaded or broken)."""
    page.evaluate("() => document.querySelectorAll('img[loading=lazy]').forEach(i => i.loading = 'eager')")
    page.wait_for_function("() => Array.from(document.images).every(i => i.complete)", timeout=15_000)


def axe_violations(page) -> list:
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def describe_violation(violation: dict) -> str:
    lines = [f"{violation['id']} ({violation['impact']}): {violation['help']} [{len(violation['nodes'])} element(s)]"]
    for node in violation["nodes"][:6]:
        summary = " ".join((node.get("failureSummary") or "").split())
        lines.append(f"    {', '.join(map(str, node['target']))}: {summary[:300]}")
    return "\n".join(lines)


def on_page(visit: Visit) -> str:
    return f"{visit.page} ({visit.scheme})"


def report(problems: list[str], heading: str):
    """Fail with one line per problem (and no dump of the test's locals)."""
    if problems:
        pytest.fail(heading + "\n  " + "\n  ".join(problems), pytrace=False)


# --- the checks, per page and scheme ----------------------------------------------------------


def test_every_built_page_is_checked(built):
    built_set, checked = set(built_pages(built)), set(PAGES)
    problems = [f"{p}: built, not checked" for p in sorted(built_set - checked)]
    problems += [f"{p}: expected from {PAGES[p] or 'MkDocs'}, not built" for p in sorted(checked - built_set)]
    report(problems, "the browser tests and the built site disagree on the pages:")


@each_scheme
@each_page
def test_page_opens_in_its_colour_scheme(visits, page, scheme):
    visit = visits(page, scheme)
    if visit.body_scheme != SCHEMES[scheme]:
        report([f"data-md-color-scheme={visit.body_scheme!r}, expected {SCHEMES[scheme]!r}"], f"{on_page(visit)}:")


@each_scheme
@each_page
def test_no_request_to_another_host(visits, page, scheme):
    visit = visits(page, scheme)
    report(visit.external, f"{on_page(visit)} requested another host (blocked):")


@each_scheme
@each_page
def test_no_console_error_or_failed_request(visits, page, scheme):
    visit = visits(page, scheme)
    problems = [f"console: {line}" for line in visit.console] + [f"request: {line}" for line in visit.failed]
    report(problems, f"{on_page(visit)}:")


@each_scheme
@each_page
def test_images_load_and_say_what_they_show(visits, page, scheme):
    visit = visits(page, scheme)
    problems = []
    for image in visit.images:
        name = image["src"]
        if not (image["complete"] and image["naturalWidth"] > 0):
            problems.append(f"{name}: did not load")
        if len((image["alt"] or "").split()) < 3:
            problems.append(f"{name}: alt text {image['alt']!r} is not a description (3 words or more)")
        if image["path"].startswith("/figures/"):
            if not image["inFigure"]:
                problems.append(f"{name}: a figure outside <figure>")
            elif not image["caption"]:
                problems.append(f"{name}: its <figure> has no <figcaption> text")
    report(problems, f"{on_page(visit)}:")


@each_page
def test_math_is_drawn_as_mathml(visits, page):
    visit = visits(page, "light")
    report(visit.stray_tex, f"{page}: raw TeX left in the text (not turned into MathML):")
    if source_has_math(PAGES[page]) and visit.math_count == 0:
        report([f"its source {PAGES[page]} has math, the page has no <math> element"], f"{page}:")


@each_scheme
@each_page
def test_no_accessibility_violation(visits, page, scheme):
    visit = visits(page, scheme)
    report([describe_violation(v) for v in visit.violations], f"{on_page(visit)}: axe-core ({', '.join(AXE_TAGS)}):")


def figure_variants(images: list) -> dict[str, list]:
    variants = {"light": [], "dark": []}
    for image in images:
        for scheme in variants:
            if image["src"].endswith(f"#only-{scheme}"):
                variants[scheme].append(image)
    return variants


@each_scheme
@each_page
def test_figures_show_the_variant_of_the_scheme(visits, page, scheme):
    visit = visits(page, scheme)
    other = "dark" if scheme == "light" else "light"
    variants = figure_variants(visit.images)
    problems = [f"{i['src']}: hidden" for i in variants[scheme] if i["hidden"]]
    problems += [f"{i['src']}: shown" for i in variants[other] if not i["hidden"]]
    for image in visit.images:
        if image["path"].startswith("/figures/") and not image["src"].endswith(("#only-light", "#only-dark")):
            problems.append(f"{image['src']}: a figure with no #only-light/#only-dark variant")
    lights = sorted(i["path"].replace("-light.", ".") for i in variants["light"])
    darks = sorted(i["path"].replace("-dark.", ".") for i in variants["dark"])
    if lights != darks:
        problems.append(f"light and dark variants do not pair up: {lights} vs {darks}")
    report(problems, f"{on_page(visit)}:")


@each_page
def test_the_search_index_waits_until_the_reader_searches(visits, page):
    # hooks/search_on_demand.js: a third of a first visit's bytes, for readers who never search.
    visit = visits(page, "light")
    report([url for url in visit.requested if "search_index" in url], f"{page} downloaded the search index on opening:")


@each_scheme
@each_page
@pytest.mark.filterwarnings("default::UserWarning")  # a shift seen once is shown, not failed
def test_nothing_moves_while_scrolling_to_the_bottom(visits, page, scheme):
    visit = visits(page, scheme)
    if visit.first_shift:
        warnings.warn(f"{on_page(visit)}: layout shift {visit.first_shift}", stacklevel=1)
    if visit.layout_shift >= LAYOUT_SHIFT_LIMIT:
        report(visit.shifted or ["(each shift small)"],
               f"{on_page(visit)}: layout shift {visit.layout_shift:.4f} (limit {LAYOUT_SHIFT_LIMIT}); what moved:")


# --- at a phone's width -----------------------------------------------------------------------


@each_page
def test_on_a_phone_no_page_is_wider_than_the_screen(visits, page):
    visit = visits(page, "phone")
    if visit.page_width > PHONE["width"]:
        report(visit.too_wide, f"{page} at {PHONE['width']} px is {visit.page_width} px wide; reaching past the edge:")


@each_page
def test_on_a_phone_no_accessibility_violation(visits, page):
    visit = visits(page, "phone")
    report([describe_violation(v) for v in visit.violations], f"{page} at {PHONE['width']} px: axe-core:")


def smallest_text_px(svg: Path, shown_width: float) -> float:
    """The size in CSS pixels of a figure's smallest text when the figure is drawn shown_width wide
    (figures.render writes the smallest text size into the SVG: its text is drawn as outlines)."""
    head = svg.read_text(encoding="utf-8")[:3000]
    smallest = re.search(r'data-smallest-text="([0-9.]+)pt"', head)
    width = re.search(r'<svg[^>]*\swidth="([0-9.]+)pt"', head)
    assert smallest and width, f"{svg.name}: no data-smallest-text or width in points (not drawn by figures.render?)"
    return float(smallest[1]) * shown_width / float(width[1])


@each_page
def test_on_a_phone_figure_text_is_readable(visits, built, page):
    visit = visits(page, "phone")
    problems = []
    for figure in visit.figures:
        px = smallest_text_px(built / figure["path"].lstrip("/"), figure["width"])
        if px < SMALLEST_TEXT_PX:
            problems.append(f"{figure['path']}: drawn {figure['width']:.0f} px wide, smallest text {px:.1f} px")
    report(problems, f"{page} at {PHONE['width']} px: figure text under {SMALLEST_TEXT_PX} px:")


@each_page
def test_on_a_phone_wide_tables_show_they_scroll(visits, page):
    visit = visits(page, "phone")
    report([f"table starting {t['text']!r}: scrolls sideways with no hint" for t in visit.tables
            if t["overflows"] and not t["hint"]], f"{page} at {PHONE['width']} px:")


# --- a figure opens full size -------------------------------------------------------------------

OPEN_FIGURE_JS = """() => {
  const dialog = document.querySelector('dialog[open]');
  if (!dialog) return null;
  const img = dialog.querySelector('img');
  return {src: new URL(img.currentSrc).pathname, width: img.getBoundingClientRect().width,
          natural: img.naturalWidth, focus: dialog.contains(document.activeElement)};
}"""


@pytest.mark.parametrize("viewport", [VIEWPORT, PHONE], ids=["desktop", "phone"])
def test_a_figure_opens_full_size_and_closes_with_escape(visits, base_url, viewport):
    context = visits.new_context("light", viewport)
    try:
        page = context.new_page()
        page.goto(base_url + "derivatives/descent/", wait_until="load")
        link = page.locator("a.figure-zoom:visible").first
        shown_width = link.locator("img").evaluate("img => img.getBoundingClientRect().width")
        wide_path = urlsplit(link.get_attribute("href")).path.rsplit("/", 1)[-1]
        link.click()
        page.wait_for_selector("dialog[open] img", timeout=5_000)
        page.wait_for_function("() => document.querySelector('dialog[open] img').complete")
        opened = page.evaluate(OPEN_FIGURE_JS)
        problems = []
        if not opened["src"].endswith("/" + wide_path):
            problems.append(f"the dialog shows {opened['src']}, not the full figure {wide_path}")
        if opened["width"] < max(shown_width, opened["natural"]) - 1:
            problems.append(f"the dialog draws it {opened['width']:.0f} px wide: not larger than on the page "
                            f"({shown_width:.0f} px) and its own size ({opened['natural']} px)")
        if not opened["focus"]:
            problems.append("the keyboard's focus is not inside the dialog")
        problems += [describe_violation(v) for v in axe_violations(page)]
        page.keyboard.press("Escape")
        page.wait_for_function("() => !document.querySelector('dialog')", timeout=5_000)
        if not page.evaluate("() => document.activeElement.matches('a.figure-zoom')"):
            problems.append("after Escape the focus is not back on the figure")
        page.keyboard.press("Enter")  # the figure, focused, opens from the keyboard too
        page.wait_for_selector("dialog[open] img", timeout=5_000)
        page.keyboard.press("Escape")
        report(problems, f"derivatives/descent/ at {viewport['width']} px, its first figure opened full size:")
    finally:
        context.close()


# --- the palette toggle, screenshots, search ----------------------------------------------------


def figure_state(page) -> list[str]:
    """What is wrong with the figures on the open page for the scheme its body shows."""
    shown = page.evaluate(
        """() => Array.from(document.querySelectorAll('img')).map(
             img => [img.getAttribute('src'), getComputedStyle(img).display !== 'none'])"""
    )
    scheme = {v: k for k, v in SCHEMES.items()}[page.evaluate("document.body.getAttribute('data-md-color-scheme')")]
    other = "dark" if scheme == "light" else "light"
    problems = [f"{src}: hidden in {scheme} mode" for src, visible in shown
                if src.endswith(f"#only-{scheme}") and not visible]
    return problems + [f"{src}: shown in {scheme} mode" for src, visible in shown
                       if src.endswith(f"#only-{other}") and visible]


def toggle_palette(page, to_scheme: str):
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    wanted = SCHEMES[to_scheme]
    page.wait_for_function(f"() => document.body.getAttribute('data-md-color-scheme') === '{wanted}'", timeout=5_000)


def test_palette_toggle_switches_figures_and_screenshots(visits, base_url):
    """On the home page: light, click the toggle, dark (remembered on reload), click, light."""
    context = visits.new_context("light")  # its own context: the toggle is stored in localStorage
    try:
        page = context.new_page()
        page.goto(base_url, wait_until="load")
        load_every_image(page)
        SHOTS.mkdir(parents=True, exist_ok=True)
        variants = page.locator("img[src$='#only-light'], img[src$='#only-dark']").count()
        report([] if variants else ["no #only-light/#only-dark figure to switch"], "home page:")
        report(figure_state(page), "home page, before the toggle:")
        page.screenshot(path=SHOTS / "browser-test-home-light.png")

        toggle_palette(page, "dark")
        report(figure_state(page), "home page, after switching to dark mode:")
        page.mouse.move(0, VIEWPORT["height"] - 1)  # no hover tooltip on the toggle
        page.screenshot(path=SHOTS / "browser-test-home-dark.png")

        page.reload(wait_until="load")
        report(figure_state(page), "home page, reloaded in dark mode:")
        remembered = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
        report([] if remembered == "slate" else [f"the reload shows {remembered!r}"], "dark mode is not remembered:")

        toggle_palette(page, "light")
        report(figure_state(page), "home page, after switching back to light mode:")
    finally:
        context.close()


def pages_mentioning(built: Path, word: str) -> tuple[set[str], set[str]]:
    """Pages (as search links them: "", "glossary/") whose content has `word`: (in a word of
    their prose that starts with it, as search must find; anywhere in the text, code included)."""
    surely, maybe = set(), set()
    for page in built_pages(built):
        text = article_text(built / page)
        location = page.removesuffix("index.html")
        if any(token.startswith(word) for token in search_tokens(" ".join(text.prose))):
            surely.add(location)
        if word in " ".join(text.all).lower():
            maybe.add(location)
    return surely, maybe


def search_results(page, selector: str, timeout: float = 10.0) -> list[str] | None:
    """The result links once they stop changing (the list is redrawn per key), or None."""
    last, since, deadline = None, time.monotonic(), time.monotonic() + timeout
    while time.monotonic() < deadline:
        now = page.eval_on_selector_all(selector, "links => links.map(a => a.href)")
        if now != last:
            last, since = now, time.monotonic()
        elif now and time.monotonic() - since >= 0.5:
            return now
        page.wait_for_timeout(100)
    return None


def test_search_works_offline(visits, base_url, built):
    must_list, may_list = pages_mentioning(built, "sigmoid")
    assert must_list, "no page mentions 'sigmoid': pick another word for this test"
    page = visits.context("light").new_page()
    try:
        page.goto(base_url, wait_until="load")
        box = page.locator("input.md-search__input")
        box.click()  # in the header on a wide screen
        box.press_sequentially("sigmoid", delay=20)
        found = search_results(page, "li.md-search-result__item > a.md-search-result__link")
        meta = " ".join((page.locator(".md-search-result__meta").text_content() or "").split())
    finally:
        page.close()
    if not found:
        report([f"no result within 10 s; the search box says {meta!r}"], "search for 'sigmoid':")
    listed = {urlsplit(url).path.lstrip("/") for url in found}  # drop Material's ?h=sigmoid#section
    problems = [f"{p or 'home'}: listed, does not mention it" for p in sorted(listed - may_list)]
    count = re.match(r"(\d+) matching", meta)
    if count and int(count[1]) <= len(listed):  # every result drawn (Material draws 10 at first)
        problems += [f"{p or 'home'}: mentions it, not listed" for p in sorted(must_list - listed)]
    elif not count or int(count[1]) < len(must_list):
        problems.append(f"{len(must_list)} pages mention it, the search box says {meta!r}")
    # The page about the term comes first (its front matter boosts it in the search index).
    if urlsplit(found[0]).path.lstrip("/") != "activations/sigmoid/":
        problems.append(f"the first result is {urlsplit(found[0]).path!r}, not the sigmoid page")
    report(problems, f"search for 'sigmoid' ({meta}):")


# --- links (no browser needed) ----------------------------------------------------------------


def site_url() -> str:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*(\S+)", config, re.M)
    return match[1] if match else ""


def test_no_broken_internal_link_or_anchor(built):
    problems = broken_links(built, site_url())
    report(problems, f"{len(problems)} broken link(s) in the built site:")
