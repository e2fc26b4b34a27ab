// One handed-off conversation (role agent): the transcript, opening at
// the newest message and following new ones; claim, assign, transfer,
// release, hand back and resolve; the composer for a reply to the
// customer or an internal note, with canned responses (type /) and
// Ctrl/Cmd+Enter to send; and how each e-mailed reply fared.
(function () {
  "use strict";
  var $ = HD.$, el = HD.el;
  var current = "", lastDetail = "", data = null;
  var canned = [], cannedIndex = -1;
  var ROLE = { customer: "Customer", assistant: "Assistant", agent: "Agent", note: "Internal note" };
  var EMAIL = { queued: "e-mail queued", retrying: "e-mail not delivered yet: retrying", sent: "e-mailed", failed: "e-mail NOT delivered",
    not_sent: "e-mail not sent" };

  function words(s) { return window.HDQueue ? window.HDQueue.placeholderWords(s) : s; }

  function nearBottom(ol) { return ol.scrollHeight - ol.scrollTop - ol.clientHeight < 60; }

  async function load(first) {
    if (!current) return;
    var d = await HD.api("GET", "/api/v1/handoffs/" + encodeURIComponent(current));
    var json = JSON.stringify(d);
    if (json === lastDetail) return;
    lastDetail = json;
    data = d;
    var h = d.handoff;
    $("handoff").hidden = false;
    $("handoff-title").textContent = words(h.first_message) || "Conversation";
    var facts = [window.HDQueue.reasonLabel(h), "team " + h.team, h.language, h.status === "claimed" ?
      "with " + (h.mine ? "you" : h.agent_name || "an agent") : h.status];
    if (h.waited_seconds > 0) facts.push("waiting " + window.HDQueue.waited(h.waited_seconds) + (h.overdue ? " (over the target)" : ""));
    if (h.email_replies) facts.push("replies are e-mailed too");
    if (h.notes) facts.push(HD.count(h.notes, "note"));
    $("handoff-facts").textContent = facts.join(" · ");
    var resolved = h.status === "resolved";
    $("handoff-claim").disabled = h.status !== "open";
    $("handoff-release").disabled = h.status !== "claimed";
    ["handoff-resolve", "handoff-handback", "handoff-transfer", "handoff-assign", "transfer-team", "assign-agent"].forEach(function (id) { $(id).disabled = resolved; });
    $("reply-send").disabled = resolved && mode() === "reply";
    drawTranscript(d.messages || [], first);
    if (window.HDContext) window.HDContext.show(current, d, first);
  }

  function drawTranscript(msgs, first) {
    var ol = $("handoff-transcript");
    var stick = first || nearBottom(ol);
    ol.textContent = "";
    msgs.forEach(function (m) {
      if (!m.text && !m.erased) return;
      var li = el("li", "msg " + m.role);
      if (m.language) li.lang = m.language;
      var head = el("div", "msg-head");
      head.appendChild(el("strong", null, m.role === "agent" && m.agent_name ? m.agent_name : ROLE[m.role] || m.role));
      if (m.role === "note" && m.agent_name) head.appendChild(el("span", "hint", " by " + m.agent_name));
      head.appendChild(el("span", "hint", " " + HD.when(m.time) + (m.decision ? " · " + m.decision : "")));
      li.appendChild(head);
      li.appendChild(el("div", "msg-text", m.erased ? "(erased)" : words(m.text)));
      if (m.email) {
        var st = el("div", "email-state " + m.email.state, EMAIL[m.email.state] || m.email.state);
        if (m.email.problem) st.textContent += " (" + m.email.problem + ")";
        if (m.email.state === "failed" || m.email.state === "not_sent") {
          var again = HD.button("Send the e-mail again", "secondary small", function () { retry(m.message_id); });
          st.appendChild(document.createTextNode(" "));
          st.appendChild(again);
        }
        li.appendChild(st);
      }
      ol.appendChild(li);
    });
    if (stick) ol.scrollTop = ol.scrollHeight;
  }

  async function act(path, body, done) {
    try {
      var res = await HD.api("POST", "/api/v1/handoffs/" + encodeURIComponent(current) + path, body);
      if (done) done(res);
      lastDetail = "";
      await Promise.all([load(false), window.HDQueue.refresh()]);
    } catch (e) {
      HD.toast(e.message, true);
    }
  }

  function retry(message) {
    act("/email/retry", { message_id: message }, function () { HD.toast("The reply is being e-mailed again."); });
  }

  function mode() { return $("mode-note").checked ? "note" : "reply"; }

  function setMode() {
    var note = mode() === "note";
    $("reply-label").textContent = note ? "Internal note (the customer never sees it)" : "Reply to the customer";
    $("reply-send").textContent = note ? "Add note" : "Send reply";
    $("reply-form").classList.toggle("noting", note);
    if (data) $("reply-send").disabled = data.handoff.status === "resolved" && !note;
  }

  function send() {
    var text = $("reply-text").value.trim();
    if (!text) return;
    if (mode() === "note") {
      act("/notes", { text: text }, function (res) {
        $("reply-text").value = "";
        $("handoff-note").textContent = "Note added" + (res.stored !== text ? "; kept redacted: " + words(res.stored) : ".");
      });
      return;
    }
    act("/reply", { text: text }, function (res) {
      $("reply-text").value = "";
      var note = res.delivered_live ? "Reply delivered to the customer." : "Reply stored; the customer sees it when they come back.";
      if (res.email === "queued") note += " It is being e-mailed too.";
      if (res.stored && res.stored !== text) note += " The log keeps it redacted.";
      $("handoff-note").textContent = note;
    });
  }

  // ---- canned responses: "/" in the reply box ----------------------------
  function slashQuery() {
    var t = $("reply-text"), before = t.value.slice(0, t.selectionStart);
    var m = /(?:^|\s)\/([^\s/]*)$/.exec(before);
    return m ? m[1] : null;
  }

  async function showCanned() {
    var q = slashQuery();
    var list = $("canned-list");
    if (q === null) { list.hidden = true; cannedIndex = -1; return; }
    var lang = data && data.handoff.language || "";
    try {
      var d = await HD.api("GET", "/api/v1/canned?handoff=" + encodeURIComponent(current) + "&language=" + encodeURIComponent(lang) +
        "&q=" + encodeURIComponent(q));
      canned = d.canned || [];
    } catch (e) { canned = []; }
    list.textContent = "";
    canned.forEach(function (c, i) {
      var li = el("li", "canned-item", c.title);
      li.id = "canned-" + i;
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      li.appendChild(el("span", "hint block", c.filled || c.text));
      li.addEventListener("mousedown", function (e) { e.preventDefault(); insertCanned(i); });
      list.appendChild(li);
    });
    if (!canned.length) list.appendChild(el("li", "hint", "No canned response matches."));
    list.hidden = false;
    highlight(canned.length ? 0 : -1);
  }

  function highlight(i) {
    cannedIndex = i;
    document.querySelectorAll("#canned-list [role=option]").forEach(function (o, j) { o.setAttribute("aria-selected", String(j === i)); });
    if (i >= 0) $("reply-text").setAttribute("aria-activedescendant", "canned-" + i);
    else $("reply-text").removeAttribute("aria-activedescendant");
  }

  function insertCanned(i) {
    var c = canned[i];
    if (!c) return;
    var t = $("reply-text"), pos = t.selectionStart, before = t.value.slice(0, pos);
    var start = before.lastIndexOf("/");
    t.value = before.slice(0, start) + (c.filled || c.text) + t.value.slice(pos);
    $("canned-list").hidden = true;
    highlight(-1);
    t.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("handoff-claim").addEventListener("click", function () { act("/claim", undefined, function () { HD.toast("You have the conversation."); }); });
    $("handoff-release").addEventListener("click", function () { act("/release", undefined, function () { HD.toast("Back in the queue."); }); });
    $("handoff-resolve").addEventListener("click", function () {
      act("/resolve", undefined, function () { HD.toast("Resolved: the assistant answers the customer again."); });
    });
    $("handoff-handback").addEventListener("click", function () {
      act("/handback", undefined, function () { HD.toast("Handed back: the assistant has the conversation again."); });
    });
    $("handoff-assign").addEventListener("click", function () {
      if (!$("assign-agent").value) { HD.toast("Choose whom to assign it to.", true); return; }
      act("/assign", { agent: $("assign-agent").value }, function (h) { HD.toast("Assigned to " + (h.agent_name || "the agent") + "."); });
    });
    $("handoff-transfer").addEventListener("click", function () {
      if (!$("transfer-team").value) { HD.toast("Choose a team.", true); return; }
      act("/transfer", { team: $("transfer-team").value }, function (h) { HD.toast("Moved to team " + h.team + "."); });
    });
    $("mode-reply").addEventListener("change", setMode);
    $("mode-note").addEventListener("change", setMode);
    $("reply-form").addEventListener("submit", function (e) { e.preventDefault(); send(); });
    $("reply-text").addEventListener("input", showCanned);
    $("reply-text").addEventListener("blur", function () { $("canned-list").hidden = true; });
    $("reply-text").addEventListener("keydown", function (e) {
      var open = !$("canned-list").hidden && canned.length;
      if (open && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
        e.preventDefault();
        highlight((cannedIndex + (e.key === "ArrowDown" ? 1 : canned.length - 1)) % canned.length);
      } else if (open && (e.key === "Enter" || e.key === "Tab") && cannedIndex >= 0 && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        insertCanned(cannedIndex);
      } else if (e.key === "Escape" && !$("canned-list").hidden) {
        $("canned-list").hidden = true;
      } else if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        send();
      }
    });
  });

  window.HDDesk = {
    open: function (id, changed) {
      if (changed) { lastDetail = ""; $("handoff-note").textContent = ""; $("reply-text").value = ""; }
      current = id;
      if (!id) { $("handoff").hidden = true; $("context").hidden = true; data = null; return; }
      load(changed).then(function () { if (changed) $("handoff-title").focus(); }, function (e) { HD.toast(e.message, true); });
    },
    reload: function () { load(false).catch(function (e) { HD.toast(e.message, true); }); },
    insert: function (text) {
      $("mode-reply").checked = true;
      setMode();
      $("reply-text").value = text;
      $("reply-text").focus();
    }
  };
})();
