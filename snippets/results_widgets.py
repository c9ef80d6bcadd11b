"""The data of the site's interactive widgets, computed from the reference implementation.

The slope page's widget "Nudge one knob" redoes the running example's forward and backward
passes in the reader's browser. It needs the starting knobs, the four XOR examples and the
slider's range; this module hands them over as JSON, at full precision, so that the browser
starts from exactly the numbers snippets/ uses.
"""

import json
from functools import cache

import results_derivatives
import running_example
import walkthrough

# The slider moves a knob this far either side of its start, as the slope page's figure does.
NUDGE_SPAN = 6.0
NUDGE_STEP = 0.05  # one press of an arrow key
NUDGE_CHART_POINTS = 121  # where the chart measures the error across the slider's range


def knob_places():
    """Where each knob of walkthrough.parameter_names() lives: ("w" or "b", layer, index...)."""
    hidden = [("w", 0, i, h) for h in range(2) for i in range(2)]
    return hidden + [("b", 0, 0), ("b", 0, 1), ("w", 1, 0, 0), ("w", 1, 1, 0), ("b", 1, 0)]


def knob_value(network, place):
    kind, layer, *index = place
    arrays = network.weights if kind == "w" else network.biases
    return float(arrays[layer][tuple(index)])


def set_knob(network, place, value):
    """Set one knob of network in place (the place as knob_places() gives it)."""
    kind, layer, *index = place
    arrays = network.weights if kind == "w" else network.biases
    arrays[layer][tuple(index)] = value


@cache
def nudge_data():
    """The widget's data as a dict: knob names, places and start values, examples, slider."""
    network = running_example.make_network()
    inputs, targets = running_example.data()
    places = knob_places()
    return {
        "names": walkthrough.parameter_names(),
        "places": [list(place) for place in places],
        "start": [knob_value(network, place) for place in places],
        "inputs": inputs.tolist(),
        "targets": targets[:, 0].tolist(),
        "span": NUDGE_SPAN,
        "step": NUDGE_STEP,
        "points": NUDGE_CHART_POINTS,
    }


def data_element(widget, data):
    """The HTML a widget's page includes: its data as JSON in a script element the widget reads
    (json writes every float as repr does, so the browser reads back the very same float64)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f'<script type="application/json" id="{widget}-data">{text}</script>'


def nudge_element():
    return data_element("nudge-knob", nudge_data())


# --- "Walk downhill" on the descent page: chapter 1's valley x**2 + 10 y**2 ----------------

WALK_RATE_LOW = 0.001  # the slider's range of learning rates, spanning the page's four
WALK_RATE_HIGH = 0.12
WALK_RATE_STEP = 0.001
WALK_EVERY_MS = 100  # Run takes one step this often
WALK_MAP = {"x": [-3.0, 3.0], "y": [-2.0, 2.0]}  # the contour map's extent
WALK_LEVELS = [0.25, 1.0, 2.5, 5.0, 10.0, 20.0, 40.0]  # heights of the contour lines


def walk_shrink(rate, weights=(1.0, 10.0)):
    """How much one step at this rate shrinks the walk's distance to the bottom, in its slowest
    direction: a step multiplies x by 1 - 2 rate and y by 1 - 20 rate (valley_slope is (2x, 20y))."""
    return max(abs(1.0 - 2.0 * weight * rate) for weight in weights)


def walk_regimes():
    """[(name, lowest rate)], by the descent page's own test: a rate is too small when twice
    as large would shrink the walk faster per step, too large when half as large would, and far
    too large when the walk no longer shrinks across the valley (y's factor 1 - 20 rate at -1 or
    below: at 2/20 itself it bounces between the same two walls for ever).

    Below 1/11 the slow direction is along the floor (x); twice the rate beats it while
    1 - 4 rate and 40 rate - 1 both stay under 1 - 2 rate, that is up to 1/21. Above 1/11 the
    zig-zag across (y) is slowest, and half the rate (1 - rate along) beats 20 rate - 1 from
    2/21 on. tests/test_widget_walk.py checks these edges against walk_shrink."""
    return [("too small", 0.0), ("good", 1.0 / 21.0), ("too large", 2.0 / 21.0), ("far too large", 2.0 / 20.0)]


@cache
def walk_data():
    """The walk's data as a dict: start, valley constants, steps, named rates, regimes."""
    named = [[label, rate] for label, rate in results_derivatives.LEARNING_RATES]
    regimes = walk_regimes()
    for label, rate in named:  # each of the page's rates lies in the regime it is named for
        assert [name for name, low in regimes if rate > low][-1] == label, (label, rate)
    return {
        "start": list(results_derivatives.VALLEY_START),
        "weights": [1.0, 10.0],  # valley(x, y) = 1 x**2 + 10 y**2, slope (2x, 20y)
        "steps": results_derivatives.VALLEY_STEPS,
        "rates": named,
        "regimes": [[name, low] for name, low in regimes],
        "low": WALK_RATE_LOW,
        "high": WALK_RATE_HIGH,
        "step": WALK_RATE_STEP,
        "every": WALK_EVERY_MS,
        "map": WALK_MAP,
        "levels": WALK_LEVELS,
    }


def walk_element():
    return data_element("walk-downhill", walk_data())


def facts():
    return {"widgets.nudge_data": nudge_element(), "widgets.walk_data": walk_element()}


if __name__ == "__main__":
    print(json.dumps(nudge_data(), ensure_ascii=False, indent=1))
    print(json.dumps(walk_data(), ensure_ascii=False, indent=1))
