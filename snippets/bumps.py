"""What a bend buys: two steep sigmoids make a bump, and bumps add up to any curve.

A sigmoid neuron with a large weight is a soft step: 0 on one side of a point, 1 on the
other. One step up minus one step a little further along is a bump: flat, then a
plateau, then flat again. Put a bump at each of many points along a curve, each as tall
as the curve there, and their sum traces the curve; more, narrower bumps trace it more
closely. That is the idea behind the universal approximation theorem, in one dimension.

Every bump is two hidden neurons, so a sum of N bumps is a network with one input, 2N
sigmoid hidden neurons and one output with no activation: bumps_network() writes its
weights by hand. train_on_curve() lets gradient descent find a network instead.

Needs network.py, training.py, activations.py and losses.py.
"""

import numpy as np

from activations import sigmoid
from checks import positive_number, whole_number
from network import Network
from training import train

# How sharp a bump's sides are: its steepness times its width. At 10 each side rises
# from 5% to 95% of the height within 0.6 of the bump's width.
SHARPNESS = 10.0

# The curve the examples follow, on this stretch of inputs.
START, STOP = 0.0, 3.0
# How many evenly spaced inputs curve_error() compares on.
GRID_POINTS = 301


def target_curve(x):
    """The smooth wavy curve behind datasets.regression_1d: x + 0.5 sin(3x)."""
    x = np.asarray(x, dtype=float)
    return x + 0.5 * np.sin(3.0 * x)


def _check_stretch(start, stop):
    for value, name in ((start, "start"), (stop, "stop")):
        if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
            raise TypeError(f"{name} must be a number, got {value!r}")
    if not (np.isfinite(start) and np.isfinite(stop) and start < stop):
        raise ValueError(
            f"start must be below stop (both finite), got {start} and {stop}"
        )
    return float(start), float(stop)


def _check_curve(curve):
    if not callable(curve):
        raise TypeError(
            f"curve must be a function of x such as target_curve, got {curve!r}"
        )
    return curve


def bump(x, centre, width, height, sharpness=SHARPNESS):
    """A bump of `height` over [centre - width/2, centre + width/2]: a steep sigmoid
    that steps up at the left edge, minus one that steps up at the right edge."""
    width = positive_number(width, "width")
    steepness = positive_number(sharpness, "sharpness") / width
    x = np.asarray(x, dtype=float)
    first_up = sigmoid(steepness * (x - (centre - width / 2)))
    second_up = sigmoid(steepness * (x - (centre + width / 2)))
    return height * (first_up - second_up)


def bump_centres(n_bumps, start=START, stop=STOP):
    """(centres, width): n_bumps evenly spaced centres from start to stop, one at each
    end, and the width that makes neighbouring bumps just touch."""
    n_bumps = whole_number(n_bumps, "n_bumps", 2)  # one bump at each end
    start, stop = _check_stretch(start, stop)
    return np.linspace(start, stop, n_bumps), (stop - start) / (n_bumps - 1)


def sum_of_bumps(x, curve, n_bumps, start=START, stop=STOP, sharpness=SHARPNESS):
    """The curve traced by n_bumps bumps, each as tall as the curve at its centre."""
    curve = _check_curve(curve)
    centres, width = bump_centres(n_bumps, start, stop)
    return sum(bump(x, centre, width, curve(centre), sharpness) for centre in centres)


def bumps_network(curve, n_bumps, start=START, stop=STOP, sharpness=SHARPNESS):
    """The same sum of bumps as a [1, 2N, 1] network: sigmoid hidden layer, no
    activation at the output. Hidden neurons 2k and 2k + 1 are bump k's first and
    second step up; their output weights are +height and -height, so the output adds
    up the bumps."""
    curve = _check_curve(curve)
    centres, width = bump_centres(n_bumps, start, stop)
    steepness = positive_number(sharpness, "sharpness") / width
    edges = np.column_stack([centres - width / 2, centres + width / 2]).ravel()
    heights = np.asarray([curve(centre) for centre in centres], dtype=float)
    network = Network([1, 2 * len(centres), 1], ["sigmoid", "identity"])
    # sigmoid(steepness * (x - edge)) has weight steepness and bias -steepness * edge.
    network.weights[0] = np.full((1, len(edges)), steepness)
    network.biases[0] = -steepness * edges
    # 0.0 - heights rather than -heights: a height of 0 stays 0, not -0.
    network.weights[1] = np.column_stack([heights, 0.0 - heights]).reshape(-1, 1)
    network.biases[1] = np.zeros(1)
    return network


def curve_error(
    predict, curve=target_curve, start=START, stop=STOP, n_points=GRID_POINTS
):
    """The mean squared error of predict against curve, on n_points evenly spaced inputs
    from start to stop (many more than the training examples, so gaps between them
    count too). predict takes and returns one column of numbers, as a network does."""
    curve = _check_curve(curve)
    start, stop = _check_stretch(start, stop)
    n_points = whole_number(n_points, "n_points", 2)
    x = np.linspace(start, stop, n_points).reshape(-1, 1)
    gaps = np.asarray(predict(x), dtype=float) - curve(x)
    return float(np.mean(gaps**2))


def curve_examples(n_examples=50, curve=target_curve, start=START, stop=STOP):
    """(inputs, targets): n_examples evenly spaced points on the curve, no noise."""
    n_examples = whole_number(n_examples, "n_examples", 2)
    start, stop = _check_stretch(start, stop)
    x = np.linspace(start, stop, n_examples).reshape(-1, 1)
    return x, _check_curve(curve)(x)


def train_on_curve(
    n_hidden, curve=target_curve, learning_rate=0.5, epochs=6000, seed=0, n_examples=50
):
    """A [1, n_hidden, 1] network (sigmoid hidden layer, no output activation) trained
    by gradient descent on the mean squared error: (network, History)."""
    n_hidden = whole_number(n_hidden, "n_hidden", 1)
    inputs, targets = curve_examples(n_examples, curve)
    network = Network([1, n_hidden, 1], ["sigmoid", "identity"], seed=seed)
    return network, train(network, inputs, targets, learning_rate, epochs)


def neuron_parts(network, x):
    """What each hidden neuron adds to the output of a [1, H, 1] network with an
    identity output: a (len(x), H) array whose rows, plus the output bias, add up to
    the output."""
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")
    if len(network.sizes) != 3 or network.activation_names[-1] != "identity":
        raise ValueError(
            "neuron_parts needs one hidden layer and an identity output, like "
            "[1, H, 1] "
            f"with activations [..., 'identity'], got {network!r}"
        )
    network.forward(x)
    return network.layer_outputs[0] * network.weights[1][:, 0]


if __name__ == "__main__":
    x = np.linspace(START, STOP, 7).reshape(-1, 1)
    print("one bump at 1.5, width 1, height 2:", bump(x[:, 0], 1.5, 1.0, 2.0).round(2))
    print("bumps  hidden neurons  mean squared error")
    for n_bumps in (2, 5, 20):
        network = bumps_network(target_curve, n_bumps)
        print(f"{n_bumps:5}  {network.sizes[1]:14}  {curve_error(network.forward):.5f}")
    network, history = train_on_curve(4)
    print(f"trained, 4 hidden neurons: {curve_error(network.forward):.5f}")
