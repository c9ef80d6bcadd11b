"""The figures of chapter 4's page on small batches (docs/real-networks/small-batches.md).

Figures only draw: every training run comes from results_small_batches.py, so a figure and
the sentence under it come from the same run.
"""

import matplotlib.pyplot as plt
import numpy as np

from figures import figure
from results_small_batches import (
    FULL,
    PASSES_SHOWN,
    RUNS,
    TARGET_ERROR,
    TOO_LARGE_RATE,
    UNSHUFFLED_BATCH,
    batch_size_of,
    data,
    pass_averages,
    runs,
    too_large,
    unshuffled,
)

UPDATES_SHOWN = 300  # the second chart's width, in updates
TOP = 1.0  # the error charts' top: the bugs' highest spikes are cut off there


def _label(batch):
    size = batch_size_of(batch)
    return f"all {size} examples" if batch is FULL else f"{size} example{'s' if size > 1 else ''}"


def _styles(colours):
    return {FULL: dict(color=colours["lines"][0], linewidth=2.4),
            32: dict(color=colours["lines"][1], linewidth=1.4),
            1: dict(color=colours["lines"][2], linewidth=0.8)}


def _target_line(ax, colours):
    ax.axhline(TARGET_ERROR, color=colours["text"], linestyle=":", linewidth=1)


@figure("small-batches-curves", narrow=True)
def curves(colours, narrow=False):
    n = len(data()[0])
    if narrow:
        fig, axes = plt.subplots(2, 1, figsize=(4.4, 7.4))
        fig.subplots_adjust(hspace=0.45)
    else:
        fig, axes = plt.subplots(1, 2, figsize=(10, 3.9))
        fig.subplots_adjust(wspace=0.3)
    styles = _styles(colours)
    for batch, history in reversed(runs().items()):
        passes = history.epochs_seen(n)
        updates = np.arange(len(history.losses))
        axes[0].plot(passes, history.losses, label=_label(batch), **styles[batch])
        axes[1].plot(updates, history.losses, label=_label(batch), **styles[batch])
    axes[0].set_xlim(0, PASSES_SHOWN)
    axes[0].set_xlabel("passes over the data (epochs)")
    axes[0].set_title("counted in examples looked at", fontsize=11)
    axes[1].set_xlim(0, UPDATES_SHOWN)
    axes[1].set_xlabel("updates (steps)")
    axes[1].set_title("counted in updates", fontsize=11)
    for ax in axes:
        _target_line(ax, colours)
        ax.set_ylim(0, TOP)
        ax.set_ylabel("error on all examples")
    handles, labels = axes[0].get_legend_handles_labels()
    axes[1].legend(handles[::-1], labels[::-1], title="examples per update", loc="upper right")
    return fig


def _pass_averages(history):
    """The average error over each pass's updates, placed at the end of the pass."""
    averages = pass_averages(history)
    return np.arange(1, len(averages) + 1), averages


@figure("small-batches-bugs", narrow=True)
def bugs(colours, narrow=False):
    n = len(data()[0])
    panels = [
        (f"correct: 1 example, rate {RUNS[1][0]:g}", runs()[1]),
        (f"rate too large: 1 example, rate {TOO_LARGE_RATE:g}", too_large()),
        (f"not shuffled: {UNSHUFFLED_BATCH} examples, rate {RUNS[UNSHUFFLED_BATCH][0]:g}", unshuffled()),
    ]
    if narrow:
        fig, axes = plt.subplots(3, 1, figsize=(4.4, 9.0), sharex=True)
        fig.subplots_adjust(hspace=0.35)
    else:
        fig, axes = plt.subplots(1, 3, figsize=(12, 3.6), sharey=True)
        fig.subplots_adjust(wspace=0.12)
    for ax, (title, history) in zip(axes, panels):
        ax.plot(history.epochs_seen(n), history.losses, color=colours["lines"][2], linewidth=0.7,
                label="after each update")
        ax.plot(*_pass_averages(history), color=colours["text"], linewidth=2.2, marker="o", markersize=3,
                label="average over each pass")
        _target_line(ax, colours)
        ax.set_ylim(0, TOP)
        ax.set_xlim(0, PASSES_SHOWN)
        ax.set_title(title, fontsize=11)
        if narrow or ax is axes[0]:
            ax.set_ylabel("error on all examples")
        if not narrow or ax is axes[-1]:
            ax.set_xlabel("passes over the data")
    axes[0].legend(loc="upper right")
    return fig
