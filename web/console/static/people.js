// People and canned responses (role admin). People: invite (a token with
// a display name, role and team, shown once), rename, move to another
// team, revoke. Canned responses: the answers agents insert with "/",
// per language, with {{variables}}.
(function () {
  "use strict";
  var $ = HD.$, el = HD.el;
  var teams = [];

  function note(id, msg, isError) {
    $(id).textContent = msg;
    $(id).classList.toggle("error", !!isError);
  }

  async function loadTeams() {
    if (teams.length) return;
    var d = await HD.api("GET", "/api/v1/teams");
    teams = (d.teams || []).map(function (t) { return t.name; });
    teams.forEach(function (t) { var o = el("option", null, t); o.value = t; $("invite-team").appendChild(o); });
  }

  function teamSelect(tok) {
    var sel = el("select");
    sel.setAttribute("aria-label", "Team of " + (tok.name || tok.label));
    var none = el("option", null, "No team");
    none.value = "";
    sel.appendChild(none);
    teams.forEach(function (t) { var o = el("option", null, t); o.value = t; sel.appendChild(o); });
    sel.value = tok.team || "";
    sel.addEventListener("change", function () { update(tok, { team: sel.value }); });
    return sel;
  }

  async function update(tok, change) {
    try {
      await HD.api("PATCH", "/api/v1/tokens/" + encodeURIComponent(tok.id), change);
      note("people-note", change.name !== undefined ? "Renamed to " + change.name + "." : "Moved to " + (change.team || "no team") + ".");
      loadPeople();
    } catch (e) { note("people-note", e.message, true); }
  }

  async function loadPeople() {
    try {
      await loadTeams();
      var d = await HD.api("GET", "/api/v1/tokens");
      var body = $("people-table").tBodies[0];
      body.textContent = "";
      (d.tokens || []).forEach(function (t) {
        var name = el("div");
        name.appendChild(el("strong", null, t.name || "(no display name)"));
        if (t.label) name.appendChild(el("span", "hint block", t.label));
        var actions = el("span", "row-actions");
        var rename = HD.button("Rename", "secondary small", function () {
          var n = window.prompt("New display name for " + (t.name || t.label) + " (customers see it):", t.name || "");
          if (n !== null) update(t, { name: n });
        });
        rename.setAttribute("aria-label", "Rename " + (t.name || t.label));
        var revoke = HD.button("Revoke", "secondary small", function () {
          if (!window.confirm("Revoke access for " + (t.name || t.label) + "? Their conversations go back to the queue.")) return;
          HD.api("DELETE", "/api/v1/tokens/" + encodeURIComponent(t.id)).then(function () { note("people-note", "Access revoked."); loadPeople(); },
            function (e) { note("people-note", e.message, true); });
        });
        revoke.setAttribute("aria-label", "Revoke " + (t.name || t.label));
        actions.appendChild(rename);
        actions.appendChild(revoke);
        body.appendChild(HD.row([name, t.role, t.role === "compliance" ? "" : teamSelect(t), HD.time(t.created), actions]));
      });
    } catch (e) { note("people-note", e.message, true); }
  }

  async function invite(e) {
    e.preventDefault();
    try {
      var r = await HD.api("POST", "/api/v1/tokens", { role: $("invite-role").value, label: $("invite-label").value.trim(),
        name: $("invite-name").value.trim(), team: $("invite-team").value });
      $("invite-who").textContent = r.name || r.label || r.role;
      $("invite-token").value = r.token;
      $("invite-result").hidden = false;
      $("invite-form").reset();
      $("invite-token").focus();
      $("invite-token").select();
      loadPeople();
    } catch (ex) { note("people-note", ex.message, true); }
  }

  // ---- canned responses ----------------------------------------------------
  async function loadCanned() {
    try {
      var d = await HD.api("GET", "/api/v1/canned");
      var body = $("canned-table").tBodies[0];
      body.textContent = "";
      (d.canned || []).forEach(function (c) {
        var actions = el("span", "row-actions");
        var edit = HD.button("Edit", "secondary small", function () {
          $("canned-form").dataset.id = c.id;
          $("canned-name").value = c.title;
          $("canned-language").value = c.language;
          $("canned-text").value = c.text;
          $("canned-name").focus();
        });
        edit.setAttribute("aria-label", "Edit " + c.title);
        var del = HD.button("Delete", "secondary small", function () {
          if (!window.confirm("Delete the canned response " + c.title + "?")) return;
          HD.api("DELETE", "/api/v1/canned/" + encodeURIComponent(c.id)).then(function () { note("canned-note", "Deleted."); loadCanned(); },
            function (e) { note("canned-note", e.message, true); });
        });
        del.setAttribute("aria-label", "Delete " + c.title);
        actions.appendChild(edit);
        actions.appendChild(del);
        body.appendChild(HD.row([c.title, c.language, el("span", "pre", c.text), actions]));
      });
      if (!d.canned || !d.canned.length) {
        var tr = HD.row(["No canned responses yet."]);
        tr.firstChild.colSpan = 4;
        body.appendChild(tr);
      }
    } catch (e) { note("canned-note", e.message, true); }
  }

  async function saveCanned(e) {
    e.preventDefault();
    var id = $("canned-form").dataset.id || "";
    try {
      await HD.api(id ? "PUT" : "POST", "/api/v1/canned" + (id ? "/" + encodeURIComponent(id) : ""),
        { title: $("canned-name").value, language: $("canned-language").value, text: $("canned-text").value });
      note("canned-note", "Saved.");
      $("canned-form").reset();
      $("canned-form").dataset.id = "";
      loadCanned();
    } catch (ex) { note("canned-note", ex.message, true); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("invite-form").addEventListener("submit", invite);
    $("invite-copy").addEventListener("click", function () {
      navigator.clipboard.writeText($("invite-token").value).then(function () { HD.toast("Token copied."); }, function () { $("invite-token").select(); });
    });
    $("canned-form").addEventListener("submit", saveCanned);
    $("canned-new").addEventListener("click", function () { $("canned-form").reset(); $("canned-form").dataset.id = ""; $("canned-name").focus(); });
  });

  HD.view("people", { roles: "admin", show: loadPeople });
  HD.view("canned", { roles: "admin", show: loadCanned });
})();
