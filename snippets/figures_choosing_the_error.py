"""The figures of "Which error should a network learn from?" (docs/real-networks/choosing-the-error.md).

Figures only draw: every curve comes from results_choosing_the_error.py, so a figure and the
sentence under it come from the same run. Both are narrow enough for a phone as they are.
"""

import matplotlib.pyplot as plt
from matplotlib.ticker import PercentFormatter

from figures import figure
from results_choosing_the_error import (
    SURE_AND_WRONG,
    WEIGHT_RANGE,
    accuracy_steps,
    blame_curves,
    error_curves,
    output_blames,
    start_value,
)

NAMES = {"mse": "squared error", "cross_entropy": "cross-entropy"}


@figure("choosing-the-error-one-weight")
def three_measures_against_one_weight(colours):
    edges, levels = accuracy_steps()
    values, curves = error_curves()
    start = start_value()
    fig, axes = plt.subplots(3, 1, figsize=(4.6, 6.4), sharex=True)
    fig.subplots_adjust(hspace=0.45)
    axes[0].stairs(levels, edges, baseline=None, linewidth=2.2, color=colours["lines"][3], zorder=2)
    axes[0].set_ylim(0, 1.05)
    axes[0].yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    axes[0].set_yticks([0, 0.25, 0.5, 0.75, 1.0])
    axes[0].set_title("accuracy: share of the 4 answers right", fontsize=11, loc="left")
    for ax, (loss, curve), colour in zip(axes[1:], curves.items(), colours["lines"]):
        ax.plot(values, curve, linewidth=2.2, color=colour)
        ax.set_title(NAMES[loss], fontsize=11, loc="left")
    for ax in axes:
        ax.axvline(start, color=colours["text"], linestyle=":", linewidth=1.4)
    axes[0].annotate("start", (start, 0.06), textcoords="offset points", xytext=(5, 0), fontsize=10)
    axes[-1].set_xlabel("the weight from h2 to the output")
    axes[-1].set_xlim(*WEIGHT_RANGE)
    return fig


@figure("choosing-the-error-blame")
def blame_at_the_output(colours):
    guesses, blames = blame_curves()
    marked = output_blames([SURE_AND_WRONG])
    fig, ax = plt.subplots(figsize=(4.6, 3.4))
    for (loss, blame), colour in zip(blames.items(), colours["lines"]):
        ax.plot(guesses, blame, linewidth=2.2, color=colour, label=NAMES[loss])
        ax.plot([SURE_AND_WRONG], marked[loss], marker="o", markersize=7, color=colour)
    ax.axhline(0, color=colours["text"], linewidth=0.8)
    ax.set_xlim(0, 1)
    ax.set_ylim(-1.05, 0.05)
    ax.set_xlabel("the output's guess (the right answer is 1)")
    ax.set_ylabel("blame at the output's sum")
    ax.legend(loc="lower right")
    return fig
