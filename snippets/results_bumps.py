"""The results of "What does a bend buy, exactly?" (docs/real-networks/bumps.md).

numpy only. Each result is computed once (cached) and shared by the page's figures
(figures_bumps.py), the page (through facts(), which hooks/fill_in.py fills in) and its
tests, so a figure and the sentence under it come from the same run.
"""

import math
from functools import cache

import numpy as np

import bumps

# How many bumps the hand-built curves use: few, some, many.
BUMP_COUNTS = (2, 5, 20)
# The bump the page takes apart: centre, width and height.
ONE_BUMP = dict(centre=1.5, width=1.0, height=2.0)
# The network found by training: hidden neurons, learning rate, epochs, examples.
TRAINED = dict(n_hidden=4, learning_rate=0.5, epochs=6000, seed=0, n_examples=50)
# An input beyond the stretch the curve was built or trained on.
FAR_INPUT = 6.0


def one_significant_figure(number):
    """581 becomes 600, 34 becomes 30: a ratio the page rounds to "about"."""
    return int(round(number, -int(math.floor(math.log10(number)))))


@cache
def by_hand():
    """{number of bumps: (network, mean squared error)} for each of BUMP_COUNTS."""
    result = {}
    for n_bumps in BUMP_COUNTS:
        network = bumps.bumps_network(bumps.target_curve, n_bumps)
        result[n_bumps] = (network, bumps.curve_error(network.forward))
    return result


@cache
def trained():
    """(network, History, mean squared error on the fine grid) for TRAINED."""
    network, history = bumps.train_on_curve(**TRAINED)
    return network, history, bumps.curve_error(network.forward)


@cache
def trained_parts(n_points=121):
    """(x, each hidden neuron's part of the output, the output bias, the output)."""
    network, _, _ = trained()
    x = np.linspace(bumps.START, bumps.STOP, n_points).reshape(-1, 1)
    parts = bumps.neuron_parts(network, x)
    output = network.forward(x)[:, 0]
    return x[:, 0], parts, float(network.biases[1][0]), output


def far_answers():
    """(the curve, the trained network, the 20 hand-built bumps) at FAR_INPUT."""
    point = np.array([[FAR_INPUT]])
    many, _ = by_hand()[BUMP_COUNTS[-1]]
    return (float(bumps.target_curve(FAR_INPUT)), float(trained()[0].forward(point)[0, 0]),
            float(many.forward(point)[0, 0]))


def facts():
    hand = by_hand()
    few, some, many = BUMP_COUNTS
    _, _, trained_error = trained()
    curve_far, trained_far, bumps_far = far_answers()
    return {
        "bumps.centre": ONE_BUMP["centre"],
        "bumps.width": ONE_BUMP["width"],
        "bumps.height": ONE_BUMP["height"],
        "bumps.sharpness": bumps.SHARPNESS,
        "bumps.start": bumps.START,
        "bumps.stop": bumps.STOP,
        "bumps.few": few,
        "bumps.some": some,
        "bumps.many": many,
        "bumps.few_neurons": hand[few][0].sizes[1],
        "bumps.some_neurons": hand[some][0].sizes[1],
        "bumps.many_neurons": hand[many][0].sizes[1],
        "bumps.few_error": hand[few][1],
        "bumps.some_error": hand[some][1],
        "bumps.many_error": hand[many][1],
        "bumps.grid_points": bumps.GRID_POINTS,
        "bumps.hidden": TRAINED["n_hidden"],
        "bumps.examples": TRAINED["n_examples"],
        "bumps.epochs": TRAINED["epochs"],
        "bumps.trained_error": trained_error,
        "bumps.times_better": one_significant_figure(hand[few][1] / trained_error),
        "bumps.far_input": FAR_INPUT,
        "bumps.far_curve": curve_far,
        "bumps.far_trained": trained_far,
        "bumps.far_bumps": bumps_far,
        "bumps.knobs_trained": sum(array.size for array in trained()[0].parameters()),
    }


if __name__ == "__main__":
    for name, value in facts().items():
        print(f"{name} = {value!r}")
