// heapbook: small progressive enhancements. The pages work without this file.
// 1. A "wrap" toggle on every heap block (long output lines scroll by default).
// 2. Heading anchors: a "#" link after each heading that has an id.
(function () {
  "use strict";
  var KEY = "heapbook.wrap";
  function stored() {
    try { return window.localStorage.getItem(KEY) === "1"; } catch (e) { return false; }
  }
  function store(on) {
    try { window.localStorage.setItem(KEY, on ? "1" : "0"); } catch (e) { /* file:// may forbid it */ }
  }
  function setWrap(on) {
    document.querySelectorAll(".heap-block").forEach(function (block) {
      block.classList.toggle("wrap", on);
      var button = block.querySelector(".wrap-toggle");
      if (button) { button.setAttribute("aria-pressed", on ? "true" : "false"); }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".heap-block .heap-mark").forEach(function (mark) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "wrap-toggle";
      button.textContent = "wrap lines";
      button.setAttribute("aria-pressed", "false");
      button.addEventListener("click", function () {
        var on = button.getAttribute("aria-pressed") !== "true";
        setWrap(on);
        store(on);
      });
      mark.appendChild(button);
    });
    setWrap(stored());
    document.querySelectorAll(".chapter h1[id], .chapter h2[id], .chapter h3[id], .chapter h4[id]").forEach(function (h) {
      var a = document.createElement("a");
      a.className = "heading-anchor";
      a.href = "#" + h.id;
      a.setAttribute("aria-label", "Link to this section");
      a.textContent = "#";
      h.appendChild(a);
    });
  });
})();
