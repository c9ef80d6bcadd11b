"""The data of chapter 3's widget "One training step, then many" (docs/js/training-loop.js).

The widget trains the running example in the reader's browser: it redoes network.py's forward
and backward passes and training.py's update in float64, in the same order, from the start
knobs, the four XOR examples, the rate and the step count handed over here as JSON at full
precision. Its map of the network's answer uses the grid of the page's static maps
(results_loop.output_map), and its error chart the static figure's error range.
"""

import json
from functools import cache

import running_example
import walkthrough
from results_loop import output_map, training_run
from results_widgets import data_element, knob_places, knob_value

# Play takes this many whole steps per frame: the 2,000 steps take about 11 seconds at 60 frames,
# so the long flat start lasts long enough to see.
TRAINING_PER_FRAME = 3
# The error chart's top, as in the page's static "loop-training" figure.
TRAINING_ERROR_TOP = 0.3


@cache
def training_data():
    """The widget's data as a dict: the knobs' names and start values (in knob_places() order), the
    examples, the rate, the number of steps and the map's grid."""
    network = running_example.make_network()
    inputs, targets = running_example.data()
    x, _, _ = output_map(network.weights, network.biases)
    # The chart's fixed range must hold the whole run, as the static figure's does.
    assert max(training_run().losses) < TRAINING_ERROR_TOP
    return {
        "names": walkthrough.parameter_names(),
        "start": [knob_value(network, place) for place in knob_places()],
        "inputs": inputs.tolist(),
        "targets": targets[:, 0].tolist(),
        "example": walkthrough.example_index({"inputs": inputs}),  # (1, 0), as the one-step figure
        "rate": running_example.LEARNING_RATE,
        "steps": running_example.EPOCHS,
        "grid": x[0].tolist(),  # the map's points along each input, from -0.25 to 1.25
        "per_frame": TRAINING_PER_FRAME,
        "error_top": TRAINING_ERROR_TOP,
    }


def training_element():
    return data_element("training-loop", training_data())


def facts():
    return {"widgets.training_data": training_element()}


if __name__ == "__main__":
    print(json.dumps(training_data(), ensure_ascii=False, indent=1))
