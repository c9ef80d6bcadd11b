// "Walk downhill" on the descent page: gradient descent in chapter 1's valley x**2 + 10 y**2,
// one step at a time, at a learning rate the reader picks. Each step is redone here in float64
// as snippets/descent.py's descend() does it, from the build's data (snippets/results_widgets.py).
(function () {
  "use strict";
  const {element, show, numberLine, announcer, dress} = window.widgetKit;
  const MAP = {width: 420, height: 280};
  const CHART = {width: 420, height: 200, left: 62, right: 16, top: 12, bottom: 40};
  const STYLE = `
.walk-downhill .wd-numbers{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));
 gap:.2em 1em;margin:.8em 0;font-variant-numeric:tabular-nums}
.walk-downhill .wd-charts{display:flex;flex-wrap:wrap;gap:.5em}
.walk-downhill svg{display:block;width:100%;max-width:26rem;height:auto}
.walk-downhill svg text{fill:var(--md-default-fg-color);font-size:14px}
.walk-downhill .wd-axis,.walk-downhill .wd-level{fill:none;stroke:var(--md-default-fg-color--light)}
.walk-downhill .wd-line{fill:none;stroke:var(--md-accent-fg-color);stroke-width:2}
.walk-downhill .wd-point{fill:var(--md-accent-fg-color)}
.walk-downhill .wd-start{fill:var(--md-default-fg-color)}
`;

  function build(box, data) {
    const [a, b] = data.weights;
    // valley and valley_slope as descent.py computes them: a x**2 + b y**2 and (2a x, 2b y).
    const valley = ([x, y]) => a * (x * x) + b * (y * y);
    const slopeX = 2.0 * a;
    const slopeY = 2.0 * b;

    let rate = data.rates[1][1];
    let path = [data.start.slice()];
    let diverged = false;
    let timer = null;

    dress(box, STYLE);

    const controls = element("div", {class: "controls"});
    const pickLabel = element("label", {}, "Learning rate ");
    const pick = element("select", {class: "wd-pick"});
    data.rates.forEach(([name, value]) => pick.appendChild(element("option", {value: String(value)},
      `${name}: ${value}`)));
    pick.appendChild(element("option", {value: ""}, "other (the slider)"));
    pickLabel.appendChild(pick);
    const slideLabel = element("label", {}, "Rate ");
    const slider = element("input", {type: "range", class: "wd-slider", min: String(data.low),
      max: String(data.high), step: String(data.step), value: String(rate)});
    slideLabel.appendChild(slider);
    const stepButton = element("button", {type: "button", class: "wd-step"}, "Step");
    const runButton = element("button", {type: "button", class: "wd-run"}, "Run");
    const resetButton = element("button", {type: "button", class: "wd-reset"}, "Reset");
    controls.append(pickLabel, slideLabel, stepButton, runButton, resetButton);

    const numbers = element("div", {class: "wd-numbers"});
    const line = (label, cls) => numberLine(numbers, label, cls);
    const rateShown = line("Rate: ", "wd-rate");
    const regimeShown = line("That is: ", "wd-regime");
    const stepsShown = line("Steps: ", "wd-steps");
    const pointShown = line("At: ", "wd-at");
    const errorShown = line("Error: ", "wd-error");
    const note = element("p", {class: "wd-note"});

    // The map: the valley's contour lines (ellipses a x^2 + b y^2 = level) and the path.
    const [x0, x1] = data.map.x;
    const [y0, y1] = data.map.y;
    const mx = v => (v - x0) / (x1 - x0) * MAP.width;
    const my = v => (1 - (v - y0) / (y1 - y0)) * MAP.height;
    const map = element("svg:svg", {viewBox: `0 0 ${MAP.width} ${MAP.height}`, role: "img", class: "wd-map"});
    map.appendChild(element("svg:title", {}, "A map of the valley x\u00b2 + 10 y\u00b2 with its contour " +
      "lines, lowest in the middle, and the path walked so far."));
    for (const level of data.levels) {
      map.appendChild(element("svg:ellipse", {class: "wd-level", cx: mx(0), cy: my(0),
        rx: Math.sqrt(level / a) / (x1 - x0) * MAP.width, ry: Math.sqrt(level / b) / (y1 - y0) * MAP.height}));
    }
    const mapLine = element("svg:polyline", {class: "wd-line"});
    const mapPoints = element("svg:g", {class: "wd-points"});
    map.append(mapLine, mapPoints);

    // The error at each step, on a log scale.
    const chart = element("svg:svg", {viewBox: `0 0 ${CHART.width} ${CHART.height}`, role: "img",
      class: "wd-chart"});
    chart.appendChild(element("svg:title", {}, "The error at each step so far, on a log scale."));
    const chartAxes = element("svg:g");
    const chartLine = element("svg:polyline", {class: "wd-line"});
    const chartPoints = element("svg:g");
    chart.append(chartAxes, chartLine, chartPoints);
    const charts = element("div", {class: "wd-charts"});
    charts.append(map, chart);

    const said = element("p", {class: "quiet", "aria-live": "polite"});
    box.replaceChildren(controls, numbers, note, charts, said);

    // At the top edge itself (a rate of exactly 2/20) the zig-zag neither grows nor shrinks: the
    // walk never gets anywhere, so that edge already counts as far too large.
    function regime(value) {
      let name = data.regimes[0][0];
      const last = data.regimes.length - 1;
      data.regimes.forEach(([label, low], k) => {
        if (value > low || (k === last && value >= low)) name = label;
      });
      return name;
    }

    // Numbers a reader can read: no "e+7" or "e-28". Large ones with thousands separators,
    // small ones to two digits; a place on the map to three decimals.
    function readable(value) {
      const size = Math.abs(value);
      if (size >= 1000) return Math.round(value).toLocaleString("en-US");
      if (size >= 0.001 || size === 0) return value.toPrecision(4);
      return size < 1e-7 ? "less than 0.0000001" : value.toPrecision(2);
    }
    const place = value => (Math.abs(value) < 0.0005 ? 0 : value).toFixed(3);

    // Said politely, at most twice a second, with the numbers of the moment it is said.
    const say = announcer(said);
    const announce = () => say(() => `Rate ${rateShown.textContent}, ${regimeShown.textContent}: step ` +
      `${stepsShown.textContent}, error ${errorShown.textContent}. ${note.textContent}`);

    function drawChart(errors) {
      const {width, height, left, right, top, bottom} = CHART;
      // An error too big for float64 (inf) is drawn at the chart's top; only finite ones set the scale.
      const finite = errors.filter(Number.isFinite).map(Math.log10);
      const lowest = Math.floor(Math.min(...finite, -1));
      const highest = Math.ceil(Math.max(...finite, 1));
      const logs = errors.map(e => Number.isFinite(e) ? Math.log10(e) : highest);
      const base = height - bottom;
      const cx = k => left + k / data.steps * (width - left - right);
      const cy = v => top + (highest - v) / (highest - lowest) * (base - top);
      chartAxes.replaceChildren(
        element("svg:line", {class: "wd-axis", x1: left, x2: width - right, y1: base, y2: base}),
        element("svg:line", {class: "wd-axis", x1: left, x2: left, y1: top, y2: base}));
      const every = Math.max(1, Math.ceil((highest - lowest) / 4));
      for (let p = highest; p >= lowest; p -= every) { // from the top, so the highest power is labelled
        // 10 to the power p, written as the site's figures write it (a raised power, not "1e8").
        const label = element("svg:text", {x: left - 6, y: cy(p) + 5, "text-anchor": "end"}, "10");
        label.appendChild(element("svg:tspan", {dy: "-7", "font-size": "11"}, String(p).replace("-", "\u2212")));
        chartAxes.appendChild(label);
      }
      for (const k of [0, data.steps / 2, data.steps]) {
        chartAxes.appendChild(element("svg:text", {x: cx(k), y: base + 18, "text-anchor": "middle"}, String(k)));
      }
      chartAxes.appendChild(element("svg:text", {x: (left + width - right) / 2, y: height - 4,
        "text-anchor": "middle"}, "step (error on a log scale)"));
      chartLine.setAttribute("points", logs.map((v, k) => `${cx(k).toFixed(1)},${cy(v).toFixed(1)}`).join(" "));
      chartPoints.replaceChildren(...errors.map((e, k) => element("svg:circle", {class: "wd-point wd-chart-point",
        r: "3", cx: cx(k).toFixed(1), cy: cy(logs[k]).toFixed(1), "data-step": String(k), "data-value": String(e)})));
    }

    function update(quiet) {
      const here = path[path.length - 1];
      const errors = path.map(valley);
      const error = errors[errors.length - 1];
      show(rateShown, rate, String(rate));
      regimeShown.textContent = regime(rate);
      show(stepsShown, path.length - 1, `${path.length - 1} of ${data.steps}`);
      pointShown.dataset.x = String(here[0]);
      pointShown.dataset.y = String(here[1]);
      const coordinate = v => (Math.abs(v) >= 1000 ? readable(v) : place(v));
      pointShown.textContent = `(${coordinate(here[0])}, ${coordinate(here[1])})`;
      show(errorShown, error, Number.isFinite(error) ? readable(error) : "inf (too big for the computer)");
      slider.setAttribute("aria-valuetext", `${rate}, ${regime(rate)}`);
      if (diverged) {
        note.textContent = `The walk ran off to infinity after step ${path.length - 1}: it stops at its ` +
          "last finite point.";
      } else if (path.length - 1 >= data.steps) {
        note.textContent = `All ${data.steps} steps taken. Reset to walk again.`;
      } else if (path.length === 1 && rateChanged) {
        note.textContent = `A new rate: the walk starts again from the start.`;
      } else {
        note.textContent = "";
      }
      rateChanged = false;
      // A point off the map is still listed (with its exact place), just drawn at the map's edge.
      const clamp = (v, high) => Math.min(Math.max(v, -5), high + 5).toFixed(1);
      mapLine.setAttribute("points", path.map(([x, y]) => `${clamp(mx(x), MAP.width)},${clamp(my(y), MAP.height)}`)
        .join(" "));
      mapPoints.replaceChildren(...path.map(([x, y], k) => element("svg:circle", {
        class: k === 0 ? "wd-start wd-map-point" : "wd-point wd-map-point", r: k === 0 ? "5" : "3",
        cx: clamp(mx(x), MAP.width), cy: clamp(my(y), MAP.height),
        "data-step": String(k), "data-x": String(x), "data-y": String(y)})));
      drawChart(errors);
      if (!quiet) announce();
    }

    function finished() {
      return diverged || path.length - 1 >= data.steps;
    }

    // One step as descend() takes it: point - rate * slope; a step to infinity or NaN ends the walk.
    function step() {
      if (finished()) return false;
      const [x, y] = path[path.length - 1];
      const next = [x - rate * (slopeX * x), y - rate * (slopeY * y)];
      if (!Number.isFinite(next[0]) || !Number.isFinite(next[1])) diverged = true;
      else path.push(next);
      return !finished();
    }

    function pause() {
      if (timer !== null) clearInterval(timer);
      timer = null;
      runButton.textContent = "Run";
    }

    function restart() {
      pause();
      path = [data.start.slice()];
      diverged = false;
      update();
    }

    let rateChanged = false;
    function setRate(value) {
      rateChanged = value !== rate || path.length > 1;
      rate = value;
      const named = data.rates.find(([, r]) => r === rate);
      pick.value = named ? String(named[1]) : "";
      slider.value = String(rate);
      restart();
    }

    pick.addEventListener("change", () => {
      if (pick.value !== "") setRate(Number(pick.value));
    });
    slider.addEventListener("input", () => setRate(Number(slider.value)));
    stepButton.addEventListener("click", () => {
      pause();
      step();
      update();
    });
    runButton.addEventListener("click", () => {
      if (timer !== null) {
        pause();
        return;
      }
      if (finished()) return;
      runButton.textContent = "Pause";
      timer = setInterval(() => {
        const more = step();
        update();
        if (!more) pause();
      }, data.every);
    });
    resetButton.addEventListener("click", restart);

    pick.value = String(rate);
    update(true);
    box.hidden = false;
  }

  const box = document.querySelector(".walk-downhill");
  const source = document.getElementById("walk-downhill-data");
  if (box && source) build(box, JSON.parse(source.textContent));
})();
