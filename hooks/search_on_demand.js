// Material's search downloads the whole search index as soon as a page opens: a third of what
// a first visit downloads, parsed on the main thread while the page is still starting. This
// holds that one download back until the reader turns to search: a click or a tap on the search
// box or its icon, or the keyboard's focus in it (Material's "/" and "s" shortcuts focus it).
// hooks/search_tweaks.py puts it inline in each page's <head>, so it is in place before
// Material's script asks for the index (which it does with XMLHttpRequest).
(() => {
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  const held = [];
  let released = false;

  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    this.isSearchIndex = String(url).includes("search/search_index.json");
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (this.isSearchIndex && !released) {
      held.push(() => send.apply(this, body));
      return;
    }
    return send.apply(this, body);
  };

  function release(event) {
    if (released || !event.target.closest || !event.target.closest(".md-search, [for=__search]")) return;
    released = true;
    held.splice(0).forEach((sendNow) => sendNow());
  }
  document.addEventListener("focusin", release);
  document.addEventListener("pointerdown", release);
})();
