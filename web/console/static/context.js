// The context pane beside a conversation (role agent): a short summary,
// a suggested reply drafted from the knowledge base (which the agent
// edits and sends as their own), the sources the assistant used, the
// values the customer typed (revealed one at a time, with a reason that
// is recorded), and the customer's earlier conversations.
(function () {
  "use strict";
  var $ = HD.$, el = HD.el;
  var current = "", revealing = null, draft = null, revealKey = "";
  var TYPES = { EMAIL: "e-mail address", PHONE: "phone number", ORDER: "order number", PERSON: "name", ADDRESS: "address",
    CREDIT_CARD: "card (last four digits only)", IBAN: "bank account", URL: "link", IP_ADDRESS: "IP address" };

  function words(s) { return window.HDQueue.placeholderWords(s); }

  function list(ul, items, empty) {
    ul.textContent = "";
    items.forEach(function (i) { ul.appendChild(i); });
    if (!items.length) ul.appendChild(el("li", "hint", empty));
  }

  async function summary() {
    try {
      var s = await HD.api("GET", "/api/v1/handoffs/" + encodeURIComponent(current) + "/summary");
      var items = (s.points || []).map(function (p) { return el("li", null, words(p)); });
      if (s.topics && s.topics.length) items.push(el("li", "hint", "About: " + s.topics.join(", ")));
      items.push(el("li", "hint", HD.count(s.messages || 0, "message") + " from the customer"));
      list($("summary"), items, "Nothing yet.");
    } catch (e) { list($("summary"), [], e.message); }
  }

  async function suggest() {
    $("suggestion").textContent = "Drafting…";
    $("suggestion-meta").textContent = "";
    $("suggestion-use").disabled = true;
    try {
      draft = await HD.api("GET", "/api/v1/handoffs/" + encodeURIComponent(current) + "/suggestion");
      $("suggestion").textContent = words(draft.text);
      var how = draft.generator.mode === "ollama" ? "Written by " + draft.generator.model + ", checked against its sources" :
        draft.replaced ? "Quoted from the knowledge base (the model's draft was not supported by its sources)" : "Quoted from the knowledge base";
      $("suggestion-meta").textContent = how + ". Edit it before you send it.";
      $("suggestion-use").disabled = false;
    } catch (e) {
      draft = null;
      $("suggestion").textContent = e.status === 404 ? "The knowledge base has nothing on the customer's last message." : e.message;
    }
  }

  function sources(d) {
    var seen = {}, items = [];
    (d.messages || []).forEach(function (m) {
      (m.sources || []).forEach(function (s) {
        if (seen[s.doc_id]) return;
        seen[s.doc_id] = true;
        var li = el("li");
        var a = el("a", null, s.doc_id.replace(/^.*\//, "").replace(/\.md$/, "").replace(/-/g, " "));
        a.href = "#knowledge/" + encodeURIComponent(s.doc_id);
        a.title = s.doc_id;
        li.appendChild(a);
        items.push(li);
      });
    });
    list($("sources-used"), items, "The assistant used no article.");
  }

  function reveals(d) {
    var items = (d.placeholders || []).map(function (p) {
      var li = el("li", "reveal-row");
      li.appendChild(el("span", "mono", words(p.label)));
      li.appendChild(el("span", "hint", " " + (TYPES[p.type] || p.type.toLowerCase()) + " "));
      var out = el("span", "revealed mono");
      out.id = "revealed-" + p.label.replace(/[<>]/g, "");
      var b = HD.button("Reveal", "secondary small", function () { ask(p, out); });
      b.setAttribute("aria-label", "Reveal " + words(p.label));
      li.appendChild(b);
      li.appendChild(out);
      return li;
    });
    list($("reveal-list"), items, "The customer typed no personal data.");
  }

  function ask(p, out) {
    revealing = { p: p, out: out };
    $("reveal-what").textContent = "The customer's " + (TYPES[p.type] || p.type.toLowerCase()) + " " + words(p.label) + ".";
    $("reveal-reason").value = "";
    $("reveal-dialog").showModal();
    $("reveal-reason").focus();
  }

  async function reveal() {
    var r = revealing;
    try {
      var v = await HD.api("POST", "/api/v1/handoffs/" + encodeURIComponent(current) + "/reveal", { label: r.p.label, reason: $("reveal-reason").value });
      r.out.textContent = v.value;
      HD.toast("Revealed; the reveal is recorded (audit event " + v.audit_seq + ").");
    } catch (e) { HD.toast(e.message, true); }
  }

  async function history() {
    try {
      var h = await HD.api("GET", "/api/v1/handoffs/" + encodeURIComponent(current) + "/history");
      if (!h.known_customer) { list($("history"), [], "The site did not say who the customer is."); return; }
      var items = h.conversations.filter(function (c) { return !c.current; }).map(function (c) {
        var li = el("li");
        li.appendChild(el("span", "block", words(c.first_message) || "(no text)"));
        li.appendChild(el("span", "hint", HD.when(c.started) + " · " + HD.count(c.messages, "message") + (c.handed_off ? " · handed to a person" : "")));
        return li;
      });
      list($("history"), items, "No earlier conversations.");
    } catch (e) { list($("history"), [], e.message); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    $("suggestion-use").addEventListener("click", function () { if (draft) window.HDDesk.insert(draft.text); });
    $("suggestion-refresh").addEventListener("click", suggest);
    $("reveal-form").addEventListener("submit", function () { reveal(); });
    $("reveal-cancel").addEventListener("click", function () { $("reveal-dialog").close(); });
  });

  window.HDContext = {
    show: function (id, d, first) {
      $("context").hidden = false;
      sources(d);
      var k = id + JSON.stringify(d.placeholders || []);
      if (k !== revealKey) { revealKey = k; reveals(d); }
      if (id !== current || first) {
        current = id;
        summary();
        suggest();
        history();
      }
    }
  };
})();
