"""Numbers quoted on the pages of chapter 3 (docs/complete-picture/) agree with the code.

Each test pins a sentence (or alt text) of a page to the computation behind it.
"""

import numpy as np
import pytest

import classic_bugs
import running_example
import unlucky_starts
from activations import sigmoid_slope
from figures_loop import FENCE, NO_RESET_STUCK_SEED, SNAPSHOT_EPOCHS, bug_curves, one_step, output_map, training_run
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
    assert "the output bias from -0.498 to -0.573" in text and "which the picture rounds to -0.573" in text
    assert close(step["before"][3][0], "-0.498", 3) and close(step["after"][3][0], "-0.573", 3)
    assert "(2.0 here)" in text and running_example.LEARNING_RATE == 2.0


def test_one_step_update_adds_up_all_four_examples():
    text = page_text("index.md")
    raw = (DOCS / "complete-picture" / "index.md").read_text(encoding="utf-8")
    assert "The top two drawings follow one example, (1, 0); the update at the bottom adds up the blame of all four examples." in text
    assert "the blames of all four examples are added up and every weight and bias moves a little" in text
    network = running_example.make_network()
    inputs, targets = running_example.data()
    _, _, bias_gradients = network.gradients(inputs, targets)
    guesses, blames = network.layer_outputs[-1].ravel(), network.blames[-1].ravel()
    rows = ["| example | right answer | guess | blame at the output |", "| --- | ---: | ---: | ---: |"]
    for (a, b), target, guess, blame in zip(inputs, targets.ravel(), guesses, blames):
        rows.append(f"| ({a:.0f}, {b:.0f}) | {target:.0f} | {guess:.2f} | {blame:+.4f} |")
    rows.append(f"| **added up** | | | **{blames.sum():+.4f}** |")
    assert "\n".join(rows) in raw
    assert np.isclose(blames.sum(), bias_gradients[1][0])
    # The two "answer 0" examples, guessed too high, outvote (1, 0).
    assert "the two \"answer 0\" examples were guessed at 0.56 and 0.59, too high" in text
    assert [f"{g:.2f}" for g in guesses[targets.ravel() == 0]] == ["0.56", "0.59"]
    assert blames[2] < 0 < blames.sum()
    assert "The total, +0.0379, is the output bias's gradient. It is above 0, so the bias goes down." in text
    bias = network.biases[1][0]
    assert "With four decimals the bias was -0.4976, and -0.4976 - 2.0 × 0.0379 = -0.5734, which the picture rounds to -0.573." in text
    assert f"{bias:.4f}" == "-0.4976" and f"{-0.4976 - 2.0 * 0.0379:.4f}" == "-0.5734"
    assert close(bias - running_example.LEARNING_RATE * bias_gradients[1][0], "-0.573", 3)


def test_why_a_learning_rate_of_two():
    text = page_text("index.md")
    assert "Rates from 1.0 to 10.0 all learn XOR in 2,000 steps; at 0.5 the error is still 0.2491, on the flat start" in text
    inputs, targets = running_example.data()
    for rate in np.arange(1.0, 10.5, 1.0):
        network = running_example.make_network()
        train(network, inputs, targets, float(rate), 2000)
        assert np.all(np.abs(network.forward(inputs) - targets) < unlucky_starts.WITHIN), rate
    network = running_example.make_network()
    assert close(train(network, inputs, targets, 0.5, 2000).losses[-1], "0.2491", 4)
    assert not np.all(np.abs(network.forward(inputs) - targets) < unlucky_starts.WITHIN)


def test_flat_start_blames_cancel():
    text = page_text("index.md")
    assert "What is small there is the slope of the *error* with respect to the weights" in text
    assert "At step 100 the gradient is about 40 times smaller than at step 750." in text
    network = running_example.make_network()
    inputs, targets = running_example.data()
    sizes, hidden_at_100, guesses_at_100 = {}, None, None
    for step in range(751):
        _, weight_gradients, bias_gradients = network.gradients(inputs, targets)
        sizes[step] = np.sqrt(sum(np.sum(g ** 2) for g in weight_gradients + bias_gradients))
        if step == 100:
            hidden_at_100 = network.layer_outputs[0].copy()
            guesses_at_100 = network.layer_outputs[-1].ravel().copy()
            blames = network.blames[-1].ravel()
            # two "too high", two "too low", about the same size: they nearly cancel
            assert np.sum(blames > 0) == 2 and abs(blames.sum()) < 0.01 * np.abs(blames).sum()
        gradients = [g for pair in zip(weight_gradients, bias_gradients) for g in pair]
        for values, gradient in zip(network.parameters(), gradients):
            values -= running_example.LEARNING_RATE * gradient
    assert round(sizes[750] / sizes[100], -1) == 40
    assert "Within a few steps every guess is close to 0.5, and the hidden neurons hardly tell the four examples apart." in text
    assert np.all(np.abs(guesses_at_100 - 0.5) < 0.02)
    assert np.all(np.ptp(hidden_at_100, axis=0) < 0.1)  # each hidden neuron: nearly the same for all four


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
    assert "With biases never updated the error creeps down only to about 0.22, and never goes up." in text
    assert abs(bug_runs["frozen"][0][-1] - 0.22) < 0.005
    assert "With the gradient added instead of subtracted the error rises to 0.5 at once and goes up at every step." in text
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


def test_missing_slope_too_big_and_sometimes_flipped():
    text = page_text("classic-bugs.md")
    assert "From the running example's start, each of the nine is about 4 to 18 times too big." in text
    network, inputs, targets = classic_bugs.running_example()
    ratios = np.concatenate([np.ravel(m / r) for r, m in zip(
        classic_bugs.backward_right(network, inputs, targets),
        classic_bugs.backward_missing_slope(network, inputs, targets))])
    assert ratios.size == 9 and f"{ratios.min():.0f}" == "4" and f"{ratios.max():.0f}" == "18"
    assert "From 100 random starts, 19 have at least one gradient that the bug turns the wrong way." in text
    flipped = 0
    for seed in range(100):
        network, inputs, targets = classic_bugs.running_example(seed)
        right = classic_bugs.backward_right(network, inputs, targets)
        wrong = classic_bugs.backward_missing_slope(network, inputs, targets)
        flipped += any(np.any(np.sign(r) != np.sign(w)) for r, w in zip(right, wrong))
    assert flipped == 19


def test_in_between_values_of_the_check():
    text = page_text("classic-bugs.md")
    assert "with the correct backward pass, a nudge of 1e-9 gives 1.0e-05" in text
    assert f"{classic_bugs.check_backward(classic_bugs.backward_right, step=1e-9):.1e}" == "1.0e-05"
    assert "0.1 gives 8.0e-07" in text
    assert f"{classic_bugs.check_backward(classic_bugs.backward_right, step=0.1):.1e}" == "8.0e-07"
    for value in (1e-5, 8e-7):
        assert 1e-7 < value < 0.01


def test_classic_bugs_figure_and_the_missing_reset(bug_runs):
    text = page_text("classic-bugs.md")
    curves = bug_curves()
    assert len(curves) == 6 and "Six line charts" in text
    assert "from seed 0 the error drops to 0 early, after 31 rises packed into the first steps; from seed 1 it sticks at 0.1252 and goes up 1,010 times" in text
    no_reset = curves["gradients not reset (seed 0)"]
    assert rises(no_reset) == 31 and np.flatnonzero(np.diff(no_reset) > 0).max() < 200
    assert no_reset[200] < 0.001
    stuck = curves[f"gradients not reset (seed {NO_RESET_STUCK_SEED})"]
    assert NO_RESET_STUCK_SEED == 1 and close(stuck[-1], "0.1252", 4) and rises(stuck) == 1010
    assert "but its 31 rises give it away" in text
    # "From the running example's start it even learns, and sooner"
    assert "it even learns, and sooner" in text
    assert no_reset[200] < 0.01 < bug_runs["right"][0][200]
    assert rises(curves["correct loop"]) == 0 and rises(curves["biases never updated"]) == 0


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
    assert "82 green dots, for the starts that learned, lie between 0.0008 and 0.01; 17 red dots sit at about 0.13; one is at 0.25." in text
    learned_losses = hundred["loss"][learned]
    assert f"{learned_losses.min():.4f}" == "0.0008" and learned_losses.max() < 0.01
    # The stretched (log) axis: its lines at 0.001, 0.01 and 0.1 lie within the errors' range.
    assert "each line is 10 times the one below it: 0.001, 0.01, 0.1" in text
    assert hundred["loss"].min() < 0.001 and hundred["loss"].max() > 0.1
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
    assert "both hidden neurons say 1.00" in text
    assert "where the hidden neurons say 1.00, that slope is 0.0012 or less" in text
    result = unlucky_starts.train_many(2, range(7))
    assert np.flatnonzero(~result["learned"])[0] == 6
    hidden = result["hidden"][6][2:]  # the examples (1, 0) and (1, 1)
    assert f"{hidden.min():.2f}" == "1.00"
    assert f"{(hidden * (1 - hidden)).min():.4f}" == "0.0000" and f"{(hidden[0, 0] * (1 - hidden[0, 0])):.4f}" == "0.0001"
    assert "and their slopes there are 0.0012 or less" in text
    assert f"{(hidden * (1 - hidden)).max():.4f}" == "0.0012"
    # Alt text: seed 6's map has its corners (1, 0) and (1, 1) in a wide grey patch.
    assert "the corners (1, 0) and (1, 1) sit in a wide grey patch where the answer is between 0.45 and 0.55" in text
    assert "grey \"on the fence\" (from 0.45 to 0.55)" in text and FENCE == (0.45, 0.55)
    assert np.all(np.abs(result["outputs"][6][2:] - 0.5) < 0.01)
    w1, b1, w2, b2 = (array[6] for array in result["parameters"])
    x, y, outputs = output_map([w1, w2], [b1.ravel(), b2.ravel()])
    for corner_x, corner_y in ((1, 0), (1, 1)):
        near = (np.abs(x - corner_x) <= 0.15) & (np.abs(y - corner_y) <= 0.15)  # a wide patch
        assert np.all((FENCE[0] < outputs[near]) & (outputs[near] < FENCE[1]))
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
    assert "With a small enough step, the loop only ever walks downhill" in text
    assert rises(classic_bugs.train_right()[0]) == 0 and rises(classic_bugs.train_right(learning_rate=50.0)[0]) > 0
    assert unlucky_starts.share_learned(4, range(100)) == (100, 100)
    assert "With cross-entropy it is about 50 times larger" in text
    guess, answer = np.array([[0.01]]), np.array([[1.0]])
    slope = guess * (1 - guess)
    ratio = (cross_entropy_slope(guess, answer) * slope) / (mean_squared_error_slope(guess, answer) * slope)
    assert int(ratio.item()) == 50
    assert "with nine weights or with billions" in text
