"""Draw every figure of the site from `snippets/figures.py` while the site builds.

Each figure is drawn twice, for the light and the dark colour scheme, as SVG. Drawing takes
seconds, so the SVGs are kept in `.cache/figures/<key>/`, where the key is a hash of every file
in `snippets/` and the library versions: unchanged code reuses the cached files (a rebuild
under `mkdocs serve` stays fast), changed code draws everything afresh. No image is committed.
"""

import hashlib
import importlib
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

import matplotlib
import numpy
from concurrent.futures import ProcessPoolExecutor
from itertools import repeat

from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
CACHE = ROOT / ".cache" / "figures"
SCHEMES = ("light", "dark")
KEEP = 3
DONE = "complete"  # written last, so a build stopped half-way never leaves a partial set


def code_key() -> str:
    digest = hashlib.sha256(f"{matplotlib.__version__} {numpy.__version__}".encode())
    for path in sorted(SNIPPETS.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def fresh_figures_module():
    """Import snippets/figures.py anew, with every snippet module it uses reloaded too
    (under `mkdocs serve` the same Python process builds the site again after each change)."""
    for name, module in list(sys.modules.items()):
        if Path(getattr(module, "__file__", None) or "/").parent == SNIPPETS:
            del sys.modules[name]
    if str(SNIPPETS) not in sys.path:
        sys.path.insert(0, str(SNIPPETS))
    return importlib.import_module("figures")


def draw_all(folder: Path) -> None:
    figures = fresh_figures_module()
    # Draw into a private folder, then move it into place in one step: two builds running at
    # once (a test and `mkdocs serve`, say) never see each other's half-drawn sets.
    CACHE.mkdir(parents=True, exist_ok=True)
    partial = Path(tempfile.mkdtemp(dir=CACHE, prefix=".drawing-"))
    try:
        names = list(figures.all_figures())
        # One process per core ("spawn": a clean interpreter, safe beside `mkdocs serve`'s
        # threads); each draws both schemes of a figure, so they share cached computations.
        workers = max(1, min(os.cpu_count() or 1, len(names)))
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            list(pool.map(figures.write_svgs, names, repeat(str(partial))))
        (partial / DONE).touch()
        partial.rename(folder)
    except OSError:
        if not (folder / DONE).exists():  # not just another build finishing first
            raise
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def on_files(files, config):
    folder = CACHE / code_key()
    if not (folder / DONE).exists():
        draw_all(folder)
        # Keep the newest few sets: enough for builds of other versions that may be running.
        sets = sorted((p for p in CACHE.iterdir() if not p.name.startswith(".")), key=lambda p: p.stat().st_mtime)
        for old in sets[:-KEEP]:
            shutil.rmtree(old, ignore_errors=True)
    for svg in sorted(folder.glob("*.svg")):
        files.append(File.generated(config, f"figures/{svg.name}", abs_src_path=str(svg)))
    return files


def on_page_content(html, page, **kwargs):
    # Each figure is there twice, for the light and the dark scheme, and only one is shown:
    # lazy loading means the browser never downloads the hidden one.
    return re.sub(r'<img (?=[^>]*src="[^"]*figures/)', '<img loading="lazy" ', html)
