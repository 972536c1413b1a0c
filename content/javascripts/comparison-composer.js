// Composes the comparison of two plans that have no pre-built pair page, in the browser, from the
// two plans' side pages (comparisons/sides/<id>/, made by generator/sides.py and
// site_templates/comparison_side.md.j2). Every cell is copied from a side page, where the same
// template macros as the pre-built pages rendered it; this script only joins the rows on their keys
// with the rules of generator/alignments.py (order, one-sided rows last, change codes) and lays out
// the tables. tests/e2e/test_composed_comparison.py holds it to the pre-built pages.
// The URL (?a=…&b=…) is shareable; nothing here reads data text as HTML.
(function () {
  "use strict";
  var root = document.getElementById("composed-comparison");
  if (!root) return;
  var config = JSON.parse(root.getAttribute("data-config"));
  var ID = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;
  var T = config.text;

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function status(message) {
    root.textContent = "";
    root.appendChild(element("p", { "class": "composed-status" }, [message]));
  }

  // -- reading a side page ---------------------------------------------------
  function readSide(id) {
    var url = new URL(config.sides + id + "/", window.location.href);
    return fetch(url.href).then(function (response) {
      if (!response.ok) throw new Error(id);
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var side = page.querySelector(".comparison-side");
      if (!side) throw new Error(id);
      // links in the cells are relative to the side page: make them absolute before moving them here
      side.querySelectorAll("a[href]").forEach(function (link) {
        link.setAttribute("href", new URL(link.getAttribute("href"), url).href);
      });
      var result = { meta: JSON.parse(side.getAttribute("data-plan")), sections: {} };
      side.querySelectorAll("[data-section]").forEach(function (section) {
        var rows = [];
        section.querySelectorAll("tbody tr").forEach(function (tr) {
          var marker = tr.cells[0] && tr.cells[0].querySelector("[data-row]");
          if (!marker) return;  // the empty row Markdown gives a table without rows
          var raw = marker.getAttribute("data-row");
          var key = raw.charAt(0) === "{" ? JSON.parse(raw) : { key: raw };
          rows.push({ data: key, cells: Array.prototype.slice.call(tr.cells, 1) });
        });
        result.sections[section.getAttribute("data-section")] = rows;
      });
      result.summary = {};
      result.sections.summary.forEach(function (row) { result.summary[row.data.key] = row.cells[0]; });
      return result;
    });
  }

  // -- cells -------------------------------------------------------------------
  function contents(cell) {
    var fragment = document.createDocumentFragment();
    if (cell) Array.prototype.forEach.call(cell.childNodes, function (node) {
      fragment.appendChild(document.importNode(node, true));
    });
    return fragment;
  }
  function cell(tag, content) {
    var node = element(tag);
    if (typeof content === "string") node.textContent = content;
    else if (content) node.appendChild(content);
    return node;
  }
  function table(header, rows) {
    var head = element("tr", {}, header.map(function (content) { return cell("th", content); }));
    var body = element("tbody", {}, rows.map(function (row) {
      return element("tr", {}, row.map(function (content) { return cell("td", content); }));
    }));
    return element("table", {}, [element("thead", {}, [head]), body]);
  }
  function wrapped(tableNode) {
    return element("div", { "class": "comparison-table" }, [tableNode]);
  }
  function wording(name, values) {
    var source = document.querySelector('[data-wording="' + name + '"]');
    var copy = source.cloneNode(true);
    var walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    var texts = [];
    while (walker.nextNode()) texts.push(walker.currentNode);
    texts.forEach(function (text) {
      text.nodeValue = text.nodeValue.replace(/⟪([a-z._]+)⟫/g, function (_, key) { return String(values[key]); });
    });
    return element("p", {}, Array.prototype.slice.call(copy.childNodes));
  }
  function heading(level, id, text) {
    return element("h" + level, { id: id }, [text]);
  }
  function byKey(rows) {
    var found = {};
    rows.forEach(function (row) { found[JSON.stringify(row.data.key)] = row; });
    return found;
  }
  function unionKeys(firstRows, secondRows) {
    var seen = {}, keys = [];
    firstRows.concat(secondRows).forEach(function (row) {
      var key = JSON.stringify(row.data.key);
      if (!seen[key]) { seen[key] = true; keys.push(key); }
    });
    return keys;
  }
  function stableSort(items, rank) {
    return items.map(function (item, index) { return [rank(item), index, item]; })
      .sort(function (x, y) {
        for (var i = 0; i < x[0].length; i++) if (x[0][i] !== y[0][i]) return x[0][i] - y[0][i];
        return x[1] - y[1];
      }).map(function (entry) { return entry[2]; });
  }

  // -- the join rules of generator/alignments.py --------------------------------
  function asSet(values) {  // a comparable form of Python's set(values)
    return Array.from(new Set(values.map(function (value) { return JSON.stringify(value); }))).sort().join("\n");
  }
  function layoutChange(a, b) {
    var first = a && a.data.current, second = b && b.data.current;
    if (!a) return second ? "added" : "recalled-only-in-second";
    if (!b) return first ? "not-listed" : "recalled-only-in-first";
    if (!first && !second) return "recalled-by-both";
    if (!first) return "recalled-by-first";
    if (!second) return "recalled-by-second";
    if (asSet(a.data.current_places) !== asSet(b.data.current_places)) return "succeeded";
    var shared = a.data.current_names.some(function (name) { return b.data.current_names.indexOf(name) >= 0; });
    return shared ? "continued" : "renamed";
  }
  function sectorChange(a, b) {
    if (!a) return "added";
    if (!b) return "not-listed";
    // compared as sets, as alignments._sector_change does
    return asSet(a.data.labels) === asSet(b.data.labels) ? "continued" : "relabelled";
  }

  // -- the page ----------------------------------------------------------------
  function compose(first, second) {
    var sameArea = first.meta.jurisdiction === second.meta.jurisdiction;
    var inSequence = sameArea && second.meta.start > first.meta.start;
    var values = {
      "first.short_title": first.meta.short_title, "second.short_title": second.meta.short_title,
      "first.jurisdiction": first.meta.jurisdiction, "second.jurisdiction": second.meta.jurisdiction,
      "first.untagged": first.meta.untagged, "second.untagged": second.meta.untagged
    };
    var page = document.createDocumentFragment();
    var title = first.meta.short_title + " 与 " + second.meta.short_title;
    document.title = title + " - " + document.title.split(" - ").slice(1).join(" - ");
    page.appendChild(element("h1", {}, [title]));

    var summaryRows = ["level", "period", "kind"].map(function (key) {
      return [T[key], contents(first.summary[key]), contents(second.summary[key])];
    });
    page.appendChild(table([T.item, contents(first.summary.title), contents(second.summary.title)], summaryRows));
    page.appendChild(element("p", {}, [T["built-from"]]));

    // 指标
    page.appendChild(heading(2, "indicators", T.indicators));
    var a = first.sections.indicators, b = second.sections.indicators;
    if (!a.length && !b.length) page.appendChild(element("p", {}, [T["no-indicators"]]));
    else {
      page.appendChild(wording(sameArea ? "same-area" : "different-areas", values));
      // the pages that judge the targets: one click from here, as a pre-built page's verdict would be
      if (sameArea) [first, second].forEach(function (side) {
        var judged = side.sections["judged-in"];
        if (!judged.length) return;
        var sentence = element("p", { "class": "composed-judged" }, [side.meta.short_title + T["judged-in"]]);
        judged.forEach(function (row, index) {
          if (index) sentence.appendChild(document.createTextNode("、"));
          sentence.appendChild(contents(row.cells[0]));
        });
        sentence.appendChild(document.createTextNode("。"));
        page.appendChild(sentence);
      });
      var aBy = byKey(a), bBy = byKey(b);
      var notes = first.sections.disagreements;
      var rows = unionKeys(a, b).map(function (key) {
        var x = aBy[key], y = bBy[key];
        var years = (x ? x.data.years : []).concat(y ? y.data.years : []);
        var name = contents((x || y).cells[0]);
        notes.forEach(function (note) {
          if (JSON.stringify(note.data.key) === key && years.indexOf(note.data.year) >= 0) name.appendChild(contents(note.cells[0]));
        });
        return [name, x ? contents(x.cells[1]) : "", y ? contents(y.cells[1]) : ""];
      });
      page.appendChild(wrapped(table([T.indicator, first.meta.short_title, second.meta.short_title], rows)));
    }

    // 空间布局
    page.appendChild(heading(2, "layouts", T.layouts));
    a = first.sections.layouts; b = second.sections.layouts;
    if (!a.length && !b.length) page.appendChild(element("p", {}, [T["no-layouts"]]));
    else {
      page.appendChild(element("p", {}, [T.structures]));
      page.appendChild(table([T.document, T.structure], [first, second].map(function (side) {
        return [side.meta.short_title, contents(side.summary.structures)];
      })));
      page.appendChild(wording("layouts", values));
      var layoutLabels = inSequence ? config.labels.layout_changes : config.labels.layout_alignments;
      var aLayouts = byKey(a), bLayouts = byKey(b);
      var joined = unionKeys(a, b).map(function (key) {
        var x = aLayouts[key], y = bLayouts[key];
        return { x: x, y: y, change: layoutChange(x, y) };
      });
      joined = stableSort(joined, function (row) {
        var shared = row.x && row.x.data.current && row.y && row.y.data.current;
        return [shared ? 0 : 1, row.x && row.x.data.current ? 0 : 1];
      });
      page.appendChild(wrapped(table(
        [T.place, first.meta.short_title + T["first-suffix"], second.meta.short_title + T["second-suffix"],
         inSequence ? T.change : T.alignment],
        joined.map(function (row) {
          return [contents((row.x || row.y).cells[0]), row.x ? contents(row.x.cells[1]) : "",
                  row.y ? contents(row.y.cells[1]) : "", layoutLabels[row.change]];
        }))));
    }

    // 产业领域
    page.appendChild(heading(2, "sectors", T.sectors));
    a = first.sections.sectors; b = second.sections.sectors;
    if (!a.length && !b.length) page.appendChild(element("p", {}, [T["no-sectors"]]));
    else {
      page.appendChild(wording("sectors", values));
      var sectorLabels = inSequence ? config.labels.sector_changes : config.labels.sector_alignments;
      var aSectors = byKey(a), bSectors = byKey(b);
      var sectorRows = stableSort(unionKeys(a, b).map(function (key) {
        return { x: aSectors[key], y: bSectors[key] };
      }), function (row) { return [row.x && row.y ? 0 : 1, row.x ? 0 : 1]; });
      page.appendChild(wrapped(table(
        [T.sector, first.meta.short_title + T["first-suffix"], second.meta.short_title + T["second-suffix"],
         inSequence ? T.change : T.alignment],
        sectorRows.map(function (row) {
          var label = document.createDocumentFragment();
          label.appendChild(document.createTextNode(sectorLabels[sectorChange(row.x, row.y)]));
          var own = row.x || row.y, other = row.x ? (row.y ? null : bSectors) : aSectors;
          if (other) {
            var named = Object.keys(other).map(function (key) { return JSON.parse(key); });
            var related = named.filter(function (id) {
              return id === own.data.parent || own.data.children.indexOf(id) >= 0;
            }).sort();
            if (related.length) {
              label.appendChild(document.createTextNode(T["related-open"]));
              related.forEach(function (id, index) {
                if (index) label.appendChild(document.createTextNode("、"));
                label.appendChild(contents(other[JSON.stringify(id)].cells[0]));
              });
              label.appendChild(document.createTextNode(T["related-close"]));
            }
          }
          return [contents(own.cells[0]), row.x ? contents(row.x.cells[1]) : "", row.y ? contents(row.y.cells[1]) : "", label];
        }))));
    }

    // 措施主题
    page.appendChild(heading(2, "themes", T.themes));
    a = first.sections.themes; b = second.sections.themes;
    if (!a.length && !b.length) page.appendChild(element("p", {}, [T["no-themes"]]));
    else {
      page.appendChild(wording("themes", values));
      var aThemes = byKey(a), bThemes = byKey(b);
      var themeRows = stableSort(unionKeys(a, b).map(function (key) {
        return { x: aThemes[key], y: bThemes[key] };
      }), function (row) { return [(row.x || row.y).data.order]; });
      page.appendChild(wrapped(table([T.theme, first.meta.short_title, second.meta.short_title],
        themeRows.map(function (row) {
          return [contents((row.x || row.y).cells[0]), row.x ? contents(row.x.cells[1]) : "", row.y ? contents(row.y.cells[1]) : ""];
        }))));
    }

    // 发展目标
    page.appendChild(heading(2, "goals", T.goals));
    a = first.sections.goals; b = second.sections.goals;
    if (!a.length && !b.length) page.appendChild(element("p", {}, [T["no-goals"]]));
    else {
      var aGoals = byKey(a), bGoals = byKey(b);
      var goalRows = stableSort(unionKeys(a, b).map(function (key) {
        return { key: JSON.parse(key), x: aGoals[key], y: bGoals[key] };
      }), function (row) { return [row.key === null ? 1 : 0, row.key || 0]; });
      page.appendChild(wrapped(table([T["goal-year"], first.meta.short_title, second.meta.short_title],
        goalRows.map(function (row) {
          return [contents((row.x || row.y).cells[0]), row.x ? contents(row.x.cells[1]) : "", row.y ? contents(row.y.cells[1]) : ""];
        }))));
    }

    // 市与区
    var levels = [first.meta.level, second.meta.level].sort().join(",");
    if (levels === "city,district") {
      var city = first.meta.level === "city" ? first : second, district = city === first ? second : first;
      var levelValues = {
        "city.short_title": city.meta.short_title, "district.short_title": district.meta.short_title,
        "district.jurisdiction": district.meta.jurisdiction
      };
      page.appendChild(heading(2, "city-district", T["city-district"]));
      page.appendChild(wording("city-district", levelValues));
      page.appendChild(heading(3, "shared-indicators", T["shared-indicators"]));
      var cityBy = byKey(city.sections.indicators), districtBy = byKey(district.sections.indicators);
      var shared = unionKeys(first.sections.indicators, second.sections.indicators).filter(function (key) {
        return cityBy[key] && districtBy[key];
      });
      if (!shared.length) page.appendChild(element("p", {}, [T["no-shared-indicators"]]));
      else page.appendChild(wrapped(table(
        [T.indicator, T["city-prefix"] + city.meta.short_title, T["district-prefix"] + district.meta.short_title],
        shared.map(function (key) {
          var link = cityBy[key].cells[0].querySelector("a");
          return [link ? document.importNode(link, true) : "", contents(cityBy[key].cells[1]), contents(districtBy[key].cells[1])];
        }))));
      var placesHeading = wording("district-places-heading", levelValues);
      page.appendChild(heading(3, "district-places", placesHeading.textContent));
      page.appendChild(wording("district-places", levelValues));
      var named = city.sections["places-named"].filter(function (row) {
        return row.data.district === district.meta.jurisdiction;
      });
      if (!named.length) page.appendChild(element("p", {}, [T["no-district-places"]]));
      else page.appendChild(wrapped(table([T.place, T["place-kind"], T["city-items"], T["place-paragraphs"]],
        named.map(function (row) { return row.cells.map(contents); }))));
    }
    root.textContent = "";
    root.appendChild(page);
  }

  function start() {
    var params = new URLSearchParams(window.location.search);
    var ids = [params.get("a"), params.get("b")];
    if (!ids[0] || !ids[1]) { status(T["choose-two"]); return; }
    if (!ID.test(ids[0]) || !ID.test(ids[1]) || ids[0] === ids[1]) { status(T["choose-two"]); return; }
    var page = config.pages[ids[0] + "--" + ids[1]] || config.pages[ids[1] + "--" + ids[0]];
    // a pair with a page opens it (compose=1 composes it anyway: the tests compare the two)
    if (page && params.get("compose") !== "1") { window.location.replace(new URL(page, window.location.href).href); return; }
    Promise.all(ids.map(readSide)).then(function (sides) {
      sides.sort(function (x, y) {
        // generator.compare.comparable_plans: by start year, level, id
        return (x.meta.start - y.meta.start) || (x.meta.level < y.meta.level ? -1 : x.meta.level > y.meta.level ? 1 : 0)
          || (x.meta.id < y.meta.id ? -1 : 1);
      });
      compose(sides[0], sides[1]);
    }).catch(function (error) { console.error(error); status(T["not-found"]); });  // the reason, for whoever debugs
  }
  start();
})();
