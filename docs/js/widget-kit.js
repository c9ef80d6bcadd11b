// What the site's four interactive figures share. Each page with a widget loads this first
// (<script defer>, so in order), then its widget's own script (docs/js/<name>.js), which takes
// what it needs from window.widgetKit: nodes built in one call, a shown number that keeps its
// exact value for the tests, the sigmoid as snippets/activations.py computes it, a polite voice
// for screen readers, and the look every widget box shares.
window.widgetKit = (function () {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const ANNOUNCE_EVERY_MS = 500; // a screen reader hears at most two updates a second
  // The box, its controls, a visible focus and the text only screen readers hear: the same in
  // every widget; each adds its own styles under its own class.
  const SHARED_STYLE = `
.widget{margin:1em 0;padding:.8em;border:1px solid var(--md-default-fg-color--lightest);
 border-radius:.2rem;max-width:100%;box-sizing:border-box}
.widget select,.widget button{min-height:2rem;font:inherit;color:var(--md-default-fg-color);
 background:var(--md-default-bg-color);border:1px solid var(--md-default-fg-color--light);border-radius:.2rem}
.widget .controls{display:flex;flex-wrap:wrap;gap:.6em 1.2em;align-items:center}
.widget label{display:flex;flex-wrap:wrap;gap:.4em;align-items:center}
.widget input[type=range]{width:14rem;max-width:100%;min-height:1.5rem;accent-color:var(--md-accent-fg-color)}
.widget select{padding:0 .3em}
.widget button{padding:0 .8em;cursor:pointer}
.widget :focus-visible{outline:.15rem solid var(--md-accent-fg-color);outline-offset:.15rem}
.widget .quiet{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
`;

  // element("svg:line", {x1: 0}, "text"): an HTML or (with "svg:") SVG node with its attributes.
  function element(tag, attributes = {}, text = "") {
    const node = tag.startsWith("svg:") ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    if (text) node.textContent = text;
    return node;
  }

  // A number as the reader sees it, and its full precision for a test to compare exactly.
  function show(node, value, text) {
    node.dataset.value = String(value);
    node.textContent = text;
  }

  // A line "label <number>" added to container; returns the span the number is shown in.
  function numberLine(container, label, cls) {
    const row = element("div", {}, label);
    const value = element("span", {class: cls});
    row.appendChild(value);
    container.appendChild(row);
    return value;
  }

  // The sigmoid as activations.sigmoid computes it: exp(-|z|) never overflows.
  function sigmoid(z) {
    const e = Math.exp(-Math.abs(z));
    return (z >= 0 ? 1.0 : e) / (1.0 + e);
  }

  // say(message) puts a message in the polite live region `node`, at most once per interval and
  // always the latest: message may be a function, read when it is said (the numbers of then).
  function announcer(node) {
    let timer = null;
    let latest = "";
    return function say(message) {
      latest = message;
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        node.textContent = typeof latest === "function" ? latest() : latest;
      }, ANNOUNCE_EVERY_MS);
    };
  }

  // Marks `box` as a widget and adds the shared styles (once per page) and the widget's own.
  let styled = false;
  function dress(box, css) {
    if (!styled) document.head.appendChild(element("style", {}, SHARED_STYLE));
    styled = true;
    document.head.appendChild(element("style", {}, css));
    box.classList.add("widget");
  }

  return {element, show, numberLine, sigmoid, announcer, dress};
})();
