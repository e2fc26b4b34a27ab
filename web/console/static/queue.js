// The hand-off queue (role agent): the list, polled every few seconds, and
// one conversation with its redacted transcript, claim, reply and resolve.
(function () {
  "use strict";
  var $ = HD.$, el = HD.el;
  var POLL_MS = 4000;
  var timer = null;
  var selected = "";      // the open hand-off's id
  var lastList = "", lastDetail = "";
  var teams = {};

  var STATUS = { open: "Open", claimed: "Claimed", resolved: "Resolved" };
  var ROLE = { customer: "Customer", assistant: "Assistant", agent: "Agent" };

  async function loadList() {
    var q = "?status=" + encodeURIComponent($("queue-status").value);
    if ($("queue-team").value) q += "&team=" + encodeURIComponent($("queue-team").value);
    var data = await HD.api("GET", "/api/v1/handoffs" + q);
    var list = data.handoffs || [];
    $("queue-updated").textContent = "Updated " + new Date().toLocaleTimeString();
    var json = JSON.stringify(list) + selected;
    if (json === lastList) return; // unchanged: keep the rows (and the focus in them)
    lastList = json;
    list.forEach(function (h) { if (h.team) addTeam(h.team); });
    var body = $("queue-table").tBodies[0];
    body.textContent = "";
    list.forEach(function (h) {
      var a = el("a", null, h.reason || h.reason_code);
      a.href = "#queue/" + encodeURIComponent(h.id);
      if (h.id === selected) a.setAttribute("aria-current", "true");
      var first = el("div");
      first.appendChild(a);
      first.appendChild(el("span", "hint block", h.language + " · " + h.messages + " messages · " + h.replies + " replies"));
      var tr = HD.row([first, h.team, badge(h.status), HD.time(h.updated)]);
      if (h.id === selected) tr.className = "selected";
      body.appendChild(tr);
    });
    $("queue-empty").hidden = list.length > 0;
  }

  function badge(status) { return el("span", "badge " + status, STATUS[status] || status); }

  function addTeam(team) {
    if (teams[team]) return;
    teams[team] = true;
    var o = el("option", null, team);
    o.value = team;
    $("queue-team").appendChild(o);
  }

  async function loadDetail(focus) {
    if (!selected) { $("handoff").hidden = true; return; }
    var data = await HD.api("GET", "/api/v1/handoffs/" + encodeURIComponent(selected));
    var json = JSON.stringify(data);
    $("handoff").hidden = false;
    if (focus) $("handoff-title").focus();
    if (json === lastDetail) return;
    lastDetail = json;
    var h = data.handoff;
    $("handoff-title").textContent = "Conversation · " + (h.reason || h.reason_code);
    var facts = $("handoff-facts");
    facts.textContent = "";
    [["Status", badge(h.status)], ["Team", h.team], ["Language", h.language], ["Reason", h.reason_code],
      ["Opened", HD.when(h.created)], ["Claimed by", h.claimed_by || "nobody yet"], ["Hand-off", HD.short(h.id, 24)]]
      .forEach(function (f) {
        facts.appendChild(el("dt", null, f[0]));
        var dd = el("dd");
        if (f[1] instanceof Node) dd.appendChild(f[1]); else dd.textContent = f[1];
        facts.appendChild(dd);
      });
    $("handoff-claim").disabled = h.status !== "open";
    $("handoff-resolve").disabled = h.status === "resolved";
    $("reply-form").querySelector("button").disabled = h.status === "resolved";
    var ol = $("handoff-transcript");
    ol.textContent = "";
    (data.messages || []).forEach(function (m) {
      if (!m.text && !m.erased) return;
      var li = el("li", "msg " + m.role);
      var head = el("div", "msg-head");
      head.appendChild(el("strong", null, ROLE[m.role] || m.role));
      head.appendChild(el("span", "hint", " " + HD.when(m.time) + (m.decision ? " · " + m.decision : "")));
      li.appendChild(head);
      li.appendChild(el("div", "msg-text", m.erased ? "(erased)" : m.text));
      ol.appendChild(li);
    });
  }

  async function act(path, body, done) {
    try {
      var res = await HD.api("POST", "/api/v1/handoffs/" + encodeURIComponent(selected) + path, body);
      if (done) done(res);
      await refresh();
    } catch (e) {
      HD.toast(e.message, true);
    }
  }

  async function refresh(focus) {
    try {
      await Promise.all([loadList(), loadDetail(focus)]);
    } catch (e) {
      HD.toast(e.message, true);
    }
  }

  function poll() {
    clearInterval(timer);
    timer = setInterval(function () { if (!document.hidden) refresh(); }, POLL_MS);
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("queue-status").addEventListener("change", function () { lastList = ""; refresh(); });
    $("queue-team").addEventListener("change", function () { lastList = ""; refresh(); });
    $("handoff-claim").addEventListener("click", function () {
      act("/claim", undefined, function () { HD.toast("You have claimed this conversation."); });
    });
    $("handoff-resolve").addEventListener("click", function () {
      act("/resolve", undefined, function () { HD.toast("Resolved: the assistant answers the customer again."); });
    });
    $("reply-form").addEventListener("submit", function (e) {
      e.preventDefault();
      var text = $("reply-text").value.trim();
      if (!text) return;
      act("/reply", { text: text }, function (res) {
        $("reply-text").value = "";
        var note = res.delivered_live ? "Reply delivered to the customer." :
          "Reply stored; the customer will see it when they come back.";
        if (res.stored && res.stored !== text) note += " The log keeps it redacted: " + res.stored;
        $("handoff-note").textContent = note;
      });
    });
  });

  HD.view("queue", {
    roles: "agent",
    show: function (arg) {
      var changed = arg !== selected;
      selected = arg || "";
      if (changed) { lastDetail = ""; lastList = ""; $("handoff-note").textContent = ""; }
      refresh(changed && !!selected);
      poll();
    },
    hide: function () { clearInterval(timer); }
  });
})();
