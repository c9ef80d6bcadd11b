"""Numbers quoted on the pages of chapter 3 (docs/complete-picture/) agree with the code.

Each test pins a sentence (or alt text) of a page to the computation behind it.
"""

import numpy as np
import pytest

import classic_bugs
import running_example
import unlucky_starts
from activations import sigmoid_slope
from figures_loop import SNAPSHOT_EPOCHS, one_step, output_map, training_run
from losses import cross_entropy_slope, mean_squared_error_slope
from training import train

from conftest import DOCS


def page_text(name):
    return " ".join((DOCS / "complete-picture" / name).read_text(encoding="utf-8").split())


def close(value, text, digits):
    return f"{value:.{digits}f}" == text


# --- index.md: one step, then the loop -------------------------------------------------------


def test_one_step_numbers_in_the_picture_and_the_text():
    text = page_text("index.md")
    step = one_step()
    assert "the example with inputs 1 and 0 flows forward" in text and list(step["inputs"]) == [1.0, 0.0]
    assert "the hidden neurons give 0.428 and 0.540 and the output gives 0.564, where the right answer is 1" in text
    assert [f"{h:.3f}" for h in step["hidden"]] == ["0.428", "0.540"] and close(step["output"], "0.564", 3)
    assert step["target"] == 1.0
    assert "The hidden neurons give 0.428 and 0.540." in text and "says 0.564" in text
    assert "-0.0535 at the output, -0.0121 and -0.0089 at the hidden neurons" in text
    assert "The output neuron gets -0.0535." in text and "That gives -0.0121 and -0.0089." in text
    assert close(step["blame_output"], "-0.0535", 4)
    assert [f"{b:.4f}" for b in step["blame_hidden"]] == ["-0.0121", "-0.0089"]
    # "below 0 means 'a higher sum would lower the error'": the output is below its target.
    assert step["blame_output"] < 0 and step["output"] < step["target"]
    assert "the output bias from -0.498 to -0.573" in text and "goes from -0.498 to -0.573" in text
    assert close(step["before"][3][0], "-0.498", 3) and close(step["after"][3][0], "-0.573", 3)
    assert "(2.0 here)" in text and running_example.LEARNING_RATE == 2.0


def test_one_step_caption_small_blames_and_small_moves():
    text = page_text("index.md")
    assert "the blame is a small number at every neuron" in text
    assert "each weight and bias moves only in its second or third decimal" in text
    step = one_step()
    assert abs(step["blame_output"]) < 0.1 and np.all(np.abs(step["blame_hidden"]) < 0.1)
    moves = np.concatenate([np.ravel(a - b) for a, b in zip(step["after"], step["before"])])
    assert np.all(np.abs(moves) < 0.1) and np.all(np.abs(moves) >= 0.001)


def test_one_step_error_before_and_after():
    text = page_text("index.md")
    assert "Before this step it is 0.2563." in text
    assert "After this one step the loss is 0.2524 instead of 0.2563." in text
    network = running_example.make_network()
    inputs, targets = running_example.data()
    history = train(network, inputs, targets, running_example.LEARNING_RATE, 1)
    assert close(history.losses[0], "0.2563", 4) and close(history.losses[1], "0.2524", 4)
    assert "There are 9 numbers to learn: 6 weights and 3 biases." in text
    assert sum(w.size for w in network.weights) == 6 and sum(b.size for b in network.biases) == 3


def test_the_loop_picture_and_its_bullets():
    text = page_text("index.md")
    history = training_run()
    losses = history.losses
    assert "It stays near 0.25 until about step 500, drops steeply around step 750 and is near 0 by step 1,000" in text
    assert abs(losses[500] - 0.25) < 0.01 and losses[500] - losses[1000] > 0.2 and losses[1000] < 0.01
    assert losses[500] - losses[750] > 0.05 > losses[0] - losses[500]
    assert "five small maps of the network's answers over the input square at steps 0, 500, 750, 1,000 and 2,000" in text
    assert SNAPSHOT_EPOCHS == (0, 500, 750, 1000, 2000)

    def outputs(epoch, everywhere=False):
        weights, biases = history.snapshots[epoch]
        if everywhere:
            return output_map(weights, biases)[2]
        network = running_example.make_network()
        network.weights, network.biases = weights, biases
        return network.forward(running_example.data()[0]).ravel()

    targets = running_example.data()[1].ravel()
    # "At step 0 the network says 'yes', weakly, everywhere: its guesses are all near 0.5."
    assert "At step 0 the network says \"yes\", weakly, everywhere: its guesses are all near 0.5." in text
    assert 0.5 < outputs(0, everywhere=True).min() and outputs(0, everywhere=True).max() < 0.65
    # "At step 500 ... one boundary line has appeared": the answers cross 0.5 inside the square.
    at_500 = outputs(500, everywhere=True)
    assert at_500.min() < 0.5 < at_500.max()
    assert "every answer is on the right side of 0.5" in text
    assert np.all((outputs(1000) > 0.5) == (targets == 1))
    assert not np.all((outputs(750) > 0.5) == (targets == 1))
    # The band: along the diagonal from (0, 0) to (1, 1) the answer is "no"; the other corners say "yes".
    assert "a band along the diagonal from (0, 0) to (1, 1) says no, and the two other corners, (0, 1) and (1, 0), say yes" in text
    assert "fence off a band along the diagonal. It holds the two \"no\" corners, (0, 0) and (1, 1)" in text
    for epoch in (1000, 2000):
        weights, biases = history.snapshots[epoch]
        network = running_example.make_network()
        network.weights, network.biases = weights, biases
        diagonal = np.linspace(0, 1, 21)
        assert np.all(network.forward(np.column_stack([diagonal, diagonal])) < 0.5)
        assert np.all(network.forward([[0.0, 1.0], [1.0, 0.0]]) > 0.5)
    assert "the network is sure of all four answers and the error is 0.0012" in text
    assert close(losses[2000], "0.0012", 4) and np.all(np.abs(outputs(2000) - targets) < 0.05)
    assert "The loop, run 2,000 times." in text and running_example.EPOCHS == 2000


# --- classic-bugs.md --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bug_runs():
    return {
        "right": classic_bugs.train_right(),
        "frozen": classic_bugs.train_biases_frozen(),
        "added": classic_bugs.train_adding_gradient(),
        "no reset": classic_bugs.train_without_reset(),
        "too large": classic_bugs.train_right(learning_rate=classic_bugs.TOO_LARGE),
    }


def rises(losses):
    return int(np.sum(np.diff(losses) > 0))


def test_classic_bugs_checks_and_their_thresholds():
    text = page_text("classic-bugs.md")
    assert "Below 0.0000001 (1e-7) the backward pass is right. A bug shows up as 0.01 or more, often close to 1." in text
    assert classic_bugs.check_backward(classic_bugs.backward_right) < 1e-7
    for backward in (classic_bugs.backward_missing_slope, classic_bugs.backward_slope_of_sum):
        assert classic_bugs.check_backward(backward) > 0.5
    assert "The sigmoid's slope is never above 0.25" in text
    assert sigmoid_slope(np.linspace(-20, 20, 4001)).max() == pytest.approx(0.25)
    assert "Both broken ones are off by almost 100 percent." in text


def test_classic_bugs_loss_curves(bug_runs):
    text = page_text("classic-bugs.md")
    assert "The correct loop never goes up once in its 2,000 steps." in text
    right = bug_runs["right"][0]
    assert rises(right) == 0 and len(right) == 2001
    # Alt text of the loss curves.
    assert "With biases never updated the error creeps down only to about 0.22." in text
    assert abs(bug_runs["frozen"][0][-1] - 0.22) < 0.005
    assert "With the gradient added instead of subtracted the error rises to 0.5 at once." in text
    added = bug_runs["added"][0]
    assert added[100] > 0.49 and rises(added) == 2000
    assert "With a learning rate of 50 the error jumps about before it settles near 0.25." in text
    assert classic_bugs.TOO_LARGE == 50.0 and abs(bug_runs["too large"][0][-1] - 0.25) < 0.01
    assert "After 2,000 steps it is still 0.2229, where the correct loop reaches 0.0012." in text
    assert close(bug_runs["frozen"][0][-1], "0.2229", 4) and close(right[-1], "0.0012", 4)
    assert "It rises at each of the 2,000 steps." in text
    assert "The running example uses 2.0. At 50, the first step overshoots so far that the error jumps from 0.2563 to 0.4338." in text
    too_large = bug_runs["too large"][0]
    assert close(too_large[0], "0.2563", 4) and close(too_large[1], "0.4338", 4)
    assert "yet its error went up 31 times" in text and rises(bug_runs["no reset"][0]) == 31
    assert bug_runs["no reset"][0][-1] < right[-1]


def test_frozen_biases_are_caught_by_comparing_before_and_after(bug_runs):
    start, _, _ = classic_bugs.running_example()
    _, trained = bug_runs["frozen"]
    assert all(np.array_equal(a, b) for a, b in zip(start.biases, trained.biases))
    assert not any(np.array_equal(a, b) for a, b in zip(start.weights, trained.weights))


def test_far_larger_rate_freezes_at_a_half():
    assert "the error freezes at 0.5" in page_text("classic-bugs.md")
    losses, _ = classic_bugs.train_right(learning_rate=1000.0, epochs=50)
    assert np.all(np.abs(losses[5:] - 0.5) < 0.001)


# --- unlucky-starts.md ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hundred():
    return unlucky_starts.train_many(2, range(100))


def test_hundred_starts(hundred):
    text = page_text("unlucky-starts.md")
    learned = hundred["learned"]
    assert "82 of 100 random starts learn XOR in 2,000 steps and 18 do not" in text and learned.sum() == 82
    assert "Each of the four answers ends within 0.25 of the right one" in text and unlucky_starts.WITHIN == 0.25
    assert "82 bars are near 0; 17 sit at about 0.13; one is at 0.25." in text
    stuck = np.flatnonzero(~learned)
    halfway = [s for s in stuck if np.sum(np.abs(hundred["outputs"][s] - 0.5) < 0.02) == 2]
    assert len(halfway) == 17 and np.all(np.abs(hundred["loss"][halfway] - 0.126) < 0.002)
    assert "the error is about 0.126" in text
    others = sorted(set(stuck) - set(halfway))
    assert others == [29] and abs(hundred["loss"][29] - 0.25) < 0.001
    assert np.all(hundred["loss"][learned] < 0.02)
    assert "only one of them (seed 22) gets free" in text
    longer = unlucky_starts.train_many(2, halfway, epochs=20_000)["learned"]
    assert [int(s) for s in np.array(halfway)[longer]] == [22]


def test_seed_29_is_slow_and_seed_6_is_stuck():
    text = page_text("unlucky-starts.md")
    assert "Seed 29 still says 0.5 for everything after 2,000 steps. Given 5,000 steps, it learns." in text
    assert unlucky_starts.train_many(2, [29], epochs=5000)["learned"][0]
    assert "Look at seed 6, the first stuck start." in text and unlucky_starts.STUCK_EXAMPLE == 6
    assert "both hidden neurons say 1.00" in text and "that slope is about 0.0001" in text
    result = unlucky_starts.train_many(2, range(7))
    assert np.flatnonzero(~result["learned"])[0] == 6
    hidden = result["hidden"][6][2:]  # the examples (1, 0) and (1, 1)
    assert f"{hidden.min():.2f}" == "1.00"
    assert f"{(hidden * (1 - hidden)).min():.4f}" == "0.0000" and f"{(hidden[0, 0] * (1 - hidden[0, 0])):.4f}" == "0.0001"
    assert "and their slopes there are 0.0012 or less" in text
    assert f"{(hidden * (1 - hidden)).max():.4f}" == "0.0012"
    # Alt text: seed 6's map has its corners (1, 0) and (1, 1) right on the line.
    assert "the corners (1, 0) and (1, 1) sit right on it" in text
    assert np.all(np.abs(result["outputs"][6][2:] - 0.5) < 0.01)
    assert "Even after 20,000 steps seed 6 still says 0.5 for both." in text
    long_run = unlucky_starts.train_many(2, [6], epochs=20_000)["outputs"][0]
    assert np.all(np.abs(long_run[2:] - 0.5) < 0.01)
    assert "the network has nine directions to feel" in text
    assert sum(p.size for p in running_example.make_network().parameters()) == 9


def test_what_helps_table_and_claims():
    text = page_text("unlucky-starts.md")
    table = unlucky_starts.shares_table()
    assert table in (DOCS / "complete-picture" / "unlucky-starts.md").read_text(encoding="utf-8")
    assert "| the usual spread | 82 of 100 | 100 of 100 |" in table
    assert "| 0.1 times the usual spread | 1 of 100 | 1 of 100 |" in table
    assert "| 3 times the usual spread | 57 of 100 | 98 of 100 |" in table
    assert "With 4 hidden neurons instead of 2, all 100 starts learn." in text
    assert "only 1 start in 100 learns in time" in text and "fewer starts learn: 57 instead of 82" in text
    assert "in 96 of these 100 runs, the two still give almost the same answer for every example" in text
    tiny = unlucky_starts.train_many(2, range(100), scale=0.1)["hidden"]
    assert int(np.sum(np.abs(tiny[:, :, 0] - tiny[:, :, 1]).max(axis=1) < 0.1)) == 96


# --- faq.md -----------------------------------------------------------------------------------


def test_faq_numbers():
    text = page_text("faq.md")
    assert "From 100 random starts, the running example learns XOR 82 times in 2,000 steps." in text
    assert "with 4 hidden neurons all 100 starts learn" in text
    assert unlucky_starts.share_learned(4, range(100)) == (100, 100)
    assert "With cross-entropy it is about 50 times larger" in text
    guess, answer = np.array([[0.01]]), np.array([[1.0]])
    slope = guess * (1 - guess)
    ratio = (cross_entropy_slope(guess, answer) * slope) / (mean_squared_error_slope(guess, answer) * slope)
    assert int(ratio.item()) == 50
    assert "with nine weights or with billions" in text
