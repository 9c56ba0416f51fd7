// The calculator form: compute on "开始测算", show Python's field errors next to their fields
// (and as a summary linking to them), hand good results to results.js. No pop-ups, no storage:
// the answers live only in the form (and in a link's #fragment when the visitor asks for one).
(function () {
  "use strict";

  var TEXT = {
    computing: "正在计算……",
    waiting: "计算工具还在准备，准备好后会马上算出结果，请稍等。",
    failed: "计算工具没能加载成功。请点页面上方的“重新加载”，再点“开始测算”。",
    done: "已算好，结果在表格下方。",
    errors: function (count) { return "有 " + count + " 项需要修改，请看表格上方的提示。"; },
  };
  var form = document.getElementById("calc-form");
  var status = document.getElementById("calc-status");
  var summary = document.getElementById("calc-error-summary");
  var ticket = 0;

  function idOf(field) { return field.replace(/\./g, "-"); }

  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + ("0" + (now.getMonth() + 1)).slice(-2) + "-" + ("0" + now.getDate()).slice(-2);
  }

  function describedBy(question, withError) {
    var id = idOf(question.dataset.fact);
    var target = question.tagName === "FIELDSET" ? question : question.querySelector("input");
    target.setAttribute("aria-describedby", (withError ? "e-" + id + " " : "") + "h-" + id);
    var inputs = question.tagName === "FIELDSET"
      ? question.querySelectorAll('input[name="' + question.dataset.fact + '"]') : [question.querySelector("input")];
    Array.prototype.forEach.call(inputs, function (input) {
      if (withError) input.setAttribute("aria-invalid", "true");
      else input.removeAttribute("aria-invalid");
    });
  }

  function clearErrors() {
    form.querySelectorAll(".calc-error").forEach(function (message) { message.hidden = true; message.textContent = ""; });
    form.querySelectorAll("[data-fact]").forEach(function (question) {
      question.classList.remove("calc-question--invalid");
      describedBy(question, false);
    });
    summary.hidden = true;
    summary.querySelector("ul").textContent = "";
  }

  // Under a date field, what was read from what was typed: 读成了 1960年3月15日, or 没能读出日期.
  function readAs(question) {
    if (question.dataset.type !== "date") return "";
    var typed = question.querySelector("input").value.trim();
    var read = window.calcAnswers.readDate(typed);
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(read);
    if (!typed) return "";
    return parts ? "（您填的“" + typed + "”读成了 " + parts[1] + "年" + Number(parts[2]) + "月" + Number(parts[3]) + "日）"
                 : "（没能从“" + typed + "”读出年、月、日）";
  }

  function markField(error) {
    var question = document.getElementById("q-" + idOf(error.field));
    if (!question || question.closest("[hidden]")) return null;
    var folded = question.closest("details");
    if (folded) folded.open = true; // 再回答几个问题 / 更多选项: a field with an error is shown
    var message = document.getElementById("e-" + idOf(error.field));
    message.textContent = (message.textContent ? message.textContent + "；" : "") + error.message + readAs(question);
    message.hidden = false;
    question.classList.add("calc-question--invalid");
    describedBy(question, true);
    return "f-" + idOf(error.field);
  }

  function showErrors(errors) {
    clearErrors();
    var list = summary.querySelector("ul");
    errors.forEach(function (error) {
      var target = markField(error);
      var item = document.createElement("li");
      var holder = item;
      if (target) {
        holder = document.createElement("a");
        holder.href = "#" + target;
        holder.dataset.focus = target;
        item.appendChild(holder);
      }
      holder.textContent = error.message;
      list.appendChild(item);
    });
    summary.hidden = false;
    summary.focus();
    status.textContent = TEXT.errors(errors.length);
  }

  function compute() {
    var facts = window.calcAnswers.collect();
    var mine = ++ticket;
    clearErrors();
    window.calcResults.clear();
    status.textContent = window.policyCalculator.state === "ready" ? TEXT.computing : TEXT.waiting;
    window.policyCalculator.evaluate(facts).then(function (answer) {
      if (mine !== ticket) return;
      if ("errors" in answer) return showErrors(answer.errors);
      status.textContent = TEXT.done;
      window.calcResults.show(answer, window.calcAnswers.describe(), facts);
    }, function () {
      if (mine === ticket) status.textContent = TEXT.failed;
    });
  }

  // Summary links move focus to the field without touching the address (it may hold a shared #a=…).
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-focus]");
    if (!link) return;
    event.preventDefault();
    var field = document.getElementById(link.dataset.focus);
    field.scrollIntoView({ block: "center" });
    field.focus();
  });
  form.addEventListener("change", window.calcAnswers.updateVisibility);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    compute();
  });

  form.querySelectorAll(".calc-submit").forEach(function (button) { button.disabled = false; }); // disabled in the HTML until this script runs
  var asOf = document.getElementById("f-as_of");
  if (!asOf.value) asOf.value = today(); // the visitor's own device date; they may change it
  var shared = window.calcShare.read();
  if (shared) {
    window.calcAnswers.fill(shared);
    document.getElementById("calc-more-questions").open = true; // a shared link may answer them
    compute();
  } else {
    window.calcAnswers.updateVisibility();
  }
  // Another share link opened in this tab changes only the fragment: the page follows its address.
  window.addEventListener("hashchange", function () {
    var facts = window.calcShare.read();
    if (!facts) return;
    form.reset(); // answers the new link leaves out are not the old link's
    if (!asOf.value) asOf.value = today();
    window.calcAnswers.fill(facts);
    compute();
  });
})();
