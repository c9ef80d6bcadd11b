"""The results of chapter 3, "The complete picture" (docs/complete-picture/), for its page
unlucky-starts.md.

numpy only. Each result is computed once (cached) and shared by the chapter's figures
(figures_loop.py), its pages (through facts(), which hooks/fill_in.py fills in) and its
tests, so a figure and the sentence under it always come from the same run.

The many starts are trained together by unlucky_starts.py; this module picks the runs the
page and its figures show and sorts the starts into those that learn and those that do not.
"""

from functools import cache

import numpy as np

import running_example
import unlucky_starts

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


# --- what the page quotes ----------------------------------------------------------------------


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
    result, groups = hundred_starts(), start_groups()
    learned_losses = result["loss"][groups["learned"]]
    hidden, slopes = stuck_slopes()
    counts = shares()
    seeds = unlucky_starts.SEEDS
    freed = [seed for seed, ok in zip(groups["halfway"], halfway_given_longer()["learned"]) if ok]
    return {
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
    }


if __name__ == "__main__":
    for name, value in facts().items():
        shown = value if isinstance(value, str) and "\n" not in value else repr(value)
        print(f"{name} = {shown}")
