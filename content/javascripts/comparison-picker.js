// The comparisons index's picker: the two chosen plans are kept in the URL
// (?a=…&b=…), so a choice can be bookmarked, shared and restored on reload.
// data-pages maps "a--b" to the pair page's URL relative to the page; a pair without one opens
// data-compose (the composer page, comparison-composer.js) with the same query.
(function () {
  function setUp(form) {
    var pages = JSON.parse(form.dataset.pages);
    var a = form.elements.a, b = form.elements.b;
    var params = new URLSearchParams(window.location.search);
    if (params.get("a")) a.value = params.get("a");
    if (params.get("b")) b.value = params.get("b");
    else if (b.selectedIndex === a.selectedIndex && b.options.length > 1) b.selectedIndex = 1;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = "?a=" + encodeURIComponent(a.value) + "&b=" + encodeURIComponent(b.value);
      window.history.replaceState(null, "", window.location.pathname + query);
      var page = pages[a.value + "--" + b.value] || pages[b.value + "--" + a.value];
      var message = form.querySelector(".comparison-picker__message");
      if (page) window.location.href = new URL(page, window.location.href).href;
      else if (a.value === b.value) { if (message) message.textContent = "请选择两份不同的文件。"; }
      // no pre-built page for this pair: the composer page puts it together from the two plans' data
      else window.location.href = new URL(form.dataset.compose + query, window.location.href).href;
    });
  }
  document.querySelectorAll("form.comparison-picker").forEach(setUp);
})();
