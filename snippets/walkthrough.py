"""One training step of the running example, with every number laid out as a table.

The running example (2 inputs, 2 hidden sigmoid neurons, 1 sigmoid output, learning XOR)
takes one step: a forward pass, the error, the blame at each neuron, the gradient of
every weight and bias, and the update. Each function here returns one of those stages as
a Markdown table, so a page can show exactly what the code computed.

Names used in the tables: the inputs are x1 and x2, the hidden neurons h1 and h2, the
output neuron out. "x1 → h1" is the weight on the line from x1 into h1.
"""

import numpy as np

import running_example
from gradient_check import numerical_gradients, relative_error

HIDDEN = ("h1", "h2")
INPUTS = ("x1", "x2")
# The example the chain-rule page follows all the way before it adds up all four.
EXAMPLE = (1, 0)
# The gradient check's table says only whether each relative difference is below this:
# the differences themselves are around 1e-10, where the last bits of a CPU's arithmetic
# show.
SHOWN_BELOW = 1e-9


def _row(cells):
    return "| " + " | ".join(cells) + " |"


def _table(header, alignment, rows):
    return "\n".join([_row(header), _row(alignment)] + [_row(row) for row in rows])


def _example_name(row):
    return f"({row[0]:.0f}, {row[1]:.0f})"


def one_step():
    """Runs one step of the running example and returns everything it computed, by
    name."""
    network = running_example.make_network()
    inputs, targets = running_example.data()
    loss, weight_gradients, bias_gradients = network.gradients(
        inputs, targets, running_example.LOSS
    )
    step = {
        "network": network,
        "inputs": inputs,
        "targets": targets,
        "loss": loss,
        "sums": [s.copy() for s in network.sums],
        "outputs": [o.copy() for o in network.layer_outputs],
        "blames": [b.copy() for b in network.blames],
        "weights": [w.copy() for w in network.weights],
        "biases": [b.copy() for b in network.biases],
        "weight_gradients": weight_gradients,
        "bias_gradients": bias_gradients,
    }
    after = network.copy()
    for weights, gradient in zip(after.weights, weight_gradients):
        weights -= running_example.LEARNING_RATE * gradient
    for biases, gradient in zip(after.biases, bias_gradients):
        biases -= running_example.LEARNING_RATE * gradient
    step["loss_after"] = after.loss(inputs, targets, running_example.LOSS)
    return step


def example_index(step, example=EXAMPLE):
    """Which row of the batch holds `example` (its two inputs)."""
    (index,) = [
        k for k, row in enumerate(step["inputs"]) if tuple(row) == tuple(example)
    ]
    return index


def _signed(value, digits):
    """A number as it goes into a product: negative numbers in brackets."""
    return f"({value:.{digits}f})" if value < 0 else f"{value:.{digits}f}"


def one_example_table(step, example=EXAMPLE):
    """One example followed all the way: forward, its error, the blame passed back, and
    its part of three gradients. Each row says how it is worked out, from the rounded
    numbers of the rows above it, and what the code computed."""
    k = example_index(step, example)
    x = step["inputs"][k]
    (w_in, w_out), (b_in, b_out) = step["weights"], step["biases"]
    sums, outputs, blames = step["sums"], step["outputs"], step["blames"]
    h = outputs[0][k]
    guess, target = outputs[1][k, 0], step["targets"][k, 0]
    blame_out, blame_hidden = blames[1][k, 0], blames[0][k]
    n_examples = len(step["inputs"])
    rows = []
    for j, name in enumerate(HIDDEN):
        rows.append(
            [
                f"{name} sum",
                f"{w_in[0, j]:.4f} × {x[0]:.0f} + {_signed(w_in[1, j], 4)} × "
                f"{x[1]:.0f} + {_signed(b_in[j], 4)}",
                f"{sums[0][k, j]:.4f}",
            ]
        )
        rows.append(
            [f"{name} output", f"sigmoid of {sums[0][k, j]:.4f}", f"{h[j]:.4f}"]
        )
    rows.append(
        [
            "out sum",
            f"{w_out[0, 0]:.4f} × {h[0]:.4f} + {_signed(w_out[1, 0], 4)} × {h[1]:.4f} "
            f"+ {_signed(b_out[0], 4)}",
            f"{sums[1][k, 0]:.4f}",
        ]
    )
    rows.append(["guess", f"sigmoid of {sums[1][k, 0]:.4f}", f"{guess:.4f}"])
    rows.append(
        [
            "(guess − target)²",
            f"({guess:.4f} − {target:.0f})²",
            f"{(guess - target) ** 2:.4f}",
        ]
    )
    rows.append(
        [
            "blame at out",
            f"2 × ({guess:.4f} − {target:.0f}) / {n_examples} × {guess:.4f} × (1 − "
            f"{guess:.4f})",
            f"{blame_out:.5f}",
        ]
    )
    for j, name in enumerate(HIDDEN):
        rows.append(
            [
                f"blame at {name}",
                f"{_signed(blame_out, 5)} × {w_out[j, 0]:.4f} × {h[j]:.4f} × (1 − "
                f"{h[j]:.4f})",
                f"{blame_hidden[j]:.5f}",
            ]
        )
    rows.append(
        [
            "its part of the gradient of h1 → out",
            f"{h[0]:.4f} × {_signed(blame_out, 5)}",
            f"{h[0] * blame_out:.5f}",
        ]
    )
    rows.append(
        [
            "its part of the gradient of bias of out",
            "the blame at out, times 1",
            f"{blame_out:.5f}",
        ]
    )
    header = ["what", "worked out from the rows above", "the code's value"]
    return _table(header, [":---", ":---", "---:"], rows)


def paths_to_input(step, example=EXAMPLE, input_index=0):
    """The slope of the error with one input of one example, path by path.

    The input feeds every hidden neuron, so it reaches the error along one path per
    hidden neuron: the weight times the blame at that neuron. The chain rule adds the
    paths up. Returns (one product per hidden neuron, their sum).
    """
    k = example_index(step, example)
    paths = step["weights"][0][input_index] * step["blames"][0][k]
    return [float(p) for p in paths], float(paths.sum())


def parameter_names():
    """The nine weights and biases, in the order the tables list them."""
    hidden_weights = [f"{i} → {h}" for h in HIDDEN for i in INPUTS]
    return hidden_weights + [
        "bias of h1",
        "bias of h2",
        "h1 → out",
        "h2 → out",
        "bias of out",
    ]


def _flat(step, weight_key, bias_key):
    """The nine parameters (or their gradients) in the order of parameter_names()."""
    weights, biases = step[weight_key], step[bias_key]
    hidden = [weights[0][i, h] for h in range(2) for i in range(2)]
    return np.array(hidden + list(biases[0]) + list(weights[1][:, 0]) + list(biases[1]))


def starting_weights_table(step):
    """Each neuron's weights and bias before the step: the numbers the forward pass
    uses."""
    weights, biases = step["weights"], step["biases"]
    rows = []
    for h, name in enumerate(HIDDEN):
        rows.append(
            [
                name,
                f"{INPUTS[0]}: {weights[0][0, h]:.4f}",
                f"{INPUTS[1]}: {weights[0][1, h]:.4f}",
                f"{biases[0][h]:.4f}",
            ]
        )
    rows.append(
        [
            "out",
            f"h1: {weights[1][0, 0]:.4f}",
            f"h2: {weights[1][1, 0]:.4f}",
            f"{biases[1][0]:.4f}",
        ]
    )
    header = [
        "neuron",
        "weight on its first input",
        "weight on its second input",
        "bias",
    ]
    return _table(header, [":---"] + ["---:"] * 3, rows)


def hidden_forward_table(step):
    """What each hidden neuron computes for each example: its sum and its output."""
    rows = []
    for k, row in enumerate(step["inputs"]):
        sums, outputs = step["sums"][0][k], step["outputs"][0][k]
        rows.append(
            [
                _example_name(row),
                f"{sums[0]:.4f}",
                f"{outputs[0]:.4f}",
                f"{sums[1]:.4f}",
                f"{outputs[1]:.4f}",
            ]
        )
    header = ["input", "h1 sum", "h1 output", "h2 sum", "h2 output"]
    return _table(header, [":---:"] + ["---:"] * 4, rows)


def output_forward_table(step):
    """What the output neuron computes for each example, and how far off its guess
    is."""
    rows = []
    for k, row in enumerate(step["inputs"]):
        guess, target = step["outputs"][1][k, 0], step["targets"][k, 0]
        rows.append(
            [
                _example_name(row),
                f"{step['sums'][1][k, 0]:.4f}",
                f"{guess:.4f}",
                f"{target:.0f}",
                f"{(guess - target) ** 2:.4f}",
            ]
        )
    header = ["input", "out sum", "guess", "target", "(guess − target)²"]
    return _table(header, [":---:"] + ["---:"] * 4, rows)


def output_blame_table(step):
    """The blame at the output neuron: (how the error moves with the guess) × (sigmoid
    slope)."""
    n_examples = len(step["inputs"])
    rows = []
    for k, row in enumerate(step["inputs"]):
        guess, target = step["outputs"][1][k, 0], step["targets"][k, 0]
        error_per_guess = 2.0 * (guess - target) / n_examples
        sigmoid_slope = guess * (1.0 - guess)
        rows.append(
            [
                _example_name(row),
                f"{guess - target:.4f}",
                f"{error_per_guess:.4f}",
                f"{sigmoid_slope:.4f}",
                f"{step['blames'][1][k, 0]:.5f}",
            ]
        )
    header = [
        "input",
        "guess − target",
        "error moves per unit of guess",
        "guess moves per unit of sum",
        "blame at out",
    ]
    return _table(header, [":---:"] + ["---:"] * 4, rows)


def hidden_blame_table(step):
    """The blame passed back to h1 and h2: blame at out × the weight × the neuron's own
    slope."""
    rows = []
    for k, row in enumerate(step["inputs"]):
        cells = [_example_name(row), f"{step['blames'][1][k, 0]:.5f}"]
        for h in range(2):
            output = step["outputs"][0][k, h]
            cells += [
                f"{output * (1.0 - output):.4f}",
                f"{step['blames'][0][k, h]:.5f}",
            ]
        rows.append(cells)
    w1, w2 = step["weights"][1][:, 0]
    header = [
        "input",
        "blame at out",
        "h1 slope",
        f"blame at h1 (× {w1:.4f})",
        "h2 slope",
        f"blame at h2 (× {w2:.4f})",
    ]
    return _table(header, [":---:"] + ["---:"] * 5, rows)


def weight_gradient_sum(step, hidden=0):
    """The gradient of the weight from a hidden neuron to out, written out as a sum.

    Each term is (what the hidden neuron sent on) × (the blame at out), one per example.
    """
    outputs = step["outputs"][0][:, hidden]
    blames = step["blames"][1][:, 0]
    terms = [
        f"{a:.4f} × {b:.5f}" if b >= 0 else f"{a:.4f} × ({b:.5f})"
        for a, b in zip(outputs, blames)
    ]
    return " + ".join(terms) + f" = {float(outputs @ blames):.5f}"


def update_table(step, learning_rate=running_example.LEARNING_RATE):
    """Every weight and bias: its value, its gradient, the step it takes and its new
    value."""
    values = _flat(step, "weights", "biases")
    gradients = _flat(step, "weight_gradients", "bias_gradients")
    rows = []
    for name, value, gradient in zip(parameter_names(), values, gradients):
        change = -learning_rate * gradient
        rows.append(
            [
                name,
                f"{value:.4f}",
                f"{gradient:.5f}",
                f"{change:+.5f}",
                f"{value + change:.4f}",
            ]
        )
    header = [
        "weight or bias",
        "value now",
        "gradient",
        f"step (−{learning_rate:g} × gradient)",
        "value after",
    ]
    return _table(header, [":---"] + ["---:"] * 4, rows)


def check_table(step):
    """Backpropagation's gradients next to the slow nudge-and-measure estimates, knob by
    knob."""
    numerical = _flat(_nudged(step), "w", "b")
    analytic = _flat(step, "weight_gradients", "bias_gradients")
    rows = [
        [name, f"{a:.8f}", f"{n:.8f}"]
        for name, a, n in zip(parameter_names(), analytic, numerical)
    ]
    return _table(
        ["weight or bias", "backpropagation", "nudging"], [":---", "---:", "---:"], rows
    )


def check_summary_table(step):
    """The gradient check's verdict for each array of weights or biases: its size, and
    the relative error of backpropagation against the nudges for the array as a
    whole."""
    nudged = _nudged(step)
    threshold = f"1e{round(np.log10(SHOWN_BELOW))}"  # 1e-9, as people write it
    arrays = (
        ("weights into h1 and h2", step["weight_gradients"][0], nudged["w"][0]),
        ("biases of h1 and h2", step["bias_gradients"][0], nudged["b"][0]),
        ("weights into out", step["weight_gradients"][1], nudged["w"][1]),
        ("bias of out", step["bias_gradients"][1], nudged["b"][1]),
    )
    rows = []
    for name, analytic, numerical in arrays:
        error = relative_error(analytic, numerical)
        rows.append(
            [
                name,
                f"{np.linalg.norm(analytic):.4f}",
                f"below {threshold}" if error < SHOWN_BELOW else f"{threshold} or more",
            ]
        )
    return _table(
        ["gradients of", "their size", "relative error"], [":---", "---:", "---:"], rows
    )


def _nudged(step):
    network = running_example.make_network()
    weights, biases = numerical_gradients(
        network, step["inputs"], step["targets"], running_example.LOSS
    )
    return {"w": weights, "b": biases}


if __name__ == "__main__":
    step = one_step()
    print(starting_weights_table(step), end="\n\n")
    print(hidden_forward_table(step), end="\n\n")
    print(output_forward_table(step))
    print(f"\nerror (mean squared error): {step['loss']:.4f}\n")
    print(f"the example {EXAMPLE}, all the way:")
    print(one_example_table(step), end="\n\n")
    print(output_blame_table(step), end="\n\n")
    print(hidden_blame_table(step), end="\n\n")
    print("gradient of h1 → out:", weight_gradient_sum(step), end="\n\n")
    print(update_table(step), end="\n\n")
    print(f"error after the step: {step['loss_after']:.4f}\n")
    print(check_table(step), end="\n\n")
    print(check_summary_table(step))
