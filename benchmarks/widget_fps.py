"""How smoothly each interactive figure follows what moves it, and what each weighs (a report,
not a test): "Nudge one knob" (slope page) its slider, "Walk downhill" (descent page) its steps,
"One training step, then many" (chapter 3) its Play, "Swap the bend" (flat-ends page) a new
activation every frame.

    python benchmarks/widget_fps.py              # builds the site into a temporary folder
    SITE_DIR=path/to/site python benchmarks/widget_fps.py

Opens each widget's page in Debian's Chromium (as in tests/test_browser.py), moves the widget
every animation frame for 3 seconds and prints the frames per second it kept. Then prints the
widget's extra bytes as a static host sends them, gzipped at level 6: its script, the kit all
four share and its data (the JSON the build puts in the page). Exits with 0 when every widget
keeps at least 50 frames a second and weighs at most 60 kB, 1 otherwise.
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

SECONDS = 3
FPS_TARGET = 50
BYTES_BUDGET = 60 * 1000  # compressed


def every_frame(setup: str, each: str, finish: str = "") -> str:
    """JavaScript for page.evaluate(js, seconds): runs `setup`, then `each` once per animation
    frame (`frames` counts them) for that many seconds, then `finish`; resolves to the frames
    counted and the seconds they took."""
    return f"""seconds => new Promise(resolve => {{
  {setup}
  let frames = 0, first = null;
  function frame(now) {{
    if (first === null) first = now;
    if (now - first >= seconds * 1000) {{
      {finish}
      resolve({{frames, elapsed: (now - first) / 1000}});
      return;
    }}
    {each}
    frames += 1;
    requestAnimationFrame(frame);
  }}
  requestAnimationFrame(frame);
}})"""


# "Nudge one knob": each frame moves the slider one step (back and forth across its range) as a
# reader's drag would.
NUDGE = every_frame(
    setup="""const slider = document.querySelector('.nudge-knob input[type=range]');
  const steps = Math.round((Number(slider.max) - Number(slider.min)) / Number(slider.step));""",
    each="""const along = frames % (2 * steps);
    const position = along <= steps ? along : 2 * steps - along;
    slider.value = String(Number(slider.min) + position * Number(slider.step));
    slider.dispatchEvent(new Event('input', {bubbles: true}));""")

# "Walk downhill": each frame takes one step (after the last, a new rate across the slider's range).
WALK = every_frame(
    setup="""const box = document.querySelector('.walk-downhill');
  const slider = box.querySelector('input[type=range]');
  const step = box.querySelector('.wd-step');
  const steps = box.querySelector('.wd-steps');
  const rates = Math.round((Number(slider.max) - Number(slider.min)) / Number(slider.step));
  let walks = 0;""",
    each="""if (steps.dataset.value === steps.textContent.split(' of ')[1]) {
      walks += 1;
      slider.value = String(Number(slider.min) + (walks * 7 % rates) * Number(slider.step));
      slider.dispatchEvent(new Event('input', {bubbles: true}));
    } else {
      step.click();
    }""")

# "One training step, then many": Play runs a few whole steps and redraws every frame; when the
# run ends (2,000 steps) Reset and Play start it again.
TRAINING = every_frame(
    setup="""const box = document.querySelector('.training-loop');
  const play = box.querySelector('.tl-play');
  const reset = box.querySelector('.tl-reset');""",
    each="""if (play.textContent === 'Play') {
      reset.click();
      play.click();
    }""",
    finish="if (play.textContent === 'Pause') play.click();")

# "Swap the bend": each frame picks the next activation (none, sigmoid, tanh, ReLU, round and
# round) as a click would, and the widget redraws its map and bars.
BEND = every_frame(
    setup="const radios = Array.from(document.querySelectorAll('.swap-bend input[type=radio]'));",
    each="radios[(frames + 1) % radios.length].click();")


def compressed(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


# Each widget: (its name, its page, its CSS class, what moves it every frame).
WIDGETS = [
    ("nudge-knob", "derivatives/slope/", "nudge-knob", NUDGE),
    ("walk-downhill", "derivatives/descent/", "walk-downhill", WALK),
    ("training-loop", "complete-picture/", "training-loop", TRAINING),
    ("swap-bend", "activations/flat-ends/", "swap-bend", BEND),
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
