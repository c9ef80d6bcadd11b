"""The figures of "What does a bend buy, exactly?" (docs/real-networks/bumps.md).

Figures only draw: every network and error comes from results_bumps.py, so a figure and
the sentence under it come from the same run.
"""

import matplotlib.pyplot as plt
import numpy as np

import bumps
from activations import sigmoid
from figures import figure
from results_bumps import BUMP_COUNTS, ONE_BUMP, TRAINED, by_hand, trained, trained_parts

X = np.linspace(bumps.START, bumps.STOP, 301)


def _panels(count, narrow, wide_size, narrow_height):
    """count panels side by side, or stacked on a phone."""
    if narrow:
        fig, axes = plt.subplots(count, 1, figsize=(4.6, narrow_height))
        fig.subplots_adjust(hspace=0.55)
    else:
        fig, axes = plt.subplots(1, count, figsize=wide_size)
        fig.subplots_adjust(wspace=0.3)
    for ax in axes:
        ax.set_xlim(bumps.START, bumps.STOP)
        ax.set_xlabel("input x")
    return fig, axes


def _curve(ax, colours, label="the curve"):
    ax.plot(X, bumps.target_curve(X), linewidth=6, color=colours["text"], alpha=0.25, label=label, zorder=1)


@figure("bumps-by-hand", narrow=True)
def bumps_by_hand(colours, narrow=False):
    fig, axes = _panels(3, narrow, (10, 3.6), 10.5)
    # First panel: one bump is a step up minus a second step up a little later.
    centre, width, height = ONE_BUMP["centre"], ONE_BUMP["width"], ONE_BUMP["height"]
    steepness = bumps.SHARPNESS / width
    first = height * sigmoid(steepness * (X - (centre - width / 2)))
    second = height * sigmoid(steepness * (X - (centre + width / 2)))
    axes[0].plot(X, first, linestyle="--", linewidth=1.8, color=colours["lines"][0], label="first step up")
    axes[0].plot(X, second, linestyle=":", linewidth=2.2, color=colours["lines"][1], label="second step up")
    axes[0].plot(X, first - second, linewidth=2.6, color=colours["text"], label="first − second: a bump")
    axes[0].set_title("two sigmoids make a bump", fontsize=11)
    axes[0].set_ylim(-0.1, 3.4)
    axes[0].legend(loc="upper left", fontsize=9)
    # Second panel: a few bumps, each as tall as the curve at its centre, and their sum.
    some = BUMP_COUNTS[1]
    centres, bump_width = bumps.bump_centres(some)
    _curve(axes[1], colours)
    for index, bump_centre in enumerate(centres):
        shape = bumps.bump(X, bump_centre, bump_width, bumps.target_curve(bump_centre))
        axes[1].fill_between(X, shape, color=colours["lines"][index % 2], alpha=0.25, linewidth=0,
                             label="one bump each" if index == 0 else None)
    axes[1].plot(X, by_hand()[some][0].forward(X.reshape(-1, 1))[:, 0], linewidth=2.2,
                 color=colours["text"], label=f"their sum ({some} bumps)")
    axes[1].set_title(f"{some} bumps add up", fontsize=11)
    axes[1].legend(loc="upper left", fontsize=9)
    # Third panel: more, narrower bumps follow the curve more closely.
    _curve(axes[2], colours)
    for (n_bumps, (network, error)), style, colour in zip(by_hand().items(), (":", "--", "-"), (1, 0, 2)):
        axes[2].plot(X, network.forward(X.reshape(-1, 1))[:, 0], linestyle=style, linewidth=2,
                     color=colours["lines"][colour], label=f"{n_bumps} bumps: error {error:.2g}")
    axes[2].set_title("more bumps, closer fit", fontsize=11)
    axes[2].legend(loc="upper left", fontsize=9)
    for ax in axes[1:]:
        ax.set_ylim(-0.2, 4.6)
    return fig


@figure("bumps-trained-parts", narrow=True)
def bumps_trained_parts(colours, narrow=False):
    fig, axes = _panels(2, narrow, (9, 3.6), 7.4)
    x, parts, bias, output = trained_parts()
    styles = ("-", "--", ":", "-.")
    for neuron, style in enumerate(styles[: parts.shape[1]]):
        axes[0].plot(x, parts[:, neuron], linestyle=style, linewidth=2.2, color=colours["lines"][neuron],
                     label=f"neuron {neuron + 1}")
    axes[0].axhline(bias, linestyle=(0, (1, 3)), linewidth=1.5, color=colours["text"],
                    label="output bias")
    axes[0].set_title("what each hidden neuron adds", fontsize=11)
    axes[0].legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), fontsize=9, ncols=3)
    axes[0].set_ylim(-3.2, 3.8)
    if narrow:
        fig.subplots_adjust(hspace=0.8)  # room for the legend under the first panel
    _, _, error = trained()
    inputs, targets = bumps.curve_examples(TRAINED["n_examples"])
    _curve(axes[1], colours)
    axes[1].scatter(inputs[:, 0], targets[:, 0], s=12, color=colours["text"], zorder=3,
                    label="training examples")
    axes[1].plot(x, output, linewidth=2.2, color=colours["lines"][0], label=f"their sum: error {error:.2g}")
    axes[1].set_title("their sum, plus the bias", fontsize=11)
    axes[1].legend(loc="upper left", fontsize=9)
    axes[1].set_ylim(-0.2, 4.6)
    return fig
