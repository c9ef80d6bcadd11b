"""The figures of chapter 2, "Why an activation?" (docs/activations/).

Figures only draw: every trained network and measurement comes from results_activations.py,
so a figure and the sentence under it come from the same run.
"""

import matplotlib.pyplot as plt
import numpy as np

import datasets
import running_example
from activations import sigmoid, sigmoid_slope
from figures import activation_colour, figure
from linear_limits import decision_map
from results_activations import (
    DEEPEST,
    DEPTHS,
    best_random_line,
    blame_measurements,
    curves,
    moons_models,
    output_right,
    regression_fits,
)

MOONS_RANGE = ((-1.5, 2.5), (-1.0, 1.5))


def _regions(ax, network, x_range, y_range, colours, steps=41):
    xs, ys, outputs = decision_map(network, x_range, y_range, steps)
    ax.contourf(xs, ys, outputs, levels=[0.0, 0.5, 1.0], colors=colours["lines"][:2], alpha=0.22)
    ax.contour(xs, ys, outputs, levels=[0.5], colors=colours["text"], linewidths=1.5)


def _points(ax, inputs, targets, size=14):
    for label, marker, colour in ((0, "o", 0), (1, "s", 1)):
        chosen = targets[:, 0] == label
        ax.scatter(inputs[chosen, 0], inputs[chosen, 1], s=size, marker=marker, color=f"C{colour}",
                   edgecolors="none", label=f"answer {label}")


@figure("xor-hidden-lines", narrow=True)
def xor_hidden_lines(colours, narrow=False):
    network, _ = running_example.trained()
    inputs, targets = running_example.data()
    # The phone version puts the three panels in a 2x2 grid, the legend in the fourth cell.
    if narrow:
        fig, grid = plt.subplots(2, 2, figsize=(4.6, 5.6), sharey=True)
        fig.subplots_adjust(hspace=0.5, wspace=0.25)  # room for the x label above the next title
        axes, legend_ax = grid.flat[:3], grid.flat[3]
        legend_ax.axis("off")
    else:
        fig, axes = plt.subplots(1, 3, figsize=(10, 3.9), sharey=True)
    colon = ":\n" if narrow else ": "  # titles break after the colon to fit a narrow panel
    x = np.linspace(-0.5, 1.5, 2)
    # First panel: the best of the page's random straight lines, shaded by the answer on each side.
    (w1, w2), b, right = best_random_line()
    border = -(w1 * x + b) / w2
    above_says_yes = w2 > 0
    axes[0].fill_between(x, border, 1.5, color=colours["lines"][int(above_says_yes)], alpha=0.22, linewidth=0)
    axes[0].fill_between(x, -0.5, border, color=colours["lines"][int(not above_says_yes)], alpha=0.22, linewidth=0)
    axes[0].plot(x, border, color=colours["text"], linewidth=1.5)
    axes[0].set_title(f"one straight line{colon}{right} of {len(targets)} right", fontsize=11)
    # Second panel: the running example's two hidden neurons, each with its own straight line
    # (where its sum is 0). They get their own panel so they do not hide the border.
    (w1, w2), b = network.weights[0], network.biases[0]
    for neuron, style in zip(range(2), ("--", ":")):
        axes[1].plot(x, -(w1[neuron] * x + b[neuron]) / w2[neuron], linestyle=style, linewidth=2.2,
                     color=colours["text"], label=f"hidden neuron {neuron + 1}")
    axes[1].set_title(f"its 2 hidden neurons{colon}2 lines", fontsize=11)
    if narrow:
        legend_ax.legend(*axes[1].get_legend_handles_labels(), loc="center")
    else:
        axes[1].legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2)
    # Third panel: the output neuron's answer, "yes" outside the band between the two lines.
    _regions(axes[2], network, (-0.5, 1.5), (-0.5, 1.5), colours)
    axes[2].set_title(f"the output{colon}{output_right()} of {len(targets)} right", fontsize=11)
    for ax in axes:
        _points(ax, inputs, targets, size=70)
        ax.set_xlim(-0.5, 1.5)
        ax.set_ylim(-0.5, 1.5)
        ax.set_aspect("equal")
        ax.set_xlabel("first input")
        ax.grid(False)
        if narrow:
            ax.tick_params(labelsize=9)  # five ticks fit a panel half the phone's width
        if ax.get_subplotspec().is_first_col():
            ax.set_ylabel("second input")
    return fig


def hidden_lines(network, x_range):
    """The straight line of each first-layer neuron (where its sum is 0), as (xs, ys) pairs."""
    xs = np.linspace(*x_range, 2)
    (w1, w2), b = network.weights[0], network.biases[0]
    return [(xs, -(w1[n] * xs + b[n]) / w2[n]) for n in range(len(b))]


def _moons_panels(names, colours, narrow=False, show_hidden_lines=False):
    inputs, targets = datasets.two_moons()
    models = moons_models()
    # Side by side, or stacked on a phone.
    if narrow:
        fig, axes = plt.subplots(len(names), 1, figsize=(4.6, 6.0), sharex=True)
    else:
        fig, axes = plt.subplots(1, len(names), figsize=(8, 3.6), sharey=True)
    for ax, name in zip(axes, names):
        network, share = models[name]
        _regions(ax, network, *MOONS_RANGE, colours)
        if show_hidden_lines and len(network.sizes) > 2:
            for xs, ys in hidden_lines(network, MOONS_RANGE[0]):
                ax.plot(xs, ys, linestyle=":", linewidth=1, color=colours["text"], alpha=0.6)
        _points(ax, inputs, targets, size=8)
        ax.set_title(f"{name}: {share:.0%} right", fontsize=11)
        ax.set_xlim(*MOONS_RANGE[0])
        ax.set_ylim(*MOONS_RANGE[1])
        ax.set_aspect("equal")
        ax.grid(False)
        if ax.get_subplotspec().is_last_row():
            ax.set_xlabel("first input")
        if ax.get_subplotspec().is_first_col():
            ax.set_ylabel("second input")
    return fig


@figure("deep-linear-boundary", narrow=True)
def deep_linear_boundary(colours, narrow=False):
    return _moons_panels(["one layer", "three layers, no bend between"], colours, narrow)


@figure("moons-boundaries", narrow=True)
def moons_boundaries(colours, narrow=False):
    return _moons_panels(["one layer", "a hidden layer of 8 sigmoids"], colours, narrow, show_hidden_lines=True)


@figure("sigmoid-dimmer", narrow=True)
def sigmoid_dimmer(colours, narrow=False):
    z = np.linspace(-6, 6, 241)
    # Side by side, or stacked on a phone.
    if narrow:
        fig, axes = plt.subplots(2, 1, figsize=(4.6, 5.4), sharex=True)
    else:
        fig, axes = plt.subplots(1, 2, figsize=(8, 3.2), sharex=True)
    axes[0].plot(z, np.where(z > 0, 1.0, 0.0), linestyle="--", linewidth=1.5, color=colours["text"],
                 label="on/off switch")
    axes[0].plot(z, sigmoid(z), linewidth=2.2, color=activation_colour(colours, "sigmoid"), label="sigmoid")
    axes[0].set_title("output: always between 0 and 1")
    axes[0].legend(loc="lower right")
    axes[1].plot(z, sigmoid_slope(z), linewidth=2.2, color=activation_colour(colours, "sigmoid"))
    axes[1].axhline(0.25, linestyle=":", color=colours["text"], linewidth=1)
    axes[1].set_ylim(0, 0.3)
    axes[1].set_title("its slope: at most 0.25")
    for ax in axes:
        if ax.get_subplotspec().is_last_row():
            ax.set_xlabel("the neuron's sum z")
    return fig


@figure("blame-per-layer", narrow=True)
def blame_per_layer(colours, narrow=False):
    measured = blame_measurements()
    # Side by side, or stacked on a phone; the gap leaves room for the long tick labels or the x label.
    if narrow:
        fig, axes = plt.subplots(2, 1, figsize=(3.8, 7.2))
        fig.subplots_adjust(hspace=0.45)
    else:
        fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
        fig.subplots_adjust(wspace=0.45)
    layers = np.arange(1, DEEPEST + 1)
    for (activation, (deepest, first)), marker in zip(measured.items(), "os^"):
        colour = activation_colour(colours, activation)
        axes[0].semilogy(layers, deepest, marker=marker, linewidth=2, color=colour, label=activation)
        axes[1].semilogy(list(DEPTHS), first, marker=marker, linewidth=2, color=colour, label=activation)
    axes[0].set_xlabel(f"hidden layer (1 = first, {DEEPEST} = last)")
    axes[0].set_ylabel("blame left (last layer = 1)")
    axes[0].set_title(f"one network with {DEEPEST} hidden layers", fontsize=11)
    axes[1].set_xlabel("number of hidden layers")
    axes[1].set_ylabel("blame left at the first layer")
    axes[1].set_title("deeper and deeper networks", fontsize=11)
    ticks = [1.0, 1e-2, 1e-4, 1e-6, 1e-8]
    for ax in axes:
        ax.set_xticks(layers)
        ax.set_ylim(3e-9, 2)
        ax.minorticks_off()
        ax.set_yticks(ticks, ["all", "1/100", "1/10,000", "1/1,000,000", "1/100,000,000"])
    axes[1].legend(loc="lower left")
    return fig


@figure("activation-training-curves")
def activation_training_curves(colours):
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    styles = {"identity": ":", "sigmoid": "-", "tanh": "--", "relu": "-."}
    for activation, losses in curves().items():
        label = "no activation" if activation == "identity" else activation
        ax.plot(np.arange(len(losses)), losses, linestyle=styles[activation], linewidth=2.2,
                color=activation_colour(colours, activation), label=label)
    ax.set_ylim(0, 0.8)
    ax.set_xlabel("training step (epoch)")
    ax.set_ylabel("error (cross-entropy loss)")
    ax.legend(loc="center right")
    return fig


@figure("regression-outputs")
def regression_outputs(colours):
    inputs, targets = datasets.regression_1d()
    fits = regression_fits()
    x = np.linspace(0, 3, 121).reshape(-1, 1)
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.scatter(inputs[:, 0], targets[:, 0], s=16, color=colours["text"], label="examples", zorder=3)
    ax.plot(x, fits["identity"][0].forward(x), linewidth=2.2, color=activation_colour(colours, "identity"),
            label="no activation at the output")
    ax.plot(x, fits["sigmoid"][0].forward(x), linewidth=2.2, linestyle="--",
            color=activation_colour(colours, "sigmoid"), label="sigmoid at the output")
    ax.axhline(1.0, linestyle=":", linewidth=1, color=colours["text"])
    ax.set_xlabel("input")
    ax.set_ylabel("value to predict")
    ax.legend(loc="upper left")
    return fig
