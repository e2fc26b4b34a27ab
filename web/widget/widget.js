// Hushdesk chat widget. A site adds it with one tag:
//
//   <script src="https://support.example.com/widget.js" async></script>
//
// optionally with data-subject="customer id" (when the site knows who is
// asking) and data-lang="da" (to fix the language). The script works out
// the server from its own src, draws a chat bubble inside a Shadow DOM root
// (so the page's CSS cannot reach it) and loads its styles from widget.css
// with a <link>, so that a strict Content-Security-Policy on the page only
// has to allow this server for script-src, style-src and connect-src.
// Nothing is inserted as HTML and no style attribute is set: every text
// goes in through textContent, every look through a class.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src || window.hushdeskWidgetLoaded) return;
  window.hushdeskWidgetLoaded = true;

  // The server's base URL: the directory widget.js was loaded from.
  var base = new URL(".", script.src).href.replace(/\/$/, "");
  var subject = script.getAttribute("data-subject") || "";
  var STORE_KEY = "hushdesk.conversation";
  var SVG = "http://www.w3.org/2000/svg";

  // The widget's words come from the server's catalogue (the same
  // sentences the chat page and the server use), in the language the site
  // fixes with data-lang or else the browser's; the server picks.
  var want = script.getAttribute("data-lang") || (navigator.languages || [navigator.language])[0] || "";
  fetch(base + "/api/v1/strings?lang=" + encodeURIComponent(want))
    .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error(String(r.status))); })
    .then(function (d) { build(words(d.strings || {}), d.language || "en"); })
    .catch(function () { /* without its words the widget stays away rather than show blanks */ });

  // words names the catalogue's sentences as the widget's code uses them.
  function words(S) {
    return {
      disclosure: S.disclosure, open: S.open, openUnread: S.open_unread, close: S.close, title: S.title,
      question: S.question, placeholder: S.placeholder, send: S.send, person: S.person, helpful: S.rate_up,
      unhelpful: S.rate_down, thanks: S.rating_thanks, sources: S.sources, ai: S.ai_generated, you: S.you,
      assistant: S.assistant, agent: S.agent, conversation: S.conversation, waiting: S.waiting,
      claimed: S.claimed, resolved: S.resolved, reconnecting: S.reconnecting, error: S.error,
      download: S.download, erase: S.erase, eraseConfirm: S.erase_confirm, erased: S.erased,
      personAsked: S.person_asked
    };
  }

  function build(L, lang) {
    var conversation = "";
    try { conversation = sessionStorage.getItem(STORE_KEY) || ""; } catch (e) { /* storage blocked */ }
    function remember(id) {
      if (!id || id === conversation) return;
      conversation = id;
      try { sessionStorage.setItem(STORE_KEY, id); } catch (e) { /* storage blocked */ }
      if (mine) mine.hidden = false;
    }
    var mine = null; // the download and delete buttons, once built

    function el(tag, cls, text) {
      var e = document.createElement(tag);
      if (cls) e.className = cls;
      if (text !== undefined && text !== null) e.textContent = text;
      return e;
    }
    function button(cls, text, label) {
      var b = el("button", cls, text);
      b.type = "button";
      if (label) b.setAttribute("aria-label", label);
      return b;
    }
    // icon draws a small decorative SVG from path data.
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

    // The widget's DOM, inside a shadow root on a custom element that the
    // page's own selectors are unlikely to match.
    var host = document.createElement("hushdesk-widget");
    var shadow = host.attachShadow({ mode: "open" });
    var root = el("div", "hd");
    root.hidden = true; // until widget.css has loaded
    root.setAttribute("lang", lang);
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "/widget.css";
    css.addEventListener("load", function () { root.hidden = false; });
    shadow.appendChild(css);
    shadow.appendChild(root);

    var bubble = button("hd-bubble", null, L.open);
    bubble.setAttribute("aria-expanded", "false");
    bubble.setAttribute("aria-controls", "hd-panel");
    bubble.appendChild(icon("M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"));

    var panel = el("section", "hd-panel");
    panel.id = "hd-panel";
    panel.hidden = true;
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-labelledby", "hd-title");
    var header = el("header", "hd-header");
    var title = el("h2", "hd-title", L.title);
    title.id = "hd-title";
    var closeBtn = button("hd-close", null, L.close);
    closeBtn.appendChild(icon("M6 6l12 12M18 6L6 18"));
    header.appendChild(title);
    header.appendChild(closeBtn);
    var disclosure = el("p", "hd-disclosure");
    disclosure.setAttribute("role", "note");
    // The server's wording replaces this short one once the config arrives.
    var disclosureText = el("span", "hd-disclosure-text", L.disclosure);
    disclosure.appendChild(el("span", "hd-ai-badge", "AI"));
    disclosure.appendChild(disclosureText);
    var log = el("ol", "hd-log");
    log.setAttribute("aria-label", L.conversation);
    log.tabIndex = 0; // scrollable with the keyboard
    var status = el("p", "hd-status");
    status.hidden = true;
    var announcer = el("div", "hd-sr"); // what screen readers are told
    announcer.setAttribute("aria-live", "polite");
    var errorBox = el("p", "hd-error");
    errorBox.setAttribute("role", "alert");
    errorBox.hidden = true;
    var form = el("form", "hd-form");
    var qLabel = el("label", "hd-sr", L.question);
    qLabel.htmlFor = "hd-question";
    var input = el("textarea", "hd-input");
    input.id = "hd-question";
    input.rows = 2;
    input.placeholder = L.placeholder;
    input.maxLength = 4000;
    var sendBtn = el("button", "hd-send", L.send);
    sendBtn.type = "submit";
    form.appendChild(qLabel);
    form.appendChild(input);
    form.appendChild(sendBtn);
    var personBtn = button("hd-person", L.person);
    var footer = el("div", "hd-footer");
    footer.appendChild(personBtn);
    // The customer's own copy of the conversation (as stored: redacted),
    // and its erasure, once there is one.
    mine = el("div", "hd-mine");
    var downloadBtn = button("hd-link", L.download);
    var eraseBtn = button("hd-link", L.erase);
    mine.appendChild(downloadBtn);
    mine.appendChild(eraseBtn);
    mine.hidden = !conversation;
    [header, disclosure, log, status, errorBox, form, footer, mine, announcer].forEach(function (n) { panel.appendChild(n); });
    root.appendChild(bubble);
    root.appendChild(panel);

    function mount() { document.body.appendChild(host); }
    if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);

    // --- opening and closing -------------------------------------------------

    var restored = false;
    function setUnread(on) {
      bubble.classList.toggle("hd-unread", on);
      bubble.setAttribute("aria-label", on ? L.openUnread : L.open);
    }
    function openPanel() {
      panel.hidden = false;
      root.classList.add("hd-open");
      bubble.setAttribute("aria-expanded", "true");
      setUnread(false);
      input.focus();
      scrollDown();
      if (!restored && conversation) restoreTranscript();
      restored = true;
    }
    function closePanel() {
      panel.hidden = true;
      root.classList.remove("hd-open");
      bubble.setAttribute("aria-expanded", "false");
      bubble.focus();
    }
    bubble.addEventListener("click", function () { if (panel.hidden) openPanel(); else closePanel(); });
    closeBtn.addEventListener("click", closePanel);
    panel.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); closePanel(); }
    });

    // --- messages --------------------------------------------------------------

    var shown = {}; // message ids already in the log, by role
    function scrollDown() { log.scrollTop = log.scrollHeight; }
    function announce(text) {
      announcer.textContent = "";
      // A fresh text node each time, so repeated messages are read again.
      announcer.appendChild(document.createTextNode(text));
    }
    // message builds one message of the log. The speaker is said to screen
    // readers; an agent is also named on screen, to tell a person from the AI.
    function message(role, text) {
      var li = el("li", "hd-msg hd-" + role);
      var who = { customer: L.you, assistant: L.assistant, agent: L.agent }[role];
      if (role === "agent") li.appendChild(el("span", "hd-who", who));
      else li.appendChild(el("span", "hd-sr", who + ": "));
      li.appendChild(el("span", "hd-text", text));
      return li;
    }
    function addMessage(role, text, id) {
      if (id) shown[role + ":" + id] = true;
      var li = message(role, text);
      log.appendChild(li);
      scrollDown();
      return li;
    }
    function showError(msg) {
      errorBox.textContent = msg || "";
      errorBox.hidden = !msg;
    }
    function showStatus(msg) {
      status.textContent = msg || "";
      status.hidden = !msg;
      if (msg) announce(msg);
    }

    // finish completes an assistant message with the final reply: the
    // answer replaces the streamed tokens (they differ when the model was
    // interrupted or its answer replaced), then the sources and the rating.
    function finish(li, reply) {
      li.classList.remove("hd-streaming");
      var text = reply.answer || (reply.decision === "handoff" ? L.personAsked : "");
      li.querySelector(".hd-text").textContent = text;
      if (reply.message_id) shown["assistant:" + reply.message_id] = true;
      if (reply.decision === "handoff") li.classList.add("hd-handoff");
      if (reply.ai_generated) li.appendChild(el("span", "hd-meta", L.ai));
      if (reply.sources && reply.sources.length) li.appendChild(sourceList(reply.sources));
      if (reply.decision === "answer" && reply.message_id) li.appendChild(rating(reply.message_id));
      remember(reply.conversation_id);
      announce(L.assistant + ": " + text);
      scrollDown();
      if (reply.decision === "handoff") watch();
    }

    // sourceList shows the sources folded, so that long snippets do not push
    // the answer away; <details> opens with the keyboard as well.
    function sourceList(sources) {
      var box = el("details", "hd-sources");
      var h = el("summary", "hd-sources-title", L.sources + " (" + sources.length + ")");
      var ol = el("ol");
      sources.forEach(function (s) {
        var item = el("li");
        var name = s.title || s.doc_id;
        // The document's published address, or a document id that is
        // itself one, becomes a link; nothing else does.
        var href = /^https?:\/\//.test(s.url || "") ? s.url : /^https?:\/\//.test(s.doc_id) ? s.doc_id : "";
        if (href) {
          var a = el("a", "hd-source-title", name);
          a.href = href;
          a.target = "_blank";
          a.rel = "noopener noreferrer";
          item.appendChild(a);
        } else {
          item.appendChild(el("span", "hd-source-title", name));
        }
        if (s.snippet) item.appendChild(el("span", "hd-snippet", s.snippet));
        ol.appendChild(item);
      });
      box.appendChild(h);
      box.appendChild(ol);
      return box;
    }

    // rating offers thumbs up and down; a thumbs-down hands the
    // conversation to a person and the answer says so.
    function rating(messageID) {
      var box = el("div", "hd-rating");
      var up = button("hd-rate hd-up", null, L.helpful);
      var down = button("hd-rate hd-down", null, L.unhelpful);
      up.setAttribute("aria-pressed", "false");
      down.setAttribute("aria-pressed", "false");
      up.appendChild(icon("M7 11v9H4v-9h3zm2 9h8.5a2 2 0 0 0 2-1.6l1.2-6A2 2 0 0 0 18.7 10H14V6a2 2 0 0 0-2-2l-3 7v9z"));
      down.appendChild(icon("M17 13V4h3v9h-3zm-2-9H6.5a2 2 0 0 0-2 1.6l-1.2 6A2 2 0 0 0 5.3 14H10v4a2 2 0 0 0 2 2l3-7V4z"));
      var done = false;
      function rate(value, btn) {
        if (done) return;
        done = true;
        btn.setAttribute("aria-pressed", "true");
        [up, down].forEach(function (b) { b.setAttribute("aria-disabled", "true"); });
        post("/api/v1/feedback", { conversation_id: conversation, message_id: messageID, rating: value })
          .then(function (rec) {
            box.appendChild(el("span", "hd-thanks", L.thanks));
            if (rec && rec.handoff) {
              var li = addMessage("assistant", "");
              finish(li, rec.handoff);
            }
          })
          .catch(function (err) {
            done = false; // let the customer try again
            btn.setAttribute("aria-pressed", "false");
            [up, down].forEach(function (b) { b.removeAttribute("aria-disabled"); });
            showError(err.message);
          });
      }
      up.addEventListener("click", function () { rate("up", up); });
      down.addEventListener("click", function () { rate("down", down); });
      box.appendChild(up);
      box.appendChild(down);
      return box;
    }

    // --- talking to the server -------------------------------------------------

    async function failure(resp) {
      var msg = L.error;
      try { msg = (await resp.json()).error || msg; } catch (e) { /* keep the generic message */ }
      return new Error(msg);
    }
    async function post(path, body) {
      var resp = await fetch(base + path, {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
      });
      if (!resp.ok) throw await failure(resp);
      return resp.json();
    }

    // readEvents reads a server-sent event stream from a fetch response,
    // calling onEvent(name, data) for each complete event.
    async function readEvents(resp, onEvent) {
      var reader = resp.body.getReader();
      var decoder = new TextDecoder();
      var buf = "";
      for (;;) {
        var r = await reader.read();
        if (r.done) return;
        buf += decoder.decode(r.value, { stream: true }).replace(/\r\n/g, "\n");
        var idx;
        while ((idx = buf.indexOf("\n\n")) >= 0) {
          var block = buf.slice(0, idx);
          buf = buf.slice(idx + 2);
          var name = "message", data = "";
          block.split("\n").forEach(function (line) {
            if (line.indexOf("event:") === 0) name = line.slice(6).trim();
            else if (line.indexOf("data:") === 0) data += line.slice(5).replace(/^ /, "");
          });
          if (data) onEvent(name, JSON.parse(data));
        }
      }
    }

    // ask streams one answer: tokens as they come, then the final reply.
    async function ask(question) {
      var body = { question: question, language: lang };
      if (conversation) body.conversation_id = conversation;
      if (subject) body.subject = subject;
      var resp = await fetch(base + "/api/v1/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
        body: JSON.stringify(body)
      });
      var ctype = resp.headers.get("Content-Type") || "";
      if (!resp.ok || ctype.indexOf("text/event-stream") < 0) throw await failure(resp);
      var li = addMessage("assistant", "");
      li.classList.add("hd-streaming");
      var text = li.querySelector(".hd-text");
      var finished = false;
      await readEvents(resp, function (name, data) {
        if (name === "meta") remember(data.conversation_id);
        else if (name === "token") { text.textContent += data.text; scrollDown(); }
        else if (name === "done") { finished = true; finish(li, data); }
        else if (name === "error") throw new Error(data.error);
      });
      if (!finished) throw new Error(L.error);
    }

    var busy = false;
    function setBusy(on) {
      busy = on;
      sendBtn.disabled = on;
      personBtn.disabled = on;
    }
    form.addEventListener("submit", async function (e) {
      e.preventDefault();
      var q = input.value.trim();
      if (!q || busy) return;
      showError("");
      addMessage("customer", q);
      input.value = "";
      setBusy(true);
      try {
        await ask(q);
      } catch (err) {
        var streaming = log.querySelector(".hd-streaming");
        if (streaming) streaming.classList.remove("hd-streaming");
        showError(err.message);
      } finally {
        setBusy(false);
        input.focus();
      }
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    personBtn.addEventListener("click", async function () {
      if (busy) return;
      showError("");
      setBusy(true);
      try {
        var body = { language: lang };
        if (conversation) body.conversation_id = conversation;
        if (subject) body.subject = subject;
        var reply = await post("/api/v1/handoff", body);
        finish(addMessage("assistant", ""), reply);
      } catch (err) {
        showError(err.message);
      } finally {
        setBusy(false);
        input.focus();
      }
    });

    // --- a person's replies, live ----------------------------------------------

    // watch keeps the conversation's event stream open while a hand-off is
    // active, reconnecting with exponential backoff; after a reconnection it
    // reads the transcript for replies sent while it was away.
    var watcher = null;
    function watch() {
      if (watcher || !conversation) return;
      var me = { abort: new AbortController(), delay: 1000, connected: false, stopped: false };
      watcher = me;
      function stop() {
        me.stopped = true;
        me.abort.abort();
        if (watcher === me) watcher = null;
      }
      me.stop = stop;
      function onEvent(name, data) {
        if (name === "status") {
          if (me.connected) me.delay = 1000;
          // While a hand-off is open there is no person to ask for.
          footer.hidden = data.status === "open" || data.status === "claimed";
          if (data.status === "open") showStatus(L.waiting);
          else if (data.status === "claimed") showStatus(L.claimed);
          else {
            showStatus(data.status === "resolved" && data.event ? L.resolved : "");
            stop(); // no hand-off (any more): nothing to wait for
          }
        } else if (name === "agent_reply") {
          agentReply(data.message_id, data.text);
        }
      }
      async function connect(again) {
        try {
          var resp = await fetch(base + "/api/v1/conversations/" + encodeURIComponent(conversation) + "/events", {
            headers: { "Accept": "text/event-stream" }, signal: me.abort.signal
          });
          if (resp.status === 400 || resp.status === 404) { stop(); return; }
          if (!resp.ok) throw new Error("events: " + resp.status);
          me.connected = true;
          if (again) catchUp();
          await readEvents(resp, onEvent);
        } catch (e) { /* network error or aborted: retry below unless stopped */ }
        if (me.stopped) return;
        if (me.connected) showStatus(L.reconnecting);
        me.connected = false;
        setTimeout(function () { if (!me.stopped) connect(true); }, me.delay);
        me.delay = Math.min(me.delay * 2, 30000);
      }
      connect(false);
    }

    function agentReply(id, text) {
      if (id && shown["agent:" + id]) return;
      addMessage("agent", text, id);
      announce(L.agent + ": " + text);
      if (panel.hidden) setUnread(true);
    }

    async function transcript() {
      var resp = await fetch(base + "/api/v1/conversations/" + encodeURIComponent(conversation));
      if (!resp.ok) throw await failure(resp);
      return (await resp.json()).messages || [];
    }
    // catchUp adds the agent replies the live stream missed.
    function catchUp() {
      transcript().then(function (msgs) {
        msgs.forEach(function (m) { if (m.role === "agent" && m.text) agentReply(m.message_id, m.text); });
      }).catch(function () { /* the live stream goes on */ });
    }
    // restoreTranscript shows an earlier visit's messages (as stored,
    // redacted) when the widget is first opened on another page.
    function restoreTranscript() {
      transcript().then(function (msgs) {
        var before = log.firstChild;
        msgs.forEach(function (m) {
          if (!m.text || m.erased || shown[m.role + ":" + m.message_id]) return;
          if (m.role !== "customer") shown[m.role + ":" + m.message_id] = true;
          log.insertBefore(message(m.role, m.text), before);
        });
        scrollDown();
      }).catch(function () { /* an erased or unknown conversation starts afresh */ });
    }

    // --- the customer's own data ---------------------------------------------------

    downloadBtn.addEventListener("click", async function () {
      showError("");
      try {
        var resp = await fetch(base + "/api/v1/conversations/" + encodeURIComponent(conversation));
        if (!resp.ok) throw await failure(resp);
        var url = URL.createObjectURL(await resp.blob());
        var a = document.createElement("a");
        a.href = url;
        a.download = "conversation.json";
        shadow.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
      } catch (err) { showError(err.message); }
    });
    eraseBtn.addEventListener("click", async function () {
      if (!conversation || !window.confirm(L.eraseConfirm)) return;
      showError("");
      eraseBtn.disabled = true;
      try {
        var resp = await fetch(base + "/api/v1/conversations/" + encodeURIComponent(conversation), { method: "DELETE" });
        if (!resp.ok) throw await failure(resp);
        if (watcher) watcher.stop();
        conversation = "";
        try { sessionStorage.removeItem(STORE_KEY); } catch (e) { /* storage blocked */ }
        shown = {};
        log.replaceChildren();
        showStatus("");
        footer.hidden = false;
        mine.hidden = true;
        addMessage("assistant", L.erased);
        announce(L.erased);
        input.focus();
      } catch (err) { showError(err.message); }
      eraseBtn.disabled = false;
    });

    // --- start -------------------------------------------------------------------

    fetch(base + "/api/v1/widget/config?lang=" + encodeURIComponent(lang))
      .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error(String(r.status))); })
      .then(function (cfg) {
        if (cfg.disclosure) disclosureText.textContent = cfg.disclosure;
        if (cfg.company) title.textContent = cfg.company + " · " + L.title;
        if (cfg.max_question > 0) input.maxLength = cfg.max_question;
      })
      .catch(function () { /* the built-in disclosure stays */ });
    if (conversation) watch();
  }
})();
