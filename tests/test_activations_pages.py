"""Chapter 2 (docs/activations/): every number its pages quote agrees with the code.

Each test pins a sentence (or alt text, or caption) of a page to the computation behind it.
The trained networks come from snippets/figures_activations.py, so the pictures, the prose
and these tests share one set of settings and one run.
"""

import math

import numpy as np
import pytest

import figures_activations as chapter
import running_example
from activations import relu_slope, sigmoid, sigmoid_slope, tanh_slope
from datasets import regression_1d, two_moons, xor
from gradient_check import gradient_check
from losses import get_loss
from linear_limits import accuracy, merge_linear_layers
from network import Network
from training import train
from vanishing import blame_sizes, deep_network, training_curves

from conftest import DOCS


def page(name):
    return " ".join((DOCS / "activations" / name).read_text(encoding="utf-8").split())


def percent(share):
    return f"{share:.0%}"


# --- index.md: depth without activation is an illusion ------------------------------------


def test_index_deep_linear_network_is_as_good_as_one_layer():
    text = page("index.md")
    models = chapter.moons_models()
    one_layer, deep = models["one layer"], models["three layers, no activation"]
    assert "Both split the plane with the same kind of straight line, and both get 89% of the points right" in text
    assert "Both are stuck at 89% of the points" in text
    assert percent(one_layer[1]) == percent(deep[1]) == "89%"
    # The trained three-layer network really is one layer in disguise: its merge gives the
    # same outputs on the whole picture, so its border is a straight line.
    merged = merge_linear_layers(deep[0])
    grid = np.random.default_rng(0).uniform(-2, 3, size=(500, 2))
    np.testing.assert_allclose(merged.forward(grid), deep[0].forward(grid), atol=1e-12)


def test_index_weight_counts():
    text = page("index.md")
    assert "The network on the right has three layers and 88 weights" in text
    assert "a single layer and just 2 weights" in text
    sizes = chapter.MOONS_MODELS["three layers, no activation"]["sizes"]
    assert len(sizes) - 1 == 3
    deep = Network(sizes, "identity")
    assert sum(w.size for w in deep.weights) == 88
    assert Network(chapter.MOONS_MODELS["one layer"]["sizes"], "sigmoid").weights[0].size == 2


def test_index_merge_refuses_a_hidden_sigmoid():
    assert "The merge refuses, with a message that says which layer has an activation" in page("index.md")
    with pytest.raises(ValueError, match="layer 0 uses 'sigmoid'"):
        merge_linear_layers(Network([2, 8, 8, 1], ["sigmoid", "sigmoid", "sigmoid"], seed=0))


# --- straight-lines.md: XOR and two moons ----------------------------------------------------


def test_straight_lines_xor_best_line_gets_three_of_four():
    text = page("straight-lines.md")
    assert "The best you can do is 3 of 4" in text
    assert "one straight line splits the plane and gets 3 of the 4 points right" in text
    inputs, targets = xor()
    # The line drawn in the figure: "yes" above x + y = 0.5.
    assert int(((inputs.sum(axis=1) > 0.5) == (targets[:, 0] == 1)).sum()) == 3
    # And no line does better: a dense sweep of directions and offsets.
    angles = np.linspace(0, 2 * np.pi, 721)
    offsets = np.linspace(-2, 2, 401)
    directions = np.stack([np.cos(angles), np.sin(angles)])
    sides = (inputs @ directions)[:, :, None] + offsets[None, None, :] > 0
    right = (sides == (targets[:, :, None] == 1)).sum(axis=0)
    assert right.max() == 3


def test_straight_lines_running_example_hidden_neurons():
    text = page("straight-lines.md")
    assert "the first hidden neuron says yes only for the point (0, 1), and the second only for (1, 0)" in text
    assert "The output neuron then says yes when either of them does" in text
    assert "gets all 4 points right" in text
    network = chapter.trained_running_example()
    inputs, targets = running_example.data()
    outputs = network.forward(inputs)
    hidden = network.layer_outputs[0] > 0.5
    assert hidden[:, 0].tolist() == [False, True, False, False]
    assert hidden[:, 1].tolist() == [False, False, True, False]
    assert ((outputs > 0.5) == (hidden[:, [0]] | hidden[:, [1]])).all()
    assert accuracy(network, inputs, targets) == 1.0


def test_straight_lines_two_moons_numbers():
    text = page("straight-lines.md")
    assert "The *two moons* data set has 200" in text
    assert len(two_moons()[0]) == 200
    assert "The best straight line gets 89% of the points right" in text
    assert "a straight line and gets 89% of the points right" in text
    assert "A network with a hidden layer of 8 sigmoid neurons gets every point right" in text
    assert "draws a curved border that follows the moons and gets 100% right" in text
    assert "The faint dotted lines are the 8 straight lines of the hidden neurons, one each" in text
    assert "faint dotted lines show the 8 straight lines of its hidden neurons" in text
    models = chapter.moons_models()
    assert percent(models["one layer"][1]) == "89%"
    network, share = models["a hidden layer of 8 sigmoids"]
    assert share == 1.0 and network.sizes == [2, 8, 1]
    assert len(chapter.hidden_lines(network, chapter.MOONS_RANGE[0])) == 8


def test_two_moons_sigmoid_network_is_right_on_every_point_for_several_seeds():
    # The 100% is not a lucky seed: the same settings get every point right from other starts.
    inputs, targets = two_moons()
    settings = chapter.MOONS_MODELS["a hidden layer of 8 sigmoids"]
    for seed in (1, 2):
        network = Network(settings["sizes"], settings["activations"], seed=seed)
        train(network, inputs, targets, settings["learning_rate"], settings["epochs"], loss="cross_entropy")
        assert accuracy(network, inputs, targets) == 1.0


# --- sigmoid.md: the dimmer, its slope, the a(1 - a) bug --------------------------------------


def test_sigmoid_page_basic_values():
    text = page("sigmoid.md")
    assert "A sum of 0 gives exactly 0.5" in text
    assert sigmoid(0.0) == 0.5
    assert "At a sum of 0, the output is 0.5, and the slope is 0.5 times 0.5, which is 0.25" in text
    assert sigmoid_slope(0.0) == 0.25
    assert "a hump that peaks at 0.25 at zero" in text and "where it reaches 0.25" in text
    slopes = sigmoid_slope(np.linspace(-20, 20, 40001))
    assert slopes.max() == 0.25 and slopes.argmax() == 20000


def test_sigmoid_page_running_example_reads_as_how_sure():
    text = page("sigmoid.md")
    assert 'the running example gives 0.97 for a "yes" row of XOR' in text
    assert 'and 0.03 for a "no" row' in text
    outputs = chapter.trained_running_example().forward(running_example.data()[0]).ravel()
    assert f"{outputs[1]:.2f}" == "0.97" and f"{outputs[3]:.2f}" == "0.03"


def test_sigmoid_page_the_bug_in_numbers():
    text = page("sigmoid.md")
    assert "At a sum of 2, the right slope is 0.105, and the bug gives −2: about 19 times too big" in text
    right, bug = sigmoid_slope(2.0), 2.0 * (1 - 2.0)
    assert f"{right:.3f}" == "0.105" and bug == -2.0
    assert round(abs(bug) / right) == 19
    assert "Nudge the sum by 0.01" in text


def test_sigmoid_page_gradient_check_catches_the_bug():
    text = page("sigmoid.md")
    assert "With the right slope the two agree to better than 1 part in 10 million" in text
    assert "Anything above about 0.01 means the backward pass has a bug" in text
    inputs, targets = running_example.data()
    network = running_example.make_network()
    assert gradient_check(network, inputs, targets) < 1e-7
    network._activation_functions = [(sigmoid, lambda z, value=None: z * (1 - z))] * 2
    assert gradient_check(network, inputs, targets) >= 0.01
    assert "A network trained with this bug does not learn; its error blows up" in text
    assert train(network, inputs, targets, 2.0, 2000).diverged


# --- flat-ends.md: blame fades through sigmoid layers ----------------------------------------


def test_flat_ends_setup_matches_the_code():
    text = page("flat-ends.md")
    assert "with 16 neurons in each hidden layer and one sigmoid output" in text
    assert "over all 200 examples and over 10 random starts" in text
    network = deep_network("sigmoid", 3, 16)
    assert network.sizes[1:-1] == [16, 16, 16] and network.activation_names[-1] == "sigmoid"
    import inspect

    defaults = inspect.signature(blame_sizes).parameters
    assert defaults["width"].default == 16 and list(defaults["seeds"].default) == list(range(10))


def test_flat_ends_slope_and_shrink_per_layer():
    text = page("flat-ends.md")
    assert "The sigmoid's slope is never more than 0.25" in text
    assert np.all(sigmoid_slope(np.linspace(-30, 30, 6001)) <= 0.25)
    assert "each sigmoid layer lets through only a quarter of it, or less" in text
    assert "With sigmoid, each layer passes on about a quarter of the blame it got, or less" in text
    deepest, _ = chapter.blame_measurements()["sigmoid"]
    ratios = deepest[:-1] / deepest[1:]
    assert np.all(ratios < 0.26)


def test_flat_ends_shares_at_ten_layers():
    text = page("flat-ends.md")
    assert "the first layer gets about 1 in 700,000 of what the last one got" in text
    assert "With tanh about 1 in 8 is left, and with ReLU about 1 in 27" in text
    assert "it falls to about 1 in 700,000 at the first layer" in text
    assert "while with tanh and ReLU it stays within a factor of 30" in text
    measured = chapter.blame_measurements()
    assert chapter.DEEPEST == 10
    assert "the blame left at the first layer for networks with 1 to 10 hidden layers" in text
    assert list(chapter.DEPTHS) == list(range(1, 11))
    sigmoid_share = measured["sigmoid"][0][0]
    assert round(1 / sigmoid_share, -5) == 700_000
    assert round(1 / measured["tanh"][0][0]) == 8
    assert round(1 / measured["relu"][0][0]) == 27


def test_flat_ends_tanh_and_relu_slopes():
    text = page("flat-ends.md")
    assert "its slope reaches 1 in the middle, four times the sigmoid's best" in text
    assert tanh_slope(0.0) == 1.0 == 4 * sigmoid_slope(0.0)
    assert "Its slope is exactly 1 wherever the neuron is on" in text
    assert np.all(relu_slope(np.linspace(0.001, 100, 1000)) == 1.0)


def test_flat_ends_half_the_relu_neurons_are_off():
    assert "about half of its neurons are off (50% in these networks)" in page("flat-ends.md")
    inputs, _ = two_moons()
    shares = []
    for seed in range(10):
        network = deep_network("relu", 10, 16, seed)
        network.forward(inputs)
        shares += [np.mean(sums <= 0) for sums in network.sums[:-1]]
    assert percent(np.mean(shares)) == "50%"


def test_flat_ends_rescaled_starting_weights():
    text = page("flat-ends.md")
    assert "start ReLU networks with weights √2 ≈ 1.41 times larger than the ones this site starts with" in text
    assert f"{math.sqrt(2):.2f}" == "1.41"
    assert "Then 0.91 of the blame, nearly all of it, reaches the first layer" in text
    assert f"{blame_sizes('relu', 10, weight_scale=1.41)[0]:.2f}" == "0.91"
    assert "Start it with weights 4 times larger, and the blame does get louder: " \
        "1 in 700,000 becomes 1 in 200" in text
    assert round(1 / blame_sizes("sigmoid", 10, weight_scale=4.0)[0], -2) == 200
    assert round(1 / blame_sizes("sigmoid", 10)[0], -5) == 700_000


def test_flat_ends_larger_relu_start_keeps_the_signal_the_same_size():
    # "that makes up for the silent half and keeps the signal about the same size from layer
    # to layer": the typical size of what each hidden layer sends on, first and last of 10.
    assert "keeps the signal about the same size from layer to layer" in page("flat-ends.md")
    inputs, _ = two_moons()

    def signal_sizes(scale):
        sizes = []
        for seed in range(10):
            network = deep_network("relu", 10, 16, seed)
            for weights in network.weights[:-1]:
                weights *= scale
            network.forward(inputs)
            sizes.append([np.sqrt(np.mean(out ** 2)) for out in network.layer_outputs[:-1]])
        return np.mean(sizes, axis=0)

    larger, plain = signal_sizes(1.41), signal_sizes(1.0)
    assert 0.8 < larger[-1] / larger[0] < 1.2  # about the same size
    assert plain[-1] / plain[0] < 0.5  # without it, the signal shrinks


def test_flat_ends_training_curves():
    text = page("flat-ends.md")
    curves = chapter.curves()
    assert "Four networks with 4 hidden layers of 8 neurons" in text
    assert "A line chart of the training error of four networks over 600 steps" in text
    assert all(len(losses) == 601 for losses in curves.values())
    assert "its error stops at 0.27, and it gets 89% of the points right" in text
    assert "The network with no activation drops at once to 0.27 and stays there" in text
    assert f"{curves['identity'][-1]:.2f}" == "0.27" and abs(curves["identity"][10] - curves["identity"][-1]) < 0.01
    network = deep_network("identity", 4, 8)
    inputs, targets = two_moons()
    train(network, inputs, targets, 0.3, 600, loss="cross_entropy")
    assert percent(accuracy(network, inputs, targets)) == "89%"
    assert "drops to 0.69 in the first few steps" in text
    assert "That is the error of a network that answers 0.5, \"no idea\", for every point" in text
    assert f"{math.log(2):.2f}" == "0.69"
    assert "the cross-entropy of the answer 0.5 is 0.69, whether the right answer is yes or no" in text
    cross_entropy, _ = get_loss("cross_entropy")
    for answer in (0.0, 1.0):
        assert f"{cross_entropy(np.array([[0.5]]), np.array([[answer]])):.2f}" == "0.69"
    assert np.all(np.abs(curves["sigmoid"][10:] - 0.69) < 0.01)
    assert "The tanh and ReLU networks fall to almost 0 within about 300 steps" in text
    for activation in ("tanh", "relu"):
        assert curves[activation][300] < 0.05 and curves[activation][-1] < 0.01


def test_flat_ends_relu_bumps():
    text = page("flat-ends.md")
    assert "the ReLU curve has a few small bumps on the way, between steps 140 and 190" in text
    assert "The small bumps in the ReLU curve, between steps 140 and 190, are steps that went a bit too far" in text
    losses = np.asarray(chapter.curves()["relu"])
    # Step i + 1 raised the error: every visible rise (above 0.002) is in that window.
    rises = np.nonzero(np.diff(losses) > 0.002)[0] + 1
    assert len(rises) > 0 and rises.min() >= 140 and rises.max() <= 190
    assert np.all(np.diff(losses)[200:] < 0.002)
    assert losses[195] < losses[rises.min() - 1]  # "the next steps brought it down again"


def test_flat_ends_deep_sigmoid_is_worse_than_no_bend():
    text = page("flat-ends.md")
    assert "Notice that this is worse than the network with no bend at all, which got to 0.27" in text
    curves = chapter.curves()
    assert curves["sigmoid"][-1] > curves["identity"][-1] and f"{curves['identity'][-1]:.2f}" == "0.27"
    assert "After four sigmoid layers, the last hidden layer sends almost the same numbers for every point" in text
    assert 'since half of the points are "yes"' in text
    inputs, targets = two_moons()
    assert targets.mean() == 0.5
    network = deep_network("sigmoid", 4, 8)
    for trained in (False, True):
        if trained:
            train(network, inputs, targets, 0.3, 600, loss="cross_entropy")
        network.forward(inputs)
        spread = [out.std(axis=0).mean() for out in network.layer_outputs[:-1]]
        assert len(spread) == 4 and spread[0] > 0.1 and spread[-1] < 0.01
    # After training it answers about 0.5, "no idea", for every point.
    assert np.all(np.abs(network.forward(inputs) - 0.5) < 0.05)


def test_flat_ends_training_curves_tell_the_same_story_from_other_starts():
    for seed in (1, 2):
        curves = training_curves(seed=seed)
        assert curves["sigmoid"][-1] > 0.6
        assert curves["tanh"][-1] < 0.01 and curves["relu"][-1] < 0.01
        assert abs(curves["identity"][-1] - 0.2718) < 0.001


def test_flat_ends_sigmoid_learns_with_one_hidden_layer():
    assert "with a single hidden layer it learned two moons perfectly" in page("flat-ends.md")
    assert chapter.moons_models()["a hidden layer of 8 sigmoids"][1] == 1.0


# --- choosing.md: the output must fit the answer --------------------------------------------


def test_choosing_regression_data():
    text = page("choosing.md")
    inputs, targets = regression_1d()
    assert "A scatter plot of 50 points along a wavy rising curve, from about 0 on the left to about 3.4 on the right" in text
    assert len(targets) == 50 and round(targets.min(), 1) == 0.0 and round(targets.max(), 1) == 3.4
    assert "The data set has 50 points along a wavy curve, and 38 of them lie above 1" in text
    assert int((targets > 1).sum()) == 38


def test_choosing_sigmoid_output_cannot_pass_one():
    text = page("choosing.md")
    assert "Both networks have one hidden layer of 16 tanh neurons" in text
    assert chapter.REGRESSION["sizes"] == [1, 16, 1] and chapter.REGRESSION["hidden"] == "tanh"
    fits = chapter.regression_fits()
    assert "its error is about 0.01" in text
    assert f"{fits['identity'][1]:.2f}" == "0.01"
    assert "Its largest prediction is 0.9996, and its error stays at 1.31, more than 100 times larger" in text
    inputs, _ = regression_1d()
    assert f"{fits['sigmoid'][0].forward(inputs).max():.4f}" == "0.9996"
    assert f"{fits['sigmoid'][1]:.2f}" == "1.31"
    assert fits["sigmoid"][1] > 100 * fits["identity"][1]
    assert "a ReLU network with 4 hidden layers learned the moons" in text
    curves = chapter.curves()
    assert curves["relu"][-1] < 0.01 and curves["sigmoid"][-1] > 0.6


# --- points added after the beginner's read ------------------------------------------------


def test_index_a_bend_only_at_the_end_keeps_the_border_straight():
    text = page("index.md")
    assert "A bend at the very end only turns \"how far from the line\" into \"how sure\"; " \
        "the border itself stays straight" in text
    # The one-layer network's sigmoid output is above 0.5 exactly where its sum is above 0:
    # one side of a straight line.
    network, _ = chapter.moons_models()["one layer"]
    grid = np.random.default_rng(1).uniform(-2, 3, size=(2000, 2))
    sums = grid @ network.weights[0] + network.biases[0]
    assert ((network.forward(grid) > 0.5) == (sums > 0)).all()


def test_sigmoid_page_relative_error_explained():
    from gradient_check import FLOOR, STEP, numerical_gradients, relative_error

    text = page("sigmoid.md")
    assert "for each weight, the gap between the two answers divided by the sum of their sizes" in text
    assert "It is 0 when the two answers agree, and it can never go above 1" in text
    assert "It reaches 1 when the two answers point in opposite directions" in text
    rng = np.random.default_rng(0)
    a, n = rng.normal(size=1000), rng.normal(size=1000)
    errors = relative_error(a, n)
    assert np.all(errors <= 1.0) and relative_error(0.3, 0.3) == 0.0
    np.testing.assert_allclose(errors[np.sign(a) != np.sign(n)], 1.0)
    assert FLOOR < 0.01
    # "That is what the bug does here": the worst weight's two answers have opposite signs.
    inputs, targets = running_example.data()
    network = running_example.make_network()
    network._activation_functions = [(sigmoid, lambda z, value=None: z * (1 - z))] * 2
    _, weights, biases = network.gradients(inputs, targets, "mse")
    numerical = numerical_gradients(network, inputs, targets, "mse", STEP)
    pairs = [(g.ravel(), m.ravel()) for g, m in zip(weights + biases, numerical[0] + numerical[1])]
    analytic = np.concatenate([g for g, _ in pairs])
    slow = np.concatenate([m for _, m in pairs])
    worst = np.argmax(relative_error(analytic, slow))
    assert np.sign(analytic[worst]) == -np.sign(slow[worst])
    assert f"{gradient_check(network, inputs, targets):.2f}" == "1.00"


def test_sigmoid_page_links_and_relu_paragraph():
    text = page("sigmoid.md")
    assert "though in a deep network a very faint one (see [the flat ends](flat-ends.md))" in text
    assert "(../derivatives/backpropagation.md)" in text and "(../derivatives/index.md)" in text
    assert "So it has a corner at 0 and a flat half" in text
    assert np.all(relu_slope(np.linspace(-5, -0.001, 100)) == 0.0)
    assert np.all(relu_slope(np.linspace(0.001, 5, 100)) == 1.0)


def test_choosing_why_relu_despite_the_tanh_measurement():
    text = page("choosing.md")
    assert "in [the measurement](flat-ends.md) with 10 hidden layers, tanh kept more of the blame " \
        "than ReLU (1 in 8 against 1 in 27)" in text
    measured = chapter.blame_measurements()
    assert round(1 / measured["tanh"][0][0]) == 8 and round(1 / measured["relu"][0][0]) == 27
    assert "ReLU networks usually start with weights 1.41 times larger than this site's, " \
        "and then 0.91 of the blame reaches the first layer" in text
    assert f"{blame_sizes('relu', 10, weight_scale=1.41)[0]:.2f}" == "0.91"
    assert "a larger start helps tanh too" in text
    assert blame_sizes("tanh", 10, weight_scale=1.41)[0] > 2 * measured["tanh"][0][0]
    assert "raise the number *e* (about 2.718) to a power" in text
    assert f"{math.e:.3f}" == "2.718"
    assert "for a positive sum its slope stays 1 however large the sum gets" in text
    assert relu_slope(1e6) == 1.0 and tanh_slope(5.0) < 0.001


def test_choosing_tanh_is_the_sigmoid_stretched_and_shifted():
    text = page("choosing.md")
    assert "Tanh is the sigmoid stretched and shifted" in text
    assert r"\tanh(z) = 2\sigma(2z) - 1" in (DOCS / "activations" / "choosing.md").read_text(encoding="utf-8")
    z = np.linspace(-6, 6, 241)
    np.testing.assert_allclose(np.tanh(z), 2 * sigmoid(2 * z) - 1, atol=1e-12)
    assert "*a*(1 − *a*)" in text
