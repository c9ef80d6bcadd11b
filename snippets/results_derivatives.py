"""The results of chapter 1, "Why a neural network needs derivatives" (docs/derivatives/).

numpy only. Each result is computed once (cached) and shared by the chapter's figures
(figures_derivatives.py), its pages (through facts(), which hooks/fill_in.py fills in) and
its tests, so a figure and the sentence under it always come from the same run.
"""

from functools import cache

import descent
import running_example
from datasets import regression_1d
from network import Network
from training import train

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
        _, weight_slopes, bias_slopes = network.gradients(inputs, targets)
        for knob, slope in zip(network.weights + network.biases, weight_slopes + bias_slopes):
            knob += sign * running_example.LEARNING_RATE * slope
        after[name] = network.loss(inputs, targets)
    return after


@cache
def stuck_run():
    """The running example trained with STUCK_RATE: the History."""
    inputs, targets = running_example.data()
    network = running_example.make_network()
    return train(network, inputs, targets, STUCK_RATE, running_example.EPOCHS, loss=running_example.LOSS)


def facts():
    paths = valley_paths()
    worst = paths[LEARNING_RATES[-1][1]]
    stuck = stuck_run()
    return {
        "descent.valley_steps": VALLEY_STEPS,
        "descent.valley_worst_end": float(descent.valley(worst[-1])),
        "descent.stuck_rate": STUCK_RATE,
        "descent.stuck_error": float(stuck.losses[-1]),
    }


if __name__ == "__main__":
    for name, value in facts().items():
        print(f"{name} = {value!r}")
