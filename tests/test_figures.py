"""Every figure is drawn from the code, the same bytes every time, in both colour schemes."""

import re
import xml.etree.ElementTree as ElementTree

import matplotlib.pyplot as plt
import pytest

import figures
from conftest import DOCS

NAMES = sorted(figures.all_figures())
MAX_BYTES = 150_000  # the page-weight budget for one figure


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.mark.parametrize("name", NAMES)
def test_built_figure_is_a_small_svg_in_both_schemes(site, name):
    light, dark = ((site / "figures" / f"{name}-{scheme}.svg").read_bytes() for scheme in ("light", "dark"))
    for scheme, svg in (("light", light), ("dark", dark)):
        assert ElementTree.fromstring(svg).tag.endswith("svg")
        assert len(svg) < MAX_BYTES, f"{name}-{scheme}.svg is {len(svg)} bytes"
    assert light != dark


@pytest.mark.parametrize("name", ["running-example-error", "activations"])
def test_drawing_is_deterministic(site, name):
    # Same code, same bytes: in this process, twice, and in the build's own worker process.
    # (A sample of figures, as drawing every one again would double the suite's time.)
    for scheme in ("light", "dark"):
        first = figures.render(name, scheme)
        assert figures.render(name, scheme) == first
        assert (site / "figures" / f"{name}-{scheme}.svg").read_bytes() == first


def test_unknown_figure_or_scheme_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown figure 'nope': expected one of"):
        figures.render("nope", "light")
    with pytest.raises(ValueError, match="unknown scheme 'sepia'"):
        figures.render(NAMES[0], "sepia")


def test_every_figure_is_shown_in_both_schemes_and_every_shown_figure_exists():
    text = "\n".join(page.read_text(encoding="utf-8") for page in DOCS.rglob("*.md"))
    shown = set(re.findall(r"figures/([a-z0-9-]+)-(light|dark)\.svg#only-\2", text))
    assert shown == {(name, scheme) for name in NAMES for scheme in ("light", "dark")}


def test_every_figure_on_a_page_has_a_caption(site):
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for block in re.findall(r"<figure\b.*?</figure>", html, re.S):
            if "figures/" in block:
                caption = re.search(r"<figcaption>(.*?)</figcaption>", block, re.S)
                assert caption and len(re.sub("<[^>]+>", "", caption[1]).split()) >= 4, block[:300]
        outside = re.sub(r"<figure\b.*?</figure>", "", html, flags=re.S)
        assert not re.search(r'<img[^>]+src="[^"]*figures/', outside), f"{page}: a figure without <figure>"
