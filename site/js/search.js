// heapbook: offline full-text search over search-index.js (window.heapbookSearchIndex).
// Works from file://: the index is a script, nothing is fetched. Press "/" or "s" to
// search, arrows to move through the results, Enter to open one, Escape to leave.
(function () {
  "use strict";
  var MAX_RESULTS = 20;

  function terms(query) {
    return query.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
  }

  function score(entry, words) {
    var heading = entry.heading.toLowerCase();
    var chapter = entry.chapter.toLowerCase();
    var text = entry.text.toLowerCase();
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      var inHeading = heading.indexOf(w) >= 0;
      var inChapter = chapter.indexOf(w) >= 0;
      var at = text.indexOf(w);
      if (!inHeading && !inChapter && at < 0) { return 0; }
      if (inHeading) { total += 10; }
      if (inChapter) { total += 2; }
      var count = 0;
      while (at >= 0 && count < 10) { count++; at = text.indexOf(w, at + w.length); }
      total += count;
    }
    return total;
  }

  // Appends `text` to `parent`, wrapping the query words in <mark> (no innerHTML).
  function highlighted(parent, text, words) {
    var lower = text.toLowerCase();
    var pos = 0;
    while (pos < text.length) {
      var next = -1, length = 0;
      for (var i = 0; i < words.length; i++) {
        var at = lower.indexOf(words[i], pos);
        if (at >= 0 && (next < 0 || at < next)) { next = at; length = words[i].length; }
      }
      if (next < 0) { break; }
      parent.appendChild(document.createTextNode(text.slice(pos, next)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(next, next + length);
      parent.appendChild(mark);
      pos = next + length;
    }
    parent.appendChild(document.createTextNode(text.slice(pos)));
  }

  function snippet(text, words) {
    var lower = text.toLowerCase();
    var at = -1;
    for (var i = 0; i < words.length && at < 0; i++) { at = lower.indexOf(words[i]); }
    if (at < 0) { return text.slice(0, 140); }
    var start = Math.max(0, at - 50);
    return (start > 0 ? "…" : "") + text.slice(start, start + 160) + (start + 160 < text.length ? "…" : "");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var index = window.heapbookSearchIndex;
    var box = document.getElementById("search");
    var input = document.getElementById("search-input");
    var list = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    if (!index || !box || !input || !list) { return; }
    box.hidden = false;

    function render() {
      var words = terms(input.value);
      list.textContent = "";
      if (words.length === 0) { status.textContent = ""; return; }
      var found = [];
      for (var i = 0; i < index.length; i++) {
        var s = score(index[i], words);
        if (s > 0) { found.push({ entry: index[i], score: s, order: i }); }
      }
      found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
      status.textContent = found.length === 0 ? "No results" : found.length + " result" + (found.length === 1 ? "" : "s");
      if (found.length === 0) {
        var none = document.createElement("li");
        none.className = "search-none";
        none.textContent = "No results";
        list.appendChild(none);
        return;
      }
      found.slice(0, MAX_RESULTS).forEach(function (hit) {
        var e = hit.entry;
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = e.href;
        a.className = "search-hit";
        var where = document.createElement("span");
        where.className = "search-chapter";
        where.textContent = (e.number ? e.number + ". " : "") + e.chapter;
        var heading = document.createElement("span");
        heading.className = "search-heading";
        highlighted(heading, e.heading, words);
        var text = document.createElement("span");
        text.className = "search-snippet";
        highlighted(text, snippet(e.text, words), words);
        a.appendChild(where);
        a.appendChild(heading);
        a.appendChild(text);
        li.appendChild(a);
        list.appendChild(li);
      });
    }

    function hits() { return Array.prototype.slice.call(list.querySelectorAll("a.search-hit")); }

    input.addEventListener("input", render);
    input.addEventListener("keydown", function (event) {
      var all = hits();
      if (event.key === "ArrowDown" && all.length) { event.preventDefault(); all[0].focus(); }
      else if (event.key === "Enter" && all.length) { event.preventDefault(); window.location.href = all[0].href; }
      else if (event.key === "Escape") { input.value = ""; render(); input.blur(); }
    });
    list.addEventListener("keydown", function (event) {
      var all = hits();
      var i = all.indexOf(document.activeElement);
      if (i < 0) { return; }
      if (event.key === "ArrowDown") { event.preventDefault(); (all[i + 1] || all[i]).focus(); }
      else if (event.key === "ArrowUp") { event.preventDefault(); (i === 0 ? input : all[i - 1]).focus(); }
      else if (event.key === "Escape") { input.focus(); }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" && event.key !== "s") { return; }
      if (event.ctrlKey || event.metaKey || event.altKey) { return; }
      var t = event.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
      event.preventDefault();
      var toggle = document.getElementById("sidebar-toggle");
      if (toggle && window.matchMedia && window.matchMedia("(max-width: 52rem)").matches) { toggle.checked = true; }
      input.focus();
      input.select();
    });
  });
})();
