// Subject requests (role compliance): find what is held about a customer,
// export it, erase it after a typed confirmation, the request log with its
// deadlines, and legal holds.
(function () {
  "use strict";
  var $ = HD.$, el = HD.el;
  var subject = ""; // the customer id found last
  var holds = [];
  var extending = "";

  function note(msg, isError) {
    var n = $("subjects-note");
    n.textContent = msg;
    n.classList.toggle("error", !!isError);
  }

  async function find(id) {
    subject = id;
    $("subject-result").hidden = false;
    $("subject-export-result").textContent = "";
    $("erase-result").textContent = "";
    $("erase-confirm").value = "";
    $("subject-erase").disabled = true;
    var data = await HD.api("GET", "/api/v1/audit/events?limit=500&subject=" + encodeURIComponent(id));
    var evs = data.events || [];
    if (!evs.length) {
      $("subject-summary").textContent = "Nothing is held about this customer id.";
      return;
    }
    var convs = {};
    evs.forEach(function (e) { if (e.conversation) convs[e.conversation] = true; });
    var pseudonym = evs[0].subject;
    var text = HD.count(evs.length, "event") + (data.next_after_seq ? " or more" : "") + " in " +
      HD.count(Object.keys(convs).length, "conversation") + ", recorded as " + pseudonym + ".";
    if (holds.some(function (h) { return h.target === pseudonym; })) text += " A legal hold applies: erasure will be refused.";
    $("subject-summary").textContent = text;
  }

  async function exportSubject() {
    var out = $("subject-export-result");
    out.textContent = "Exporting…";
    try {
      var path = "/api/v1/subjects/" + encodeURIComponent(subject) + "/export?regime=" + $("subject-regime").value;
      var exp = JSON.parse(await HD.download(path, "subject-export.json", "POST"));
      out.textContent = "Exported " + HD.count(exp.events.length, "event") + " (" + exp.shredded_events +
        " no longer readable) for " + exp.subject + "; the access request is logged as answered.";
      loadRequests();
    } catch (e) {
      out.textContent = "Export failed: " + e.message;
    }
  }

  // letter downloads the export as a letter the customer can read, in
  // their language (or the one chosen): an HTML page or a PDF document.
  async function letter(format) {
    var out = $("subject-export-result");
    try {
      var path = "/api/v1/subjects/" + encodeURIComponent(subject) + "/export?format=" + format + "&regime=" + $("subject-regime").value;
      if ($("letter-lang").value) path += "&lang=" + $("letter-lang").value;
      await HD.download(path, "letter." + format, "POST");
      out.textContent = "Letter downloaded (" + format.toUpperCase() + "). The access request is logged as answered.";
      loadRequests();
    } catch (e) {
      out.textContent = "Letter failed: " + e.message;
    }
  }

  async function erase() {
    if ($("erase-confirm").value !== subject) return;
    var out = $("erase-result");
    try {
      var r = await HD.api("DELETE", "/api/v1/subjects/" + encodeURIComponent(subject) + "?regime=" + $("subject-regime").value);
      if (r.approval) {
        // Four-eyes: another officer approves under Security trail.
        out.textContent = "Erasure requested: it waits for a second compliance officer's approval (" + r.approval.id + ").";
        $("erase-confirm").value = "";
        $("subject-erase").disabled = true;
        loadRequests();
        return;
      }
      out.textContent = "Erased " + r.subject + " at " + HD.when(r.erased_at) + ": " + HD.count(r.events_affected, "event") +
        " can no longer be read. Receipt: audit event " + r.audit_seq + ", request " + r.request_id + ".";
      $("erase-confirm").value = "";
      $("subject-erase").disabled = true;
    } catch (e) {
      out.textContent = e.data && e.data.hold ? "Refused: a legal hold applies (" + e.data.hold.basis + ", placed " +
        HD.when(e.data.hold.placed) + ")." : "Erasure failed: " + e.message;
    }
    loadRequests();
  }

  function daysLeft(r) {
    if (r.completed || r.days_left === undefined || r.days_left === null) return "";
    if (r.days_left < 0) return HD.count(-r.days_left, "day") + " late";
    return HD.count(r.days_left, "day");
  }

  async function loadRequests() {
    try {
      var data = await HD.api("GET", "/api/v1/requests");
      var reqs = (data.requests || []).slice().reverse();
      var body = $("requests-table").tBodies[0];
      body.textContent = "";
      var soon = 0, late = 0;
      reqs.forEach(function (r) {
        if (!r.completed && r.status === "overdue") late++;
        else if (r.due_soon) soon++;
        var status = el("span", "badge " + r.status, r.status === "overdue" ? "Overdue" : r.status);
        var actions = el("span", "row-actions");
        if (r.completed) actions.appendChild(HD.time(r.completed));
        else {
          var done = HD.button("Mark answered", "secondary small", function () { complete(r.id); });
          done.setAttribute("aria-label", "Mark answered: request " + r.id);
          actions.appendChild(done);
          if (!r.extended) {
            var ext = HD.button("Extend", "secondary small", function () { extend(r.id); });
            ext.setAttribute("aria-label", "Extend the deadline of request " + r.id);
            actions.appendChild(ext);
          }
        }
        var who = r.customer_id ? el("span", null, r.customer_id) : HD.short(r.subject || r.conversation);
        var deadline = el("span");
        deadline.appendChild(HD.time(r.deadline));
        if (r.extended) {
          var x = el("span", "hint block", "extended from " + HD.when(r.first_deadline));
          if (r.extension_reason) x.title = r.extension_reason;
          deadline.appendChild(x);
        }
        var tr = HD.row([HD.short(r.id, 18), r.kind + " (" + r.regime.toUpperCase() + ")", who, HD.time(r.received), deadline,
          daysLeft(r), status, actions]);
        if (r.status === "overdue") tr.className = "overdue";
        else if (r.due_soon && !r.completed) tr.className = "due-soon";
        body.appendChild(tr);
      });
      if (!reqs.length) {
        var tr = HD.row(["No requests yet."]);
        tr.firstChild.colSpan = 8;
        body.appendChild(tr);
      }
      var rem = $("requests-reminder");
      rem.hidden = !soon && !late;
      rem.textContent = (late ? HD.count(late, "request") + " past the deadline. " : "") +
        (soon ? HD.count(soon, "request") + " due within a week." : "");
    } catch (e) {
      note(e.message, true);
    }
  }

  function extend(id) {
    extending = id;
    $("extend-reason").value = "";
    $("extend-dialog").showModal();
    $("extend-reason").focus();
  }

  function complete(id) {
    HD.api("POST", "/api/v1/requests/" + encodeURIComponent(id) + "/complete")
      .then(function () { note("Request marked answered."); loadRequests(); }, function (e) { note(e.message, true); });
  }

  async function loadHolds() {
    try {
      var data = await HD.api("GET", "/api/v1/holds");
      holds = data.holds || [];
      var body = $("holds-table").tBodies[0];
      body.textContent = "";
      holds.forEach(function (h) {
        var release = HD.button("Release", "secondary small", function () {
          if (!window.confirm("Release the legal hold on " + h.target + "?")) return;
          HD.api("DELETE", "/api/v1/holds/" + encodeURIComponent(h.target))
            .then(function (r) {
              note(r && r.approval ? "Release requested: it waits for a second compliance officer's approval (" + r.approval.id + ")." : "Hold released.");
              loadHolds();
            }, function (e) { note(e.message, true); });
        });
        release.setAttribute("aria-label", "Release the hold on " + h.target);
        body.appendChild(HD.row([h.customer_id ? el("span", null, h.customer_id) : HD.short(h.target, 20), h.basis, HD.time(h.placed), h.actor, release]));
      });
      if (!holds.length) {
        var tr = HD.row(["No legal holds."]);
        tr.firstChild.colSpan = 5;
        body.appendChild(tr);
      }
    } catch (e) {
      note(e.message, true);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("subject-form").addEventListener("submit", function (e) {
      e.preventDefault();
      find($("subject-id").value.trim()).catch(function (ex) { $("subject-summary").textContent = ex.message; });
    });
    $("subject-export").addEventListener("click", exportSubject);
    $("subject-letter").addEventListener("click", function () { letter("html"); });
    $("subject-letter-pdf").addEventListener("click", function () { letter("pdf"); });
    $("extend-cancel").addEventListener("click", function () { $("extend-dialog").close(); });
    $("extend-form").addEventListener("submit", function () {
      HD.api("POST", "/api/v1/requests/" + encodeURIComponent(extending) + "/extend", { reason: $("extend-reason").value })
        .then(function (r) { note("Deadline extended to " + HD.when(r.deadline) + ". Tell the customer, with the reason."); loadRequests(); },
          function (e) { note(e.message, true); });
    });
    $("erase-confirm").addEventListener("input", function () {
      $("subject-erase").disabled = this.value !== subject || !subject;
    });
    $("subject-erase").addEventListener("click", erase);
    $("request-form").addEventListener("submit", function (e) {
      e.preventDefault();
      HD.api("POST", "/api/v1/requests", { kind: $("request-kind").value, subject: $("request-subject").value.trim(), regime: $("request-regime").value })
        .then(function (r) {
          note("Request logged; it is due " + HD.when(r.deadline) + ".");
          $("request-subject").value = "";
          loadRequests();
        }, function (ex) { note(ex.message, true); });
    });
    $("hold-form").addEventListener("submit", function (e) {
      e.preventDefault();
      var body = { basis: $("hold-basis").value.trim() };
      body[$("hold-kind").value] = $("hold-target").value.trim();
      HD.api("POST", "/api/v1/holds", body).then(function () {
        note("Legal hold placed.");
        $("hold-target").value = "";
        $("hold-basis").value = "";
        loadHolds();
      }, function (ex) { note(ex.message, true); });
    });
  });

  HD.view("subjects", {
    roles: "compliance",
    show: function () { loadRequests(); loadHolds(); }
  });
})();
