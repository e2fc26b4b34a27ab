// The audit log (role compliance): newest first, in plain words, page by
// page with filters; an event opens with its envelope, whether it is
// intact, and the signed checkpoint that covers it. Verify the chain,
// download exports and checkpoints.
(function () {
  "use strict";
  var $ = HD.$, el = HD.el;
  var PAGE = 50;
  var pages = [0]; // before_seq of each page visited (0: the newest); the last is shown

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
    p.set("order", "desc");
    if (pages[pages.length - 1]) p.set("before_seq", String(pages[pages.length - 1]));
    try {
      var data = await HD.api("GET", "/api/v1/audit/events?" + p.toString());
      var evs = data.events || [];
      render(evs);
      $("audit-next").disabled = !data.next_before_seq;
      $("audit-next").dataset.before = data.next_before_seq || "";
      $("audit-first").disabled = pages.length === 1;
      $("audit-page").textContent = "Page " + pages.length + (evs.length ? ", events " + evs[0].seq + " back to " + evs[evs.length - 1].seq : ", no events");
    } catch (e) {
      HD.toast(e.message, true);
    }
  }

  function render(events) {
    var body = $("audit-table").tBodies[0];
    body.textContent = "";
    events.forEach(function (e) {
      var open = el("button", "link", e.seq);
      open.type = "button";
      open.setAttribute("aria-label", "Open event " + e.seq);
      open.addEventListener("click", function () { detail(e.seq); });
      var what = el("span", null, e.label);
      what.title = e.type;
      var why = e.reason_text || (e.decision ? e.decision : "") || e.outcome || "";
      var tr = HD.row([open, HD.time(e.time), what, why, HD.short(e.conversation), HD.short(e.subject), e.actor || ""]);
      if (e.shredded) tr.className = "shredded";
      body.appendChild(tr);
    });
    if (!events.length) {
      var tr = HD.row(["No events match."]);
      tr.firstChild.colSpan = 7;
      body.appendChild(tr);
    }
  }

  async function detail(seq) {
    var d;
    try { d = await HD.api("GET", "/api/v1/audit/events/" + seq); } catch (e) { HD.toast(e.message, true); return; }
    var e = d.event;
    $("event-title").textContent = "Event " + e.seq + ": " + e.label;
    var proof = $("event-proof");
    proof.className = "verdict " + (d.intact && d.covered ? "ok" : d.problem ? "bad" : "");
    proof.textContent = d.problem ? "Not verified: " + d.problem :
      d.covered ? "Intact, and covered by the checkpoint signed at event " + d.checkpoint.seq + " (" + HD.when(d.checkpoint.time) + "): the chain from this event to it verifies." :
      d.intact ? "Intact and linked to the event before it. No checkpoint covers it yet; sign one to seal it." : "Not verified.";
    var facts = $("event-facts");
    facts.textContent = "";
    [["When", HD.when(e.time)], ["Type", e.type], ["Why", e.reason_text || e.reason || ""], ["Decision", e.decision || ""],
      ["Conversation", e.conversation || ""], ["Subject", e.subject || ""], ["Actor", e.actor || ""],
      ["Model", (e.model || "") + (e.model_digest ? " " + e.model_digest.slice(0, 19) + "…" : "")],
      ["Sources", (e.sources || []).map(function (s) { return s.doc_id + "@" + (s.version || ""); }).join(", ")],
      ["Hash", e.hash]].forEach(function (f) {
      if (!f[1]) return;
      facts.appendChild(el("dt", null, f[0]));
      facts.appendChild(el("dd", f[0] === "Hash" ? "mono" : null, f[1]));
    });
    var copy = Object.assign({}, e);
    delete copy.label;
    delete copy.reason_text;
    $("event-json").textContent = JSON.stringify(copy, null, 2);
    $("event-dialog").showModal();
    $("event-close").focus();
  }

  async function verify() {
    var out = $("audit-verdict");
    out.className = "verdict";
    out.textContent = "Verifying…";
    try {
      var r = await HD.api("POST", "/api/v1/audit/verify");
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
      pages.push(Number(this.dataset.before));
      load();
    });
    $("audit-first").addEventListener("click", function () { pages = [0]; load(); });
    $("audit-verify").addEventListener("click", verify);
    $("event-close").addEventListener("click", function () { $("event-dialog").close(); });
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
