// The calculator form's answers: read them as calculator facts, fill them back in, and show
// only the questions that matter (data-ask-when). The form itself is rendered at build time
// from calculator.describe_facts(), one [data-fact] element per fact.
(function () {
  "use strict";

  // Dates are a plain text field: 1960-05-01, 1960/5/1, 1960.5.1, 1960 5 1, 1960年5月1日 or 号, and
  // 19600501 (full-width digits too). A text that does not look like a date is sent as typed, so
  // Python's own message explains it.
  var DATE = /^(\d{4})\s*(?:[-/.年]|\s)\s*(\d{1,2})\s*(?:[-/.月]|\s)\s*(\d{1,2})\s*[日号]?$/;
  var DIGITS = /^(\d{4})(\d{2})(\d{2})$/;
  var WIDE = { "．": ".", "。": ".", "－": "-", "—": "-", "／": "/", "　": " " };

  function normalise(text) {
    return text.replace(/[\uff10-\uff19]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xfee0); })
      .replace(/[．。－—／　]/g, function (c) { return WIDE[c]; }).trim();
  }

  function pad(number) { return ("0" + Number(number)).slice(-2); }

  function readDate(text) {
    var match = DATE.exec(normalise(text)) || DIGITS.exec(normalise(text));
    return match ? match[1] + "-" + pad(match[2]) + "-" + pad(match[3]) : normalise(text);
  }

  function readInt(text) {
    var plain = normalise(text);
    return /^\d{1,4}$/.test(plain) ? Number(plain) : plain;
  }

  function form() { return document.getElementById("calc-form"); }

  function checked(question) {
    var radio = question.querySelector('input[type="radio"][name="' + question.dataset.fact + '"]:checked');
    return radio ? radio.value : null;
  }

  function isShown(element) { return !element.closest("[hidden]:not(form)"); }

  // The value to send for one question: undefined when nothing is picked or typed (then it is left
  // out), null for 不清楚 (not answered, said explicitly). Neither is ever read as 是 or 否.
  function valueOf(question) {
    var type = question.dataset.type;
    if (type === "date" || type === "int") {
      var text = question.querySelector("input").value;
      if (!text.trim()) return undefined;
      return type === "date" ? readDate(text) : readInt(text);
    }
    var value = checked(question);
    if (value === null) return undefined;
    if (value === "") return null;
    if (type === "object") return value === "none" ? { kind: "none" } : {};
    return type === "bool" ? value === "true" : value;
  }

  function collect() {
    var facts = {};
    form().querySelectorAll("[data-fact]").forEach(function (question) {
      if (!isShown(question)) return;
      var value = valueOf(question);
      if (value === undefined) return;
      var path = question.dataset.fact.split(".");
      if (path.length === 1) facts[path[0]] = value;
      else if (facts[path[0]] && facts[path[0]].kind !== "none") facts[path[0]][path[1]] = value;
    });
    return facts;
  }

  function setValue(question, value) {
    var type = question.dataset.type;
    if (type === "date" || type === "int") {
      question.querySelector("input").value = value === null || value === undefined ? "" : String(value);
      return;
    }
    var wanted = value === null ? "" : value === undefined ? null : type !== "object" ? String(value)
      : value.kind === "none" ? "none" : "yes";
    question.querySelectorAll('input[name="' + question.dataset.fact + '"]').forEach(function (radio) {
      radio.checked = radio.value === wanted;
    });
  }

  // Fill the form from a facts object (a shared link); keys the form does not ask are ignored.
  function fill(facts) {
    form().querySelectorAll("[data-fact]").forEach(function (question) {
      var path = question.dataset.fact.split(".");
      var holder = path.length === 1 ? facts : (facts[path[0]] || {});
      if (Object.prototype.hasOwnProperty.call(holder, path[path.length - 1])) setValue(question, holder[path[path.length - 1]]);
      else if (path.length === 2 && !facts[path[0]]) setValue(question, null);
    });
    updateVisibility();
  }

  function matters(question) {
    var conditions = JSON.parse(question.dataset.askWhen);
    return Object.keys(conditions).every(function (key) {
      var other = form().querySelector('[data-fact="' + key + '"]');
      return other && conditions[key].indexOf(checked(other)) >= 0;
    });
  }

  function updateVisibility() {
    form().querySelectorAll("[data-ask-when]").forEach(function (question) { question.hidden = !matters(question); });
    form().querySelectorAll("[data-details-of]").forEach(function (details) {
      details.hidden = checked(details.closest("[data-fact]")) !== "yes";
    });
    form().querySelectorAll("[data-section]").forEach(function (section) {
      var questions = Array.prototype.slice.call(section.querySelectorAll(":scope > [data-fact]"));
      section.hidden = questions.every(function (question) { return question.hidden; });
    });
  }

  function labelOf(question) {
    var label = question.querySelector(".calc-label").cloneNode(true);
    label.querySelectorAll(".calc-required").forEach(function (mark) { mark.remove(); });
    return label.textContent.trim();
  }

  function answerText(question) {
    var type = question.dataset.type;
    if (type === "date" || type === "int") {
      var text = question.querySelector("input").value.trim();
      return text ? text + (type === "int" ? " 周岁" : "") : "未填写";
    }
    var radio = question.querySelector('input[name="' + question.dataset.fact + '"]:checked');
    return radio ? radio.parentElement.textContent.trim() : "未填写";
  }

  // What the visitor answered, in words, for the printed result: [{label, text}].
  function describe() {
    var list = [];
    form().querySelectorAll("[data-fact]").forEach(function (question) {
      if (isShown(question)) list.push({ label: labelOf(question), text: answerText(question) });
    });
    return list;
  }

  window.calcAnswers = { collect: collect, fill: fill, describe: describe, updateVisibility: updateVisibility,
                         readDate: readDate };
})();
