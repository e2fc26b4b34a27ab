// Hushdesk chat widget. A site adds it with one tag:
//
//   <script src="https://support.example.com/widget.js" async></script>
//
// optionally with data-subject="signed customer id" (when the site knows
// who is asking) and data-lang="da" (to fix the language). The site's
// Content-Security-Policy must allow the Hushdesk server for script-src,
// style-src and frame-src.
//
// This script only draws the launcher button. The chat itself is the
// Hushdesk chat page in a frame from the Hushdesk server's origin: the
// conversation's id, the customer's messages and everything the server
// sends stay in that origin, out of reach of the site's page and of any
// other script on it. The launcher and the frame's box live in a Shadow
// DOM root so that the page's CSS cannot reach them; nothing is inserted
// as HTML, and the company's colour is set through the CSS object model.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src || window.hushdeskWidgetLoaded) return;
  window.hushdeskWidgetLoaded = true;

  var base = new URL(".", script.src).href.replace(/\/$/, "");
  var origin = new URL(base).origin;
  var subject = script.getAttribute("data-subject") || "";
  var want = script.getAttribute("data-lang") || (navigator.languages || [navigator.language])[0] || "";
  var SVG = "http://www.w3.org/2000/svg";

  // The launcher's two labels come from the server's catalogue, in the
  // language the site fixes or the browser's; its colour, corner and text
  // are what the company set in the console.
  function json(path) {
    return fetch(base + path).then(function (r) { return r.ok ? r.json() : Promise.reject(new Error(String(r.status))); });
  }
  Promise.all([json("/api/v1/strings?lang=" + encodeURIComponent(want)),
    json("/api/v1/widget/config?lang=" + encodeURIComponent(want)).catch(function () { return {}; })])
    .then(function (d) { build(d[0].strings || {}, d[0].language || "en", d[1].appearance || {}); })
    .catch(function () { /* without its words the widget stays away rather than show blanks */ });

  function build(S, lang, look) {
    function el(tag, cls) {
      var e = document.createElement(tag);
      if (cls) e.className = cls;
      return e;
    }
    function icon(d) {
      var svg = document.createElementNS(SVG, "svg");
      svg.setAttribute("viewBox", "0 0 24 24");
      svg.setAttribute("aria-hidden", "true");
      svg.setAttribute("focusable", "false");
      var p = document.createElementNS(SVG, "path");
      p.setAttribute("d", d);
      svg.appendChild(p);
      return svg;
    }

    var host = document.createElement("hushdesk-widget");
    var shadow = host.attachShadow({ mode: "open" });
    var root = el("div", "hd");
    root.hidden = true; // until widget.css has loaded
    root.setAttribute("lang", lang);
    // The company's colour is set through the CSS object model, which a
    // site's Content-Security-Policy allows; no style attribute is written.
    if (/^#[0-9a-f]{6}$/.test(look.color || "")) {
      root.style.setProperty("--hd-accent", look.color);
      root.style.setProperty("--hd-accent-dark", look.color);
    }
    if (look.position === "left") root.classList.add("hd-left");
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "/widget.css";
    css.addEventListener("load", function () { root.hidden = false; });
    shadow.appendChild(css);
    shadow.appendChild(root);

    var bubble = el("button", "hd-bubble");
    bubble.type = "button";
    bubble.setAttribute("aria-label", S.open);
    bubble.setAttribute("aria-expanded", "false");
    bubble.appendChild(icon("M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"));
    var text = (look.launcher || {})[lang];
    if (text) {
      var label = el("span", "hd-label");
      label.textContent = text;
      label.setAttribute("aria-hidden", "true");
      bubble.appendChild(label);
      bubble.classList.add("hd-text");
    }
    var panel = el("div", "hd-panel");
    panel.hidden = true;
    root.appendChild(panel);
    root.appendChild(bubble);
    document.body.appendChild(host);

    var frame = null;
    // The frame loads on the first open: a page that never opens the chat
    // never loads it. The signed customer id goes after #, which no
    // server sees in the address.
    function ensureFrame() {
      if (frame) return;
      frame = el("iframe", "hd-frame");
      frame.title = S.title;
      frame.src = base + "/?embed=1&lang=" + encodeURIComponent(lang) + (subject ? "#subject=" + encodeURIComponent(subject) : "");
      frame.addEventListener("load", function () { if (!panel.hidden) tellOpened(); });
      panel.appendChild(frame);
    }
    function tellOpened() {
      if (frame && frame.contentWindow) frame.contentWindow.postMessage({ hushdesk: "opened" }, origin);
    }
    function open() {
      ensureFrame();
      panel.hidden = false;
      bubble.setAttribute("aria-expanded", "true");
      bubble.setAttribute("aria-label", S.close);
      bubble.classList.remove("hd-unread");
      root.classList.add("hd-open");
      tellOpened();
      frame.focus();
    }
    function close() {
      panel.hidden = true;
      bubble.setAttribute("aria-expanded", "false");
      bubble.setAttribute("aria-label", S.open);
      root.classList.remove("hd-open");
      bubble.focus();
    }
    bubble.addEventListener("click", function () { if (panel.hidden) open(); else close(); });

    // The chat in the frame asks to close, and says when a person replied
    // while it was closed. Only messages from the Hushdesk frame count.
    window.addEventListener("message", function (e) {
      if (!frame || e.source !== frame.contentWindow || e.origin !== origin || !e.data) return;
      if (e.data.hushdesk === "close") close();
      if (e.data.hushdesk === "unread" && panel.hidden) {
        bubble.classList.add("hd-unread");
        bubble.setAttribute("aria-label", S.open_unread);
      }
    });
  }
})();
