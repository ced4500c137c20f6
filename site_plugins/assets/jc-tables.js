/* Sortable tables: a button in each column header of table.jc-sortable sorts its rows.
 * Numbers sort as numbers (Danish format or a data-sort value); aria-sort tells screen readers. */
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
  function enhance() {
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
