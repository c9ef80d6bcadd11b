"""The descent page's widget "Walk downhill" (docs/js/walk-downhill.js), in Debian's Chromium.

Every point and error the widget shows is compared with the reference implementation
(snippets/descent.py's descend and valley) at the same rate and step count; Step, Run and the
keyboard must reach the same points; Reset must give back the exact start; and the widget must
pass axe in both schemes and fit a phone's screen. Without Chromium the tests are skipped (with
CI=true they fail), as in test_browser.py.
"""

import math

import numpy as np
import pytest
from widget_support import DESKTOP, PHONE, check_axe_and_width, check_no_e_notation, close, widget_pages

import descent
from results_widgets import walk_data, walk_regimes, walk_shrink

PAGE = "derivatives/descent/"

STATE_JS = """() => {
  const box = document.querySelector('.walk-downhill');
  return {
    rate: box.querySelector('.wd-rate').dataset.value,
    regime: box.querySelector('.wd-regime').textContent,
    steps: Number(box.querySelector('.wd-steps').dataset.value),
    at: [box.querySelector('.wd-at').dataset.x, box.querySelector('.wd-at').dataset.y],
    error: box.querySelector('.wd-error').dataset.value,
    points: Array.from(box.querySelectorAll('.wd-map-point')).map(n => [n.dataset.x, n.dataset.y]),
    errors: Array.from(box.querySelectorAll('.wd-chart-point')).map(n => n.dataset.value),
    note: box.querySelector('.wd-note').textContent,
    run: box.querySelector('.wd-run').textContent,
    slider: box.querySelector('input[type=range]').value,
  };
}"""

SET_RATE_JS = """rate => {
  const slider = document.querySelector('.walk-downhill input[type=range]');
  slider.value = String(rate);
  slider.dispatchEvent(new Event('input', {bubbles: true}));
}"""


@pytest.fixture
def open_page(browser, base_url):
    with widget_pages(browser, base_url, PAGE, ".walk-downhill:not([hidden]) .wd-error[data-value]") as open_page:
        yield open_page


def check(page, where):
    """Compare every point and error shown with descend() and valley() at the shown rate."""
    state = page.evaluate(STATE_JS)
    rate, steps = float(state["rate"]), state["steps"]
    path = descent.descend(descent.valley_slope, walk_data()["start"], rate, steps)
    assert len(state["points"]) == len(state["errors"]) == len(path) == steps + 1, (where, state)
    for k, ((x, y), error, want) in enumerate(zip(state["points"], state["errors"], path)):
        with np.errstate(over="ignore"):  # a walk that runs away may have an error of inf
            wanted_error = float(descent.valley(want))
        assert close(float(x), want[0]) and close(float(y), want[1]), (
            f"{where}: rate {rate}, step {k}: ({x}, {y}) in the browser, {want.tolist()} in snippets/")
        assert close(float(error), wanted_error), f"{where}: rate {rate}, step {k}: error {error} vs {wanted_error!r}"
    assert [float(v) for v in state["at"]] == [float(v) for v in state["points"][-1]]
    assert float(state["error"]) == float(state["errors"][-1])
    return state


def rates_to_try():
    data = walk_data()
    return [rate for _, rate in data["rates"]] + [data["low"], 0.013, 0.07, 0.1, data["high"]]


def test_step_by_click_and_key_matches_snippets_at_many_rates(open_page):
    page = open_page()
    data = walk_data()
    check(page, "at the start")
    for rate in rates_to_try():
        page.evaluate(SET_RATE_JS, rate)
        state = check(page, f"rate set to {rate}")
        assert float(state["rate"]) == rate and state["steps"] == 0
        for _ in range(3):
            page.click(".walk-downhill .wd-step")
        check(page, f"rate {rate}, 3 clicks")
        page.focus(".walk-downhill .wd-step")
        for key in ("Enter", " ", "Enter") * 3:
            page.keyboard.press(key)
        state = check(page, f"rate {rate}, 12 steps")
        assert state["steps"] == 12
        for _ in range(data["steps"]):  # past the end: the walk stops at the page's step count
            page.keyboard.press("Enter")
        state = check(page, f"rate {rate}, every step")
        assert state["steps"] == data["steps"] and "steps taken" in state["note"]


def regime_by_the_rule(rate):
    """The descent page's test, applied per step: does twice or half the rate shrink the walk faster?"""
    if 1.0 - 20.0 * rate <= -1.0:  # at 2/20 itself the zig-zag never shrinks: the walk gets nowhere
        return "far too large"
    if walk_shrink(2 * rate) < walk_shrink(rate):
        return "too small"
    if walk_shrink(rate / 2) < walk_shrink(rate):
        return "too large"
    return "good"


def test_regimes_follow_twice_and_half_as_large():
    edges = [low for _, low in walk_regimes()[1:]]
    rates = [rate for rate in np.linspace(0.0005, 0.15, 3001) if min(abs(rate - edge) for edge in edges) > 1e-9]
    for rate in rates:
        shown = [name for name, low in walk_regimes() if rate > low][-1]
        assert shown == regime_by_the_rule(rate), rate
    # The walk itself agrees: after the page's steps, the good rates end lowest.
    data = walk_data()

    def final(rate):
        return descent.valley(descent.descend(descent.valley_slope, data["start"], rate, data["steps"])[-1])

    best = min((final(rate), rate) for rate in np.linspace(data["low"], data["high"], 120))[1]
    assert regime_by_the_rule(best) == "good"


def test_named_rates_from_the_select_and_their_regimes(open_page):
    page = open_page()
    for name, rate in walk_data()["rates"]:
        page.select_option(".walk-downhill select", str(rate))
        state = check(page, f"{name} picked")
        assert float(state["rate"]) == rate and state["regime"] == name
        page.click(".walk-downhill .wd-step")
        check(page, f"{name}, one step")
    for rate in (0.03, 0.07, 0.097, 0.1):  # between the named rates, the regime follows the rule
        page.evaluate(SET_RATE_JS, rate)
        assert page.evaluate(STATE_JS)["regime"] == regime_by_the_rule(rate)


def test_run_reaches_the_same_points_as_step_and_pauses(open_page):
    page = open_page()
    data = walk_data()
    for rate in (0.099, 0.11):
        page.evaluate(SET_RATE_JS, rate)
        page.click(".walk-downhill .wd-run")
        assert page.evaluate(STATE_JS)["run"] == "Pause"
        page.wait_for_function(f"() => document.querySelector('.walk-downhill .wd-steps').dataset.value == "
                               f"'{data['steps']}'", timeout=10000)
        check(page, f"rate {rate}, after Run")
        page.wait_for_function("() => document.querySelector('.walk-downhill .wd-run').textContent === 'Run'")
        assert page.evaluate(STATE_JS)["steps"] == data["steps"]
    # Pause stops the walk where it is.
    page.click(".walk-downhill .wd-reset")
    page.click(".walk-downhill .wd-run")
    page.wait_for_function("() => Number(document.querySelector('.walk-downhill .wd-steps').dataset.value) >= 2")
    page.click(".walk-downhill .wd-run")
    paused = check(page, "paused")
    page.wait_for_timeout(3 * data["every"])
    assert page.evaluate(STATE_JS)["steps"] == paused["steps"] < data["steps"] and paused["run"] == "Run"


def test_a_walk_to_infinity_stops_at_its_last_finite_point(open_page):
    page = open_page()
    # Far beyond the slider's range, so that float64 overflows within the page's steps.
    page.evaluate("() => document.querySelector('.walk-downhill select').add(new Option('huge', '1e200'))")
    page.select_option(".walk-downhill select", "1e200")
    for _ in range(5):
        page.click(".walk-downhill .wd-step")
    state = check(page, "rate 1e200")
    assert state["steps"] < 5 and "infinity" in state["note"]


def test_reset_gives_back_the_exact_start_and_the_keyboard_reaches_every_control(open_page):
    page = open_page()
    start = page.evaluate(STATE_JS)
    assert [float(v) for v in start["at"]] == walk_data()["start"] and start["steps"] == 0
    page.focus(".walk-downhill select")
    focused = [page.evaluate("() => document.activeElement.classList[0]")]
    for _ in range(4):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("() => document.activeElement.classList[0]"))
    assert focused == ["wd-pick", "wd-slider", "wd-step", "wd-run", "wd-reset"]
    for selector in ("select", "input[type=range]", ".wd-step", ".wd-run", ".wd-reset"):
        page.focus(f".walk-downhill {selector}")
        outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("", "none"), f"{selector}: no visible focus (outline {outline!r})"
    # ArrowRight on the slider raises the rate by one step (the select shows "other"); ArrowUp on
    # the select then picks the named rate above "other", the last one.
    page.focus(".walk-downhill input[type=range]")
    page.keyboard.press("ArrowRight")
    moved = check(page, "after ArrowRight")
    assert math.isclose(float(moved["rate"]), float(start["rate"]) + walk_data()["step"], rel_tol=1e-9)
    page.focus(".walk-downhill select")
    page.keyboard.press("ArrowUp")
    picked = check(page, "after ArrowUp on the select")
    assert float(picked["rate"]) == walk_data()["rates"][-1][1]
    page.focus(".walk-downhill .wd-step")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.focus(".walk-downhill .wd-run")
    page.keyboard.press("Enter")
    page.wait_for_timeout(250)
    page.keyboard.press("Enter")
    assert page.evaluate(STATE_JS)["steps"] > 2
    page.wait_for_function("() => document.querySelector('.walk-downhill [aria-live=polite]').textContent !== ''")
    page.focus(".walk-downhill .wd-reset")
    page.keyboard.press("Enter")
    after = page.evaluate(STATE_JS)
    assert (after["at"], after["error"], after["points"], after["errors"]) == (
        start["at"], start["error"], start["points"], start["errors"])
    check(page, "after Reset")


def test_axe_finds_nothing_in_either_scheme_and_it_fits_a_phone(open_page):
    for scheme, viewport in (("light", DESKTOP), ("dark", DESKTOP), ("light", PHONE), ("dark", PHONE)):
        page = open_page(scheme, viewport)
        for _ in range(5):
            page.click(".walk-downhill .wd-step")
        check_axe_and_width(page, ".walk-downhill", f"{scheme} at {viewport['width']} px")


def test_without_javascript_only_the_static_figure_shows(open_page):
    page = open_page(javascript=False)
    assert not page.locator(".walk-downhill").is_visible()
    assert page.locator("img[src*='derivatives-learning-rates-light']").is_visible()


def test_numbers_are_written_out_and_a_new_rate_says_the_walk_starts_again(open_page):
    page = open_page()
    for rate in (0.06, 0.09, 0.11, walk_data()["high"]):  # errors from 1e-6 up to 1e13
        page.evaluate(SET_RATE_JS, rate)
        for _ in range(walk_data()["steps"]):
            page.click(".walk-downhill .wd-step")
        check(page, f"rate {rate}, every step")
        check_no_e_notation(page, ".walk-downhill", f"rate {rate}, {walk_data()['steps']} steps")
    page.evaluate(SET_RATE_JS, 0.05)
    state = page.evaluate(STATE_JS)
    assert state["steps"] == 0 and "starts again" in state["note"], state["note"]
