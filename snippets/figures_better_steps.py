"""The figure of "Is there a better way to step than plain gradient descent?"
(docs/real-networks/better-steps.md).

Figures only draw: the walks come from results_better_steps.py, so the figure and the
numbers under it come from the same run.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import LogLocator, NullLocator

import descent
from figures import NARROW_WIDTH, figure
from results_better_steps import NAMES, VALLEY_LEVEL, VALLEY_STEPS, WALKS, steps_below, walks

STYLES = {"plain": "-", "momentum": "--", "adam": ":"}
MARKERS = {"plain": "o", "momentum": "s", "adam": "^"}


def _label(name, rate):
    return f"{NAMES[name]}, rate {rate:g}"


@figure("better-steps-valley", narrow=True)
def valley_walks(colours, narrow=False):
    found = walks()
    if narrow:  # the map above the error chart
        fig, (top, bottom) = plt.subplots(2, 1, figsize=(NARROW_WIDTH, 7.2),
                                          gridspec_kw={"height_ratios": [1, 1.1]})
        fig.subplots_adjust(hspace=0.35)
    else:
        fig, (top, bottom) = plt.subplots(1, 2, figsize=(10, 3.9), gridspec_kw={"width_ratios": [1.3, 1]})
        fig.subplots_adjust(wspace=0.25)
    x, y = np.meshgrid(np.linspace(-3, 3, 61), np.linspace(-2, 2, 41))
    top.contour(x, y, descent.valley(np.array([x, y])), levels=[1, 4, 10, 20, 35],
                colors=colours["grid"], linewidths=1)
    for index, (name, rate) in enumerate(WALKS):
        path, errors = found[name]
        colour = colours["lines"][index]
        # Every point up to the level, so the three paths can be compared step by step.
        shown = path[: steps_below(errors) + 1]
        top.plot(shown[:, 0], shown[:, 1], linestyle=STYLES[name], marker=MARKERS[name], markersize=3,
                 linewidth=1.4, color=colour, label=_label(name, rate))
        bottom.semilogy(np.arange(len(errors)), errors, linestyle=STYLES[name], linewidth=2, color=colour,
                        label=_label(name, rate))
    top.plot(0, 0, marker="+", markersize=12, color=colours["text"])
    top.set_xlim(-3, 3)
    top.set_ylim(-2, 2)
    top.set_aspect("equal")
    top.grid(False)
    top.set_xlabel("first knob")
    top.set_ylabel("second knob")
    top.set_title(f"each path until its error is below {VALLEY_LEVEL:g}", fontsize=11)
    bottom.axhline(VALLEY_LEVEL, color=colours["text"], linewidth=1, linestyle=(0, (1, 3)))
    bottom.set_xlim(0, VALLEY_STEPS)
    bottom.set_ylim(1e-6, 100)
    bottom.yaxis.set_major_locator(LogLocator(numticks=5))
    bottom.yaxis.set_minor_locator(NullLocator())
    bottom.set_xlabel("step")
    bottom.set_ylabel("error (log scale)")
    bottom.set_title("the error at every step", fontsize=11)
    if narrow:
        bottom.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=1)
    else:
        top.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=1)
    return fig
