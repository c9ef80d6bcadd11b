"""The data of the site's interactive widgets, computed from the reference implementation.

The slope page's widget "Nudge one knob" redoes the running example's forward and backward
passes in the reader's browser. It needs the starting knobs, the four XOR examples and the
slider's range; this module hands them over as JSON, at full precision, so that the browser
starts from exactly the numbers snippets/ uses.
"""

import json
from functools import cache

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


def nudge_element():
    """The HTML the page includes: the data as JSON (json writes every float as repr does,
    so the browser reads back the very same float64)."""
    text = json.dumps(nudge_data(), ensure_ascii=False, separators=(",", ":"))
    return f'<script type="application/json" id="nudge-knob-data">{text}</script>'


def facts():
    return {"widgets.nudge_data": nudge_element()}


if __name__ == "__main__":
    print(json.dumps(nudge_data(), ensure_ascii=False, indent=1))
