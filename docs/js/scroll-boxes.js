// A table or a notebook's code wider than the screen scrolls sideways inside its box. A reader
// on a keyboard must be able to scroll it too, so a box that overflows takes the focus (the
// arrow keys then scroll it) and is named for screen readers. (Material's own code blocks do
// this already.) The shadows that show a table scrolls are in extra.css.
const SCROLL_BOXES = {
  ".md-typeset__scrollwrap": "Table, scrolls sideways",  // Material wraps each table in one
  ".jp-Notebook .highlight-ipynb": "Code, scrolls sideways",
};

function markScrollBoxes() {
  for (const [selector, label] of Object.entries(SCROLL_BOXES)) {
    for (const box of document.querySelectorAll(selector)) {
      const scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("tabindex")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", label);
      } else if (!scrolls && box.hasAttribute("tabindex")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    }
  }
}

// document$ is Material's signal that a page's content is in place (its tables wrapped).
document$.subscribe(markScrollBoxes);
addEventListener("resize", markScrollBoxes);
