/* The site search: Pagefind's UI in a dialog (overrides/partials/jc-search.html), opened from the
   header's button or with the "/" key. The UI, its Danish texts and the index load from the
   site's own pagefind/ folder (site_plugins/search.py) on first use, never from another host.

   The header and the dialog are kept across Material's instant navigation, so they are set up
   once; each new page (Material's document$) closes the dialog. Results show what matters: a
   revision's verdict (its count and its missed goals) and a goal's result sentence, which the
   templates give to Pagefind as meta (data-pagefind-meta="overblik", "misset",
   "resultat-<goal id>"). */
(function () {
  "use strict";

  var button = document.querySelector(".jc-search-open");
  var dialog = document.getElementById("jc-search");
  if (!button || !dialog || typeof dialog.showModal !== "function") return;
  var root = window.__md_scope || new URL(".", location.href); // the site's root, set by Material
  var bundle = new URL("pagefind/", root).href;
  var ui = null;

  function escape(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span.innerHTML;
  }

  // A goal's result sentence (meta "resultat-<goal id>") is the excerpt of the goal's sub-result
  // and is not shown again as a tag; the revision's verdict stays, as the tags "Overblik" and "Misset".
  // Pagefind keeps a loaded page's record (its meta among it) for the next search in this thread,
  // so the result gets new objects: the record itself is left as it is.
  function processResult(result) {
    var meta = result.meta || {};
    var shown = {};
    Object.keys(meta).forEach(function (key) {
      if (key.indexOf("resultat-") !== 0) shown[key] = meta[key];
    });
    var subs = (result.sub_results || []).map(function (sub) {
      var sentence = meta["resultat-" + sub.url.split("#")[1]];
      if (!sentence) return sub;
      return Object.assign({}, sub, {excerpt: '<span class="jc-search-result">' + escape(sentence) + "</span>"});
    });
    // The verdict's count first, then its missed goals (Pagefind gives meta in name order).
    var ordered = {};
    ["overblik", "misset"].concat(Object.keys(shown)).forEach(function (key) {
      if (key in shown && !(key in ordered)) ordered[key] = shown[key];
    });
    return Object.assign({}, result, {meta: ordered, sub_results: subs});
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(s);
    });
  }

  // Pagefind's UI writes "N resultater for ..." without telling screen readers: the dialog's
  // status line (role="status") repeats it.
  function announce() {
    var status = document.getElementById("jc-search-status");
    new MutationObserver(function () {
      var message = dialog.querySelector(".pagefind-ui__message");
      var text = message ? message.textContent.trim() : "";
      if (status.textContent !== text) status.textContent = text;
    }).observe(document.getElementById("jc-search-ui"), {childList: true, subtree: true, characterData: true});
  }

  function start() {
    if (ui) return ui;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = bundle + "pagefind-ui.css";
    document.head.appendChild(css);
    ui = loadScript(bundle + "pagefind-ui.js").then(function () {
      new window.PagefindUI({
        element: "#jc-search-ui",
        bundlePath: bundle,
        baseUrl: root.pathname,
        showImages: false,
        showSubResults: true,
        resetStyles: false,
        autofocus: true,
        // Search in the page's own thread: a worker would fetch a second copy of Pagefind's
        // library (pagefind-worker.js) on the first search, for no gain on an index this size.
        noWorker: true,
        processResult: processResult
      });
      // Pagefind names its field only by a tooltip: the dialog's heading names it
      dialog.querySelector(".pagefind-ui__search-input").setAttribute("aria-labelledby", "jc-search-title");
      announce();
    });
    ui.catch(function (err) {
      ui = null;
      if (window.console) console.error("Søgningen kunne ikke indlæses:", err);
    });
    return ui;
  }

  // The dialog gives focus back to what had it when it opened: the button, also when the "/"
  // key opened it from the page.
  function open() {
    if (!document.activeElement || document.activeElement === document.body) button.focus();
    if (!dialog.open) dialog.showModal();
    start().then(function () {
      var input = dialog.querySelector(".pagefind-ui__search-input");
      if (input) { input.focus(); input.select(); }
    });
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
