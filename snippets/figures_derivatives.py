"""The figures of chapter 1, "Why a neural network needs derivatives" (docs/derivatives/).

Each figure is registered with @figure and drawn while the site builds. Figures only draw:
every result comes from results_derivatives.py (computed once, cached), which the pages
and the tests share, so a figure and the sentence under it come from the same run.
"""

import matplotlib.pyplot as plt
from matplotlib.ticker import FuncFormatter, LogLocator, NullLocator
import numpy as np

import descent
from figures import NARROW_WIDTH, figure
from results_derivatives import (LEARNING_RATES, ONE_WEIGHT_RANGE, PASSES_BOUND, VALLEY_STEPS,
                                 cost_in_forward_passes, cost_rows, half_everywhere, landscape, landscape_lowest,
                                 one_example, one_weight_curve, step, straight_path, valley_paths)
from walkthrough import EXAMPLE

# Where each tangent's label goes on the one-weight chart, in points (left, start, right).
LABEL_OFFSETS = ((10, 6), (10, -16), (-10, 6))


# --- figures ------------------------------------------------------------------------------


@figure("derivatives-cost", narrow=True)
def cost_of_a_gradient(colours, narrow=False):
    rows = cost_rows()
    nudging = [row["nudge_multiply_adds"] for row in rows]
    backprop = [row["backprop_multiply_adds"] for row in rows]
    fig, ax = _nudging_against_backprop([row["parameters"] for row in rows], nudging, backprop, narrow)
    _whole_decades(ax, nudging + backprop, every=2)
    ax.set_ylabel("multiply-adds for one full gradient")
    ax.set_title(f"Work to find every slope, counted{_break(narrow)}(a batch of {rows[0]['examples']} examples)",
                 fontsize=11)
    return fig


def _nudging_against_backprop(knobs, nudging, backprop, narrow):
    """The two ways' work against the number of knobs, on log scales with plain numbers; the
    phone version is taller, with the legend in one column, and kept inside its width by the
    constrained layout."""
    fig, ax = plt.subplots(figsize=(NARROW_WIDTH, 4.8) if narrow else (6.4, 3.8),
                           layout="constrained" if narrow else None)
    ax.loglog(knobs, nudging, marker="o", linewidth=2, label="nudge each one and re-run")
    ax.loglog(knobs, backprop, marker="s", linewidth=2, label="backpropagation (1 forward + 1 backward)")
    plain = FuncFormatter(_plain_tick)
    ax.xaxis.set_major_formatter(plain)
    ax.yaxis.set_major_formatter(plain)
    ax.xaxis.set_minor_locator(NullLocator())
    ax.yaxis.set_minor_locator(NullLocator())
    ax.set_xlabel("number of weights and biases")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16 if narrow else -0.2), ncol=1 if narrow else 2,
              fontsize=10)
    return fig, ax


def _break(narrow):
    """Between the two halves of a title: a new line on a phone, where one line does not fit."""
    return "\n" if narrow else " "


def _plain_tick(value, _position=None):
    """Tick labels without powers of ten: 10,000 and 0.00001."""
    if value >= 1:
        return f"{value:,.0f}"
    return f"{value:.{int(-np.floor(np.log10(value) + 1e-9))}f}"


def _whole_decades(ax, values, every=1):
    """Log y axis from the power of ten below the data to the one above, a tick at every
    `every`-th power of ten."""
    low = np.floor(np.log10(min(values)))
    high = np.ceil(np.log10(max(values)))
    ax.set_ylim(10.0 ** low, 10.0 ** high)
    ax.set_yticks(10.0 ** np.arange(low, high + 1, every))


@figure("derivatives-cost-in-passes", narrow=True)
def cost_counted_in_forward_passes(colours, narrow=False):
    knobs, nudging, backprop = cost_in_forward_passes()
    fig, ax = _nudging_against_backprop(knobs, nudging, backprop, narrow)
    ax.axhline(PASSES_BOUND, color=colours["text"], linestyle=":", linewidth=1.2)
    ax.text(knobs[-1], PASSES_BOUND * 1.25, f"{PASSES_BOUND} forward passes", ha="right",
            va="bottom", fontsize=9, color=colours["text"])
    _whole_decades(ax, nudging + backprop)
    ax.set_ylabel("work, counted in forward passes")
    ax.set_title(f"One full gradient,{_break(narrow)}in forward passes of the same network", fontsize=11)
    return fig


@figure("derivatives-one-weight")
def error_against_one_weight(colours):
    values, losses, tangents = one_weight_curve()
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    ax.plot(values, losses, linewidth=2.5, color=colours["lines"][0], label="error")
    for k, (value, loss, slope) in enumerate(tangents):
        span = np.linspace(value - 1.4, value + 1.4, 2)
        ax.plot(span, loss + slope * (span - value), linewidth=2, linestyle="--",
                color=colours["lines"][1], label="slope at that point" if k == 0 else None)
        ax.plot([value], [loss], marker="o", markersize=7, color=colours["lines"][1])
        ax.annotate(f"slope {slope:+.3f}", (value, loss), textcoords="offset points",
                    xytext=LABEL_OFFSETS[k], ha="right" if k == 2 else "left")
    ax.set_xlabel("the weight from h2 to the output")
    ax.set_ylabel("error")
    ax.set_xlim(*ONE_WEIGHT_RANGE)
    ax.legend(loc="lower left")
    return fig


@figure("derivatives-landscape")
def error_landscape(colours):
    from matplotlib.colors import LinearSegmentedColormap, to_rgba

    grid, losses, arrow_grid, gradients, start = landscape()
    fig, ax = plt.subplots(figsize=(5.8, 4.8))
    # Low error is clear, high error is filled with the line colour: readable on both schemes.
    red, green, blue, _ = to_rgba(colours["lines"][0])
    ramp = LinearSegmentedColormap.from_list(
        "error", [(0, (red, green, blue, 0.0)), (1, (red, green, blue, 0.55))])
    levels = np.linspace(0.25, 0.50, 11)
    filled = ax.contourf(grid, grid, losses, levels=levels, cmap=ramp)
    contours = ax.contour(grid, grid, losses, levels=levels[1:-1], colors=colours["lines"][0],
                          linewidths=0.8)
    ax.clabel(contours, levels=levels[[2, 6]], fontsize=10, fmt="%.2f", inline=True,
              inline_spacing=6, colors=colours["text"])
    bar = fig.colorbar(filled, ax=ax, shrink=0.8, ticks=levels[::2])
    bar.set_label("error")
    bar.outline.set_visible(False)
    bar.ax.tick_params(colors=colours["text"])
    step = slice(None, None, 2)  # every other arrow: fewer, larger
    a, b = np.meshgrid(arrow_grid[step], arrow_grid[step])
    downhill = -gradients[step, step]
    length = np.hypot(downhill[..., 0], downhill[..., 1])
    ax.quiver(a, b, downhill[..., 0] / length.max(), downhill[..., 1] / length.max(),
              color=colours["lines"][1], angles="xy", scale_units="xy", scale=0.45, width=0.012,
              headwidth=3.5, headlength=4, headaxislength=3.5)
    ax.plot([start[0]], [start[1]], marker="*", markersize=16, color=colours["lines"][2],
            linestyle="none", label="the running example's start")
    (low_a, low_b), _ = landscape_lowest()
    ax.plot([low_a], [low_b], marker="X", markersize=11, color=colours["lines"][3],
            linestyle="none", label="the lowest point on this map")
    ax.set_xlabel("weight h1 → out")
    ax.set_ylabel("weight h2 → out")
    ax.set_aspect("equal")
    ax.grid(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), fontsize=10, ncol=1)
    return fig


def _plain_number(value):
    """2.8, 0.0079, 48,605,140: two significant digits, no powers of ten."""
    return f"{value:,.0f}" if value >= 100 else f"{value:.2g}"


@figure("derivatives-learning-rates", narrow=True)
def learning_rates_side_by_side(colours, narrow=False):
    paths = valley_paths()
    grid_x = np.linspace(-3, 3, 41)
    grid_y = np.linspace(-2, 2, 27)
    x, y = np.meshgrid(grid_x, grid_y)
    heights = descent.valley(np.array([x, y]))
    if narrow:  # one row per rate, its map beside its error chart: axes[0] the maps, axes[1] the charts
        fig, axes = plt.subplots(4, 2, figsize=(NARROW_WIDTH, 7.6), layout="constrained",
                                 gridspec_kw={"width_ratios": [1.2, 1]})
        axes = axes.T
    else:
        fig, axes = plt.subplots(2, 4, figsize=(12, 5.6), gridspec_kw={"height_ratios": [1.1, 1]})
        fig.subplots_adjust(hspace=0.25, wspace=0.12)
    for bottom in axes[1, 1:]:
        bottom.sharey(axes[1, 0])
    # One error scale for the four charts, from powers of 10 that hold every walk's errors.
    every_error = np.concatenate([descent.valley(path.T) for path in paths.values()])
    scale = (10.0 ** np.floor(np.log10(every_error.min())), 10.0 ** np.ceil(np.log10(every_error.max())))
    for column, (label, rate) in enumerate(LEARNING_RATES):
        path = paths[rate]
        top, bottom = axes[0, column], axes[1, column]
        top.contour(x, y, heights, levels=[1, 4, 10, 20, 35], colors=colours["lines"][0], linewidths=1, alpha=0.6)
        top.plot(path[:, 0], path[:, 1], marker="o", markersize=2.5, linewidth=1.2,
                 color=colours["lines"][1])
        top.set_xlim(-3, 3)
        top.set_ylim(-2, 2)
        top.set_aspect("equal")
        top.grid(False)
        top.set_xticks([])
        top.set_yticks([])
        bottom.set_xticks([0, VALLEY_STEPS // 2, VALLEY_STEPS])
        top.set_title(f"{label}: {rate:g}", fontsize=11)
        errors = descent.valley(path.T)
        bottom.semilogy(np.arange(len(path)), errors, linewidth=2, color=colours["lines"][0])
        rising = errors[-1] > errors[0]  # the label goes in the corner the line leaves empty
        bottom.text(0.97, 0.05 if rising else 0.95, f"ends at {_plain_number(errors[-1])}",
                    transform=bottom.transAxes, ha="right", va="bottom" if rising else "top",
                    fontsize=9, color=colours["text"])
        bottom.set_xlabel("step")
        bottom.set_ylim(*scale)
        bottom.yaxis.set_major_locator(LogLocator(numticks=5))
        bottom.yaxis.set_minor_locator(NullLocator())
        if column == 0 or narrow:
            top.set_ylabel("second knob")
            bottom.set_ylabel("error (log scale)")
        else:
            bottom.tick_params(labelleft=False)
        top.set_xlabel("first knob")
    return fig


@figure("derivatives-blame", narrow=True)
def blame_passed_back(colours, narrow=False):
    weights = step()["weights"][1][:, 0]
    one = one_example()  # the example walkthrough.EXAMPLE: one blame per neuron for it
    values = {"x1": f"{EXAMPLE[0]}", "x2": f"{EXAMPLE[1]}", "h1": f"{one['h1']:.4f}",
              "h2": f"{one['h2']:.4f}", "out": f"{one['guess']:.4f}"}
    blame = {"out": one["blame_out"], "h1": one["blame_h1"], "h2": one["blame_h2"]}
    places = {"x1": (0, 1), "x2": (0, 0), "h1": (1, 1), "h2": (1, 0), "out": (2, 0.5),
              "error": (3, 0.5)}  # (layer, place in the layer)

    def at(layer, place):
        """Layers run left to right on a desktop; on a phone top to bottom, x1's side on the left."""
        return (1 - place, -layer) if narrow else (layer, place)

    forward, backward, text = colours["grid"], colours["lines"][1], colours["text"]
    fig, ax = plt.subplots(figsize=(NARROW_WIDTH, 6.6) if narrow else (7.6, 3.8))
    edges = [("x1", "h1"), ("x1", "h2"), ("x2", "h1"), ("x2", "h2"), ("h1", "out"), ("h2", "out"),
             ("out", "error")]
    for start, end in edges:
        ax.annotate("", at(*places[end]), at(*places[start]),
                    arrowprops={"arrowstyle": "-|>", "color": forward, "linewidth": 1.5, "shrinkA": 22,
                                "shrinkB": 22})
    # Blame arrows, {(from, to): (both ends moved this far in the layer, bend)}: under the forward
    # arrows on a desktop; on a phone beside out -> error, and inside the V that h1 and h2 make with out.
    blame_arrows = {("error", "out"): (-0.12, 0.25), ("out", "h1"): (0, 0.3), ("out", "h2"): (0, -0.3)}
    if not narrow:
        blame_arrows = dict.fromkeys(blame_arrows, (-0.12, -0.25))
    for (start, end), (shift, bend) in blame_arrows.items():
        (layer0, place0), (layer1, place1) = places[start], places[end]
        ax.annotate("", at(layer1, place1 + shift), at(layer0, place0 + shift),
                    arrowprops={"arrowstyle": "-|>", "color": backward, "linewidth": 2.2, "shrinkA": 18,
                                "shrinkB": 18, "connectionstyle": f"arc3,rad={bend}"})
    weight_places = ([(0.17, -1.5, "right"), (0.83, -1.5, "left")] if narrow
                     else [(1.45, 0.97, "center"), (1.3, 0.3, "center")])
    for weight, (x, y, align) in zip(weights, weight_places):
        ax.text(x, y, f"weight {weight:.2f}", ha=align, va="center", fontsize=9, color=text)
    for name, place in places.items():
        ax.plot(*at(*place), marker="s" if name == "error" else "o", markersize=34, color=colours["lines"][0],
                markerfacecolor="none", markeredgewidth=2, linestyle="none")
        ax.text(*at(*place), name, ha="center", va="center", fontsize=11, color=text)
        label = [f"sends {values[name]}"] if name in values else [f"target {one['target']:.0f}"]
        if name in blame:
            label.append(f"blame {blame[name]:.5f}")
        side = -1 if name in ("h2", "x2") else 1  # h2 and x2 have theirs on the other side
        if narrow:  # beside the node
            offset, align = (-24 * side, 0), {"ha": "right" if side > 0 else "left", "va": "center"}
        else:  # above or below it
            offset, align = (0, 18 * side), {"ha": "center", "va": "bottom" if side > 0 else "top"}
        ax.annotate("\n".join(label), at(*place), xytext=offset, textcoords="offset points", fontsize=9.5,
                    color=text, **align)
    if narrow:
        ax.text(0.5, -3.45, f"the example {EXAMPLE}\nforward: numbers flow down\nbackward: blame flows up",
                ha="center", va="top", fontsize=10, color=text)
        ax.set_xlim(-0.95, 1.95)
        ax.set_ylim(-3.95, 0.35)
    else:
        ax.text(1.5, -0.75, f"the example {EXAMPLE}     forward: numbers flow right      backward: blame flows left",
                ha="center", fontsize=10, color=text)
        ax.set_xlim(-0.4, 3.4)
        ax.set_ylim(-0.85, 1.6)
    ax.axis("off")
    return fig


@figure("derivatives-straight-path")
def error_along_the_straight_path(colours):
    fractions, errors = straight_path()
    half = half_everywhere()
    fig, ax = plt.subplots(figsize=(6.4, 3.6))
    ax.plot(fractions, errors, linewidth=2.5, color=colours["lines"][0], label="error")
    ax.axhline(half, color=colours["text"], linestyle=":", linewidth=1.2)
    ax.text(0.98, half + 0.008, f"answer 0.5 to every example: error {half:.2f}",
            ha="right", va="bottom", color=colours["text"])
    for t, error, name, where in ((0, errors[0], "start", "left"), (1, errors[-1], "trained", "right")):
        ax.plot([t], [error], marker="o", markersize=7, color=colours["lines"][1])
        ax.annotate(f"{name}: {error:.4f}", (t, error), textcoords="offset points",
                    xytext=(8 if where == "left" else -8, 10),
                    ha=where, color=colours["text"])
    ax.set_xlabel("share of the way from the starting knobs to the trained knobs")
    ax.set_ylabel("error")
    ax.set_xlim(-0.03, 1.03)
    ax.set_ylim(0, 0.3)
    ax.xaxis.set_major_formatter(FuncFormatter(lambda value, _position=None: f"{value:.0%}"))
    return fig
