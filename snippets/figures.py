"""Every figure on the site, drawn from the reference implementation.

Unlike the other modules this one needs matplotlib as well as numpy: it is the site's drawing
code, not a snippet to copy. `hooks/draw_figures.py` calls `render(name, scheme)` for every name in
`all_figures()` while the site builds, so a picture can never disagree with the code it shows.

This file holds the shared look (colours for the light and the dark scheme), the registry, and
the figures of the home and reference pages. Each chapter keeps its own figures in a sibling
module named `figures_<chapter>.py`, which registers them with `@figure("name")`.
Run `python snippets/figures.py FOLDER [NAME ...]` to write every figure (or the ones named)
into FOLDER, as NAME-light.svg and NAME-dark.svg.
"""

import importlib
import io
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # draw to files only; no window, no display needed

import matplotlib.pyplot as plt
import numpy as np

import activations
import datasets
import descent
import results_home
import running_example

# Colours that read well on both Material's white and its dark slate background.
# "background" is the page's own (Material's white and its dark slate), for labels drawn on a box.
SCHEMES = {
    "light": {"text": "#1f2328", "grid": "#d0d7de", "background": "#ffffff",
              "lines": ["#3557c5", "#c4540a", "#1a7f37", "#b42318"]},
    "dark": {"text": "#e6edf3", "grid": "#3d444d", "background": "#1e2029",
             "lines": ["#8aa8ff", "#f5a55a", "#56d364", "#ff8e82"]},
}

FIGURES = {}

# One fixed colour per activation in every figure of the site: an index into colours["lines"].
ACTIVATION_COLOUR = {"sigmoid": 0, "tanh": 1, "relu": 2, "identity": 3}


def activation_colour(colours, activation):
    return colours["lines"][ACTIVATION_COLOUR[activation]]


def figure(name):
    """Register a drawing function under the name its SVG files get."""

    def register(draw):
        FIGURES[name] = draw
        return draw

    return register


def all_figures():
    """Every registered figure, after importing each chapter's figures_*.py beside this file."""
    for path in sorted(Path(__file__).parent.glob("figures_*.py")):
        importlib.import_module(path.stem)
    return FIGURES


def style(scheme):
    colours = SCHEMES[scheme]
    return {
        "svg.hashsalt": "how-networks-learn",  # stable ids: unchanged code gives identical bytes
        "svg.fonttype": "path",
        "figure.facecolor": "none",
        "axes.facecolor": "none",
        "savefig.transparent": True,
        "text.color": colours["text"],
        "axes.labelcolor": colours["text"],
        "axes.edgecolor": colours["text"],
        "xtick.color": colours["text"],
        "ytick.color": colours["text"],
        "grid.color": colours["grid"],
        "axes.grid": True,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.prop_cycle": matplotlib.cycler(color=colours["lines"]),
        "font.size": 11,
        "legend.frameon": False,
    }


def render(name, scheme):
    """Draw figure `name` for colour scheme "light" or "dark" and return the SVG bytes."""
    if name not in all_figures():
        raise ValueError(f"unknown figure {name!r}: expected one of {', '.join(sorted(FIGURES))}")
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}: expected 'light' or 'dark'")
    with plt.rc_context(style(scheme)):
        fig = FIGURES[name](SCHEMES[scheme])
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
        plt.close(fig)
    return buffer.getvalue()


def write_svgs(name, folder):
    """Write NAME-light.svg and NAME-dark.svg into folder (the build hook calls this)."""
    for scheme in SCHEMES:
        (Path(folder) / f"{name}-{scheme}.svg").write_bytes(render(name, scheme))


@figure("running-example-error")
def running_example_error(colours):
    _, history = running_example.trained()
    fig, ax = plt.subplots(figsize=(6.4, 3.4))
    ax.plot(np.arange(len(history.losses)), history.losses, linewidth=2)
    ax.set_xlabel("training step (epoch)")
    ax.set_ylabel("error (loss)")
    ax.set_ylim(bottom=0)
    ax.set_title("The running example's error while it learns XOR")
    return fig


@figure("activations")
def activation_functions(colours):
    z = np.linspace(-5, 5, 401)
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.2), sharex=True)
    for name in ("sigmoid", "tanh", "relu", "identity"):
        function, slope = activations.get_activation(name)
        colour = activation_colour(colours, name)
        axes[0].plot(z, function(z), label=name, linewidth=2, color=colour)
        axes[1].plot(z, slope(z), label=name, linewidth=2, color=colour)
    axes[0].set_ylim(-1.5, 2.5)
    axes[0].set_title("activation")
    axes[1].set_title("its slope")
    for ax in axes:
        ax.set_xlabel("input z")
    axes[0].legend(loc="upper left")
    return fig


@figure("valley-descent")
def valley_descent(colours):
    grid = np.linspace(-3, 3, 121)
    x, y = np.meshgrid(grid, grid)
    heights = descent.valley(np.array([x, y]))
    path = results_home.valley_walk()
    fig, ax = plt.subplots(figsize=(5, 4.2))
    ax.contour(x, y, heights, levels=15, colors=colours["grid"], linewidths=1)
    ax.plot(path[:, 0], path[:, 1], marker="o", markersize=3, linewidth=1.5, color=colours["lines"][1])
    ax.set_xlabel("first weight")
    ax.set_ylabel("second weight")
    ax.set_aspect("equal")
    ax.grid(False)
    ax.set_title("Walking downhill, one small step at a time")
    return fig


@figure("two-moons")
def two_moons(colours):
    inputs, targets = datasets.two_moons()
    fig, ax = plt.subplots(figsize=(5, 3.4))
    for label, marker in ((0, "o"), (1, "s")):
        chosen = targets[:, 0] == label
        ax.scatter(inputs[chosen, 0], inputs[chosen, 1], s=14, marker=marker, label=f"class {label}")
    ax.set_aspect("equal")
    ax.legend(loc="upper right")
    ax.set_title(f"Two moons: {len(inputs)} points, two classes")
    return fig


def main(arguments):
    if not arguments or arguments[0].startswith("-"):
        sys.exit("usage: python snippets/figures.py FOLDER [NAME ...]: draws every figure (or those named) into FOLDER")
    folder, names = Path(arguments[0]), arguments[1:] or sorted(all_figures())
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        write_svgs(name, folder)
        print(f"wrote {folder / name}-light.svg and -dark.svg")


if __name__ == "__main__":
    # Run as a script this file is "__main__", while the chapters' figures_*.py register with the
    # module "figures": use that one, so every figure is found.
    importlib.import_module("figures").main(sys.argv[1:])
