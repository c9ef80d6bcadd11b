"""The results of chapter 3, "The complete picture" (docs/complete-picture/), for its page
classic-bugs.md.

numpy only. Each result is computed once (cached) and shared by the chapter's figures
(figures_loop.py), its pages (through facts(), which hooks/fill_in.py fills in) and its
tests, so a figure and the sentence under it always come from the same run.

The bugs themselves, and the loops and backward passes that have them, are in
classic_bugs.py; this module runs them as the page and its figure show them.
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
from training import train_step

# --- classic-bugs.md ---------------------------------------------------------------------------

NUDGES = (1e-9, 1e-4, 0.1)  # a nudge too small, the gradient check's own, and one too large
FLIP_SEEDS = 100  # the starts on which the missing slope is checked for a flipped gradient
ADDED_EARLY = 10  # the step at which the page reads the error of the gradient-added loop


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


@cache
def small_batch_losses():
    """The running example trained on one example per step (a batch of 1, taking the four
    in turn) at its own rate, for as many steps as it has examples times its epochs: the
    error over all four examples before training and after every step. The loss-curve rules
    of the page are for full batches; this is a correct loop that breaks them."""
    network, (inputs, targets) = running_example.make_network(), running_example.data()
    losses = [network.loss(inputs, targets)]
    for step in range(len(inputs) * running_example.EPOCHS):
        row = slice(step % len(inputs), step % len(inputs) + 1)
        train_step(network, inputs[row], targets[row], running_example.LEARNING_RATE, loss=running_example.LOSS)
        losses.append(network.loss(inputs, targets))
    return np.array(losses)


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


# --- what the page quotes ----------------------------------------------------------------------


def facts():
    curves = bug_curves()
    checks = nudge_checks()
    ratios = missing_slope_ratios()
    too_large = curves[f"learning rate {classic_bugs.TOO_LARGE:g}"]
    no_reset = curves[f"gradients not reset (seed {running_example.SEED})"]
    no_reset_stuck = curves[f"gradients not reset (seed {classic_bugs.NO_RESET_STUCK_SEED})"]
    return {
        "classic.right_below": classic_bugs.RIGHT_BELOW,
        "classic.bug_from": classic_bugs.BUG_FROM,
        "classic.big_nudge_error": checks[max(NUDGES)],
        "classic.missing_slope_ratio_min": float(ratios.min()),
        "classic.missing_slope_ratio_max": float(ratios.max()),
        "classic.flip_seeds": FLIP_SEEDS,
        "classic.flipped": len(flipped_starts()),
        "classic.frozen_end": float(curves["biases never updated"][-1]),
        "classic.added_rises": rises(curves["gradient added, not subtracted"]),
        "classic.added_early_step": ADDED_EARLY,
        "classic.added_early": float(curves["gradient added, not subtracted"][ADDED_EARLY]),
        "classic.added_end": float(curves["gradient added, not subtracted"][-1]),
        "classic.too_large_rate": classic_bugs.TOO_LARGE,
        "classic.too_large_first": float(too_large[1]),
        "classic.too_large_rises": rises(too_large),
        "classic.too_large_end": float(too_large[-1]),
        "classic.no_reset_rises": rises(no_reset),
        "classic.no_reset_stuck_seed": classic_bugs.NO_RESET_STUCK_SEED,
        "classic.no_reset_stuck_end": float(no_reset_stuck[-1]),
        "classic.no_reset_stuck_rises": rises(no_reset_stuck),
        **{f"classic.diff_{name}": bug_diff(buggy, right) for name, (buggy, right) in BUG_DIFFS.items()},
    }


if __name__ == "__main__":
    for name, value in facts().items():
        shown = value if isinstance(value, str) and "\n" not in value else repr(value)
        print(f"{name} = {shown}")
