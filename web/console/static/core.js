// Hushdesk console: the shared parts. Log-in and session, the API client
// (which sends the session's CSRF token with every request that changes
// state), the views and the hash router. Each view lives in its own file
// and registers itself with HD.view(name, {roles, show, hide}).
// All text from the server is inserted with textContent, never as HTML.
var HD = (function () {
  "use strict";
  var session = null; // {role, label, csrf_token}
  var views = {};
  var current = null;

  function $(id) { return document.getElementById(id); }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  // row builds a table row from cells: strings, numbers or nodes.
  function row(cells) {
    var tr = el("tr");
    cells.forEach(function (c) {
      var td = el("td");
      if (c instanceof Node) td.appendChild(c); else if (c !== undefined && c !== null) td.textContent = String(c);
      tr.appendChild(td);
    });
    return tr;
  }

  function button(text, cls, onClick) {
    var b = el("button", cls, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  function when(t) {
    if (!t) return "";
    var d = new Date(t);
    if (isNaN(d)) return String(t);
    return d.toISOString().replace("T", " ").slice(0, 16) + " UTC";
  }

  // time is a <time> element for table cells, kept on one line.
  function time(t) {
    var e = el("time", "nowrap", when(t));
    if (t) e.dateTime = t;
    return e;
  }

  // short abbreviates long pseudonyms and hashes, keeping the full value
  // in a title.
  function short(s, n) {
    var span = el("span", "mono", s && s.length > (n || 14) ? s.slice(0, n || 14) + "…" : s || "");
    if (s) span.title = s;
    return span;
  }

  // count says "1 event", "2 events".
  function count(n, one, many) { return n + " " + (n === 1 ? one : many || one + "s"); }

  function toast(msg, isError) {
    var t = $("toast");
    t.textContent = msg;
    t.classList.toggle("error", !!isError);
    t.classList.add("show");
    clearTimeout(toast.timer);
    toast.timer = setTimeout(function () { t.classList.remove("show"); }, 6000);
  }

  // api calls the server with the session cookie. A body that is a
  // FormData goes as multipart, anything else as JSON. It resolves with
  // the parsed JSON (or null), and rejects with the server's message.
  async function api(method, path, body) {
    var opts = { method: method, headers: { "Accept": "application/json" }, credentials: "same-origin" };
    if (method !== "GET" && session) opts.headers["X-CSRF-Token"] = session.csrf_token;
    if (body instanceof FormData) opts.body = body;
    else if (body !== undefined) {
      opts.headers["Content-Type"] = "application/json";
      opts.body = JSON.stringify(body);
    }
    var resp = await fetch(path, opts);
    if (resp.status === 401 && path.indexOf("/console/") !== 0) {
      loggedOut();
      throw new Error("Your session has ended; please log in again.");
    }
    var data = null;
    var text = await resp.text();
    if (text) { try { data = JSON.parse(text); } catch (e) { data = null; } }
    if (!resp.ok) {
      var err = new Error((data && data.error) || resp.status + " " + resp.statusText);
      err.status = resp.status;
      err.data = data;
      throw err;
    }
    return data;
  }

  // download fetches path and saves it under the name the server gives
  // (Content-Disposition) or fallback. It resolves with the blob's text.
  // An export is recorded in the log, so it is a POST (method) with the
  // CSRF token; a plain read is a GET.
  async function download(path, fallback, method) {
    method = method || "GET";
    var headers = {};
    if (method !== "GET" && session) headers["X-CSRF-Token"] = session.csrf_token;
    var resp = await fetch(path, { method: method, headers: headers, credentials: "same-origin" });
    if (!resp.ok) {
      var msg = resp.status + " " + resp.statusText;
      try { msg = (await resp.json()).error || msg; } catch (e) { /* keep the status */ }
      throw new Error(msg);
    }
    var blob = await resp.blob();
    var m = /filename="?([^";]+)"?/.exec(resp.headers.get("Content-Disposition") || "");
    var a = el("a");
    a.href = URL.createObjectURL(blob);
    a.download = m ? m[1] : fallback;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
    return blob.text();
  }

  // can reports whether the signed-in role is one of roles. Duties are
  // separate: an admin sees the admin views only (docs/roles.md).
  function can(roles) {
    if (!session) return false;
    return roles.split(" ").indexOf(session.role) >= 0;
  }

  function view(name, v) { views[name] = v; }

  // route shows the view named by the location hash (#name or
  // #name/argument), or the first one the role may use.
  function route() {
    if (!session) return;
    var hash = location.hash.replace(/^#/, "");
    var name = hash.split("/")[0];
    var arg = decodeURIComponent(hash.slice(name.length + 1));
    var allowed = Object.keys(views).filter(function (n) { return can(views[n].roles); });
    if (allowed.indexOf(name) < 0) {
      var first = document.querySelector("#nav li:not([hidden]) a");
      if (first && location.hash !== first.getAttribute("href")) { location.replace(first.getAttribute("href")); }
      return;
    }
    if (current && current !== name && views[current].hide) views[current].hide();
    document.querySelectorAll(".view").forEach(function (s) { s.hidden = s.id !== "view-" + name; });
    document.querySelectorAll("#nav a").forEach(function (a) {
      if (a.getAttribute("href") === "#" + name) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
    var changed = current !== name;
    current = name;
    views[name].show(arg);
    if (changed) {
      var h = document.querySelector("#view-" + name + " h1");
      document.title = h.textContent + " · Hushdesk console";
      $("main").focus();
    }
  }

  function loggedIn(s) {
    session = s;
    $("view-login").hidden = true;
    $("who-label").textContent = (s.name || s.label || "signed in") + " · " + s.role + (s.team ? " (" + s.team + ")" : "");
    $("who-label").title = $("who-label").textContent;
    $("who").hidden = false;
    document.querySelectorAll("[data-roles]").forEach(function (e) { e.hidden = !can(e.getAttribute("data-roles")); });
    $("nav").hidden = false;
    route();
  }

  function loggedOut() {
    if (current && views[current].hide) views[current].hide();
    session = null;
    current = null;
    document.querySelectorAll(".view").forEach(function (s) { s.hidden = s.id !== "view-login"; });
    $("nav").hidden = true;
    $("who").hidden = true;
    document.title = "Log in · Hushdesk console";
    $("login-token").focus();
  }

  function start() {
    $("login-form").addEventListener("submit", async function (e) {
      e.preventDefault();
      var err = $("login-error");
      err.hidden = true;
      try {
        var s = await api("POST", "/console/login", { token: $("login-token").value });
        $("login-token").value = "";
        loggedIn(s);
      } catch (ex) {
        err.textContent = ex.message;
        err.hidden = false;
        $("login-token").focus();
      }
    });
    $("logout").addEventListener("click", async function () {
      var r = null;
      try { r = await api("POST", "/console/logout"); } catch (e) { /* logged out anyway */ }
      loggedOut();
      // A session from the identity provider ends there too.
      if (r && r.logout_url) location.assign(r.logout_url);
    });
    // With single sign-on, offer it first; tokens still work.
    api("GET", "/console/sso").then(function (s) {
      if (s && s.enabled) {
        $("sso-button").href = s.login_url;
        $("sso-login").hidden = false;
      }
    }, function () { /* tokens only */ });
    window.addEventListener("hashchange", route);
    // A reloaded page goes on with the session it has, if any.
    api("GET", "/console/session").then(loggedIn, loggedOut);
  }
  document.addEventListener("DOMContentLoaded", start);

  return {
    $: $, el: el, row: row, button: button, when: when, time: time, short: short, count: count, toast: toast,
    api: api, download: download, can: can, view: view,
    current: function () { return current; }
  };
})();
