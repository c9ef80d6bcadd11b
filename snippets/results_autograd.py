"""The results of "How does a framework find the gradients without a hand-written backward
pass?" (docs/real-networks/autograd.md).

numpy only. Each result is computed once (cached) and shared by the page's figure
(figures_autograd.py), the page (through facts()) and its tests.
"""

from functools import cache

import numpy as np

import running_example
from autograd import Number, network_error, network_gradients, as_numbers, reset_gradients

# One neuron with one input, the page's first example: guess = sigmoid(w * x + b), and its
# error (guess - target) ** 2. The same numbers are typed in the page's "Try it" block.
NEURON = dict(x=2.0, w=0.5, b=-0.5, target=1.0)

# A number used twice: y = x * x at this x.
SQUARE_AT = 3.0

# How close the recorded gradients must come to Network.gradients.
TOLERANCE = 1e-12


@cache
def neuron():
    """The one-neuron record after backward(): {name: Number} for every number in it."""
    x, w, b = (Number(NEURON[name], label=name) for name in ("x", "w", "b"))
    product = (w * x).named("w × x")
    total = (product + b).named("sum")
    guess = total.sigmoid().named("guess")
    target = Number(NEURON["target"], label="target")
    gap = (guess - target).named("gap")
    error = (gap**2).named("error")
    error.backward()
    return {number.label: number for number in error.record()}


@cache
def square():
    """y = x * x at SQUARE_AT: (x's gradient after one backward, after a second with no
    reset, after a reset and a third)."""
    x = Number(SQUARE_AT)
    y = x * x
    y.backward()
    once = x.gradient
    y.backward()
    twice = x.gradient
    reset_gradients([x])
    y.backward()
    return once, twice, x.gradient


@cache
def running():
    """The running example at its start, through the record: (error, weight gradients,
    bias gradients) from network_gradients, and the same from Network.gradients."""
    network = running_example.make_network()
    inputs, targets = running_example.data()
    return network_gradients(network, inputs, targets), network.gradients(inputs, targets)


def largest_gap():
    """The largest difference between a recorded gradient and Network.gradients'."""
    (_, mine_w, mine_b), (_, theirs_w, theirs_b) = running()
    return max(float(np.max(np.abs(a - b))) for a, b in zip(mine_w + mine_b, theirs_w + theirs_b))


@cache
def running_record():
    """(the running example's error as a Number, its 9 knobs as Numbers) after backward()."""
    network = running_example.make_network()
    inputs, targets = running_example.data()
    weights = [as_numbers(w, f"weights {layer}") for layer, w in enumerate(network.weights)]
    biases = [as_numbers(b, f"biases {layer}") for layer, b in enumerate(network.biases)]
    error = network_error(weights, biases, inputs, targets)
    error.backward()
    knobs = [number for array in weights + biases for number in array.ravel()]
    return error, knobs


def record_counts():
    """(numbers in the running example's record, how many an operation made, how many
    were typed in)."""
    error, _ = running_record()
    order = error.record()
    made = sum(1 for number in order if number.parents)
    return len(order), made, len(order) - made


def typed_in_parts():
    """The typed-in numbers of the running example's record, sorted by what they are:
    (knobs, copies of the inputs, targets). A plain input becomes a new Number each time a
    weight multiplies it, so each input is typed in once per hidden neuron it feeds; each
    target once, where the guess is taken from it. The 2 of the squares and the share
    1/n of the mean are no Numbers: the record keeps them only inside the local slopes."""
    error, knobs = running_record()
    order = error.record()
    used_by = {}
    for number in order:
        for parent in number.parents:
            used_by.setdefault(id(parent), set()).add(number.operation)
    knob_ids = {id(knob) for knob in knobs}
    typed = [number for number in order if not number.parents]
    others = [number for number in typed if id(number) not in knob_ids]
    inputs = sum(1 for number in others if used_by[id(number)] == {"multiply"})
    targets = sum(1 for number in others if used_by[id(number)] == {"subtract"})
    return len(typed) - len(others), inputs, targets


@cache
def example_by_example():
    """The h1 -> out weight's gradient found two ways: one backward() on the mean error of
    the 4 examples, and one backward() per example, on its share of the mean, with no reset
    in between. Returns (the gradient from the mean, the part each example added, the total
    after the last example)."""
    network = running_example.make_network()
    inputs, targets = running_example.data()
    weights = [as_numbers(w, f"weights {layer}") for layer, w in enumerate(network.weights)]
    biases = [as_numbers(b, f"biases {layer}") for layer, b in enumerate(network.biases)]
    knob = weights[1][0, 0]
    n = len(inputs)
    parts = []
    for k in range(n):
        before = knob.gradient
        # One example's error, divided by n: its share of the mean.
        share = network_error(weights, biases, inputs[k : k + 1], targets[k : k + 1]) * (1.0 / n)
        share.backward()
        parts.append(knob.gradient - before)
    separately = knob.gradient
    reset_gradients([knob])
    network_error(weights, biases, inputs, targets).backward()
    return knob.gradient, parts, separately


def array_operations():
    """How many operations the same forward pass and error take when written with whole
    arrays, as network.py writes them: per layer a matrix product, adding the biases and
    the sigmoid; then subtracting the targets, squaring and taking the mean."""
    return 3 * len(running_example.SIZES[1:]) + 3


def facts():
    parts = neuron()
    once, twice, _ = square()
    numbers, made, typed = record_counts()
    from_mean, example_parts, _ = example_by_example()
    return {
        "autograd.x": NEURON["x"],
        "autograd.w": NEURON["w"],
        "autograd.b": NEURON["b"],
        "autograd.target": NEURON["target"],
        "autograd.sum": parts["sum"].value,
        "autograd.guess": parts["guess"].value,
        "autograd.gap": parts["gap"].value,
        "autograd.error": parts["error"].value,
        "autograd.gap_gradient": parts["gap"].gradient,
        "autograd.sigmoid_slope": parts["guess"].value * (1 - parts["guess"].value),
        "autograd.sum_gradient": parts["sum"].gradient,
        "autograd.w_gradient": parts["w"].gradient,
        "autograd.x_gradient": parts["x"].gradient,
        "autograd.square_at": SQUARE_AT,
        "autograd.square_once": once,
        "autograd.square_twice": twice,
        "autograd.tolerance": TOLERANCE,
        "autograd.record_numbers": numbers,
        "autograd.record_made": made,
        "autograd.record_typed": typed,
        "autograd.typed_inputs": typed_in_parts()[1],
        "autograd.typed_targets": typed_in_parts()[2],
        "autograd.array_operations": array_operations(),
        "autograd.h1_out_gradient": from_mean,
        "autograd.h1_out_part_0": example_parts[0],
        "autograd.h1_out_part_1": example_parts[1],
        "autograd.h1_out_part_2": example_parts[2],
        "autograd.h1_out_part_3": example_parts[3],
    }


if __name__ == "__main__":
    for name, value in facts().items():
        print(f"{name} = {value!r}")
