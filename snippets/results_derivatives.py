"""The results of chapter 1, "Why a neural network needs derivatives" (docs/derivatives/).

numpy only. Each result is computed once (cached) and shared by the chapter's figures
(figures_derivatives.py), its pages (through facts(), which hooks/fill_in.py fills in) and
its tests, so a figure and the sentence under it always come from the same run.

What the chapter says about cost is counted, never timed: forward passes, and the
multiply-adds inside them, follow from the layer sizes and are the same on every machine.
"""

from functools import cache

import numpy as np

import cost
import descent
import running_example
import walkthrough
from datasets import regression_1d
from network import Network
from training import train

# --- index.md and backpropagation.md: what one full gradient costs -------------------------

# The index page's Try it counts the network of width 10, then invites the reader to try this.
OTHER_WIDTH = 30
# A forward and a backward pass together cost fewer multiply-adds than this many forward
# passes, at any width: the backward pass does at most two multiply-adds per weight and example.
PASSES_BOUND = 3


@cache
def cost_rows():
    """cost.count_work() for cost.WIDTHS: one dict of exact counts per network."""
    return tuple(cost.count_work())


def cost_in_forward_passes():
    """(knobs, nudging, backprop): each way's multiply-adds, counted in forward passes."""
    rows = cost_rows()
    knobs = [row["parameters"] for row in rows]
    nudging = [row["nudge_multiply_adds"] / row["forward_multiply_adds"] for row in rows]
    backprop = [row["backprop_multiply_adds"] / row["forward_multiply_adds"] for row in rows]
    return knobs, nudging, backprop


# --- slope.md: the error as one weight turns, and over two weights -------------------------

# The weight the slope page follows: the line from hidden neuron h2 to the output.
ONE_WEIGHT = (1, 1, 0)  # (layer, row, column) in network.weights
ONE_WEIGHT_RANGE = (-6.0, 6.0)
TANGENT_POINTS = (-3.5, 4.0)  # the slope is drawn here, and where the weight starts
# How far the slope page's Try it turns that weight: two small nudges and two large turns.
NUDGES = (0.01, -0.01, 1.0, -3.0)
# The landscape of two weights: h1 -> out (across) and h2 -> out (up).
LANDSCAPE_WEIGHTS = ((1, 0, 0), (1, 1, 0))
LANDSCAPE_RANGE = (-8.0, 8.0)


def _loss_with(network, inputs, targets, settings):
    """The loss with some weights set to new values ({(layer, row, column): value})."""
    saved = {key: network.weights[key[0]][key[1:]] for key in settings}
    try:
        for (layer, row, column), value in settings.items():
            network.weights[layer][row, column] = value
        return network.loss(inputs, targets, running_example.LOSS)
    finally:
        for (layer, row, column), value in saved.items():
            network.weights[layer][row, column] = value


def _slope_with(network, inputs, targets, settings):
    """The gradient of the loss for the weights named in settings, at those settings."""
    saved = {key: network.weights[key[0]][key[1:]] for key in settings}
    try:
        for (layer, row, column), value in settings.items():
            network.weights[layer][row, column] = value
        _, weight_gradients, _ = network.gradients(inputs, targets, running_example.LOSS)
        return [weight_gradients[layer][row, column] for layer, row, column in settings]
    finally:
        for (layer, row, column), value in saved.items():
            network.weights[layer][row, column] = value


@cache
def one_weight_curve():
    """(values, losses, tangents): the error as the weight h2 -> out moves, other knobs still.

    tangents holds (value, loss, slope) at each of TANGENT_POINTS and at the weight's start,
    from left to right (so the start is in the middle).
    """
    network = running_example.make_network()
    inputs, targets = running_example.data()
    values = np.linspace(*ONE_WEIGHT_RANGE, 121)
    losses = np.array([_loss_with(network, inputs, targets, {ONE_WEIGHT: v}) for v in values])
    start = network.weights[ONE_WEIGHT[0]][ONE_WEIGHT[1:]]
    tangents = []
    for value in sorted(TANGENT_POINTS + (start,)):
        loss = _loss_with(network, inputs, targets, {ONE_WEIGHT: value})
        (slope,) = _slope_with(network, inputs, targets, {ONE_WEIGHT: value})
        tangents.append((value, loss, slope))
    return values, losses, tangents


@cache
def nudge_experiment():
    """{nudge: (predicted, measured)}: the change in the error when the weight h2 -> out is
    turned by each of NUDGES, as its slope predicts it and as measured."""
    network = running_example.make_network()
    inputs, targets = running_example.data()
    error, weight_gradients, _ = network.gradients(inputs, targets, running_example.LOSS)
    slope = weight_gradients[ONE_WEIGHT[0]][ONE_WEIGHT[1:]]
    start = network.weights[ONE_WEIGHT[0]][ONE_WEIGHT[1:]]
    return {nudge: (slope * nudge, _loss_with(network, inputs, targets, {ONE_WEIGHT: start + nudge}) - error)
            for nudge in NUDGES}


@cache
def landscape():
    """(grid, losses, arrow_grid, gradients, start) for the weights h1 -> out and h2 -> out."""
    network = running_example.make_network()
    inputs, targets = running_example.data()
    first, second = LANDSCAPE_WEIGHTS
    grid = np.linspace(*LANDSCAPE_RANGE, 41)
    losses = np.array([[_loss_with(network, inputs, targets, {first: a, second: b})
                        for a in grid] for b in grid])
    arrow_grid = np.linspace(LANDSCAPE_RANGE[0] + 1, LANDSCAPE_RANGE[1] - 1, 8)
    gradients = np.array([[_slope_with(network, inputs, targets, {first: a, second: b})
                           for a in arrow_grid] for b in arrow_grid])
    start = (network.weights[first[0]][first[1:]], network.weights[second[0]][second[1:]])
    return grid, losses, arrow_grid, gradients, start


def landscape_lowest():
    """((a, b), error): the lowest point of the landscape's grid, and its error."""
    grid, losses, _, _, _ = landscape()
    row, column = np.unravel_index(np.argmin(losses), losses.shape)
    return (grid[column], grid[row]), losses[row, column]


# --- descent.md: gradient descent and the learning rate ------------------------------------

# Gradient descent in the valley x**2 + 10 y**2, four learning rates side by side.
VALLEY_START = (-2.5, 1.5)
VALLEY_STEPS = 40
LEARNING_RATES = (
    ("too small", 0.005),
    ("good", 0.04),
    ("too large", 0.099),
    ("far too large", 0.11),
)

# The 1-8-1 tanh network on the wavy curve, trained with three learning rates. Each rate is
# far from the edge of stability, so the printed errors are the same on every machine.
REGRESSION_RATES = (0.01, 0.05, 1.0)
REGRESSION_EPOCHS = 200

# A rate so large that the running example's sigmoids are pushed onto their flat ends.
STUCK_RATE = 1000.0

# A walker whose store of slopes is never emptied: the good rate, for this many steps.
STORE_STEPS = 30


@cache
def valley_paths():
    """{learning rate: path} for each of LEARNING_RATES, from VALLEY_START."""
    return {rate: descent.descend(descent.valley_slope, list(VALLEY_START), rate, VALLEY_STEPS)
            for _, rate in LEARNING_RATES}


@cache
def regression_runs():
    """{learning rate: History} for the wavy-curve network at each of REGRESSION_RATES."""
    inputs, targets = regression_1d()
    runs = {}
    for rate in REGRESSION_RATES:
        network = Network([1, 8, 1], ["tanh", "identity"], seed=0)
        runs[rate] = train(network, inputs, targets, rate, epochs=REGRESSION_EPOCHS)
    return runs


@cache
def first_step_both_signs():
    """The running example's error after one step that subtracts, and one that adds, the gradient."""
    inputs, targets = running_example.data()
    after = {}
    for sign, name in ((-1, "subtract"), (+1, "add")):
        network = running_example.make_network()
        _, weight_slopes, bias_slopes = network.gradients(inputs, targets, running_example.LOSS)
        for knob, slope in zip(network.weights + network.biases, weight_slopes + bias_slopes):
            knob += sign * running_example.LEARNING_RATE * slope
        after[name] = network.loss(inputs, targets, running_example.LOSS)
    return after


@cache
def stuck_run():
    """The running example trained with STUCK_RATE: (network, History)."""
    inputs, targets = running_example.data()
    network = running_example.make_network()
    history = train(network, inputs, targets, STUCK_RATE, running_example.EPOCHS, loss=running_example.LOSS)
    return network, history


@cache
def never_emptied_store():
    """The valley walk with the good rate, where each step adds its slope to a store that is
    never emptied and moves by the whole store: the errors along the way."""
    good = LEARNING_RATES[1][1]
    point = np.array(VALLEY_START)
    store = np.zeros(2)
    errors = [descent.valley(point)]
    for _ in range(STORE_STEPS):
        store += descent.valley_slope(point)
        point = point - good * store
        errors.append(descent.valley(point))
    return np.array(errors)


# --- chain-rule.md: one training step of the running example -------------------------------


@cache
def step():
    """walkthrough.one_step(): every number of one training step of the running example."""
    return walkthrough.one_step()


def blame_totals():
    """{neuron: blame added up over the four examples} for out, h1 and h2 (each is also the
    gradient of that neuron's bias)."""
    blames = step()["blames"]
    return {"out": float(blames[1][:, 0].sum()), "h1": float(blames[0][:, 0].sum()),
            "h2": float(blames[0][:, 1].sum())}


def first_row():
    """The first example's numbers that the chain-rule page multiplies out in its prose."""
    taken = step()
    guess, target = taken["outputs"][1][0, 0], taken["targets"][0, 0]
    h1 = taken["outputs"][0][0, 0]
    return {
        "error_per_guess": float(2.0 * (guess - target) / len(taken["inputs"])),
        "guess_slope": float(guess * (1.0 - guess)),
        "blame_out": float(taken["blames"][1][0, 0]),
        "h1_slope": float(h1 * (1.0 - h1)),
        "blame_h1": float(taken["blames"][0][0, 0]),
    }


# --- backpropagation.md: the gradient check ------------------------------------------------


@cache
def check_table():
    """walkthrough.check_table(): backpropagation next to nudging, for all nine knobs."""
    return walkthrough.check_table(step())


def check_summary_table():
    """walkthrough.check_summary_table(): the check's verdict for each array of knobs."""
    return walkthrough.check_summary_table(step())


def facts():
    paths = valley_paths()
    worst = paths[LEARNING_RATES[-1][1]]
    _, stuck = stuck_run()
    network = running_example.make_network()
    rows = cost_rows()
    (other,) = cost.count_work((OTHER_WIDTH,))
    _, _, tangents = one_weight_curve()
    experiment = nudge_experiment()
    _, lowest = landscape_lowest()
    taken = step()
    gradient = np.concatenate([g.ravel() for pair in zip(taken["weight_gradients"], taken["bias_gradients"])
                               for g in pair])
    blame = blame_totals()
    first = first_row()
    _, _, backprop_in_passes = cost_in_forward_passes()
    return {
        # index.md
        "derivatives.weights": sum(w.size for w in network.weights),
        "derivatives.biases": sum(b.size for b in network.biases),
        "derivatives.counts_table": cost.counts_table(),
        "derivatives.other_width": OTHER_WIDTH,
        "derivatives.other_width_passes": other["nudge_passes"],
        "derivatives.examples": cost.N_EXAMPLES,
        "derivatives.smallest_knobs": rows[0]["parameters"],
        "derivatives.largest_knobs": rows[-1]["parameters"],
        "derivatives.largest_nudge_passes": rows[-1]["nudge_passes"],
        "derivatives.nudge_over_backprop": rows[-1]["nudge_multiply_adds"] / rows[-1]["backprop_multiply_adds"],
        # backpropagation.md (and the figures of both pages)
        "backpropagation.passes_bound": PASSES_BOUND,
        "backpropagation.least_in_passes": min(backprop_in_passes),
        "backpropagation.most_in_passes": max(backprop_in_passes),
        "backpropagation.check_table": check_table(),
        "backpropagation.check_summary_table": check_summary_table(),
        # slope.md
        "slope.weight_low": ONE_WEIGHT_RANGE[0],
        "slope.weight_high": ONE_WEIGHT_RANGE[1],
        "slope.left": float(tangents[0][2]),
        "slope.at_start": float(tangents[1][2]),
        "slope.right": float(tangents[2][2]),
        "slope.nudge_prediction": float(experiment[NUDGES[0]][0]),
        "slope.turned_up_by_1": float(experiment[1.0][1]),
        "slope.landscape_lowest": float(lowest),
        "slope.largest": float(gradient.max()),
        # descent.md
        "descent.valley_steps": VALLEY_STEPS,
        **{f"descent.rate_{label.replace(' ', '_')}": rate for label, rate in LEARNING_RATES},
        "descent.valley_worst_end": float(descent.valley(worst[-1])),
        "descent.stuck_rate": STUCK_RATE,
        "descent.stuck_error": float(stuck.losses[-1]),
        "descent.store_steps": STORE_STEPS,
        # chain-rule.md
        "chain_rule.blame_out": blame["out"],
        "chain_rule.blame_h1": blame["h1"],
        "chain_rule.blame_h2": blame["h2"],
        "chain_rule.starting_weights_table": walkthrough.starting_weights_table(taken),
        "chain_rule.hidden_forward_table": walkthrough.hidden_forward_table(taken),
        "chain_rule.output_forward_table": walkthrough.output_forward_table(taken),
        "chain_rule.output_blame_table": walkthrough.output_blame_table(taken),
        "chain_rule.hidden_blame_table": walkthrough.hidden_blame_table(taken),
        "chain_rule.update_table": walkthrough.update_table(taken),
        "chain_rule.h1_out_gradient_sum": walkthrough.weight_gradient_sum(taken),
        "chain_rule.first_error_per_guess": first["error_per_guess"],
        "chain_rule.first_guess_slope": first["guess_slope"],
        "chain_rule.first_blame_out": first["blame_out"],
        "chain_rule.weight_h1_out": float(taken["weights"][1][0, 0]),
        "chain_rule.first_h1_slope": first["h1_slope"],
        "chain_rule.first_blame_h1": first["blame_h1"],
        "chain_rule.error_after_step": float(taken["loss_after"]),
    }


if __name__ == "__main__":
    for name, value in facts().items():
        shown = value if isinstance(value, str) and "\n" not in value else repr(value)
        print(f"{name} = {shown}")
