/* Renders each chart figure with Vega-Embed when it comes near the viewport, replacing its SVG
 * fallback (hidden and never downloaded while scripts run: jc.css). The chart runtime
 * (vega-bundle.js, beside this file) is loaded on the first such chart: a page without charts,
 * or one read only above its first chart, never loads it. Watches the charts of the first page
 * and of each of Material's instant page swaps (document$), draws the drawn charts again when the
 * reader switches between light and dark palette, and loads every fallback for printing. */
(function () {
  "use strict";
  // The site's Danish formats, a copy of generator/formatting.py's NUMBER_LOCALE and TIME_LOCALE
  // ('dec. 2013'; tests/test_month_style.py keeps them the same).
  var formatLocale = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " kr."]};
  var timeFormatLocale = {"dateTime": "%A den %d. %B %Y %X", "date": "%d.%m.%Y", "time": "%H.%M.%S", "periods": ["", ""], "days": ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"], "shortDays": ["søn.", "man.", "tirs.", "ons.", "tors.", "fre.", "lør."], "months": ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"], "shortMonths": ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]};

  var FACET_STEP = 250;
  // The charts' look: a copy of generator/views/charts.py's CONFIG (the specs in the pages leave it out).
  var chartConfig = {"view": {"stroke": null}, "font": "Roboto, Helvetica, Arial, sans-serif", "axis": {"labelFontSize": 12, "titleFontSize": 12}, "legend": {"labelFontSize": 12, "titleFontSize": 12}, "header": {"labelFontSize": 12, "titleFontSize": 12}, "text": {"fontSize": 12}};

  function dark() {
    return document.body && document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  // a and b merged, b's values first, objects key by key
  function merged(a, b) {
    var out = {};
    [a, b].forEach(function (o) {
      Object.keys(o).forEach(function (k) {
        var v = o[k], old = out[k];
        var objects = v && old && typeof v === "object" && typeof old === "object" && !Array.isArray(v);
        out[k] = objects ? merged(old, v) : v;
      });
    });
    return out;
  }

  function themeConfig() {
    var fg = dark() ? "#e6e6e6" : "#222222";
    var grid = dark() ? "#4a4a4a" : "#dddddd";
    return merged(chartConfig, {
      background: null,
      title: {color: fg}, axis: {labelColor: fg, titleColor: fg, gridColor: grid, domainColor: grid, tickColor: grid},
      header: {labelColor: fg, titleColor: fg},
      legend: {labelColor: fg, titleColor: fg}, text: {color: fg}
    });
  }

  // The runtime's address: vega-bundle.js beside this script.
  var script = document.currentScript;
  var runtimeUrl = script && script.src ? script.src.replace(/jc-charts\.js(?:[?#].*)?$/, "vega-bundle.js") : null;
  var runtime = null;

  function loadRuntime() {
    if (typeof window.vegaEmbed === "function") return Promise.resolve();
    if (!runtime) {
      runtime = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = runtimeUrl;
        tag.onload = function () { resolve(); };
        tag.onerror = function () { runtime = null; tag.remove(); reject(new Error("the chart runtime did not load: " + runtimeUrl)); };
        document.head.appendChild(tag);
      });
    }
    return runtime;
  }

  // A chart that cannot be drawn shows its SVG fallback instead.
  function failed(el, err) {
    el.setAttribute("data-jc-error", String(err));
    el.classList.add("jc-chart--failed");
    var img = el.querySelector(".jc-chart__fallback");
    if (img) img.loading = "eager";
    if (window.console) console.error("Figur kunne ikke tegnes:", err);
  }

  function show(el) {
    loadRuntime().then(function () { renderOne(el); }, function (err) { failed(el, err); });
  }

  function renderOne(el) {
    var json = el.getAttribute("data-jc-spec");
    if (!json || typeof vegaEmbed !== "function") return;
    var spec = JSON.parse(json);
    var target = el.querySelector(".jc-chart__view");
    if (!target) {
      target = document.createElement("div");
      target.className = "jc-chart__view";
      // The figure names the chart once (role="img" on .jc-chart); the view adds nothing to read.
      target.setAttribute("aria-hidden", "true");
      el.appendChild(target);
    }
    if (el._jcView) { el._jcView.finalize(); el._jcView = null; }
    var scheme = dark() ? "slate" : "default";
    // Small charts of a faceted chart in rows of as many as the column holds (a phone: one a row);
    // FACET_STEP is generator/views/charts.py's.
    if (spec.facet && spec.columns) {
      spec.columns = Math.max(1, Math.min(spec.columns, Math.floor((el.clientWidth || 720) / FACET_STEP)));
    }
    vegaEmbed(target, spec, {
      actions: false, renderer: "svg", config: themeConfig(),
      formatLocale: formatLocale, timeFormatLocale: timeFormatLocale
    }).then(function (result) {
      el._jcView = result.view;
      el.classList.add("jc-chart--live");
      el.setAttribute("data-jc-rendered", scheme);
    }).catch(function (err) { failed(el, err); });
  }

  // Each chart is drawn when it comes within about a screen of the viewport, once.
  var observer = null;

  function watch() {
    if (observer) observer.disconnect();
    var charts = document.querySelectorAll("[data-jc-chart]");
    if (!charts.length) return;
    if (!("IntersectionObserver" in window)) { charts.forEach(show); return; }
    var own = observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { own.unobserve(entry.target); show(entry.target); }
      });
    }, {rootMargin: "100% 0px"});
    charts.forEach(function (el) { own.observe(el); });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(watch);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watch);
  } else {
    watch();
  }

  // Print shows the SVG fallbacks (jc.css), which the screen never loaded: they are lazy images,
  // which the browser loads before it prints (Chromium waits for them), and eager from here on.
  // Print the numbers too: open the data tables for printing, close them again afterwards.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".jc-chart__fallback").forEach(function (img) { img.loading = "eager"; });
    openedForPrint = Array.prototype.filter.call(document.querySelectorAll("details.jc-figure__data"), function (d) { return !d.open; });
    openedForPrint.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });

  var lastScheme = null;
  new MutationObserver(function () {
    var scheme = document.body.getAttribute("data-md-color-scheme");
    if (scheme !== lastScheme) {
      lastScheme = scheme;
      document.querySelectorAll("[data-jc-chart][data-jc-rendered]").forEach(renderOne);
    }
  }).observe(document.body, {attributes: true, attributeFilter: ["data-md-color-scheme"]});
})();
