// Reports: transparency (role compliance) and support (role agent), drawn
// as inline SVG bar charts built with DOM methods, with links to the
// printable pages the server renders.
(function () {
  "use strict";
  var $ = HD.$, el = HD.el;
  var SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attrs, text) {
    var e = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = String(text);
    return e;
  }

  function pct(f) { return (Math.round(f * 1000) / 10) + "%"; }

  // entries turns {label: number} into chart rows, largest first.
  function entries(obj, format) {
    return Object.keys(obj || {}).map(function (k) {
      return { label: k, value: obj[k], text: format ? format(obj[k]) : String(obj[k]) };
    }).sort(function (a, b) { return b.value - a.value || (a.label < b.label ? -1 : 1); });
  }

  // barChart draws horizontal bars with their labels and values. Screen
  // readers get the same figures from the aria-label.
  function barChart(title, rows) {
    var fig = el("figure", "chart");
    fig.appendChild(el("figcaption", null, title));
    if (!rows.length) {
      fig.appendChild(el("p", "hint", "Nothing in this period."));
      return fig;
    }
    var rowH = 24, labelW = 190, barW = 280;
    var top = Math.max.apply(null, rows.map(function (r) { return r.value; })) || 1;
    var chart = svg("svg", { viewBox: "0 0 " + (labelW + barW + 70) + " " + (rows.length * rowH + 4), role: "img",
      "aria-label": title + ": " + rows.map(function (r) { return r.label + " " + r.text; }).join(", ") });
    chart.setAttribute("class", "bars");
    rows.forEach(function (r, i) {
      var y = i * rowH + 2;
      var w = Math.max(1, Math.round(r.value / top * barW));
      // Long labels are cut to fit; the full one is the text's tooltip.
      var text = svg("text", { x: labelW - 8, y: y + 15, "text-anchor": "end", "class": "bar-label" },
        r.label.length > 25 ? r.label.slice(0, 24) + "…" : r.label);
      if (r.label.length > 25) text.appendChild(svg("title", {}, r.label));
      chart.appendChild(text);
      chart.appendChild(svg("rect", { x: labelW, y: y + 3, width: w, height: rowH - 8, rx: 2, "class": "bar" }));
      chart.appendChild(svg("text", { x: labelW + w + 6, y: y + 15, "class": "bar-value" }, r.text));
    });
    fig.appendChild(chart);
    return fig;
  }

  function stats(pairs) {
    var dl = el("dl", "stats");
    pairs.forEach(function (p) {
      var d = el("div");
      d.appendChild(el("dt", null, p[0]));
      d.appendChild(el("dd", null, p[1]));
      dl.appendChild(d);
    });
    return dl;
  }

  function table(caption, head, rows) {
    var t = el("table", "data");
    t.appendChild(el("caption", null, caption));
    var tr = el("tr");
    head.forEach(function (h) { var th = el("th", null, h); th.scope = "col"; tr.appendChild(th); });
    t.appendChild(el("thead")).appendChild(tr);
    var body = t.appendChild(el("tbody"));
    rows.forEach(function (r) { body.appendChild(HD.row(r)); });
    return t;
  }

  function transparency(r) {
    var box = $("transparency-body");
    box.textContent = "";
    var q = r.requests || {};
    box.appendChild(stats([["Decisions", r.decisions_total], ["Subject requests", q.received], ["Answered on time", q.on_time],
      ["Late", q.late], ["Open", q.open], ["Overdue", q.overdue], ["Median time to answer", Math.round(q.median_response_hours || 0) + " h"]]));
    var decisions = {}, reasons = {};
    Object.keys(r.decisions || {}).forEach(function (k) {
      decisions[k] = r.decisions[k].count;
      Object.keys(r.decisions[k].reasons || {}).forEach(function (why) { reasons[k + ": " + why] = r.decisions[k].reasons[why]; });
    });
    box.appendChild(barChart("Decisions by kind", entries(decisions)));
    box.appendChild(barChart("Reasons", entries(reasons)));
    box.appendChild(barChart("Languages", entries(r.languages)));
    box.appendChild(barChart("Personal data removed, by type", entries(r.redactions)));
    box.appendChild(table("Models that decided", ["Generator", "Model", "Digest", "Decisions", "First", "Last"],
      (r.models || []).map(function (m) {
        return [m.generator, m.model || "", HD.short(m.digest, 12), m.decisions, HD.time(m.first_seen), HD.time(m.last_seen)];
      })));
  }

  function ms(t) { return Math.round(t.mean) + " ms (p90 " + Math.round(t.p90) + " ms)"; }

  function support(r) {
    var box = $("support-body");
    box.textContent = "";
    var a = r.all || {};
    box.appendChild(stats([["Conversations", a.conversations], ["Questions", a.questions],
      ["Resolved by the assistant", pct(a.resolution_rate || 0)], ["Handed off", pct(a.handoff_rate || 0)],
      ["Abstained", pct(a.abstention_rate || 0)], ["CSAT", a.csat === null || a.csat === undefined ? "no ratings" : pct(a.csat)],
      ["First token", ms(a.first_token_ms || { mean: 0, p90: 0 })], ["Full answer", ms(a.full_answer_ms || { mean: 0, p90: 0 })]]));
    var byLang = {};
    Object.keys(r.languages || {}).forEach(function (l) { byLang[l] = r.languages[l].resolution_rate; });
    box.appendChild(barChart("Resolution rate by language", entries(byLang, pct)));
    box.appendChild(barChart("Hand-off reasons", entries(a.handoff_reasons)));
    // The questions behind a gap are the compliance officers' to read;
    // the others get no column that would always be empty.
    var examples = HD.can("compliance");
    box.appendChild(table("Knowledge gaps: questions the assistant could not serve, by closest article",
      ["Topic", "Questions"].concat(examples ? ["Examples (redacted)"] : []), (r.knowledge_gaps || []).map(function (g) {
        var ul = el("ul", "plain");
        (g.examples || []).forEach(function (x) { ul.appendChild(el("li", null, x)); });
        var topic = g.topic;
        if (g.doc_id && HD.can("admin")) {
          topic = el("a", null, g.topic);
          topic.href = "#knowledge/" + encodeURIComponent(g.doc_id);
        } else if (g.doc_id) {
          topic = el("span", null, g.topic + " (" + g.doc_id + ")");
        }
        return examples ? [topic, g.count, ul] : [topic, g.count];
      })));
  }

  function range() {
    var to = new Date($("reports-to").value + "T00:00:00Z");
    to.setUTCDate(to.getUTCDate() + 1); // the API's end is exclusive
    return "from=" + $("reports-from").value + "&to=" + to.toISOString().slice(0, 10);
  }

  function load() {
    var q = range();
    $("transparency-print").href = "/api/v1/reports/transparency?format=html&" + q;
    $("support-print").href = "/api/v1/reports/support?format=html&" + q;
    if (HD.can("compliance")) {
      HD.api("GET", "/api/v1/reports/transparency?" + q).then(transparency, function (e) { HD.toast(e.message, true); });
    }
    if (HD.can("agent compliance admin")) {
      HD.api("GET", "/api/v1/reports/support?" + q).then(support, function (e) { HD.toast(e.message, true); });
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    var today = new Date();
    var from = new Date(today.getTime() - 30 * 864e5);
    $("reports-to").value = today.toISOString().slice(0, 10);
    $("reports-from").value = from.toISOString().slice(0, 10);
    $("reports-form").addEventListener("submit", function (e) { e.preventDefault(); load(); });
  });

  HD.view("reports", { roles: "agent compliance admin", show: load });
})();
