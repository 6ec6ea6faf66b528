// heapbook: small progressive enhancements. The pages work without this file.
// 1. A "wrap" toggle on every heap block (long output lines scroll by default).
// 2. Heading anchors: a "#" link after each heading that has an id.
// 3. GC pictures: the phases of a collection become a stepper (all are shown without JS).
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
    document.querySelectorAll(".gc-steps").forEach(function (panel) {
      var steps = panel.querySelectorAll(".gc-step");
      if (steps.length < 2) { return; }
      var current = 0;
      var bar = document.createElement("div");
      bar.className = "gc-stepper";
      var prev = document.createElement("button");
      prev.type = "button";
      prev.textContent = "← previous phase";
      var next = document.createElement("button");
      next.type = "button";
      next.textContent = "next phase →";
      var where = document.createElement("span");
      where.setAttribute("aria-live", "polite");
      var all = document.createElement("button");
      all.type = "button";
      all.textContent = "show all";
      function show(i) {
        current = i;
        steps.forEach(function (step, k) { step.classList.toggle("current", k === i); });
        where.textContent = "phase " + (i + 1) + " of " + steps.length;
        prev.disabled = i === 0;
        next.disabled = i === steps.length - 1;
      }
      prev.addEventListener("click", function () { show(Math.max(0, current - 1)); });
      next.addEventListener("click", function () { show(Math.min(steps.length - 1, current + 1)); });
      all.addEventListener("click", function () {
        var stepping = panel.classList.toggle("stepping");
        all.textContent = stepping ? "show all" : "one at a time";
        prev.hidden = next.hidden = where.hidden = !stepping;
      });
      bar.appendChild(prev);
      bar.appendChild(where);
      bar.appendChild(next);
      bar.appendChild(all);
      panel.insertBefore(bar, panel.querySelector(".gc-step-list"));
      panel.classList.add("stepping");
      show(0);
    });
  });
})();
