"""Draw every figure of the site from `snippets/figures.py` while the site builds.

Each figure is drawn twice, for the light and the dark colour scheme, as SVG. Drawing takes
seconds, so the SVGs are kept in `.cache/figures/<key>/`, where the key is a hash of every file
in `snippets/` and the library versions: unchanged code reuses the cached files (a rebuild
under `mkdocs serve` stays fast), changed code draws everything afresh. No image is committed.
"""

import hashlib
import importlib
import re
import shutil
import sys
from pathlib import Path

import matplotlib
import numpy
from mkdocs.structure.files import File

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
CACHE = ROOT / ".cache" / "figures"
SCHEMES = ("light", "dark")
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
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for name in figures.all_figures():
        for scheme in SCHEMES:
            (partial / f"{name}-{scheme}.svg").write_bytes(figures.render(name, scheme))
    (partial / DONE).touch()
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)


def on_files(files, config):
    folder = CACHE / code_key()
    if not (folder / DONE).exists():
        draw_all(folder)
        for old in CACHE.iterdir():  # keep only the current set
            if old != folder:
                shutil.rmtree(old, ignore_errors=True)
    for svg in sorted(folder.glob("*.svg")):
        files.append(File.generated(config, f"figures/{svg.name}", abs_src_path=str(svg)))
    return files


def on_page_content(html, page, **kwargs):
    # Each figure is there twice, for the light and the dark scheme, and only one is shown:
    # lazy loading means the browser never downloads the hidden one.
    return re.sub(r'<img (?=[^>]*src="[^"]*figures/)', '<img loading="lazy" ', html)
