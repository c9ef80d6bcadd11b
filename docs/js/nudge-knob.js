// "Nudge one knob" on the slope page: pick one of the running example's 9 knobs, move it, and
// watch the four guesses, the error and the slope follow. The 2-2-1 sigmoid network's forward
// and backward passes are redone here in float64, step for step as snippets/network.py does
// them, from the build's data (snippets/results_widgets.py), so the numbers match the site's.
(function () {
  "use strict";
  const {element, show, sigmoid, announcer, dress} = window.widgetKit;
  const CHART = {width: 420, height: 250, left: 62, right: 26, top: 14, bottom: 48};
  const STYLE = `
.nudge-knob .nk-numbers{display:grid;grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr));
 gap:.2em 1em;margin:.8em 0;font-variant-numeric:tabular-nums}
.nudge-knob .nk-moved{margin:0 0 .6em}
.nudge-knob svg{display:block;width:100%;max-width:24rem;height:auto}
.nudge-knob svg text{fill:var(--md-default-fg-color);font-size:14px}
.nudge-knob .nk-axis{stroke:var(--md-default-fg-color--light)}
.nudge-knob .nk-curve{fill:none;stroke:var(--md-default-fg-color);stroke-width:2}
.nudge-knob .nk-tangent{stroke:var(--md-accent-fg-color);stroke-width:2;stroke-dasharray:6 4}
.nudge-knob .nk-dot{fill:var(--md-accent-fg-color)}
`;

  // Forward pass, mean squared error and backward pass, in network.py's order of operations.
  // knobs: {w: [W0 (2x2), W1 (2x1)], b: [b0 (2), b1 (1)]}. Returns guesses, error and slopes.
  function run(knobs, inputs, targets) {
    const [W0, W1] = knobs.w;
    const [b0, b1] = knobs.b;
    const n = inputs.length;
    const hidden = [];
    const guesses = [];
    for (const x of inputs) {
      const h = [0, 1].map(j => sigmoid(x[0] * W0[0][j] + x[1] * W0[1][j] + b0[j]));
      hidden.push(h);
      guesses.push(sigmoid(h[0] * W1[0][0] + h[1] * W1[1][0] + b1[0]));
    }
    let squares = 0;
    for (let k = 0; k < n; k++) {
      const e = guesses[k] - targets[k];
      squares += e * e;
    }
    const error = squares / n;
    // The blame at the output's sum: d error / d guess times the sigmoid's slope s * (1 - s).
    const blame = guesses.map((p, k) => (p - targets[k]) * (2.0 / n) * (p * (1.0 - p)));
    const gW1 = [[0], [0]];
    const gb1 = [0];
    const gW0 = [[0, 0], [0, 0]];
    const gb0 = [0, 0];
    for (let k = 0; k < n; k++) {
      const h = hidden[k];
      for (let j = 0; j < 2; j++) {
        gW1[j][0] += h[j] * blame[k];
        const hiddenBlame = blame[k] * W1[j][0] * (h[j] * (1.0 - h[j]));
        gW0[0][j] += inputs[k][0] * hiddenBlame;
        gW0[1][j] += inputs[k][1] * hiddenBlame;
        gb0[j] += hiddenBlame;
      }
      gb1[0] += blame[k];
    }
    return {guesses, error, slopes: {w: [gW0, gW1], b: [gb0, gb1]}};
  }

  // A knob's place is ["w", layer, row, column] or ["b", layer, index], as in results_widgets.py.
  function read(knobs, place) {
    const [kind, layer, ...index] = place;
    return index.reduce((array, i) => array[i], knobs[kind][layer]);
  }

  function write(knobs, place, value) {
    const [kind, layer, ...index] = place;
    const last = index.pop();
    index.reduce((array, i) => array[i], knobs[kind][layer])[last] = value;
  }

  function signed(value, digits) {
    return (value >= 0 ? "+" : "\u2212") + Math.abs(value).toFixed(digits);
  }

  function build(box, data) {
    const startKnobs = () => {
      const knobs = {w: [[[0, 0], [0, 0]], [[0], [0]]], b: [[0, 0], [0]]};
      data.places.forEach((place, i) => write(knobs, place, data.start[i]));
      return knobs;
    };
    let knobs = startKnobs();
    let chosen = 0;

    dress(box, STYLE);

    const controls = element("div", {class: "controls"});
    const pickLabel = element("label", {}, "Knob ");
    const pick = element("select", {class: "nk-pick"});
    data.names.forEach((name, i) => pick.appendChild(element("option", {value: String(i)}, name)));
    pickLabel.appendChild(pick);
    const slideLabel = element("label", {}, "Value ");
    const slider = element("input", {type: "range", class: "nk-slider", min: String(-data.span),
      max: String(data.span), step: String(data.step), value: "0"});
    const knobShown = element("span", {class: "nk-knob"});
    slideLabel.append(slider, knobShown);
    const reset = element("button", {type: "button", class: "nk-reset"}, "Reset every knob");
    controls.append(pickLabel, slideLabel, reset);

    const numbers = element("div", {class: "nk-numbers"});
    const guessShown = data.inputs.map((x, k) => {
      const line = element("div", {}, `Guess for (${x[0]}, ${x[1]}): `);
      const value = element("span", {class: "nk-guess", "data-example": String(k)});
      line.appendChild(value);
      numbers.appendChild(line);
      return value;
    });
    const errorLine = element("div", {}, "Error: ");
    const errorShown = element("span", {class: "nk-error"});
    errorLine.appendChild(errorShown);
    const slopeLine = element("div", {}, "Slope: ");
    const slopeShown = element("span", {class: "nk-slope"});
    slopeLine.appendChild(slopeShown);
    numbers.append(errorLine, slopeLine);

    const {width, height, left, right, top, bottom} = CHART;
    const svg = element("svg:svg", {viewBox: `0 0 ${width} ${height}`, role: "img", class: "nk-chart"});
    const title = element("svg:title");
    svg.appendChild(title);
    const clip = element("svg:clipPath", {id: "nk-clip"});
    const plotWidth = width - left - right;
    clip.appendChild(element("svg:rect", {x: left, y: top, width: plotWidth, height: height - top - bottom}));
    svg.appendChild(clip);
    const axes = element("svg:g");
    const curve = element("svg:polyline", {class: "nk-curve", "clip-path": "url(#nk-clip)"});
    const tangent = element("svg:line", {class: "nk-tangent", "clip-path": "url(#nk-clip)"});
    const dot = element("svg:circle", {class: "nk-dot", r: "6"});
    svg.append(axes, curve, tangent, dot);

    const said = element("p", {class: "quiet", "aria-live": "polite"});
    // Knobs moved earlier stay where they were put, and change the curve of every other knob: say so.
    const moved = element("p", {class: "nk-moved"});
    box.replaceChildren(controls, numbers, moved, svg, said);

    let scale = null; // the chart's axes, drawn again when the knob or its curve changes

    function drawCurve() {
      const start = data.start[chosen];
      const low = start - data.span;
      const high = start + data.span;
      const trial = JSON.parse(JSON.stringify(knobs));
      const place = data.places[chosen];
      const points = [];
      for (let j = 0; j < data.points; j++) {
        const value = low + (high - low) * j / (data.points - 1);
        write(trial, place, value);
        points.push([value, run(trial, data.inputs, data.targets).error]);
      }
      // The error axis ends at a tenth above the curve's peak, so the dot never leaves the chart.
      const peak = Math.max(...points.map(p => p[1]));
      const highest = Math.ceil(peak * 10 + 0.5) / 10;
      const x = v => left + (v - low) / (high - low) * plotWidth;
      const y = v => top + (1 - v / highest) * (height - top - bottom);
      scale = {x, y};
      curve.setAttribute("points", points.map(([a, b]) => `${x(a).toFixed(1)},${y(b).toFixed(1)}`).join(" "));
      axes.replaceChildren();
      const base = height - bottom;
      axes.append(element("svg:line", {class: "nk-axis", x1: left, x2: width - right, y1: base, y2: base}),
        element("svg:line", {class: "nk-axis", x1: left, x2: left, y1: top, y2: base}));
      // Ticks at the even whole numbers in range (the slider spans the start, 6 either way).
      for (let v = 2 * Math.ceil(low / 2); v <= high; v += 2) {
        axes.appendChild(element("svg:line", {class: "nk-axis", x1: x(v), x2: x(v), y1: base, y2: base + 5}));
        axes.appendChild(element("svg:text", {x: x(v), y: base + 20, "text-anchor": "middle"},
          String(v).replace("-", "\u2212")));
      }
      for (const v of [0, highest / 2, highest]) {
        axes.appendChild(element("svg:text", {x: left - 6, y: y(v) + 5, "text-anchor": "end"}, v.toFixed(2)));
      }
      axes.appendChild(element("svg:text", {x: (left + width - right) / 2, y: height - 8, "text-anchor": "middle"},
        `${data.names[chosen]} (the knob)`));
      axes.appendChild(element("svg:text", {x: 14, y: (top + base) / 2, "text-anchor": "middle",
        transform: `rotate(-90 14 ${(top + base) / 2})`}, "error"));
      title.textContent = `The error as ${data.names[chosen]} moves from ${low.toFixed(2)} to ${high.toFixed(2)}, ` +
        "with a dot at its value now and the tangent there.";
    }

    // Said politely, at most twice a second, with the numbers of the moment it is said.
    const say = announcer(said);
    const announce = () => say(() => `${data.names[chosen]} at ${knobShown.textContent}: error ` +
      `${errorShown.textContent}, slope ${slopeShown.textContent}.`);

    function update(quiet) {
      const place = data.places[chosen];
      const value = read(knobs, place);
      const result = run(knobs, data.inputs, data.targets);
      const slope = read(result.slopes, place);
      show(knobShown, value, value.toFixed(4));
      result.guesses.forEach((g, k) => show(guessShown[k], g, g.toFixed(4)));
      show(errorShown, result.error, result.error.toFixed(6));
      show(slopeShown, slope, signed(slope, 6));
      const others = data.names.filter((name, i) => i !== chosen && read(knobs, data.places[i]) !== data.start[i]);
      moved.textContent = others.length ? `Also moved from where they started: ${others.join(", ")}. ` +
        "Their new values shape this curve too; Reset puts every knob back." : "";
      slider.setAttribute("aria-valuetext", `${data.names[chosen]} = ${value.toFixed(4)}`);
      const {x, y} = scale;
      dot.setAttribute("cx", x(value).toFixed(1));
      dot.setAttribute("cy", y(result.error).toFixed(1));
      const reach = data.span / 3;
      tangent.setAttribute("x1", x(value - reach).toFixed(1));
      tangent.setAttribute("y1", y(result.error - slope * reach).toFixed(1));
      tangent.setAttribute("x2", x(value + reach).toFixed(1));
      tangent.setAttribute("y2", y(result.error + slope * reach).toFixed(1));
      if (!quiet) announce();
    }

    function choose(index, quiet) {
      chosen = index;
      // The slider holds the knob's distance from its start; a whole number of steps, unless
      // the reader has not moved this knob yet (then exactly 0).
      slider.value = String(read(knobs, data.places[chosen]) - data.start[chosen]);
      drawCurve();
      update(quiet);
    }

    pick.addEventListener("change", () => choose(Number(pick.value)));
    slider.addEventListener("input", () => {
      write(knobs, data.places[chosen], data.start[chosen] + Number(slider.value));
      update();
    });
    reset.addEventListener("click", () => {
      knobs = startKnobs();
      choose(chosen);
    });

    choose(0, true);
    box.hidden = false;
  }

  const box = document.querySelector(".nudge-knob");
  const source = document.getElementById("nudge-knob-data");
  if (box && source) build(box, JSON.parse(source.textContent));
})();
