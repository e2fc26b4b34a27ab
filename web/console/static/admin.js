// Administration (role admin): the knowledge base (list, upload, delete,
// re-index, with the personal data removed from each document) and the
// running configuration, read-only.
(function () {
  "use strict";
  var $ = HD.$, el = HD.el;

  function counts(m) {
    return Object.keys(m || {}).sort().map(function (k) { return k + " × " + m[k]; }).join(", ");
  }

  function note(msg, isError) {
    var n = $("knowledge-note");
    n.textContent = msg;
    n.classList.toggle("error", !!isError);
  }

  async function loadDocuments() {
    try {
      var data = await HD.api("GET", "/api/v1/documents");
      var docs = (data.documents || []).slice().sort(function (a, b) { return a.id < b.id ? -1 : 1; });
      var withPD = docs.filter(function (d) { return d.redactions && Object.keys(d.redactions).length; });
      $("knowledge-summary").textContent = docs.length + " documents. " + (withPD.length ?
        withPD.length + " contained personal data, which was removed before indexing: check that they belong in the knowledge base." :
        "No personal data was found in them.");
      var body = $("documents-table").tBodies[0];
      body.textContent = "";
      docs.forEach(function (d) {
        var name = el("div");
        name.appendChild(el("strong", null, d.title || d.id));
        name.appendChild(el("span", "hint block mono", d.id));
        var pd = counts(d.redactions);
        var warn = pd ? el("span", "warning", "⚠ " + pd) : el("span", "hint", "none");
        var open = el("a", null, "Preview");
        open.href = "#knowledge/" + encodeURIComponent(d.id);
        open.setAttribute("aria-label", "Preview " + (d.title || d.id));
        name.appendChild(open);
        var del = HD.button("Delete", "secondary small", function () { remove(d); });
        del.setAttribute("aria-label", "Delete " + (d.title || d.id));
        var tr = HD.row([name, d.lang, HD.short(d.version, 10), d.chunks, HD.time(d.ingested), warn, del]);
        if (pd) tr.className = "flagged";
        body.appendChild(tr);
      });
    } catch (e) {
      note(e.message, true);
    }
  }

  function remove(d) {
    if (!window.confirm("Remove " + (d.title || d.id) + " from the knowledge base?")) return;
    HD.api("DELETE", "/api/v1/documents?id=" + encodeURIComponent(d.id))
      .then(function () { note("Removed " + d.id + "."); loadDocuments(); }, function (e) { note(e.message, true); });
  }

  async function upload(e) {
    e.preventDefault();
    var files = $("upload-files").files;
    if (!files.length) return;
    var form = new FormData();
    Array.prototype.forEach.call(files, function (f) { form.append("file", f, f.name); });
    if ($("upload-prefix").value.trim()) form.append("prefix", $("upload-prefix").value.trim());
    note("Uploading…");
    try {
      var r = await HD.api("POST", "/api/v1/documents", form);
      var msg = "Added " + r.added + ", updated " + r.updated + ", unchanged " + r.unchanged + " (" + r.chunks + " passages).";
      var pd = Object.keys(r.personal_data || {});
      if (pd.length) msg += " Personal data was removed from: " + pd.map(function (id) { return id + " (" + counts(r.personal_data[id]) + ")"; }).join("; ") + ".";
      note(msg);
      $("upload-form").reset();
      loadDocuments();
    } catch (ex) {
      note("Upload failed: " + ex.message, true);
    }
  }

  async function reindex() {
    if (!window.confirm("Analyse every passage of the knowledge base again? Searches go on meanwhile; uploads wait.")) return;
    var b = $("reindex");
    b.disabled = true;
    note("Re-indexing…");
    try {
      var r = await HD.api("POST", "/api/v1/documents/reindex");
      note("Re-indexed " + r.passages + " passages with " + r.synonyms + " synonym definitions" +
        (r.embedded ? "; " + r.embedded + " passages embedded." : "."));
      loadDocuments();
    } catch (ex) {
      note("Re-index failed: " + ex.message, true);
    }
    b.disabled = false;
  }

  // search finds passages as the assistant would; each opens its article.
  async function search(e) {
    e.preventDefault();
    var q = $("kb-search").value.trim();
    var ol = $("kb-results");
    ol.textContent = "";
    if (!q) return;
    try {
      var r = await HD.api("GET", "/api/v1/documents/search?q=" + encodeURIComponent(q));
      (r.passages || []).forEach(function (p) {
        var li = el("li");
        var a = el("a", null, p.title + (p.heading ? " · " + p.heading : ""));
        a.href = "#knowledge/" + encodeURIComponent(p.doc_id);
        li.appendChild(a);
        li.appendChild(el("span", "hint block", p.snippet));
        ol.appendChild(li);
      });
      if (!r.passages || !r.passages.length) ol.appendChild(el("li", "hint", "Nothing found: the assistant would abstain."));
    } catch (ex) { note(ex.message, true); }
  }

  // preview shows one article's passages as the assistant reads them.
  async function preview(id) {
    var box = $("kb-preview");
    if (!id) { box.hidden = true; return; }
    try {
      var d = await HD.api("GET", "/api/v1/documents/passages?id=" + encodeURIComponent(id));
      box.hidden = false;
      $("kb-preview-title").textContent = d.title || id;
      $("kb-preview-meta").textContent = id + " · " + HD.count(d.passages.length, "passage") + (d.url ? " · published at " + d.url : "");
      var ol = $("kb-preview-passages");
      ol.textContent = "";
      d.passages.forEach(function (p) {
        var li = el("li");
        if (p.heading) li.appendChild(el("strong", "block", p.heading));
        li.appendChild(el("span", "passage-text", p.text));
        ol.appendChild(li);
      });
      $("kb-preview-title").focus();
    } catch (ex) { box.hidden = true; note(ex.message, true); }
  }

  async function loadConfig() {
    var dl = $("config-list");
    try {
      var cfg = await HD.api("GET", "/api/v1/config");
      dl.textContent = "";
      Object.keys(cfg).sort().forEach(function (k) {
        var v = cfg[k];
        if (v === null || v === undefined || v === "") v = "—";
        else if (typeof v === "object") v = Array.isArray(v) ? (v.length ? v.join(", ") : "—") : JSON.stringify(v);
        dl.appendChild(el("dt", null, k));
        dl.appendChild(el("dd", "mono", v));
      });
    } catch (e) {
      dl.textContent = e.message;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("upload-form").addEventListener("submit", upload);
    $("reindex").addEventListener("click", reindex);
    $("kb-search-form").addEventListener("submit", search);
  });

  HD.view("knowledge", { roles: "admin", show: function (arg) { loadDocuments(); preview(arg); } });
  HD.view("config", { roles: "admin", show: loadConfig });
})();
