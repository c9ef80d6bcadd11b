"""snippets/cost.py: counting the two ways to find every slope.

Everything asserted is exact and the same on every machine: the parameters, the forward passes
of guess-and-check, and the multiply-adds of each pass, which are checked against the matrix
products the network really computes. No test reads a clock (timings live in benchmarks/).
"""

import numpy as np
import pytest

import cost
from datasets import two_moons
from losses import get_loss
from network import Network


class CountedArray(np.ndarray):
    """An array that adds up the multiply-adds of every matrix product it takes part in: an
    (m, k) @ (k, n) product does m * k * n of them."""

    tally = 0

    def __array_ufunc__(self, ufunc, method, *inputs, **kwargs):
        plain = [x.view(np.ndarray) if isinstance(x, CountedArray) else x for x in inputs]
        if "out" in kwargs:
            kwargs["out"] = tuple(x.view(np.ndarray) if isinstance(x, CountedArray) else x for x in kwargs["out"])
        if ufunc is np.matmul and method == "__call__":
            (rows, inner), (_, columns) = plain[0].shape, plain[1].shape
            CountedArray.tally += rows * inner * columns
        result = getattr(ufunc, method)(*plain, **kwargs)
        return result.view(CountedArray) if isinstance(result, np.ndarray) else result


def multiply_adds_done(network, inputs, targets):
    """(forward, backward): the multiply-adds the network's own passes do, counted as they run."""
    network.weights = [weights.view(CountedArray) for weights in network.weights]
    network._activation_functions = [
        (lambda z, f=function: f(z).view(CountedArray),
         lambda z, value=None, s=slope: s(z, value).view(CountedArray))
        for function, slope in network._activation_functions
    ]
    _, loss_slope = get_loss("mse")
    CountedArray.tally = 0
    outputs = network._forward(np.asarray(inputs).view(CountedArray))
    forward = CountedArray.tally
    CountedArray.tally = 0
    network._backward(loss_slope(outputs, targets))
    return forward, CountedArray.tally


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


@pytest.mark.parametrize("sizes", [[2, 1], [2, 3, 1], [2, 5, 5, 1], [3, 7, 2, 4]])
@pytest.mark.parametrize("n_examples", [1, 16])
def test_multiply_adds_are_the_ones_the_passes_really_do(sizes, n_examples):
    network = Network(sizes, "sigmoid", seed=0)
    rng = np.random.default_rng(0)
    inputs, targets = rng.normal(size=(n_examples, sizes[0])), rng.uniform(size=(n_examples, sizes[-1]))
    expected = cost.multiply_adds(network, n_examples)
    assert multiply_adds_done(network, inputs, targets) == expected


@pytest.mark.parametrize("width", [1, 2, 10, 100])
def test_a_backward_pass_does_less_than_twice_the_work_of_a_forward_pass(width):
    network = cost.network_of_width(width)
    forward, backward = cost.multiply_adds(network, 16)
    first_layer = 16 * network.weights[0].size
    assert backward == 2 * forward - first_layer  # every weight twice, but the inputs take no blame
    assert forward < backward < 2 * forward


def test_count_work_adds_up_the_passes():
    rows = cost.count_work((2, 10), n_examples=4)
    assert [row["width"] for row in rows] == [2, 10] and {row["examples"] for row in rows} == {4}
    for row in rows:
        forward, backward = cost.multiply_adds(cost.network_of_width(row["width"]), 4)
        assert (row["forward_multiply_adds"], row["backward_multiply_adds"]) == (forward, backward)
        assert row["nudge_passes"] == row["parameters"] + 1
        assert row["nudge_multiply_adds"] == row["nudge_passes"] * forward
        assert row["backprop_multiply_adds"] == forward + backward


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: cost.network_of_width(0), ValueError, "width must be at least 1"),
        (lambda: cost.network_of_width("3"), TypeError, "width must be a whole number"),
        (lambda: cost.network_of_width(True), TypeError, "width must be a whole number"),
        (lambda: cost.count_work(widths=()), ValueError, "widths is empty"),
        (lambda: cost.multiply_adds("net", 4), TypeError, "must be a Network"),
        (lambda: cost.multiply_adds(Network([2, 1], "sigmoid"), 0), ValueError, "n_examples must be 1 or more"),
        (lambda: cost.multiply_adds(Network([2, 1], "sigmoid"), 2.5), TypeError, "n_examples must be a whole number"),
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


def test_numbers_kept_are_every_layers_sums_and_outputs(data):
    inputs, _ = data
    for width in (2, 10):
        network = cost.network_of_width(width)
        network.forward(inputs)
        kept = sum(array.size for array in network.sums + network.layer_outputs)
        assert cost.numbers_kept(network, len(inputs)) == kept


def test_numbers_kept_grow_with_the_batch_and_the_depth():
    shallow, deep = Network([2, 10, 1], "sigmoid"), Network([2, 10, 10, 10, 1], "sigmoid")
    assert cost.numbers_kept(shallow, 32) == 2 * cost.numbers_kept(shallow, 16)
    assert cost.numbers_kept(deep, 16) > cost.numbers_kept(shallow, 16)


@pytest.mark.parametrize("bad, error", [(0, ValueError), (-1, ValueError), (1.5, TypeError), (True, TypeError),
                                        ("16", TypeError)])
def test_numbers_kept_refuses_a_bad_batch_size(bad, error):
    # the same check, and the same errors, as multiply_adds: a non-number is a TypeError
    with pytest.raises(error, match="n_examples"):
        cost.numbers_kept(cost.network_of_width(2), bad)


def test_numbers_kept_needs_a_network():
    with pytest.raises(TypeError, match="Network"):
        cost.numbers_kept([2, 2, 1], 16)
