"""The results of chapter 3, "The complete picture" (docs/complete-picture/).

numpy only. Each result is computed once (cached) and shared by the chapter's figures
(figures_loop.py), its pages (through facts(), which hooks/fill_in.py fills in) and its
tests, so a figure and the sentence under it always come from the same run.

Every experiment here starts from the running example (running_example.py) and uses its
learning rate and number of steps, unless it is about another setting on purpose.
"""

import ast
import difflib
import inspect
import io
import textwrap
import tokenize
from functools import cache

import numpy as np

import classic_bugs
import running_example
import unlucky_starts
from losses import cross_entropy_slope, mean_squared_error_slope
from network import Network
from training import train

# --- index.md: one step, then the loop ------------------------------------------------------

EXAMPLE = 2  # the row of the XOR data the step diagram follows: inputs (1, 0), answer 1
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
    """Every number of the running example's first training step."""
    network = running_example.make_network()
    inputs, targets = running_example.data()
    before = [array.copy() for array in network.parameters()]
    loss, weight_gradients, bias_gradients = network.gradients(inputs, targets, running_example.LOSS)
    gradients = [g for pair in zip(weight_gradients, bias_gradients) for g in pair]
    after = [b - running_example.LEARNING_RATE * g for b, g in zip(before, gradients)]
    guesses, blames = network.layer_outputs[-1][:, 0].copy(), network.blames[-1][:, 0].copy()
    for values, new_values in zip(network.parameters(), after):
        values[...] = new_values
    return {
        "inputs": inputs[EXAMPLE],
        "target": targets[EXAMPLE, 0],
        "hidden": network.layer_outputs[0][EXAMPLE],
        "output": network.layer_outputs[1][EXAMPLE, 0],
        "blame_hidden": network.blames[0][EXAMPLE],
        "blame_output": network.blames[1][EXAMPLE, 0],
        "guesses": guesses,  # every example's guess before the step
        "blames": blames,  # every example's blame at the output
        "before": before,
        "gradients": gradients,
        "after": after,
        "loss": loss,
        "loss_after": network.loss(inputs, targets, running_example.LOSS),
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


# --- classic-bugs.md ---------------------------------------------------------------------------

NUDGES = (1e-9, 1e-4, 0.1)  # a nudge too small, the gradient check's own, and one too large
FLIP_SEEDS = 100  # the starts on which the missing slope is checked for a flipped gradient


@cache
def bug_curves():
    """{name: losses} of the correct loop and the broken ones, as the loss-curve figure shows them."""
    return {
        "correct loop": running_example.trained()[1].losses,  # what classic_bugs.train_right() gives
        "biases never updated": classic_bugs.train_biases_frozen()[0],
        "gradient added, not subtracted": classic_bugs.train_adding_gradient()[0],
        f"learning rate {classic_bugs.TOO_LARGE:g}": classic_bugs.train_right(
            learning_rate=classic_bugs.TOO_LARGE)[0],
        f"gradients not reset (seed {running_example.SEED})": classic_bugs.train_without_reset()[0],
        f"gradients not reset (seed {classic_bugs.NO_RESET_STUCK_SEED})": classic_bugs.train_without_reset(
            seed=classic_bugs.NO_RESET_STUCK_SEED)[0],
    }


def rises(losses):
    """How many steps made the error go up."""
    return int(np.sum(np.diff(losses) > 0))


@cache
def nudge_checks():
    """{nudge: the gradient check's relative error for the correct backward pass}."""
    return {step: classic_bugs.check_backward(classic_bugs.backward_right, step=step) for step in NUDGES}


@cache
def missing_slope_ratios():
    """Each of the nine gradients with the slope missing, divided by the right one, at the start."""
    network, inputs, targets = classic_bugs.running_example()
    right = classic_bugs.backward_right(network, inputs, targets)
    wrong = classic_bugs.backward_missing_slope(network, inputs, targets)
    return np.concatenate([np.ravel(w / r) for r, w in zip(right, wrong)])


@cache
def flipped_starts():
    """The seeds (of FLIP_SEEDS) from which the missing slope turns at least one gradient
    the wrong way."""
    flipped = []
    for seed in range(FLIP_SEEDS):
        network, inputs, targets = classic_bugs.running_example(seed)
        right = classic_bugs.backward_right(network, inputs, targets)
        wrong = classic_bugs.backward_missing_slope(network, inputs, targets)
        if any(np.any(np.sign(r) != np.sign(w)) for r, w in zip(right, wrong)):
            flipped.append(seed)
    return flipped


def code_lines(function):
    """The body of a function as lines of code: without its docstring and its comments."""
    source = textwrap.dedent(inspect.getsource(function))
    body = ast.parse(source).body[0].body
    has_docstring = isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
    first = body[1 if has_docstring else 0].lineno
    lines = source.splitlines()
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            row, column = token.start
            lines[row - 1] = lines[row - 1][:column].rstrip()
    kept = [line for number, line in enumerate(lines, 1) if number >= first and line.strip()]
    return textwrap.dedent("\n".join(kept)).splitlines()


def bug_diff(buggy, right, context=2):
    """A ```diff block: the lines of `buggy` that differ from `right` in red, the fix in green."""
    rows = []
    for line in difflib.unified_diff(code_lines(buggy), code_lines(right), n=context, lineterm=""):
        if line.startswith(("---", "+++")):
            continue
        if line.startswith("@@"):
            if rows:
                rows.append(" ...")  # the lines in between are the same
            continue
        rows.append(line)
    return "```diff\n" + "\n".join(rows) + "\n```"


BUG_DIFFS = {  # fact name: (the buggy function, its fix)
    "missing_slope": (classic_bugs.backward_missing_slope, classic_bugs.backward_right),
    "slope_of_sum": (classic_bugs.backward_slope_of_sum, classic_bugs.backward_right),
    "biases_frozen": (classic_bugs.train_biases_frozen, classic_bugs.train_right),
    "adding_gradient": (classic_bugs.train_adding_gradient, classic_bugs.train_right),
    "without_reset": (classic_bugs.train_without_reset, classic_bugs.train_with_reset),
}


# --- unlucky-starts.md -------------------------------------------------------------------------

HIDDEN_SIZES = (2, 4)
SCALES = (0.1, 0.3, 1.0, 3.0)  # the starting weights, as multiples of the network's own spread
LONG_EPOCHS = 20_000  # a second chance for the stuck starts
SLOW_EPOCHS = 5_000  # enough for the slow start
FENCE = (0.45, 0.55)  # answers in this range are "on the fence" (grey on the maps)
HALFWAY = 0.02  # an answer this close to 0.5 sits halfway


@cache
def scale_runs():
    """{(hidden neurons, scale): unlucky_starts.train_many result} over unlucky_starts.SEEDS seeds."""
    return {(hidden, scale): unlucky_starts.train_many(hidden, range(unlucky_starts.SEEDS), scale=scale)
            for hidden in HIDDEN_SIZES for scale in SCALES}


def hundred_starts():
    """The running example trained from each of unlucky_starts.SEEDS seeds."""
    return scale_runs()[running_example.SIZES[1], 1.0]


def shares():
    """{(hidden neurons, scale): (number that learned, number of seeds)}."""
    return {key: (int(run["learned"].sum()), len(run["learned"])) for key, run in scale_runs().items()}


@cache
def start_groups():
    """The seeds of hundred_starts() that learned, that got stuck halfway (exactly two answers
    at 0.5) and the other ones that did not learn."""
    result = hundred_starts()
    stuck = np.flatnonzero(~result["learned"])
    at_half = np.sum(np.abs(result["outputs"] - 0.5) < HALFWAY, axis=1)
    halfway = [int(seed) for seed in stuck if at_half[seed] == 2]
    return {"learned": [int(seed) for seed in np.flatnonzero(result["learned"])], "halfway": halfway,
            "other": [int(seed) for seed in stuck if seed not in halfway]}


@cache
def halfway_given_longer():
    """The halfway-stuck starts trained for LONG_EPOCHS: the train_many result."""
    return unlucky_starts.train_many(2, start_groups()["halfway"], epochs=LONG_EPOCHS)


@cache
def other_given_longer():
    """The other starts that did not learn, trained for SLOW_EPOCHS: the train_many result."""
    return unlucky_starts.train_many(2, start_groups()["other"], epochs=SLOW_EPOCHS)


def stuck_slopes():
    """The hidden neurons' outputs and sigmoid slopes of the first stuck start, for the
    examples (1, 0) and (1, 1), where it answers 0.5."""
    hidden = hundred_starts()["hidden"][unlucky_starts.STUCK_EXAMPLE][2:]
    return hidden, hidden * (1 - hidden)


def twins(scale):
    """How many of the starts at `scale` end with two hidden neurons that give almost the
    same answer (within 0.1) for every example."""
    hidden = scale_runs()[2, scale]["hidden"]
    return int(np.sum(np.abs(hidden[:, :, 0] - hidden[:, :, 1]).max(axis=1) < 0.1))


# --- faq.md ------------------------------------------------------------------------------------

SURE_AND_WRONG = 0.01  # a sigmoid output for an example whose answer is 1


def blame_ratio():
    """How many times larger cross-entropy's blame at the output sum is than squared error's,
    for a guess of SURE_AND_WRONG when the answer is 1."""
    guess, answer = np.array([[SURE_AND_WRONG]]), np.array([[1.0]])
    slope = guess * (1 - guess)
    return float((cross_entropy_slope(guess, answer) * slope / (mean_squared_error_slope(guess, answer) * slope))
                 .item())


# --- what the pages quote ----------------------------------------------------------------------


def freed_phrase(freed):
    """How many of the halfway-stuck starts get free given LONG_EPOCHS, in words."""
    if not freed:
        return "none of them gets free"
    if len(freed) == 1:
        return f"only one of them (seed {freed[0]}) gets free"
    return f"{len(freed)} of them (seeds {spoken_list(freed)}) get free"


def spoken_list(numbers):
    """1, 2 and 3"""
    shown = [f"{n:,}" for n in numbers]
    return ", ".join(shown[:-1]) + " and " + shown[-1]


def facts():
    step = one_step()
    rates = other_rates()
    curves = bug_curves()
    checks = nudge_checks()
    ratios = missing_slope_ratios()
    too_large = curves[f"learning rate {classic_bugs.TOO_LARGE:g}"]
    no_reset = curves[f"gradients not reset (seed {running_example.SEED})"]
    no_reset_stuck = curves[f"gradients not reset (seed {classic_bugs.NO_RESET_STUCK_SEED})"]
    result, groups = hundred_starts(), start_groups()
    learned_losses = result["loss"][groups["learned"]]
    hidden, slopes = stuck_slopes()
    counts = shares()
    seeds = unlucky_starts.SEEDS
    freed = [seed for seed, ok in zip(groups["halfway"], halfway_given_longer()["learned"]) if ok]
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
        # classic-bugs.md
        "classic.right_below": classic_bugs.RIGHT_BELOW,
        "classic.bug_from": classic_bugs.BUG_FROM,
        "classic.big_nudge_error": checks[max(NUDGES)],
        "classic.missing_slope_ratio_min": float(ratios.min()),
        "classic.missing_slope_ratio_max": float(ratios.max()),
        "classic.flip_seeds": FLIP_SEEDS,
        "classic.flipped": len(flipped_starts()),
        "classic.frozen_end": float(curves["biases never updated"][-1]),
        "classic.added_rises": rises(curves["gradient added, not subtracted"]),
        "classic.too_large_rate": classic_bugs.TOO_LARGE,
        "classic.too_large_first": float(too_large[1]),
        "classic.too_large_rises": rises(too_large),
        "classic.too_large_end": float(too_large[-1]),
        "classic.no_reset_rises": rises(no_reset),
        "classic.no_reset_stuck_seed": classic_bugs.NO_RESET_STUCK_SEED,
        "classic.no_reset_stuck_end": float(no_reset_stuck[-1]),
        "classic.no_reset_stuck_rises": rises(no_reset_stuck),
        **{f"classic.diff_{name}": bug_diff(buggy, right) for name, (buggy, right) in BUG_DIFFS.items()},
        # unlucky-starts.md
        "unlucky.seeds": seeds,
        "unlucky.last_seed": seeds - 1,
        "unlucky.learned": len(groups["learned"]),
        "unlucky.not_learned": seeds - len(groups["learned"]),
        "unlucky.halfway": len(groups["halfway"]),
        "unlucky.within": unlucky_starts.WITHIN,
        "unlucky.yes_above": 1 - unlucky_starts.WITHIN,
        "unlucky.learned_loss_min": float(learned_losses.min()),
        "unlucky.learned_loss_max": float(learned_losses.max()),
        "unlucky.halfway_loss": float(result["loss"][groups["halfway"]].mean()),
        "unlucky.slow_loss": float(result["loss"][groups["other"]].mean()),
        "unlucky.long_epochs": LONG_EPOCHS,
        "unlucky.freed": freed_phrase(freed),
        "unlucky.slow_seed": groups["other"][0],
        "unlucky.slow_epochs": SLOW_EPOCHS,
        "unlucky.stuck_seed": unlucky_starts.STUCK_EXAMPLE,
        "unlucky.stuck_hidden_min": float(hidden.min()),
        "unlucky.stuck_slope_max": float(slopes.max()),
        "unlucky.fence_low": FENCE[0],
        "unlucky.fence_high": FENCE[1],
        "unlucky.shares_table": unlucky_starts.shares_table(counts),
        "unlucky.tiny_scale": min(SCALES),
        "unlucky.tiny_learned": counts[2, min(SCALES)][0],
        "unlucky.twins": twins(min(SCALES)),
        "unlucky.big_scale": max(SCALES),
        "unlucky.big_learned": counts[2, max(SCALES)][0],
        # faq.md
        "faq.blame_ratio": blame_ratio(),
    }


if __name__ == "__main__":
    for name, value in facts().items():
        shown = value if isinstance(value, str) and "\n" not in value else repr(value)
        print(f"{name} = {shown}")
