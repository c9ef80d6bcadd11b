"""The results of the pages outside the chapters: the home page (docs/index.md) and the
reference page (docs/reference/snippets.md).

numpy only. Each result is computed once (cached) and shared by the pages (through facts(),
which hooks/fill_in.py fills in), the figures (figures.py) and the tests, so a figure and the
sentence under it always come from the same run. The running example itself is trained in one
place, running_example.trained(); its own facts (error before and after, guesses, rate, epochs)
are in facts.py.
"""

from functools import cache

import numpy as np

import datasets
import descent
import results_derivatives
import running_example
import unlucky_starts
import walkthrough
from activations import tanh_slope
from gradient_check import gradient_check
from network import Network
from training import train

# --- the home page: the shape of the running example's error curve ---------------------------

# The curve's "flat start" lasts until the error has fallen by this share of its whole fall;
# its "fast drop" lasts from there until the error has fallen by DROP_END of it.
FLAT_END = 0.1
DROP_END = 0.9
ROUND_TO = 50  # the page says "about 650 steps": step counts are rounded to this


@cache
def flat_start_and_drop():
    """(steps of the flat start, steps of the fast drop) of the running example's error curve."""
    _, history = running_example.trained()
    losses = history.losses
    fall = losses[0] - losses[-1]
    flat_end = int(np.argmax(losses <= losses[0] - FLAT_END * fall))
    drop_end = int(np.argmax(losses <= losses[0] - DROP_END * fall))
    return flat_end, drop_end - flat_end


def about(steps):
    """A step count rounded to ROUND_TO, never to 0."""
    return max(ROUND_TO, ROUND_TO * round(steps / ROUND_TO))


# --- the home page: the four moves of the first training step, with their numbers ----------

# The knob whose gradient and update the loop figure follows: the output neuron's bias. Its
# gradient is the simplest there is: the blames at the output, added up over the examples.
SHOWN_DIGITS = 4  # the figure shows blames, gradient and bias to this many decimals


@cache
def first_step():
    """The running example's first training step, move by move, as the home page's loop
    figure shows it: the guesses (forward), the error, the blame at the output neuron for
    each example and the output bias's gradient (backward), and that bias before and after
    the update. It is the one walk-through of that step (walkthrough.one_step), which
    chapter 1 tells in full and chapter 3 draws."""
    step = walkthrough.one_step()
    gradient = float(step["bias_gradients"][-1][0])
    bias_before = float(step["biases"][-1][0])
    return {
        "targets": step["targets"][:, 0],
        "guesses": step["outputs"][-1][:, 0],
        "error": float(step["loss"]),
        "blames": step["blames"][-1][:, 0],
        "bias_gradient": gradient,
        "bias_before": bias_before,
        "bias_after": bias_before - running_example.LEARNING_RATE * gradient,  # the update
        "error_after": float(step["loss_after"]),
    }


def equals_sign(by_hand, exact, digits=SHOWN_DIGITS):
    """"=" when arithmetic with the shown (rounded) numbers gives the shown result, else "≈"."""
    return "=" if round(by_hand, digits) == round(exact, digits) else "≈"


# --- the reference page, descent.py: the walk in the valley that its figure and block show ----

# The figure "valley-descent" (figures.py) and the page's code block both take this walk.
VALLEY_START = (-2.5, 2.0)
VALLEY_RATE = 0.08
VALLEY_STEPS = 40


@cache
def valley_walk():
    """Every point of the walk downhill in descent.valley, from VALLEY_START: shape (steps + 1, 2)."""
    return descent.descend(descent.valley_slope, list(VALLEY_START), VALLEY_RATE, VALLEY_STEPS)


# --- the reference page, training.py: three learning rates on the running example -----------

# The page's code block types these two (its middle rate is running_example.LEARNING_RATE).
SMALL_RATE = 0.1
HUGE_RATE = results_derivatives.STUCK_RATE  # the rate chapter 1 shows getting stuck


@cache
def training_runs():
    """{learning rate: (trained network, History)} for the running example at SMALL_RATE, its
    own rate and HUGE_RATE, each trained for running_example.EPOCHS."""
    inputs, targets = running_example.data()
    network = running_example.make_network()
    history = train(network, inputs, targets, SMALL_RATE, running_example.EPOCHS, loss=running_example.LOSS)
    return {SMALL_RATE: (network, history), running_example.LEARNING_RATE: running_example.trained(),
            HUGE_RATE: results_derivatives.stuck_run()}


def sigmoid_slopes(network, inputs):
    """Every neuron's slope a(1 - a) on every example: one array per layer (all sigmoid)."""
    network.forward(inputs)
    return [output * (1.0 - output) for output in network.layer_outputs]


# --- the reference page, gradient_check.py: a right backward pass and a classic slip ---------

# The network the page's code block checks.
CHECKED_SIZES = [2, 4, 3, 1]
CHECKED_ACTIVATIONS = ["relu", "tanh", "sigmoid"]
CHECKED_SEED = 1
CHECKED_LOSS = "cross_entropy"


def checked_network():
    return Network(CHECKED_SIZES, CHECKED_ACTIVATIONS, seed=CHECKED_SEED)


@cache
def gradient_checks():
    """{"right": ..., "slope of the hidden tanh": ...}: the gradient check's largest relative
    error for the page's network, as written and with a classic slip in its tanh layer: the
    slope taken at the neurons' outputs a instead of at their sums z (so the backward pass
    uses 1 - tanh(a)**2 where it needs 1 - a**2)."""
    inputs, targets = running_example.data()
    right = gradient_check(checked_network(), inputs, targets, loss=CHECKED_LOSS)
    slipped = checked_network()
    slipped._activation_functions[1] = (np.tanh, lambda z, value=None: tanh_slope(np.tanh(z)))
    wrong = gradient_check(slipped, inputs, targets, loss=CHECKED_LOSS)
    return {"right": right, "slope of the hidden tanh": wrong}


def facts():
    flat, drop = flat_start_and_drop()
    return {
        "home.flat_steps": about(flat),
        "home.drop_steps": about(drop),
        "home.lowest_guess": float(first_step()["guesses"].min()),
        "home.highest_guess": float(first_step()["guesses"].max()),
        "home.bias_gradient": first_step()["bias_gradient"],
        "home.bias_before": first_step()["bias_before"],
        "home.bias_after": first_step()["bias_after"],
        "home.error_after_step": first_step()["error_after"],
        "reference.moons_points": len(datasets.two_moons()[0]),
        "reference.unlucky_starts": unlucky_starts.SEEDS,
        "reference.slipped_check": gradient_checks()["slope of the hidden tanh"],
    }


if __name__ == "__main__":
    flat, drop = flat_start_and_drop()
    print(f"the running example's error: flat for {flat} steps, then most of its fall in {drop}")
    for rate, (_, history) in training_runs().items():
        print(f"learning rate {rate:>6}: error {history.losses[0]:.4f} -> {history.losses[-1]:.4f}")
    print(f"gradient check with a slip in the tanh layer's slope: {gradient_checks()['slope of the hidden tanh']:.2f}")
    for name, value in facts().items():
        print(f"{name} = {value!r}")
