"""The results of "Is there a better way to step than plain gradient descent?"
(docs/real-networks/better-steps.md).

numpy only. Each result is computed once (cached) and shared by the page's figure
(figures_better_steps.py), its numbers (through facts(), which hooks/fill_in.py fills in)
and its tests.
"""

import inspect
from functools import cache

import numpy as np

import descent
import optimizers
import results_derivatives
from datasets import two_moons
from network import Network

# Chapter 1's narrow valley, x**2 + 10 y**2, from chapter 1's start (descent.md).
VALLEY_START = (-2.5, 1.5)
# "Close to the bottom": an error below this.
VALLEY_LEVEL = 0.01
# Each walk on the valley is this long; the figure shows all of it.
VALLEY_STEPS = 400
# The three walks of the figure: plain and momentum at chapter 1's "too small" rate (the
# same rate, so the memory is the only difference), Adam at a rate in its own units.
WALKS = (("plain", 0.005), ("momentum", 0.005), ("adam", 0.1))
# Chapter 1's "good" rate, where plain gradient descent does well on its own.
GOOD_RATE = dict(results_derivatives.LEARNING_RATES)["good"]
# The same valley with its error measured in units this many times larger: every slope
# shrinks by the same factor. Walks on it may take up to SHALLOW_STEPS steps.
SHALLOW = 100
SHALLOW_STEPS = 20_000

# Two moons and a small network: two hidden layers of 16 tanh neurons, a sigmoid output.
MOONS_NETWORK = dict(sizes=[2, 16, 16, 1], activations=["tanh", "tanh", "sigmoid"])
MOONS_LEVEL = 0.05  # the cross-entropy to get below
MOONS_EPOCHS = 1000  # the most epochs any run gets
# Each 10 times the one before. (Larger rates make some runs chaotic: whether they get
# there depends on the last digits of the arithmetic, so the page does not show them.)
MOONS_RATES = (0.001, 0.01, 0.1, 1.0)
# A rate far too large for Adam: it never gets there.
TOO_LARGE_RATE = 10.0
# Momentum's usual fade, the default of optimizers.Momentum.
KEEP = inspect.signature(optimizers.Momentum).parameters["keep"].default
NAMES = {"plain": "plain gradient descent", "momentum": "momentum", "adam": "Adam"}


def valley_walk(name, rate, steps=VALLEY_STEPS, start=VALLEY_START, scale=1.0):
    """The path of one optimizer on the valley (its error times scale) and the error at
    every point of it."""
    def slope(point):
        return scale * descent.valley_slope(point)

    path = optimizers.walk(optimizers.make_optimizer(name, rate), slope, list(start), steps)
    return path, scale * descent.valley(path.T)


@cache
def walks():
    """{name: (path, errors)} for the three WALKS."""
    return {name: valley_walk(name, rate) for name, rate in WALKS}


def steps_below(errors, level=VALLEY_LEVEL):
    return optimizers.steps_to_reach(errors, level)


@cache
def good_rate_steps():
    """Steps to VALLEY_LEVEL at GOOD_RATE: {"plain": n, "momentum": n}."""
    return {name: steps_below(valley_walk(name, GOOD_RATE)[1]) for name in ("plain", "momentum")}


@cache
def shallow_steps():
    """Steps to the level on the valley and on the valley made SHALLOW times shallower
    (the level shrinks with it): {"plain" or "adam": (steps, shallower steps)}."""
    rates = {"plain": GOOD_RATE, "adam": dict(WALKS)["adam"]}
    found = {}
    for name, rate in rates.items():
        steep = valley_walk(name, rate, SHALLOW_STEPS)[1]
        shallow = valley_walk(name, rate, SHALLOW_STEPS, scale=1.0 / SHALLOW)[1]
        found[name] = (steps_below(steep), steps_below(shallow, VALLEY_LEVEL / SHALLOW))
    return found


def moons_network(seed=0):
    return Network(MOONS_NETWORK["sizes"], MOONS_NETWORK["activations"], seed=seed)


def moons_run(name, rate, network=None):
    """The losses of one optimizer on two moons, stopped once below MOONS_LEVEL."""
    inputs, targets = two_moons()
    network = moons_network() if network is None else network
    return optimizers.train(network, inputs, targets, optimizers.make_optimizer(name, rate),
                            MOONS_EPOCHS, stop_below=MOONS_LEVEL)


@cache
def moons_epochs():
    """{name: {rate: epochs to get below MOONS_LEVEL, or None}} over MOONS_RATES."""
    return {name: {rate: optimizers.steps_to_reach(moons_run(name, rate), MOONS_LEVEL)
                   for rate in MOONS_RATES} for name in NAMES}


@cache
def adam_too_large():
    """The losses of Adam at TOO_LARGE_RATE on two moons."""
    return moons_run("adam", TOO_LARGE_RATE)


def moons_table():
    """The Markdown table of moons_epochs(): one row per learning rate."""
    epochs = moons_epochs()
    lines = ["| learning rate | " + " | ".join(NAMES.values()) + " |",
             "| ---: | " + " | ".join("---:" for _ in NAMES) + " |"]
    for rate in MOONS_RATES:
        cells = [f"{epochs[name][rate]:,}" if epochs[name][rate] is not None else f"not in {MOONS_EPOCHS:,}"
                 for name in NAMES]
        lines.append(f"| {rate:g} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def facts():
    steps = {name: steps_below(errors) for name, (_, errors) in walks().items()}
    rates = dict(WALKS)
    good = good_rate_steps()
    shallow = shallow_steps()
    epochs = moons_epochs()
    found = {
        "better_steps.valley_level": VALLEY_LEVEL,
        "better_steps.start_error": float(descent.valley(np.array(VALLEY_START))),
        "better_steps.slow_rate": rates["plain"],
        "better_steps.adam_rate": rates["adam"],
        "better_steps.plain_steps": steps["plain"],
        "better_steps.momentum_steps": steps["momentum"],
        "better_steps.adam_steps": steps["adam"],
        "better_steps.good_rate": GOOD_RATE,
        "better_steps.good_plain_steps": good["plain"],
        "better_steps.good_momentum_steps": good["momentum"],
        "better_steps.shallow": SHALLOW,
        "better_steps.shallow_plain_steps": shallow["plain"][1],
        "better_steps.shallow_adam_steps": shallow["adam"][1],
        "better_steps.moons_level": MOONS_LEVEL,
        "better_steps.moons_epochs": MOONS_EPOCHS,
        "better_steps.moons_width": MOONS_NETWORK["sizes"][1],
        "better_steps.moons_table": moons_table(),
        "better_steps.smallest_rate": MOONS_RATES[0],
        "better_steps.largest_rate": MOONS_RATES[-1],
        "better_steps.adam_at_smallest": epochs["adam"][MOONS_RATES[0]],
        "better_steps.too_large_rate": TOO_LARGE_RATE,
        "better_steps.keep": KEEP,
        "better_steps.top_speed": 1.0 / (1.0 - KEEP),
    }
    for name in NAMES:
        found[f"better_steps.{name}_at_largest"] = epochs[name][MOONS_RATES[-1]]
    return found


if __name__ == "__main__":
    for name, value in facts().items():
        print(f"{name} = {value!r}" if not isinstance(value, str) else f"{name} =\n{value}")
