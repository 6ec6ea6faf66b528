// heapbook: small progressive enhancements. The pages work without this file.
// 1. A "wrap" toggle on every heap block (long output lines scroll by default).
// 2. Heading anchors: a "#" link after each heading that has an id.
// 3. GC pictures: the phases of a collection become a stepper (all are shown without JS).
// 4. A "copy" button on every heap block: its input without prompts or outputs (data-copy).
// 5. ← / → go to the previous / next chapter (not while typing, not in a scrolled table).
// 6. The page outline is open beside the text on wide screens, folded on narrow ones.
// 7. print.html: a "Print the book" button; wide Markdown tables may use the page's width.
// 9. "predict": hides a transcript block's outputs until each is clicked (or Enter), so the
//    reader can guess every number before seeing CPython's.
// 8. Heap steppers: a diagram block's pictures, one per statement, shown one at a time;
//    buttons, and ← / → (or k / j, Home, End) while the stepper has focus.
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
  // Pages opened from file:// are a secure context in current browsers, so the Clipboard API
  // usually works; where it does not, a selected textarea and execCommand("copy") do.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }
  function legacyCopy(text) {
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.top = "0";
      area.style.left = "0";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }
  function setUpCopy(button) {
    button.hidden = false;
    var label = button.textContent;
    var timer = null;
    button.addEventListener("click", function () {
      function say(text) {
        button.textContent = text;
        clearTimeout(timer);
        timer = setTimeout(function () { button.textContent = label; }, 1500);
      }
      copyText(button.getAttribute("data-copy") || "").then(function () { say("copied"); },
                                                             function () { say("copy failed"); });
    });
  }
  function setUpKeys() {
    document.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") { return; }
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
      var target = event.target;
      if (target && target.closest && (target.closest("input, textarea, select, [contenteditable]")
          || target.closest(".heap-versions-scroll, .diagram-scroll, .heap-stepper, table"))) { return; }
      var link = document.querySelector(event.key === "ArrowLeft" ? ".prev-next a.prev" : ".prev-next a.next");
      if (link) {
        event.preventDefault();
        window.location.href = link.href;
      }
    });
  }
  function setUpOutline() {
    var details = document.querySelector(".page-outline details");
    if (!details || !window.matchMedia) { return; }
    var wide = window.matchMedia("(min-width: 90rem)");
    function follow() { details.open = wide.matches; }
    follow();
    if (wide.addEventListener) { wide.addEventListener("change", follow); }
    var links = Array.prototype.slice.call(details.querySelectorAll("a[href^='#']"));
    details.addEventListener("click", function (event) {
      if (!wide.matches && event.target.closest && event.target.closest("a")) { details.open = false; }
    });
    // Marks the section being read.
    var headings = links.map(function (a) { return document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1))); });
    var ticking = false;
    function mark() {
      ticking = false;
      var current = -1;
      headings.forEach(function (h, i) { if (h && h.getBoundingClientRect().top < 120) { current = i; } });
      links.forEach(function (a, i) {
        if (i === current) { a.setAttribute("aria-current", "location"); } else { a.removeAttribute("aria-current"); }
      });
    }
    window.addEventListener("scroll", function () {
      if (!ticking) { ticking = true; window.requestAnimationFrame(mark); }
    }, { passive: true });
    mark();
  }
  function setUpStepper(panel) {
    var steps = panel.querySelectorAll(".heap-step");
    if (steps.length < 2) { return; }
    var last = steps.length - 1;
    var current = last;
    var bar = document.createElement("div");
    bar.className = "heap-stepper-bar";
    function button(text, label) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      b.setAttribute("aria-label", label);
      bar.appendChild(b);
      return b;
    }
    var first = button("first", "first step: before the block");
    var prev = button("← back", "previous statement");
    var where = document.createElement("span");
    where.className = "heap-stepper-where";
    where.setAttribute("aria-live", "polite");
    bar.appendChild(where);
    var next = button("next →", "next statement");
    var end = button("last", "last step: after the block");
    var hint = document.createElement("span");
    hint.className = "heap-stepper-hint";
    hint.textContent = "keys: ← → (j k)";
    bar.appendChild(hint);
    // A step whose heap looks as the step before's has no picture of its own: the picture
    // it shares is moved into it while it is shown (moved, not copied: ids stay unique).
    function picture(k) {
      if (pictures[k]) { return pictures[k]; }   // its own, wherever it was moved
      var from = steps[k].getAttribute("data-same-as");
      return from === null ? null : pictures[Number(from)];
    }
    var pictures = [];
    steps.forEach(function (step, k) { pictures[k] = step.querySelector(":scope > .diagram-scroll"); });
    function show(i) {
      current = Math.max(0, Math.min(last, i));
      steps.forEach(function (step, k) { step.classList.toggle("current", k === current); });
      var shown = picture(current);
      if (shown && shown.parentNode !== steps[current]) { steps[current].appendChild(shown); }
      where.textContent = current === 0 ? "before the block (0 of " + last + ")"
                                        : "after statement " + current + " of " + last;
      first.disabled = prev.disabled = current === 0;
      next.disabled = end.disabled = current === last;
      panel.setAttribute("data-current", String(current));
    }
    first.addEventListener("click", function () { show(0); });
    prev.addEventListener("click", function () { show(current - 1); });
    next.addEventListener("click", function () { show(current + 1); });
    end.addEventListener("click", function () { show(last); });
    // Only while focus is inside the stepper: elsewhere ← / → keep turning pages.
    panel.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) { return; }
      var to = null;
      if (event.key === "ArrowLeft" || event.key === "k") { to = current - 1; }
      else if (event.key === "ArrowRight" || event.key === "j") { to = current + 1; }
      else if (event.key === "Home") { to = 0; }
      else if (event.key === "End") { to = last; }
      if (to === null) { return; }
      event.preventDefault();
      event.stopPropagation();
      show(to);
    });
    panel.tabIndex = 0;
    panel.setAttribute("role", "group");
    panel.setAttribute("aria-label", "Heap stepper: use the buttons, or the arrow keys while it has focus");
    panel.insertBefore(bar, panel.querySelector(".heap-step-list"));
    panel.classList.add("stepping");
    show(last);
  }
  function setUpPredict(block) {
    var outputs = block.querySelectorAll(".heap-code span.go, .heap-code span.gt");
    var mark = block.querySelector(".heap-mark");
    if (!outputs.length || !mark) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "predict-toggle";
    button.textContent = "predict";
    button.title = "Hide the outputs; click each one (or press Enter on it) to reveal it";
    button.setAttribute("aria-pressed", "false");
    function reveal(span) {
      span.classList.add("revealed");
      span.removeAttribute("tabindex");
      span.removeAttribute("role");
      span.removeAttribute("aria-label");
    }
    outputs.forEach(function (span) {
      span.addEventListener("click", function () { if (block.classList.contains("predicting")) { reveal(span); } });
      span.addEventListener("keydown", function (event) {
        if (block.classList.contains("predicting") && (event.key === "Enter" || event.key === " ")) {
          event.preventDefault();
          reveal(span);
        }
      });
    });
    button.addEventListener("click", function () {
      var on = block.classList.toggle("predicting");
      button.setAttribute("aria-pressed", on ? "true" : "false");
      outputs.forEach(function (span) {
        span.classList.remove("revealed");
        if (on) {
          span.tabIndex = 0;
          span.setAttribute("role", "button");
          span.setAttribute("aria-label", "hidden output: reveal");
        } else {
          reveal(span);
        }
      });
    });
    mark.appendChild(button);
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".heap-stepper").forEach(setUpStepper);
    document.querySelectorAll(".heap-block.heap-transcript").forEach(setUpPredict);
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
    document.querySelectorAll(".heap-block .copy-button").forEach(setUpCopy);
    setUpKeys();
    setUpOutline();
    document.querySelectorAll(".print-button").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll(".chapter > table").forEach(function (table) {
      if (table.scrollWidth > table.clientWidth + 1) { table.classList.add("wide-table"); }
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
