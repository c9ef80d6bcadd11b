"""Print the speed figures the project promises (a report, not a test).

    python benchmarks/speed.py            # everything
    python benchmarks/speed.py backprop   # only 4.

1. Cold `mkdocs build --strict` (no figure cache), in a scratch copy of the project.
2. Rebuild under `mkdocs serve` after one page changes, and after one snippet changes (as
   reported by mkdocs, and as seen from the moment the file is saved).
3. Training speed of the reference network (2-8-1 sigmoid, full batch, 200-point two moons)
   in microseconds per epoch, as a ratio against a minimal hand-fused numpy loop for the same
   network, measured in the same run.
4. What one forward and one backward pass take on this machine, in forward passes of the same
   network, for the networks of snippets/cost.py, next to the multiply-add count the pages
   quote. The pages count work instead of timing it, since times differ from machine to
   machine; this shows how the two compare here (a small network adds a fixed cost per numpy
   call, which a count of multiply-adds leaves out).

Targets: cold build under 20 s; rebuild under 2 s after a page edit and under 5 s after a
snippet edit; ratio at most 1.5.
"""

import os
import queue
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "snippets"))

import cost  # noqa: E402
from datasets import two_moons  # noqa: E402
from losses import get_loss  # noqa: E402
from network import Network  # noqa: E402
from training import train  # noqa: E402

PROJECT_PARTS = ["docs", "snippets", "hooks", "mkdocs.yml"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def scratch_copy() -> Path:
    """A copy of what the build reads, so the benchmark never touches the working tree or its cache."""
    folder = Path(tempfile.mkdtemp(prefix="speed-"))
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, folder / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, folder / part)
    return folder


def cold_build_seconds(project: Path) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(project / "site")],
        cwd=project, env=ENV, check=True,
    )
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# A page edit, then an edit of one chapter's experiments (its figures and facts are redone).
EDITS = (("docs/index.md", "\nOne more sentence.\n"), ("snippets/classic_bugs.py", "\n# One more comment.\n"))


def rebuild_seconds(project: Path, edits=EDITS, timeout=120.0) -> list[tuple[float, float]]:
    """For each edit: (mkdocs' own build time, seconds from saving the file to the end of the build)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload",
         "-a", f"127.0.0.1:{free_port()}"],
        cwd=project, env=ENV, stderr=subprocess.STDOUT, stdout=subprocess.PIPE, text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout], daemon=True).start()

    def wait_for(pattern: str) -> re.Match:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=1)
            except queue.Empty:
                continue
            if match := re.search(pattern, line):
                return match
        raise TimeoutError(f"mkdocs serve never printed {pattern!r}")

    try:
        wait_for(r"Serving on")
        times = []
        for name, added in edits:
            time.sleep(1.0)  # let the file watcher settle
            path = project / name
            saved = time.perf_counter()
            path.write_text(path.read_text(encoding="utf-8") + added, encoding="utf-8")
            reported = float(wait_for(r"Documentation built in ([0-9.]+) seconds")[1])
            times.append((reported, time.perf_counter() - saved))
        return times
    finally:
        server.terminate()
        server.wait(timeout=30)


def fused_training(inputs, targets, weights, biases, learning_rate, epochs):
    """The same 2-8-1 sigmoid network and mean squared error, written as one flat loop."""
    w1, w2 = (w.copy() for w in weights)
    b1, b2 = (b.copy() for b in biases)
    losses = np.empty(epochs)
    scale = 2.0 / targets.size
    for epoch in range(epochs):
        a1 = 1.0 / (1.0 + np.exp(-(inputs @ w1 + b1)))
        a2 = 1.0 / (1.0 + np.exp(-(a1 @ w2 + b2)))
        error = a2 - targets
        losses[epoch] = np.mean(error * error)
        blame2 = scale * error * a2 * (1.0 - a2)
        blame1 = (blame2 @ w2.T) * a1 * (1.0 - a1)
        w2 -= learning_rate * (a1.T @ blame2)
        b2 -= learning_rate * blame2.sum(axis=0)
        w1 -= learning_rate * (inputs.T @ blame1)
        b1 -= learning_rate * blame1.sum(axis=0)
    return losses, (w1, w2), (b1, b2)


def best_of_interleaved(repeats, *runs) -> list[float]:
    """The fastest of `repeats` timings of each run, taking turns so that both see the same load."""
    best = [float("inf")] * len(runs)
    for _ in range(repeats):
        for index, run in enumerate(runs):
            start = time.perf_counter()
            run()
            best[index] = min(best[index], time.perf_counter() - start)
    return best


def training_speed(epochs=1000, repeats=15, learning_rate=1.0):
    inputs, targets = two_moons(200, seed=0)
    template = Network([2, 8, 1], "sigmoid", seed=0)

    # Same start, same arithmetic: both must end with the same weights (checked, then timed).
    reference = template.copy()
    history = train(reference, inputs, targets, learning_rate, epochs)
    _, fused_weights, _ = fused_training(inputs, targets, template.weights, template.biases, learning_rate, epochs)
    assert np.allclose(reference.weights[0], fused_weights[0], rtol=1e-9, atol=1e-12), "the two loops disagree"

    reference_seconds, fused_seconds = best_of_interleaved(
        repeats,
        lambda: train(template.copy(), inputs, targets, learning_rate, epochs),
        lambda: fused_training(inputs, targets, template.weights, template.biases, learning_rate, epochs),
    )
    return reference_seconds / epochs * 1e6, fused_seconds / epochs * 1e6, history.losses[-1]


def backprop_in_forward_passes(widths=cost.WIDTHS, repeats=20):
    """[(knobs, timed, counted)]: one forward and one backward pass, in forward passes of the same
    network, as timed here (the fastest of `repeats`, taken in turns) and as counted in multiply-adds."""
    inputs, targets = two_moons(cost.N_EXAMPLES, seed=0)
    loss_function, loss_slope = get_loss("mse")
    rows = []
    for width in widths:
        network = cost.network_of_width(width)

        def forward_only(network=network):
            return loss_function(network._forward(inputs), targets)

        def forward_and_backward(network=network):
            outputs = network._forward(inputs)
            network._backward(loss_slope(outputs, targets))
            return loss_function(outputs, targets)

        forward_seconds, both_seconds = best_of_interleaved(repeats, forward_only, forward_and_backward)
        forward, backward = cost.multiply_adds(network, cost.N_EXAMPLES)
        rows.append((cost.count_parameters(network), both_seconds / forward_seconds, (forward + backward) / forward))
    return rows


def print_backprop_in_forward_passes():
    print(f"one forward + one backward pass, in forward passes of the same network ({cost.N_EXAMPLES} examples):")
    for knobs, timed, counted in backprop_in_forward_passes():
        print(f"  {knobs:>6,} knobs: timed {timed:5.2f}, counted in multiply-adds {counted:4.2f}")


def main():
    print_backprop_in_forward_passes()
    if sys.argv[1:] == ["backprop"]:
        return
    reference_us, fused_us, final_loss = training_speed()
    print(f"training, 2-8-1 sigmoid on 200 two-moons points (final loss {final_loss:.4f}):")
    print(f"  reference train():     {reference_us:7.1f} µs per epoch")
    print(f"  hand-fused numpy loop: {fused_us:7.1f} µs per epoch")
    print(f"  ratio:                 {reference_us / fused_us:7.2f}   (target: at most 1.5)")

    project = scratch_copy()
    try:
        cold = cold_build_seconds(project)
        print(f"cold `mkdocs build --strict` (figures drawn): {cold:5.1f} s   (target: under 20 s)")
        targets = (2, 5)
        for (name, _), (reported, seen), target in zip(EDITS, rebuild_seconds(project), targets):
            print(f"rebuild under `mkdocs serve` after editing {name}: {reported:.2f} s reported by mkdocs, "
                  f"{seen:.2f} s from save to built   (target: under {target} s)")
    finally:
        shutil.rmtree(project, ignore_errors=True)


if __name__ == "__main__":
    main()
