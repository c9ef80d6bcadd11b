"""The results of chapter 2, "Why an activation?" (docs/activations/).

numpy only. Each result is computed once (cached) and shared by the chapter's figures
(figures_activations.py), its pages (through facts(), which hooks/fill_in.py fills in) and
its tests, so a figure and the sentence under it always come from the same run.
"""

import math
from functools import cache

import numpy as np

import running_example
import vanishing
from activations import sigmoid
from datasets import regression_1d, two_moons, xor
from linear_limits import accuracy
from losses import cross_entropy
from network import Network
from training import train

# The networks trained on two moons (index.md and straight-lines.md show them). Each ends in
# a sigmoid output; the names say what comes before it.
MOONS_MODELS = {
    "one layer": dict(sizes=[2, 1], activations="sigmoid", learning_rate=2.0, epochs=500),
    "three layers, no bend between": dict(
        sizes=[2, 8, 8, 1], activations=["identity", "identity", "sigmoid"], learning_rate=0.5, epochs=300
    ),
    "a hidden layer of 8 sigmoids": dict(sizes=[2, 8, 1], activations="sigmoid", learning_rate=4.0, epochs=1500),
}

# XOR against straight lines: how many random lines are tried (straight-lines.md).
RANDOM_LINES = 100_000

# A point far from every two-moons example, where the trained network is asked anyway (sigmoid.md).
FAR_POINT = (0.0, -10.0)

# How much blame reaches each hidden layer (flat-ends.md): networks of 1 to DEEPEST hidden
# layers of BLAME_WIDTH neurons, averaged over BLAME_SEEDS starts.
DEPTHS = range(1, 11)
DEEPEST = DEPTHS[-1]
BLAME_WIDTH = 16
BLAME_SEEDS = range(10)
# Larger starting weights: the usual start for ReLU is sqrt(2) times this site's (which
# makes up for the half of the neurons that are off); the sigmoid gets a bigger push.
RELU_START_SCALE = math.sqrt(2)
SIGMOID_START_SCALE = 4.0

# The same deep network trained with each hidden activation (flat-ends.md).
DEEP_TRAINING = dict(n_hidden_layers=4, width=8, learning_rate=0.3, epochs=600)
# A step that raises the error by more than this is a visible bump in the chart.
BUMP = 0.002
# An error below this counts as "almost 0" (the moons are learned).
ALMOST_ZERO = 0.01

# A number to predict, with a sigmoid output and without (choosing.md).
REGRESSION = dict(sizes=[1, 16, 1], hidden="tanh", learning_rate=0.1, epochs=1000)


def one_in(share):
    """A small share as the whole number N of "about 1 in N", to one significant figure above
    10 (1 in 27 stays 27, 1 in 694,000 becomes 700,000)."""
    n = 1.0 / share
    if n < 100:
        return int(round(n))
    return int(round(n, -int(math.floor(math.log10(n)))))


# --- index.md and straight-lines.md: a straight line and what bends it -------------------


@cache
def moons_models():
    """{name: (trained network, share of the points right)} for the three MOONS_MODELS."""
    inputs, targets = two_moons()
    result = {}
    for name, settings in MOONS_MODELS.items():
        network = Network(settings["sizes"], settings["activations"], seed=0)
        train(network, inputs, targets, settings["learning_rate"], settings["epochs"], loss="cross_entropy")
        result[name] = (network, accuracy(network, inputs, targets))
    return result


@cache
def random_lines():
    """RANDOM_LINES random straight lines against XOR, drawn as the page's code draws them:
    (weights of shape (2, RANDOM_LINES), biases, how many of the 4 points each gets right).
    A line says yes on the side where inputs @ weights + bias > 0."""
    inputs, targets = xor()
    rng = np.random.default_rng(0)
    weights = rng.normal(size=(2, RANDOM_LINES))
    biases = rng.normal(size=RANDOM_LINES)
    says_yes = inputs @ weights + biases > 0
    return weights, biases, (says_yes == (targets == 1)).sum(axis=0)


def best_random_line():
    """(weights, bias, points right) of the first random line that gets the most right."""
    weights, biases, right = random_lines()
    best = int(np.argmax(right))
    return weights[:, best], float(biases[best]), int(right[best])


def points_text(row):
    return f"({row[0]:.0f}, {row[1]:.0f})"


@cache
def hidden_answers():
    """For each hidden neuron of the trained running example, the XOR inputs it says yes
    (above 0.5) to, and the output's answers: (list of lists of input rows, output answers)."""
    network, _ = running_example.trained()
    inputs, _ = running_example.data()
    outputs = network.forward(inputs)
    hidden = network.layer_outputs[0] > 0.5
    yes = [[inputs[k] for k in range(len(inputs)) if hidden[k, neuron]] for neuron in range(hidden.shape[1])]
    return yes, hidden, outputs[:, 0] > 0.5


def output_right():
    """How many of the XOR points the trained running example answers right."""
    _, targets = running_example.data()
    return int(np.sum(hidden_answers()[2] == (targets[:, 0] == 1)))


# --- sigmoid.md: the slope and the bug ---------------------------------------------------


def far_answer():
    """What the two-moons network with a hidden layer of 8 sigmoids says at FAR_POINT, and
    how far that point is from the nearest example it was trained on."""
    network, _ = moons_models()["a hidden layer of 8 sigmoids"]
    inputs, _ = two_moons()
    point = np.array([FAR_POINT])
    return float(network.forward(point)[0, 0]), float(np.min(np.linalg.norm(inputs - point, axis=1)))


def buggy_running_example():
    """The running example with the classic bug: the slope a(1 - a) fed the sum z, not the
    output, so it computes z(1 - z)."""
    network = running_example.make_network()
    network._activation_functions = [(sigmoid, lambda z, value=None: z * (1 - z))] * 2
    return network


@cache
def bug_runs():
    """{"right": History, "bug": History}: the running example trained as on every page, and
    the same with the classic bug (which overflows)."""
    inputs, targets = running_example.data()
    _, right = running_example.trained()
    bug = train(buggy_running_example(), inputs, targets, running_example.LEARNING_RATE,
                running_example.EPOCHS, loss=running_example.LOSS)
    return {"right": right, "bug": bug}


# --- flat-ends.md: blame fades through sigmoid layers --------------------------------------


@cache
def blame(activation, depth, weight_scale=1.0):
    return vanishing.blame_sizes(activation, depth, BLAME_WIDTH, BLAME_SEEDS, weight_scale)


@cache
def blame_measurements():
    """{activation: (shares per layer at DEEPEST hidden layers, first-layer share per depth)}."""
    result = {}
    for activation in vanishing.HIDDEN_ACTIVATIONS:
        first = [blame(activation, depth)[0] for depth in DEPTHS]
        result[activation] = (blame(activation, DEEPEST), np.array(first))
    return result


def sigmoid_layers_passed():
    """What each sigmoid layer passed on of the blame it got (the share at a layer over the
    share at the one after it), for every layer of every network measured (1 to DEEPEST
    hidden layers)."""
    shares = [blame("sigmoid", depth) for depth in DEPTHS]
    return np.concatenate([layers[:-1] / layers[1:] for layers in shares])


@cache
def larger_starts():
    """The first-layer share at DEEPEST hidden layers with larger starting weights."""
    return {
        "relu": blame("relu", DEEPEST, RELU_START_SCALE)[0],
        "tanh": blame("tanh", DEEPEST, RELU_START_SCALE)[0],
        "sigmoid": blame("sigmoid", DEEPEST, SIGMOID_START_SCALE)[0],
    }


def _deep_relu_networks(weight_scale):
    inputs, _ = two_moons()
    for seed in BLAME_SEEDS:
        network = vanishing.deep_network("relu", DEEPEST, BLAME_WIDTH, seed)
        for weights in network.weights[:-1]:
            weights *= weight_scale
        network.forward(inputs)
        yield network


@cache
def relu_neurons_off():
    """The share of hidden ReLU neurons that are off (sum <= 0), over examples and starts."""
    return float(np.mean([np.mean(sums <= 0) for network in _deep_relu_networks(1.0)
                          for sums in network.sums[:-1]]))


@cache
def relu_signal_sizes(weight_scale):
    """The typical size (root mean square) of what each hidden ReLU layer sends on, first to
    last, averaged over the starts."""
    return np.mean([[np.sqrt(np.mean(out ** 2)) for out in network.layer_outputs[:-1]]
                    for network in _deep_relu_networks(weight_scale)], axis=0)


@cache
def deep_runs():
    """{activation: (trained network, History)}: DEEP_TRAINING on two moons, once per hidden
    activation, every run from the same start."""
    return vanishing.train_each_activation(**DEEP_TRAINING)


def curves():
    """{activation: the cross-entropy before training and after every step}."""
    return {activation: history.losses for activation, (_, history) in deep_runs().items()}


@cache
def relu_bumps():
    """The steps of the ReLU run that raised the error by more than BUMP."""
    return np.nonzero(np.diff(curves()["relu"]) > BUMP)[0] + 1


def learned_by():
    """The first step after which both tanh and ReLU stay below ALMOST_ZERO."""
    below = [np.all(curves()[name][:, None] < ALMOST_ZERO, axis=1) for name in ("tanh", "relu")]
    last_above = max(np.nonzero(~b)[0].max() for b in below)
    return int(last_above + 1)


def no_idea_error():
    """The cross-entropy of the answer 0.5, the same whether the right answer is yes or no."""
    return float(cross_entropy(np.array([[0.5]]), np.array([[1.0]])))


# --- choosing.md: the output must fit the answer -------------------------------------------


@cache
def regression_fits():
    """{output activation: (trained network, History)} on regression_1d."""
    inputs, targets = regression_1d()
    fits = {}
    for output in ("identity", "sigmoid"):
        network = Network(REGRESSION["sizes"], [REGRESSION["hidden"], output], seed=0)
        fits[output] = (network, train(network, inputs, targets, REGRESSION["learning_rate"], REGRESSION["epochs"]))
    return fits


def facts():
    moons = moons_models()
    one_layer, deep_linear = moons["one layer"], moons["three layers, no bend between"]
    bent = moons["a hidden layer of 8 sigmoids"]
    inputs, _ = two_moons()
    yes, _, _ = hidden_answers()
    far, _ = far_answer()
    sigmoid_passed = sigmoid_layers_passed()
    measured = blame_measurements()
    larger = larger_starts()
    runs = deep_runs()
    losses = curves()
    bumps = relu_bumps()
    regression_inputs, targets = regression_1d()
    fits = regression_fits()
    fit_error = {name: float(history.losses[-1]) for name, (_, history) in fits.items()}
    worse = fit_error["sigmoid"] / fit_error["identity"]
    return {
        "no_bend.one_layer_accuracy": one_layer[1],
        "no_bend.deep_accuracy": deep_linear[1],
        "no_bend.deep_weights": sum(w.size for w in deep_linear[0].weights),
        "no_bend.one_layer_weights": one_layer[0].weights[0].size,
        "straight_lines.best_line": best_random_line()[2],
        "straight_lines.hidden_1_yes": " and ".join(points_text(row) for row in yes[0]),
        "straight_lines.hidden_2_yes": " and ".join(points_text(row) for row in yes[1]),
        "straight_lines.moons_points": len(inputs),
        "straight_lines.bent_accuracy": bent[1],
        "sigmoid.far_point": points_text(FAR_POINT),
        "sigmoid.far_answer": far,
        "sigmoid.bug_overflow_steps": len(bug_runs()["bug"].losses) - 1,
        "flat_ends.width": BLAME_WIDTH,
        "flat_ends.starts": len(BLAME_SEEDS),
        "flat_ends.deepest": DEEPEST,
        "flat_ends.sigmoid_layer_least": float(sigmoid_passed.min()),
        "flat_ends.sigmoid_layer_most": float(sigmoid_passed.max()),
        "flat_ends.sigmoid_one_in": one_in(measured["sigmoid"][0][0]),
        "flat_ends.tanh_one_in": one_in(measured["tanh"][0][0]),
        "flat_ends.relu_one_in": one_in(measured["relu"][0][0]),
        "flat_ends.relu_off": relu_neurons_off(),
        "flat_ends.relu_larger_start": larger["relu"],
        "flat_ends.tanh_larger_start": larger["tanh"],
        "flat_ends.sigmoid_start_scale": SIGMOID_START_SCALE,
        "flat_ends.sigmoid_larger_start_one_in": one_in(larger["sigmoid"]),
        "flat_ends.layers": DEEP_TRAINING["n_hidden_layers"],
        "flat_ends.layer_width": DEEP_TRAINING["width"],
        "flat_ends.steps": DEEP_TRAINING["epochs"],
        "flat_ends.no_activation_error": float(losses["identity"][-1]),
        "flat_ends.no_activation_accuracy": accuracy(runs["identity"][0], *two_moons()),
        "flat_ends.sigmoid_error": float(losses["sigmoid"][-1]),
        "flat_ends.no_idea_error": no_idea_error(),
        "flat_ends.learned_by": int(round(learned_by(), -2)),
        "flat_ends.first_bump": int(bumps.min()),
        "flat_ends.last_bump": int(bumps.max()),
        "choosing.points": len(targets),
        "choosing.lowest_target": float(targets.min()),
        "choosing.highest_target": float(targets.max()),
        "choosing.above_one": int((targets > 1).sum()),
        "choosing.hidden_width": REGRESSION["sizes"][1],
        "choosing.identity_error": fit_error["identity"],
        "choosing.sigmoid_error": fit_error["sigmoid"],
        "choosing.sigmoid_largest": float(fits["sigmoid"][0].forward(regression_inputs).max()),
        "choosing.times_worse": 10 ** int(math.floor(math.log10(worse))),
    }


if __name__ == "__main__":
    for name, value in facts().items():
        print(f"{name} = {value!r}")
