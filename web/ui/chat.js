// Hushdesk chat: the chat page, and the page the widget shows in its frame
// on a company's site (?embed=1). It sends questions to /api/v1/ask and
// shows the streamed answer (server-sent events: meta, token, done),
// follows a hand-off over /api/v1/conversations/{id}/events, and keeps the
// conversation in this browser for the time the server sets.
//
// Customer text and streamed tokens go in with textContent. The only HTML
// inserted is what the server rendered from Markdown and sanitised
// (answer_html, html): answers and agents' replies with their lists,
// emphasis and links.
//
// The server never gives back what the customer typed: it keeps it
// redacted. So this browser keeps its own copy of the customer's messages
// (and of the replies as they were shown, with the customer's own values
// in them), for the same time as the conversation, and shows them when the
// page is loaded again. Deleting the conversation deletes the copy.
(function () {
  "use strict";
  var $ = function (id) { return document.getElementById(id); };
  var form = $("ask"), input = $("question"), send = $("send"), log = $("log");
  var errorBox = $("error"), errorText = $("error-text"), retryButton = $("retry");
  var statusBox = $("status"), announcer = $("announce");
  var personButton = $("person"), downloadLink = $("download"), eraseButton = $("erase");
  var keepMS = parseInt(document.body.getAttribute("data-keep-ms"), 10) || 0;
  var maxChars = parseInt(document.body.getAttribute("data-max"), 10) || 4000;
  var embedded = document.body.classList.contains("embed");
  var pageLang = document.documentElement.lang || "en";
  // A site that knows its customer passes their signed id in the frame's
  // address after # (never sent to any server in the address); an
  // e-mailed reply links back to its conversation the same way.
  var fragment = new URLSearchParams(location.hash.slice(1));
  var subject = fragment.get("subject") || "";
  var resume = /^c_[A-Za-z0-9_-]{16,64}$/.test(fragment.get("conversation") || "") ? fragment.get("conversation") : "";
  if (resume && window.history.replaceState) {
    // Not kept in the address bar, the history or a bookmark.
    window.history.replaceState(null, "", location.pathname + location.search + (subject ? "#subject=" + encodeURIComponent(subject) : ""));
  }

  // T is the page's wording in the page's language, from the server's
  // catalogue (the same sentences the server uses itself).
  var T = {};
  var strings = fetch("/api/v1/strings?lang=" + encodeURIComponent(pageLang))
    .then(function (r) { return r.json(); })
    .then(function (d) { T = d.strings || {}; })
    .catch(function () { /* the page works with the words it was rendered with */ });
  function t(key, vars) {
    var s = T[key] || key;
    Object.keys(vars || {}).forEach(function (k) { s = s.split("{" + k + "}").join(vars[k]); });
    return s;
  }

  // ---- what this browser keeps ----------------------------------------
  // localStorage when the conversation is kept across tabs and visits,
  // sessionStorage (this tab) when the server keeps it for no time.
  var KEY = "hushdesk.chat";
  var store = keepMS > 0 ? window.localStorage : window.sessionStorage;
  function load() {
    try {
      var s = JSON.parse(store.getItem(KEY) || "null");
      if (s && s.conversation && (!s.expires || s.expires > Date.now())) return s;
    } catch (e) { /* storage blocked or spoiled: start afresh */ }
    forget();
    return { conversation: "", mine: {}, shown: {} };
  }
  function save() {
    if (!state.conversation) return;
    state.expires = keepMS > 0 ? Date.now() + keepMS : 0;
    try { store.setItem(KEY, JSON.stringify(state)); } catch (e) { /* full or blocked: the page still works */ }
  }
  function forget() {
    try { store.removeItem(KEY); } catch (e) { /* blocked */ }
  }
  var state = load();
  if (resume && resume !== state.conversation) state = { conversation: resume, mine: {}, shown: {} };

  // What the company set for the widget (colour, welcome message) and
  // whether replies can be e-mailed.
  var config = { email: false, appearance: {} };
  var configLoaded = fetch("/api/v1/widget/config?lang=" + encodeURIComponent(pageLang))
    .then(function (r) { return r.json(); })
    .then(function (d) {
      config = d;
      var a = d.appearance || {};
      if (/^#[0-9a-f]{6}$/.test(a.color || "")) document.documentElement.style.setProperty("--accent", a.color);
      if (!state.conversation && a.welcome && a.welcome[pageLang]) addMessage("assistant welcome", a.welcome[pageLang], pageLang);
    })
    .catch(function () { /* the defaults */ });
  // ---- drawing ----------------------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function nearBottom() { return log.scrollHeight - log.scrollTop - log.clientHeight < 80; }
  function toBottom() { log.scrollTop = log.scrollHeight; }

  // addMessage puts a message at the end of the conversation and keeps it
  // in view.
  function addMessage(role, text, language) {
    var stick = nearBottom();
    var li = el("li", "msg " + role);
    if (language) li.lang = language;
    li.appendChild(el("div", "text", text));
    log.appendChild(li);
    if (stick || role === "customer") toBottom();
    return li;
  }
  function setHTML(node, html, text) {
    if (html) node.innerHTML = html; // rendered and sanitised by the server
    else node.textContent = text || "";
  }
  function who(li, name) {
    li.insertBefore(el("span", "who", name), li.firstChild);
  }

  function showError(msg, retry) {
    errorText.textContent = msg || "";
    errorBox.hidden = !msg;
    retryButton.hidden = !retry;
    retryButton.onclick = retry ? function () { showError(""); retry(); } : null;
  }
  // errorFor says what went wrong in the customer's language.
  function errorFor(status) {
    if (status === 0) return t("error_network");
    if (status === 429) return t("error_rate_limited");
    if (status === 413) return t("error_too_long", { max: maxChars });
    if (status >= 500) return t("error_server");
    return t("error");
  }

  function announce(text) {
    announcer.textContent = "";
    // A new node, so that a screen reader reads the finished answer once.
    window.setTimeout(function () { announcer.textContent = text; }, 50);
  }

  // ---- replies ----------------------------------------------------------
  var lastAnswer = null; // the latest answer's "Did that solve it?"

  // finish shows a reply once it is complete: its rendered text, what
  // made it, the sources it cites, suggestions, rating and the question
  // whether it solved the problem.
  function finish(li, reply) {
    li.classList.remove("streaming");
    if (reply.language) li.lang = reply.language;
    var text = li.querySelector(".text");
    setHTML(text, state.shown[reply.message_id] || reply.answer_html, reply.answer);
    if (reply.decision === "handoff") li.classList.add("handoff");
    if (reply.decision === "clarify") li.classList.add("clarify");
    var gen = reply.generator || {};
    var parts = [];
    if (reply.ai_generated) parts.push(gen.mode === "ollama" ? t("ai_generated") + " · " + gen.model : t("quoted"));
    if (reply.decision === "handoff") parts.push(t("handed"));
    if (reply.decision === "abstain") parts.push(t("no_answer"));
    li.appendChild(el("span", "meta", parts.join(" · ")));
    addSources(li, (reply.sources || []).filter(function (s) { return s.cited; }));
    addSuggestions(li, reply.suggestions || []);
    if (reply.decision === "answer" && reply.reason_code === "answered") {
      addRating(li, reply);
      addSolved(li, reply);
    }
    if (reply.decision === "handoff" && reply.reason_code !== "awaiting_person") showStatus({ status: "open" });
    setConversation(reply.conversation_id);
    if (reply.answer_html || reply.answer) {
      state.shown[reply.message_id] = reply.answer_html || "";
      save();
    }
    announce(text.textContent);
    if (nearBottom()) toBottom();
  }

  function addSources(li, sources) {
    if (!sources.length) return;
    var box = el("details", "sources");
    box.appendChild(el("summary", "", t("sources") + " (" + sources.length + ")"));
    var ol = el("ol");
    sources.forEach(function (s) {
      var item = el("li");
      // The document's published address becomes a link; nothing else does.
      if (/^https?:\/\//.test(s.url || "")) {
        var a = el("a", "title", s.title);
        a.href = s.url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        item.appendChild(a);
      } else {
        item.appendChild(el("span", "title", s.title));
      }
      item.appendChild(el("span", "snippet", s.snippet));
      ol.appendChild(item);
    });
    box.appendChild(ol);
    li.appendChild(box);
  }

  // addSuggestions offers what the customer may mean as buttons; a tap
  // asks it in the same conversation.
  function addSuggestions(li, suggestions) {
    if (!suggestions.length) return;
    var box = el("div", "suggestions");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", t("suggestions"));
    suggestions.forEach(function (s) {
      var b = el("button", "suggestion", s.label);
      b.type = "button";
      b.addEventListener("click", function () {
        box.querySelectorAll("button").forEach(function (x) { x.disabled = true; });
        b.classList.add("chosen");
        submit(s.question);
      });
      box.appendChild(b);
    });
    li.appendChild(box);
  }

  // thumbs are the rating buttons' icons, drawn inline so that they show
  // without an emoji font.
  var thumbs = {
    up: "M7 11v9H4v-9h3zm2 9h8.5a2 2 0 0 0 2-1.6l1.2-6A2 2 0 0 0 18.7 10H14V6a2 2 0 0 0-2-2l-3 7v9z",
    down: "M17 13V4h3v9h-3zm-2-9H6.5a2 2 0 0 0-2 1.6l-1.2 6A2 2 0 0 0 5.3 14H10v4a2 2 0 0 0 2 2l3-7V4z"
  };
  function icon(d) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var p = document.createElementNS(ns, "path");
    p.setAttribute("d", d);
    svg.appendChild(p);
    return svg;
  }

  async function feedback(reply, body) {
    body.conversation_id = reply.conversation_id;
    body.message_id = reply.message_id;
    var resp = await fetch("/api/v1/feedback", {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
    });
    if (!resp.ok) throw new Error(t("rating_error"));
    return resp.json();
  }

  // addRating puts thumbs up and down under an answer. Down asks what
  // went wrong; "I want a person" hands the conversation to one.
  function addRating(li, reply) {
    var box = el("div", "rate");
    box.appendChild(el("span", "", t("rate_prompt")));
    ["up", "down"].forEach(function (rating) {
      var b = el("button", rating);
      b.appendChild(icon(thumbs[rating]));
      b.type = "button";
      b.setAttribute("aria-label", rating === "up" ? t("rate_up") : t("rate_down"));
      b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", async function () {
        box.querySelectorAll("button").forEach(function (x) { x.disabled = true; });
        b.setAttribute("aria-pressed", "true");
        try {
          var data = await feedback(reply, { rating: rating });
          if (data.ask) askWhy(box, reply, data.ask);
          else box.appendChild(el("span", "thanks", t("rating_thanks")));
        } catch (err) { showError(err.message); }
      });
      box.appendChild(b);
    });
    li.appendChild(box);
  }

  function askWhy(box, reply, ask) {
    var why = el("div", "why");
    why.setAttribute("role", "group");
    why.setAttribute("aria-label", ask.question);
    why.appendChild(el("span", "", ask.question));
    ask.options.forEach(function (o) {
      var b = el("button", "why-" + o.code, o.label);
      b.type = "button";
      b.addEventListener("click", async function () {
        why.querySelectorAll("button").forEach(function (x) { x.disabled = true; });
        try {
          var data = await feedback(reply, { reason: o.code });
          if (data.handoff) finish(addMessage("assistant", ""), data.handoff);
          else if (data.message) addMessage("assistant", data.message, reply.language);
        } catch (err) { showError(err.message); }
      });
      why.appendChild(b);
    });
    box.appendChild(why);
    why.querySelector("button").focus();
  }

  // addSolved asks under the latest answer whether it solved the problem.
  function addSolved(li, reply) {
    if (lastAnswer) lastAnswer.remove();
    var box = el("div", "solved");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", t("solved_prompt"));
    box.appendChild(el("span", "", t("solved_prompt")));
    [true, false].forEach(function (solved) {
      var b = el("button", solved ? "yes" : "no", solved ? t("solved_yes") : t("solved_no"));
      b.type = "button";
      b.addEventListener("click", async function () {
        try {
          var data = await feedback(reply, { solved: solved });
          box.replaceChildren(el("span", "thanks", data.message || t("rating_thanks")));
        } catch (err) { showError(err.message); }
      });
      box.appendChild(b);
    });
    li.appendChild(box);
    lastAnswer = box;
  }

  // ---- hand-off ---------------------------------------------------------
  // showStatus shows where a hand-off stands, and hides "talk to a
  // person" while one has the conversation or is on the way.
  function showStatus(st) {
    var text = "";
    if (st.status === "open") text = t("waiting");
    else if (st.status === "claimed") text = st.agent_name ? t("joined", { name: st.agent_name }) : t("claimed");
    statusBox.textContent = text;
    statusBox.hidden = !text;
    personButton.hidden = st.status === "open" || st.status === "claimed";
    offerEmail(st.status === "open" || st.status === "claimed");
    if (st.status === "resolved" && st.event && st.message) {
      addMessage("assistant handback", st.message, st.language || pageLang);
      announce(st.message);
    }
  }

  // ---- e-mail me the reply ---------------------------------------------
  // While a person has the conversation, the customer may leave an address
  // for the replies. The server keeps it encrypted with the conversation
  // and never sends it back; this browser remembers it to say where the
  // replies go.
  var emailForm = $("email-offer"), emailSaved = $("email-saved");
  function offerEmail(on) {
    configLoaded.then(function () {
      var show = on && config.email && !!state.conversation;
      emailForm.hidden = !show || !!state.email;
      emailSaved.hidden = !show || !state.email;
      if (show && state.email) $("email-saved-text").textContent = t("email_saved", { address: state.email });
    });
  }
  emailForm.addEventListener("submit", async function (e) {
    e.preventDefault();
    await strings;
    var address = $("email-address").value.trim();
    if (!address || !state.conversation) return;
    $("email-send").disabled = true;
    try {
      var resp = await fetch("/api/v1/conversations/" + encodeURIComponent(state.conversation) + "/email", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ address: address })
      });
      if (!resp.ok) throw new Failure(resp.status);
      state.email = address;
      save();
      $("email-address").value = "";
      offerEmail(true);
      announce(t("email_saved", { address: address }));
    } catch (err) { showError(t("email_error")); }
    $("email-send").disabled = false;
  });
  $("email-stop").addEventListener("click", async function () {
    try {
      var resp = await fetch("/api/v1/conversations/" + encodeURIComponent(state.conversation) + "/email", { method: "DELETE" });
      if (!resp.ok) throw new Failure(resp.status);
      delete state.email;
      save();
      offerEmail(true);
    } catch (err) { showError(t("email_error")); }
  });

  var events = null;
  // listen follows the conversation's agent replies and hand-off changes.
  function listen() {
    if (events || !state.conversation) return;
    events = new EventSource("/api/v1/conversations/" + encodeURIComponent(state.conversation) + "/events");
    events.addEventListener("status", function (e) { showStatus(JSON.parse(e.data)); });
    events.addEventListener("agent_reply", function (e) {
      var data = JSON.parse(e.data);
      var li = addMessage("agent", "");
      who(li, data.agent_name || t("agent"));
      setHTML(li.querySelector(".text"), data.html, data.text);
      state.shown[data.message_id] = data.html || "";
      save();
      announce((data.agent_name || t("agent")) + ": " + li.querySelector(".text").textContent);
      notifyParent("unread");
    });
  }

  // setConversation remembers the conversation and follows it.
  function setConversation(id) {
    if (!id) return;
    if (id !== state.conversation) {
      state = { conversation: id, mine: state.mine || {}, shown: state.shown || {} };
    }
    save();
    downloadLink.href = "/api/v1/conversations/" + encodeURIComponent(id);
    downloadLink.hidden = false;
    eraseButton.hidden = false;
    listen();
  }

  // ---- asking -------------------------------------------------------------
  // parseEvents splits a server-sent-event buffer into complete events and
  // returns them with the unparsed rest.
  function parseEvents(buf) {
    var out = [];
    var idx;
    while ((idx = buf.indexOf("\n\n")) >= 0) {
      var block = buf.slice(0, idx);
      buf = buf.slice(idx + 2);
      var ev = { event: "message", data: "" };
      block.split("\n").forEach(function (line) {
        if (line.indexOf("event: ") === 0) ev.event = line.slice(7);
        else if (line.indexOf("data: ") === 0) ev.data += line.slice(6);
      });
      out.push(ev);
    }
    return { events: out, rest: buf };
  }

  function Failure(status) { this.status = status; }

  async function ask(question, mine) {
    var body = { question: question, language: pageLang };
    if (state.conversation) body.conversation_id = state.conversation;
    if (subject) body.subject = subject;
    var resp;
    try {
      resp = await fetch("/api/v1/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
        body: JSON.stringify(body)
      });
    } catch (e) { throw new Failure(0); }
    if (!resp.ok || (resp.headers.get("Content-Type") || "").indexOf("text/event-stream") < 0) throw new Failure(resp.status);
    var li = addMessage("assistant streaming", "");
    var text = li.querySelector(".text");
    var reader = resp.body.getReader();
    var decoder = new TextDecoder();
    var buf = "";
    var quiet = false;
    for (;;) {
      var r;
      try { r = await reader.read(); } catch (e) { li.remove(); throw new Failure(0); }
      if (r.done) break;
      var parsed = parseEvents(buf + decoder.decode(r.value, { stream: true }));
      buf = parsed.rest;
      for (var i = 0; i < parsed.events.length; i++) {
        var ev = parsed.events[i];
        var data = JSON.parse(ev.data);
        if (ev.event === "meta") {
          state.mine[data.message_id] = question; // the customer's own words, for a reload
          if (data.language) mine.lang = data.language;
          quiet = data.reason_code === "awaiting_person";
        } else if (ev.event === "token") {
          var stick = nearBottom();
          text.textContent += data.text;
          if (stick) toBottom();
        } else if (ev.event === "done") {
          if (quiet && !data.answer) { li.remove(); setConversation(data.conversation_id); }
          else finish(li, data);
        } else if (ev.event === "error") {
          li.remove();
          throw new Failure(500);
        }
      }
    }
  }

  async function submit(q) {
    await strings;
    showError("");
    var mine = addMessage("customer", q);
    send.disabled = true;
    var attempt = async function () {
      send.disabled = true;
      try {
        await ask(q, mine);
        mine.classList.remove("failed");
      } catch (err) {
        mine.classList.add("failed");
        var status = err instanceof Failure ? err.status : 0;
        showError(errorFor(status), status === 0 || status >= 500 || status === 429 ? attempt : null);
      } finally {
        send.disabled = false;
      }
    };
    await attempt();
    if (!embedded || document.activeElement === document.body) input.focus();
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = input.value.trim();
    if (!q) return;
    input.value = "";
    submit(q);
  });

  input.addEventListener("keydown", function (e) {
    // Enter sends, but not while an input method is composing (Chinese,
    // Japanese ...), where Enter picks the characters.
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      form.requestSubmit();
    }
  });

  personButton.addEventListener("click", async function () {
    await strings;
    showError("");
    personButton.disabled = true;
    try {
      var body = { conversation_id: state.conversation, language: pageLang };
      if (subject) body.subject = subject;
      var resp = await fetch("/api/v1/handoff", {
        method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
      });
      if (!resp.ok) throw new Failure(resp.status);
      var data = await resp.json();
      if (data.answer) finish(addMessage("assistant", ""), data);
      else { setConversation(data.conversation_id); showStatus(data.handoff || { status: "open" }); }
    } catch (err) {
      showError(t("person_error"));
    }
    personButton.disabled = false;
  });

  eraseButton.addEventListener("click", async function () {
    await strings;
    if (!state.conversation || !window.confirm(t("erase_confirm"))) return;
    showError("");
    eraseButton.disabled = true;
    try {
      var resp = await fetch("/api/v1/conversations/" + encodeURIComponent(state.conversation), { method: "DELETE" });
      if (!resp.ok) throw new Failure(resp.status);
      if (events) { events.close(); events = null; }
      forget();
      state = { conversation: "", mine: {}, shown: {} };
      log.replaceChildren();
      emailForm.hidden = true;
      emailSaved.hidden = true;
      addMessage("assistant", t("erased"));
      downloadLink.hidden = true;
      downloadLink.removeAttribute("href");
      eraseButton.hidden = true;
      statusBox.hidden = true;
      personButton.hidden = false;
    } catch (err) { showError(t("erase_error")); }
    eraseButton.disabled = false;
  });

  // restore shows the conversation so far when the page is loaded again:
  // the transcript as the server keeps it (redacted, its placeholders as
  // words), with the customer's own messages and the replies as they were
  // shown from this browser's copy. An erased or unknown conversation is
  // forgotten and a new one starts.
  async function restore() {
    var resp;
    try { resp = await fetch("/api/v1/conversations/" + encodeURIComponent(state.conversation)); } catch (e) { return; }
    if (resp.status === 400 || resp.status === 404) {
      forget();
      state = { conversation: "", mine: {}, shown: {} };
      return;
    }
    if (!resp.ok) return;
    var data = await resp.json();
    log.replaceChildren();
    (data.messages || []).forEach(function (m) {
      if (m.erased) return;
      var li;
      if (m.role === "customer") {
        li = addMessage("customer", state.mine[m.message_id] || m.text, m.language);
      } else {
        li = addMessage(m.role === "agent" ? "agent" : "assistant", "", m.language);
        setHTML(li.querySelector(".text"), (m.message_id && state.shown[m.message_id]) || m.html, m.text);
        if (m.role === "agent") who(li, m.agent_name || t("agent"));
        if (m.reason === "handed_back") li.classList.add("handback");
      }
    });
    toBottom();
  }

  // Another tab of the same conversation: follow what it changed.
  window.addEventListener("storage", function (e) {
    if (e.key !== KEY) return;
    var next = load();
    if (next.conversation !== state.conversation) {
      if (events) { events.close(); events = null; }
      state = next;
      if (state.conversation) restore().then(function () { setConversation(state.conversation); });
      else log.replaceChildren();
    } else {
      state = next;
    }
  });

  // ---- in a frame ---------------------------------------------------------
  // The widget's frame tells the site's page (its launcher) to close it,
  // and that a reply came while it was closed. Only the parent, whose
  // origin the server allowed to frame this page, is told.
  function notifyParent(what) {
    if (embedded && window.parent !== window) window.parent.postMessage({ hushdesk: what }, "*");
  }
  if (embedded) {
    var close = $("close");
    if (close) close.addEventListener("click", function () { notifyParent("close"); });
    document.addEventListener("keydown", function (e) { if (e.key === "Escape") notifyParent("close"); });
    window.addEventListener("message", function (e) {
      if (e.source === window.parent && e.data && e.data.hushdesk === "opened") input.focus();
    });
  }

  if (state.conversation) restore().then(function () { if (state.conversation) setConversation(state.conversation); });
})();
