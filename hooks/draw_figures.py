"""Draw every figure of the site from `snippets/figures.py` while the site builds.

Each figure is drawn twice, for the light and the dark colour scheme, as SVG, and kept in
`.cache/figures/` under a key of its own: a hash of the module that draws it and of every
sibling module that module imports, directly or not (the results it draws, the reference they
use), plus the library versions. A snippet edit therefore redraws only the figures whose code
or data could have changed, and a rebuild after a page edit draws nothing. No image is committed.
"""

import ast
import hashlib
import importlib
import multiprocessing
import os
import re
import shutil
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import matplotlib
import numpy
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
CACHE = ROOT / ".cache" / "figures"
SCHEMES = ("light", "dark")
KEEP = 3  # versions kept per figure: enough for builds of other versions running at once


def sibling_imports(module):
    """The snippets/ modules that snippets/<module>.py imports by name."""
    tree = ast.parse((SNIPPETS / f"{module}.py").read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return {name for name in names if (SNIPPETS / f"{name}.py").exists()}


def module_key(module) -> str:
    """A hash of the module, every sibling it needs (directly or not), and the libraries."""
    needed, waiting = set(), [module]
    while waiting:
        current = waiting.pop()
        if current not in needed:
            needed.add(current)
            waiting += sibling_imports(current)
    # numpy's and OpenBLAS's code paths change the last bits of what is drawn (never what is
    # shown): a build under other settings draws its own figures.
    settings = " ".join(os.environ.get(name, "") for name in ("NPY_DISABLE_CPU_FEATURES", "OPENBLAS_CORETYPE"))
    digest = hashlib.sha256(f"{matplotlib.__version__} {numpy.__version__} {settings}".encode())
    for name in sorted(needed):
        digest.update(name.encode() + (SNIPPETS / f"{name}.py").read_bytes())
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


def cached_svg(name, key, scheme) -> Path:
    return CACHE / f"{name}.{key}.{scheme}.svg"


def draw(figures, wanted):
    """Draw the figures {name: key} into the cache, one process per core."""
    CACHE.mkdir(parents=True, exist_ok=True)
    # Draw into a private folder, then move each file into place in one step: two builds running
    # at once (a test and `mkdocs serve`, say) never see each other's half-drawn files.
    partial = Path(tempfile.mkdtemp(dir=CACHE, prefix=".drawing-"))
    try:
        names = sorted(wanted)
        # "spawn": a clean interpreter, safe beside `mkdocs serve`'s threads. Each worker draws
        # both schemes of a figure, so they share cached computations.
        workers = max(1, min(os.cpu_count() or 1, len(names)))
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            list(pool.map(figures.write_svgs, names, [str(partial)] * len(names)))
        for name in names:
            for scheme in SCHEMES:
                os.replace(partial / f"{name}-{scheme}.svg", cached_svg(name, wanted[name], scheme))
    finally:
        shutil.rmtree(partial, ignore_errors=True)


def forget_old_versions(name):
    versions = sorted(CACHE.glob(f"{name}.*.light.svg"), key=lambda path: path.stat().st_mtime)
    for old in versions[:-KEEP]:
        key = old.name[len(name) + 1:].split(".")[0]
        for scheme in SCHEMES:
            cached_svg(name, key, scheme).unlink(missing_ok=True)


def on_files(files, config):
    figures = fresh_figures_module()
    keys = {name: module_key(draw_function.__module__) for name, draw_function in figures.all_figures().items()}
    missing = {name: key for name, key in keys.items()
               if not all(cached_svg(name, key, scheme).exists() for scheme in SCHEMES)}
    if missing:
        draw(figures, missing)
        for name in missing:
            forget_old_versions(name)
    for name, key in sorted(keys.items()):
        for scheme in SCHEMES:
            files.append(File.generated(config, f"figures/{name}-{scheme}.svg",
                                        abs_src_path=str(cached_svg(name, key, scheme))))
    return files


def on_page_content(html, page, **kwargs):
    # Each figure is there twice, for the light and the dark scheme, and only one is shown:
    # lazy loading means the browser never downloads the hidden one.
    return re.sub(r'<img (?=[^>]*src="[^"]*figures/)', '<img loading="lazy" ', html)
