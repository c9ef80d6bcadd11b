"""The figure of docs/real-networks/deep-networks.md.

Figures only draw: every measurement comes from results_deep_networks.py, so the figure and
the sentences around it come from the same run.
"""

import matplotlib.pyplot as plt
import numpy as np

from figures import activation_colour, figure
from results_deep_networks import DEPTH, RELU_SPREADS, skip_cases, start_spread_cases

TICKS = [1e3, 1.0, 1e-3, 1e-6, 1e-9, 1e-12]
TICK_LABELS = ["1,000 times", "the same", "1/1,000", "1/10⁶", "1/10⁹", "1/10¹²"]


@figure("deep-blame-per-layer", narrow=True)
def deep_blame_per_layer(colours, narrow=False):
    # Side by side, or stacked on a phone.
    if narrow:
        fig, axes = plt.subplots(2, 1, figsize=(4.2, 7.4), sharey=True)
        fig.subplots_adjust(hspace=0.5)
    else:
        fig, axes = plt.subplots(1, 2, figsize=(10, 4.0), sharey=True)
        fig.subplots_adjust(wspace=0.38)
    layers = np.arange(1, DEPTH + 1)
    # First chart: ReLU at three start spreads.
    styles = {"too small": (colours["text"], "--", "v"), "matched": (activation_colour(colours, "relu"), "-", "o"),
              "too large": (colours["lines"][3], ":", "^")}
    for label, shares in start_spread_cases().items():
        colour, line, marker = styles[label]
        axes[0].semilogy(layers, shares, linestyle=line, marker=marker, markersize=4, linewidth=2, color=colour,
                         label=f"{label} ({RELU_SPREADS[label]:.2f})")
    axes[0].set_title(f"{DEPTH} ReLU layers: three start spreads", fontsize=11)
    axes[0].legend(loc="lower left", title="start spread")
    # Second chart: sigmoid and tanh, without and with skip connections.
    for (activation, skip), shares in skip_cases().items():
        axes[1].semilogy(layers, shares, linestyle="-" if skip else "--", marker="o" if skip else "x", markersize=4,
                         linewidth=2, color=activation_colour(colours, activation),
                         label=f"{activation}, {'with' if skip else 'no'} skips")
    axes[1].set_title(f"{DEPTH} layers, usual start: skips or not", fontsize=11)
    axes[1].legend(loc="lower right")
    for ax in axes:
        ax.set_xlabel(f"hidden layer (1 = first, {DEPTH} = last)")
        ax.set_xticks([1, 5, 10, 15, 20])
        ax.set_ylim(1e-14, 1e4)
        ax.minorticks_off()
        ax.set_yticks(TICKS, TICK_LABELS)
        ax.yaxis.set_tick_params(labelleft=True)
    axes[0].set_ylabel("blame at the layer (last layer = 1)")
    if narrow:
        axes[1].set_ylabel("blame at the layer (last layer = 1)")
    return fig
