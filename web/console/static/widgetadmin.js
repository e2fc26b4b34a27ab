// The widget's appearance (role admin): colour, corner, and per language
// the welcome message and the launcher's text, with a preview and the tag
// to install it on the company's site.
(function () {
  "use strict";
  var $ = HD.$;
  var current = null;

  function lang() { return $("widget-lang").value; }

  function preview() {
    var p = $("widget-preview");
    p.style.setProperty("--hd-accent", $("widget-color").value);
    p.classList.toggle("left", $("widget-position").value === "left");
    $("preview-welcome").textContent = $("widget-welcome").value || "(the assistant's usual greeting)";
    $("preview-bubble").textContent = $("widget-launcher").value || "Chat";
  }

  function fill() {
    $("widget-color").value = current.color;
    $("widget-position").value = current.position;
    $("widget-welcome").value = (current.welcome || {})[lang()] || "";
    $("widget-launcher").value = (current.launcher || {})[lang()] || "";
    $("widget-snippet").textContent = '<script src="' + location.origin + '/widget.js" async data-lang="' + lang() + '"></' + 'script>';
    preview();
  }

  // keep stores the texts of the language shown before another is chosen.
  function keep() {
    current.welcome = current.welcome || {};
    current.launcher = current.launcher || {};
    current.welcome[$("widget-lang").dataset.shown || "en"] = $("widget-welcome").value;
    current.launcher[$("widget-lang").dataset.shown || "en"] = $("widget-launcher").value;
    current.color = $("widget-color").value;
    current.position = $("widget-position").value;
  }

  async function load() {
    try {
      current = await HD.api("GET", "/api/v1/widget/appearance");
      $("widget-lang").dataset.shown = lang();
      fill();
    } catch (e) { $("widget-note").textContent = e.message; }
  }

  document.addEventListener("DOMContentLoaded", function () {
    ["widget-color", "widget-position", "widget-welcome", "widget-launcher"].forEach(function (id) { $(id).addEventListener("input", preview); });
    $("widget-lang").addEventListener("change", function () {
      keep();
      $("widget-lang").dataset.shown = lang();
      fill();
    });
    $("widget-form").addEventListener("submit", async function (e) {
      e.preventDefault();
      keep();
      var n = $("widget-note");
      try {
        current = await HD.api("PUT", "/api/v1/widget/appearance", current);
        n.classList.remove("error");
        n.textContent = "Saved: sites with the widget show it from the next page load.";
      } catch (ex) {
        n.classList.add("error");
        n.textContent = ex.message;
      }
    });
    $("widget-copy").addEventListener("click", function () {
      navigator.clipboard.writeText($("widget-snippet").textContent).then(function () { HD.toast("Snippet copied."); },
        function () { HD.toast("Select the snippet and copy it.", true); });
    });
  });

  HD.view("widget", { roles: "admin", show: load });
})();
