// Site search: a button in the header (or "/" anywhere) opens a dialog that queries
// the Pagefind index built into site/pagefind/ by `python -m generator build`.
// Nothing here depends on the theme: the button goes into Material's header when
// there is one, else into the preview's bar, else at the top of the page.
// Pagefind's bundle is loaded only when the dialog first opens, so pages that are
// read without searching download nothing for search.
//
// Result text comes from the pages (data strings among it) and is never inserted
// as HTML: titles and labels are set with textContent, and Pagefind's excerpt is
// parsed inertly and rebuilt from its text and its <mark> elements only.
(function () {
  "use strict";

  var KINDS = ["规划", "对照", "原文", "指标", "地点", "机构", "产业", "主题", "其他页面"];
  var LEVELS = ["市级", "区级"];
  var MAX_RESULTS = 20;
  var FIRST_RESULTS = 1;
  var DELAY_MS = 120;
  // Pagefind's ranking, tuned on tests/e2e/search_queries.yaml (see ARCHITECTURE.md, Search): long pages
  // (a plan, a source text) are penalised less than by default (0.75), because their text already weighs
  // a twentieth (generator/search_page.py) and their headings must still win for a document number;
  // repeated words saturate a little sooner than by default (1.4), so a long plan that writes 高新技术企业
  // many times does not outrank the indicator's own page (all 46 queries pass for 1.2–1.3 only).
  var RANKING = { pageLength: 0.2, termSaturation: 1.25 };

  var script = document.currentScript;
  var siteRoot = new URL("../", script ? script.src : window.location.href);
  var pagefind = null;
  var loading = null;
  var dialog, input, results, status, kindSelect, levelSelect, planSelect;
  var searchCount = 0;
  var timer = null;

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text) node.textContent = text;
    return node;
  }

  function select(id, label, values) {
    var wrapper = element("label", { "class": "site-search__filter", "for": id });
    wrapper.appendChild(element("span", {}, label));
    var control = element("select", { id: id });
    control.appendChild(element("option", { value: "" }, "全部"));
    values.forEach(function (value) { control.appendChild(element("option", { value: value }, value)); });
    wrapper.appendChild(control);
    return { wrapper: wrapper, control: control };
  }

  function buildDialog() {
    dialog = element("dialog", { id: "site-search", "class": "site-search", "aria-labelledby": "site-search-title" });
    var form = element("form", { "class": "site-search__form", role: "search" });
    var header = element("div", { "class": "site-search__header" });
    header.appendChild(element("h2", { id: "site-search-title", "class": "site-search__title" }, "搜索"));
    var close = element("button", { type: "button", "class": "site-search__close", "aria-label": "关闭搜索" }, "×");
    close.addEventListener("click", closeDialog);
    header.appendChild(close);
    form.appendChild(header);
    input = element("input", {
      id: "site-search-input", type: "search", "class": "site-search__input", "aria-label": "搜索本站",
      placeholder: "输入规划、指标、地点、机构、文号或金额", autocomplete: "off", spellcheck: "false",
      "aria-describedby": "site-search-status", "aria-controls": "site-search-results"
    });
    form.appendChild(input);
    var filters = element("div", { "class": "site-search__filters" });
    var kind = select("site-search-kind", "类型", KINDS);
    var level = select("site-search-level", "层级", LEVELS);
    var plan = select("site-search-plan", "规划", []);
    kindSelect = kind.control; levelSelect = level.control; planSelect = plan.control;
    [kind, level, plan].forEach(function (item) {
      filters.appendChild(item.wrapper);
      item.control.addEventListener("change", function () { runSearch(); });
    });
    form.appendChild(filters);
    status = element("p", { id: "site-search-status", "class": "site-search__status", role: "status" });
    form.appendChild(status);
    results = element("ol", { id: "site-search-results", "class": "site-search__results", "aria-label": "搜索结果" });
    form.appendChild(results);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = results.querySelector("a.site-search__link");
      if (first) window.location.href = first.href;
    });
    input.addEventListener("input", scheduleSearch);
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") {
        var first = results.querySelector("a.site-search__link");
        if (first) { event.preventDefault(); first.focus(); }
      }
    });
    results.addEventListener("keydown", moveBetweenResults);
    dialog.addEventListener("click", function (event) { if (event.target === dialog) closeDialog(); });
    dialog.appendChild(form);
    document.body.appendChild(dialog);
  }

  function moveBetweenResults(event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = Array.prototype.slice.call(results.querySelectorAll("a.site-search__link"));
    var index = links.indexOf(document.activeElement);
    if (index < 0) return;
    event.preventDefault();
    if (event.key === "ArrowDown" && index < links.length - 1) links[index + 1].focus();
    else if (event.key === "ArrowUp") (index > 0 ? links[index - 1] : input).focus();
  }

  function loadPagefind() {
    if (!loading) {
      loading = import(new URL("pagefind/pagefind.js", siteRoot).href).then(function (module) {
        pagefind = module;
        return pagefind.options({ baseUrl: siteRoot.pathname, excerptLength: 40, ranking: RANKING });
      }).then(function () {
        return pagefind.filters();
      }).then(function (filters) {
        var plans = Object.keys((filters && filters.plan) || {}).sort(function (a, b) { return a.localeCompare(b, "zh"); });
        plans.forEach(function (name) { planSelect.appendChild(element("option", { value: name }, name)); });
      });
      loading.catch(function () {
        setStatus("搜索索引没有加载（本地预览时请先运行 make site）。", "error");
      });
    }
    return loading;
  }

  function openDialog() {
    if (!dialog) buildDialog();
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    loadPagefind();
  }

  function closeDialog() {
    if (dialog && dialog.open) dialog.close();
  }

  function setStatus(text, state) {
    status.textContent = text;
    results.dataset.state = state;
  }

  function scheduleSearch() {
    window.clearTimeout(timer);
    timer = window.setTimeout(runSearch, DELAY_MS);
  }

  function chosenFilters() {
    var filters = {};
    if (kindSelect.value) filters.kind = kindSelect.value;
    if (levelSelect.value) filters.level = levelSelect.value;
    if (planSelect.value) filters.plan = planSelect.value;
    return filters;
  }

  function runSearch() {
    var query = input.value.trim();
    var filters = chosenFilters();
    var number = ++searchCount;
    if (!query && !Object.keys(filters).length) {
      results.replaceChildren();
      delete results.dataset.query;
      setStatus("", "idle");
      return;
    }
    setStatus("正在搜索…", "searching");
    loadPagefind().then(function () {
      return pagefind.search(query || null, { filters: filters });
    }).then(function (search) {
      if (number !== searchCount) return null;
      // The first few results are shown as soon as their excerpts arrive (a long plan's is ~50 KB);
      // the rest follow, so a cold query fetches as little as it can before the reader sees an answer.
      var first = search.results.slice(0, FIRST_RESULTS);
      var rest = search.results.slice(FIRST_RESULTS, MAX_RESULTS);
      return Promise.all(first.map(function (result) { return result.data(); })).then(function (pages) {
        if (number !== searchCount) return null;
        results.replaceChildren.apply(results, pages.map(resultItem));
        if (rest.length) setStatus("找到 " + search.results.length + " 个结果，正在载入其余结果…", "partial");
        return Promise.all(rest.map(function (result) { return result.data(); }));
      }).then(function (pages) {
        if (!pages || number !== searchCount) return null;
        pages.forEach(function (page) { results.appendChild(resultItem(page)); });
        return search.results.length;
      });
    }).then(function (total) {
      if (total === null || total === undefined || number !== searchCount) return;
      results.dataset.query = query;
      var shown = total > MAX_RESULTS ? "，显示前 " + MAX_RESULTS + " 个" : "";
      setStatus(total ? "找到 " + total + " 个结果" + shown : "没有找到结果", "done");
    }).catch(function () {
      if (number === searchCount) setStatus("搜索出错，请重试。", "error");
    });
  }

  function resultItem(page) {
    var meta = page.meta || {};
    var item = element("li", { "class": "site-search__result" });
    var target = page.url;
    var section = "";
    var sub = (page.sub_results || [])[0];
    // A section of a long page (a plan's 重点任务, a source's chapter) is linked when the match is in it;
    // the page's own heading is not a section.
    var isSection = sub && sub.url && sub.url.indexOf("#") > 0 && sub.title && sub.title !== meta.title &&
      !(sub.anchor && sub.anchor.element === "h1");
    if (isSection) {
      target = sub.url;
      section = sub.title;
    }
    var link = element("a", { "class": "site-search__link", href: target });
    link.appendChild(element("span", { "class": "site-search__title" }, meta.title || page.url));
    if (section) link.appendChild(element("span", { "class": "site-search__section" }, section));
    item.appendChild(link);
    var labels = element("p", { "class": "site-search__labels" });
    if (meta.kind) labels.appendChild(element("span", { "class": "site-search__kind" }, meta.kind));
    if (meta.plan && meta.plan !== meta.title) labels.appendChild(element("span", { "class": "site-search__plan" }, meta.plan));
    if (meta.period) labels.appendChild(element("span", { "class": "site-search__period" }, meta.period));
    item.appendChild(labels);
    var excerpt = element("p", { "class": "site-search__excerpt" });
    appendExcerpt(excerpt, (sub && section ? sub.excerpt : page.excerpt) || "");
    item.appendChild(excerpt);
    return item;
  }

  // Only text and <mark> survive: the excerpt is parsed in an inert document
  // (no script runs, no image loads) and rebuilt node by node.
  function appendExcerpt(target, html) {
    var parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html");
    parsed.body.childNodes.forEach(function (node) {
      if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === "MARK") {
        target.appendChild(element("mark", {}, node.textContent));
      } else {
        target.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function openButton() {
    var button = element("button", { type: "button", "class": "site-search__open", "aria-label": "搜索",
                                      "aria-keyshortcuts": "/", title: "搜索（快捷键 /）" });
    button.appendChild(element("span", { "class": "site-search__open-icon", "aria-hidden": "true" }));
    button.appendChild(element("span", { "class": "site-search__open-label" }, "搜索"));
    button.addEventListener("click", openDialog);
    button.addEventListener("pointerenter", loadPagefindSoon, { once: true });
    return button;
  }

  function loadPagefindSoon() {
    if (!dialog) buildDialog();
    loadPagefind();
  }

  function placeButton() {
    var button = openButton();
    var header = document.querySelector(".md-header__inner");
    var preview = document.querySelector(".preview-bar");
    if (header) {
      var source = header.querySelector(".md-header__source");
      header.insertBefore(button, source);
    } else if (preview) {
      preview.appendChild(button);
    } else {
      button.classList.add("site-search__open--floating");
      document.body.insertBefore(button, document.body.firstChild);
    }
  }

  function typingInField(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.nodeName));
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && !event.ctrlKey && !event.metaKey && !event.altKey && !typingInField(event.target)) {
      event.preventDefault();
      openDialog();
    }
  });

  placeButton();
})();
