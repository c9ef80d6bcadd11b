"""A small fully connected neural network in numpy: a forward pass that turns inputs
into predictions, and a backward pass (backpropagation) that finds how the loss changes
with every weight and bias.
"""

import copy

import numpy as np

from activations import get_activation
from losses import cross_entropy_from_sums, cross_entropy_from_sums_slope, get_loss


def _as_numbers(values, name):
    """Turns values into a float array, with a clear TypeError if that is impossible."""
    try:
        return np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(
            f"{name} must be a rectangular array of numbers, got a "
            f"{type(values).__name__} that numpy cannot turn into one"
        ) from None


def _check_sizes(sizes):
    if isinstance(sizes, (str, bytes)) or not hasattr(sizes, "__len__"):
        raise TypeError(
            f"sizes must be a list of layer sizes like [2, 2, 1], got {sizes!r}"
        )
    sizes = list(sizes)
    if len(sizes) < 2:
        raise ValueError(
            "sizes must list at least two layer sizes (inputs and outputs), like [2, "
            f"1], got {sizes}"
        )
    for position, size in enumerate(sizes):
        if isinstance(size, bool) or not isinstance(size, (int, np.integer)):
            raise TypeError(
                f"every layer size must be a whole number, got {size!r} "
                f"({type(size).__name__}) at position {position} of sizes"
            )
        if size < 1:
            raise ValueError(
                f"every layer size must be at least 1, got {size} at position "
                f"{position} of sizes"
            )
    return [int(size) for size in sizes]


def _check_activation_names(activations, n_layers):
    # One name for the whole network is shorthand for that name on every layer.
    if isinstance(activations, str):
        return [activations] * n_layers
    if not hasattr(activations, "__len__"):
        raise TypeError(
            "activations must be one name such as 'sigmoid' or a list with one name "
            f"per layer, got {activations!r}"
        )
    names = list(activations)
    if len(names) != n_layers:
        raise ValueError(
            f"activations has {len(names)} names, but the network has {n_layers} "
            "layers of weights (one name per layer, i.e. len(sizes) - 1)"
        )
    return names


class Network:
    """A stack of fully connected layers.

    Layer i takes an array of shape (n_examples, sizes[i]) and gives one of shape
    (n_examples, sizes[i + 1]): each neuron adds up its weighted inputs plus its bias
    (the "sum", z) and passes the sum through its activation function.

    After forward(), these hold one array per layer, with one row per example:
      layer_inputs[i]   what layer i received (layer_inputs[0] is the inputs)
      sums[i]           z = layer_inputs[i] @ weights[i] + biases[i], each neuron's sum
      layer_outputs[i]  activation(z), what each neuron sends on (the last is the
      output)
    After backward():
      blames[i]         d loss / d sums[i], the "blame" carried by each neuron's sum
    """

    def __init__(self, sizes, activations, seed=0):
        self.sizes = _check_sizes(sizes)
        self.activation_names = _check_activation_names(
            activations, len(self.sizes) - 1
        )
        # Looked up once here, so forward and backward never search by name.
        self._activation_functions = [
            get_activation(name) for name in self.activation_names
        ]
        self.seed = seed

        # Weights start random, so that neurons start different and can learn different
        # things. Their spread is 1 / sqrt(n_in): a neuron's sum then varies about as
        # much as one input does, however many inputs it has, so sigmoid and tanh
        # neurons start in their responsive middle rather than on their flat ends.
        # A bias is a weight whose input is always 1, so it starts the same way (which
        # also keeps an all-zero input row from landing every sum exactly on relu's
        # corner).
        rng = np.random.default_rng(seed)
        self.weights, self.biases = [], []
        for n_in, n_out in zip(self.sizes[:-1], self.sizes[1:]):
            spread = 1.0 / np.sqrt(n_in)
            self.weights.append(rng.normal(0.0, spread, size=(n_in, n_out)))
            self.biases.append(rng.normal(0.0, spread, size=n_out))

        self.layer_inputs, self.sums, self.layer_outputs, self.blames = [], [], [], []

    def __repr__(self):
        return (
            f"Network(sizes={self.sizes}, activations={self.activation_names}, "
            f"seed={self.seed})"
        )

    # --- checking data -------------------------------------------------------------

    def check_inputs(self, inputs):
        """Returns inputs as a float array, or raises an error that says what is
        wrong."""
        inputs = _as_numbers(inputs, "inputs")
        if inputs.ndim != 2:
            hint = ""
            if inputs.ndim == 1:
                hint = " (for a single example, use one row: [[x1, x2, ...]])"
            raise ValueError(
                "inputs must be a 2-D array with one row per example and "
                f"{self.sizes[0]} columns, got shape {inputs.shape}{hint}"
            )
        if inputs.shape[0] == 0:
            raise ValueError("the batch is empty: inputs has 0 rows")
        if inputs.shape[1] != self.sizes[0]:
            raise ValueError(
                f"inputs has {inputs.shape[1]} columns, but the network expects "
                f"{self.sizes[0]} (one per input)"
            )
        if not np.all(np.isfinite(inputs)):
            raise ValueError("inputs contain NaN or infinite values")
        return inputs

    def check_data(self, inputs, targets):
        """Checks inputs and their targets together; returns both as float arrays."""
        inputs = self.check_inputs(inputs)
        targets = _as_numbers(targets, "targets")
        n_examples = inputs.shape[0]
        expected_shape = (n_examples, self.sizes[-1])
        if targets.ndim >= 1 and targets.shape[0] != n_examples:
            raise ValueError(
                f"inputs and targets have different numbers of examples: {n_examples} "
                f"and {targets.shape[0]}"
            )
        if targets.shape != expected_shape:
            raise ValueError(
                f"targets must have shape {expected_shape} (one row per example, one "
                f"column per output), got {targets.shape}"
            )
        if not np.all(np.isfinite(targets)):
            raise ValueError("targets contain NaN or infinite values")
        return inputs, targets

    # --- forward pass --------------------------------------------------------------

    def forward(self, inputs):
        """Outputs for a batch: inputs (n_examples, sizes[0]) -> (n_examples,
        sizes[-1]).

        Also keeps every layer's sums and outputs, which backward() needs.
        """
        return self._forward(self.check_inputs(inputs))

    def predict(self, inputs):
        """The network's answers for inputs; the same as forward(), named for
        reading."""
        return self.forward(inputs)

    def _forward(self, inputs):
        # The unchecked forward pass, for training loops that checked the data once.
        self.layer_inputs, self.sums, self.layer_outputs = [], [], []
        signal = inputs
        for weights, biases, (activation, _) in zip(
            self.weights, self.biases, self._activation_functions
        ):
            self.layer_inputs.append(signal)
            z = signal @ weights + biases
            signal = activation(z)
            self.sums.append(z)
            self.layer_outputs.append(signal)
        return signal

    # --- backward pass -------------------------------------------------------------

    def backward(self, output_gradient):
        """Gradients of the loss for every weight and bias, via backpropagation.

        output_gradient is d(loss)/d(outputs) for the last forward() call, with the same
        shape as those outputs. Returns (weight_gradients, bias_gradients), lists shaped
        like self.weights and self.biases; also sets self.blames.

        It works from what the last forward() kept: call forward() on the very inputs
        the output_gradient belongs to, just before. (gradients() does both in one
        call.)
        """
        if not self.layer_outputs:
            raise RuntimeError(
                "backward needs the sums and outputs kept by forward(): call "
                "forward(inputs) first"
            )
        output_gradient = _as_numbers(output_gradient, "output_gradient")
        expected_shape = self.layer_outputs[-1].shape
        if output_gradient.shape != expected_shape:
            raise ValueError(
                f"output_gradient must have shape {expected_shape} like the outputs of "
                f"the last forward pass, got {output_gradient.shape}"
            )
        return self._backward(output_gradient)

    def _backward(self, output_gradient):
        # The unchecked backward pass, for training loops. Chain rule at the last layer:
        # (how the loss moves with each output) times (how each output moves with its
        # sum).
        _, slope = self._activation_functions[-1]
        return self._backward_from_blame(
            output_gradient * slope(self.sums[-1], self.layer_outputs[-1])
        )

    def _measure(self, targets, loss):
        """After _forward(): (the loss, the blame at each output neuron's sum)."""
        if loss == "cross_entropy" and self.activation_names[-1] == "sigmoid":
            # A sigmoid output with cross-entropy is measured from the output sums
            # ("with logits", as frameworks do): through the guess, a confidently wrong
            # answer would lose its blame to rounding (see
            # losses.cross_entropy_from_sums_slope).
            sums = self.sums[-1]
            return cross_entropy_from_sums(
                sums, targets
            ), cross_entropy_from_sums_slope(sums, targets)
        loss_function, loss_slope = get_loss(loss)
        outputs = self.layer_outputs[-1]
        _, slope = self._activation_functions[-1]
        return loss_function(outputs, targets), loss_slope(outputs, targets) * slope(
            self.sums[-1], outputs
        )

    def _backward_from_blame(self, blame):
        """Backpropagation from the blame at the output sums down to every weight and
        bias."""
        n_layers = len(self.weights)
        weight_gradients = [None] * n_layers
        bias_gradients = [None] * n_layers
        blames = [None] * n_layers
        for layer in range(n_layers - 1, -1, -1):
            blames[layer] = blame
            # A weight's gradient is (its input) times (the blame at its neuron), added
            # up over the batch; the matrix product does that for every weight at once.
            weight_gradients[layer] = self.layer_inputs[layer].T @ blame
            # A bias is a weight on a constant input of 1.
            bias_gradients[layer] = blame.sum(axis=0)
            if layer > 0:
                # Each neuron of the layer below gets blame through every weight it
                # feeds, then through the slope of its own activation.
                _, slope = self._activation_functions[layer - 1]
                blame = (blame @ self.weights[layer].T) * slope(
                    self.sums[layer - 1], self.layer_outputs[layer - 1]
                )
        self.blames = blames
        return weight_gradients, bias_gradients

    # --- loss and gradients in one call ----------------------------------------------

    def loss(self, inputs, targets, loss="mse"):
        """How wrong the network is on (inputs, targets), as one number."""
        get_loss(loss)  # an unknown name fails here, with the names it could be
        inputs, targets = self.check_data(inputs, targets)
        self._forward(inputs)
        return self._measure(targets, loss)[0]

    def gradients(self, inputs, targets, loss="mse"):
        """Forward, loss and backward in one go: (loss_value, weight_gradients,
        bias_gradients)."""
        get_loss(loss)
        inputs, targets = self.check_data(inputs, targets)
        self._forward(inputs)
        loss_value, blame = self._measure(targets, loss)
        weight_gradients, bias_gradients = self._backward_from_blame(blame)
        return loss_value, weight_gradients, bias_gradients

    # --- parameters ------------------------------------------------------------------

    def parameters(self):
        """Every weight and bias array, layer by layer: [W0, b0, W1, b1, ...].

        These are the network's own arrays, not copies: changing one in place changes
        the network.
        """
        return [array for pair in zip(self.weights, self.biases) for array in pair]

    def copy(self):
        """An independent copy: training the copy leaves this network unchanged."""
        return copy.deepcopy(self)


if __name__ == "__main__":
    network = Network([2, 3, 1], ["tanh", "sigmoid"], seed=0)
    inputs = np.array([[0.0, 1.0], [1.0, 1.0]])
    targets = np.array([[1.0], [0.0]])
    print(network)
    print("outputs:", network.forward(inputs).ravel())
    print("sums of the hidden neurons:\n", network.sums[0])
    loss, weight_gradients, bias_gradients = network.gradients(inputs, targets)
    print(f"mse: {loss:.4f}")
    print("gradient of the last layer's weights:", weight_gradients[-1].ravel())
    print("blame at the output neuron, per example:", network.blames[-1].ravel())
