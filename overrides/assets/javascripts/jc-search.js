/* The site search: a dialog (made here, after the button of overrides/partials/jc-search.html)
   opened from the header's button or with the "/" key, searching with Pagefind's library (pagefind.js, from the site's own pagefind/
   folder written by site_plugins/search.py, loaded on first use, never from another host).

   This script is the whole search UI: the field, the line "N resultater for ..." (role="status",
   so screen readers hear it), the results with their sections, and the filters (jobcentre, year,
   document kind), whose values are loaded only when the reader opens them. Everything that comes
   from the index is written as text (textContent), never as HTML; a snippet's highlighted words
   are <mark> elements made here.

   Results show what matters: a revision's verdict (its count and its missed goals) and a goal's
   result sentence, which the templates give to Pagefind as meta (data-pagefind-meta="overblik",
   "misset", "resultat-<goal id>").

   The header and the dialog are kept across Material's instant navigation, so they are set up
   once; each new page (Material's document$) closes the dialog. The results are plain links,
   which instant navigation follows. */
(function () {
  "use strict";

  // The dialog's markup and texts, made here and put after the header's button: without
  // JavaScript there is no search, so the pages need not carry it (1.3 KB on every page).
  // "N resultater for ...": shown, and read out by screen readers; [COUNT] and [SEARCH_TERM] are
  // filled in below. The filters' values are loaded when the reader opens them.
  var DIALOG =
    '<div class="jc-search__head">' +
    '<h2 class="jc-search__title" id="jc-search-title">Søg i planer, resultater, breve og referater</h2>' +
    '<button type="button" class="md-icon jc-search-close" aria-label="Luk søgningen">' +
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg>' +
    "</button></div>" +
    '<form class="jc-search__form" role="search" aria-labelledby="jc-search-title">' +
    '<input class="jc-search__input" id="jc-search-input" type="text" placeholder="Søg" aria-labelledby="jc-search-title" autocomplete="off" autocapitalize="none" spellcheck="false">' +
    "</form>" +
    '<details class="jc-search__filters" hidden><summary>Afgræns efter jobcenter, år og dokument</summary>' +
    '<div class="jc-search__groups"></div></details>' +
    '<p class="jc-search__status" id="jc-search-status" role="status" data-none="Ingen resultater for [SEARCH_TERM]"' +
    ' data-one="1 resultat for [SEARCH_TERM]" data-many="[COUNT] resultater for [SEARCH_TERM]"' +
    ' data-failed="Søgningen kunne ikke indlæses. Prøv igen senere."></p>' +
    '<ol class="jc-search__results"></ol>' +
    '<button type="button" class="jc-search__more" hidden>Vis flere resultater</button>';

  var button = document.querySelector(".jc-search-open");
  var dialog = document.createElement("dialog");
  if (!button || typeof dialog.showModal !== "function") return;
  dialog.className = "jc-search";
  dialog.id = "jc-search";
  dialog.setAttribute("aria-labelledby", "jc-search-title");
  dialog.innerHTML = DIALOG; // fixed text: nothing from the index or the page
  button.after(dialog);
  button.setAttribute("aria-controls", "jc-search");
  var root = window.__md_scope || new URL(".", location.href); // the site's root, set by Material
  var bundle = new URL("pagefind/", root).href;
  var input = dialog.querySelector(".jc-search__input");
  var status = document.getElementById("jc-search-status");
  var list = dialog.querySelector(".jc-search__results");
  var more = dialog.querySelector(".jc-search__more");
  var filterPanel = dialog.querySelector(".jc-search__filters");
  var groups = dialog.querySelector(".jc-search__groups");
  var PAGE = 5; // results shown at first, and added by "Vis flere resultater"
  var WAIT = 300; // ms without typing before a search runs
  var TAGS = ["overblik", "misset"]; // the meta shown under a result, in this order
  var pagefind = null; // the library, once loading started (a promise)
  var filterValues = null; // the filters' values, once loading started (a promise)
  var selected = {}; // filter name -> the values ticked
  var latest = 0; // the number of the latest search: an older one's answer is dropped
  var timer = null;
  var shown = {results: []}; // the latest search's results

  function library() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (pf) {
        // In the page's own thread: a worker would fetch a second copy of the library.
        return pf.options({baseUrl: root.pathname, excerptLength: 12, noWorker: true}).then(function () {
          return pf;
        });
      });
      pagefind.catch(function (err) {
        pagefind = null;
        status.textContent = status.dataset.failed;
        if (window.console) console.error("Søgningen kunne ikke indlæses:", err);
      });
    }
    return pagefind;
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  // Pagefind's snippet is the page's text with "<" and ">" written as entities and the search's
  // words in <mark>: made again here from text, so nothing in it is read as HTML.
  function snippet(excerpt) {
    var p = el("p", "jc-search__excerpt");
    String(excerpt || "").split(/(<mark>[\s\S]*?<\/mark>)/).forEach(function (part) {
      var marked = part.indexOf("<mark>") === 0;
      var text = (marked ? part.slice(6, -7) : part).replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      if (text) p.appendChild(marked ? el("mark", null, text) : document.createTextNode(text));
    });
    return p;
  }

  function link(url, title) {
    var a = el("a", "jc-search__link", title);
    a.href = url;
    return a;
  }

  // A page's sections that matched: the page's snippet when the words are above its first
  // heading, and up to three headed sections, those with the most matches, most first (ties in
  // the page's order). Pagefind's own UI picks the same three but shows them in the page's order,
  // which can put the page's introduction above the goal the words are about. A goal's section
  // shows the goal's result sentence instead of a snippet.
  function sections(data) {
    var subs = data.sub_results || [];
    var top = subs.length && subs[0].url === (data.meta.url || data.url);
    var rest = (top ? subs.slice(1) : subs).map(function (sub, i) { return {sub: sub, i: i}; });
    rest.sort(function (a, b) { return b.sub.locations.length - a.sub.locations.length || a.i - b.i; });
    return {top: top, rest: rest.slice(0, 3).map(function (r) { return r.sub; })};
  }

  function result(data) {
    var meta = data.meta || {};
    var item = el("li", "jc-search__result");
    item.appendChild(el("p", "jc-search__title")).appendChild(link(meta.url || data.url, meta.title || data.url));
    var parts = sections(data);
    if (parts.top) item.appendChild(snippet(data.excerpt));
    parts.rest.forEach(function (sub) {
      var section = item.appendChild(el("div", "jc-search__section"));
      section.appendChild(el("p", "jc-search__title")).appendChild(link(sub.url, sub.title));
      var sentence = meta["resultat-" + sub.url.split("#")[1]];
      if (sentence) {
        var line = section.appendChild(el("p", "jc-search__excerpt"));
        line.appendChild(el("strong", "jc-search__sentence")).textContent = sentence;
      } else {
        section.appendChild(snippet(sub.excerpt));
      }
    });
    var tags = TAGS.filter(function (key) { return meta[key]; });
    if (tags.length) {
      var ul = item.appendChild(el("ul", "jc-search__tags"));
      tags.forEach(function (key) {
        ul.appendChild(el("li", "jc-search__tag", key.charAt(0).toUpperCase() + key.slice(1) + ": " + meta[key]));
      });
    }
    return item;
  }

  function say(count, term) {
    var text = count === 0 ? status.dataset.none : count === 1 ? status.dataset.one : status.dataset.many;
    status.textContent = text.replace("[COUNT]", new Intl.NumberFormat("da").format(count)).replace("[SEARCH_TERM]", term);
  }

  // Shows the next PAGE results of the latest search (each loads its page's record), after those
  // shown (fresh: instead of them, at once, so the list never stands empty meanwhile); the
  // button waits meanwhile, so that a second press does not show the same results twice.
  function showMore(id, fresh) {
    var from = fresh ? 0 : list.children.length;
    more.disabled = true;
    return Promise.all(shown.results.slice(from, from + PAGE).map(function (r) { return r.data(); })).then(function (records) {
      if (id !== latest) return;
      if (fresh) list.textContent = "";
      records.forEach(function (data) { list.appendChild(result(data)); });
      more.hidden = list.children.length >= shown.results.length;
      more.disabled = false;
    });
  }

  function query() {
    var filters = {};
    Object.keys(selected).forEach(function (name) {
      if (selected[name].length) filters[name] = {any: selected[name]};
    });
    return {filters: filters};
  }

  function search() {
    clearTimeout(timer);
    var term = input.value.trim();
    var id = ++latest;
    if (!term) {
      list.textContent = "";
      status.textContent = "";
      more.hidden = filterPanel.hidden = true;
      return Promise.resolve();
    }
    return library().then(function (pf) {
      return pf.search(term, query());
    }).then(function (answer) {
      if (id !== latest || !answer) return;
      shown = {results: answer.results};
      return showMore(id, true).then(function () {
        if (id !== latest) return;
        say(answer.results.length, term);
        filterPanel.hidden = false;
        if (filterValues) counts(answer.filters || {});
      });
    }).catch(function (err) {
      // a library that did not load is reported by library(), which has forgotten it by now
      if (pagefind && window.console) console.error("Søgningen fejlede:", err);
    });
  }

  function typed() {
    clearTimeout(timer);
    var term = input.value.trim();
    if (term) library().then(function (pf) { pf.preload(term, query()); });
    timer = setTimeout(search, WAIT);
  }

  // The filters' boxes, made once their values are loaded: a group per filter, a box per value.
  function makeFilters(all) {
    Object.keys(all).sort(function (a, b) { return a.localeCompare(b, "da"); }).forEach(function (name) {
      var group = groups.appendChild(el("fieldset", "jc-search__group"));
      group.appendChild(el("legend", "jc-search__group-name", name));
      Object.keys(all[name]).sort(function (a, b) { return a.localeCompare(b, "da", {numeric: true}); }).forEach(function (value) {
        var label = group.appendChild(el("label", "jc-search__choice"));
        var box = label.appendChild(el("input"));
        box.type = "checkbox";
        box.name = name;
        box.value = value;
        label.appendChild(el("span", "jc-search__value", value));
        label.appendChild(el("span", "jc-search__count"));
      });
    });
  }

  // Each value's number of results in the search shown.
  function counts(found) {
    groups.querySelectorAll("input").forEach(function (box) {
      var n = (found[box.name] || {})[box.value] || 0;
      box.parentNode.querySelector(".jc-search__count").textContent = " (" + n + ")";
    });
  }

  function loadFilters() {
    if (filterValues) return filterValues;
    filterValues = library().then(function (pf) {
      return pf.filters();
    }).then(function (all) {
      makeFilters(all);
      return search();
    });
    filterValues.catch(function (err) {
      filterValues = null;
      if (window.console) console.error("Søgningens filtre kunne ikke indlæses:", err);
    });
    return filterValues;
  }

  groups.addEventListener("change", function (e) {
    var box = e.target;
    var values = (selected[box.name] = selected[box.name] || []);
    if (box.checked) values.push(box.value);
    else values.splice(values.indexOf(box.value), 1);
    search();
  });
  filterPanel.addEventListener("toggle", function () {
    if (filterPanel.open) loadFilters();
  });
  more.addEventListener("click", function () {
    showMore(latest);
  });
  input.addEventListener("input", typed);
  dialog.querySelector(".jc-search__form").addEventListener("submit", function (e) {
    e.preventDefault();
    search();
  });

  // The dialog gives focus back to what had it when it opened: the button, also when the "/"
  // key opened it from the page.
  function open() {
    if (!document.activeElement || document.activeElement === document.body) button.focus();
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    library();
  }

  function close() {
    if (dialog.open) dialog.close();
  }

  // A new page (a result followed by instant navigation) starts with no focus, as a loaded page
  // does, not on the search button that the dialog gives focus back to when it closes.
  function closeForNewPage() {
    var wasOpen = dialog.open;
    close();
    if (wasOpen && document.activeElement === button) button.blur();
  }

  button.hidden = false;
  button.addEventListener("click", open);
  dialog.querySelector(".jc-search-close").addEventListener("click", close);
  // A click on the backdrop (outside the dialog's box) closes it, as Escape does.
  dialog.addEventListener("click", function (e) {
    if (e.target === dialog) {
      var r = dialog.getBoundingClientRect();
      if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) close();
    }
  });
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey && !dialog.open) {
      e.preventDefault();
      open();
    }
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(closeForNewPage); // a result followed by instant navigation
  }
})();
