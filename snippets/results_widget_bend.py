"""The data of the widget "Swap the bend" on the flat-ends page (docs/js/swap-bend.js).

The widget shows, for one hidden activation at a time, what the page's deep network learned on
two moons (deep_runs(), the four networks of the training-curves figure) and how much blame
reaches each layer of the deeper network the page measures (blame_measurements()). The browser
redoes the trained network's forward pass itself, over a grid of the moons' plane and over the
examples, so it needs the trained knobs at full precision; the blame needs training-free but
many passes, so it is shipped measured.
"""

import json
from functools import cache

import numpy as np

import results_activations
from datasets import two_moons
from linear_limits import accuracy
from losses import cross_entropy
from results_widgets import data_element

# The activations in the widget's order, each with the name its radio button shows.
BEND_CHOICES = [("identity", "none"), ("sigmoid", "sigmoid"), ("tanh", "tanh"), ("relu", "ReLU")]
# The map's extent: the chapter's moons figures show this part of the plane (first input across,
# second input up), so the widget's map lines up with them.
BEND_MAP = {"x": [-1.5, 2.5], "y": [-1.0, 1.5]}
# Grid points across and up: the browser computes the network at each one at every switch.
BEND_COLUMNS = 81
BEND_ROWS = 51
# The trained knobs differ from CPU to CPU: up to 7.2e-4 relative (the tanh run; the median
# 2.9e-7) under numpy's and OpenBLAS's other code paths on the machine that measured it. The
# widget shows only what holds far above that (AS_SHOWN), which tests/test_same_on_every_machine.py
# holds to the letter on every code path, and the knobs to this bound.
SAME_EVERYWHERE_WITHIN = 2e-3


def blame_shares(activation):
    """The blame at each hidden layer, first to last, as a share of the last one's, in the
    network of DEEPEST hidden layers the page measures. The page measures sigmoid, tanh and
    ReLU; "none" is measured here the same way (blame_sizes takes "identity" too)."""
    measured = results_activations.blame_measurements()
    if activation in measured:
        return measured[activation][0]
    return results_activations.blame(activation, results_activations.DEEPEST)


def grid():
    """The map's grid: (xs across, ys up), as np.linspace lays them out."""
    return (np.linspace(*BEND_MAP["x"], BEND_COLUMNS), np.linspace(*BEND_MAP["y"], BEND_ROWS))


def as_shown(network):
    """What the widget writes for a trained network, rounded as its script rounds it: the share
    of examples right, the error to two digits, and the lowest and highest answer on the map."""
    inputs, targets = two_moons()
    xs, ys = np.meshgrid(*grid())
    answers = network.forward(np.column_stack([xs.ravel(), ys.ravel()]))[:, 0]
    error = float(cross_entropy(network.forward(inputs), targets))
    return {"accuracy": f"{accuracy(network, inputs, targets):.0%}", "error": f"{error:.2g}",
            "low": f"{answers.min():.2f}", "high": f"{answers.max():.2f}"}


@cache
def bend_data():
    """The widget's data as a dict: the four trained networks, the moons, the grid, the blame."""
    runs = results_activations.deep_runs()
    inputs, targets = two_moons()
    xs, ys = grid()
    networks = {}
    for activation, _ in BEND_CHOICES:
        network, _ = runs[activation]
        shares = blame_shares(activation)
        networks[activation] = {
            "activations": network.activation_names,
            "weights": [w.tolist() for w in network.weights],
            "biases": [b.tolist() for b in network.biases],
            "blame": shares.tolist(),
            "one_in": results_activations.one_in(shares[0]),
            "as_shown": as_shown(network),
        }
    return {
        "same_everywhere_within": SAME_EVERYWHERE_WITHIN,
        "choices": [list(choice) for choice in BEND_CHOICES],
        "networks": networks,
        "inputs": inputs.tolist(),
        "targets": targets[:, 0].tolist(),
        "map": {**BEND_MAP, "columns": BEND_COLUMNS, "rows": BEND_ROWS, "xs": xs.tolist(), "ys": ys.tolist()},
        "layers": results_activations.DEEP_TRAINING["n_hidden_layers"],
        "width": results_activations.DEEP_TRAINING["width"],
        "deepest": results_activations.DEEPEST,
        "blame_width": results_activations.BLAME_WIDTH,
        "no_idea": results_activations.no_idea_error(),
    }


def bend_element():
    return data_element("swap-bend", bend_data())


def facts():
    return {"widgets.bend_data": bend_element()}


if __name__ == "__main__":
    print(json.dumps(bend_data(), ensure_ascii=False, indent=1))
