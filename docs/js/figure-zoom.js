// A figure opens full size over the page: a click or a tap on it, or Enter when it has the
// keyboard's focus. Each figure is a link to its own picture (hooks/draw_figures.py), so
// without this script the browser simply opens the picture. The dialog is the browser's own
// <dialog>: it keeps the focus inside while open, and Escape closes it.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a.figure-zoom");
  if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  openFullSize(link);
});

function openFullSize(link) {
  const shown = link.querySelector("img");
  const width = Number(shown.getAttribute("width")) || shown.naturalWidth;

  const dialog = document.createElement("dialog");
  dialog.className = "figure-zoom__dialog";
  dialog.setAttribute("aria-label", "The figure, full size");

  const close = document.createElement("button");
  close.type = "button";
  close.className = "figure-zoom__close";
  close.textContent = "Close";

  // The full picture (never a phone version), at its own width or larger where the screen
  // allows; on a phone it is wider than the screen and scrolls.
  const picture = document.createElement("img");
  picture.src = link.href;
  picture.alt = shown.alt;
  picture.style.width = `max(${width}px, min(94vw, ${Math.round(width * 1.5)}px))`;

  dialog.append(close, picture);
  close.addEventListener("click", () => dialog.close());
  dialog.addEventListener("click", (event) => {
    if (event.target === dialog) dialog.close();  // a click on the dimmed page around it
  });
  dialog.addEventListener("close", () => {
    dialog.remove();
    link.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
}
