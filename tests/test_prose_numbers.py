"""Numbers quoted in the prose (and in alt text) agree with the reference implementation.

Each test pins a sentence of a page to the computation behind it: if the code changes so that
the sentence is no longer true, the test fails and says which page to fix.
"""

import numpy as np
import pytest

import running_example
from activations import sigmoid_slope
from datasets import two_moons
from descent import valley
from training import train

from conftest import DOCS


def page_text(name):
    return " ".join((DOCS / name).read_text(encoding="utf-8").split())


@pytest.fixture(scope="module")
def trained():
    network = running_example.make_network()
    inputs, targets = running_example.data()
    before = network.forward(inputs)
    history = train(network, inputs, targets, running_example.LEARNING_RATE, running_example.EPOCHS,
                    loss=running_example.LOSS)
    return before, history, network.forward(inputs), targets


def test_home_page_describes_the_running_example(trained):
    text = page_text("index.md")
    before, history, after, targets = trained
    assert "It has 2 inputs, a hidden layer of 2 neurons and 1 output neuron, all with the sigmoid" in text
    assert running_example.SIZES == [2, 2, 1] and running_example.ACTIVATIONS == ["sigmoid", "sigmoid"]
    # Alt text: "The error starts near 0.25 and falls to almost 0 over 2,000 training steps."
    assert "starts near 0.25 and falls to almost 0 over 2,000 training steps" in text
    assert abs(history.losses[0] - 0.25) < 0.01 and history.losses[-1] < 0.01
    assert running_example.EPOCHS == 2000
    # "Before training, every guess sits near 0.5" and after it the guesses are close to 0 and 1.
    assert "Before training, every guess sits near 0.5" in text
    assert np.all(np.abs(before - 0.5) < 0.1)
    assert np.all(np.abs(after - targets) < 0.1)


def test_home_page_caption_flat_start_then_fast_drop(trained):
    _, history, _, _ = trained
    assert "Notice the long flat start" in page_text("index.md")
    losses = history.losses
    assert losses[0] - losses[300] < 0.01, "the first 300 steps should barely move the error"
    assert losses[300] - losses[1000] > 0.2, "then the error should drop fast"


def test_sigmoid_slope_never_above_a_quarter():
    text = page_text("reference/snippets.md")
    assert "never rises above 0.25" in text and "peaks at 0.25" in text
    slopes = sigmoid_slope(np.linspace(-10, 10, 20001))
    assert slopes.max() == pytest.approx(0.25) and np.all(slopes <= 0.25)


def test_valley_is_ten_times_steeper_across_than_along():
    assert "ten times steeper across than along" in page_text("reference/snippets.md")
    assert valley([0.0, 1.0]) / valley([1.0, 0.0]) == pytest.approx(10.0)


def test_two_moons_has_200_points():
    assert "A scatter plot of 200 points" in page_text("reference/snippets.md")
    inputs, _ = two_moons()
    assert len(inputs) == 200


def test_gradient_check_numbers_on_the_reference_page():
    from gradient_check import gradient_check
    from network import Network
    from activations import sigmoid, sigmoid_slope

    text = page_text("reference/snippets.md")
    assert "Below about 0.0000001 (1e-7) the backward pass is right; a bug shows up as 0.01 or more" in text
    inputs, targets = running_example.data()
    network = Network([2, 4, 3, 1], ["relu", "tanh", "sigmoid"], seed=1)
    assert gradient_check(network, inputs, targets) < 1e-7
    # A classic bug: the sigmoid's slope a(1 - a) applied to the sum z instead of the output a.
    network._activation_functions[-1] = (sigmoid, lambda z, value=None: sigmoid_slope(sigmoid(z)))
    assert gradient_check(network, inputs, targets) >= 0.01
