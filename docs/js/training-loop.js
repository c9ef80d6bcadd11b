// "One training step, then many" on chapter 3's first page: the running example (2-2-1 sigmoid
// network, XOR) trained in the browser. Step walks through one training step in its three parts
// (forward, blame back, update); Play runs whole steps to the end. The forward and backward
// passes and the update are redone here in float64, in the order of snippets/network.py and
// training.py, from the build's data (snippets/results_widget_training.py).
(function () {
  "use strict";
  const {element, show, sigmoid, announcer, dress} = window.widgetKit;
  // The diagram's layout, as snippets/figures_loop.py's POSITIONS, in the SVG's units.
  const NET = {width: 480, height: 252, rx: 44, ry: 26};
  const POSITIONS = {x1: [0, 1], x2: [0, 0], h1: [1.6, 1], h2: [1.6, 0], out: [3.2, 0.5]};
  const at = ([x, y]) => [50 + x * 116, 193 - y * 132];
  // Each arrow: from, to, the knob on it (an index into data.names).
  const EDGES = [["x1", "h1", 0], ["x2", "h1", 1], ["x1", "h2", 2], ["x2", "h2", 3], ["h1", "out", 6],
    ["h2", "out", 7]];
  const BIASES = [["h1", 4, -1], ["h2", 5, 1], ["out", 8, -1]]; // neuron, knob, label above (-1) or below
  const MAP = {size: 220, left: 30, bottom: 28, top: 6, right: 6};
  const CHART = {width: 340, height: 170, left: 46, right: 22, top: 12, bottom: 40};
  const STYLE = `
.training-loop{--tl-no:#3557c5;--tl-yes:#c4540a;--tl-back:#c4540a;--tl-update:#1a7f37;margin:1em 0;padding:.8em;
 border:1px solid var(--md-default-fg-color--lightest);border-radius:.2rem;max-width:100%;box-sizing:border-box}
[data-md-color-scheme=slate] .training-loop{--tl-no:#8aa8ff;--tl-yes:#f5a55a;--tl-back:#f5a55a;--tl-update:#56d364}
.training-loop button{min-width:4.5em}
.training-loop .tl-part{margin:.6em 0;min-height:3em}
.training-loop .tl-numbers{display:grid;grid-template-columns:repeat(auto-fill,minmax(10rem,1fr));
 gap:.2em 1em;margin:.6em 0;font-variant-numeric:tabular-nums}
.training-loop .tl-row{display:flex;flex-wrap:wrap;gap:.6em 1em;align-items:flex-start}
.training-loop svg{display:block;height:auto}
.training-loop .tl-net{flex:1 1 380px;max-width:480px;min-width:0}
.training-loop .tl-map{position:relative;width:100%}
.training-loop .tl-chart{flex:1 1 280px;max-width:440px;min-width:0}
.training-loop svg text{fill:var(--md-default-fg-color);font-size:14px}
.training-loop svg .tl-small{font-size:12px}
.training-loop .tl-net text{font-size:17px}
.training-loop .tl-net .tl-small{font-size:14px}
@media (max-width:30em){.training-loop{padding:.5em .3em}}
.training-loop .tl-label-back{fill:var(--md-default-bg-color)}
.training-loop .tl-node{fill:var(--md-default-bg-color);stroke:var(--md-default-fg-color);stroke-width:1.5}
.training-loop .tl-edge{stroke:var(--md-default-fg-color--light);stroke-width:1.5}
.training-loop .tl-head{fill:var(--md-default-fg-color--light)}
.training-loop .tl-phase-1 .tl-edge{stroke:var(--tl-no)} .training-loop .tl-phase-1 .tl-head{fill:var(--tl-no)}
.training-loop .tl-phase-2 .tl-edge{stroke:var(--tl-back)} .training-loop .tl-phase-2 .tl-head{fill:var(--tl-back)}
.training-loop .tl-phase-3 .tl-edge{stroke:var(--tl-update)} .training-loop .tl-phase-3 .tl-head{fill:var(--tl-update)}
/* The static maps' shades on the page's background; the canvas reads them from these swatches. */
.training-loop .tl-band0{color:color-mix(in srgb,var(--tl-no) 50%,var(--md-default-bg-color))}
.training-loop .tl-band1{color:color-mix(in srgb,var(--tl-no) 20%,var(--md-default-bg-color))}
.training-loop .tl-band2{color:color-mix(in srgb,var(--tl-yes) 20%,var(--md-default-bg-color))}
.training-loop .tl-band3{color:color-mix(in srgb,var(--tl-yes) 50%,var(--md-default-bg-color))}
.training-loop .tl-mapbox{position:relative;flex:0 1 210px;max-width:230px;min-width:0}
.training-loop .tl-mapbox canvas{position:absolute;image-rendering:pixelated}
.training-loop .tl-yes{fill:var(--tl-yes);stroke:var(--md-default-fg-color);stroke-width:1.5}
.training-loop .tl-no{fill:var(--tl-no);stroke:var(--md-default-fg-color);stroke-width:1.5}
.training-loop .tl-axis{fill:none;stroke:var(--md-default-fg-color--light)}
.training-loop .tl-boundary{fill:none;stroke:var(--md-default-fg-color);stroke-width:1.5}
.training-loop .tl-curve{fill:none;stroke:var(--tl-no);stroke-width:2}
.training-loop .tl-dot{fill:var(--tl-back)}
.training-loop table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:.9em}
.training-loop th,.training-loop td{padding:.1em .6em;text-align:right;border-bottom:1px solid var(--md-default-fg-color--lightest)}
.training-loop th:first-child,.training-loop td:first-child{text-align:left;padding-left:0}
.training-loop td{min-width:4.6em}
/* While Play runs, the table waits for the pause (laying it out every frame costs the most). */
.training-loop.tl-playing table td:nth-child(n+3){opacity:.45}
`;

  // The knobs as nine numbers in data.names' order: x1→h1, x2→h1, x1→h2, x2→h2, bias of h1,
  // bias of h2, h1→out, h2→out, bias of out. A hidden sum is x1 w + x2 w + b (network.py's
  // inputs @ weights + biases), the output's sum h1 w + h2 w + b.
  function hiddenOf(k, x, y) {
    return [sigmoid(x * k[0] + y * k[1] + k[4]), sigmoid(x * k[2] + y * k[3] + k[5])];
  }

  function outputOf(k, h) {
    return sigmoid(h[0] * k[6] + h[1] * k[7] + k[8]);
  }

  // One pass as Network.gradients does it with the mean squared error: forward for every
  // example, the error, the blame at the output's sum and at each hidden sum, and each knob's
  // gradient added up over the examples.
  function pass(k, inputs, targets) {
    const n = inputs.length;
    const hidden = inputs.map(([x, y]) => hiddenOf(k, x, y));
    const guesses = hidden.map(h => outputOf(k, h));
    let squares = 0;
    for (let e = 0; e < n; e++) {
      const gap = guesses[e] - targets[e];
      squares += gap * gap;
    }
    // d error / d guess, times the sigmoid's slope p (1 - p), as losses.py and activations.py.
    const blameOut = guesses.map((p, e) => (p - targets[e]) * (2.0 / n) * (p * (1.0 - p)));
    const blameHidden = hidden.map((h, e) => [0, 1].map(j => (blameOut[e] * k[6 + j]) * (h[j] * (1.0 - h[j]))));
    const gradients = new Array(9).fill(0);
    for (let e = 0; e < n; e++) {
      const [x, y] = inputs[e];
      for (let j = 0; j < 2; j++) {
        gradients[2 * j] += x * blameHidden[e][j];
        gradients[2 * j + 1] += y * blameHidden[e][j];
        gradients[4 + j] += blameHidden[e][j];
        gradients[6 + j] += hidden[e][j] * blameOut[e];
      }
      gradients[8] += blameOut[e];
    }
    return {hidden, guesses, error: squares / n, blameOut, blameHidden, gradients};
  }

  const minus = text => text.replace(/-/g, "\u2212");
  const fixed = (value, digits) => minus(value.toFixed(digits));
  const signed = (value, digits) => (value >= 0 ? "+" : "") + fixed(value, digits);
  // A blame or gradient can be tiny late in training: below 0.001 it shows two significant digits,
  // still written out (0.00067, not 6.7e-4).
  const small = value => (value === 0 || Math.abs(value) >= 1e-3 ? signed(value, 4) :
    (value > 0 ? "+" : "") + minus(value.toPrecision(2)));
  const whole = value => value.toLocaleString("en-US");

  function clear(node) {
    delete node.dataset.value;
    node.textContent = "";
  }

  function build(box, data) {
    const {inputs, targets, rate, steps} = data;
    const example = inputs.map(([x, y]) => `(${x}, ${y})`);
    let knobs = data.start.slice();
    let current = pass(knobs, inputs, targets);
    let errors = [current.error];
    let step = 0;
    let phase = 0; // 0: between steps, 1: forward, 2: blame back, 3: update (the step just taken)
    let last = null; // the update of the step just taken: {before, gradients, after}
    let playing = null; // the animation frame while Play runs

    dress(box, STYLE);

    const controls = element("div", {class: "controls"});
    const pickLabel = element("label", {}, "Example ");
    const pick = element("select", {class: "tl-pick"});
    inputs.forEach((x, e) => pick.appendChild(element("option", {value: String(e)},
      `${example[e]}, answer ${targets[e]}`)));
    pick.value = String(data.example);
    pickLabel.appendChild(pick);
    const stepButton = element("button", {type: "button", class: "tl-step"}, "Step");
    const playButton = element("button", {type: "button", class: "tl-play"}, "Play");
    const resetButton = element("button", {type: "button", class: "tl-reset"}, "Reset");
    controls.append(pickLabel, stepButton, playButton, resetButton);

    const part = element("p", {class: "tl-part"});

    const numbers = element("div", {class: "tl-numbers"});
    const line = (label, cls, extra = {}) => {
      const row = element("div", {}, label);
      const value = element("span", {class: cls, ...extra});
      row.appendChild(value);
      numbers.appendChild(row);
      return value;
    };
    const stepShown = line("Step: ", "tl-steps");
    const errorShown = line("Error: ", "tl-error");
    const guessShown = inputs.map((x, e) => line(`Guess for ${example[e]}: `, "tl-guess", {"data-example": String(e)}));

    // --- the network's diagram -------------------------------------------------------------
    const net = element("svg:svg", {viewBox: `0 0 ${NET.width} ${NET.height}`, role: "img", class: "tl-net"});
    net.appendChild(element("svg:title", {}, "The network: inputs x1 and x2, hidden neurons h1 and h2, and " +
      "the output. Each arrow carries its weight and each neuron its bias; the part of the step showing " +
      "puts its numbers in the neurons."));
    const edgeLayer = element("svg:g");
    const labelLayer = element("svg:g");
    const nodeLayer = element("svg:g");
    net.append(edgeLayer, nodeLayer, labelLayer);
    const edges = EDGES.map(([from, to, knob]) => {
      const line = element("svg:line", {class: "tl-edge"});
      const head = element("svg:polygon", {class: "tl-head"});
      edgeLayer.append(line, head);
      const [sx, sy] = at(POSITIONS[from]);
      const [ex, ey] = at(POSITIONS[to]);
      // The two arrows that cross carry their numbers near their start, as the static figure;
      // the arrow into the output from above, a little early, clear of the output's bias.
      const share = sy !== ey && from.startsWith("x") ? 0.33 : from === "h1" ? 0.42 : 0.5;
      const [lx, ly] = [sx + share * (ex - sx), sy + share * (ey - sy)];
      const back = element("svg:rect", {class: "tl-label-back", x: lx - 30, y: ly - 11, width: 60, height: 22, rx: 4});
      const label = element("svg:text", {class: "tl-knob", x: lx, y: ly + 6, "text-anchor": "middle",
        "data-knob": String(knob)});
      labelLayer.append(back, label);
      return {from, to, knob, line, head, label, back, lx};
    });
    const nodes = {};
    const names = {}; // each neuron's name: in its middle, or above its number when it shows one
    for (const [name, place] of Object.entries(POSITIONS)) {
      const [x, y] = at(place);
      nodeLayer.appendChild(element("svg:ellipse", {class: "tl-node", cx: x, cy: y, rx: NET.rx, ry: NET.ry}));
      const label = element("svg:text", {class: "tl-small", x, y: y + 5, "text-anchor": "middle"}, name);
      nodeLayer.appendChild(label);
      names[name] = label;
      const value = element("svg:text", {class: "tl-node-value", x, y: y + 14, "text-anchor": "middle",
        "data-node": name});
      nodeLayer.appendChild(value);
      nodes[name] = value;
    }
    const biases = BIASES.map(([name, knob, side]) => {
      const [x, y] = at(POSITIONS[name]);
      const label = element("svg:text", {class: "tl-knob", x, y: y + side * (NET.ry + 9) + (side > 0 ? 12 : 0),
        "text-anchor": "middle", "data-knob": String(knob)});
      labelLayer.appendChild(label);
      return {knob, label};
    });
    const [ox, oy] = at(POSITIONS.out);
    const answer = element("svg:text", {class: "tl-answer", x: ox, y: oy + NET.ry + 20, "text-anchor": "middle"});
    labelLayer.appendChild(answer);

    function drawEdges(backwards) {
      for (const {from, to, line, head} of edges) {
        let [sx, sy] = at(POSITIONS[from]);
        let [ex, ey] = at(POSITIONS[to]);
        if (backwards) [sx, sy, ex, ey] = [ex, ey, sx, sy];
        // From the edge of one ellipse to the edge of the other.
        const length = Math.hypot(ex - sx, ey - sy);
        const [dx, dy] = [(ex - sx) / length, (ey - sy) / length];
        const rim = 1 / Math.hypot(dx / NET.rx, dy / NET.ry);
        const [ax, ay] = [sx + dx * rim, sy + dy * rim];
        const [bx, by] = [ex - dx * rim, ey - dy * rim];
        line.setAttribute("x1", ax.toFixed(1));
        line.setAttribute("y1", ay.toFixed(1));
        // Backwards, no blame goes into the inputs (they are data): those lines get no arrowhead.
        const into = backwards && from.startsWith("x") ? 0 : 8;
        line.setAttribute("x2", (bx - dx * into).toFixed(1));
        line.setAttribute("y2", (by - dy * into).toFixed(1));
        if (!into) {
          head.setAttribute("points", "");
          continue;
        }
        const tip = [[bx, by], [bx - dx * 11 - dy * 5, by - dy * 11 + dx * 5], [bx - dx * 11 + dy * 5, by - dy * 11 - dx * 5]];
        head.setAttribute("points", tip.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" "));
      }
    }

    // --- the map of the network's answer ---------------------------------------------------
    const grid = data.grid;
    const half = (grid[1] - grid[0]) / 2;
    const low = grid[0] - half;
    const span = grid[grid.length - 1] + half - low;
    const plot = MAP.size - MAP.left - MAP.right;
    const mx = v => MAP.left + (v - low) / span * plot;
    const my = v => MAP.top + (1 - (v - low) / span) * plot;
    const map = element("svg:svg", {viewBox: `0 0 ${MAP.size} ${MAP.top + plot + MAP.bottom}`, role: "img",
      class: "tl-map"});
    map.appendChild(element("svg:title", {}, "A map of the network's answer over the input square: orange " +
      "where it says yes, blue where it says no, stronger where it is surer. Squares mark the two examples " +
      "whose answer is 1, circles the two whose answer is 0; a line marks where the answer crosses 0.5."));
    // The answer at each grid point fills one pixel of a small canvas under the SVG, stretched
    // over the plot (repainting a thousand SVG squares each frame would cost Play its speed).
    const n = grid.length;
    const mapHeight = MAP.top + plot + MAP.bottom;
    const canvas = element("canvas", {class: "tl-cells", width: n, height: n, "aria-hidden": "true",
      style: `left:${MAP.left / MAP.size * 100}%;top:${MAP.top / mapHeight * 100}%;` +
        `width:${plot / MAP.size * 100}%;height:${plot / mapHeight * 100}%`});
    const paint = canvas.getContext("2d");
    const swatches = [0, 1, 2, 3].map(band => element("span", {class: `tl-band${band}`, hidden: ""}));
    let shades = null; // the four bands' colours in the page's scheme, read when first needed
    let bands = new Array(n * n).fill(-1);
    const mapBox = element("div", {class: "tl-mapbox"});
    mapBox.append(canvas, map, ...swatches);
    // A new colour scheme gives new shades: repaint every cell.
    new MutationObserver(() => {
      shades = null;
      bands = bands.fill(-1);
      drawMap(true);
    }).observe(document.body, {attributes: true, attributeFilter: ["data-md-color-scheme"]});
    const boundary = element("svg:path", {class: "tl-boundary"});
    map.appendChild(boundary);
    const base = MAP.top + plot;
    map.append(element("svg:rect", {class: "tl-axis", x: MAP.left, y: MAP.top, width: plot, height: plot}));
    for (const v of [0, 1]) {
      map.append(element("svg:text", {x: mx(v), y: base + 16, "text-anchor": "middle", class: "tl-small"}, String(v)),
        element("svg:text", {x: MAP.left - 6, y: my(v) + 4, "text-anchor": "end", class: "tl-small"}, String(v)));
    }
    map.append(element("svg:text", {x: MAP.left + plot / 2, y: base + 25, "text-anchor": "middle", class: "tl-small"},
      "x1"), element("svg:text", {x: 10, y: MAP.top + plot / 2 + 4, "text-anchor": "middle", class: "tl-small"}, "x2"));
    inputs.forEach(([x, y], e) => {
      map.appendChild(targets[e] ? element("svg:rect", {class: "tl-yes", x: mx(x) - 6, y: my(y) - 6, width: 12,
        height: 12}) : element("svg:circle", {class: "tl-no", cx: mx(x), cy: my(y), r: 6.5}));
    });

    // --- the error chart -------------------------------------------------------------------
    const chart = element("svg:svg", {viewBox: `0 0 ${CHART.width} ${CHART.height}`, role: "img", class: "tl-chart"});
    chart.appendChild(element("svg:title", {}, `The error after each step taken so far, on a chart from step 0 ` +
      `to step ${whole(steps)}.`));
    const chartBase = CHART.height - CHART.bottom;
    const cx = s => CHART.left + s / steps * (CHART.width - CHART.left - CHART.right);
    const cy = v => CHART.top + (1 - v / data.error_top) * (chartBase - CHART.top);
    chart.append(element("svg:line", {class: "tl-axis", x1: CHART.left, x2: CHART.width - CHART.right, y1: chartBase,
      y2: chartBase}), element("svg:line", {class: "tl-axis", x1: CHART.left, x2: CHART.left, y1: CHART.top,
      y2: chartBase}));
    for (let s = 0; s <= steps; s += steps / 4) {
      chart.appendChild(element("svg:text", {x: cx(s), y: chartBase + 17, "text-anchor": "middle"}, whole(s)));
    }
    for (let t = 0; t <= 3; t++) {
      const v = data.error_top * t / 3;
      chart.appendChild(element("svg:text", {x: CHART.left - 6, y: cy(v) + 5, "text-anchor": "end"}, v.toFixed(1)));
    }
    chart.append(element("svg:text", {x: (CHART.left + CHART.width - CHART.right) / 2, y: CHART.height - 4,
      "text-anchor": "middle"}, "step"), element("svg:text", {x: 14, y: (CHART.top + chartBase) / 2,
      "text-anchor": "middle", transform: `rotate(-90 14 ${(CHART.top + chartBase) / 2})`}, "error"));
    const curve = element("svg:polyline", {class: "tl-curve"});
    const dot = element("svg:circle", {class: "tl-dot", r: "4"});
    chart.append(curve, dot);
    let curvePoints = ""; // grows by the new steps' points only

    // --- the table of knobs ----------------------------------------------------------------
    const table = element("table", {class: "tl-table"});
    const head = element("tr");
    for (const name of ["Knob", "Before", "Gradient", "After"]) head.appendChild(element("th", {scope: "col"}, name));
    const body = element("tbody");
    table.append(element("thead"), body);
    table.firstChild.appendChild(head);
    table.appendChild(element("caption", {class: "quiet"}, "Each knob before the step, its gradient and its " +
      "value after the step"));
    const rows = data.names.map((name, i) => {
      const row = element("tr");
      const cellsOf = ["tl-before", "tl-gradient", "tl-after"].map(cls => element("td", {class: cls,
        "data-knob": String(i)}));
      row.append(element("th", {scope: "row"}, name), ...cellsOf);
      body.appendChild(row);
      return cellsOf;
    });

    const said = element("p", {class: "quiet", "aria-live": "polite"});
    const top = element("div", {class: "tl-row"});
    top.append(net, mapBox);
    const bottom = element("div", {class: "tl-row"});
    bottom.append(chart, table);
    box.replaceChildren(controls, part, numbers, top, bottom, said);

    const announce = announcer(said); // announce(text): said politely, at most twice a second

    // One whole training step, as training.train takes it: the gradients of the pass at the
    // current knobs, every knob minus rate times its gradient, then the pass at the new knobs.
    function takeStep() {
      const before = knobs;
      const gradients = current.gradients;
      knobs = before.map((value, i) => value - rate * gradients[i]);
      last = {before, gradients, after: knobs};
      step += 1;
      current = pass(knobs, inputs, targets);
      errors.push(current.error);
      const point = `${cx(step).toFixed(1)},${cy(current.error).toFixed(1)} `;
      curvePoints += point;
    }

    // The decision boundary: where the answer crosses 0.5 between the grid's points, by marching
    // squares (each square's crossings joined; a square with four, by the value at its middle).
    function drawBoundary(values) {
      const n = grid.length;
      const path = [];
      const cross = (x0, y0, v0, x1, y1, v1) => {
        const t = (0.5 - v0) / (v1 - v0);
        return `${mx(x0 + t * (x1 - x0)).toFixed(1)} ${my(y0 + t * (y1 - y0)).toFixed(1)}`;
      };
      for (let j = 0; j + 1 < n; j++) {
        for (let i = 0; i + 1 < n; i++) {
          const [x0, x1, y0, y1] = [grid[i], grid[i + 1], grid[j], grid[j + 1]];
          const [a, b, c, d] = [values[j * n + i], values[j * n + i + 1], values[(j + 1) * n + i + 1],
            values[(j + 1) * n + i]]; // corners anticlockwise from the bottom left
          const found = [];
          if ((a < 0.5) !== (b < 0.5)) found.push(cross(x0, y0, a, x1, y0, b));
          if ((b < 0.5) !== (c < 0.5)) found.push(cross(x1, y0, b, x1, y1, c));
          if ((c < 0.5) !== (d < 0.5)) found.push(cross(x1, y1, c, x0, y1, d));
          if ((d < 0.5) !== (a < 0.5)) found.push(cross(x0, y1, d, x0, y0, a));
          if (found.length === 2) path.push(`M${found[0]}L${found[1]}`);
          if (found.length === 4) {
            const joined = ((a + b + c + d) / 4 < 0.5) === (a < 0.5);
            path.push(joined ? `M${found[0]}L${found[1]}M${found[2]}L${found[3]}` :
              `M${found[0]}L${found[3]}M${found[1]}L${found[2]}`);
          }
        }
      }
      boundary.setAttribute("d", path.join(""));
    }

    function drawMap(exact) {
      const values = [];
      if (shades === null) shades = swatches.map(swatch => getComputedStyle(swatch).color);
      for (let k = 0; k < n * n; k++) {
        const [i, j] = [k % n, Math.floor(k / n)];
        const value = outputOf(knobs, hiddenOf(knobs, grid[i], grid[j]));
        values.push(value);
        const band = value < 0.1 ? 0 : value < 0.5 ? 1 : value < 0.9 ? 2 : 3;
        if (band !== bands[k]) {
          paint.fillStyle = shades[band];
          paint.fillRect(i, n - 1 - j, 1, 1); // the canvas's first row is the top, the largest x2
          bands[k] = band;
        }
      }
      if (exact) canvas.dataset.values = values.map(String).join(" ");
      drawBoundary(values);
    }

    function partText() {
      const e = Number(pick.value);
      if (phase === 1) {
        const h = current.hidden[e];
        return `Forward: the example ${example[e]} flows through. h1 gives ${h[0].toFixed(4)}, h2 gives ` +
          `${h[1].toFixed(4)} and the output ${current.guesses[e].toFixed(4)}, where the right answer is ` +
          `${targets[e]}. Over all four examples, the error is ${current.error.toFixed(4)}.`;
      }
      if (phase === 2) {
        const b = current.blameHidden[e];
        return `Blame back: for ${example[e]} the output's blame is ${small(current.blameOut[e])}. Through ` +
          `the weights and each sigmoid's slope, h1 gets ${small(b[0])} and h2 gets ${small(b[1])}.`;
      }
      if (phase === 3) {
        return `Update: each gradient adds up what all four examples ask for, and every knob moved by ` +
          `${rate} times its gradient, downhill. Step ${whole(step)} is taken: the error is now ` +
          `${current.error.toFixed(4)}.`;
      }
      if (step >= steps) return `All ${whole(steps)} steps taken: the error is ${current.error.toFixed(4)}. ` +
        "Reset starts again from the same knobs.";
      if (step === 0) return `Press Step to walk through one training step, a part per press, or Play to ` +
        `run all ${whole(steps)} steps.`;
      return `At step ${whole(step)}. Step walks through the next training step; Play goes on.`;
    }

    // Everything shown, from the state. Only `exact` writes the numbers Play leaves until it stops:
    // the table, the parts, every full-precision value of the map and the curve.
    function render(exact) {
      const e = Number(pick.value);
      show(stepShown, step, `${whole(step)} of ${whole(steps)}`);
      show(errorShown, current.error, current.error.toFixed(4));
      current.guesses.forEach((g, k) => show(guessShown[k], g, g.toFixed(4)));
      curve.setAttribute("points", curvePoints ? `${cx(0).toFixed(1)},${cy(errors[0]).toFixed(1)} ${curvePoints}` :
        "");
      dot.setAttribute("cx", cx(step).toFixed(1));
      dot.setAttribute("cy", cy(current.error).toFixed(1));
      const longer = [];
      for (const edge of edges) {
        const text = fixed(knobs[edge.knob], 4);
        if (text.length !== edge.label.textContent.length) longer.push(edge);
        show(edge.label, knobs[edge.knob], text);
      }
      // The box behind each number hides the arrow under it. It is sized to the text once drawn,
      // when the number's length changes: all measured together, so the page lays out once.
      longer.map(({label}) => label.getComputedTextLength()).forEach((length, k) => {
        const {back, lx, label} = longer[k];
        const width = (length || 9 * label.textContent.length) + 8;
        back.setAttribute("x", (lx - width / 2).toFixed(1));
        back.setAttribute("width", width.toFixed(1));
      });
      for (const {knob, label} of biases) show(label, knobs[knob], `bias ${signed(knobs[knob], 4)}`);
      drawMap(exact);
      if (!exact) { // while playing, the table follows the knobs too (text only; the rest waits)
        rows.forEach(([before], i) => { before.textContent = fixed(knobs[i], 4); });
        return;
      }
      rows.forEach(([before, gradient, after], i) => {
        if (phase === 3) {
          show(before, last.before[i], fixed(last.before[i], 4));
          show(gradient, last.gradients[i], small(last.gradients[i]));
          show(after, last.after[i], fixed(last.after[i], 4));
        } else {
          show(before, knobs[i], fixed(knobs[i], 4));
          gradient.textContent = after.textContent = "\u2014";
          delete gradient.dataset.value;
          delete after.dataset.value;
        }
      });
      curve.dataset.values = errors.map(String).join(" ");
      net.setAttribute("class", `tl-net tl-phase-${phase}`);
      drawEdges(phase === 2);
      for (const name of ["x1", "x2", "h1", "h2", "out"]) clear(nodes[name]);
      answer.textContent = "";
      for (const [name, label] of Object.entries(names)) {
        label.setAttribute("y", at(POSITIONS[name])[1] + (phase === 1 || phase === 2 ? -6 : 5));
      }
      if (phase === 1 || phase === 2) {
        show(nodes.x1, inputs[e][0], String(inputs[e][0]));
        show(nodes.x2, inputs[e][1], String(inputs[e][1]));
        answer.textContent = `answer ${targets[e]}`;
      }
      if (phase === 1) {
        current.hidden[e].forEach((h, j) => show(nodes[`h${j + 1}`], h, h.toFixed(4)));
        show(nodes.out, current.guesses[e], current.guesses[e].toFixed(4));
      } else if (phase === 2) {
        current.blameHidden[e].forEach((b, j) => show(nodes[`h${j + 1}`], b, small(b)));
        show(nodes.out, current.blameOut[e], small(current.blameOut[e]));
      }
      part.textContent = partText();
    }

    function pause() {
      if (playing !== null) cancelAnimationFrame(playing);
      playing = null;
      playButton.textContent = "Play";
      box.classList.remove("tl-playing");
    }

    function frame() {
      for (let k = 0; k < data.per_frame && step < steps; k++) takeStep();
      if (step >= steps) {
        pause();
        render(true);
        announce(`${part.textContent} Step ${whole(step)}.`);
        return;
      }
      render(false);
      playing = requestAnimationFrame(frame);
    }

    stepButton.addEventListener("click", () => {
      if (playing !== null) {
        pause();
        phase = 0;
      }
      if (step >= steps) {
        phase = 0; // the run is over: nothing more to take
      } else if (phase === 2) {
        takeStep();
        phase = 3;
      } else {
        phase = phase === 1 ? 2 : 1;
      }
      render(true);
      announce(`Step ${whole(step)}, error ${errorShown.textContent}. ${part.textContent}`);
    });
    playButton.addEventListener("click", () => {
      if (playing !== null) {
        pause();
        render(true);
        announce(`Paused at step ${whole(step)}, error ${errorShown.textContent}.`);
        return;
      }
      if (step >= steps) return;
      phase = 0;
      playButton.textContent = "Pause";
      render(true);
      part.textContent = "Playing: whole training steps, one after another, all four examples each " +
        "time. Pause stops; then Step walks through the next step in parts.";
      box.classList.add("tl-playing");
      playing = requestAnimationFrame(frame);
    });
    resetButton.addEventListener("click", () => {
      pause();
      knobs = data.start.slice();
      current = pass(knobs, inputs, targets);
      errors = [current.error];
      curvePoints = "";
      step = 0;
      phase = 0;
      last = null;
      render(true);
      announce(`Back to step 0, error ${errorShown.textContent}.`);
    });
    pick.addEventListener("change", () => {
      render(true);
      if (phase === 1 || phase === 2) announce(part.textContent);
    });

    box.hidden = false; // first, so that the numbers' boxes can measure their text
    render(true);
  }

  const box = document.querySelector(".training-loop");
  const source = document.getElementById("training-loop-data");
  if (box && source) build(box, JSON.parse(source.textContent));
})();
