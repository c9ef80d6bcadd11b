"""Three ways to take a step downhill: plain gradient descent, momentum and Adam.

Each is a small class with one method, step(knobs, slopes): it moves every knob (a numpy
array, changed in place) using its slope. Plain gradient descent looks only at the slope
under its feet. Momentum also remembers the steps it took before, like a rolling ball.
Adam gives every knob its own step size, scaled by how big that knob's slopes have
recently been. walk() uses them on a landscape such as descent.valley; train() uses
them on a network.

Needs network.py, datasets.py and descent.py (and what they need); the last two only for
the demo at the bottom.
"""

import math

import numpy as np

from datasets import two_moons
from descent import valley, valley_slope
from network import Network


def _check_number(value, name, low, high, low_allowed, high_allowed):
    if isinstance(value, bool) or not isinstance(value, (int, float, np.number)):
        raise TypeError(f"{name} must be a number, got {value!r}")
    value = float(value)
    above = value >= low if low_allowed else value > low
    below = value <= high if high_allowed else value < high
    if not (math.isfinite(value) and above and below):
        left, right = "[" if low_allowed else "(", "]" if high_allowed else ")"
        raise ValueError(f"{name} must lie in {left}{low:g}, {high:g}{right}, got {value!r}")
    return value


def _check_rate(learning_rate):
    return _check_number(learning_rate, "learning_rate", 0.0, math.inf, False, False)


def _check_keep(keep, name):
    # 1 would never forget anything (the store nobody empties); 0 forgets at once.
    return _check_number(keep, name, 0.0, 1.0, True, False)


class GradientDescent:
    """Plain gradient descent: every knob moves against its slope, times the rate."""

    def __init__(self, learning_rate):
        self.learning_rate = _check_rate(learning_rate)
        self._shapes = None  # the knobs' shapes, fixed by the first step

    def __repr__(self):
        return f"{type(self).__name__}(learning_rate={self.learning_rate:g})"

    def _check(self, knobs, slopes):
        """Checks that knobs and slopes are lists of arrays of matching shapes, the same
        shapes at every step (an optimizer remembers things per knob)."""
        for what, arrays in (("knobs", knobs), ("slopes", slopes)):
            if isinstance(arrays, np.ndarray) or not isinstance(arrays, (list, tuple)):
                raise TypeError(
                    f"{what} must be a list of numpy arrays (one per knob array, such as "
                    f"network.parameters()), got {type(arrays).__name__}"
                )
        if len(knobs) != len(slopes):
            raise ValueError(
                f"got {len(knobs)} knob arrays but {len(slopes)} slope arrays: give one "
                "slope array per knob array"
            )
        for position, (knob, slope) in enumerate(zip(knobs, slopes)):
            if not isinstance(knob, np.ndarray) or knob.dtype.kind != "f":
                raise TypeError(
                    f"knob {position} must be a numpy array of floats (it is changed in "
                    f"place), got {type(knob).__name__}"
                )
            if np.shape(slope) != knob.shape:
                raise ValueError(
                    f"slope {position} has shape {np.shape(slope)}, but its knob has "
                    f"shape {knob.shape}"
                )
        shapes = [knob.shape for knob in knobs]
        if self._shapes is None:
            self._shapes = shapes
        elif shapes != self._shapes:
            raise ValueError(
                f"this optimizer first stepped knobs of shapes {self._shapes}, now got "
                f"{shapes}: use a new optimizer for new knobs"
            )

    def step(self, knobs, slopes):
        """Moves each knob (changed in place) one step downhill."""
        self._check(knobs, slopes)
        for knob, slope in zip(knobs, slopes):
            knob -= self.learning_rate * np.asarray(slope, dtype=float)


class Momentum(GradientDescent):
    """Gradient descent with a memory: a ball that keeps rolling.

    Each knob keeps a running total of its recent slopes, `memory`. At every step the
    memory first fades (times keep, 0.9 by default: a slope still counts for a third
    after 10 steps), then the new slope is added, and the knob moves by the rate times
    the memory. Slopes that keep pointing the same way pile up (the ball speeds up,
    up to 1 / (1 - keep) = 10 times); slopes that flip back and forth cancel out.
    """

    def __init__(self, learning_rate, keep=0.9):
        super().__init__(learning_rate)
        self.keep = _check_keep(keep, "keep")
        self.memory = None

    def __repr__(self):
        return f"Momentum(learning_rate={self.learning_rate:g}, keep={self.keep:g})"

    def step(self, knobs, slopes):
        self._check(knobs, slopes)
        if self.memory is None:
            self.memory = [np.zeros_like(knob) for knob in knobs]
        for knob, slope, memory in zip(knobs, slopes, self.memory):
            memory *= self.keep
            memory += slope
            knob -= self.learning_rate * memory


class Adam(GradientDescent):
    """Adam: every knob gets its own step size.

    Each knob keeps two fading averages: of its slopes (the direction, as momentum
    does, keep_slope = 0.9) and of its squared slopes (how big its slopes have been,
    keep_size = 0.999). It moves by the rate times the first divided by the square root
    of the second. So a knob with steep slopes and one with gentle slopes both move by
    about the learning rate per step: the rate is a step size in knob units, not a
    multiplier of the slope. `tiny` keeps a knob whose slopes are all 0 from dividing by
    0. Both averages start at 0, which would make the first steps too small; dividing by
    (1 - keep ** steps) corrects for that.
    """

    def __init__(self, learning_rate=0.001, keep_slope=0.9, keep_size=0.999, tiny=1e-8):
        super().__init__(learning_rate)
        self.keep_slope = _check_keep(keep_slope, "keep_slope")
        self.keep_size = _check_keep(keep_size, "keep_size")
        self.tiny = _check_number(tiny, "tiny", 0.0, math.inf, True, False)
        self.steps = 0
        self.average_slope = self.average_square = None

    def __repr__(self):
        return (
            f"Adam(learning_rate={self.learning_rate:g}, keep_slope={self.keep_slope:g}, "
            f"keep_size={self.keep_size:g})"
        )

    def step(self, knobs, slopes):
        self._check(knobs, slopes)
        if self.average_slope is None:
            self.average_slope = [np.zeros_like(knob) for knob in knobs]
            self.average_square = [np.zeros_like(knob) for knob in knobs]
        self.steps += 1
        # How much of each average is still the 0 it started from, corrected away.
        slope_share = 1.0 - self.keep_slope**self.steps
        size_share = 1.0 - self.keep_size**self.steps
        for knob, slope, average, square in zip(
            knobs, slopes, self.average_slope, self.average_square
        ):
            average *= self.keep_slope
            average += (1.0 - self.keep_slope) * slope
            square *= self.keep_size
            square += (1.0 - self.keep_size) * np.square(slope)
            typical_size = np.sqrt(square / size_share)
            knob -= self.learning_rate * (average / slope_share) / (typical_size + self.tiny)


OPTIMIZERS = {"plain": GradientDescent, "momentum": Momentum, "adam": Adam}


def make_optimizer(name, learning_rate, **settings):
    """A fresh optimizer by name: "plain", "momentum" or "adam"."""
    if name not in OPTIMIZERS:
        expected = ", ".join(repr(known) for known in OPTIMIZERS)
        raise ValueError(f"unknown optimizer {name!r}: expected one of {expected}")
    return OPTIMIZERS[name](learning_rate, **settings)


def _check_count(value, name):
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be a whole number, got {value!r}")
    if value < 0:
        raise ValueError(f"{name} must be 0 or more, got {value}")
    return int(value)


def _check_optimizer(optimizer):
    if not isinstance(optimizer, GradientDescent):
        raise TypeError(
            "optimizer must be GradientDescent, Momentum or Adam (make_optimizer gives "
            f"one), got {type(optimizer).__name__}"
        )


def walk(optimizer, slope, start, steps):
    """Takes `steps` steps on a landscape; returns every point visited.

    slope(point) gives the gradient at a point (as descent.valley_slope does). The path
    has shape (steps + 1, number of coordinates) and starts at start. If a point stops
    being finite (the steps grew without limit), the walk ends at the last finite one.
    """
    _check_optimizer(optimizer)
    steps = _check_count(steps, "steps")
    point = np.array(start, dtype=float)
    if point.ndim != 1 or point.size == 0 or not np.all(np.isfinite(point)):
        raise ValueError(f"start must be a list of finite numbers like [-2.5, 1.5], got {start!r}")
    path = [point.copy()]
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            optimizer.step([point], [np.asarray(slope(point), dtype=float)])
            if not np.all(np.isfinite(point)):
                break
            path.append(point.copy())
    return np.array(path)


def train(network, inputs, targets, optimizer, epochs, loss="cross_entropy", stop_below=None):
    """Trains network in place for `epochs` full-batch steps; returns the losses.

    losses[k] is the loss after k steps (losses[0] before training). Training stops
    early, with that loss as the last entry, once the loss is below stop_below (if
    given) or stops being finite.
    """
    if not isinstance(network, Network):
        raise TypeError(f"network must be a Network, got {type(network).__name__}")
    _check_optimizer(optimizer)
    epochs = _check_count(epochs, "epochs")
    if stop_below is not None:
        stop_below = _check_number(stop_below, "stop_below", 0.0, math.inf, False, False)
    losses = []
    with np.errstate(over="ignore", invalid="ignore"):
        for epoch in range(epochs + 1):
            value, weight_slopes, bias_slopes = network.gradients(inputs, targets, loss)
            losses.append(value)
            if epoch == epochs or not math.isfinite(value):
                break
            if stop_below is not None and value < stop_below:
                break
            # parameters() lists [W0, b0, W1, b1, ...]: the slopes go in the same order.
            slopes = [s for pair in zip(weight_slopes, bias_slopes) for s in pair]
            optimizer.step(network.parameters(), slopes)
    return np.array(losses)


def steps_to_reach(errors, level):
    """The first step at which errors is below level, or None if it never gets there."""
    below = np.nonzero(np.asarray(errors) < level)[0]
    return int(below[0]) if below.size else None


if __name__ == "__main__":
    for name, rate in (("plain", 0.005), ("momentum", 0.005), ("adam", 0.1)):
        path = walk(make_optimizer(name, rate), valley_slope, [-2.5, 1.5], 400)
        errors = valley(path.T)
        print(
            f"valley, {name:8} rate {rate:<5g}: error below 0.01 after "
            f"{steps_to_reach(errors, 0.01)} steps"
        )
    inputs, targets = two_moons()
    for name, rate in (("plain", 1.0), ("momentum", 0.1), ("adam", 0.01)):
        network = Network([2, 16, 16, 1], ["tanh", "tanh", "sigmoid"], seed=0)
        losses = train(network, inputs, targets, make_optimizer(name, rate), 1000)
        print(
            f"two moons, {name:8} rate {rate:<5g}: error below 0.05 after "
            f"{steps_to_reach(losses, 0.05)} epochs"
        )
