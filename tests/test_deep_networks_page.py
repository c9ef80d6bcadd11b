"""docs/real-networks/deep-networks.md: what the page claims holds for the results it quotes.

The numbers go into the page at build (snippets/results_deep_networks.py, facts()); these
tests check the prose's claims ("fades", "stays level", "grows", "learns") as properties of
the named results, and that the shown digits survive a tiny nudge of the start.
"""

import math

import numpy as np
import pytest

import deep
import results_deep_networks as results
from datasets import two_moons
from losses import cross_entropy


@pytest.fixture(scope="module")
def facts():
    return results.facts()


def test_relu_blame_fades_stays_level_or_explodes_with_the_start_spread(facts):
    cases = results.start_spread_cases()
    assert cases["too small"][0] < 1e-3 and facts["deep_networks.relu_small_one_in"] > 1000
    assert 0.2 < cases["matched"][0] < 5  # "the same size, give or take"
    assert cases["too large"][0] > 100
    # Fading and growing are steady, layer after layer.
    assert np.all(np.diff(cases["too small"]) > 0) and np.all(np.diff(cases["too large"]) < 0)
    assert results.RELU_SPREADS["matched"] > results.TANH_SPREADS["matched"]  # "larger for ReLU"


def test_tanh_follows_the_same_pattern_at_its_own_matched_spread(facts):
    # "Smaller or larger starts fade or grow it, as with ReLU."
    assert results.blame("tanh", results.TANH_SPREADS["too small"])[0] < 1e-3
    assert 0.1 < facts["deep_networks.tanh_matched"] < 1
    assert results.blame("tanh", results.TANH_SPREADS["too large"])[0] > 5


def test_skips_lift_the_sigmoid_blame_from_nothing_to_more_than_the_last_layers(facts):
    cases = results.skip_cases()
    assert cases["sigmoid", False][0] < 1e-11 and facts["deep_networks.sigmoid_one_in_power"] >= 11
    assert 1 < cases["sigmoid", True][0] < 100
    assert cases["tanh", True][0] > 10 * cases["tanh", False][0]
    # With skips, no layer gets much less than the last one does: the blame cannot fade away.
    for activation in results.TRAINED:
        assert np.all(cases[activation, True] > 0.5)


def test_relu_with_skips_grows_the_blame_a_lot(facts):
    assert facts["deep_networks.relu_skip_times"] > 1000


def test_relu_with_skips_and_no_normalisation_blows_up_in_training():
    inputs, targets = two_moons()
    network = deep.DeepNetwork(results.DEPTH, results.WIDTH, "relu", True, results.RELU_SPREADS["matched"])
    with np.errstate(all="ignore"):
        losses = deep.train(network, inputs, targets, results.LEARNING_RATE, 20)
    assert not np.isfinite(losses[-1])


def test_training_with_and_without_skips(facts):
    runs = results.training_runs()
    inputs, targets = two_moons()
    no_idea = cross_entropy(np.array([[0.5]]), np.array([[1.0]]))
    # The plain sigmoid network "learns nothing": it answers 0.5 everywhere, and the table says so.
    assert results.answers_everything_alike(runs["sigmoid", False][0])
    assert runs["sigmoid", False][1][-1] == pytest.approx(no_idea, abs=1e-6)
    assert "| 20 sigmoid | no | 0.69 | says 0.5 to every point |" in facts["deep_networks.training_table"]
    # With skips it learns "a good part"; tanh with skips gets every point right.
    assert runs["sigmoid", True][1][-1] < 0.5 * no_idea
    assert 0 < deep.error_rate(runs["sigmoid", True][0], inputs, targets) < 0.25
    assert deep.error_rate(runs["tanh", True][0], inputs, targets) == 0.0
    assert runs["tanh", True][1][-1] < 0.005


def test_workable_blame_is_a_wide_range(facts):
    # "a network whose first layer gets dozens of times the last layer's blame learns every point"
    assert 10 < facts["deep_networks.tanh_skip_times"] < 100
    # "One in thousands is too little": ReLU started too small learns nothing at the page's rate.
    inputs, targets = two_moons()
    network = deep.DeepNetwork(results.DEPTH, results.WIDTH, "relu", False, results.RELU_SPREADS["too small"])
    losses = deep.train(network, inputs, targets, results.LEARNING_RATE, results.STEPS)
    no_idea = cross_entropy(np.array([[0.5]]), np.array([[1.0]]))
    assert losses[-1] > no_idea - 0.01 and deep.error_rate(network, inputs, targets) > 0.4
    # "thousands of times is too much": see the ReLU-with-skips tests below.
    assert facts["deep_networks.relu_small_one_in"] > 1000 and facts["deep_networks.relu_skip_times"] > 1000


def _first_layer_shares_while_training(skip, steps=results.STEPS):
    inputs, targets = two_moons()
    network = deep.DeepNetwork(results.DEPTH, results.WIDTH, "tanh", skip, 1.0, results.TRAINING_SEED)
    shares = []
    for _ in range(steps):
        sizes = deep.layer_blames(network, inputs, targets)
        shares.append(sizes[0] / sizes[-1])
        for array, gradient in zip(network.parameters(), network.gradients(inputs, targets)[1]):
            array -= results.LEARNING_RATE * gradient
    return np.array(shares)


def test_tanh_without_skips_starts_workable_but_its_blame_swells_now_and_then():
    plain = _first_layer_shares_while_training(False)
    assert 0.1 < plain[0] < 1  # "starts with a workable share"
    assert plain.max() > 10 * plain[0]  # "grows many times larger than at the start"
    # With skips the share never fades below the last layer's while training.
    assert _first_layer_shares_while_training(True).min() > 1


def test_try_it_shows_the_fading_compound_with_depth():
    too_small = [deep.blame_sizes(depth, "relu", start_spread=1.0)[0] for depth in (5, 10, 20)]
    matched = [deep.blame_sizes(depth, "relu", start_spread=math.sqrt(2))[0] for depth in (5, 10, 20)]
    assert too_small[0] > 0.1  # "at 5 layers ... still passes on a fair share"
    assert too_small[0] > too_small[1] > too_small[2]  # "each extra layer takes another bite"
    assert all(0.2 < share < 5 for share in matched)


def test_training_runs_start_from_the_same_weights():
    runs = results.training_runs()
    fresh = [deep.DeepNetwork(results.DEPTH, results.WIDTH, a, s, 1.0, results.TRAINING_SEED) for a, s in runs]
    for network in fresh[1:]:
        for mine, theirs in zip(fresh[0].parameters(), network.parameters()):
            np.testing.assert_array_equal(mine, theirs)


def _nudged_first_layer_shares(activation, spread, skip, nudge):
    inputs, targets = two_moons()
    total = 0
    for seed in results.SEEDS:
        network = deep.DeepNetwork(results.DEPTH, results.WIDTH, activation, skip, spread, seed)
        for array in network.weights:
            array *= 1 + nudge
        total = total + deep.layer_blames(network, inputs, targets)
    return total[0] / total[-1]


@pytest.mark.parametrize("depth", [5, 10])
@pytest.mark.parametrize("spread", [1.0, math.sqrt(2)])
def test_try_it_digits_survive_a_tiny_nudge(depth, spread):
    inputs, targets = two_moons()
    shown = set()
    for nudge in (-1e-12, 0.0, 1e-12):
        total = 0
        for seed in results.SEEDS:
            network = deep.DeepNetwork(depth, results.WIDTH, "relu", False, spread, seed)
            for array in network.weights:
                array *= 1 + nudge
            total = total + deep.layer_blames(network, inputs, targets)
        shown.add(f"{total[0] / total[-1]:.1e}")
    assert len(shown) == 1


@pytest.mark.parametrize("case", [("relu", 1.0, False), ("relu", math.sqrt(2), False), ("relu", 2.0, False),
                                  ("tanh", 0.5, False), ("tanh", 1.0, False), ("tanh", 2.0, False),
                                  ("sigmoid", 1.0, False), ("sigmoid", 1.0, True), ("tanh", 1.0, True),
                                  ("relu", math.sqrt(2), True)])
def test_shown_blame_digits_survive_a_tiny_nudge(case):
    shown = {f"{_nudged_first_layer_shares(*case, nudge):.1e}" for nudge in (-1e-12, 0.0, 1e-12)}
    assert len(shown) == 1
    assert shown == {f"{results.blame(case[0], case[1], case[2])[0]:.1e}"}


def test_shown_training_numbers_survive_a_tiny_nudge():
    inputs, targets = two_moons()
    for (activation, skip), (trained, losses) in results.training_runs().items():
        if (activation, skip) in results.CHAOTIC:
            continue
        network = deep.DeepNetwork(results.DEPTH, results.WIDTH, activation, skip, 1.0, results.TRAINING_SEED)
        for array in network.weights:
            array *= 1 + 1e-12
        nudged = deep.train(network, inputs, targets, results.LEARNING_RATE, results.STEPS)
        assert f"{nudged[-1]:.2f}" == f"{losses[-1]:.2f}"
        if not results.answers_everything_alike(trained):
            assert deep.error_rate(network, inputs, targets) == deep.error_rate(trained, inputs, targets)
            # No point sits on the fence: every answer is clearly yes or no.
            assert np.min(np.abs(trained.forward(inputs))) > 1e-3


def test_tanh_without_skips_jumps_about_and_its_end_is_not_shown(facts):
    # "Its error falls, then jumps up": a rise of more than 0.05 in one stretch of 10 steps.
    losses = results.training_runs()["tanh", False][1]
    assert np.max(losses[10:] - losses[:-10]) > 0.05
    # "where it ends changes when the start changes in its twelfth digit"
    inputs, targets = two_moons()
    ends = set()
    for nudge in (0.0, 1e-12, -1e-12):
        network = deep.DeepNetwork(results.DEPTH, results.WIDTH, "tanh", False, 1.0, results.TRAINING_SEED)
        for array in network.weights:
            array *= 1 + nudge
        ends.add(f"{deep.train(network, inputs, targets, results.LEARNING_RATE, results.STEPS)[-1]:.2f}")
    assert len(ends) > 1
    assert not any(name.startswith("deep_networks.tanh_plain") for name in facts)
    assert "20 tanh | no" not in facts["deep_networks.training_table"]
