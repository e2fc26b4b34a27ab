// The security trail (role compliance): log-ins and failed log-ins,
// sessions, tokens and roles, configuration changes, exports, reveals,
// approvals, verifications and backups, from the last day by default;
// and the requests that wait for a second officer's approval.
(function () {
  "use strict";
  var $ = HD.$, el = HD.el;
  var after = 0;

  // types offers the trail's event types, as the server names them.
  function types(list) {
    var sel = $("security-type");
    if (sel.options.length > 1) return;
    (list || []).forEach(function (t) { var o = el("option", null, t); o.value = t; sel.appendChild(o); });
  }

  function details(e) {
    var parts = [];
    if (e.subject) parts.push("subject " + e.subject);
    if (e.conversation) parts.push("conversation " + e.conversation);
    Object.keys(e.attrs || {}).sort().forEach(function (k) { parts.push(k + "=" + e.attrs[k]); });
    return parts.join(" · ");
  }

  async function load(more) {
    if (!more) after = 0;
    var p = new URLSearchParams();
    p.set("limit", "100");
    p.set("after_seq", String(after));
    if ($("security-from").value) p.set("from", new Date($("security-from").value).toISOString().replace(/\.\d+Z$/, "Z"));
    if ($("security-type").value) p.set("type", $("security-type").value);
    try {
      var data = await HD.api("GET", "/api/v1/audit/security?" + p.toString());
      types(data.types);
      var body = $("security-table").tBodies[0];
      if (!more) body.textContent = "";
      (data.events || []).forEach(function (e) {
        var tr = HD.row([e.seq, HD.time(e.time), e.type, e.actor || "", e.outcome || "", details(e)]);
        if (e.type === "auth.login_failed" || e.outcome === "broken") tr.className = "flagged";
        body.appendChild(tr);
      });
      after = data.next_after_seq || after;
      $("security-more").disabled = !data.next_after_seq;
      $("security-page").textContent = body.rows.length + " events shown";
    } catch (e) {
      HD.toast(e.message, true);
    }
  }

  function decide(a, verb) {
    HD.api("POST", "/api/v1/approvals/" + encodeURIComponent(a.id) + "/" + verb).then(function () {
      HD.toast(verb === "approve" ? "Approved; the " + a.action.replace("_", " ") + " is done." : "Refused.");
      loadApprovals();
      load();
    }, function (e) { HD.toast(e.message, true); });
  }

  async function loadApprovals() {
    try {
      var data = await HD.api("GET", "/api/v1/approvals");
      var body = $("approvals-table").tBodies[0];
      body.textContent = "";
      (data.approvals || []).forEach(function (a) {
        var actions = el("span", "actions");
        var yes = HD.button("Approve", "small", function () {
          if (window.confirm("Approve the " + a.action.replace("_", " ") + " of " + a.target + "? It is done at once, in your name.")) decide(a, "approve");
        });
        yes.setAttribute("aria-label", "Approve " + a.id);
        var no = HD.button("Refuse", "secondary small", function () { decide(a, "reject"); });
        no.setAttribute("aria-label", "Refuse " + a.id);
        actions.appendChild(yes);
        actions.appendChild(no);
        body.appendChild(HD.row([HD.time(a.asked), a.action.replace("_", " "), HD.short(a.target, 20), a.asked_by, actions]));
      });
      if (!data.approvals || !data.approvals.length) {
        var tr = HD.row(["Nothing waits for approval."]);
        tr.firstChild.colSpan = 5;
        body.appendChild(tr);
      }
    } catch (e) {
      HD.toast(e.message, true);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var yesterday = new Date(Date.now() - 864e5 - new Date().getTimezoneOffset() * 6e4);
    $("security-from").value = yesterday.toISOString().slice(0, 16);
    $("security-filters").addEventListener("submit", function (e) { e.preventDefault(); load(); });
    $("security-more").addEventListener("click", function () { load(true); });
  });

  HD.view("security", { roles: "compliance", show: function () { loadApprovals(); load(); } });
})();
