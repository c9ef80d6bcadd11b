"""A deep network of equal-width layers, with or without skip connections.

Blame passed back through many layers is multiplied at every layer. Whether it fades,
explodes or stays level depends on how large the weights start (the start spread) and
on the activation. A skip connection gives the blame a second road back: each layer
adds its input to what it computes, h -> h + f(h W + b), so the blame reaching h is
what came from above plus what went through the layer.

The network: 2 inputs, `depth` hidden layers of `width` neurons, one sigmoid output
(a yes/no answer) trained with cross-entropy. The first hidden layer turns the inputs
into `width` numbers and cannot skip (its input has another size); every later one can.

Needs activations.py, losses.py and datasets.py.
"""

import math

import numpy as np

from activations import get_activation
from checks import positive_number, whole_number
from datasets import two_moons
from losses import cross_entropy_from_sums, cross_entropy_from_sums_slope


class DeepNetwork:
    """depth hidden layers of width neurons, then one sigmoid output.

    start_spread sets how large the random weights start: a neuron with n inputs gets
    weights of typical size (standard deviation) start_spread / sqrt(n). 1 is this
    site's usual start; sqrt(2) is the usual one for ReLU. Biases start at 0.

    After gradients() (or backward()), blames[k] holds d loss / d sums of hidden layer
    k, one row per example: the blame carried by each neuron's sum, as in chapter 2.
    """

    def __init__(self, depth, width=16, activation="tanh", skip=False, start_spread=1.0, seed=0):
        self.depth = whole_number(depth, "depth")
        self.width = whole_number(width, "width")
        if not isinstance(skip, bool):
            raise TypeError(f"skip must be True or False, got {skip!r}")
        self.skip = skip
        self.start_spread = positive_number(start_spread, "start_spread")
        self.activation = activation
        self._f, self._slope = get_activation(activation)  # an unknown name fails here
        rng = np.random.default_rng(seed)
        sizes = [2] + [self.width] * self.depth
        self.weights = [rng.normal(0.0, self.start_spread / math.sqrt(n_in), size=(n_in, n_out))
                        for n_in, n_out in zip(sizes[:-1], sizes[1:])]
        self.biases = [np.zeros(self.width) for _ in range(self.depth)]
        # The output neuron always starts the usual way: only the hidden layers are studied.
        self.output_weights = rng.normal(0.0, 1.0 / math.sqrt(self.width), size=(self.width, 1))
        self.output_bias = np.zeros(1)

    def __repr__(self):
        return (f"DeepNetwork(depth={self.depth}, width={self.width}, activation={self.activation!r}, "
                f"skip={self.skip}, start_spread={self.start_spread:g})")

    def parameters(self):
        """Every weight and bias array (the network's own, not copies)."""
        return self.weights + self.biases + [self.output_weights, self.output_bias]

    def _check_inputs(self, inputs):
        inputs = np.asarray(inputs, dtype=float)
        if inputs.ndim != 2 or inputs.shape[1] != 2 or inputs.shape[0] == 0:
            raise ValueError(f"inputs must have shape (n_examples, 2) with at least one row, got {inputs.shape}")
        if not np.all(np.isfinite(inputs)):
            raise ValueError("inputs contain NaN or infinite values")
        return inputs

    def forward(self, inputs):
        """The output sums (before the sigmoid), shape (n_examples, 1). Keeps what
        backward() needs: each layer's input and sums."""
        signal = self._check_inputs(inputs)
        self.layer_inputs, self.sums, self.activated = [], [], []
        for layer, (weights, biases) in enumerate(zip(self.weights, self.biases)):
            self.layer_inputs.append(signal)
            z = signal @ weights + biases
            self.sums.append(z)
            self.activated.append(self._f(z))
            # The skip: the layer's input goes on unchanged, and the layer adds to it.
            signal = signal + self.activated[-1] if self.skip and layer > 0 else self.activated[-1]
        self.last_hidden = signal
        return signal @ self.output_weights + self.output_bias

    def predict(self, inputs):
        """The network's answers: probabilities between 0 and 1."""
        return 1.0 / (1.0 + np.exp(-self.forward(inputs)))

    def backward(self, output_blame):
        """Backpropagation from the blame at the output sum (d loss / d sum, one row per
        example). Returns (weight_gradients, bias_gradients, output_weight_gradient,
        output_bias_gradient) and sets self.blames."""
        gradients = {"output_weights": self.last_hidden.T @ output_blame,
                     "output_bias": output_blame.sum(axis=0)}
        blame_at_output = output_blame @ self.output_weights.T  # d loss / d (last layer's output)
        weight_gradients, bias_gradients, blames = [None] * self.depth, [None] * self.depth, [None] * self.depth
        for layer in range(self.depth - 1, -1, -1):
            # Through the activation: times its slope at this layer's sums.
            blame = blame_at_output * self._slope(self.sums[layer], self.activated[layer])
            blames[layer] = blame
            weight_gradients[layer] = self.layer_inputs[layer].T @ blame
            bias_gradients[layer] = blame.sum(axis=0)
            # Back to this layer's input: through the weights, plus, with a skip, the
            # blame that came straight past the layer.
            through_weights = blame @ self.weights[layer].T
            blame_at_output = through_weights + blame_at_output if self.skip and layer > 0 else through_weights
        self.blames = blames
        return weight_gradients, bias_gradients, gradients["output_weights"], gradients["output_bias"]

    def _check_targets(self, targets, n_examples):
        targets = np.asarray(targets, dtype=float)
        if targets.shape != (n_examples, 1):
            raise ValueError(f"targets must have shape ({n_examples}, 1), one 0 or 1 per example, got {targets.shape}")
        return targets

    def loss(self, inputs, targets):
        """The cross-entropy of the network's answers on (inputs, targets)."""
        sums = self.forward(inputs)
        return cross_entropy_from_sums(sums, self._check_targets(targets, len(sums)))

    def gradients(self, inputs, targets):
        """(loss, gradients of every array of parameters(), in that order)."""
        sums = self.forward(inputs)
        targets = self._check_targets(targets, len(sums))
        weights, biases, output_weights, output_bias = self.backward(cross_entropy_from_sums_slope(sums, targets))
        return cross_entropy_from_sums(sums, targets), weights + biases + [output_weights, output_bias]


def layer_blames(network, inputs, targets):
    """The typical size of the blame at each hidden layer of one network, first to last:
    the average absolute blame over its neurons and the examples."""
    network.gradients(inputs, targets)
    return np.array([np.mean(np.abs(blame)) for blame in network.blames])


def blame_sizes(depth, activation="tanh", skip=False, start_spread=1.0, width=16, seeds=range(10)):
    """The size of the blame at each hidden layer, first to last, on two moons, as a
    share of the last hidden layer's. Each seed's fresh (untrained) network does one
    forward and one backward pass; the sizes are averaged over the seeds. The last entry
    is 1; the first says how much of the blame is left (below 1), or how much it has
    grown (above 1), by the time it reaches the first layer."""
    seeds = list(seeds)
    if not seeds:
        raise ValueError("seeds is empty: give at least one seed, e.g. range(10)")
    inputs, targets = two_moons()
    sizes = sum(layer_blames(DeepNetwork(depth, width, activation, skip, start_spread, seed), inputs, targets)
                for seed in seeds)
    return sizes / sizes[-1]


def train(network, inputs, targets, learning_rate, steps):
    """Plain gradient descent on all the examples at once. Returns the loss before
    training and after every step."""
    learning_rate = positive_number(learning_rate, "learning_rate")
    steps = whole_number(steps, "steps")
    losses = []
    for _ in range(steps):
        loss, gradients = network.gradients(inputs, targets)
        losses.append(loss)
        for array, gradient in zip(network.parameters(), gradients):
            array -= learning_rate * gradient
    losses.append(network.loss(inputs, targets))
    return np.array(losses)


def error_rate(network, inputs, targets):
    """The share of the examples the network answers wrong (above 0.5 means yes)."""
    return float(np.mean((network.forward(inputs) > 0) != (np.asarray(targets) > 0.5)))


if __name__ == "__main__":
    print("Blame at the first of 20 ReLU layers, as a share of the last layer's:")
    for spread in (1.0, math.sqrt(2), 2.0):
        share = blame_sizes(20, "relu", start_spread=spread)[0]
        print(f"  weights started with spread {spread:.2f}: {share:.1e}")
    print("The same for 20 sigmoid layers, without and with skip connections:")
    for skip in (False, True):
        print(f"  skip={skip!s:5}: {blame_sizes(20, 'sigmoid', skip)[0]:.1e}")
    inputs, targets = two_moons()
    network = DeepNetwork(20, activation="tanh", skip=True)
    losses = train(network, inputs, targets, learning_rate=0.3, steps=300)
    print(f"20 tanh layers with skips, 300 steps on two moons: loss {losses[0]:.2f} -> {losses[-1]:.3f}")
