"""Every number the site shows is the same on every CPU.

numpy picks a SIMD code path per CPU (AVX-512, AVX2, a baseline, ARM's) and OpenBLAS a kernel,
so the last bits of exp, tanh and matrix products differ from machine to machine. A shown
number must never depend on them. This runs tests/shown_everywhere.py (every page filled in,
every notebook's printed output) under the code paths this machine can take, and demands the
very same text from each.
"""

import difflib
import json
import os
import platform
import subprocess
import sys

import pytest
from numpy._core import _multiarray_umath

from conftest import ROOT


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


def test_there_is_another_code_path_to_compare_with():
    assert variants(), f"no other code path found on {platform.machine()}: nothing would be compared"


@pytest.mark.parametrize("name", sorted(variants()))
def test_every_shown_number_is_the_same(reference, name):
    other = shown(variants()[name])
    for kind in ("pages", "notebooks"):
        assert other[kind].keys() == reference[kind].keys()
        for page, text in reference[kind].items():
            if other[kind][page] != text:
                diff = "\n".join(difflib.unified_diff(text.splitlines(), other[kind][page].splitlines(),
                                                      "this machine's default", name, lineterm="", n=1))
                pytest.fail(f"{page} shows other numbers under {name}:\n{diff}")
