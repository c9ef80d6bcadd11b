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
from datasets import regression_1d, two_moons
from losses import mean_squared_error
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


# The random directions the index page tries on the largest network of the count.
RANDOM_DIRECTIONS = 2000
RANDOM_SEED = 0


@cache
def random_directions():
    """Turn every knob of the largest counted network a little in a random direction.

    Returns {"knobs", "tried", "downhill_share", "gain"}: the share of RANDOM_DIRECTIONS
    random directions that go downhill at all, and how fast those fall on average, as a share
    of the fall along the steepest direction (minus the gradient). Theory says about
    sqrt(2 / (pi N)) for N knobs: of the order of 1/sqrt(N).
    """
    inputs, targets = two_moons(cost.N_EXAMPLES, seed=0)
    gradient, _, _ = cost.backprop_every_parameter(cost.network_of_width(cost.WIDTHS[-1]), inputs, targets)
    steepest = -gradient / np.linalg.norm(gradient)
    rng = np.random.default_rng(RANDOM_SEED)
    falls = []
    for _ in range(RANDOM_DIRECTIONS // 500):  # in batches, to keep the memory small
        directions = rng.standard_normal((500, gradient.size))
        directions /= np.linalg.norm(directions, axis=1, keepdims=True)
        falls.append(directions @ steepest)  # 1 would be the steepest way down
    falls = np.concatenate(falls)
    downhill = falls[falls > 0]
    return {"knobs": gradient.size, "tried": falls.size, "downhill_share": downhill.size / falls.size,
            "gain": float(downhill.mean())}


# --- slope.md: the straight path from the start to the trained weights ---------------------

PATH_POINTS = 101  # from the start (0) to the trained weights (1)


@cache
def straight_path():
    """(fractions, errors): the running example's error at start + t * (trained - start), every
    weight and bias moved together along the straight line, for t from 0 to 1."""
    trained_network, _ = running_example.trained()
    network = running_example.make_network()
    inputs, targets = running_example.data()
    start = [p.copy() for p in network.parameters()]
    end = [p.copy() for p in trained_network.parameters()]
    fractions = np.linspace(0.0, 1.0, PATH_POINTS)
    errors = []
    for t in fractions:
        for knob, a, b in zip(network.parameters(), start, end):
            knob[...] = a + t * (b - a)
        errors.append(network.loss(inputs, targets, running_example.LOSS))
    return fractions, np.array(errors)


def half_everywhere():
    """The error of a network that answers 0.5 to every XOR example."""
    _, targets = running_example.data()
    return float(mean_squared_error(np.full_like(targets, 0.5), targets))


def path_above_half_share():
    """How far along the straight path (a share of the way) the error stays at or above the
    error of answering 0.5 everywhere: the first point below it."""
    fractions, errors = straight_path()
    return float(fractions[np.argmax(errors < half_everywhere())])


# --- descent.md: gradient descent and the learning rate ------------------------------------

# Gradient descent in the valley x**2 + 10 y**2, four learning rates side by side.
VALLEY_START = (-2.5, 1.5)
VALLEY_STEPS = 40
LEARNING_RATES = (
    ("too small", 0.005),
    ("good", 0.06),
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


def one_example():
    """The numbers of walkthrough.EXAMPLE that the chain-rule page and its figure show."""
    taken = step()
    k = walkthrough.example_index(taken)
    return {"h1": float(taken["outputs"][0][k, 0]), "h2": float(taken["outputs"][0][k, 1]),
            "guess": float(taken["outputs"][1][k, 0]), "target": float(taken["targets"][k, 0]),
            "blame_out": float(taken["blames"][1][k, 0]), "blame_h1": float(taken["blames"][0][k, 0]),
            "blame_h2": float(taken["blames"][0][k, 1])}


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
    one = one_example()
    paths, path_total = walkthrough.paths_to_input(taken)
    directions = random_directions()
    _, path_errors = straight_path()
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
        "derivatives.random_tried": directions["tried"],
        "derivatives.random_downhill": directions["downhill_share"],
        "derivatives.random_gain": directions["gain"],
        "derivatives.one_over_root_knobs": float(1 / np.sqrt(directions["knobs"])),
        # backpropagation.md (and the figures of both pages)
        "backpropagation.kept_numbers": cost.numbers_kept(cost.network_of_width(cost.WIDTHS[-1]), cost.N_EXAMPLES),
        "backpropagation.passes_bound": PASSES_BOUND,
        "backpropagation.least_in_passes": min(backprop_in_passes),
        "backpropagation.most_in_passes": max(backprop_in_passes),
        "backpropagation.check_table": check_table(),
        "backpropagation.check_summary_table": check_summary_table(),
        # slope.md
        "slope.weight_low": ONE_WEIGHT_RANGE[0],
        "slope.weight_high": ONE_WEIGHT_RANGE[1],
        "slope.left": float(tangents[0][2]),
        "slope.one_weight_lowest": float(one_weight_curve()[1].min()),
        "slope.at_start": float(tangents[1][2]),
        "slope.right": float(tangents[2][2]),
        "slope.nudge_prediction": float(experiment[NUDGES[0]][0]),
        "slope.turned_up_by_1": float(experiment[1.0][1]),
        "slope.landscape_lowest": float(lowest),
        "slope.largest": float(gradient.max()),
        "slope.half_everywhere": half_everywhere(),
        "slope.path_highest": float(path_errors.max()),
        "slope.path_above_half": path_above_half_share(),
        # descent.md
        "descent.valley_steps": VALLEY_STEPS,
        **{f"descent.rate_{label.replace(' ', '_')}": rate for label, rate in LEARNING_RATES},
        "descent.valley_worst_end": float(descent.valley(worst[-1])),
        "descent.stuck_rate": STUCK_RATE,
        "descent.stuck_error": float(stuck.losses[-1]),
        "descent.store_steps": STORE_STEPS,
        "descent.store_times_above": int(np.sum(never_emptied_store()[1:] > never_emptied_store()[0])),
        # chain-rule.md
        "chain_rule.starting_weights_table": walkthrough.starting_weights_table(taken),
        "chain_rule.hidden_forward_table": walkthrough.hidden_forward_table(taken),
        "chain_rule.output_forward_table": walkthrough.output_forward_table(taken),
        "chain_rule.output_blame_table": walkthrough.output_blame_table(taken),
        "chain_rule.hidden_blame_table": walkthrough.hidden_blame_table(taken),
        "chain_rule.update_table": walkthrough.update_table(taken),
        "chain_rule.h1_out_gradient_sum": walkthrough.weight_gradient_sum(taken),
        "chain_rule.one_example_table": walkthrough.one_example_table(taken),
        **{f"chain_rule.one_{name}": value for name, value in one.items()},
        "chain_rule.path_h1": paths[0],
        "chain_rule.path_h2": paths[1],
        "chain_rule.path_total": path_total,
        "chain_rule.out_bias_before": float(taken["biases"][1][0]),
        "chain_rule.out_bias_after": float(taken["biases"][1][0]
                                           - running_example.LEARNING_RATE * taken["bias_gradients"][1][0]),
        "chain_rule.error_after_step": float(taken["loss_after"]),
    }


if __name__ == "__main__":
    for name, value in facts().items():
        shown = value if isinstance(value, str) and "\n" not in value else repr(value)
        print(f"{name} = {shown}")
