// The audit log (role compliance): browse envelopes page by page with
// filters, verify the chain, download exports and checkpoints.
(function () {
  "use strict";
  var $ = HD.$, el = HD.el;
  var PAGE = 50;
  var pages = [0]; // after_seq of each page visited; the last is shown

  // dayAfter turns an inclusive "to" date into the exclusive bound the
  // API takes (a date there means midnight UTC).
  function dayAfter(d) {
    var t = new Date(d + "T00:00:00Z");
    t.setUTCDate(t.getUTCDate() + 1);
    return t.toISOString().slice(0, 10);
  }

  function filters() {
    var p = new URLSearchParams();
    if ($("audit-from").value) p.set("from", $("audit-from").value);
    if ($("audit-to").value) p.set("to", dayAfter($("audit-to").value));
    [["type", "audit-type"], ["decision", "audit-decision"], ["conversation", "audit-conversation"], ["subject", "audit-subject"]]
      .forEach(function (f) { var v = $(f[1]).value.trim(); if (v) p.set(f[0], v); });
    return p;
  }

  // exportLog downloads the log with the filters: a POST, because the
  // export is itself recorded in the log.
  function exportLog(format) {
    var p = filters();
    p.set("format", format);
    if ($("export-content").checked) p.set("content", "true");
    HD.download("/api/v1/audit/export?" + p.toString(), "hushdesk-audit." + format, "POST")
      .then(function () { HD.toast("Export downloaded; it is recorded in the log."); }, function (e) { HD.toast(e.message, true); });
  }

  async function load() {
    var p = filters();
    p.set("limit", String(PAGE));
    p.set("after_seq", String(pages[pages.length - 1]));
    try {
      var data = await HD.api("GET", "/api/v1/audit/events?" + p.toString());
      render(data.events || []);
      $("audit-next").disabled = !data.next_after_seq;
      $("audit-next").dataset.after = data.next_after_seq || "";
      $("audit-first").disabled = pages.length === 1;
      $("audit-page").textContent = "Page " + pages.length + (data.events.length ? ", events " +
        data.events[0].seq + "–" + data.events[data.events.length - 1].seq : ", no events");
    } catch (e) {
      HD.toast(e.message, true);
    }
  }

  function render(events) {
    var body = $("audit-table").tBodies[0];
    body.textContent = "";
    events.forEach(function (e) {
      var decision = e.decision ? e.decision + (e.reason_code ? " (" + e.reason_code + ")" : "") : e.outcome || "";
      var tr = HD.row([e.seq, HD.time(e.time), e.type, decision, HD.short(e.conversation), HD.short(e.subject),
        e.model || e.generator || "", e.actor || ""]);
      if (e.shredded) tr.className = "shredded";
      body.appendChild(tr);
    });
    if (!events.length) {
      var tr = HD.row(["No events match."]);
      tr.firstChild.colSpan = 8;
      body.appendChild(tr);
    }
  }

  async function verify() {
    var out = $("audit-verdict");
    out.className = "verdict";
    out.textContent = "Verifying…";
    try {
      var r = await HD.api("GET", "/api/v1/audit/verify");
      if (r.ok) {
        out.classList.add("ok");
        out.textContent = "Intact: " + r.events + " events, the chain and its checkpoints verify. Head " + r.head.slice(0, 16) + "…";
      } else {
        out.classList.add("bad");
        out.textContent = "Broken at event " + r.first_bad_seq + ": " + r.problem;
      }
    } catch (e) {
      out.classList.add("bad");
      out.textContent = "Could not verify: " + e.message;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("audit-filters").addEventListener("submit", function (e) {
      e.preventDefault();
      pages = [0];

      load();
    });
    $("export-jsonl").addEventListener("click", function () { exportLog("jsonl"); });
    $("export-csv").addEventListener("click", function () { exportLog("csv"); });
    $("audit-next").addEventListener("click", function () {
      pages.push(Number(this.dataset.after));
      load();
    });
    $("audit-first").addEventListener("click", function () { pages = [0]; load(); });
    $("audit-verify").addEventListener("click", verify);
    $("checkpoint-download").addEventListener("click", function () {
      HD.download("/api/v1/audit/checkpoint", "hushdesk-checkpoint.json").then(function () {
        HD.toast("Checkpoint downloaded. Keep it outside the server.");
      }, function (e) { HD.toast(e.message, true); });
    });
    $("checkpoint-sign").addEventListener("click", function () {
      HD.api("POST", "/api/v1/audit/checkpoint").then(function (cp) {
        HD.toast("Checkpoint signed at event " + cp.seq + ".");
        load();
      }, function (e) { HD.toast(e.message, true); });
    });
  });

  HD.view("audit", {
    roles: "compliance",
    show: function () { load(); }
  });
})();
