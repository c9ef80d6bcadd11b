"""Every number the site shows is the same on every CPU.

numpy picks a SIMD code path per CPU (AVX-512, AVX2, a baseline, ARM's) and OpenBLAS a kernel,
so the last bits of exp, tanh and matrix products differ from machine to machine. A shown
number must never depend on them. This runs tests/shown_everywhere.py (every page filled in,
every notebook's printed output) under the code paths this machine can take, and demands the
very same text from each.

The data an interactive figure computes from (the JSON a page hands its widget) is the one
exception: trained weights differ in their last bits from CPU to CPU, and the widget shows only
numbers rounded far above that. There each number must agree to WIDGET_DATA_RELATIVE, or to the
looser bound a widget's data names for itself under "same_everywhere_within" (its results module
says why, and its browser test that what it shows holds within it), and all the text around it
exactly.
"""

import difflib
import json
import math
import os
import platform
import subprocess
import sys

import pytest
from numpy._core import _multiarray_umath

from conftest import ROOT
from shown_everywhere import split_widget_data

WIDGET_DATA_RELATIVE = 1e-9


def dispatch_targets():
    """The SIMD targets numpy was built for that this CPU can run, from the oldest up."""
    features = _multiarray_umath.__cpu_features__
    return [target for target in _multiarray_umath.__cpu_dispatch__ if features.get(target)]


def other_openblas_kernel():
    # A kernel every CPU of the family can run, and rarely the one OpenBLAS picks by itself.
    return {"x86_64": "Prescott", "AMD64": "Prescott", "aarch64": "ARMV8", "arm64": "ARMV8"}.get(platform.machine())


def variants():
    targets = dispatch_targets()
    found = {}
    if targets:
        found["numpy baseline (no SIMD dispatch)"] = {"NPY_DISABLE_CPU_FEATURES": " ".join(targets)}
    if len(targets) > 1:
        found[f"numpy without {targets[-1]}"] = {"NPY_DISABLE_CPU_FEATURES": targets[-1]}
        found[f"numpy only up to {targets[0]}"] = {"NPY_DISABLE_CPU_FEATURES": " ".join(targets[1:])}
    if other_openblas_kernel():
        found[f"OpenBLAS kernel {other_openblas_kernel()}"] = {"OPENBLAS_CORETYPE": other_openblas_kernel()}
    return found


def shown(extra_env):
    env = {key: value for key, value in os.environ.items() if key not in ("NPY_DISABLE_CPU_FEATURES",)}
    env.update(extra_env)
    result = subprocess.run([sys.executable, str(ROOT / "tests" / "shown_everywhere.py")], env=env,
                            capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert result.returncode == 0, f"{extra_env}: {result.stderr[-3000:]}"
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def reference():
    return shown({})


def data_differences(reference, other, where="data", within=WIDGET_DATA_RELATIVE):
    """Where two parsed widget data differ: a float by more than `within` (relative), anything else at all."""
    if isinstance(reference, dict) and "same_everywhere_within" in reference:
        within = reference["same_everywhere_within"]
    if isinstance(reference, float) and isinstance(other, float):
        near = math.isclose(reference, other, rel_tol=within, abs_tol=1e-300)
        return [] if near else [f"{where}: {reference!r} here, {other!r} there"]
    if isinstance(reference, list) and isinstance(other, list) and len(reference) == len(other):
        return [found for k, (a, b) in enumerate(zip(reference, other))
                for found in data_differences(a, b, f"{where}[{k}]", within)]
    if isinstance(reference, dict) and isinstance(other, dict) and reference.keys() == other.keys():
        return [found for key in reference
                for found in data_differences(reference[key], other[key], f"{where}.{key}", within)]
    same = reference == other and type(reference) is type(other)
    return [] if same else [f"{where}: {reference!r} here, {other!r} there"]


def test_widget_data_differences_are_found():
    assert data_differences({"w": [1.0, 2.0]}, {"w": [1.0, 2.0 * (1 + 1e-12)]}) == []
    assert data_differences({"w": [1.0, 2.0]}, {"w": [1.0, 2.001]}) == ["data.w[1]: 2.0 here, 2.001 there"]
    assert data_differences({"n": 3}, {"n": 4}) and data_differences([1.0], [1.0, 2.0])
    loose = {"same_everywhere_within": 1e-2, "w": [2.0]}
    assert data_differences(loose, {**loose, "w": [2.001]}) == [] and data_differences(loose, {**loose, "w": [2.1]})
    text, data = split_widget_data('a <script type="application/json" id="x-data">{"w":[0.5]}</script> b')
    assert text == 'a <script type="application/json" id="x-data">(data)</script> b' and data == [{"w": [0.5]}]


def test_there_is_another_code_path_to_compare_with():
    assert variants(), f"no other code path found on {platform.machine()}: nothing would be compared"


@pytest.mark.parametrize("name", sorted(variants()))
def test_every_shown_number_is_the_same(reference, name):
    other = shown(variants()[name])
    for kind in ("pages", "notebooks"):
        assert other[kind].keys() == reference[kind].keys()
        for page, shown_here in reference[kind].items():
            text, data = split_widget_data(shown_here)
            other_text, other_data = split_widget_data(other[kind][page])
            differences = data_differences(data, other_data)
            assert not differences, f"{page}: a widget's data differs under {name}: {differences[:5]}"
            if other_text != text:
                diff = "\n".join(difflib.unified_diff(text.splitlines(), other_text.splitlines(),
                                                      "this machine's default", name, lineterm="", n=1))
                pytest.fail(f"{page} shows other numbers under {name}:\n{diff}")
