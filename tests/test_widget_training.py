"""Chapter 3's widget "One training step, then many" (docs/js/training-loop.js), in Debian's Chromium.

The widget trains the running example in the browser. Every number it shows is compared with
the reference implementation (snippets/network.py and training.py, through the run every page
shows, running_example.trained()) at the step it has reached: the forward values, blames,
gradients and updates of each part, the error, the guesses, every point of the error curve and
the map. Step and Play must reach the very same numbers; Reset must give back the exact start;
the keyboard works every control; and the widget must pass axe in both schemes and fit a
phone's screen. Without Chromium the tests are skipped (with CI=true they fail).

A number is compared to 1e-12 relative to the largest of its kind (the nine gradients together,
say): a gradient that adds up four examples' asks can cancel to almost 0, where the last bits
of the sum depend on its order and a relative bound on that one number means nothing.
"""

import numpy as np
import pytest
from widget_support import DESKTOP, PHONE, RELATIVE, check_axe_and_width, check_no_e_notation, widget_pages

import running_example
from results_loop import one_step, snapshot_network, training_run
from results_widget_training import training_data
from results_widgets import knob_places, knob_value

PAGE = "complete-picture/"
BOX = ".training-loop"

STATE_JS = """() => {
  const box = document.querySelector('.training-loop');
  const value = node => node.dataset.value === undefined ? null : node.dataset.value;
  const all = selector => Array.from(box.querySelectorAll(selector));
  const byKnob = cls => Object.fromEntries(all(cls).map(n => [n.dataset.knob, value(n)]));
  return {
    step: Number(box.querySelector('.tl-steps').dataset.value),
    error: box.querySelector('.tl-error').dataset.value,
    guesses: all('.tl-guess').map(value),
    phase: Number(box.querySelector('.tl-net').getAttribute('class').match(/tl-phase-(\\d)/)[1]),
    part: box.querySelector('.tl-part').textContent,
    example: Number(box.querySelector('select').value),
    nodes: Object.fromEntries(all('.tl-node-value').map(n => [n.dataset.node, value(n)])),
    knobs: byKnob('.tl-knob'),
    before: byKnob('.tl-before'),
    gradients: byKnob('.tl-gradient'),
    after: byKnob('.tl-after'),
    curve: box.querySelector('.tl-curve').dataset.values.split(' '),
    map: box.querySelector('canvas.tl-cells').dataset.values.split(' '),
    play: box.querySelector('.tl-play').textContent,
  };
}"""

STEP_JS = """presses => {
  const button = document.querySelector('.training-loop .tl-step');
  for (let k = 0; k < presses; k++) button.click();
}"""


@pytest.fixture
def open_page(browser, base_url):
    with widget_pages(browser, base_url, PAGE, f"{BOX}:not([hidden]) .tl-error[data-value]") as open_page:
        yield open_page


def near(where, got, wanted):
    """Each shown number (strings, in order) against snippets/'s, to RELATIVE of the largest wanted."""
    wanted = [float(w) for w in wanted]
    scale = max(abs(w) for w in wanted)
    assert len(got) == len(wanted), (where, got, wanted)
    for k, (shown, want) in enumerate(zip(got, wanted)):
        assert shown is not None, f"{where}: number {k} not shown"
        assert abs(float(shown) - want) <= RELATIVE * scale, (
            f"{where}: number {k} is {shown} in the browser, {want!r} in snippets/")


def knobs_of(network):
    return [knob_value(network, place) for place in knob_places()]


def gradients_at(step):
    """The network after `step` steps of the run every page shows, after its gradients() call:
    (network, its nine gradients in the widget's order)."""
    network = snapshot_network(step)
    inputs, targets = running_example.data()
    _, weight_gradients, bias_gradients = network.gradients(inputs, targets, running_example.LOSS)
    gradients = [float((weight_gradients if kind == "w" else bias_gradients)[layer][tuple(index)])
                 for kind, layer, *index in knob_places()]
    return network, gradients


def check(page, where, map_every=1):
    """Compare every number shown with snippets/ at the step the widget has reached."""
    state = page.evaluate(STATE_JS)
    step, e, phase = state["step"], state["example"], state["phase"]
    where = f"{where} (step {step}, part {phase}, example {e})"
    losses = training_run().losses
    network, gradients = gradients_at(step)
    knobs = knobs_of(network)
    near(f"{where}: error", [state["error"]], [losses[step]])
    near(f"{where}: every point of the error curve", state["curve"], losses[: step + 1])
    near(f"{where}: guesses", state["guesses"], network.layer_outputs[-1][:, 0])
    near(f"{where}: knobs on the diagram", [state["knobs"][str(i)] for i in range(9)], knobs)
    # The map: the network's answer at each point of the grid (x1 along each row, rows from the
    # lowest x2 up), against network.forward.
    grid = training_data()["grid"]
    points = np.array([[x, y] for y in grid for x in grid])[::map_every]
    near(f"{where}: map", state["map"][::map_every], snapshot_network(step).forward(points)[:, 0])
    inputs, _ = running_example.data()
    if phase in (1, 2):
        assert [float(state["nodes"]["x1"]), float(state["nodes"]["x2"])] == inputs[e].tolist(), where
    if phase == 1:
        near(f"{where}: forward values", [state["nodes"][n] for n in ("h1", "h2", "out")],
             [*network.layer_outputs[0][e], network.layer_outputs[1][e, 0]])
    elif phase == 2:
        near(f"{where}: blame at the output", [state["nodes"]["out"]], [network.blames[1][e, 0]])
        near(f"{where}: blames at h1, h2", [state["nodes"]["h1"], state["nodes"]["h2"]], network.blames[0][e])
    else:
        assert all(state["nodes"][n] is None for n in ("h1", "h2", "out")), where
    table = [[state[column][str(i)] for i in range(9)] for column in ("before", "gradients", "after")]
    if phase == 3:  # the step just taken: from the knobs one step back, by their gradients
        previous, previous_gradients = gradients_at(step - 1)
        near(f"{where}: before", table[0], knobs_of(previous))
        near(f"{where}: gradients", table[1], previous_gradients)
        near(f"{where}: after", table[2], knobs)
    else:
        near(f"{where}: knobs in the table", table[0], knobs)
        assert table[1] == table[2] == [None] * 9, where
    return state


def press_step(page, times=1, key=None):
    for _ in range(times):
        if key:
            page.focus(f"{BOX} .tl-step")
            page.keyboard.press(key)
        else:
            page.click(f"{BOX} .tl-step")


def test_one_step_in_parts_for_each_example_matches_snippets(open_page):
    page = open_page()
    state = check(page, "at the start")
    assert state["step"] == 0 and state["phase"] == 0 and state["example"] == training_data()["example"]
    # The page's one-step figure follows the default example, (1, 0): the same numbers at step 0.
    figure = one_step()
    assert figure["row"] == state["example"]
    press_step(page)
    state = check(page, "forward")
    near("forward, as the page's figure", [state["nodes"][n] for n in ("h1", "h2", "out")],
         [*figure["hidden"], figure["output"]])
    assert state["part"].startswith("Forward: ")
    press_step(page, key="Enter")
    state = check(page, "blame back")
    near("blame, as the page's figure", [state["nodes"][n] for n in ("out", "h1", "h2")],
         [figure["blame_output"], *figure["blame_hidden"]])
    assert state["part"].startswith("Blame back: ")
    press_step(page, key=" ")
    state = check(page, "update")
    assert state["step"] == 1 and state["part"].startswith("Update: ")
    for column, arrays in (("before", figure["before"]), ("gradients", figure["gradients"]),
                           ("after", figure["after"])):
        flat = [float(arrays[2 * layer + (kind == "b")][tuple(index)]) for kind, layer, *index in knob_places()]
        near(f"update, as the page's figure: {column}", [state[column][str(i)] for i in range(9)], flat)
    # Each example's forward values and blames, at step 1 and step 2: the select changes them.
    shown = set()
    for e in range(4):
        page.select_option(f"{BOX} select", str(e))
        press_step(page, key="Enter" if e % 2 else None)
        state = check(page, f"example {e}, forward")
        press_step(page)
        check(page, f"example {e}, blame")
        page.select_option(f"{BOX} select", str((e + 1) % 4))  # the blame part follows the select
        state = check(page, f"example {e}, blame, then another example picked")
        shown.add(tuple(state["nodes"].values()))
        page.select_option(f"{BOX} select", str(e))
        press_step(page)
        check(page, f"example {e}, update")
    assert len(shown) == 4
    assert page.evaluate(STATE_JS)["step"] == 5


def test_play_reaches_the_end_with_every_number_of_snippets_and_step_then_rests(open_page):
    page = open_page()
    steps = training_data()["steps"]
    page.click(f"{BOX} .tl-play")
    assert page.evaluate(STATE_JS)["play"] == "Pause"
    page.wait_for_function(f"() => document.querySelector('{BOX} .tl-steps').dataset.value === '{steps}'",
                           timeout=60000)
    page.wait_for_function(f"() => document.querySelector('{BOX} .tl-play').textContent === 'Play'")
    end = check(page, "after Play")
    assert end["step"] == steps and len(end["curve"]) == steps + 1 and "All" in end["part"]
    check_no_e_notation(page, BOX, "after Play")
    # At the end, Step and Play take no more steps.
    press_step(page, 3)
    page.click(f"{BOX} .tl-play")
    assert page.evaluate(STATE_JS)["step"] == steps
    # The parts, at a later step: the last one before the end, for each example.
    page.click(f"{BOX} .tl-reset")
    page.click(f"{BOX} .tl-play")
    page.wait_for_function(f"() => Number(document.querySelector('{BOX} .tl-steps').dataset.value) >= 700")
    page.click(f"{BOX} .tl-play")  # Pause
    paused = page.evaluate(STATE_JS)
    assert paused["play"] == "Play" and 700 <= paused["step"] < steps
    page.wait_for_timeout(300)
    assert page.evaluate(STATE_JS)["step"] == paused["step"], "Pause did not stop the steps"
    check(page, "paused in the middle", map_every=7)
    for e in range(4):
        page.select_option(f"{BOX} select", str(e))
        press_step(page)
        check(page, f"later step, example {e}, forward", map_every=7)
        press_step(page)
        check(page, f"later step, example {e}, blame", map_every=7)
        press_step(page)
        check(page, f"later step, example {e}, update", map_every=7)
        # Late gradients are small (below 0.001 from about step 800): still written out, no e-notation.
        check_no_e_notation(page, BOX, f"later step, example {e}, update")


def test_play_and_step_reach_the_very_same_numbers(open_page):
    page = open_page()
    page.click(f"{BOX} .tl-play")
    page.wait_for_function(f"() => Number(document.querySelector('{BOX} .tl-steps').dataset.value) >= 300")
    page.click(f"{BOX} .tl-play")
    played = page.evaluate(STATE_JS)
    page.click(f"{BOX} .tl-reset")
    page.evaluate(STEP_JS, 3 * played["step"])  # three presses a step: forward, blame, update
    stepped = check(page, "after as many steps as Play took", map_every=5)
    for name in ("step", "error", "guesses", "knobs", "curve", "map"):
        assert stepped[name] == played[name], f"{name}: Play and Step differ"


def test_reset_gives_back_the_exact_start_and_the_keyboard_reaches_every_control(open_page):
    page = open_page()
    start = page.evaluate(STATE_JS)
    page.focus(f"{BOX} select")
    focused = [page.evaluate("() => document.activeElement.classList[0]")]
    for _ in range(3):
        page.keyboard.press("Tab")
        focused.append(page.evaluate("() => document.activeElement.classList[0]"))
    assert focused == ["tl-pick", "tl-step", "tl-play", "tl-reset"]
    for selector in ("select", ".tl-step", ".tl-play", ".tl-reset"):
        page.focus(f"{BOX} {selector}")
        outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("", "none"), f"{selector}: no visible focus (outline {outline!r})"
    # The select from the keyboard, in the forward part: the numbers follow the example.
    press_step(page, key="Enter")
    page.focus(f"{BOX} select")
    page.keyboard.press("ArrowDown")
    picked = check(page, "after ArrowDown on the select")
    assert picked["example"] == (start["example"] + 1) % 4 or picked["example"] == 3
    # Play and Pause from the keyboard, then Step with Space.
    page.focus(f"{BOX} .tl-play")
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => Number(document.querySelector('{BOX} .tl-steps').dataset.value) >= 20")
    page.keyboard.press(" ")
    played = page.evaluate(STATE_JS)
    assert played["play"] == "Play" and played["step"] >= 20
    press_step(page, 2, key=" ")
    check(page, "after Space on Step")
    page.wait_for_function(f"() => document.querySelector('{BOX} [aria-live=polite]').textContent !== ''")
    page.focus(f"{BOX} .tl-reset")
    page.keyboard.press("Enter")
    after = page.evaluate(STATE_JS)
    assert {**after, "example": None} == {**start, "example": None}, "Reset did not give back the start"
    page.select_option(f"{BOX} select", str(start["example"]))
    assert page.evaluate(STATE_JS) == start


def test_axe_finds_nothing_in_either_scheme_and_it_fits_a_phone(open_page):
    for scheme, viewport in (("light", DESKTOP), ("dark", DESKTOP), ("light", PHONE), ("dark", PHONE)):
        page = open_page(scheme, viewport)
        press_step(page, 3)
        check_axe_and_width(page, BOX, f"{scheme} at {viewport['width']} px")


def test_without_javascript_only_the_static_figures_show(open_page):
    page = open_page(javascript=False)
    assert not page.locator(BOX).is_visible()
    for name in ("loop-one-step", "loop-training"):
        assert page.locator(f"img[src*='{name}-light']").first.is_visible()
