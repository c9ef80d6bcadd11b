"""Draw every figure of the site from `snippets/figures.py` while the site builds.

Each figure is drawn twice, for the light and the dark colour scheme, as SVG (four times if it
has a phone version, which pages show on narrow screens through <picture>), and kept in
`.cache/figures/` under a key of its own (hooks/snippet_modules.py's function_key: the file that
draws it, and every sibling module its drawing code takes names from, with whatever those
import). A snippet edit therefore redraws only the figures whose code or data could have
changed, and a rebuild after a page edit draws nothing. No image is committed.
"""

import hashlib
import multiprocessing
import os
import re
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mkdocs.structure.files import File

import snippet_modules

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = snippet_modules.SNIPPETS
CACHE = ROOT / ".cache" / "figures"
SCHEMES = ("light", "dark")
KEEP = 3  # versions kept per figure: enough for builds of other versions running at once
IN_PROCESS = 8  # up to this many figures to draw: draw them in this process


# Below this width (Material's own phone layout) a figure with a phone version shows that one.
NARROW_SCREEN = "(max-width: 44.9375em)"


def cached_svg(name, key, scheme, variant="") -> Path:
    return CACHE / f"{name}.{key}.{variant + '.' if variant else ''}{scheme}.svg"


def draw(figures, wanted):
    """Draw the figures {name: key} into the cache."""
    CACHE.mkdir(parents=True, exist_ok=True)
    # Draw into a private folder, then move each file into place in one step: two builds running
    # at once (a test and `mkdocs serve`, say) never see each other's half-drawn files.
    partial = Path(tempfile.mkdtemp(dir=CACHE, prefix=".drawing-"))
    try:
        names = sorted(wanted)
        if len(names) <= IN_PROCESS:
            # A few figures, after a snippet edit: drawn here, from the results the pages' facts
            # have just computed in this process (one run for a figure and its sentence).
            for name in names:
                figures.write_svgs(name, str(partial))
        else:
            # Many, in a cold build: one process per core ("spawn": a clean interpreter, safe
            # beside `mkdocs serve`'s threads); each draws both schemes of a figure.
            workers = max(1, min(os.cpu_count() or 1, len(names)))
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
                list(pool.map(figures.write_svgs, names, [str(partial)] * len(names)))
        for name in names:
            for variant in figures.variants(name):
                for scheme in SCHEMES:
                    os.replace(partial / figures.file_name(name, scheme, variant),
                               cached_svg(name, wanted[name], scheme, variant))
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def forget_old_versions(name):
    versions = sorted(CACHE.glob(f"{name}.*.light.svg"), key=lambda path: path.stat().st_mtime)
    versions = [path for path in versions if path.name.count(".") == 3]  # NAME.KEY.light.svg
    for old in versions[:-KEEP]:
        key = old.name[len(name) + 1:].split(".")[0]
        for path in CACHE.glob(f"{name}.{key}.*svg"):
            path.unlink(missing_ok=True)


def on_files(files, config):
    figures = snippet_modules.fresh_import("figures")
    # figures.py sets the look of every figure (colours, fonts), so it is part of every key.
    look = hashlib.sha256((SNIPPETS / "figures.py").read_bytes()).hexdigest()
    keys = {name: hashlib.sha256(f"{look} {snippet_modules.function_key(draw)}".encode()).hexdigest()[:16]
            for name, draw in figures.all_figures().items()}
    missing = {name: key for name, key in keys.items()
               if not all(cached_svg(name, key, scheme, variant).exists()
                          for variant in figures.variants(name) for scheme in SCHEMES)}
    if missing:
        draw(figures, missing)
        for name in missing:
            forget_old_versions(name)
    _sizes.clear()
    for name, key in sorted(keys.items()):
        for variant in figures.variants(name):
            for scheme in SCHEMES:
                cached = cached_svg(name, key, scheme, variant)
                _sizes[name, variant, scheme] = svg_size(cached)
                files.append(File.generated(config, "figures/" + figures.file_name(name, scheme, variant),
                                            abs_src_path=str(cached)))
    return files


def svg_size(path):
    """(width, height) in CSS pixels of a matplotlib SVG, from its width="...pt" height="...pt"."""
    head = path.read_text(encoding="utf-8")[:2000]
    width, height = (float(re.search(rf'<svg[^>]*\s{side}="([0-9.]+)pt"', head)[1]) for side in ("width", "height"))
    return round(width * 96 / 72), round(height * 96 / 72)  # 72 points, 96 CSS pixels an inch


def on_page_content(html, page, **kwargs):
    # Each image gets its width and height, so the page keeps its layout while figures load
    # (no shift under the reader, anchor links land right). Each figure is there twice, for
    # the light and the dark scheme, and only one is shown: lazy loading means the browser
    # never downloads the hidden one. The first figure of a page is loaded at once: it is often
    # the largest thing the reader sees first. A figure with a phone version offers it to
    # narrow screens, and every figure is a link to itself: docs/js/figure-zoom.js opens it full
    # size over the page (without JavaScript the browser opens the picture).
    first = None

    def rewrite(match):
        nonlocal first
        tag, name, scheme, src = match.group(0), match["name"], match["scheme"], match["src"]
        first = first or name
        width, height = _sizes.get((name, "", scheme), (None, None))
        attributes = f' width="{width}" height="{height}"' if width else ""
        if name != first:
            attributes += ' loading="lazy"'
        img = tag[:-len(match["end"])] + attributes + match["end"]
        if (name, "narrow", scheme) in _sizes:
            narrow_width, narrow_height = _sizes[name, "narrow", scheme]
            narrow_src = src.replace(f"{name}-{scheme}.svg", f"{name}-narrow-{scheme}.svg")
            img = (f'<picture><source media="{NARROW_SCREEN}" srcset="{narrow_src}" '
                   f'width="{narrow_width}" height="{narrow_height}">{img}</picture>')
        return f'<a class="figure-zoom" href="{src}">{img}</a>'

    return FIGURE_IMG.sub(rewrite, html)


FIGURE_IMG = re.compile(
    r'<img (?=[^>]*src="(?P<src>[^"#]*figures/(?P<name>[a-z0-9-]+)-(?P<scheme>light|dark)\.svg)[^"]*")'
    r'[^>]*?(?P<end>\s*/?>)')
_sizes = {}  # (figure name, variant, scheme): (width, height) in pixels
