"""The results of docs/real-networks/deep-networks.md: why deep networks were hard to train.

numpy only. Each result is computed once (cached) and shared by the page's figure
(figures_deep_networks.py), the page (through facts(), which hooks/fill_in.py fills in) and
its tests. Blame sizes are products of many numbers, so the page shows them to two
significant digits only.
"""

import math
from functools import cache

import numpy as np

import deep
from datasets import two_moons

# Every measured network: DEPTH hidden layers of WIDTH neurons, blame averaged over SEEDS starts.
DEPTH = 20
WIDTH = 16
SEEDS = range(10)

# Start spreads: a neuron with n inputs starts with weights of typical size spread / sqrt(n).
# For ReLU the matched spread is sqrt(2) (half the neurons are off); for tanh it is 1.
RELU_SPREADS = {"too small": 1.0, "matched": math.sqrt(2), "too large": 2.0}
TANH_SPREADS = {"too small": 0.5, "matched": 1.0, "too large": 2.0}

# Runs whose end depends on the last bits of the start (tested in tests/test_deep_networks_page.py):
# 20 tanh layers without skips jump up and down while training, so the page says so in words.
CHAOTIC = {("tanh", False)}

# Training on two moons, with and without skips: the same start, rate and number of steps.
TRAINED = ("sigmoid", "tanh")
LEARNING_RATE = 0.3
STEPS = 300
TRAINING_SEED = 0


def two_digits(number):
    """A positive number rounded to two significant digits (1754 -> 1800, 6.73 -> 6.7)."""
    return float(round(number, 1 - int(math.floor(math.log10(number)))))


def whole_two_digits(number):
    """Two significant digits, as a whole number when it is 10 or more."""
    rounded = two_digits(number)
    return int(rounded) if rounded >= 10 else rounded


@cache
def blame(activation, spread=1.0, skip=False):
    """The blame at each of the DEPTH hidden layers, first to last, as a share of the last's."""
    return deep.blame_sizes(DEPTH, activation, skip, spread, WIDTH, SEEDS)


def start_spread_cases():
    """{label: blame per layer} for ReLU at its three start spreads (the figure's first chart)."""
    return {label: blame("relu", spread) for label, spread in RELU_SPREADS.items()}


def skip_cases():
    """{(activation, skip): blame per layer} at the site's usual spread 1 (the second chart)."""
    return {(activation, skip): blame(activation, 1.0, skip) for activation in TRAINED for skip in (False, True)}


@cache
def training_runs():
    """{(activation, skip): (trained network, losses)}: two moons, STEPS steps of gradient
    descent at LEARNING_RATE, every run from the same seed."""
    inputs, targets = two_moons()
    runs = {}
    for activation in TRAINED:
        for skip in (False, True):
            network = deep.DeepNetwork(DEPTH, WIDTH, activation, skip, 1.0, TRAINING_SEED)
            runs[activation, skip] = (network, deep.train(network, inputs, targets, LEARNING_RATE, STEPS))
    return runs


# An output sum closer to 0 than this, for every point, is a network answering "no idea" (0.5)
# everywhere: which side of 0.5 each answer falls on is rounding noise, so it is not counted.
NO_IDEA = 1e-6


def answers_everything_alike(network):
    """True if the network answers 0.5 (to NO_IDEA) to every point of two moons."""
    return bool(np.all(np.abs(network.forward(two_moons()[0])) < NO_IDEA))


def training_table():
    """The page's table: each network's error after training, and the share of points it
    gets wrong (or, for a network answering 0.5 everywhere, that it does so)."""
    inputs, targets = two_moons()
    rows = ["| hidden layers | skips | error after | points wrong |", "| --- | --- | ---: | ---: |"]
    for (activation, skip), (network, losses) in training_runs().items():
        if (activation, skip) in CHAOTIC:
            continue
        if answers_everything_alike(network):
            wrong = "says 0.5 to every point"
        else:
            wrong = f"{deep.error_rate(network, inputs, targets):.0%}"
        rows.append(f"| {DEPTH} {activation} | {'yes' if skip else 'no'} | {losses[-1]:.2f} | {wrong} |")
    return "\n".join(rows)


def facts():
    relu = {label: shares[0] for label, shares in start_spread_cases().items()}
    tanh = {label: blame("tanh", spread)[0] for label, spread in TANH_SPREADS.items()}
    return {
        "deep_networks.depth": DEPTH,
        "deep_networks.width": WIDTH,
        "deep_networks.starts": len(SEEDS),
        "deep_networks.relu_matched_spread": RELU_SPREADS["matched"],
        "deep_networks.large_spread": RELU_SPREADS["too large"],
        "deep_networks.relu_small_one_in": whole_two_digits(1 / relu["too small"]),
        "deep_networks.relu_matched": two_digits(relu["matched"]),
        "deep_networks.relu_large_times": whole_two_digits(relu["too large"]),
        "deep_networks.tanh_matched": two_digits(tanh["matched"]),
        "deep_networks.sigmoid_one_in_power": -round(math.log10(blame("sigmoid")[0])),
        "deep_networks.sigmoid_skip_times": two_digits(blame("sigmoid", 1.0, True)[0]),
        "deep_networks.tanh_skip_times": whole_two_digits(blame("tanh", 1.0, True)[0]),
        "deep_networks.relu_skip_times": whole_two_digits(blame("relu", RELU_SPREADS["matched"], True)[0]),
        "deep_networks.learning_rate": LEARNING_RATE,
        "deep_networks.steps": STEPS,
        "deep_networks.training_table": training_table(),
    }


if __name__ == "__main__":
    for name, value in facts().items():
        print(f"{name} = {value!r}" if not isinstance(value, str) else f"{name} =\n{value}")
