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
import re
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
NARROW = set()  # figures that also have a phone version: their drawing takes narrow=True
NARROW_WIDTH = 4.6  # inches at most for a phone version: 9-point text then shows at 9 px or more at 390 px

# One fixed colour per activation in every figure of the site: an index into colours["lines"].
ACTIVATION_COLOUR = {"sigmoid": 0, "tanh": 1, "relu": 2, "identity": 3}


def activation_colour(colours, activation):
    return colours["lines"][ACTIVATION_COLOUR[activation]]


def figure(name, narrow=False):
    """Register a drawing function under the name its SVG files get.

    With narrow=True the function also draws a phone version when called with narrow=True: the
    same content laid out for a narrow screen (panels stacked, say), so its text stays readable.
    """

    def register(draw):
        FIGURES[name] = draw
        if narrow:
            NARROW.add(name)
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


def render(name, scheme, narrow=False):
    """Draw figure `name` for colour scheme "light" or "dark" and return the SVG bytes.

    narrow=True draws its phone version (see `figure`). The SVG's root element says the size of
    its smallest text (data-smallest-text="9.0pt"): text is drawn as outlines, so the browser
    tests read it there to check what a phone shows.
    """
    if name not in all_figures():
        raise ValueError(f"unknown figure {name!r}: expected one of {', '.join(sorted(FIGURES))}")
    if scheme not in SCHEMES:
        raise ValueError(f"unknown scheme {scheme!r}: expected 'light' or 'dark'")
    if narrow and name not in NARROW:
        raise ValueError(f"figure {name!r} has no narrow version")
    with plt.rc_context(style(scheme)):
        fig = FIGURES[name](SCHEMES[scheme], narrow=True) if narrow else FIGURES[name](SCHEMES[scheme])
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None}, bbox_inches="tight")
        smallest = smallest_text(fig)
        plt.close(fig)
    svg = LONG_DECIMAL.sub(lambda match: b"%.2f" % float(match.group()), buffer.getvalue())
    return svg.replace(b"<svg ", f'<svg data-smallest-text="{smallest:g}pt" '.encode(), 1)


# matplotlib writes coordinates with six decimals, in points: two (a 75th of a pixel) look the
# same and make the files a tenth smaller, compressed.
LONG_DECIMAL = re.compile(rb"-?\d+\.\d{3,}")


def smallest_text(fig):
    """The size in points of the smallest piece of text a reader sees in the figure."""
    sizes = [text.get_fontsize() for text in fig.findobj(matplotlib.text.Text)
             if text.get_visible() and text.get_text().strip()]
    return min(sizes, default=0.0)


def variants(name):
    """The versions of a figure: ("", ) or ("", "narrow"), as they appear in file names."""
    return ("", "narrow") if name in all_figures() and name in NARROW else ("",)


def file_name(name, scheme, variant=""):
    return f"{name}-{variant + '-' if variant else ''}{scheme}.svg"


def write_svgs(name, folder):
    """Write NAME-light.svg, NAME-dark.svg (and NAME-narrow-light.svg, NAME-narrow-dark.svg for a
    figure with a phone version) into folder; the build hook calls this."""
    for variant in variants(name):
        for scheme in SCHEMES:
            svg = render(name, scheme, narrow=variant == "narrow")
            (Path(folder) / file_name(name, scheme, variant)).write_bytes(svg)


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


@figure("four-moves", narrow=True)
def four_moves(colours, narrow=False):
    """The training loop's four moves, each box with the running example's first step."""
    step = results_home.first_step()
    digits = results_home.SHOWN_DIGITS
    rate = running_example.LEARNING_RATE
    gradient, before, after = step["bias_gradient"], step["bias_before"], step["bias_after"]
    added = results_home.equals_sign(np.round(step["blames"], digits).sum(), gradient)
    updated = results_home.equals_sign(round(before, digits) - rate * round(gradient, digits), after)

    def number(value, sign=False):
        return f"{value:{'+' if sign else ''}.{digits}f}".replace("-", "−")

    examples = ["(0, 0)", "(0, 1)", "(1, 0)", "(1, 1)"]
    boxes = [  # (title, text)
        ("1. Forward: guess",
         "\n".join(f"{name} → {guess:.2f}   (right answer {target:.0f})" for name, guess, target
                   in zip(examples, step["guesses"], step["targets"]))),
        ("2. Error: how wrong?",
         f"the mean squared error\nof the four guesses:\n{number(step['error'])}"),
        ("3. Backward: pass the blame",
         "blame at the output neuron,\none per example:\n"
         + "\n".join("   ".join(f"{name} {number(blame, sign=True)}" for name, blame in pair)
                     for pair in (zip(examples[:2], step["blames"][:2]), zip(examples[2:], step["blames"][2:])))
         + "\n"
         + f"added up over the four {added} {number(gradient)}:\nthe gradient of its bias"),
        ("4. Update: turn the knobs",
         f"the output neuron's bias:\n{number(before)} − {rate:g} × {number(gradient)}\n"
         f"{updated} {number(after)}\n({rate:g} = the learning rate;\nevery weight and bias moves this way)"),
    ]
    width, height = 1.3, 0.9
    title = "The running example's first training step, in four moves"
    if narrow:  # a column, top to bottom; the way back to the first move runs up the left side
        gap = 0.15
        centres = [(0.0, -index * (height + gap)) for index in range(4)]
        loop_x, loop_y = -width / 2 - 0.12, centres[-1][1] - height / 2 - 0.12
        again_at = (0.0, loop_y - 0.2)
        title = title.replace(", ", ",\n")
        fig, ax = plt.subplots(figsize=(NARROW_WIDTH, 8.6))
        fig.subplots_adjust(left=0.03, right=0.97, bottom=0, top=0.93)  # the boxes take the phone's whole width
        ax.set_xlim(loop_x - 0.03, width / 2 + 0.03)
        ax.set_ylim(again_at[1] - 0.15, height / 2 + 0.03)
    else:  # a loop of two rows
        left, right, top, bottom = 0.0, 1.55, 1.15, 0.0
        centres = [(left, top), (right, top), (right, bottom), (left, bottom)]
        again_at = ((left + right) / 2, (top + bottom) / 2)
        fig, ax = plt.subplots(figsize=(8.4, 5.0))
        ax.set_xlim(left - width / 2 - 0.03, right + width / 2 + 0.03)
        ax.set_ylim(bottom - height / 2 - 0.03, top + height / 2 + 0.03)
    ax.axis("off")
    for index, ((x, y), (box_title, text)) in enumerate(zip(centres, boxes)):
        colour = colours["lines"][index]
        ax.add_patch(matplotlib.patches.FancyBboxPatch(
            (x - width / 2, y - height / 2), width, height, boxstyle="round,pad=0,rounding_size=0.05",
            facecolor="none", edgecolor=colour, linewidth=2))
        ax.text(x, y + height / 2 - 0.08, box_title, ha="center", va="center", fontsize=11.5, fontweight="bold",
                color=colour)
        ax.text(x, y - 0.05, text, ha="center", va="center", fontsize=10, linespacing=1.4)
    arrow = {"arrowstyle": "-|>", "color": colours["text"], "linewidth": 1.8, "mutation_scale": 18}
    # From each box to the next, edge to edge; in the column the last box's way back is drawn below.
    for (x0, y0), (x1, y1) in zip(centres, centres[1:] if narrow else centres[1:] + centres[:1]):
        dx, dy = np.sign(x1 - x0) * (width / 2 + 0.02), np.sign(y1 - y0) * (height / 2 + 0.02)
        ax.annotate("", xy=(x1 - dx, y1 - dy), xytext=(x0 + dx, y0 + dy), arrowprops=arrow)
    if narrow:
        (_, first_y), (_, last_y) = centres[0], centres[-1]
        ax.plot([0, 0, loop_x, loop_x], [last_y - height / 2 - 0.02, loop_y, loop_y, first_y],
                color=colours["text"], linewidth=1.8)
        ax.annotate("", xy=(-width / 2 - 0.02, first_y), xytext=(loop_x, first_y), arrowprops=arrow)
    ax.text(*again_at,
            f"and again, from the new knobs:\nthe error is now {number(results_home.first_step()['error_after'])}",
            ha="center", va="center", fontsize=10, style="italic")
    ax.set_title(title, fontsize=12)
    return fig


@figure("activations", narrow=True)
def activation_functions(colours, narrow=False):
    z = np.linspace(-5, 5, 401)
    # Side by side, or stacked on a phone.
    if narrow:
        fig, axes = plt.subplots(2, 1, figsize=(4.6, 5.4), sharex=True)
    else:
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
        if ax.get_subplotspec().is_last_row():
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
        print(f"wrote {', '.join(file_name(name, scheme, variant) for variant in variants(name) for scheme in SCHEMES)}"
              f" into {folder}")


if __name__ == "__main__":
    # Run as a script this file is "__main__", while the chapters' figures_*.py register with the
    # module "figures": use that one, so every figure is found.
    importlib.import_module("figures").main(sys.argv[1:])
