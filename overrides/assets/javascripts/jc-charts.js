/* Renders every chart figure with Vega-Embed, replacing its SVG fallback.
 * Runs on first load and after each of Material's instant page swaps (document$),
 * and again when the reader switches between light and dark palette. */
(function () {
  "use strict";
  // The site's Danish formats, a copy of generator/formatting.py's NUMBER_LOCALE and TIME_LOCALE
  // ('dec. 2013'; tests/test_month_style.py keeps them the same).
  var formatLocale = {"decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", " kr."]};
  var timeFormatLocale = {"dateTime": "%A den %d. %B %Y %X", "date": "%d.%m.%Y", "time": "%H.%M.%S", "periods": ["", ""], "days": ["søndag", "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag"], "shortDays": ["søn.", "man.", "tirs.", "ons.", "tors.", "fre.", "lør."], "months": ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober", "november", "december"], "shortMonths": ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]};

  function dark() {
    return document.body && document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  function themeConfig() {
    var fg = dark() ? "#e6e6e6" : "#222222";
    var grid = dark() ? "#4a4a4a" : "#dddddd";
    return {
      background: null,
      title: {color: fg}, axis: {labelColor: fg, titleColor: fg, gridColor: grid, domainColor: grid, tickColor: grid},
      header: {labelColor: fg, titleColor: fg},
      legend: {labelColor: fg, titleColor: fg}, text: {color: fg}
    };
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
    vegaEmbed(target, spec, {
      actions: false, renderer: "svg", config: themeConfig(),
      formatLocale: formatLocale, timeFormatLocale: timeFormatLocale
    }).then(function (result) {
      el._jcView = result.view;
      el.classList.add("jc-chart--live");
      el.setAttribute("data-jc-rendered", scheme);
    }).catch(function (err) {
      el.setAttribute("data-jc-error", String(err));
      if (window.console) console.error("Figur kunne ikke tegnes:", err);
    });
  }

  function renderAll() {
    document.querySelectorAll("[data-jc-chart]").forEach(renderOne);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(renderAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }

  // Print the numbers too: open the data tables for printing, close them again afterwards.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
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
    if (scheme !== lastScheme) { lastScheme = scheme; renderAll(); }
  }).observe(document.body, {attributes: true, attributeFilter: ["data-md-color-scheme"]});
})();
