"""snippets/cost.py: counting (and timing) the two ways to find every slope.

Only robust facts are asserted: exact counts, agreement of the slopes, and timing patterns
with wide margins. Exact times depend on the machine and are never compared with a number.
"""

import numpy as np
import pytest

import cost
from datasets import two_moons
from network import Network


@pytest.fixture(scope="module")
def data():
    return two_moons(16, seed=0)


@pytest.mark.parametrize("width, expected", [(1, 7), (2, 15), (10, 151), (30, 1051), (100, 10501)])
def test_parameter_count_of_each_width(width, expected):
    # [2, w, w, 1]: 2w + w (first layer) + w*w + w (second) + w + 1 (output) = w**2 + 5w + 1
    assert cost.count_parameters(cost.network_of_width(width)) == expected == width**2 + 5 * width + 1


def test_nudging_runs_one_forward_pass_per_parameter_plus_one(data):
    inputs, targets = data
    for width in (1, 3, 10):
        network = cost.network_of_width(width)
        slopes, passes = cost.nudge_every_parameter(network, inputs, targets)
        assert passes == cost.count_parameters(network) + 1
        assert slopes.shape == (cost.count_parameters(network),)


def test_backpropagation_needs_one_pass_each_way_and_agrees_with_nudging(data):
    inputs, targets = data
    network = cost.network_of_width(5)
    nudged, _ = cost.nudge_every_parameter(network, inputs, targets)
    exact, forward_passes, backward_passes = cost.backprop_every_parameter(network, inputs, targets)
    assert (forward_passes, backward_passes) == (1, 1)
    assert exact.shape == nudged.shape
    assert np.max(np.abs(exact - nudged)) < 1e-5


def test_nudging_puts_every_parameter_back(data):
    inputs, targets = data
    network = cost.network_of_width(3)
    before = [array.copy() for array in network.parameters()]
    cost.nudge_every_parameter(network, inputs, targets)
    for old, new in zip(before, network.parameters()):
        assert np.array_equal(old, new)


def test_counts_table_lists_every_width():
    table = cost.counts_table((2, 100))
    assert table.splitlines()[2:] == [
        "| 15 | 16 | 1 forward + 1 backward |",
        "| 10,501 | 10,502 | 1 forward + 1 backward |",
    ]


def test_measure_reports_counts_and_positive_times():
    rows = cost.measure(widths=(2, 5), repeats=3)
    assert [row["parameters"] for row in rows] == [15, 51]
    assert [row["nudge_passes"] for row in rows] == [16, 52]
    for row in rows:
        assert row["nudge_seconds"] > 0 and row["forward_seconds"] > 0 and row["backprop_seconds"] > 0


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: cost.network_of_width(0), ValueError, "width must be at least 1"),
        (lambda: cost.network_of_width("3"), TypeError, "width must be a whole number"),
        (lambda: cost.network_of_width(True), TypeError, "width must be a whole number"),
        (lambda: cost.measure(widths=()), ValueError, "widths is empty"),
        (lambda: cost.nudge_every_parameter("net", [[0.0, 0.0]], [[0.0]]), TypeError, "must be a Network"),
        (lambda: cost.nudge_every_parameter(Network([2, 1], "sigmoid"), [[0.0, 0.0]], [[0.0]], nudge=-1.0),
         ValueError, "nudge must be a small positive number"),
        (lambda: cost.nudge_every_parameter(Network([2, 1], "sigmoid"), [[0.0, 0.0]], [[0.0]], nudge=True),
         ValueError, "nudge must be a small positive number"),
        (lambda: cost.nudge_every_parameter(Network([2, 1], "sigmoid"), [[0.0, 0.0, 1.0]], [[0.0]]),
         ValueError, "inputs has 3 columns"),
    ],
)
def test_bad_input_gets_a_clear_error(call, error, message):
    with pytest.raises(error, match=message):
        call()
