// Site-wide behaviour: display switches that persist across pages, and the clause copy controls.
// Nothing here sends anything anywhere; preferences stay in this browser's localStorage.
(function () {
  "use strict";
  var STORE = "display-preferences";

  function readPreferences() {
    try { return JSON.parse(localStorage.getItem(STORE) || "{}"); } catch (e) { return {}; }
  }

  function setupDisplaySwitches() {
    var preferences = readPreferences();
    document.querySelectorAll(".display-switch").forEach(function (button) {
      var name = button.dataset.display;
      button.hidden = false;
      button.setAttribute("aria-pressed", String(Boolean(preferences[name])));
      button.addEventListener("click", function () {
        var on = !document.documentElement.classList.contains(name);
        document.documentElement.classList.toggle(name, on);
        button.setAttribute("aria-pressed", String(on));
        preferences[name] = on;
        try { localStorage.setItem(STORE, JSON.stringify(preferences)); } catch (e) { /* private mode: still works on this page */ }
      });
    });
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain-http deployments have no clipboard API: fall back to a hidden selection.
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "absolute";
    area.style.left = "-9999px";
    document.body.appendChild(area);
    area.select();
    var ok = document.execCommand("copy");
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function setupClauseButtons() {
    document.querySelectorAll(".clause-button").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        // The link is resolved against the page's address without its query (search adds ?h=…):
        // "#c-2-3-2" on /notice/, "./" on a clause's own page.
        var text = button.dataset.copy === "link"
          ? new URL(button.dataset.href, location.origin + location.pathname).href
          : button.dataset.citation;
        var status = button.parentElement.querySelector(".clause-copied");
        copyText(text).then(function () {
          status.textContent = button.dataset.copy === "link" ? "已复制链接：" + text : "已复制引用";
        }, function () {
          status.textContent = "无法自动复制，请选中后按 Ctrl+C：" + text;
        });
      });
    });
  }

  // Each clause's staff tools (keywords, citation, copy buttons) fold under "转发和引用" so a phone
  // shows the notice's own words first; on a wide screen there is room, so they start open.
  function openStaffToolsOnWideScreens() {
    if (!window.matchMedia("(min-width: 48em)").matches) return;
    document.querySelectorAll("details.clause-staff").forEach(function (tools) { tools.open = true; });
  }

  setupDisplaySwitches();
  setupClauseButtons();
  openStaffToolsOnWideScreens();
})();
