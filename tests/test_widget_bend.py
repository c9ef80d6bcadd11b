"""The flat-ends page's widget "Swap the bend" (docs/js/swap-bend.js), in Debian's Chromium.

For each hidden activation, picked by click and from the keyboard, every answer the map holds
is compared with network.forward of the very network deep_runs() trained, the accuracy and the
error with linear_limits.accuracy and losses.cross_entropy, and the blame bars with
blame_measurements() (shipped, so equal exactly). Going back to the first activation must give
back its exact numbers; the widget must pass axe in both schemes and fit a phone's screen.
Without Chromium the tests are skipped (with CI=true they fail), as in test_browser.py.
"""


import numpy as np
import pytest
from widget_support import DESKTOP, PHONE, RELATIVE, check_axe_and_width, close, widget_pages

import results_activations
import vanishing
from datasets import two_moons
from linear_limits import accuracy
from losses import cross_entropy
from results_widget_bend import BEND_CHOICES, BEND_MAP, bend_data, bend_element, grid

PAGE = "activations/flat-ends/"
ORDER = [name for name, _ in BEND_CHOICES]

STATE_JS = """() => {
  const box = document.querySelector('.swap-bend');
  const first = box.querySelector('.sb-first');
  return {
    chosen: box.querySelector('input[type=radio]:checked').value,
    focused: document.activeElement.value || null,
    values: box.querySelector('.sb-canvas').dataset.values.split(' '),
    accuracy: box.querySelector('.sb-accuracy').dataset.value,
    accuracyText: box.querySelector('.sb-accuracy').textContent,
    error: box.querySelector('.sb-error').dataset.value,
    low: box.querySelector('.sb-low').dataset.value,
    high: box.querySelector('.sb-high').dataset.value,
    bars: Array.from(box.querySelectorAll('.sb-bar')).map(n => n.dataset.value),
    first: first.dataset.value,
    firstText: first.textContent,
    border: box.querySelector('.sb-border').getAttribute('d'),
    texts: {accuracy: box.querySelector('.sb-accuracy').textContent, error: box.querySelector('.sb-error').textContent,
            low: box.querySelector('.sb-low').textContent, high: box.querySelector('.sb-high').textContent},
  };
}"""


@pytest.fixture
def open_page(browser, base_url):
    with widget_pages(browser, base_url, PAGE, ".swap-bend:not([hidden]) .sb-error[data-value]") as open_page:
        yield open_page


def wanted_blame(activation):
    """The page measures sigmoid, tanh and ReLU; "none" is measured by the same function."""
    measured = results_activations.blame_measurements()
    if activation in measured:
        return measured[activation][0]
    return vanishing.blame_sizes(activation, results_activations.DEEPEST, results_activations.BLAME_WIDTH,
                                 results_activations.BLAME_SEEDS)


def check(page, where):
    """Compare every number the widget shows with snippets/, for the activation it shows."""
    state = page.evaluate(STATE_JS)
    activation = state["chosen"]
    network, _ = results_activations.deep_runs()[activation]
    xs, ys = np.meshgrid(*grid())
    want = network.forward(np.column_stack([xs.ravel(), ys.ravel()]))[:, 0]
    got = np.array([float(v) for v in state["values"]])
    assert got.shape == want.shape, (where, got.shape)
    relative = np.abs(got - want) / np.abs(want)
    assert relative.max() <= RELATIVE, f"{where}, {activation}: map off by {relative.max():.3g} relative"
    assert close(float(state["low"]), want.min()) and close(float(state["high"]), want.max()), (where, state["low"])
    inputs, targets = two_moons()
    assert float(state["accuracy"]) == accuracy(network, inputs, targets), (where, activation, state["accuracy"])
    assert state["accuracyText"] == f"{accuracy(network, inputs, targets):.0%}"
    # The text the widget writes is what the build rounded (the same on every CPU).
    assert state["texts"] == bend_data()["networks"][activation]["as_shown"], (where, activation, state["texts"])
    wanted_error = cross_entropy(network.forward(inputs), targets)
    assert close(float(state["error"]), wanted_error), (where, activation, state["error"], wanted_error)
    blame = wanted_blame(activation)
    assert [float(v) for v in state["bars"]] == blame.tolist(), (where, activation)
    assert float(state["first"]) == blame[0]
    one_in = results_activations.one_in(blame[0])
    assert state["firstText"] == (f"about 1 in {one_in:,}" if one_in > 1 else "nearly all"), state["firstText"]
    return state


def test_the_shipped_data_is_the_trained_networks_and_the_measured_blame(site):
    data = bend_data()
    runs = results_activations.deep_runs()
    assert [name for name, _ in data["choices"]] == ORDER == ["identity", *vanishing.HIDDEN_ACTIVATIONS]
    for name in ORDER:
        network, _ = runs[name]
        shipped = data["networks"][name]
        assert shipped["activations"] == network.activation_names
        for got, want in zip(shipped["weights"] + shipped["biases"], network.weights + network.biases):
            assert np.array_equal(np.array(got), want)
        assert shipped["blame"] == wanted_blame(name).tolist()
    inputs, targets = two_moons()
    assert data["inputs"] == inputs.tolist() and data["targets"] == targets[:, 0].tolist()
    # The map shows the part of the plane the chapter's moons figures show.
    from figures_activations import MOONS_RANGE

    assert (tuple(BEND_MAP["x"]), tuple(BEND_MAP["y"])) == MOONS_RANGE
    assert bend_element() in (site / PAGE / "index.html").read_text(encoding="utf-8")


def test_each_activation_by_click_matches_snippets(open_page):
    page = open_page()
    first = check(page, "at the start")
    assert first["chosen"] == ORDER[0]
    for name in ORDER[1:] + ORDER[:1]:
        page.click(f".swap-bend input[value={name}]")
        state = check(page, f"{name} clicked")
        assert state["chosen"] == name
    again = page.evaluate(STATE_JS)
    assert {k: v for k, v in again.items() if k != "focused"} == {k: v for k, v in first.items() if k != "focused"}


def test_arrow_keys_move_between_the_radios_and_the_first_comes_back_exactly(open_page):
    page = open_page()
    first = page.evaluate(STATE_JS)
    page.focus(".swap-bend input[value=identity]")
    outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none"), f"no visible focus on a radio (outline {outline!r})"
    for key, name in [("ArrowRight", "sigmoid"), ("ArrowDown", "tanh"), ("ArrowRight", "relu"),
                      ("ArrowRight", "identity"), ("ArrowLeft", "relu"), ("ArrowUp", "tanh")]:
        page.keyboard.press(key)
        state = check(page, f"after {key}")
        assert state["chosen"] == state["focused"] == name, (key, state["chosen"], state["focused"])
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    back = check(page, "back to the first")
    assert back == first | {"focused": "identity"}
    # One Tab leaves the group: the four radios are one stop, as radios should be.
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.querySelector('.swap-bend').contains(document.activeElement)") is False
    page.wait_for_function("() => document.querySelector('.swap-bend [aria-live=polite]').textContent"
                           ".startsWith('none: ')")


def test_the_sigmoid_network_has_no_idea_and_the_others_draw_a_border(open_page):
    page = open_page()
    borders = {}
    for name in ORDER:
        page.click(f".swap-bend input[value={name}]")
        state = page.evaluate(STATE_JS)
        borders[name] = state["border"]
        values = np.array([float(v) for v in state["values"]])
        lean = page.inner_text(".swap-bend .sb-lean")
        if name == "sigmoid":  # its points right say little, and the widget says so
            assert np.all(np.abs(values - 0.5) < 0.01) and "close to 0.5" in lean
        else:
            assert values.min() < 0.01 and values.max() > 0.99 and lean == ""
    assert f"An error of {bend_data()['no_idea']:.2g} means no idea" in page.inner_text(".swap-bend")
    assert all(borders.values()), "every map shows where its answer crosses 0.5"


def test_axe_finds_nothing_in_either_scheme_and_it_fits_a_phone(open_page):
    for scheme, viewport, name in (("light", DESKTOP, "tanh"), ("dark", DESKTOP, "sigmoid"),
                                   ("light", PHONE, "relu"), ("dark", PHONE, "identity")):
        page = open_page(scheme, viewport)
        page.click(f".swap-bend input[value={name}]")
        check_axe_and_width(page, ".swap-bend", f"{scheme} at {viewport['width']} px, {name}")


def test_without_javascript_only_the_static_figures_show(open_page):
    page = open_page(javascript=False)
    assert not page.locator(".swap-bend").is_visible()
    assert page.locator("img[src*='activation-training-curves-light']").is_visible()
    assert page.locator("img[src*='blame-per-layer-light']").first.is_visible()
