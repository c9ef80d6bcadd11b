"""docs/real-networks/small-batches.md: what the page claims holds for the results it quotes.

The numbers go into the page at build (snippets/results_small_batches.py, facts()); these
tests check each claim of the prose as a property of the named results, never a sentence.
"""

import numpy as np
import pytest

import results_small_batches as results
from minibatch import first_below, train_minibatch
from network import Network

FULL = results.FULL


@pytest.fixture(scope="module")
def facts():
    return results.facts()


@pytest.fixture(scope="module")
def reached():
    return {batch: results.to_target(history) for batch, history in results.runs().items()}


def test_the_smaller_the_batch_the_fewer_examples_to_the_same_error(reached):
    assert reached[1][0] < reached[32][0] < reached[FULL][0]
    assert reached[FULL][0] / reached[1][0] > 10  # "about 18 times fewer"


def test_but_the_more_updates(reached):
    assert reached[1][1] > 5 * reached[32][1]
    # "about as many as the full batch's": within a few percent
    assert abs(reached[32][1] - reached[FULL][1]) <= 0.05 * reached[FULL][1]
    assert results.updates_per_epoch(32) == 7
    assert results.updates_per_epoch(1) == len(results.data()[0])


def test_a_bigger_full_batch_step_is_not_the_cure(facts, reached):
    faster, _ = results.to_target(results.full_faster())
    assert reached[32][0] < faster < reached[FULL][0]
    assert facts["small_batches.faster_epochs"] > 3 * facts["small_batches.epochs_32"]


def test_the_full_batch_curve_never_rises_and_the_small_ones_often_do(facts):
    assert results.rises(results.runs()[FULL]) == 0
    assert 0.3 < facts["small_batches.rises_32"] < facts["small_batches.rises_1"]
    assert facts["small_batches.rises_1"] > 0.5  # "more than half" is safe to say in words


def test_the_pass_averages_of_the_correct_noisy_run_go_down():
    averages = results.pass_averages(results.runs()[1])
    assert averages[-1] < results.TARGET_ERROR < averages[0]
    # downhill on average: each stretch of five passes ends lower than the one before
    stretches = averages[: len(averages) // 5 * 5].reshape(-1, 5).mean(axis=1)
    assert np.all(np.diff(stretches[1:]) < 0)


def test_a_too_large_rate_throws_the_error_above_its_start_and_never_settles():
    history = results.too_large()
    assert not history.diverged
    assert history.losses.max() > history.losses[0]
    averages = results.pass_averages(history)
    assert np.sum(np.diff(averages) > 0) >= len(averages) // 4  # jumps up again and again
    assert averages[len(averages) // 2 :].max() > 3 * results.TARGET_ERROR


def test_unshuffled_batches_get_stuck_and_shuffled_ones_do_not(facts):
    inputs, targets = results.data()
    half = len(targets) // 2
    assert np.all(targets[:half] == 0) and np.all(targets[half:] == 1)  # the data are sorted
    # compared at the same moment: the end of the passes the charts show
    shown = facts["small_batches.epochs_shown"]
    assert shown == results.PASSES_SHOWN == results.RUNS[1][1]
    assert facts["small_batches.unshuffled_at_shown"] > 3 * facts["small_batches.shuffled_at_shown"]
    averages = results.pass_averages(results.unshuffled())[:shown]
    assert averages[0] > averages[-1] and np.ptp(averages[-10:]) < 0.01  # falls, then flat
    assert facts["small_batches.unshuffled_at_shown"] > results.TARGET_ERROR
    # the per-update curve of batches of 32 in the first chart ends at about the same error
    n = len(inputs)
    at_end = results.runs()[32].losses[shown * results.updates_per_epoch(32)]
    assert round(at_end, 2) == round(facts["small_batches.shuffled_at_shown"], 2)
    assert results.runs()[32].examples_seen[shown * results.updates_per_epoch(32)] == shown * n


def test_single_steps_rise_less_often_at_the_steep_start_than_later(facts):
    first, later = results.rises_first_pass_and_after(results.runs()[1])
    assert first == facts["small_batches.rises_1_first_pass"]
    assert first < 0.5 < later < 0.65  # "close to a coin toss" after the first pass
    assert first < facts["small_batches.rises_1"]
    # The start is steep and most examples agree; later the whole error's slope is gentle
    # while each example still pulls hard: the full gradient shrinks far more than the
    # single examples' pulls do.
    inputs, targets = results.data()

    def full_and_single_lengths(network):
        full = results._flat(*network.gradients(inputs, targets, results.LOSS)[1:])
        singles = [results._flat(*network.gradients(inputs[k : k + 1], targets[k : k + 1], results.LOSS)[1:])
                   for k in range(len(inputs))]
        return np.linalg.norm(full), np.mean(np.linalg.norm(singles, axis=1))

    start_full, start_single = full_and_single_lengths(results.make_network())
    trained = results.make_network()
    train_minibatch(trained, inputs, targets, *results.RUNS[1], 1, loss=results.LOSS, seed=results.SHUFFLE_SEED)
    end_full, end_single = full_and_single_lengths(trained)
    assert end_full < start_full / 10
    assert end_full / end_single < 0.5 * start_full / start_single


def test_a_million_examples_take_many_batches_of_32(facts):
    assert facts["small_batches.million_ratio"] * 32 == facts["small_batches.million"]


def test_the_threshold_is_crossed_well_away_from_it():
    # Counts to "the same error" must not hang on the last digits: no curve comes within
    # 5e-5 of the threshold on its way down, and a nudged start gives the same counts.
    for history in list(results.runs().values()) + [results.full_faster()]:
        examples = first_below(history, results.TARGET_ERROR)
        until = int(np.searchsorted(history.examples_seen, examples)) + 1
        assert np.min(np.abs(history.losses[:until] - results.TARGET_ERROR)) > 5e-5
    inputs, targets = results.data()
    for batch, (rate, epochs) in results.RUNS.items():
        network = Network(results.SIZES, results.ACTIVATIONS, seed=results.SEED)
        for weights in network.weights:
            weights += 1e-12
        nudged = train_minibatch(network, inputs, targets, rate, epochs, results.batch_size_of(batch),
                                 loss=results.LOSS, seed=results.SHUFFLE_SEED)
        assert results.to_target(nudged) == results.to_target(results.runs()[batch])


def test_the_try_it_block_uses_the_page_settings():
    assert results.RUNS[32] == (1.0, 60) and results.RUNS[1][0] == 0.1 and results.RUNS[FULL] == (1.0, 300)
    assert results.TARGET_ERROR == 0.12 and results.SIZES == [2, 8, 1]
    # the block runs one example at a time for 20 passes, enough to cross the line
    assert results.to_target(results.runs()[1])[0] < 20 * len(results.data()[0])


def test_single_steps_lead_downhill_on_average_and_batches_more_reliably(facts):
    single_down, n, batch_down, n_batches, gap = results.downhill_from_the_start()
    assert 0 < n - single_down < single_down  # most lead downhill, some uphill
    assert batch_down == n_batches  # "all of them"
    assert gap < 1e-12  # "their average is exactly the full step"


def test_what_the_curves_figure_shows():
    n = len(results.data()[0])
    found = results.runs()
    # after 40 passes the full batch is still far above the line, the smaller batches below
    full = found[FULL]
    assert full.losses[40] > 2 * results.TARGET_ERROR
    for batch in (32, 1):
        assert results.to_target(found[batch])[0] < 40 * n
    # after 300 updates one example at a time is still far above it
    assert found[1].losses[300] > 2 * results.TARGET_ERROR
    assert results.to_target(found[FULL])[1] < 300 and results.to_target(found[32])[1] < 300


def test_the_too_large_rate_hangs_on_the_last_digits_and_the_correct_runs_do_not():
    inputs, targets = results.data()

    def nudged(batch, rate, epochs):
        network = Network(results.SIZES, results.ACTIVATIONS, seed=results.SEED)
        for weights in network.weights:
            weights += 1e-12
        return train_minibatch(network, inputs, targets, rate, epochs, results.batch_size_of(batch),
                               loss=results.LOSS, seed=results.SHUFFLE_SEED).losses

    wild = nudged(1, results.TOO_LARGE_RATE, results.RUNS[1][1])
    assert np.abs(wild - results.too_large().losses).max() > 0.1
    calm = nudged(1, *results.RUNS[1])
    assert np.abs(calm - results.runs()[1].losses).max() < 1e-8
