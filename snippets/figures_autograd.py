"""The figure of "How does a framework find the gradients without a hand-written backward
pass?" (docs/real-networks/autograd.md).

Figures only draw: every number comes from results_autograd.py.
"""

import matplotlib.pyplot as plt

from figures import NARROW_WIDTH, figure
from results_autograd import neuron

# Where each number of the one-neuron record sits. On a desktop the operations run left to
# right, on a phone top to bottom; the numbers typed in sit beside the step that uses them.
WIDE = {"x": (0, 0.55), "w": (0, -0.55), "w × x": (1, 0), "b": (1, -1.0), "sum": (2, 0), "guess": (3, 0),
        "target": (3, -1.0), "gap": (4, 0), "error": (5, 0)}
NARROW = {"x": (-1.1, 0), "w": (0, 0), "w × x": (0, -1), "b": (-1.1, -1.5), "sum": (0, -2), "guess": (0, -3),
          "target": (-1.1, -3.5), "gap": (0, -4), "error": (0, -5)}


@figure("autograd-record", narrow=True)
def record(colours, narrow=False):
    numbers = neuron()
    forward, backward, text, box = colours["grid"], colours["lines"][1], colours["text"], colours["lines"][0]
    places = NARROW if narrow else WIDE
    fig, ax = plt.subplots(figsize=(NARROW_WIDTH, 7.2) if narrow else (9.6, 3.2))
    for name, number in numbers.items():
        for parent, slope in zip(number.parents, number.local_slopes):
            (x0, y0), (x1, y1) = places[parent.label], places[name]
            ax.annotate("", (x1, y1), (x0, y0), arrowprops={
                "arrowstyle": "-|>", "color": forward, "linewidth": 1.5, "shrinkA": 22, "shrinkB": 22})
            # The local slope, on the arrow: what the gradient is multiplied by on its way
            # back along it. Beside a straight arrow, above a slanting one.
            middle = ((x0 + x1) / 2, (y0 + y1) / 2)
            if x0 == x1:  # a phone's straight down arrow
                offset, align = (-7, 0), {"ha": "right", "va": "center"}
            elif y0 == y1:  # a desktop's straight arrow
                offset, align = (0, 4), {"ha": "center", "va": "bottom"}
            else:
                offset, align = (-6, 0), {"ha": "right", "va": "bottom"}
                if narrow:  # under the arrow, clear of the gradients
                    offset, align = (4, -6), {"ha": "center", "va": "top"}
                elif y0 < y1:  # rising to the step it joins: below the arrow
                    offset, align = (8, -2), {"ha": "left", "va": "top"}
                if not narrow and y0 > y1:
                    offset, align = (6, 2), {"ha": "left", "va": "bottom"}
            ax.annotate(f"×{slope:.3g}".replace("-", "−"), middle, xytext=offset, textcoords="offset points",
                        fontsize=9.5, color=backward, fontstyle="italic", **align)
    for name, number in numbers.items():
        ax.text(*places[name], f"{name}\n{number.value:.3f}".replace("-", "−"), ha="center", va="center",
                fontsize=10, color=text, linespacing=1.3,
                bbox={"boxstyle": "round,pad=0.35", "facecolor": colours["background"], "edgecolor": box,
                      "linewidth": 1.5})
        # The gradient: under the box on a desktop, beside it on a phone.
        offset, align = (0, -22), {"ha": "center", "va": "top"}
        if narrow and places[name][0] == 0:  # beside the boxes of the middle column
            offset, align = (25, 0), {"ha": "left", "va": "center"}
        ax.annotate(f"{number.gradient:.3f}".replace("-", "−"), places[name], xytext=offset, textcoords="offset points",
                    fontsize=10, color=backward, fontweight="bold", **align)
    lines = ("in each box: a number and its value; in bold: its gradient",
             "backward, the gradient is multiplied by the slope on each arrow")
    if narrow:
        ax.text(-0.45, -5.6, "\n".join(lines).replace("; ", ";\n").replace("by the", "by\nthe"),
                ha="center", va="top", fontsize=10, color=text)
        ax.set_xlim(-1.6, 0.9)
        ax.set_ylim(-6.9, 0.4)
    else:
        ax.text(2.5, -1.62, "\n".join(lines), ha="center", va="top", fontsize=10, color=text)
        ax.set_xlim(-0.45, 5.45)
        ax.set_ylim(-2.1, 0.9)
    ax.axis("off")
    return fig
