"""Classic bugs in backpropagation and training, each next to its fix, and the check
that catches it.

Two kinds of bug. The first kind gives wrong gradients: the gradient check (nudge every
weight and bias, compare) catches it with a large relative error. The second kind
computes the right gradients but uses them wrongly: the gradient check passes, and the
loss curve (the error after every step) gives it away. Every function here works on the
running example (running_example.py): a 2-2-1 sigmoid network learning XOR with the mean
squared error, with its learning rate and number of steps.

Each buggy function is written exactly like its fix except for the buggy lines, so that
comparing the two, line by line, shows the bug and nothing else.
"""

import numpy as np

from activations import sigmoid
from gradient_check import (
    BUG_FROM,
    RIGHT_BELOW,
    STEP,
    numerical_gradients,
    relative_error,
)
from network import Network
from running_example import ACTIVATIONS, EPOCHS, LEARNING_RATE, SEED, SIZES, data
from training import _check_epochs, _check_learning_rate

TOO_LARGE = 30.0  # a learning rate far too large for the running example
NO_RESET_STUCK_SEED = 1  # a start from which the missing reset gets stuck

# What the gradient check's largest relative error says about a backward pass:
# RIGHT_BELOW and BUG_FROM come from gradient_check.py, so every page uses one
# definition and one threshold.


def running_example(seed=SEED):
    """A fresh network of the running example's shape from `seed`, and the four XOR
    examples."""
    inputs, targets = data()
    return Network(SIZES, ACTIVATIONS, seed=seed), inputs, targets


# --- backward passes, written out by hand for a network with one hidden layer ---------


def _forward(network, inputs):
    hidden_weights, hidden_biases, output_weights, output_biases = network.parameters()
    hidden_sums = inputs @ hidden_weights + hidden_biases
    hidden = sigmoid(hidden_sums)
    output_sums = hidden @ output_weights + output_biases
    outputs = sigmoid(output_sums)
    return hidden_sums, hidden, output_sums, outputs


def _check_network(network):
    if not (
        isinstance(network, Network)
        and len(network.weights) == 2
        and network.activation_names == ["sigmoid", "sigmoid"]
    ):
        raise ValueError(
            "these hand-written backward passes need a Network with one hidden layer "
            "and sigmoid on both layers, like Network([2, 2, 1], 'sigmoid'), got "
            f"{network!r}"
        )


def backward_right(network, inputs, targets):
    """The correct backward pass: returns [hidden weights, hidden biases, output
    weights, output biases] gradients of the mean squared error."""
    _check_network(network)
    hidden_sums, hidden, output_sums, outputs = _forward(network, inputs)
    # how the loss moves with each output
    blame_out = 2.0 * (outputs - targets) / targets.size
    # times the slope of the sigmoid: a(1 - a)
    blame_out = blame_out * outputs * (1.0 - outputs)
    blame_hidden = (blame_out @ network.weights[1].T) * hidden * (1.0 - hidden)
    return [
        inputs.T @ blame_hidden,
        blame_hidden.sum(axis=0),
        hidden.T @ blame_out,
        blame_out.sum(axis=0),
    ]


def backward_missing_slope(network, inputs, targets):
    """Bug: the blame passes through each sigmoid without being multiplied by its
    slope."""
    _check_network(network)
    hidden_sums, hidden, output_sums, outputs = _forward(network, inputs)
    blame_out = 2.0 * (outputs - targets) / targets.size
    # BUG: no slope here, nor on the line above
    blame_hidden = blame_out @ network.weights[1].T
    return [
        inputs.T @ blame_hidden,
        blame_hidden.sum(axis=0),
        hidden.T @ blame_out,
        blame_out.sum(axis=0),
    ]


def backward_slope_of_sum(network, inputs, targets):
    """Bug: the slope a(1 - a) is computed from the sum z instead of the output a =
    sigmoid(z)."""
    _check_network(network)
    hidden_sums, hidden, output_sums, outputs = _forward(network, inputs)
    blame_out = 2.0 * (outputs - targets) / targets.size
    # BUG: z(1 - z), should be a(1 - a)
    blame_out = blame_out * output_sums * (1.0 - output_sums)
    blame_hidden = blame_out @ network.weights[1].T
    blame_hidden = blame_hidden * hidden_sums * (1.0 - hidden_sums)  # BUG again
    return [
        inputs.T @ blame_hidden,
        blame_hidden.sum(axis=0),
        hidden.T @ blame_out,
        blame_out.sum(axis=0),
    ]


def check_backward(backward, seed=SEED, step=STEP):
    """The gradient check for a backward pass: the largest relative error between its
    gradients and the nudged estimates (see verdict() for what it means). step is the
    size of the nudge: too small drowns in rounding, too large treats a curve as
    straight."""
    if not callable(backward):
        raise TypeError(
            f"backward must be a function like backward_right, got {backward!r}"
        )
    if isinstance(step, bool) or not isinstance(step, (int, float, np.floating)):
        raise TypeError(f"step must be a number such as 1e-4, got {step!r}")
    if not 0 < step < 1:  # also refuses nan
        raise ValueError(
            f"step must be a small positive number such as 1e-4, got {step!r}"
        )
    network, inputs, targets = running_example(seed)
    analytic = backward(network, inputs, targets)
    weight_estimates, bias_estimates = numerical_gradients(
        network, inputs, targets, step=step
    )
    estimates = [
        weight_estimates[0],
        bias_estimates[0],
        weight_estimates[1],
        bias_estimates[1],
    ]
    return max(relative_error(a, n) for a, n in zip(analytic, estimates))


def verdict(error):
    """What a gradient check's relative error says: "right", "look closer" or "a
    bug"."""
    if error < RIGHT_BELOW:
        return "right"
    if error < BUG_FROM:
        return "look closer"
    return "a bug"


# --- training loops: right gradients, used wrongly ----------------------------------
# Each returns (losses, network): losses[k] is the loss after k steps, from 0 to epochs.
# The learning rate and the number of steps are checked as train() in training.py checks
# them.


def train_right(learning_rate=LEARNING_RATE, epochs=EPOCHS, seed=SEED):
    """Correct training."""
    learning_rate, epochs = _check_learning_rate(learning_rate), _check_epochs(epochs)
    network, inputs, targets = running_example(seed)
    losses = []
    for _ in range(epochs):
        loss, weight_gradients, bias_gradients = network.gradients(inputs, targets)
        losses.append(loss)
        for weights, gradient in zip(network.weights, weight_gradients):
            weights -= learning_rate * gradient
        for biases, gradient in zip(network.biases, bias_gradients):
            biases -= learning_rate * gradient
    losses.append(network.loss(inputs, targets))  # and after the last step
    return np.array(losses), network


def train_biases_frozen(learning_rate=LEARNING_RATE, epochs=EPOCHS, seed=SEED):
    """Bug: only the weights move; the biases keep their starting values."""
    learning_rate, epochs = _check_learning_rate(learning_rate), _check_epochs(epochs)
    network, inputs, targets = running_example(seed)
    losses = []
    for _ in range(epochs):
        loss, weight_gradients, bias_gradients = network.gradients(inputs, targets)
        losses.append(loss)
        for weights, gradient in zip(network.weights, weight_gradients):
            weights -= learning_rate * gradient
        # BUG: the loop over network.biases is missing
    losses.append(network.loss(inputs, targets))  # and after the last step
    return np.array(losses), network


def train_adding_gradient(learning_rate=LEARNING_RATE, epochs=EPOCHS, seed=SEED):
    """Bug: each step adds the gradient, which walks uphill."""
    learning_rate, epochs = _check_learning_rate(learning_rate), _check_epochs(epochs)
    network, inputs, targets = running_example(seed)
    losses = []
    for _ in range(epochs):
        loss, weight_gradients, bias_gradients = network.gradients(inputs, targets)
        losses.append(loss)
        for weights, gradient in zip(network.weights, weight_gradients):
            weights += learning_rate * gradient  # BUG: += should be -=
        for biases, gradient in zip(network.biases, bias_gradients):
            biases += learning_rate * gradient  # BUG: += should be -=
    losses.append(network.loss(inputs, targets))  # and after the last step
    return np.array(losses), network


def train_with_reset(learning_rate=LEARNING_RATE, epochs=EPOCHS, seed=SEED):
    """Correct training in the style of libraries that add each gradient into a running
    total (PyTorch's .grad): the totals are set back to zero before every step. It takes
    the very same steps as train_right()."""
    learning_rate, epochs = _check_learning_rate(learning_rate), _check_epochs(epochs)
    network, inputs, targets = running_example(seed)
    losses = []
    for _ in range(epochs):
        totals = [np.zeros_like(array) for array in network.parameters()]
        loss, weight_gradients, bias_gradients = network.gradients(inputs, targets)
        losses.append(loss)
        gradients = [g for pair in zip(weight_gradients, bias_gradients) for g in pair]
        for parameter, total, gradient in zip(network.parameters(), totals, gradients):
            total += gradient
            parameter -= learning_rate * total
    losses.append(network.loss(inputs, targets))  # and after the last step
    return np.array(losses), network


def train_without_reset(learning_rate=LEARNING_RATE, epochs=EPOCHS, seed=SEED):
    """Bug: the gradients are added into running totals that are never set back to zero,
    so every step also repeats all the steps before it."""
    learning_rate, epochs = _check_learning_rate(learning_rate), _check_epochs(epochs)
    network, inputs, targets = running_example(seed)
    # BUG: made once, outside the loop
    totals = [np.zeros_like(array) for array in network.parameters()]
    losses = []
    for _ in range(epochs):
        loss, weight_gradients, bias_gradients = network.gradients(inputs, targets)
        losses.append(loss)
        gradients = [g for pair in zip(weight_gradients, bias_gradients) for g in pair]
        for parameter, total, gradient in zip(network.parameters(), totals, gradients):
            total += gradient
            parameter -= learning_rate * total
    losses.append(network.loss(inputs, targets))  # and after the last step
    return np.array(losses), network


if __name__ == "__main__":
    for backward in (backward_right, backward_missing_slope, backward_slope_of_sum):
        print(
            f"{backward.__name__:24} gradient check: "
            f"{verdict(check_backward(backward))}"
        )
    for name, losses in (
        ("right", train_right()[0]),
        ("biases frozen", train_biases_frozen()[0]),
        ("adding the gradient", train_adding_gradient()[0]),
        ("gradients not reset", train_without_reset()[0]),
        (f"learning rate {TOO_LARGE:g}", train_right(learning_rate=TOO_LARGE)[0]),
    ):
        print(
            f"{name:20} loss {losses[0]:.4f} at the start, {losses[-1]:.4f} after "
            f"{len(losses) - 1} steps"
        )
