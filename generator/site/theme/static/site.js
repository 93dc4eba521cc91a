/* budgetsite: draws charts from the JSON in the page, links table rows to their source lines and sorts
   comparison tables.  Every page is complete without this script: charts have tables beside them. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  /* Charts are SVG drawn at build time.  Plotly (about 1.4 MB) is fetched only when a reader asks for
     the interactive chart, from the address the page gives on this script's tag. */
  var plotlySrc = (document.currentScript && document.currentScript.getAttribute("data-plotly")) || "";
  var plotlyLoading = null;

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!plotlyLoading) {
      plotlyLoading = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = plotlySrc;
        s.onload = function () { resolve(window.Plotly); };
        s.onerror = function () { plotlyLoading = null; reject(new Error("plotly")); };
        document.head.appendChild(s);
      });
    }
    return plotlyLoading;
  }

  /* The page gives each chart's points (kind, labels, values in 万元, colours, height); the layout they
     all share is here. */
  function plotlySpec(c, name) {
    var clear = "rgba(0,0,0,0)";
    var layout = {height: c.height, paper_bgcolor: clear, plot_bgcolor: clear, font: {size: 13}};
    var trace;
    if (c.kind === "trend") {
      trace = {type: "scatter", mode: "lines+markers+text", x: c.labels, y: c.values, line: {color: c.colors},
               texttemplate: "%{y:,.2f}", textposition: "top center", cliponaxis: false,
               hovertemplate: "%{x} 年：%{y:,.2f} 万元<extra></extra>"};
      layout.margin = {l: 60, r: 20, t: 10, b: 40};
      layout.xaxis = {type: "category"};
      layout.yaxis = {title: {text: "万元"}, rangemode: "tozero"};
    } else {
      trace = {type: "bar", orientation: "h", y: c.labels, x: c.values, marker: {color: c.colors},
               texttemplate: "%{x:,.2f}", textposition: "outside", cliponaxis: false,
               hovertemplate: "%{y}：%{x:,.2f} 万元<extra></extra>"};
      layout.margin = {l: 10, r: 20, t: 10, b: 40};
      layout.xaxis = {title: {text: "万元"}, rangemode: "tozero", separatethousands: true};
      layout.yaxis = {automargin: true, autorange: "reversed"};
    }
    /* the value labels of the static chart stay; the one button kept saves the chart as a PNG */
    return {data: [trace], layout: layout,
            config: {responsive: true, displaylogo: false, displayModeBar: true, modeBarButtons: [["toImage"]],
                     toImageButtonOptions: {format: "png", filename: name || "chart", scale: 2}}};
  }

  function drawLive(figure, button) {
    var canvas = figure.querySelector("[data-chart]");
    var data = document.getElementById(canvas.getAttribute("data-chart"));
    button.disabled = true;
    button.textContent = "正在载入…";
    loadPlotly().then(function (Plotly) {
      var spec = plotlySpec(JSON.parse(data.textContent), figure.id);
      canvas.hidden = false;
      figure.querySelector(".chart-svg").hidden = true;
      Plotly.newPlot(canvas, spec.data, spec.layout, spec.config);
      /* the button goes away: focus moves to the chart it drew, not to the page's start */
      figure.setAttribute("tabindex", "-1");
      figure.focus();
      button.hidden = true;
    }).catch(function () {
      button.disabled = false;
      button.textContent = "交互图表（载入失败，重试）";
    });
  }

  function setupCharts() {
    if (!plotlySrc) return;
    document.querySelectorAll("button[data-chart-for]").forEach(function (button) {
      var figure = document.getElementById(button.getAttribute("data-chart-for"));
      if (!figure) return;
      button.hidden = false;
      button.addEventListener("click", function () { drawLive(figure, button); });
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

  /* Search with Pagefind's JavaScript API; results link relative to this page, so the site works
     under any sub-path.  Excerpts keep only Pagefind's <mark> highlighting. */
  function excerptNodes(html) {
    var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var frag = document.createDocumentFragment();
    doc.body.firstChild.childNodes.forEach(function (n) {
      if (n.nodeType === 3) frag.appendChild(document.createTextNode(n.textContent));
      else if (n.nodeName === "MARK") {
        var m = document.createElement("mark");
        m.textContent = n.textContent;
        frag.appendChild(m);
      } else frag.appendChild(document.createTextNode(n.textContent || ""));
    });
    return frag;
  }

  function setupSearch() {
    var list = document.querySelector("[data-search-results]");
    if (!list) return;
    var input = document.querySelector("[data-search-input]");
    var status = document.querySelector("[data-search-status]");
    var root = list.getAttribute("data-site-root");
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    var pagefind = null;
    function load() {
      if (pagefind) return Promise.resolve(pagefind);
      // the index is in parts: the first is loaded, the others are merged into it.  Every part gives its
      // results' addresses from the site's root ("/departments/…"), whatever address the site has: href()
      // makes them relative to this page (left to itself, Pagefind takes a part's own address as the base)
      var merged = (list.getAttribute("data-pagefind-merge") || "").split(" ").filter(Boolean);
      return import(list.getAttribute("data-pagefind-root")).then(function (mod) {
        return mod.options({ baseUrl: "/" }).then(function () {
          return Promise.all(merged.map(function (part) {
            return mod.mergeIndex(new URL(part, window.location.href).href, { baseUrl: "/" });
          }));
        }).then(function () {
          pagefind = mod;
          return mod;
        });
      });
    }
    function href(url) {
      var path = url.replace(/^\//, "");
      if (path === "" || path.slice(-1) === "/") path += "index.html";
      return root + path;
    }
    var more = document.querySelector("[data-search-more]");
    var found = [], shown = 0, PAGE = 20;
    /* on a page opened from disk the browser will not load the index: say so there, and only there */
    if (window.location.protocol === "file:") document.querySelector("[data-disk-hint]").hidden = false;
    function say(q) {
      status.textContent = found.length ? "找到 " + found.length + " 个结果" +
        (found.length > shown ? "（显示前 " + shown + " 个）" : "") : "没有找到“" + q + "”。";
      more.hidden = shown >= found.length;
    }
    /* results come PAGE at a time: the next ones are fetched when the reader asks for them */
    function show(q) {
      var next = found.slice(shown, shown + PAGE);
      return Promise.all(next.map(function (r) { return r.data(); })).then(function (items) {
        shown += items.length;
        say(q);
        items.forEach(function (item) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = href(item.url);
          a.textContent = (item.meta && item.meta.title) || item.url;
          var p = document.createElement("p");
          p.appendChild(excerptNodes(item.excerpt || ""));
          li.appendChild(a);
          li.appendChild(p);
          list.appendChild(li);
        });
      });
    }
    function run(q) {
      list.textContent = "";
      found = [];
      shown = 0;
      more.hidden = true;
      if (!q.trim()) { status.textContent = ""; return; }
      status.textContent = "正在搜索…";
      load().then(function (pf) { return pf.search(q); }).then(function (res) {
        found = res.results;
        return show(q);
      }).catch(function () {
        /* opened from disk, the hint under the list says why; otherwise the index is missing or the network failed */
        status.textContent = location.protocol === "file:" ? "搜索索引无法加载。" : "搜索索引无法加载，请稍后再试。";
      });
    }
    more.addEventListener("click", function () {
      var first = list.children.length;
      show(input.value).then(function () {
        /* focus the first new result, so a keyboard reader goes on from where the list grew */
        var a = list.children[first] && list.children[first].querySelector("a");
        if (a) a.focus();
      });
    });
    var form = document.querySelector("[data-search-form]");
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var q = input.value;
      history.replaceState(null, "", "?q=" + encodeURIComponent(q));
      run(q);
    });
    run(query);
  }

  /* An imported table prints each row's line in its source document; the table names that document's
     text page once, and each line number becomes a link to its line here (without this script the link
     under the table leads to the table's first line). */
  function linkSourceLines() {
    document.querySelectorAll("table.sheet[data-source]").forEach(function (table) {
      var source = table.getAttribute("data-source");
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        var cell = row.cells[0];
        var line = cell.textContent;
        if (!/^\d+$/.test(line)) return;
        var a = document.createElement("a");
        a.href = source + "#L" + line;
        a.textContent = line;
        /* a pointer's shortcut: the keyboard reaches the table's lines by the link under it, not by a stop
           in every row */
        a.tabIndex = -1;
        cell.textContent = "";
        cell.appendChild(a);
      });
    });
  }

  /* A table printed in whole 元 is shown in 万元 with two to four decimals (8,641.2027): hovering a figure
     shows the 元 the document printed (原表：86,412,027 元), read back by moving the decimal point. */
  function yuanOf(text) {
    var m = /^(-?)([\d,]+)\.(\d{2,4})$/.exec(text);
    if (!m) return null;
    var digits = (m[2].replace(/,/g, "") + (m[3] + "00").slice(0, 4)).replace(/^0+/, "");
    if (!digits) return null;                       /* a zero reads the same in any unit */
    return m[1] + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  function showYuanOnHover() {
    document.querySelectorAll("table.sheet[data-yuan]").forEach(function (table) {
      table.addEventListener("mouseover", function (event) {
        var cell = event.target.closest("td");
        if (!cell || cell.title || cell.className) return;
        var yuan = yuanOf(cell.textContent);
        if (yuan) cell.title = "原表：" + yuan + " 元";
      });
    });
  }

  /* a chart's citation names the page's own address where the site does not know it (no base_url) */
  function citeUrls() {
    var page = location.href.split("#")[0];
    document.querySelectorAll(".cite-url[data-anchor]").forEach(function (span) {
      if (span.textContent.indexOf("（本页地址）") === 0) span.textContent = page + "#" + span.getAttribute("data-anchor");
    });
  }

  /* a link to a project (#p-3) lands on a collapsed <details>: open it, and any it is inside */
  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var el = target; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") el.open = true;
    }
    if (target) target.scrollIntoView();
  }

  /* a table wider than its box at this width says so (without the script, its column count decides) */
  function markOverflow() {
    document.querySelectorAll(".table-scroll").forEach(function (box) {
      var over = box.scrollWidth > box.clientWidth + 1;
      box.classList.toggle("overflowing", over);
      /* a box the keyboard must scroll is a tab stop; one that shows all it holds is not */
      if (over) box.setAttribute("tabindex", "0");
      else box.removeAttribute("tabindex");
    });
  }

  /* The department finder: the list of every department narrows as the reader types a few characters of a
     name (or an alias), picks a year or a phase; the address's ?q= fills it (the home page's form). */
  function setupFinder() {
    var form = document.querySelector("[data-finder]");
    if (!form) return;
    var q = form.querySelector("[data-finder-q]"), year = form.querySelector("[data-finder-year]"),
        phase = form.querySelector("[data-finder-phase]"), status = form.querySelector("[data-finder-status]");
    /* a region's page has the name alone: its table rows; the regions page names, years and phases */
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-finder-list] [data-name]"));
    form.hidden = false;
    q.value = new URLSearchParams(window.location.search).get("q") || "";
    function apply() {
      var words = q.value.trim().split(/\s+/).filter(Boolean), shown = 0;
      var y = year ? year.value : "", p = phase ? phase.value : "";
      items.forEach(function (li) {
        var name = li.getAttribute("data-name");
        var ok = words.every(function (w) { return name.indexOf(w) >= 0; });
        var editions = li.querySelectorAll("a[data-year]"), any = editions.length === 0;
        editions.forEach(function (a) {
          var fits = (!y || a.getAttribute("data-year") === y) && (!p || a.getAttribute("data-phase") === p);
          a.classList.toggle("dim", !fits);
          any = any || fits;
        });
        li.hidden = !(ok && any);
        if (!li.hidden) shown += 1;
      });
      document.querySelectorAll("[data-finder-list] section").forEach(function (s) {
        s.hidden = !s.querySelector("[data-name]:not([hidden])");
      });
      status.textContent = (words.length || y || p) ? "找到 " + shown + " 个部门" : "";
    }
    [q, year, phase].forEach(function (el) { if (el) el.addEventListener("input", apply); });
    form.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
    apply();
  }

  /* Each chart's figures as CSV (from the table beside it) and the chart as SVG, saved from the page: no
     file of its own on the site, nothing to fetch. */
  function save(name, type, text) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], {type: type}));
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  function csvCell(text) {
    text = text.trim();
    if (/^[=+\-@]/.test(text) && !/^-?[\d,.]+%?$/.test(text)) text = "'" + text;   /* never a formula */
    return /[",\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function setupDownloads() {
    document.querySelectorAll("[data-downloads-for]").forEach(function (slot) {
      var figure = document.getElementById(slot.getAttribute("data-downloads-for"));
      var svg = figure && figure.querySelector(".chart-svg svg");
      var table = figure && figure.querySelector("table.chart-table");
      if (!svg || !table) return;
      [["下载 CSV", function () {
        var rows = Array.prototype.map.call(table.querySelectorAll("tr"), function (tr) {
          return Array.prototype.map.call(tr.children, function (c) { return csvCell(c.textContent); }).join(",");
        });
        save(figure.id + ".csv", "text/csv;charset=utf-8", "\ufeff" + rows.join("\r\n") + "\r\n");
      }], ["下载 SVG", function () {
        var copy = svg.cloneNode(true);
        copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
        save(figure.id + ".svg", "image/svg+xml", new XMLSerializer().serializeToString(copy));
      }]].forEach(function (pair) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "link-button";
        button.textContent = pair[0];
        button.addEventListener("click", pair[1]);
        slot.appendChild(document.createTextNode(" · "));
        slot.appendChild(button);
      });
    });
  }

  function ready() {
    setupDownloads();
    citeUrls();
    setupFinder();
    markOverflow();
    window.addEventListener("resize", markOverflow);
    openTarget();
    window.addEventListener("hashchange", openTarget);
    linkSourceLines();
    showYuanOnHover();
    setupSorting();
    setupSearch();
    setupCharts();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
