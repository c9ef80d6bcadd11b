"""The slope page's widget "Nudge one knob" (docs/js/nudge-knob.js), in Debian's Chromium.

Every number the widget shows is compared with the reference implementation (snippets/network.py)
at the same knobs; each control is worked from the keyboard; Reset must give back the very
numbers of the start; and the widget must pass axe in both schemes and fit a phone's screen.
Without Chromium the tests are skipped (with CI=true they fail), as in test_browser.py.
"""

import math

import pytest
from widget_support import DESKTOP, PHONE, RELATIVE, check_axe_and_width, widget_pages

import running_example
from results_widgets import knob_places, nudge_data, set_knob

PAGE = "derivatives/slope/"
# A slope can pass through 0, where a relative bound means nothing: below this it is absolute.
ABSOLUTE = 1e-15

STATE_JS = """() => {
  const box = document.querySelector('.nudge-knob');
  const value = selector => box.querySelector(selector).dataset.value;
  return {
    chosen: Number(box.querySelector('select').value),
    knob: value('.nk-knob'),
    guesses: Array.from(box.querySelectorAll('.nk-guess')).map(node => node.dataset.value),
    error: value('.nk-error'),
    slope: value('.nk-slope'),
    slider: box.querySelector('input[type=range]').value,
  };
}"""

SET_SLIDER_JS = """offset => {
  const slider = document.querySelector('.nudge-knob input[type=range]');
  slider.value = String(offset);
  slider.dispatchEvent(new Event('input', {bubbles: true}));
}"""


@pytest.fixture
def open_page(browser, base_url):
    with widget_pages(browser, base_url, PAGE, ".nudge-knob:not([hidden]) .nk-slope[data-value]") as open_page:
        yield open_page


def expected(knobs):
    """What snippets/ computes with the knobs set to {index: value}: (guesses, error, slopes)."""
    network = running_example.make_network()
    inputs, targets = running_example.data()
    for index, value in knobs.items():
        set_knob(network, knob_places()[index], value)
    error, weight_slopes, bias_slopes = network.gradients(inputs, targets, running_example.LOSS)
    guesses = network.layer_outputs[-1][:, 0]
    slopes = []
    for kind, layer, *index in knob_places():
        slopes.append(float((weight_slopes if kind == "w" else bias_slopes)[layer][tuple(index)]))
    return [float(g) for g in guesses], float(error), slopes


def check(page, knobs, where):
    """Compare every number the widget shows with snippets/; knobs: {index: value} moved so far."""
    state = page.evaluate(STATE_JS)
    knobs[state["chosen"]] = float(state["knob"])  # full precision, as the widget holds it
    guesses, error, slopes = expected(knobs)
    shown = [float(g) for g in state["guesses"]] + [float(state["error"]), float(state["slope"])]
    wanted = guesses + [error, slopes[state["chosen"]]]
    for name, got, want in zip(["guess 0", "guess 1", "guess 2", "guess 3", "error", "slope"], shown, wanted):
        assert math.isclose(got, want, rel_tol=RELATIVE, abs_tol=ABSOLUTE), (
            f"{where}: knob {state['chosen']} at {state['knob']}: {name} is {got!r} in the browser, "
            f"{want!r} in snippets/")
    return state


def choose_knob(page, index):
    page.select_option(".nudge-knob select", str(index))


def test_every_number_matches_snippets_at_many_settings(open_page):
    page = open_page()
    data = nudge_data()
    knobs = {}
    check(page, knobs, "at the start")
    for index in range(len(data["names"])):
        choose_knob(page, index)
        check(page, knobs, f"knob {index} chosen")
        for offset in (-data["span"], -2.35, 0.4, 1.95, data["span"]):
            page.evaluate(SET_SLIDER_JS, offset)
            state = check(page, knobs, f"slider set to {offset}")
            assert float(state["knob"]) == data["start"][index] + offset
        page.focus(".nudge-knob input[type=range]")
        for key in ("ArrowLeft", "ArrowLeft", "PageDown", "Home", "ArrowRight", "End", "ArrowLeft"):
            page.keyboard.press(key)
            check(page, knobs, f"after {key}")
    # Every knob has moved: each one's last value is part of every later check.
    assert len(knobs) == len(data["names"])


def test_each_control_works_from_the_keyboard(open_page):
    page = open_page()
    data = nudge_data()
    start = page.evaluate(STATE_JS)
    # Tab from the select reaches the slider, then Reset: all three in the page's tab order.
    page.focus(".nudge-knob select")
    focused = [page.evaluate("() => document.activeElement.classList[0]")]
    for _ in range(2):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("() => document.activeElement.classList[0]"))
    assert focused == ["nk-pick", "nk-slider", "nk-reset"]
    # Focus is visible on each control.
    for selector in ("select", "input[type=range]", "button"):
        page.focus(f".nudge-knob {selector}")
        outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("", "none"), f"{selector}: no visible focus (outline {outline!r})"
    # ArrowRight on the slider moves the knob one step, and the numbers with it.
    page.focus(".nudge-knob input[type=range]")
    page.keyboard.press("ArrowRight")
    moved = check(page, {}, "after ArrowRight")
    assert float(moved["knob"]) == data["start"][0] + data["step"]
    assert moved["error"] != start["error"] and moved["slope"] != start["slope"]
    assert moved["guesses"] != start["guesses"]
    # ArrowDown on the select picks the next knob; the first keeps its new value.
    page.focus(".nudge-knob select")
    page.keyboard.press("ArrowDown")
    picked = check(page, {0: float(moved["knob"])}, "after ArrowDown on the select")
    assert picked["chosen"] == 1 and float(picked["knob"]) == data["start"][1]
    assert picked["error"] == moved["error"] and picked["slope"] != moved["slope"]
    # The change is announced politely, a little later.
    page.wait_for_function("() => document.querySelector('.nudge-knob [aria-live=polite]').textContent !== ''")
    said = page.evaluate("() => document.querySelector('.nudge-knob [aria-live=polite]').textContent")
    assert data["names"][1] in said
    # Enter on Reset puts every knob back.
    page.focus(".nudge-knob button")
    page.keyboard.press("Enter")
    assert page.evaluate(STATE_JS)["error"] == start["error"]


def test_reset_gives_back_the_exact_starting_numbers(open_page):
    page = open_page()
    data = nudge_data()
    start = page.evaluate(STATE_JS)
    assert float(start["knob"]) == data["start"][0]
    for index, offset in ((0, 1.5), (4, -3.0), (8, 2.25), (6, -0.05)):
        choose_knob(page, index)
        page.evaluate(SET_SLIDER_JS, offset)
    assert page.evaluate(STATE_JS)["error"] != start["error"]
    page.click(".nudge-knob button")
    after = page.evaluate(STATE_JS)
    assert after["chosen"] == 6 and float(after["knob"]) == data["start"][6] and after["slider"] == "0"
    assert (after["guesses"], after["error"]) == (start["guesses"], start["error"])
    choose_knob(page, 0)
    assert page.evaluate(STATE_JS) == start
    check(page, {}, "after Reset")


def test_axe_finds_nothing_in_either_scheme_and_it_fits_a_phone(open_page):
    for scheme, viewport in (("light", DESKTOP), ("dark", DESKTOP), ("light", PHONE)):
        page = open_page(scheme, viewport)
        page.evaluate(SET_SLIDER_JS, 1.0)
        check_axe_and_width(page, ".nudge-knob", f"{scheme} at {viewport['width']} px")


def test_without_javascript_only_the_static_figure_shows(open_page):
    page = open_page(javascript=False)
    assert not page.locator(".nudge-knob").is_visible()
    assert page.locator("img[src*='derivatives-one-weight-light']").is_visible()


def test_knobs_moved_earlier_are_named_until_reset(open_page):
    page = open_page()
    assert page.inner_text(".nudge-knob .nk-moved") == ""
    page.select_option(".nudge-knob select", "8")  # bias of out
    page.focus(".nudge-knob input[type=range]")
    page.keyboard.press("ArrowRight")
    assert page.inner_text(".nudge-knob .nk-moved") == ""  # the knob being moved is not "also moved"
    page.select_option(".nudge-knob select", "0")
    names = nudge_data()["names"]
    assert page.inner_text(".nudge-knob .nk-moved").startswith(f"Also moved from where they started: {names[8]}.")
    page.click(".nudge-knob .nk-reset")
    assert page.inner_text(".nudge-knob .nk-moved") == ""
