// Pages with the calculator engine (calculator, roster): when engine/policy-calculator.js could not
// load, say so in the page's status area, link the amounts table and offer to load the page again,
// instead of leaving a form whose button does nothing. Runs before the page's deferred scripts, so
// they find a policyCalculator that refuses every request rather than none at all.
(function () {
  "use strict";

  var MESSAGE = "计算工具没能加载成功。请检查网络后，点“重新加载”再试一次。";
  var area = document.getElementById("engine-status");
  if (window.policyCalculator || !area) return;

  function refuse() {
    return Promise.reject(new Error("engine/policy-calculator.js did not load"));
  }

  var ready = refuse();
  ready.catch(function () {});
  window.policyCalculator = {
    state: "failed",
    ready: ready,
    offline: ready,
    evaluate: refuse,
    evaluateMany: refuse,
    roster: refuse,
    retry: function () { location.reload(); return ready; },
  };
  area.hidden = false;
  area.dataset.state = "failed";
  area.className = "engine-status admonition failure";
  area.querySelector(".engine-status__text").textContent = MESSAGE;
  area.querySelector(".engine-status__help").hidden = false;
  var button = area.querySelector(".engine-status__retry");
  button.hidden = false;
  button.addEventListener("click", function () { location.reload(); });
})();
