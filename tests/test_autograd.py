"""snippets/autograd.py: a number that remembers how it was made, and the backward pass
that walks that record in reverse."""

import math

import numpy as np
import pytest

import running_example
from autograd import Number, mean, network_gradients, reset_gradients, show_record, total
from network import Network

# --- the chain rule, one operation at a time, against finite differences ----------------

OPERATIONS = {
    "add": lambda a, b: a + b,
    "subtract": lambda a, b: a - b,
    "multiply": lambda a, b: a * b,
    "add a plain number": lambda a, b: 0.7 + a,
    "subtract from a plain number": lambda a, b: 1.3 - b,
    "times a plain number": lambda a, b: -1.5 * a,
    "square": lambda a, b: a**2,
    "cube": lambda a, b: b**3,
    "sigmoid": lambda a, b: a.sigmoid(),
    "sum": lambda a, b: total([a, b, a]),
    "mean": lambda a, b: mean([a, b, b]),
}


def random_program(rng, n_inputs=3, n_steps=8):
    """A random small expression: a list of (operation name, position of a, position of b),
    each step reading from the inputs and the steps before it."""
    return [
        (
            str(rng.choice(list(OPERATIONS))),
            int(rng.integers(n_inputs + step)),
            int(rng.integers(n_inputs + step)),
        )
        for step in range(n_steps)
    ]


def run(program, values):
    """Runs a program on Numbers made from values; returns (the inputs, the result)."""
    inputs = [Number(value) for value in values]
    numbers = list(inputs)
    for name, a, b in program:
        numbers.append(OPERATIONS[name](numbers[a], numbers[b]))
    # Every step counts: the result adds them all up (squashed, so values stay moderate).
    return inputs, total([number.sigmoid() for number in numbers[len(inputs) :]])


@pytest.mark.parametrize("seed", range(40))
def test_random_expressions_match_finite_differences(seed):
    rng = np.random.default_rng(seed)
    program = random_program(rng)
    values = rng.uniform(-1.5, 1.5, size=3)
    inputs, result = run(program, values)
    result.backward()
    step = 1e-5
    for k in range(len(values)):
        up, down = values.copy(), values.copy()
        up[k] += step
        down[k] -= step
        estimate = (run(program, up)[1].value - run(program, down)[1].value) / (2 * step)
        assert inputs[k].gradient == pytest.approx(estimate, rel=1e-6, abs=1e-8), program


@pytest.mark.parametrize("name", sorted(OPERATIONS))
def test_each_operation_matches_finite_differences(name):
    values = np.array([0.8, -0.6])
    (a, b), result = run([(name, 0, 1)], values)
    result.backward()
    step = 1e-5
    for k, number in enumerate((a, b)):
        up, down = values.copy(), values.copy()
        up[k] += step
        down[k] -= step
        program = [(name, 0, 1)]
        estimate = (run(program, up)[1].value - run(program, down)[1].value) / (2 * step)
        assert number.gradient == pytest.approx(estimate, rel=1e-7, abs=1e-10)


# --- the running example, and other sigmoid networks ------------------------------------


def test_running_example_gradients_equal_network_gradients():
    network = running_example.make_network()
    inputs, targets = running_example.data()
    error, weights, biases = network_gradients(network, inputs, targets)
    expected_error, expected_weights, expected_biases = network.gradients(inputs, targets)
    assert error == pytest.approx(expected_error, abs=1e-12)
    assert sum(array.size for array in weights + biases) == 9
    for mine, theirs in zip(weights + biases, expected_weights + expected_biases):
        assert mine.shape == theirs.shape
        np.testing.assert_allclose(mine, theirs, rtol=0, atol=1e-12)


@pytest.mark.parametrize("sizes", [[3, 4, 2], [2, 3, 3, 1], [1, 1]])
def test_other_sigmoid_networks_equal_network_gradients(sizes):
    rng = np.random.default_rng(len(sizes))
    network = Network(sizes, "sigmoid", seed=3)
    inputs = rng.normal(size=(5, sizes[0]))
    targets = rng.uniform(size=(5, sizes[-1]))
    _, weights, biases = network_gradients(network, inputs, targets)
    _, expected_weights, expected_biases = network.gradients(inputs, targets)
    for mine, theirs in zip(weights + biases, expected_weights + expected_biases):
        np.testing.assert_allclose(mine, theirs, rtol=0, atol=1e-12)


def test_network_gradients_leave_the_network_unchanged():
    network = running_example.make_network()
    before = [array.copy() for array in network.parameters()]
    network_gradients(network, *running_example.data())
    for old, new in zip(before, network.parameters()):
        np.testing.assert_array_equal(old, new)


# --- a number used twice, and the reset ---------------------------------------------------


def test_a_number_used_twice_gets_both_blames_added():
    x = Number(3.0)
    (x * x).backward()
    assert x.gradient == 6.0  # 3 from each use
    y = Number(2.0)
    (y + y + y).backward()
    assert y.gradient == 3.0


def test_backward_twice_without_reset_doubles_every_gradient():
    x, w = Number(0.4), Number(-1.2)
    error = ((w * x).sigmoid() - 1.0) ** 2
    error.backward()
    once = (x.gradient, w.gradient)
    error.backward()
    assert (x.gradient, w.gradient) == (2 * once[0], 2 * once[1])
    reset_gradients([x, w])
    assert (x.gradient, w.gradient) == (0.0, 0.0)
    error.backward()
    assert (x.gradient, w.gradient) == once


def test_record_puts_every_number_after_its_parents():
    a, b = Number(1.0), Number(2.0)
    result = mean([a * b, (a - b) ** 2, (a + 1).sigmoid()])
    order = result.record()
    position = {id(number): k for k, number in enumerate(order)}
    assert order[-1] is result and len(order) == len(set(position))
    for number in order:
        for parent in number.parents:
            assert position[id(parent)] < position[id(number)]
    assert a.record() == [a]


def test_sigmoid_far_out_stays_finite():
    far = Number(-800.0)
    guess = far.sigmoid()
    guess.backward()
    assert guess.value == 0.0 and far.gradient == 0.0


def test_show_record_lists_each_number_once_with_how_it_was_made():
    x, w = Number(2.0, label="x"), Number(0.5, label="w")
    error = ((w * x).named("product").sigmoid().named("guess") - 1.0) ** 2
    error.backward()
    lines = show_record(error).splitlines()
    assert len(lines) == len(error.record()) == 7  # x, w, product, guess, 1, gap, error
    assert "multiply of w, x" in lines[2] and "sigmoid of product" in lines[3]


# --- bad input ----------------------------------------------------------------------------


def test_bad_input_is_a_clear_error():
    with pytest.raises(TypeError, match="value must be a number"):
        Number("3")
    with pytest.raises(TypeError, match="value must be a number"):
        Number(True)
    with pytest.raises(ValueError, match="finite"):
        Number(math.nan)
    with pytest.raises(TypeError, match="combined with a Number or a plain number"):
        Number(1.0) + "2"
    with pytest.raises(TypeError, match="combined with a Number or a plain number"):
        [1.0] * Number(2.0)
    with pytest.raises(TypeError, match="exponent must be a plain number"):
        Number(2.0) ** Number(2.0)
    with pytest.raises(ValueError, match="negative number"):
        Number(-2.0) ** 0.5
    with pytest.raises(ValueError, match="has no slope"):
        Number(0.0) ** 0.5
    with pytest.raises(ValueError, match="one local slope per parent"):
        Number(1.0, parents=(Number(2.0),), local_slopes=())
    with pytest.raises(ValueError, match="empty list"):
        total([])
    with pytest.raises(TypeError, match="needs a list of numbers"):
        mean(Number(1.0))
    with pytest.raises(TypeError, match="label must be a string"):
        Number(1.0).named(3)
    with pytest.raises(TypeError, match="show_record needs a Number"):
        show_record(1.0)


def test_network_gradients_refuse_what_they_cannot_do():
    inputs, targets = running_example.data()
    with pytest.raises(TypeError, match="network must be a Network"):
        network_gradients("network", inputs, targets)
    with pytest.raises(ValueError, match="only sigmoid neurons"):
        network_gradients(Network([2, 2, 1], ["relu", "sigmoid"]), inputs, targets)
    with pytest.raises(ValueError, match="columns"):
        network_gradients(running_example.make_network(), inputs[:, :1], targets)
