// "Swap the bend" on the flat-ends page: the same deep network trained on two moons with each
// hidden activation (none, sigmoid, tanh, ReLU). For the one picked, the trained network's answer
// over the plane is computed here in float64, in snippets/network.py's order of operations, from
// the build's data (snippets/results_widget_bend.py); the blame per layer comes measured.
(function () {
  "use strict";
  const {element, show, numberLine, announcer, dress} = window.widgetKit;
  const CELL = 6; // map units per grid step in the SVG drawn over the canvas
  const CHART = {width: 420, height: 230, left: 104, right: 10, top: 12, bottom: 46};
  const LOWEST = -7; // the blame chart's floor, 1/10,000,000 (below the sigmoid's first layer)
  const HIGHEST = 0.3; // room above 1: with no activation a layer may get a little more blame
  const STRONGEST = 0.6; // the map's opacity where the network is sure
  const LEANS = 0.05; // every answer this close to 0.5: the network has no real opinion
  const STYLE = `
.swap-bend{--sb-no:#3557c5;--sb-yes:#c4540a;--sb-green:#1a7f37;--sb-red:#b42318}
[data-md-color-scheme=slate] .swap-bend{--sb-no:#8aa8ff;--sb-yes:#f5a55a;--sb-green:#56d364;--sb-red:#ff8e82}
.swap-bend fieldset{display:flex;flex-wrap:wrap;gap:.4em 1.2em;margin:0;padding:.3em .6em .5em;
 border:1px solid var(--md-default-fg-color--lighter);border-radius:.2rem}
.swap-bend legend{padding:0 .3em}
.swap-bend fieldset label{display:flex;gap:.35em;align-items:center;min-height:2rem;cursor:pointer}
.swap-bend input[type=radio]{width:1.1rem;height:1.1rem;margin:0;accent-color:var(--md-accent-fg-color)}
.swap-bend .sb-numbers{display:grid;grid-template-columns:repeat(auto-fill,minmax(13rem,1fr));
 gap:.2em 1em;margin:.8em 0;font-variant-numeric:tabular-nums}
.swap-bend .sb-panels{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start}
.swap-bend .sb-panel{flex:1 1 18rem;max-width:30rem}
.swap-bend .sb-panel p{margin:.3em 0 0;font-size:.9em}
.swap-bend .sb-panel p.sb-title{margin:0 0 .3em;font-weight:700;font-size:1em}
.swap-bend .sb-lean{font-weight:700}
.swap-bend .sb-map{position:relative;width:100%;aspect-ratio:81/51;contain:strict}
.swap-bend canvas,.swap-bend .sb-map svg{position:absolute;inset:0;width:100%;height:100%}
.swap-bend .sb-examples{will-change:transform;pointer-events:none}
.swap-bend canvas{border:1px solid var(--md-default-fg-color--lighter);box-sizing:border-box}
.swap-bend .sb-chart{display:block;width:100%;height:auto}
.swap-bend svg text{fill:var(--md-default-fg-color);font-size:15px}
.swap-bend .sb-axis{fill:none;stroke:var(--md-default-fg-color--light)}
.swap-bend .sb-border{fill:none;stroke:var(--md-default-fg-color);stroke-width:2.5}
.swap-bend .sb-yes{fill:var(--sb-yes)}
.swap-bend .sb-no{fill:var(--sb-no)}
.swap-bend .sb-point{stroke:var(--md-default-bg-color);stroke-width:1}
/* each activation's bars in its colour in the chapter's figures */
.swap-bend .sb-bar{fill:var(--sb-bar)}
.swap-bend[data-bend=sigmoid]{--sb-bar:var(--sb-no)}.swap-bend[data-bend=tanh]{--sb-bar:var(--sb-yes)}
.swap-bend[data-bend=relu]{--sb-bar:var(--sb-green)}.swap-bend[data-bend=identity]{--sb-bar:var(--sb-red)}
.swap-bend .sb-wide{grid-column:1/-1}
`;

  // One trained network, its knobs laid out flat: layer k's weight from input i to neuron j at
  // i * n_out + j, as the nested lists (rows = inputs) give them.
  function compile(spec) {
    return spec.weights.map((rows, k) => ({
      nIn: rows.length,
      nOut: rows[0].length,
      weights: Float64Array.from(rows.flat()),
      biases: Float64Array.from(spec.biases[k]),
      activation: spec.activations[k],
    }));
  }

  // The activations as snippets/activations.py computes them, in place over a layer's sums; the
  // sigmoid as exp(-|z|), which never overflows.
  function bend(name, z) {
    if (name === "sigmoid") {
      for (let k = 0; k < z.length; k++) {
        const e = Math.exp(-Math.abs(z[k]));
        z[k] = (z[k] >= 0 ? 1.0 : e) / (1.0 + e);
      }
    } else if (name === "tanh") {
      for (let k = 0; k < z.length; k++) z[k] = Math.tanh(z[k]);
    } else if (name === "relu") {
      for (let k = 0; k < z.length; k++) if (!(z[k] > 0.0)) z[k] = 0.0; // np.maximum(z, 0.0)
    } // identity: the sums pass unchanged
  }

  // network.py's forward pass for many points at once (x, y interleaved in `points`): each layer's
  // z = signal @ weights + biases, then its activation. Each sum adds the inputs' products first to
  // last, then the bias, as the matrix product does. Returns the answers, one per point.
  function forward(layers, points) {
    const count = points.length / 2;
    let signal = points;
    for (const {nIn, nOut, weights, biases, activation} of layers) {
      const z = new Float64Array(count * nOut);
      for (let p = 0; p < count; p++) {
        const from = p * nIn;
        for (let j = 0; j < nOut; j++) {
          let sum = signal[from] * weights[j];
          for (let i = 1; i < nIn; i++) sum += signal[from + i] * weights[i * nOut + j];
          z[p * nOut + j] = sum + biases[j];
        }
      }
      bend(activation, z);
      signal = z;
    }
    return signal; // the output layer has one neuron: one answer per point
  }

  // The points where the answer crosses 0.5 along each grid edge, joined cell by cell (marching
  // squares), as an SVG path in map units.
  function border(values, columns, rows, mx, my) {
    const parts = [];
    const at = (c, r) => values[r * columns + c] - 0.5;
    const cross = (c0, r0, c1, r1) => {
      const a = at(c0, r0);
      const t = a / (a - at(c1, r1));
      return [mx(c0 + t * (c1 - c0)), my(r0 + t * (r1 - r0))];
    };
    for (let r = 0; r + 1 < rows; r++) {
      for (let c = 0; c + 1 < columns; c++) {
        const corners = [[c, r], [c + 1, r], [c + 1, r + 1], [c, r + 1]];
        const found = [];
        for (let k = 0; k < 4; k++) {
          const [c0, r0] = corners[k];
          const [c1, r1] = corners[(k + 1) % 4];
          if ((at(c0, r0) > 0) !== (at(c1, r1) > 0)) found.push(cross(c0, r0, c1, r1));
        }
        for (let k = 0; k + 1 < found.length; k += 2) {
          const [[x0, y0], [x1, y1]] = [found[k], found[k + 1]];
          parts.push(`M${x0.toFixed(1)} ${y0.toFixed(1)}L${x1.toFixed(1)} ${y1.toFixed(1)}`);
        }
      }
    }
    return parts.join("");
  }

  function build(box, data) {
    const {columns, rows, xs, ys} = data.map;
    const inputs = data.inputs;
    const targets = data.targets;
    const n = inputs.length;
    const nets = {};
    for (const [name] of data.choices) nets[name] = compile(data.networks[name]);
    // The grid row by row from the bottom (np.meshgrid's order), and the examples, as (x, y) pairs.
    const gridPoints = new Float64Array(2 * columns * rows);
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < columns; c++) gridPoints.set([xs[c], ys[r]], 2 * (r * columns + c));
    }
    const examplePoints = Float64Array.from(inputs.flat());
    const title = Object.fromEntries(data.choices);

    dress(box, STYLE);

    const group = element("fieldset", {class: "sb-choices"});
    group.appendChild(element("legend", {}, "Activation in the hidden layers"));
    const radios = data.choices.map(([name, label], k) => {
      const wrap = element("label");
      const radio = element("input", {type: "radio", name: "swap-bend-activation", value: name,
        class: "sb-radio"});
      radio.checked = k === 0;
      wrap.append(radio, document.createTextNode(label));
      group.appendChild(wrap);
      return radio;
    });

    const numbers = element("div", {class: "sb-numbers"});
    const line = (label, cls) => numberLine(numbers, label, cls);
    const accuracyShown = line("Points right: ", "sb-accuracy");
    const errorShown = line("Error (cross-entropy): ", "sb-error");
    const rangeRow = element("div", {class: "sb-wide"}, "Answers on the map: from ");
    const lowShown = element("span", {class: "sb-low"});
    const highShown = element("span", {class: "sb-high"});
    rangeRow.append(lowShown, document.createTextNode(" to "), highShown);
    numbers.appendChild(rangeRow);
    // What an error means: a network that says 0.5 for every point scores this.
    numbers.appendChild(element("div", {class: "sb-wide sb-aside"},
      `An error of ${data.no_idea.toPrecision(2)} means no idea: 0.5 for every point.`));
    // Points right say little when every answer is close to 0.5: say so where that is the case.
    const lean = element("div", {class: "sb-wide sb-lean"});
    numbers.appendChild(lean);

    // The map: the answer at each grid point as one canvas pixel (the browser smooths them when
    // it scales the canvas up), and over it an SVG with the border and the examples.
    const mapPanel = element("div", {class: "sb-panel"});
    const mapBox = element("div", {class: "sb-map"});
    const canvas = element("canvas", {width: String(columns), height: String(rows), "aria-hidden": "true",
      class: "sb-canvas"});
    const paint = canvas.getContext("2d");
    const pixels = paint.createImageData(columns, rows);
    const mapWidth = columns * CELL;
    const mapHeight = rows * CELL;
    const overlay = element("svg:svg", {viewBox: `0 0 ${mapWidth} ${mapHeight}`, role: "img",
      class: "sb-overlay"});
    const overlayTitle = element("svg:title");
    const borderLine = element("svg:path", {class: "sb-border"});
    // Grid steps to map units: pixel k of the canvas is centred on grid point k; row 0 is at the bottom.
    const gx = c => (c + 0.5) * CELL;
    const gy = r => (rows - 0.5 - r) * CELL;
    const stepX = (xs[columns - 1] - xs[0]) / (columns - 1);
    const stepY = (ys[rows - 1] - ys[0]) / (rows - 1);
    const dots = element("svg:g");
    inputs.forEach(([x, y], k) => {
      const px = gx((x - xs[0]) / stepX);
      const py = gy((y - ys[0]) / stepY);
      // "yes" (1) a square, "no" (0) a circle, as in the chapter's figures.
      dots.appendChild(targets[k] === 1
        ? element("svg:rect", {class: "sb-point sb-yes", x: (px - 4).toFixed(1), y: (py - 4).toFixed(1),
          width: "8", height: "8"})
        : element("svg:circle", {class: "sb-point sb-no", cx: px.toFixed(1), cy: py.toFixed(1), r: "4.5"}));
    });
    overlay.append(overlayTitle, borderLine);
    // The examples never move: in an SVG of their own (a layer of its own, see STYLE), they are
    // drawn once, not again at every switch.
    const examples = element("svg:svg", {viewBox: `0 0 ${mapWidth} ${mapHeight}`, "aria-hidden": "true",
      class: "sb-examples"});
    examples.appendChild(dots);
    mapBox.append(canvas, overlay, examples);
    const mapNote = element("p", {}, "Two moons: first input across, second input up. Orange where " +
      "the network says yes, blue where it says no, stronger where it is surer; the line is " +
      "where its answer crosses 0.5. Squares are yes examples, circles no examples.");
    mapPanel.append(element("p", {class: "sb-title"},
      `After training: ${data.layers} hidden layers of ${data.width}`), mapBox, mapNote);

    // The blame at each hidden layer of the deeper network, on a log scale.
    const chartPanel = element("div", {class: "sb-panel"});
    const chart = element("svg:svg", {viewBox: `0 0 ${CHART.width} ${CHART.height}`, role: "img",
      class: "sb-chart"});
    const chartTitle = element("svg:title");
    const bars = element("svg:g");
    const chartAxes = element("svg:g");
    chart.append(chartTitle, chartAxes, bars);
    const firstShown = element("span", {class: "sb-first"});
    const chartNote = element("p", {}, "");
    const chartNoteStart = document.createTextNode("");
    chartNote.append(chartNoteStart, firstShown, document.createTextNode(" of what the last one got."));
    chartPanel.append(element("p", {class: "sb-title"},
      `Before training: ${data.deepest} hidden layers of ${data.blame_width}`), chart, chartNote);

    const {width, height, left, right, top, bottom} = CHART;
    const base = height - bottom;
    const layersDeep = data.deepest;
    const slot = (width - left - right) / layersDeep;
    const cy = v => top + (HIGHEST - Math.log10(v)) / (HIGHEST - LOWEST) * (base - top);
    chartAxes.append(
      element("svg:line", {class: "sb-axis", x1: left, x2: width - right, y1: base, y2: base}),
      element("svg:line", {class: "sb-axis", x1: left, x2: left, y1: top, y2: base}));
    for (const [p, label] of [[0, "all"], [-2, "1/100"], [-4, "1/10,000"], [-6, "1/1,000,000"]]) {
      chartAxes.appendChild(element("svg:line", {class: "sb-axis", x1: left - 4, x2: left, y1: cy(10 ** p),
        y2: cy(10 ** p)}));
      chartAxes.appendChild(element("svg:text", {x: left - 7, y: cy(10 ** p) + 5, "text-anchor": "end"}, label));
    }
    for (let k = 0; k < layersDeep; k++) {
      chartAxes.appendChild(element("svg:text", {x: left + (k + 0.5) * slot, y: base + 17,
        "text-anchor": "middle"}, String(k + 1)));
    }
    chartAxes.appendChild(element("svg:text", {x: (left + width - right) / 2, y: height - 6,
      "text-anchor": "middle"}, "hidden layer (1 = first)"));
    const barNodes = [];
    for (let k = 0; k < layersDeep; k++) {
      const bar = element("svg:rect", {class: "sb-bar", x: (left + (k + 0.15) * slot).toFixed(1),
        width: (0.7 * slot).toFixed(1), "data-layer": String(k + 1)});
      bars.appendChild(bar);
      barNodes.push(bar);
    }

    const panels = element("div", {class: "sb-panels"});
    panels.append(mapPanel, chartPanel);
    const said = element("p", {class: "quiet", "aria-live": "polite"});
    // The page's caption (the invitation to try it) stays first; the data and script stay, unseen.
    box.append(group, numbers, panels, said);

    let values = null;
    let chosen = data.choices[0][0];

    // Said politely, at most twice a second, with the numbers of the moment it is said.
    const say = announcer(said);
    const announce = () => say(() => `${title[chosen]}: ${accuracyShown.textContent} of the points right, error ` +
      `${errorShown.textContent}; the first hidden layer gets ${firstShown.textContent} of the blame.`);

    // The map's two colours, read from the styles (which follow the scheme) only when it changes.
    let yes = null;
    let no = null;
    function readColours() {
      const style = getComputedStyle(box);
      const rgb = name => {
        const hex = style.getPropertyValue(name).trim();
        return [1, 3, 5].map(k => parseInt(hex.slice(k, k + 2), 16));
      };
      yes = rgb("--sb-yes");
      no = rgb("--sb-no");
    }

    function paintMap() {
      const out = pixels.data;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < columns; c++) {
          const p = values[r * columns + c];
          const colour = p > 0.5 ? yes : no;
          const at = ((rows - 1 - r) * columns + c) * 4; // the canvas counts rows from the top
          out[at] = colour[0];
          out[at + 1] = colour[1];
          out[at + 2] = colour[2];
          out[at + 3] = Math.round(255 * STRONGEST * Math.abs(2 * p - 1));
        }
      }
      paint.putImageData(pixels, 0, 0);
    }

    // What one network answers: over the grid (with the lowest and highest answer, the border and
    // the values as text for the canvas's data attribute) and over the examples (accuracy, error).
    function measure(layers) {
      const values = forward(layers, gridPoints);
      let low = Infinity;
      let high = -Infinity;
      for (const p of values) {
        if (p < low) low = p;
        if (p > high) high = p;
      }
      // Accuracy as linear_limits.accuracy counts it, error as losses.cross_entropy computes it.
      const answers = forward(layers, examplePoints);
      let right = 0;
      let total = 0;
      for (let k = 0; k < n; k++) {
        const p = answers[k];
        if ((p > 0.5) === (targets[k] === 1)) right += 1;
        const clipped = Math.min(Math.max(p, 1e-12), 1.0 - 1e-12);
        total += targets[k] * Math.log(clipped) + (1.0 - targets[k]) * Math.log(1.0 - clipped);
      }
      return {values, low, high, accuracy: right / n, error: -(total / n),
        text: Array.prototype.join.call(values, " "), border: border(values, columns, rows, gx, gy)};
    }

    // Each network is measured the first time it is picked; its knobs never change, so a later
    // pick redraws from the same numbers.
    const measured = {};
    function update(quiet) {
      measured[chosen] = measured[chosen] || measure(nets[chosen]);
      const {low, high, accuracy, error} = measured[chosen];
      values = measured[chosen].values;
      canvas.dataset.values = measured[chosen].text;
      paintMap();
      borderLine.setAttribute("d", measured[chosen].border);
      show(accuracyShown, accuracy, `${(accuracy * 100).toFixed(0)}%`);
      // Two digits: the trained knobs' last bits differ from CPU to CPU, and these must not.
      show(errorShown, error, error.toPrecision(2));
      show(lowShown, low, low.toFixed(2));
      show(highShown, high, high.toFixed(2));
      lean.textContent = Math.max(high - 0.5, 0.5 - low) < LEANS ? "Every answer is close to 0.5: the network barely " +
        "leans either way, so its points right say little. Its line only marks where it tips." : "";
      overlayTitle.textContent = `The answers of the network with ${title[chosen] === "none" ? "no activation" :
        title[chosen]} over the two moons: ${accuracyShown.textContent} of the ${n} examples lie on ` +
        `their own colour. Its answers run from ${lowShown.textContent} to ${highShown.textContent}.`;

      const net = data.networks[chosen];
      box.dataset.bend = chosen;
      net.blame.forEach((share, k) => {
        const y = cy(share);
        barNodes[k].setAttribute("y", y.toFixed(1));
        barNodes[k].setAttribute("height", (base - y).toFixed(1));
        barNodes[k].dataset.value = String(share);
      });
      const oneIn = net.one_in;
      firstShown.dataset.value = String(net.blame[0]);
      firstShown.dataset.oneIn = String(oneIn);
      firstShown.textContent = oneIn > 1 ? `about 1 in ${oneIn.toLocaleString("en-US")}` : "nearly all";
      chartNoteStart.textContent = `The blame that reaches each hidden layer of an untrained network ` +
        `with ${layersDeep} hidden layers of ${data.blame_width} (${title[chosen] === "none" ? "no activation" :
        title[chosen]}), as a share of the last layer's, on a log scale. The first layer gets `;
      chartTitle.textContent = `Bars for hidden layers 1 to ${layersDeep}: ` +
        net.blame.map((share, k) => `layer ${k + 1}: ${share.toPrecision(2)}`).join(", ") + ".";
      if (!quiet) announce();
    }

    for (const radio of radios) {
      radio.addEventListener("change", () => {
        if (!radio.checked) return;
        chosen = radio.value;
        update();
      });
    }
    // Material's light/dark switch changes the page's colours: repaint the map in the new ones.
    new MutationObserver(() => {
      readColours();
      paintMap();
    }).observe(document.body, {attributes: true,
      attributeFilter: ["data-md-color-scheme"]});

    readColours();
    update(true);
    box.hidden = false;
  }

  const box = document.querySelector(".swap-bend");
  const source = document.getElementById("swap-bend-data");
  if (box && source) build(box, JSON.parse(source.textContent));
})();
