// Hushdesk chat page: sends questions to /api/v1/ask and renders the
// streamed answer (server-sent events: meta, token, done). All customer and
// model text is inserted with textContent, never as HTML.
(function () {
  "use strict";
  var form = document.getElementById("ask");
  var input = document.getElementById("question");
  var send = document.getElementById("send");
  var log = document.getElementById("log");
  var errorBox = document.getElementById("error");
  var personButton = document.getElementById("person");
  var downloadLink = document.getElementById("download");
  var eraseButton = document.getElementById("erase");
  var conversation = sessionStorage.getItem("hushdesk.conversation") || "";
  var events = null;
  // T is the page's wording in the page's language, fetched once from the
  // server's catalogue (the same sentences the server uses itself).
  var pageLang = document.documentElement.lang || "en";
  var T = {};
  var strings = fetch("/api/v1/strings?lang=" + encodeURIComponent(pageLang))
    .then(function (r) { return r.json(); })
    .then(function (d) { T = d.strings || {}; })
    .catch(function () { /* the page still works; labels stay as rendered */ });

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function addMessage(role, text) {
    var li = el("li", "msg " + role);
    var body = el("span", "text", text);
    li.appendChild(body);
    log.appendChild(li);
    li.scrollIntoView({ block: "end" });
    return li;
  }

  function showError(msg) {
    errorBox.textContent = msg;
    errorBox.hidden = !msg;
  }

  function finish(li, reply) {
    li.classList.remove("streaming");
    li.querySelector(".text").textContent = reply.answer;
    if (reply.decision === "handoff") li.classList.add("handoff");
    var meta = el("span", "meta");
    var gen = reply.generator || {};
    var parts = [];
    if (reply.ai_generated) parts.push(gen.mode === "ollama" ? T.ai_generated + " · " + gen.model : T.quoted);
    if (reply.decision === "handoff") parts.push(T.handed);
    if (reply.decision === "abstain") parts.push(T.no_answer);
    meta.textContent = parts.join(" · ");
    li.appendChild(meta);
    if (reply.sources && reply.sources.length) {
      var ol = el("ol", "sources");
      ol.setAttribute("aria-label", T.sources);
      reply.sources.forEach(function (s, i) {
        var item = el("li");
        var label = "[" + (i + 1) + "] " + s.title;
        // The document's published address becomes a link; nothing else does.
        if (/^https?:\/\//.test(s.url || "")) {
          var a = el("a", "title", label);
          a.href = s.url;
          a.target = "_blank";
          a.rel = "noopener noreferrer";
          item.appendChild(a);
        } else {
          item.appendChild(el("span", "title", label));
        }
        item.appendChild(el("span", "snippet", s.snippet));
        ol.appendChild(item);
      });
      li.appendChild(ol);
    }
    if (reply.decision === "answer") addRating(li, reply);
    setConversation(reply.conversation_id);
  }

  // setConversation remembers the conversation and listens for agent
  // replies in it.
  function setConversation(id) {
    if (!id) return;
    conversation = id;
    sessionStorage.setItem("hushdesk.conversation", id);
    // The customer's own copy of the conversation (as stored: redacted),
    // and its erasure.
    downloadLink.href = "/api/v1/conversations/" + encodeURIComponent(id);
    downloadLink.hidden = false;
    eraseButton.hidden = false;
    if (events) return;
    events = new EventSource("/api/v1/conversations/" + encodeURIComponent(id) + "/events");
    events.addEventListener("agent_reply", function (e) {
      var data = JSON.parse(e.data);
      var li = addMessage("agent", "");
      li.insertBefore(el("span", "who", T.agent), li.firstChild);
      li.querySelector(".text").textContent = data.text;
    });
  }

  // thumbs are the rating buttons' icons, drawn inline so that they
  // show without an emoji font.
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

  // addRating puts thumbs up and down under an answer.
  function addRating(li, reply) {
    var box = el("span", "rate");
    box.appendChild(el("span", "", T.rate_prompt));
    ["up", "down"].forEach(function (rating) {
      var b = el("button", "");
      b.appendChild(icon(thumbs[rating]));
      b.type = "button";
      b.setAttribute("aria-label", rating === "up" ? T.rate_up : T.rate_down);
      b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", async function () {
        box.querySelectorAll("button").forEach(function (x) { x.disabled = true; });
        b.setAttribute("aria-pressed", "true");
        try {
          var resp = await fetch("/api/v1/feedback", {
            method: "POST", headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ conversation_id: reply.conversation_id, message_id: reply.message_id, rating: rating })
          });
          var data = await resp.json();
          if (!resp.ok) throw new Error(data.error || T.rating_error);
          if (data.handoff) finish(addMessage("assistant", ""), data.handoff);
        } catch (err) { showError(err.message); }
      });
      box.appendChild(b);
    });
    li.appendChild(box);
  }

  // parseEvents splits a server-sent-event buffer into complete events and
  // returns them with the unparsed rest.
  function parseEvents(buf) {
    var events = [];
    var idx;
    while ((idx = buf.indexOf("\n\n")) >= 0) {
      var block = buf.slice(0, idx);
      buf = buf.slice(idx + 2);
      var ev = { event: "message", data: "" };
      block.split("\n").forEach(function (line) {
        if (line.indexOf("event: ") === 0) ev.event = line.slice(7);
        else if (line.indexOf("data: ") === 0) ev.data += line.slice(6);
      });
      events.push(ev);
    }
    return { events: events, rest: buf };
  }

  async function ask(question) {
    var body = { question: question };
    if (conversation) body.conversation_id = conversation;
    body.language = pageLang;
    var resp = await fetch("/api/v1/ask", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
      body: JSON.stringify(body)
    });
    var ctype = resp.headers.get("Content-Type") || "";
    if (!resp.ok || ctype.indexOf("text/event-stream") < 0) {
      var msg = T.error + " (" + resp.status + ")";
      try { msg = (await resp.json()).error || msg; } catch (e) { /* keep the generic message */ }
      throw new Error(msg);
    }
    var li = addMessage("assistant streaming", "");
    var text = li.querySelector(".text");
    var reader = resp.body.getReader();
    var decoder = new TextDecoder();
    var buf = "";
    for (;;) {
      var r = await reader.read();
      if (r.done) break;
      var parsed = parseEvents(buf + decoder.decode(r.value, { stream: true }));
      buf = parsed.rest;
      for (var i = 0; i < parsed.events.length; i++) {
        var ev = parsed.events[i];
        var data = JSON.parse(ev.data);
        if (ev.event === "token") text.textContent += data.text;
        else if (ev.event === "done") finish(li, data);
        else if (ev.event === "error") { li.classList.remove("streaming"); throw new Error(data.error); }
      }
    }
  }

  form.addEventListener("submit", async function (e) {
    e.preventDefault();
    var q = input.value.trim();
    if (!q) return;
    await strings;
    showError("");
    addMessage("customer", q);
    input.value = "";
    send.disabled = true;
    try {
      await ask(q);
    } catch (err) {
      showError(err.message);
    } finally {
      send.disabled = false;
      input.focus();
    }
  });

  personButton.addEventListener("click", async function () {
    showError("");
    personButton.disabled = true;
    try {
      var resp = await fetch("/api/v1/handoff", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ conversation_id: conversation, language: pageLang })
      });
      var data = await resp.json();
      if (!resp.ok) throw new Error(data.error || T.person_error);
      if (data.answer) finish(addMessage("assistant", ""), data);
      else setConversation(data.conversation_id);
    } catch (err) { showError(err.message); }
    personButton.disabled = false;
  });

  eraseButton.addEventListener("click", async function () {
    if (!conversation || !window.confirm(T.erase_confirm)) return;
    showError("");
    eraseButton.disabled = true;
    try {
      var resp = await fetch("/api/v1/conversations/" + encodeURIComponent(conversation), { method: "DELETE" });
      var data = await resp.json();
      if (!resp.ok) throw new Error(data.error || T.erase_error);
      if (events) { events.close(); events = null; }
      conversation = "";
      sessionStorage.removeItem("hushdesk.conversation");
      log.replaceChildren();
      addMessage("assistant", T.erased);
      downloadLink.hidden = true;
      downloadLink.removeAttribute("href");
      eraseButton.hidden = true;
    } catch (err) { showError(err.message); }
    eraseButton.disabled = false;
  });

  // restore shows the conversation so far (as stored: redacted) when the
  // page is loaded again in the same tab; an erased or unknown
  // conversation is forgotten and a new one starts.
  async function restore() {
    try {
      var resp = await fetch("/api/v1/conversations/" + encodeURIComponent(conversation));
      if (resp.status === 400 || resp.status === 404) {
        conversation = "";
        sessionStorage.removeItem("hushdesk.conversation");
        return;
      }
      if (!resp.ok) return;
      var data = await resp.json();
      (data.messages || []).forEach(function (m) {
        if (!m.text || m.erased) return;
        var role = m.role === "customer" || m.role === "agent" ? m.role : "assistant";
        var li = addMessage(role, m.text);
        if (role === "agent") li.insertBefore(el("span", "who", T.agent), li.firstChild);
      });
    } catch (e) { /* the page works without the history */ }
  }

  if (conversation) restore().then(function () { if (conversation) setConversation(conversation); });

  input.addEventListener("keydown", function (e) {
    // Enter sends, but not while an input method is composing (Chinese,
    // Japanese ...), where Enter picks the characters.
    if (e.key === "Enter" && !e.shiftKey && !e.isComposing && e.keyCode !== 229) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
})();
