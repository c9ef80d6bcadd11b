"""How smoothly each interactive figure follows what moves it, and what each weighs (a report,
not a test): "Nudge one knob" (slope page) its slider, "Walk downhill" (descent page) its steps,
"One training step, then many" (chapter 3) its Play, "Swap the bend" (flat-ends page) a new
activation every frame.

    python benchmarks/widget_fps.py              # builds the site into a temporary folder
    SITE_DIR=path/to/site python benchmarks/widget_fps.py

Opens derivatives/slope/ in Debian's Chromium (as in tests/test_browser.py), moves the slider
one step every animation frame for 3 seconds and prints the frames per second it kept. Then
prints the widget's extra bytes as a static host sends them, gzipped at level 6: its script and
its data (the JSON the build puts in the page). Exits with 0 when it keeps at least 50 frames a
second and weighs at most 60 kB, 1 otherwise. The same for the other widgets (all must pass).
"""

import gzip
import os
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import LocalServer, chromium_problem, launch  # noqa: E402
from page_weight import build  # noqa: E402

PAGE = "derivatives/slope/"
SECONDS = 3
FPS_TARGET = 50
BYTES_BUDGET = 60 * 1000  # compressed

# Each frame moves the slider one step (back and forth across its range) as a reader's drag
# would, and lets the widget redraw; the frames that fit in SECONDS are counted.
MOVE_EVERY_FRAME_JS = """seconds => new Promise(resolve => {
  const slider = document.querySelector('.nudge-knob input[type=range]');
  const steps = Math.round((Number(slider.max) - Number(slider.min)) / Number(slider.step));
  let frames = 0, first = null;
  function frame(now) {
    if (first === null) first = now;
    if (now - first >= seconds * 1000) {
      resolve({frames, elapsed: (now - first) / 1000});
      return;
    }
    const along = frames % (2 * steps);
    const position = along <= steps ? along : 2 * steps - along;
    slider.value = String(Number(slider.min) + position * Number(slider.step));
    slider.dispatchEvent(new Event('input', {bubbles: true}));
    frames += 1;
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})"""


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


WALK_PAGE = "derivatives/descent/"

# The descent page's widget "Walk downhill": each frame takes one step (Reset after the last, and
# a new rate each walk, across the slider's range) and lets the widget redraw its map and chart.
WALK_EVERY_FRAME_JS = """seconds => new Promise(resolve => {
  const box = document.querySelector('.walk-downhill');
  const slider = box.querySelector('input[type=range]');
  const step = box.querySelector('.wd-step');
  const steps = box.querySelector('.wd-steps');
  const rates = Math.round((Number(slider.max) - Number(slider.min)) / Number(slider.step));
  let frames = 0, walks = 0, first = null;
  function frame(now) {
    if (first === null) first = now;
    if (now - first >= seconds * 1000) {
      resolve({frames, elapsed: (now - first) / 1000});
      return;
    }
    if (steps.dataset.value === steps.textContent.split(' of ')[1]) {
      walks += 1;
      slider.value = String(Number(slider.min) + (walks * 7 % rates) * Number(slider.step));
      slider.dispatchEvent(new Event('input', {bubbles: true}));
    } else {
      step.click();
    }
    frames += 1;
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})"""


TRAINING_PAGE = "complete-picture/"

# Chapter 3's widget "One training step, then many": Play runs a few whole steps and redraws every
# frame; when the run ends (2,000 steps) Reset and Play start it again.
TRAINING_EVERY_FRAME_JS = """seconds => new Promise(resolve => {
  const box = document.querySelector('.training-loop');
  const play = box.querySelector('.tl-play');
  const reset = box.querySelector('.tl-reset');
  let frames = 0, first = null;
  function frame(now) {
    if (first === null) first = now;
    if (now - first >= seconds * 1000) {
      if (play.textContent === 'Pause') play.click();
      resolve({frames, elapsed: (now - first) / 1000});
      return;
    }
    if (play.textContent === 'Play') {
      reset.click();
      play.click();
    }
    frames += 1;
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})"""

BEND_PAGE = "activations/flat-ends/"

# Chapter 2's widget "Swap the bend": each frame picks the next activation (none, sigmoid, tanh,
# ReLU, round and round) as a click would, and lets the widget redraw its map and bars.
BEND_EVERY_FRAME_JS = """seconds => new Promise(resolve => {
  const radios = Array.from(document.querySelectorAll('.swap-bend input[type=radio]'));
  let frames = 0, first = null;
  function frame(now) {
    if (first === null) first = now;
    if (now - first >= seconds * 1000) {
      resolve({frames, elapsed: (now - first) / 1000});
      return;
    }
    radios[(frames + 1) % radios.length].click();
    frames += 1;
    requestAnimationFrame(frame);
  }
  requestAnimationFrame(frame);
})"""


# Each widget: (its name, its page, its CSS class, what moves it every frame).
WIDGETS = [
    ("nudge-knob", PAGE, "nudge-knob", MOVE_EVERY_FRAME_JS),
    ("walk-downhill", WALK_PAGE, "walk-downhill", WALK_EVERY_FRAME_JS),
    ("training-loop", TRAINING_PAGE, "training-loop", TRAINING_EVERY_FRAME_JS),
    ("swap-bend", BEND_PAGE, "swap-bend", BEND_EVERY_FRAME_JS),
]


def measure(site: Path, name: str, page_path: str, css_class: str, every_frame_js: str) -> int:
    """Frames per second while the widget is moved every frame, and its extra bytes compressed."""
    html = (site / page_path / "index.html").read_text(encoding="utf-8")
    data = re.search(rf'<script type="application/json" id="{name}-data">.*?</script>', html, re.S)
    script = (site / "js" / f"{name}.js").read_bytes()
    kit = (site / "js" / "widget-kit.js").read_bytes()  # what all four share, counted with each
    extra = compressed(script) + compressed(kit) + compressed(data.group(0).encode())
    from playwright.sync_api import sync_playwright

    with LocalServer(site) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(url + page_path, wait_until="load")
        page.wait_for_selector(f".{css_class}:not([hidden])")
        page.locator(f".{css_class}").scroll_into_view_if_needed()
        result = page.evaluate(every_frame_js, SECONDS)
        browser.close()
    fps = result["frames"] / result["elapsed"]
    print(f"{name}: moved every frame for {result['elapsed']:.2f} s: {result['frames']} frames, {fps:.1f} per "
          f"second (target at least {FPS_TARGET})")
    print(f"{name}: extra bytes, gzip -6: script {compressed(script):,} + kit {compressed(kit):,} + data "
          f"{compressed(data.group(0).encode()):,} = {extra:,} bytes (budget {BYTES_BUDGET:,})")
    return 0 if fps >= FPS_TARGET and extra <= BYTES_BUDGET else 1


def measure_all(site: Path) -> int:
    return max(measure(site, *widget) for widget in WIDGETS)


def main() -> int:
    problem = chromium_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    if os.environ.get("SITE_DIR"):
        return measure_all(Path(os.environ["SITE_DIR"]))
    with tempfile.TemporaryDirectory() as folder:
        build(Path(folder))
        return measure_all(Path(folder))


if __name__ == "__main__":
    sys.exit(main())
