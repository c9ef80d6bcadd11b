"""The results of "Which error should a network learn from?" (docs/real-networks/choosing-the-error.md).

numpy only. Each result is computed once (cached) and shared by the page's figures
(figures_choosing_the_error.py), the page (through facts(), which hooks/fill_in.py fills in)
and its tests. The steps to learn XOR with each error, and how much more blame cross-entropy
gives a sure wrong answer, are chapter 3's (results_loop.py, faq.*): the page quotes those.
"""

from functools import cache

import numpy as np

import running_example
from linear_limits import accuracy
from losses import cross_entropy_from_sums_slope, mean_squared_error_slope
from softmax import softmax, softmax_cross_entropy, softmax_cross_entropy_slope, softmax_naive

# --- accuracy against the two errors, as one weight turns ------------------------------------

# The weight chapter 1's slope page turns (results_derivatives.ONE_WEIGHT and its range): the
# line from hidden neuron h2 to the output, at the running example's start.
WEIGHT = (1, 1, 0)  # (layer, row, column) in network.weights
WEIGHT_RANGE = (-6.0, 6.0)
CURVE_POINTS = 241
LOSSES = ("mse", "cross_entropy")
NUDGE = 0.01  # how far each knob is turned, both ways, to see what accuracy notices

# --- the blame at a sure, wrong sigmoid output -------------------------------------------------

SURE_AND_WRONG = 0.01  # the output's guess when the right answer is 1 (as on the faq page)

# --- softmax: one answer out of three ----------------------------------------------------------

CLASSES = ("cat", "dog", "bird")
SCORES = (2.0, 1.0, 0.1)  # the output neurons' sums, one per class (the page's code shows them)
RIGHT_CLASS = "dog"
SHIFT = 1000.0  # added to every score to make the naive form overflow


def _with_weight(value):
    network = running_example.make_network()
    network.weights[WEIGHT[0]][WEIGHT[1:]] = value
    return network


def start_value():
    """Where the weight sits at the running example's start."""
    return float(running_example.make_network().weights[WEIGHT[0]][WEIGHT[1:]])


@cache
def error_curves():
    """(weight values, {"mse": errors, "cross_entropy": errors}) as the weight turns."""
    inputs, targets = running_example.data()
    values = np.linspace(*WEIGHT_RANGE, CURVE_POINTS)
    curves = {loss: np.array([_with_weight(v).loss(inputs, targets, loss) for v in values]) for loss in LOSSES}
    return values, curves


@cache
def accuracy_jumps():
    """The weight values, in order, where one of the four answers flips between yes and no.

    The output says yes when its sum is above 0, and that sum is (this weight) x (h2's output)
    plus the rest, which this weight does not touch. So each example's answer flips at exactly
    one value: minus the rest over h2's output. Found exactly, not by a search on a grid.
    """
    network = running_example.make_network()
    inputs, _ = running_example.data()
    network.forward(inputs)
    layer, row, column = WEIGHT
    sums = network.sums[layer][:, column]
    from_this_weight = network.layer_inputs[layer][:, row] * network.weights[layer][row, column]
    return np.sort(-(sums - from_this_weight) / network.layer_inputs[layer][:, row])


@cache
def accuracy_steps():
    """(edges, levels): accuracy is levels[k] for weights between edges[k] and edges[k + 1].

    The edges are the ends of WEIGHT_RANGE and the jumps inside it; each level is measured at
    the middle of its stretch.
    """
    inputs, targets = running_example.data()
    jumps = [jump for jump in accuracy_jumps() if WEIGHT_RANGE[0] < jump < WEIGHT_RANGE[1]]
    edges = np.array([WEIGHT_RANGE[0], *jumps, WEIGHT_RANGE[1]])
    levels = np.array([accuracy(_with_weight((a + b) / 2), inputs, targets) for a, b in zip(edges[:-1], edges[1:])])
    return edges, levels


def share_at_start_accuracy():
    """The share of WEIGHT_RANGE over which accuracy is what it is at the start."""
    edges, levels = accuracy_steps()
    at_start = levels[np.searchsorted(edges, start_value()) - 1]
    widths = np.diff(edges)
    return float(widths[levels == at_start].sum() / widths.sum())


@cache
def knobs_each_measure_notices():
    """{"accuracy": n, "mse": n, "cross_entropy": n}: of the running example's knobs at its
    start, how many change that measure when turned by NUDGE, either way."""
    inputs, targets = running_example.data()
    start = running_example.make_network()
    before = {"accuracy": accuracy(start, inputs, targets)}
    before.update({loss: start.loss(inputs, targets, loss) for loss in LOSSES})
    noticed = dict.fromkeys(before, 0)
    for index, array in enumerate(start.parameters()):
        for position in np.ndindex(array.shape):
            changes = dict.fromkeys(before, False)
            for nudge in (NUDGE, -NUDGE):
                network = running_example.make_network()
                network.parameters()[index][position] += nudge
                changes["accuracy"] |= accuracy(network, inputs, targets) != before["accuracy"]
                for loss in LOSSES:
                    changes[loss] |= network.loss(inputs, targets, loss) != before[loss]
            for measure, changed in changes.items():
                noticed[measure] += changed
    return noticed


@cache
def slopes_at_start():
    """{loss: the slope of that error for the weight, at its start}."""
    inputs, targets = running_example.data()
    network = running_example.make_network()
    return {loss: float(network.gradients(inputs, targets, loss)[1][WEIGHT[0]][WEIGHT[1:]]) for loss in LOSSES}


def lowest_points():
    """{loss: the weight value on the curve's grid where that error is lowest}."""
    values, curves = error_curves()
    return {loss: float(values[np.argmin(curve)]) for loss, curve in curves.items()}


# --- blame at a sure, wrong output ---------------------------------------------------------------


def output_blames(guesses, answer=1.0):
    """{loss: the blame at the output sum} for sigmoid outputs `guesses`, one example each.

    Squared error's blame is its slope times the sigmoid's slope a(1 - a); cross-entropy's,
    measured from the sum as the network measures it, is guess minus answer.
    """
    guesses = np.asarray(guesses, dtype=float)
    answers = np.full_like(guesses, answer)
    sums = np.log(guesses / (1 - guesses))  # the sums that give these guesses
    return {
        "mse": mean_squared_error_slope(guesses, answers) * guesses.size * guesses * (1 - guesses),
        "cross_entropy": cross_entropy_from_sums_slope(sums, answers) * guesses.size,
    }


@cache
def blame_curves():
    """(guesses from near 0 to near 1, {loss: blame at the output sum}) when the answer is 1."""
    guesses = np.linspace(0.005, 0.995, 199)
    return guesses, output_blames(guesses)


def sure_and_wrong_blames():
    return {loss: float(blame[0]) for loss, blame in output_blames([SURE_AND_WRONG]).items()}


# --- softmax ----------------------------------------------------------------------------------


def one_hot(name):
    return np.array([float(name == other) for other in CLASSES])


@cache
def softmax_example():
    scores = np.array(SCORES)
    right = one_hot(RIGHT_CLASS)
    return {
        "chances": softmax(scores),
        "naive_large": softmax_naive(scores + SHIFT),
        "stable_large": softmax(scores + SHIFT),
        "cost": softmax_cross_entropy(scores, right),
        "slope": softmax_cross_entropy_slope(scores, right),
    }


def first_overflowing_power():
    """The smallest whole n for which e**n is too large for a float (numpy gives inf)."""
    with np.errstate(over="ignore"):
        return int(next(n for n in range(1, 2000) if np.isinf(np.exp(float(n)))))


def facts():
    edges, levels = accuracy_steps()
    noticed = knobs_each_measure_notices()
    slopes = slopes_at_start()
    blames = sure_and_wrong_blames()
    example = softmax_example()
    chances = dict(zip(CLASSES, example["chances"]))
    slope = dict(zip(CLASSES, example["slope"]))
    found = {
        "choosing_the_error.weight_low": WEIGHT_RANGE[0],
        "choosing_the_error.weight_high": WEIGHT_RANGE[1],
        "choosing_the_error.start_accuracy": float(levels[np.searchsorted(edges, start_value()) - 1]),
        "choosing_the_error.jumps": len(edges) - 2,
        "choosing_the_error.share_flat": share_at_start_accuracy(),
        "choosing_the_error.nudge": NUDGE,
        "choosing_the_error.knobs_accuracy_notices": noticed["accuracy"],
        "choosing_the_error.knobs_mse_notices": noticed["mse"],
        "choosing_the_error.mse_slope": slopes["mse"],
        "choosing_the_error.cross_entropy_slope": slopes["cross_entropy"],
        "choosing_the_error.sure_and_wrong": SURE_AND_WRONG,
        "choosing_the_error.mse_blame": blames["mse"],
        "choosing_the_error.cross_entropy_blame": blames["cross_entropy"],
        "choosing_the_error.overflow_power": first_overflowing_power(),
        "choosing_the_error.dog_cost": example["cost"],
    }
    for name in CLASSES:
        found[f"choosing_the_error.{name}_chance"] = float(chances[name])
    found[f"choosing_the_error.{RIGHT_CLASS}_blame"] = float(slope[RIGHT_CLASS])
    return found


if __name__ == "__main__":
    for name, value in facts().items():
        print(f"{name} = {value!r}")
