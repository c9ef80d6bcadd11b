"""The site builds with `mkdocs build --strict`, with no warning, and every page is whole."""

import re
import sys
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from conftest import DOCS, ROOT


def test_strict_build_has_no_warning(site_build):
    result, _ = site_build
    assert result.returncode == 0, result.stderr[-4000:]
    # MkDocs' own warnings ("WARNING -  ..."); a notebook kernel's log lines are not ours to judge.
    warnings = [line for line in result.stderr.splitlines() if re.match(r"WARNING\s+-", line)]
    assert warnings == []
    # Nothing alarming or misleading for a reader who builds the site (README's read command).
    for noise in ("without encryption", "Cache miss, writing"):
        assert noise not in result.stderr


def pages(site):
    return sorted(site.rglob("*.html"))


def test_every_markdown_page_is_built(site):
    for source in DOCS.rglob("*.md"):
        page = source.relative_to(DOCS).with_suffix("")
        target = site / page.parent / ("index.html" if page.name == "index" else f"{page.name}/index.html")
        assert target.exists(), f"{source} was not built to {target}"


class PageParts(HTMLParser):
    """Collects the images (with their alt text), scripts and stylesheets of one HTML page."""

    def __init__(self):
        super().__init__()
        self.images, self.scripts, self.styles = [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "img":
            self.images.append(attrs)
        if tag == "script" and "src" in attrs:
            self.scripts.append(attrs["src"])
        if tag == "link" and attrs.get("rel") == "stylesheet":
            self.styles.append(attrs["href"])


def parts(page: Path) -> PageParts:
    parser = PageParts()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_no_script_style_or_image_comes_from_another_host(site):
    for page in pages(site):
        found = parts(page)
        loaded = found.scripts + found.styles + [image.get("src", "") for image in found.images]
        remote = [url for url in loaded if re.match(r"(https?:)?//", url)]
        assert remote == [], f"{page.relative_to(site)} loads {remote}"


def test_every_image_exists_and_has_alt_text(site):
    for page in pages(site):
        for image in parts(page).images:
            src = image.get("src", "").split("#")[0]
            assert (page.parent / src).resolve().exists(), f"{page.relative_to(site)}: missing image {src}"
            assert len(image.get("alt", "").split()) >= 3, f"{page.relative_to(site)}: {src} needs alt text"


def test_math_is_rendered_to_mathml(site):
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        assert 'class="arithmatex"' not in html, f"{page.relative_to(site)} has unrendered math"


def built_page(site, source):
    page = source.relative_to(DOCS).with_suffix("")
    return site / page.parent / ("index.html" if page.name == "index" else f"{page.name}/index.html")


def test_every_marker_is_filled_in(site):
    sys.path.insert(0, str(ROOT / "hooks"))
    import fill_in

    for source in DOCS.rglob("*.md"):
        html = built_page(site, source).read_text(encoding="utf-8")
        assert "{{" not in re.sub(r"<code.*?</code>", "", html, flags=re.S), f"{source}: a marker was left"
        assert "&lt;!-- output --&gt;" not in html and "<!-- output -->" not in html
        # What each block prints is on the built page, line by line.
        text = unescape(re.sub(r"<[^>]+>", "", html))
        filled = fill_in.fill(source.read_text(encoding="utf-8"), source.name)
        markdown = source.read_text(encoding="utf-8")
        printed = re.findall(r"```text\n(.*?)\n\s*```", filled, flags=re.S)
        assert len(printed) >= markdown.count("<!-- output -->")
        for block in printed:
            for line in block.splitlines():
                assert line.strip() in text, f"{source}: the output line {line.strip()!r} is not on the page"


def test_every_figure_has_its_size_and_the_first_is_not_lazy(site):
    """Width and height keep the layout still while figures load; the first figure of a page,
    often the largest thing on screen, loads at once, the others lazily."""
    for page in pages(site):
        images = [image for image in parts(page).images if "/figures/" in "/" + image.get("src", "")]
        for image in images:
            assert image.get("width", "").isdigit() and image.get("height", "").isdigit(), (
                f"{page.relative_to(site)}: {image['src']} has no width and height")
            svg = (page.parent / image["src"].split("#")[0]).resolve().read_text(encoding="utf-8")[:2000]
            width = float(re.search(r'<svg[^>]*\swidth="([0-9.]+)pt"', svg)[1])
            assert abs(int(image["width"]) - width * 96 / 72) <= 1
        if images:
            first = images[0]["src"].split("-light.svg")[0].split("-dark.svg")[0]
            for image in images:
                is_first = image["src"].startswith(first + "-")
                assert (image.get("loading") == "lazy") != is_first, f"{page.relative_to(site)}: {image['src']}"


def test_the_reading_set_up_is_the_test_set_up_less_the_test_tools():
    """README: reading installs requirements-site.lock, testing requirements.lock. The first
    must pin exactly the versions of the second, and leave the test tools out."""
    def pins(name):
        text = (ROOT / name).read_text(encoding="utf-8")
        return dict(re.findall(r"^([a-z0-9._-]+)==([^\s;]+)", text, flags=re.M))

    site, full = pins("requirements-site.lock"), pins("requirements.lock")
    assert {"mkdocs", "mkdocs-material", "mkdocs-jupyter", "numpy", "matplotlib"} <= set(site)
    assert all(full.get(name) == version for name, version in site.items())
    assert not {"pytest", "playwright", "hypothesis", "ruff"} & set(site)


def test_tooltips_once_per_term_per_section_never_in_headings_and_reachable(site):
    quiet = re.compile(r"<(h[1-6]|th|figcaption|code|pre|a)\b[^>]*>(?:(?!</\1>).)*<abbr", re.S)
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        article = html[html.find("<article"):html.find("</article>")]
        if page.parent.name == "glossary":
            assert "<abbr" not in article, "the glossary page itself has no tooltips"
            continue
        assert not quiet.search(article), f"{page.relative_to(site)}: a tooltip in a heading, caption, code or link"
        for section in re.split(r"<h2\b", article):
            titles = re.findall(r'<abbr title="([^"]*)"', section)
            assert len(titles) == len(set(titles)), f"{page.relative_to(site)}: a term underlined twice in a section"
        if page.parent.name == "snippets":  # the reference page: `tooltips: once per page`
            titles = re.findall(r'<abbr title="([^"]*)"', article)
            assert len(titles) == len(set(titles)), "the reference page underlines a term twice"
        unreachable = len(re.findall(r"<abbr (?![^>]*tabindex=\"0\")", article))
        assert unreachable == 0, f"{page.relative_to(site)}: {unreachable} tooltips not reachable from the keyboard"
