"""Gradients without a hand-written backward pass: the computer does the chain rule.

A Number is a number that remembers how it was made: from which numbers, by which
operation, and how fast it moves when each of them moves (its local slopes). Adding,
multiplying, subtracting, raising to a power and the sigmoid each make a new Number
with that record. backward() then walks the record from the end back to the start, and
at every step applies the chain rule to one operation only: the blame that reached a
number, times the local slope, goes to each number it was made from. A number used
twice gets blame from both uses, added up.

This is the idea behind every framework's "autograd" (automatic gradients), one number
at a time. network_gradients() uses it to find the gradients of a Network with sigmoid
neurons and the mean squared error, with no backward pass written for the network.

Needs network.py, activations.py and running_example.py (and what they need).
"""

import itertools
import math

import numpy as np

from activations import sigmoid
from network import Network
from running_example import data, make_network

# Each Number gets the next birth number. A number is always made after the numbers it
# is made from, so sorting by birth number puts every number after its parents.
_births = itertools.count()


def _check_plain_number(value, name):
    if isinstance(value, bool) or not isinstance(
        value, (int, float, np.integer, np.floating)
    ):
        raise TypeError(
            f"{name} must be a number such as 0.5, got {value!r} "
            f"({type(value).__name__})"
        )
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value}")
    return float(value)


def _as_number(value):
    """A Number stays itself; a plain number becomes a Number with no record."""
    if isinstance(value, Number):
        return value
    if isinstance(value, bool) or not isinstance(
        value, (int, float, np.integer, np.floating)
    ):
        raise TypeError(
            "a Number can only be combined with a Number or a plain number, got "
            f"{value!r} ({type(value).__name__})"
        )
    return Number(value)


class Number:
    """A number that remembers how it was made.

    value          the number itself
    parents        the numbers it was made from (none for a number we typed in)
    local_slopes   for each parent: how much this number moves when that parent moves
                   by 1
    operation      the name of the operation that made it, for reading the record
    label          an optional name, such as "w1", for reading the record
    gradient       how much the final result moves when this number moves by 1;
                   backward() adds to it, reset_gradients() sets it back to 0
    """

    def __init__(self, value, parents=(), local_slopes=(), operation="", label=""):
        self.value = _check_plain_number(value, "value")
        self.parents = tuple(parents)
        self.local_slopes = tuple(local_slopes)
        if len(self.parents) != len(self.local_slopes):
            raise ValueError(
                "a Number needs one local slope per parent, got "
                f"{len(self.parents)} parents and {len(self.local_slopes)} slopes"
            )
        self.operation = operation
        self.label = ""
        self.named(label)
        self.gradient = 0.0
        self.birth = next(_births)

    def __repr__(self):
        made = f", made by {self.operation}" if self.operation else ""
        return f"Number({self.value:.6g}{made}, gradient={self.gradient:.6g})"

    def named(self, label):
        """Gives this number a name for show_record, and returns it, so that
        (w * x).named("product") reads in one line."""
        if not isinstance(label, str):
            raise TypeError(f"a label must be a string such as 'w1', got {label!r}")
        self.label = label
        return self

    # --- the operations: each returns a new Number and its local slopes -------------

    def __add__(self, other):
        other = _as_number(other)
        return Number(self.value + other.value, (self, other), (1.0, 1.0), "add")

    def __radd__(self, other):  # 2 + x
        return _as_number(other) + self

    def __sub__(self, other):
        other = _as_number(other)
        return Number(self.value - other.value, (self, other), (1.0, -1.0), "subtract")

    def __rsub__(self, other):  # 2 - x
        return _as_number(other) - self

    def __mul__(self, other):
        # Turning self up by 1 moves the product by other's value, and the other way
        # round.
        other = _as_number(other)
        return Number(
            self.value * other.value,
            (self, other),
            (other.value, self.value),
            "multiply",
        )

    def __rmul__(self, other):  # 2 * x
        return _as_number(other) * self

    def __pow__(self, exponent):
        # Only a plain exponent, as in x ** 2: the record then has one parent.
        if isinstance(exponent, Number):
            raise TypeError(
                "the exponent must be a plain number such as 2, not a Number"
            )
        exponent = _check_plain_number(exponent, "the exponent")
        if self.value < 0 and not exponent.is_integer():
            raise ValueError(
                f"cannot raise a negative number ({self.value}) to a power that is "
                f"not whole ({exponent})"
            )
        if self.value == 0 and exponent < 1:
            raise ValueError(
                f"0 to the power {exponent} has no slope: use an exponent of 1 or more"
            )
        slope = exponent * self.value ** (exponent - 1)
        return Number(self.value**exponent, (self,), (slope,), f"power {exponent:g}")

    def sigmoid(self):
        s = float(sigmoid(self.value))
        return Number(s, (self,), (s * (1.0 - s),), "sigmoid")

    # --- going backwards ------------------------------------------------------------

    def record(self):
        """Every number this one was made from, itself included, each after its
        parents."""
        found, waiting = {}, [self]
        while waiting:
            number = waiting.pop()
            if id(number) not in found:
                found[id(number)] = number
                waiting.extend(number.parents)
        return sorted(found.values(), key=lambda number: number.birth)

    def backward(self):
        """Adds to every number's gradient how much this one moves when it moves by 1.

        The record is walked from the end back to the start. Each number passes its
        blame to its parents, times its local slopes: the chain rule, one operation at a
        time. A parent used by several numbers collects blame from each of them, added
        up. Gradients are added to what was there: call reset_gradients() before another
        pass.
        """
        order = self.record()
        blame = {id(number): 0.0 for number in order}
        blame[id(self)] = 1.0  # the result moves by 1 when it moves by 1
        for number in reversed(order):
            for parent, slope in zip(number.parents, number.local_slopes):
                blame[id(parent)] += blame[id(number)] * slope
        for number in order:
            number.gradient += blame[id(number)]


def _as_list_of_numbers(numbers, what):
    if isinstance(numbers, (Number, str, bytes)) or not hasattr(numbers, "__iter__"):
        raise TypeError(f"{what} needs a list of numbers, got {numbers!r}")
    numbers = [_as_number(number) for number in numbers]
    if not numbers:
        raise ValueError(f"{what} of an empty list: give at least one number")
    return numbers


def total(numbers):
    """The sum of a list of numbers, recorded as one operation (local slopes of 1)."""
    numbers = _as_list_of_numbers(numbers, "total")
    return Number(
        math.fsum(n.value for n in numbers), numbers, [1.0] * len(numbers), "sum"
    )


def mean(numbers):
    """The average of a list of numbers: each moves it by 1 / (how many there are)."""
    numbers = _as_list_of_numbers(numbers, "mean")
    share = 1.0 / len(numbers)
    return Number(
        math.fsum(n.value for n in numbers) * share,
        numbers,
        [share] * len(numbers),
        "mean",
    )


def show_record(result):
    """The record of result as text, one line per number, from the first made to the
    last: its name, how it was made, its value and its gradient."""
    if not isinstance(result, Number):
        raise TypeError(f"show_record needs a Number, got {type(result).__name__}")
    order = result.record()
    names = {id(number): number.label or f"#{i}" for i, number in enumerate(order)}
    lines = []
    for number in order:
        made = "typed in"
        if number.parents:
            made = f"{number.operation} of " + ", ".join(
                names[id(parent)] for parent in number.parents
            )
        lines.append(
            f"{names[id(number)]:>6} = {made:<22} value {number.value:8.4f}   "
            f"gradient {number.gradient:8.4f}"
        )
    return "\n".join(lines)


def reset_gradients(numbers):
    """Sets the gradient of every number back to 0, before the next backward pass."""
    for number in _as_list_of_numbers(numbers, "reset_gradients"):
        number.gradient = 0.0


# --- a whole network, as Numbers ----------------------------------------------------


def as_numbers(array, label):
    """A numpy array of plain numbers as an array of Numbers of the same shape."""
    array = np.asarray(array, dtype=float)
    numbers = np.empty(array.shape, dtype=object)
    for index in np.ndindex(array.shape):
        numbers[index] = Number(array[index], label=f"{label}{list(index)}")
    return numbers


def network_error(weights, biases, inputs, targets):
    """The mean squared error of a sigmoid network whose weights and biases are Numbers.

    weights and biases are lists of object arrays shaped like Network.weights and
    .biases; inputs and targets are plain float arrays, one row per example. Written the
    plain way, one example and one neuron at a time: the Numbers record every step.
    """
    squared_errors = []
    for example, target in zip(inputs, targets):
        signal = list(example)
        for layer_weights, layer_biases in zip(weights, biases):
            signal = [
                total(
                    [x * w for x, w in zip(signal, layer_weights[:, neuron])]
                    + [layer_biases[neuron]]
                ).sigmoid()
                for neuron in range(layer_weights.shape[1])
            ]
        squared_errors += [(guess - t) ** 2 for guess, t in zip(signal, target)]
    return mean(squared_errors)


def network_gradients(network, inputs, targets):
    """(mean squared error, weight_gradients, bias_gradients), as Network.gradients
    gives them, but found by recording the forward pass and calling backward() once."""
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")
    if any(name != "sigmoid" for name in network.activation_names):
        raise ValueError(
            "network_gradients knows only sigmoid neurons, got activations "
            f"{network.activation_names}"
        )
    inputs, targets = network.check_data(inputs, targets)
    weights = [
        as_numbers(w, f"weights {layer}") for layer, w in enumerate(network.weights)
    ]
    biases = [
        as_numbers(b, f"biases {layer}") for layer, b in enumerate(network.biases)
    ]
    error = network_error(weights, biases, inputs, targets)
    error.backward()

    def gradients_of(arrays):
        return [
            np.vectorize(lambda number: number.gradient, otypes=[float])(array)
            for array in arrays
        ]

    return error.value, gradients_of(weights), gradients_of(biases)


if __name__ == "__main__":
    x = Number(3.0)
    y = x * x
    y.backward()
    print(
        f"y = x * x at x = 3: y = {y.value:g}, gradient of x = {x.gradient:g} (3 + 3)"
    )
    y.backward()
    print(f"backward again, no reset: gradient of x = {x.gradient:g} (twice too much)")
    reset_gradients([x])
    y.backward()
    print(f"after a reset: gradient of x = {x.gradient:g}")

    network = make_network()
    error, weight_gradients, bias_gradients = network_gradients(network, *data())
    _, expected_weights, expected_biases = network.gradients(*data())
    agree = all(
        np.allclose(mine, theirs, rtol=0, atol=1e-12)
        for mine, theirs in zip(
            weight_gradients + bias_gradients, expected_weights + expected_biases
        )
    )
    print(f"running example: error {error:.4f}")
    print("its 9 gradients agree with Network.gradients to 1e-12:", agree)
