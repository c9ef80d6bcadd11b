"""The figures of "How do I know it learned, and did not just memorise?"
(docs/real-networks/memorising.md).

Figures only draw: every trained network and measured error comes from
results_memorising.py, so a figure and the sentence under it come from the same run.
"""

import matplotlib.pyplot as plt

from figures import figure
from linear_limits import decision_map
from results_memorising import (
    FEW_POINTS,
    MORE_POINTS,
    SURE,
    data,
    few,
    more,
)

MAP_RANGE = ((-2.0, 3.0), (-1.6, 2.0))


def _curves(ax, result, title, colours, mark_best):
    ax.plot(result.epochs, result.training_errors, linewidth=2.2, color=colours["lines"][0],
            label="training examples")
    ax.plot(result.epochs, result.held_out_errors, linewidth=2.2, linestyle="--",
            color=colours["lines"][1], label="held-out examples")
    if mark_best:
        best = int(result.epochs.tolist().index(result.best_epoch))
        ax.axvline(result.best_epoch, linestyle=":", linewidth=1.2, color=colours["text"])
        ax.plot([result.best_epoch], [result.held_out_errors[best]], marker="o", markersize=8,
                color=colours["lines"][1])
        ax.annotate(f"lowest: epoch {result.best_epoch}", (result.best_epoch, 0.95),
                    xytext=(8, 0), textcoords="offset points", va="center", fontsize=10)
    ax.set_title(title, fontsize=11)
    ax.set_ylim(0, 1.0)
    ax.set_xlabel("epoch")


@figure("memorising-curves", narrow=True)
def memorising_curves(colours, narrow=False):
    if narrow:
        fig, axes = plt.subplots(2, 1, figsize=(4.6, 6.4), sharex=True)
        fig.subplots_adjust(hspace=0.35)
    else:
        fig, axes = plt.subplots(1, 2, figsize=(9, 3.6), sharey=True)
    _curves(axes[0], few()[0], f"{FEW_POINTS // 2} training points", colours, mark_best=True)
    _curves(axes[1], more()[0], f"{MORE_POINTS // 2} training points", colours, mark_best=False)
    for ax in axes:
        if ax.get_subplotspec().is_first_col():
            ax.set_ylabel("error (cross-entropy)")
        if narrow and not ax.get_subplotspec().is_last_row():
            ax.set_xlabel("")
    axes[1].legend(loc="upper right")
    return fig


def _boundary(ax, network, title, colours):
    train_x, train_y, held_x, held_y = data(FEW_POINTS)
    xs, ys, outputs = decision_map(network, *MAP_RANGE, steps=121)
    # Shaded where the network is sure (below SURE or above 1 - SURE); left blank where it is not.
    ax.contourf(xs, ys, outputs, levels=[0.0, SURE], colors=[colours["lines"][0]], alpha=0.25)
    ax.contourf(xs, ys, outputs, levels=[1 - SURE, 1.0], colors=[colours["lines"][1]], alpha=0.25)
    ax.contour(xs, ys, outputs, levels=[SURE, 1 - SURE], colors=colours["text"], linewidths=0.8,
               linestyles=":")
    ax.contour(xs, ys, outputs, levels=[0.5], colors=colours["text"], linewidths=1.5)
    for label, marker in ((0, "o"), (1, "s")):
        chosen = train_y[:, 0] == label
        ax.scatter(train_x[chosen, 0], train_x[chosen, 1], s=36, marker=marker,
                   color=colours["lines"][label], edgecolors="none",
                   label=f"training, answer {label}")
        chosen = held_y[:, 0] == label
        ax.scatter(held_x[chosen, 0], held_x[chosen, 1], s=36, marker=marker, facecolors="none",
                   edgecolors=colours["lines"][label], linewidths=1.5,
                   label=f"held out, answer {label}")
    ax.set_title(title, fontsize=11)
    ax.set_xlim(*MAP_RANGE[0])
    ax.set_ylim(*MAP_RANGE[1])
    ax.set_aspect("equal")
    ax.grid(False)


@figure("memorising-boundaries", narrow=True)
def memorising_boundaries(colours, narrow=False):
    result, end_network = few()
    if narrow:
        fig, axes = plt.subplots(2, 1, figsize=(4.6, 7.4), sharex=True)
    else:
        fig, axes = plt.subplots(1, 2, figsize=(9, 3.9), sharey=True)
    _boundary(axes[0], result.best_network, f"epoch {result.best_epoch} (lowest held-out error)",
              colours)
    _boundary(axes[1], end_network, f"epoch {result.epochs[-1]} (the end)", colours)
    for ax in axes:
        if ax.get_subplotspec().is_last_row():
            ax.set_xlabel("first input")
        if ax.get_subplotspec().is_first_col():
            ax.set_ylabel("second input")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncols=2 if narrow else 4,
               bbox_to_anchor=(0.5, -0.08 if narrow else -0.04), fontsize=10)
    return fig
