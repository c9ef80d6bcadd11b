"""Gradient descent on its own, away from any network: walk downhill on a curve (one
number to choose) or on a valley (two numbers), one step at a time.
"""

import numpy as np


def curve(x):
    """A bumpy curve: its lowest point is near x = -1.48, with a shallower dip near x =
    1.33.

    Works on a single number or on a whole array of x values (handy for plotting).
    """
    x = np.asarray(x, dtype=float)
    return 0.25 * x**4 - x**2 + 0.3 * x + 1.5


def curve_slope(x):
    """The slope of curve at x: positive where the curve rises, negative where it
    falls."""
    x = np.asarray(x, dtype=float)
    return x**3 - 2.0 * x + 0.3


def _coordinates(point):
    point = np.asarray(point, dtype=float)
    if point.ndim == 0 or point.shape[0] != 2:
        raise ValueError(
            "point must hold 2 coordinates (x, y) along its first axis: shape (2,) "
            f"for one point or (2, ...) for a grid, got shape {point.shape}"
        )
    return point[0], point[1]


def valley(point):
    """A long, narrow bowl, x**2 + 10 * y**2, lowest (0) at (0, 0).

    It is 10 times steeper across y than along x. point is (x, y), or, for a contour
    plot, a grid: valley(np.array([X, Y])) with X, Y from np.meshgrid gives the height
    at every grid point, shaped like X.
    """
    x, y = _coordinates(point)
    return x**2 + 10.0 * y**2


def valley_slope(point):
    """The gradient of valley at point: the array (d/dx, d/dy) = (2x, 20y)."""
    x, y = _coordinates(point)
    return np.array([2.0 * x, 20.0 * y])


def _check_start(start):
    point = np.atleast_1d(np.asarray(start, dtype=float))
    if point.ndim != 1 or point.size not in (1, 2):
        raise ValueError(
            "start must be a number or a sequence of 2 numbers, got shape "
            f"{np.shape(start)}"
        )
    if not np.all(np.isfinite(point)):
        raise ValueError(f"start must be finite, got {start}")
    return point


def _check_rate_and_steps(learning_rate, steps):
    if isinstance(learning_rate, bool) or not isinstance(
        learning_rate, (int, float, np.number)
    ):
        raise TypeError(f"learning_rate must be a number, got {learning_rate!r}")
    if not (np.isfinite(learning_rate) and learning_rate > 0):
        raise ValueError(
            f"learning_rate must be a positive, finite number, got {learning_rate}"
        )
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)):
        raise TypeError(f"steps must be a whole number, got {steps!r}")
    if steps < 0:
        raise ValueError(f"steps must be 0 or more, got {steps}")


def descend(slope, start, learning_rate, steps):
    """Takes `steps` steps of gradient descent from start; returns every point visited.

    start is a number (a walk along a curve) or a sequence of 2 numbers (a walk in a
    valley); slope(point) gives the slope there (a number, or an array of 2). The path
    has shape (steps + 1, 1) or (steps + 1, 2), starting with start. If a step lands on
    an infinite or NaN point (the learning rate is far too large), the walk stops and
    the path ends with the last finite point, so it is shorter than steps + 1.
    """
    point = _check_start(start)
    _check_rate_and_steps(learning_rate, steps)
    one_dimensional = np.ndim(start) == 0  # then slope is given a number, not an array

    path = [point]
    # A walk that runs away overflows to infinity; that is a result to show, not a
    # warning.
    with np.errstate(over="ignore", invalid="ignore"):
        for _ in range(steps):
            gradient = np.asarray(
                slope(point[0] if one_dimensional else point), dtype=float
            )
            if gradient.size != point.size:
                raise ValueError(
                    f"slope returned {gradient.size} numbers at a point with "
                    f"{point.size} coordinates; it should return one per coordinate"
                )
            point = point - learning_rate * gradient.reshape(point.shape)
            if not np.all(np.isfinite(point)):
                break
            path.append(point)
    return np.array(path)


if __name__ == "__main__":
    for start in (2.0, -2.5):
        end = descend(curve_slope, start, 0.05, 100)[-1, 0]
        print(f"curve from x={start}: settles at x={end:.3f}, height {curve(end):.3f}")
    for rate in (0.01, 0.09, 0.11, 0.5):
        path = descend(valley_slope, [2.0, 1.0], rate, 400)
        distance = np.hypot(*path[-1])  # from the bottom at (0, 0)
        print(
            f"valley, learning rate {rate}: {len(path) - 1} steps, ends {distance:.3g} "
            "from the bottom"
        )
