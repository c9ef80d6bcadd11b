"""The results of chapter 3, "The complete picture" (docs/complete-picture/), for two of its
pages: index.md (one step, then the loop) and faq.md.

numpy only. Each result is computed once (cached) and shared by the chapter's figures
(figures_loop.py), its pages (through facts(), which hooks/fill_in.py fills in) and its
tests, so a figure and the sentence under it always come from the same run.

Every experiment here starts from the running example (running_example.py) and uses its
learning rate and number of steps, unless it is about another setting on purpose.

The chapter's other pages have their own results modules: results_bugs.py (classic-bugs.md)
and results_unlucky.py (unlucky-starts.md). The build keeps each module's facts until that
module or a sibling it imports changes, so a change to one experiment recomputes only the
facts of the page that uses it.
"""

from functools import cache

import numpy as np

import running_example
import unlucky_starts
import walkthrough
from losses import cross_entropy_slope, mean_squared_error_slope
from network import Network
from results_unlucky import spoken_list
from training import train, train_step

# --- index.md: one step, then the loop ------------------------------------------------------

# The steps at which the loop's maps are drawn: still flat, falling fast, sorted, the end.
SNAPSHOT_EPOCHS = (0, 500, 750, 1000, running_example.EPOCHS)
# The flat start: the gradient's size while the error is flat, and while it falls fast.
FLAT_STEP, FAST_STEP = 100, 750
# Other learning rates for the running example: every whole rate in LEARNING_RANGE learns
# XOR; SLOW_RATE is still on the flat start at the end.
LEARNING_RANGE = (1.0, 10.0)
SLOW_RATE = 0.5


def learned(outputs, targets):
    """True when every answer is within unlucky_starts.WITHIN of its target."""
    return bool(np.all(np.abs(np.asarray(outputs) - targets) < unlucky_starts.WITHIN))


@cache
def one_step():
    """Every number of the running example's first training step, from the one walk-through
    of it (walkthrough.one_step), for the example walkthrough.EXAMPLE that the picture follows."""
    step = walkthrough.one_step()
    row = walkthrough.example_index(step)
    before = [array for pair in zip(step["weights"], step["biases"]) for array in pair]
    gradients = [array for pair in zip(step["weight_gradients"], step["bias_gradients"]) for array in pair]
    return {
        "row": row,
        "inputs": step["inputs"][row],
        "target": step["targets"][row, 0],
        "hidden": step["outputs"][0][row],
        "output": step["outputs"][1][row, 0],
        "blame_hidden": step["blames"][0][row],
        "blame_output": step["blames"][1][row, 0],
        "guesses": step["outputs"][1][:, 0],  # every example's guess before the step
        "blames": step["blames"][1][:, 0],  # every example's blame at the output
        "before": before,
        "gradients": gradients,
        "after": [b - running_example.LEARNING_RATE * g for b, g in zip(before, gradients)],
        "loss": step["loss"],
        "loss_after": step["loss_after"],
    }


def blame_table():
    """Markdown: each example's guess and blame at the output, and the blames added up."""
    step = one_step()
    inputs, targets = running_example.data()
    rows = ["| example | right answer | guess | blame at the output |", "| --- | ---: | ---: | ---: |"]
    for (a, b), target, guess, blame in zip(inputs, targets[:, 0], step["guesses"], step["blames"]):
        rows.append(f"| ({a:.0f}, {b:.0f}) | {target:.0f} | {guess:.2f} | {blame:+.4f} |")
    rows.append(f"| **added up** | | | **{step['blames'].sum():+.4f}** |")
    return "\n".join(rows)


@cache
def training_run():
    """The running example trained as every page shows it, with snapshots for the maps and
    for the gradient's size on the flat start and in the fall."""
    return running_example.trained()[1]


def snapshot_network(epoch):
    """The network of training_run() after `epoch` steps (a copy: change it freely)."""
    network = running_example.make_network()
    weights, biases = training_run().snapshots[epoch]
    network.weights, network.biases = [w.copy() for w in weights], [b.copy() for b in biases]
    return network


def snapshot_outputs(epoch, inputs=None):
    """What the network of training_run() answers at `epoch` (for the four examples, unless
    other inputs are given)."""
    return snapshot_network(epoch).forward(running_example.data()[0] if inputs is None else inputs)[:, 0]


def output_map(weights, biases, sizes=running_example.SIZES, points=31):
    """The network's output over the square from -0.25 to 1.25 in both inputs: (x, y, outputs)."""
    network = Network(sizes, running_example.ACTIVATIONS)
    network.weights = [w.copy() for w in weights]
    network.biases = [b.copy() for b in biases]
    grid = np.linspace(-0.25, 1.25, points)
    x, y = np.meshgrid(grid, grid)
    outputs = network.forward(np.column_stack([x.ravel(), y.ravel()])).reshape(x.shape)
    return x, y, outputs


def gradient_size(epoch):
    """How big all the gradients are together (the root of the sum of their squares) after
    `epoch` steps of training_run()."""
    _, weight_gradients, bias_gradients = snapshot_network(epoch).gradients(*running_example.data(),
                                                                           running_example.LOSS)
    return float(np.sqrt(sum(np.sum(g ** 2) for g in weight_gradients + bias_gradients)))


@cache
def other_rates():
    """{learning rate: (History, learned?)} for every whole rate in LEARNING_RANGE and SLOW_RATE."""
    low, high = LEARNING_RANGE
    inputs, targets = running_example.data()
    runs = {}
    for rate in [SLOW_RATE, *np.arange(low, high + 0.5, 1.0)]:
        if rate == running_example.LEARNING_RATE:  # trained once, for every page
            network, history = running_example.trained()
            runs[float(rate)] = (history, learned(network.forward(inputs), targets))
            continue
        network = running_example.make_network()
        history = train(network, inputs, targets, float(rate), running_example.EPOCHS, loss=running_example.LOSS)
        runs[float(rate)] = (history, learned(network.forward(inputs), targets))
    return runs


# --- faq.md ------------------------------------------------------------------------------------

SURE_AND_WRONG = 0.01  # a sigmoid output for an example whose answer is 1


def blame_ratio():
    """How many times larger cross-entropy's blame at the output sum is than squared error's,
    for a guess of SURE_AND_WRONG when the answer is 1."""
    guess, answer = np.array([[SURE_AND_WRONG]]), np.array([[1.0]])
    slope = guess * (1 - guess)
    return float((cross_entropy_slope(guess, answer) * slope / (mean_squared_error_slope(guess, answer) * slope))
                 .item())


# The same start, rate and number of steps with each error measure: how long each takes to
# learn XOR (every answer within unlucky_starts.WITHIN of its target).


@cache
def steps_to_learn(loss, learning_rate=running_example.LEARNING_RATE):
    """(the first step after which the running example's start has learned XOR, trained
    with `loss` at `learning_rate`; how far its worst answer then is inside the line), or
    (None, None) if it has not learned within running_example.EPOCHS steps."""
    network = running_example.make_network()
    inputs, targets = running_example.data()
    for step in range(running_example.EPOCHS + 1):
        gap = np.abs(network.forward(inputs) - targets).max()
        if gap < unlucky_starts.WITHIN:
            return step, float(unlucky_starts.WITHIN - gap)
        train_step(network, inputs, targets, learning_rate, loss=loss)
    return None, None


# --- what the pages quote ----------------------------------------------------------------------


def facts():
    step = one_step()
    rates = other_rates()
    return {
        # index.md
        "loop.forward_hidden_1": float(step["hidden"][0]),
        "loop.forward_hidden_2": float(step["hidden"][1]),
        "loop.forward_output": float(step["output"]),
        "loop.blame_output": float(step["blame_output"]),
        "loop.blame_hidden_1": float(step["blame_hidden"][0]),
        "loop.blame_hidden_2": float(step["blame_hidden"][1]),
        "loop.blame_table": blame_table(),
        "loop.output_bias_before": float(step["before"][3][0]),
        "loop.output_bias_gradient": float(step["gradients"][3][0]),
        "loop.output_bias_after": float(step["after"][3][0]),
        # The update done by hand with the four-decimal numbers the page shows.
        "loop.output_bias_by_hand": round(float(step["before"][3][0]), 4)
        - running_example.LEARNING_RATE * round(float(step["gradients"][3][0]), 4),
        "loop.error_after_one_step": float(step["loss_after"]),
        "loop.weights": sum(w.size for w in step["before"][0::2]),
        "loop.biases": sum(b.size for b in step["before"][1::2]),
        "loop.rates_learn_from": LEARNING_RANGE[0],
        "loop.rates_learn_to": LEARNING_RANGE[1],
        "loop.slow_rate": SLOW_RATE,
        "loop.slow_rate_error": float(rates[SLOW_RATE][0].losses[-1]),
        "loop.map_steps": spoken_list(SNAPSHOT_EPOCHS),
        "loop.map_step_flat": SNAPSHOT_EPOCHS[1],
        "loop.map_step_fall": SNAPSHOT_EPOCHS[2],
        "loop.map_step_sorted": SNAPSHOT_EPOCHS[3],
        "loop.flat_step": FLAT_STEP,
        "loop.fast_step": FAST_STEP,
        "loop.flat_gradient_ratio": gradient_size(FAST_STEP) / gradient_size(FLAT_STEP),
        # faq.md
        "faq.blame_ratio": blame_ratio(),
        "faq.steps_squared": steps_to_learn("mse")[0],
        "faq.steps_cross_entropy": steps_to_learn("cross_entropy")[0],
        "faq.steps_squared_double_rate": steps_to_learn("mse", 2 * running_example.LEARNING_RATE)[0],
    }


if __name__ == "__main__":
    for name, value in facts().items():
        shown = value if isinstance(value, str) and "\n" not in value else repr(value)
        print(f"{name} = {shown}")
