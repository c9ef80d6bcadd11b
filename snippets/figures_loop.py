"""The figures of chapter 3, "The complete picture": one training step of the running example
drawn with its real numbers, the loop over many steps, the classic bugs' loss curves, and
the unlucky starts."""

import math
import textwrap

import matplotlib.pyplot as plt
from matplotlib.colors import to_rgba
from matplotlib.patches import Ellipse
import numpy as np

import running_example
import unlucky_starts
from figures import NARROW_WIDTH, figure
from results_bugs import bug_curves, rises
from results_loop import SNAPSHOT_EPOCHS, one_step, output_map, training_run
from results_unlucky import FENCE, hundred_starts


def draw_map(ax, colours, weights, biases, fence=False):
    x, y, outputs = output_map(weights, biases)
    no, yes = colours["lines"][0], colours["lines"][1]
    # Sure "no" (below 0.1), leaning "no", leaning "yes", sure "yes" (above 0.9).
    shades = [to_rgba(no, 0.5), to_rgba(no, 0.2), to_rgba(yes, 0.2), to_rgba(yes, 0.5)]
    levels = [0, 0.1, 0.5, 0.9, 1]
    if fence:  # answers from 0.45 to 0.55 in grey: "on the fence", neither yes nor no
        shades = shades[:2] + [to_rgba(colours["text"], 0.35)] + shades[2:]
        levels = [0, 0.1, FENCE[0], FENCE[1], 0.9, 1]
    ax.contourf(x, y, outputs, levels=levels, colors=shades)
    if outputs.min() < 0.5 < outputs.max() and not fence:
        ax.contour(x, y, outputs, levels=[0.5], colors=[colours["text"]], linewidths=1.5)
    inputs, targets = running_example.data()
    for (a, b), target in zip(inputs, targets[:, 0]):
        ax.plot(a, b, marker="s" if target else "o", markersize=8, color=colours["text"],
                markerfacecolor=yes if target else no)
        if fence:  # name each corner, so the reader can find (1, 0) and (1, 1)
            ax.annotate(f"({a:.0f}, {b:.0f})", (a, b), textcoords="offset points", fontsize=9,
                        xytext=(0, 8 if b else -8), ha="center", va="bottom" if b else "top")
    ax.set_xlim(-0.25, 1.25)
    ax.set_ylim(-0.25, 1.25)
    ax.set_xticks([0, 1])
    ax.set_yticks([0, 1])
    ax.set_aspect("equal")
    ax.grid(False)


# --- the network diagram ------------------------------------------------------------------

POSITIONS = {"x1": (0.0, 1.0), "x2": (0.0, 0.0), "h1": (1.6, 1.0), "h2": (1.6, 0.0), "out": (3.2, 0.5)}
EDGES = [  # (from, to, index into the parameter list, index inside that array)
    ("x1", "h1", 0, (0, 0)), ("x1", "h2", 0, (0, 1)), ("x2", "h1", 0, (1, 0)), ("x2", "h2", 0, (1, 1)),
    ("h1", "out", 2, (0, 0)), ("h2", "out", 2, (1, 0)),
]
BIASES = [("h1", 1, 0), ("h2", 1, 1), ("out", 3, 0)]


def draw_network(ax, colours, node_text, edge_text, bias_text, arrow_colour, backwards=False,
                 skip_inputs=False, narrow=False):
    # The phone version has less room beside the output and wider nodes, so their numbers fit.
    node_width = 0.62 if narrow else 0.5
    ax.set_xlim((-0.35, 3.95) if narrow else (-0.3, 4.3))
    ax.set_ylim(-0.45, 1.45) if narrow else ax.set_ylim(-0.5, 1.6)  # room for the bias labels
    ax.axis("off")
    end = 0.14 * node_width / 0.5  # arrows run from node edge to node edge
    for start, finish, parameter, index in EDGES:
        if skip_inputs and start.startswith("x"):
            continue  # the inputs are data, not numbers to learn: no blame goes to them
        (x0, y0), (x1, y1) = POSITIONS[start], POSITIONS[finish]
        if backwards:
            (x0, y0), (x1, y1) = (x1, y1), (x0, y0)
        ax.annotate("", xy=(x0 + (1 - end) * (x1 - x0), y0 + (1 - end) * (y1 - y0)),
                    xytext=(x0 + end * (x1 - x0), y0 + end * (y1 - y0)),
                    arrowprops={"arrowstyle": "-|>", "color": arrow_colour, "linewidth": 1.5})
        text = edge_text(parameter, index)
        if text:
            # The two arrows that cross get their labels close to their own start and turned
            # along the arrow, so each label plainly sits on its own arrow. On a phone, turned
            # labels would run into each other: they stay level there.
            (sx, sy), (ex, ey) = POSITIONS[start], POSITIONS[finish]
            crossing = sy != ey and start.startswith("x")
            share = 0.3 if crossing else 0.5
            lx, ly = sx + share * (ex - sx), sy + share * (ey - sy)
            angle = np.degrees(np.arctan2(ey - sy, ex - sx)) if crossing and not narrow else 0.0
            ax.text(lx, ly, text, ha="center", va="center", fontsize=9 if crossing or narrow else 9.5,
                    rotation=angle, rotation_mode="anchor", transform_rotates_text=True,
                    bbox={"boxstyle": "round,pad=0.15", "facecolor": colours["background"],
                          "edgecolor": arrow_colour if crossing else "none"})
    for name, (x, y) in POSITIONS.items():
        ax.add_patch(Ellipse((x, y), node_width, 0.34, facecolor=colours["background"], edgecolor=colours["text"],
                             linewidth=1.5, zorder=3))
        ax.text(x, y, node_text(name), ha="center", va="center", fontsize=10, zorder=4)
    for name, parameter, index in BIASES:
        x, y = POSITIONS[name]
        text = bias_text(parameter, index)
        if text:
            # On a phone the output's label would reach the label of the arrow into it: it goes higher.
            lift = 0.45 if narrow and name == "out" else 0.27
            ax.text(x, y + lift if y >= 0.5 else y - lift, text, ha="center", va="center",
                    fontsize=9 if narrow else 9.5, color=colours["text"])


@figure("loop-one-step", narrow=True)
def loop_one_step(colours, narrow=False):
    step = one_step()
    colours = {**colours, "background": "#ffffff" if colours["text"].startswith("#1") else "#1e2029"}
    fig, axes = plt.subplots(3, 1, figsize=(NARROW_WIDTH, 10.8) if narrow else (8.4, 10.4))
    forward, backward, update = colours["lines"][0], colours["lines"][1], colours["lines"][2]

    def title(ax, text):
        ax.set_title(textwrap.fill(text, 44 if narrow else 66), loc="left", fontsize=11.5)

    # Beside the output on a desktop, below it on a phone.
    note = {"x": 3.2, "y": 0.28, "ha": "center", "va": "top"} if narrow else {"x": 3.5, "y": 0.5, "va": "center"}
    x1, x2 = step["inputs"]
    values = {"x1": f"{x1:.0f}", "x2": f"{x2:.0f}", "h1": f"{step['hidden'][0]:.3f}",
              "h2": f"{step['hidden'][1]:.3f}", "out": f"{step['output']:.3f}"}
    draw_network(axes[0], colours, values.get,
                 lambda p, i: f"×{step['before'][p][i]:.3f}",
                 lambda p, i: f"bias {step['before'][p][i]:+.3f}", forward, narrow=narrow)
    axes[0].text(s=f"right\nanswer {step['target']:.0f}", fontsize=10, **note)
    title(axes[0], f"1. Forward: the example ({x1:.0f}, {x2:.0f}) flows through the network")

    blames = {"x1": "in 1", "x2": "in 2", "h1": f"{step['blame_hidden'][0]:+.4f}",
              "h2": f"{step['blame_hidden'][1]:+.4f}", "out": f"{step['blame_output']:+.4f}"}
    draw_network(axes[1], colours, blames.get, lambda p, i: "", lambda p, i: "", backward,
                 backwards=True, skip_inputs=True, narrow=narrow)
    axes[1].text(s="too low:\nblame\nbelow 0", fontsize=10, **note)
    title(axes[1], f"2. Backward: the blame for this one example ({x1:.0f}, {x2:.0f}) flows back")

    names = {"x1": "in 1", "x2": "in 2", "h1": "", "h2": "", "out": ""}
    arrow = "\n→" if narrow else "→"  # on a phone each arrow's old and new weight take two short lines
    draw_network(axes[2], colours, names.get,
                 lambda p, i: f"{step['before'][p][i]:.4f}{arrow}{step['after'][p][i]:.4f}",
                 lambda p, i: f"bias {step['before'][p][i]:+.4f}→{step['after'][p][i]:+.4f}", update,
                 narrow=narrow)
    title(axes[2], "3. Update: each gradient adds up what all four examples ask for, "
                   "then every weight and bias takes one small step")
    fig.tight_layout(h_pad=1.5)
    fig.subplots_adjust(top=0.95)
    return fig


@figure("loop-training", narrow=True)
def loop_training(colours, narrow=False):
    history = training_run()
    maps = len(SNAPSHOT_EPOCHS)
    # The maps in one row under the curve, or on a phone in rows of three, each map two columns
    # of a six-column grid so that a shorter last row can sit in the middle.
    per_row = 3 if narrow else maps
    rows = math.ceil(maps / per_row)
    fig = plt.figure(figsize=(NARROW_WIDTH, 6.1) if narrow else (8, 5.4))
    grid = fig.add_gridspec(1 + rows, 2 * per_row, height_ratios=[1.9 if narrow else 1.25] + [1] * rows)
    curve = fig.add_subplot(grid[0, :])
    steps = np.arange(0, len(history.losses), 5)
    curve.plot(steps, history.losses[steps], linewidth=2, color=colours["lines"][0])
    for epoch in SNAPSHOT_EPOCHS:
        curve.plot(epoch, history.losses[epoch], marker="o", markersize=7, color=colours["lines"][1])
        curve.annotate(f"{epoch}", (epoch, history.losses[epoch]), textcoords="offset points",
                       xytext=(0, 9), ha="center", fontsize=9)
    curve.set_xlabel("training step (epoch)")
    curve.set_ylabel("error (loss)")
    curve.set_ylim(0, 0.3)
    if narrow:
        curve.set_xticks(np.arange(0, len(history.losses), 500))  # fewer numbers fit under a narrow axis
    title = "The error falls; below, what the network says at the marked steps"
    curve.set_title(textwrap.fill(title, 40) if narrow else title, fontsize=11.5)
    for number, epoch in enumerate(SNAPSHOT_EPOCHS):
        row, column = divmod(number, per_row)
        start = 2 * column + per_row - min(per_row, maps - row * per_row)  # a short row is centred
        ax = fig.add_subplot(grid[1 + row, start:start + 2])
        weights, biases = history.snapshots[epoch]
        draw_map(ax, colours, weights, biases)
        ax.set_title(f"step {epoch}", fontsize=10)
        if number % per_row:
            ax.set_yticklabels([])
    fig.tight_layout()
    return fig


@figure("classic-bugs-loss", narrow=True)
def classic_bugs_loss(colours, narrow=False):
    curves = bug_curves()
    # Three rows of two charts, or on a phone one column of six.
    rows, columns, size = (6, 1, (NARROW_WIDTH, 10.6)) if narrow else (3, 2, (8.4, 7.6))
    fig, axes = plt.subplots(rows, columns, figsize=size, sharex=True, squeeze=False)
    colour_of = [colours["lines"][2]] + [colours["lines"][3]] * 5
    for ax, (name, losses), colour in zip(axes.ravel(), curves.items(), colour_of):
        ups = np.flatnonzero(np.diff(losses) > 0) + 1  # the steps where the error went up
        steps = np.arange(0, len(losses), 2)
        ax.plot(steps, losses[steps], linewidth=1.3, color=colour)
        # A mark along the top edge over every stretch of 20 steps in which the error went
        # up at least once, so even a few rises show.
        bars = []
        for start in np.unique(ups // 20) * 20:
            if bars and bars[-1][0] + bars[-1][1] == start:
                bars[-1] = (bars[-1][0], bars[-1][1] + 20)  # joins the stretch before it
            else:
                bars.append((start, 20))
        ax.broken_barh(bars, (0.51, 0.04), color=colours["text"], alpha=0.7, linewidth=0)
        ax.set_title(f"{name}: went up {rises(losses):,} times", fontsize=10.5, loc="left")
        ax.set_ylim(0, 0.56)
        ax.set_xticks(np.linspace(0, len(losses) - 1, 5))
        if narrow:
            ax.set_yticks([0, 0.25, 0.5])  # a short chart has room for fewer numbers
    for ax in axes[:, 0]:
        ax.set_ylabel("error (loss)")
    for ax in axes[-1]:
        ax.set_xlabel("step")
    fig.tight_layout()
    return fig


@figure("unlucky-starts", narrow=True)
def unlucky_starts_figure(colours, narrow=False):
    result = hundred_starts()
    # The dot chart beside the two maps, or on a phone above them.
    if narrow:
        fig = plt.figure(figsize=(NARROW_WIDTH, 5.6))
        grid = fig.add_gridspec(2, 2, height_ratios=[1.3, 1])
        cells = grid[0, :], grid[1, 0], grid[1, 1]
    else:
        fig = plt.figure(figsize=(8.4, 3.6))
        grid = fig.add_gridspec(1, 3, width_ratios=[1.6, 1, 1])
        cells = grid[0, 0], grid[0, 1], grid[0, 2]
    ax = fig.add_subplot(cells[0])
    order = np.argsort(result["loss"])
    learned = result["learned"][order]
    position = np.arange(len(order))
    for mask, colour, label in ((learned, colours["lines"][2], "learned"),
                                (~learned, colours["lines"][3], "stuck or slow")):
        ax.plot(position[mask], result["loss"][order][mask], linestyle="none", marker="o",
                markersize=4, color=colour, label=label)
    ax.set_yscale("log")  # errors near 0 and near 0.25 both stay visible
    ax.set_xlabel(f"the {len(order)} starts, sorted by final error")
    ax.set_ylabel(f"error after {running_example.EPOCHS:,} steps")
    ax.set_title("Most learn; some get stuck", fontsize=11)
    ax.set_xticks([0, 50, 99])
    ax.legend(loc="upper left", fontsize=9, frameon=False)
    for column, seed in enumerate((running_example.SEED, unlucky_starts.STUCK_EXAMPLE)):
        w1, b1, w2, b2 = (array[seed] for array in result["parameters"])
        ax = fig.add_subplot(cells[column + 1])
        draw_map(ax, colours, [w1, w2], [b1.ravel(), b2.ravel()], fence=True)
        ax.set_title(f"seed {seed}: " + ("learned" if column == 0 else "stuck"), fontsize=11)
    fig.tight_layout()
    return fig
