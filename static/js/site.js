// A little enhancement; every page works without it.
(function () {
  "use strict";
  // The header's menu: always open on a wide screen, closed on a phone until asked for.
  var menu = document.querySelector("[data-site-menu]");
  if (menu) {
    var wide = window.matchMedia("(min-width: 60em)");
    var sync = function () { menu.open = wide.matches; };
    sync();
    wide.addEventListener("change", sync);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open && !wide.matches) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
  }
  // Stacked table rows on a phone: each cell is labelled with its column's heading.
  document.querySelectorAll("table.table").forEach(function (table) {
    var headings = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.trim();
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, index) {
        if (cell.tagName === "TD" && headings[index] && !cell.hasAttribute("data-label")) {
          cell.setAttribute("data-label", headings[index]);
        }
      });
    });
  });
})();
// An error summary shown after a post takes the focus, as GOV.UK's does.
(function () {
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) { summary.focus(); }
})();
