// The calculator's measure cards, after the answer first (results.js): the measures that apply, each
// with its one useful sentence shown (its own open question, else its first reason) and its details
// folded; those the 其他情况 questions settle under "再回答几个问题"; 暂不符合 and 其他帮扶 folded (help
// for another situation, that the person said no to, or a service of the administration); then the
// glossary, the answers and the interpretations used. Loaded after results.js, whose helpers it uses;
// results.js calls window.calcResultCards.sections() when it renders a result.
(function () {
  "use strict";

  var shared = window.calcResultParts;
  var el = shared.el, yuan = shared.yuan, standardText = shared.standardText, clauseLink = shared.clauseLink,
    of = shared.of, hotline = shared.hotline, leadOf = shared.leadOf, words = shared.words, titles = shared.titles;

  // Not eligible, and not for this family's situation (or the person said no): "其他帮扶".
  function aside(item) { return item.status === "not_eligible" && item.aside === true; }

  function details(reasons, departments) {
    return el("details", { class: "calc-details" }, [
      el("summary", {}, ["详细说明"]),
      el("ul", { class: "calc-measure__reasons" }, reasons.map(function (reason) { return el("li", {}, [reason]); })),
      el("p", { class: "calc-measure__departments" }, ["负责部门：" + departments.join("、")]),
    ]);
  }

  function measureItem(item, byId, lead, saidOnce) {
    var reasons = item.reasons.filter(function (reason) { return saidOnce.indexOf(reason) < 0 && reason !== lead; });
    var amount = item.amount ? el("p", {}, ["金额：", yuan(item.amount), "（" + standardText(item.standard) + "）"])
      : item.possible_amount ? el("p", {}, ["条件都符合时：", yuan(item.possible_amount), "（" + standardText(item.standard) + "）"])
      : null;
    return el("li", { class: "calc-measure calc-measure--" + item.status }, [
      el("h4", { class: "calc-measure__title" }, [clauseLink(byId, item.clause)]),
      lead ? el("p", { class: "calc-measure__lead" }, [lead]) : null,
      amount,
      details(reasons, item.departments),
    ]);
  }

  // A group of measures; an empty one is not listed ("可以享受（0 项）" reads as a verdict).
  function group(title, items, byId, leadOf, folded, saidOnce) {
    if (!items.length) return [];
    var heading = el("h3", { class: "calc-group" }, [title + "（" + items.length + " 项）"]);
    var list = el("ul", { class: "calc-measures" },
                  items.map(function (item) { return measureItem(item, byId, leadOf(item), saidOnce); }));
    if (!folded) return [heading, list];
    return [el("details", { class: "calc-folded" }, [el("summary", {}, [heading]), list])];
  }

  // Nothing can be enjoyed yet: said kindly, with what remains and where to ask.
  function noneYet(result) {
    if (of(result, "eligible").some(function (item) { return result.next_steps.services.indexOf(item.clause) < 0; })) return null;
    var open = of(result, "needs_assessment").length;
    return el("p", { class: "calc-none-yet" }, hotline("按您填写的情况，还没有可以确定享受的帮扶。" +
      (open ? "下面几项问清楚后可能可以享受。" : "") + "不清楚的，可以拨打 " + words.offices.hotline + "，或问居（村）委。"));
  }

  // The 其他情况 questions come after the first result: a button back to them.
  function laterSection(items, byId, saidOnce) {
    if (!items.length) return [];
    var button = el("button", { type: "button", class: "big-button calc-answer-more" }, ["再回答几个问题"]);
    button.addEventListener("click", function () {
      var more = document.getElementById("calc-more-questions");
      if (!more) return;
      more.open = true;
      more.scrollIntoView({ block: "start" });
      var first = more.querySelector("input");
      if (first) first.focus({ preventScroll: true });
    });
    var heading = el("h3", { class: "calc-group" }, ["再回答几个问题，看看还有哪些帮扶（" + items.length + " 项）"]);
    return [el("details", { class: "calc-folded calc-later" }, [el("summary", {}, [heading]),
      el("p", {}, ["这些帮扶要看您家的其他情况（照护、收入、住房、工作等）。在表格里回答后，再点“开始测算”。"]),
      el("p", {}, [button]),
      el("ul", { class: "calc-measures" }, items.map(function (item) { return measureItem(item, byId, leadOf(saidOnce)(item), saidOnce); }))])];
  }

  function answersSection(answers) {
    var rows = answers.map(function (answer) {
      return el("tr", {}, [el("th", { scope: "row" }, [answer.label]), el("td", {}, [answer.text])]);
    });
    return el("details", { class: "calc-folded" }, [el("summary", {}, [el("h3", {}, ["您填写的情况"])]),
                                                   el("table", { class: "calc-table calc-answers" }, [el("tbody", {}, rows)])]);
  }

  // The glossary's terms this result uses (calculator/data/words.toml), each explained once, folded.
  function glossarySection(result, byId) {
    var text = result.about.concat.apply(result.about, result.measures.map(function (item) {
      return item.reasons.concat([byId[item.clause] ? byId[item.clause].title : ""]);
    })).join("");
    var items = words.glossary.filter(function (entry) { return text.indexOf(entry.term) >= 0; }).map(function (entry) {
      return el("li", {}, [el("strong", {}, [entry.term]), "：" + entry.say]);
    });
    if (!items.length) return null;
    return el("details", { class: "calc-folded calc-glossary" }, [
      el("summary", {}, [el("h3", {}, ["几个词的意思"])]), el("ul", {}, items)]);
  }

  function assumptionsSection(result) {
    var items = result.assumptions.map(function (id) {
      return el("li", {}, [el("a", { href: "../assumptions/#" + id }, [titles[id] || "理解与假设"])]);
    });
    return el("details", { class: "calc-folded" }, [
      el("summary", {}, [el("h3", {}, ["测算时用到的理解"])]),
      el("p", {}, ["通知有些地方可以有不同理解。本站的选择标为“本站理解”，写在“理解与假设”页。这次测算用到了下面这些："]),
      el("ul", {}, items)]);
  }

  // Everything after the summary: the measures by status, then the glossary, the answers and the
  // interpretations used.
  function sections(result, answers, byId) {
    var next = result.next_steps;
    var saidOnce = next.said_once;
    var lead = leadOf(saidOnce);
    var later = function (item) { return next.later.indexOf(item.clause) >= 0; };
    var service = function (item) { return next.services.indexOf(item.clause) >= 0; };
    var notEligible = of(result, "not_eligible");
    // 其他帮扶: for another situation, said no to, or a service of the administration (not a benefit).
    var other = notEligible.filter(aside).concat(result.measures.filter(function (item) {
      return service(item) && item.status !== "not_eligible";
    }));
    return [noneYet(result)]
      .concat(group(words.statuses.eligible, of(result, "eligible").filter(function (item) { return !service(item); }),
                    byId, lead, false, saidOnce))
      .concat(group(words.statuses.needs_assessment, of(result, "needs_assessment").filter(function (item) {
        return !later(item) && !service(item);
      }), byId, lead, false, saidOnce))
      .concat(laterSection(of(result, "needs_assessment").filter(later), byId, saidOnce))
      .concat(group(words.statuses.not_eligible, notEligible.filter(function (item) { return !aside(item); }), byId, lead, true, saidOnce))
      .concat(group(words.statuses.aside, other, byId, lead, true, saidOnce))
      .concat([glossarySection(result, byId), answersSection(answers), assumptionsSection(result)]);
  }

  window.calcResultCards = { sections: sections };
})();
