// A filter box for long lists (the registry indexes): typing keeps only the table rows whose text
// contains what was typed. The page works without it; the box is added only where a page asks
// for one (<div class="list-filter">) and filters the next .filterable table.
(function () {
  "use strict";

  function setUp(slot, index) {
    var wrapper = slot.nextElementSibling;
    while (wrapper && !wrapper.classList.contains("filterable")) wrapper = wrapper.nextElementSibling;
    var table = wrapper && wrapper.querySelector("table");
    if (!table) return;
    var rows = Array.prototype.slice.call(table.tBodies[0] ? table.tBodies[0].rows : []);
    var id = "list-filter-" + index;
    var label = document.createElement("label");
    label.setAttribute("for", id);
    label.className = "list-filter__label";
    label.textContent = slot.dataset.filterLabel || "筛选";
    var input = document.createElement("input");
    input.type = "search";
    input.id = id;
    input.className = "list-filter__input";
    input.setAttribute("autocomplete", "off");
    var status = document.createElement("span");
    status.className = "list-filter__status";
    status.setAttribute("role", "status");
    input.addEventListener("input", function () {
      var query = input.value.trim().toLowerCase();
      var shown = 0;
      rows.forEach(function (row) {
        var match = !query || row.textContent.toLowerCase().indexOf(query) >= 0;
        row.hidden = !match;
        if (match) shown += 1;
      });
      status.textContent = query ? "显示 " + shown + " / " + rows.length + " 项" : "";
    });
    slot.append(label, input, status);
  }

  document.querySelectorAll("div.list-filter").forEach(setUp);
})();
