/* budgetsite: draws charts from the JSON in the page and sorts comparison tables.
   Every page is complete without this script: charts have tables beside them. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function drawCharts() {
    if (!window.Plotly) return;
    document.querySelectorAll("[data-chart]").forEach(function (el) {
      var data = document.getElementById(el.getAttribute("data-chart"));
      if (!data) return;
      try {
        var spec = JSON.parse(data.textContent);
        window.Plotly.newPlot(el, spec.data, spec.layout, spec.config);
      } catch (e) {
        el.textContent = "";
      }
    });
  }

  function sortValue(cell) {
    var v = cell.getAttribute("data-sort");
    if (v === null || v === "") return null;
    var n = Number(v);
    return isNaN(n) ? v : n;
  }

  function sortTable(table, col, th) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var current = th.getAttribute("aria-sort");
    var dir = current === "descending" ? 1 : -1;
    rows.sort(function (a, b) {
      var x = sortValue(a.cells[col]), y = sortValue(b.cells[col]);
      if (x === null && y === null) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      if (typeof x === "number" && typeof y === "number") return dir * (x - y);
      return dir * String(x).localeCompare(String(y), "zh-CN");
    });
    rows.forEach(function (r) { body.appendChild(r); });
    table.querySelectorAll("thead th").forEach(function (h) { h.setAttribute("aria-sort", "none"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
  }

  function setupSorting() {
    document.querySelectorAll("table.sortable").forEach(function (table) {
      table.querySelectorAll("thead th button").forEach(function (button) {
        button.addEventListener("click", function () {
          sortTable(table, Number(button.getAttribute("data-col")), button.parentNode);
        });
      });
    });
  }

  function ready() {
    setupSorting();
    drawCharts();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
