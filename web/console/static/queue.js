// The hand-off queue (role agent): tabs Mine, Unassigned and All, filters
// by team and language, live updates over server-sent events (with an
// optional sound and desktop notification), and each row titled with what
// the customer first asked, their wait against the team's target reply
// time, the unread count and who has it. Opening a row opens the
// conversation (desk.js) and its context (context.js) beside the queue.
(function () {
  "use strict";
  var $ = HD.$, el = HD.el;
  var view = "unassigned";
  var selected = "";
  var events = null, refreshTimer = null, tickTimer = null;
  var known = {};       // hand-off id -> true, for "new" notifications
  var lastList = "";
  var me = null;        // {me, actor, teams, agents}
  var REASONS = {
    person_requested: "Asked for a person", offer_accepted: "Asked for a person", anger: "Upset", complaint: "Complaint",
    legal_threat: "Legal threat", vulnerability: "Vulnerable", self_harm: "At risk", data_access_request: "Data access request",
    data_erasure_request: "Erasure request", repeated_abstention: "Not answered twice", repeated_failure: "Not helped",
    thumbs_down: "Unhappy with an answer", bereavement: "Bereavement", health: "Health", financial_hardship: "Money trouble"
  };
  var STATUS = { open: "Waiting", claimed: "Claimed", resolved: "Resolved" };

  function reasonLabel(h) { return REASONS[h.reason_code] || (h.reason_code || "").replace(/_/g, " "); }

  // waited writes a duration as people say it: 4 min, 2 h 5 min.
  function waited(s) {
    s = Math.max(0, Math.round(s));
    if (s < 60) return s + " s";
    var m = Math.floor(s / 60);
    if (m < 60) return m + " min";
    var h = Math.floor(m / 60);
    if (h < 48) return h + " h " + (m % 60) + " min";
    return Math.floor(h / 24) + " days";
  }

  // placeholderWords shows <EMAIL_1> as [e-mail 1]: the value stays hidden
  // until revealed in the conversation.
  function placeholderWords(s) {
    return String(s || "").replace(/<([A-Z][A-Z_]*)_(\d+)>/g, function (_, t, n) { return "[" + t.toLowerCase().replace(/_/g, " ") + " " + n + "]"; });
  }

  async function loadMe() {
    if (me) return me;
    me = await HD.api("GET", "/api/v1/teams");
    var team = $("queue-team"), transfer = $("transfer-team"), assign = $("assign-agent");
    (me.teams || []).forEach(function (t) {
      var o = el("option", null, t.name + (t.open_now ? "" : " (closed now)"));
      o.value = t.name;
      team.appendChild(o);
      var o2 = el("option", null, t.name);
      o2.value = t.name;
      transfer.appendChild(o2);
    });
    (me.agents || []).forEach(function (a) {
      var o = el("option", null, a.name + (a.team ? " · " + a.team : ""));
      o.value = a.id;
      assign.appendChild(o);
    });
    if (me.me && me.me.team && !sessionStorage.getItem("hd.queue.team")) team.value = me.me.team;
    return me;
  }

  async function loadList() {
    await loadMe();
    var q = "?view=" + view;
    if ($("queue-team").value) q += "&team=" + encodeURIComponent($("queue-team").value);
    if ($("queue-language").value) q += "&language=" + encodeURIComponent($("queue-language").value);
    var data = await HD.api("GET", "/api/v1/handoffs" + q);
    var list = data.handoffs || [];
    $("queue-updated").textContent = "Updated " + new Date().toLocaleTimeString();
    var json = JSON.stringify(list) + selected;
    if (json === lastList) return;
    lastList = json;
    draw(list);
  }

  function draw(list) {
    var ul = $("queue-list");
    ul.textContent = "";
    list.forEach(function (h) {
      var li = el("li", "row" + (h.id === selected ? " selected" : "") + (h.overdue ? " overdue" : ""));
      var a = el("a", "row-link");
      a.href = "#queue/" + encodeURIComponent(h.id);
      if (h.id === selected) a.setAttribute("aria-current", "true");
      a.appendChild(el("span", "row-title", placeholderWords(h.first_message) || "(no text)"));
      var meta = el("span", "row-meta");
      meta.appendChild(el("span", "tag reason", reasonLabel(h)));
      meta.appendChild(el("span", "tag", h.team));
      meta.appendChild(el("span", "tag", h.language));
      meta.appendChild(el("span", "badge " + h.status, STATUS[h.status] || h.status));
      if (h.waited_seconds > 0) {
        var w = el("span", "wait" + (h.overdue ? " late" : ""), "waited " + waited(h.waited_seconds) +
          " / target " + waited(h.target_seconds));
        meta.appendChild(w);
      }
      if (h.unread > 0) meta.appendChild(el("span", "unread", h.unread + " unread"));
      meta.appendChild(el("span", "who-has", h.claimed_by ? (h.mine ? "you" : (h.agent_name || "claimed")) : "nobody yet"));
      a.appendChild(meta);
      li.appendChild(a);
      ul.appendChild(li);
    });
    $("queue-empty").hidden = list.length > 0;
  }

  function setView(v) {
    view = v;
    document.querySelectorAll("#view-queue [role=tab]").forEach(function (t) {
      t.setAttribute("aria-selected", String(t.getAttribute("data-view") === v));
      t.tabIndex = t.getAttribute("data-view") === v ? 0 : -1;
    });
    sessionStorage.setItem("hd.queue.view", v);
    lastList = "";
    refresh();
  }

  function refresh() {
    return loadList().catch(function (e) { HD.toast(e.message, true); });
  }

  // beep plays a short tone, made in the page: no sound file to load.
  function beep() {
    try {
      var ctx = new (window.AudioContext || window.webkitAudioContext)();
      var o = ctx.createOscillator(), g = ctx.createGain();
      o.frequency.value = 880;
      g.gain.value = 0.08;
      o.connect(g);
      g.connect(ctx.destination);
      o.start();
      o.stop(ctx.currentTime + 0.15);
    } catch (e) { /* no audio: the list still updates */ }
  }

  function announce(ev) {
    var fresh = ev.event === "handoff.created" || ev.event === "handoff.message" && !known[ev.id];
    known[ev.id] = true;
    if (!fresh && ev.event !== "handoff.message") return;
    if ($("queue-sound").checked) beep();
    if ($("queue-notify").checked && window.Notification && Notification.permission === "granted" && document.hidden) {
      new Notification(ev.event === "handoff.created" ? "A customer is waiting for a person" : "A customer wrote", { body: "Team " + (ev.team || "") });
    }
  }

  // listen follows the queue over server-sent events; when the stream
  // breaks the browser reconnects, and a slow poll covers the gaps.
  function listen() {
    if (events) return;
    events = new EventSource("/api/v1/handoffs/events");
    events.addEventListener("handoff", function (e) {
      var ev = JSON.parse(e.data);
      announce(ev);
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(function () {
        refresh();
        if (selected === ev.id && window.HDDesk) window.HDDesk.reload();
      }, 150);
    });
    events.addEventListener("ready", function () { $("queue-updated").classList.remove("stale"); });
    events.onerror = function () { $("queue-updated").classList.add("stale"); };
  }

  function stop() {
    if (events) { events.close(); events = null; }
    clearInterval(tickTimer);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("#view-queue [role=tab]").forEach(function (t) {
      t.addEventListener("click", function () { setView(t.getAttribute("data-view")); });
      t.addEventListener("keydown", function (e) {
        var tabs = Array.prototype.slice.call(document.querySelectorAll("#view-queue [role=tab]"));
        var i = tabs.indexOf(t);
        if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
          var n = tabs[(i + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length];
          n.focus();
          setView(n.getAttribute("data-view"));
        }
      });
    });
    $("queue-team").addEventListener("change", function () { sessionStorage.setItem("hd.queue.team", "1"); lastList = ""; refresh(); });
    $("queue-language").addEventListener("change", function () { lastList = ""; refresh(); });
    $("queue-sound").checked = localStorage.getItem("hd.sound") === "1";
    $("queue-notify").checked = localStorage.getItem("hd.notify") === "1";
    $("queue-sound").addEventListener("change", function () { localStorage.setItem("hd.sound", this.checked ? "1" : "0"); if (this.checked) beep(); });
    $("queue-notify").addEventListener("change", function () {
      var box = this;
      localStorage.setItem("hd.notify", box.checked ? "1" : "0");
      if (box.checked && window.Notification && Notification.permission === "default") {
        Notification.requestPermission().then(function (p) { if (p !== "granted") { box.checked = false; HD.toast("Desktop notifications are blocked by the browser.", true); } });
      }
    });
    var saved = sessionStorage.getItem("hd.queue.view");
    if (saved) view = saved;
  });

  HD.view("queue", {
    roles: "agent",
    show: function (arg) {
      var changed = arg !== selected;
      selected = arg || "";
      $("desk").classList.toggle("has-open", !!selected);
      setView(view);
      listen();
      clearInterval(tickTimer);
      tickTimer = setInterval(function () { if (!document.hidden) { lastList = ""; refresh(); } }, 30000);
      if (window.HDDesk) window.HDDesk.open(selected, changed);
    },
    hide: function () { stop(); if (window.HDDesk) window.HDDesk.open("", true); }
  });

  window.HDQueue = { me: loadMe, refresh: refresh, placeholderWords: placeholderWords, waited: waited, reasonLabel: reasonLabel };
})();
