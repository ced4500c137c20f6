/* Sortable tables: a button in each column header of table.jc-sortable sorts its rows.
 * Numbers sort as numbers (Danish format or a data-sort value); aria-sort tells screen readers.
 * Wide tables: each scrolling region (.jc-table-wrap) says on which side there is more to see
 * (data-jc-scroll="start end", drawn as a shadow by jc.css).
 * Stacked tables (table.jc-stack, cards on a phone): their parts get explicit table roles, as
 * CSS display: block takes the table's semantics away from screen readers. */
(function () {
  "use strict";
  function value(cell) {
    if (!cell) return "";
    var v = cell.getAttribute("data-sort");
    var text = v !== null ? v : cell.textContent.trim();
    var n = v !== null ? Number(v) : Number(text.replace(/\./g, "").replace(",", ".").replace(/[^0-9.\-]/g, ""));
    return text !== "" && !isNaN(n) && /\d/.test(text) ? n : text.toLowerCase();
  }
  function sort(table, index, button) {
    var th = button.parentNode;
    var asc = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("thead th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a.cells[index]), y = value(b.cells[index]);
      if (typeof x === "number" && typeof y === "number") return asc ? x - y : y - x;
      return asc ? String(x).localeCompare(String(y), "da") : String(y).localeCompare(String(x), "da");
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  function markScroll(wrap) {
    var sides = [];
    if (wrap.scrollLeft > 1) sides.push("start");
    if (wrap.scrollLeft + wrap.clientWidth < wrap.scrollWidth - 1) sides.push("end");
    if (sides.length) wrap.setAttribute("data-jc-scroll", sides.join(" "));
    else wrap.removeAttribute("data-jc-scroll");
  }
  var resized = typeof ResizeObserver === "function" ? new ResizeObserver(function (entries) {
    entries.forEach(function (e) { markScroll(e.target); });
  }) : null;
  function watchScroll() {
    document.querySelectorAll(".jc-table-wrap").forEach(function (wrap) {
      if (wrap.getAttribute("data-jc-scroll-watched")) return;
      wrap.setAttribute("data-jc-scroll-watched", "true");
      wrap.addEventListener("scroll", function () { markScroll(wrap); }, {passive: true});
      if (resized) resized.observe(wrap);
      markScroll(wrap);
    });
  }
  var ROLES = [["table.jc-stack", "table"], ["thead, tbody, tfoot", "rowgroup"], ["tr", "row"],
               ["thead th", "columnheader"], ["tbody th", "rowheader"], ["td", "cell"]];
  function keepTableRoles() {
    document.querySelectorAll("table.jc-stack:not([role])").forEach(function (table) {
      ROLES.forEach(function (pair) {
        if (table.matches(pair[0])) table.setAttribute("role", pair[1]);
        table.querySelectorAll(pair[0]).forEach(function (e) { e.setAttribute("role", pair[1]); });
      });
    });
  }
  function enhance() {
    watchScroll();
    keepTableRoles();
    document.querySelectorAll("table.jc-sortable").forEach(function (table) {
      if (table.getAttribute("data-jc-sortable")) return;
      table.setAttribute("data-jc-sortable", "true");
      table.querySelectorAll("thead th").forEach(function (th, index) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "jc-sort";
        button.textContent = th.textContent;
        button.setAttribute("title", "Sortér efter " + th.textContent);
        th.textContent = "";
        th.appendChild(button);
        button.addEventListener("click", function () { sort(table, index, button); });
      });
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(enhance);
  else document.addEventListener("DOMContentLoaded", enhance);
})();
