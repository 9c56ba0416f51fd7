// The calculator's results, drawn from the JSON that calculator.evaluate returns: amounts per
// parent and household, one-time subsidies, every measure grouped by status with reasons,
// departments and a link to its clause (titles from this site's /clauses.json, fetched once when
// the page opens), the next age bracket, the interpretations used, and that the office decides.
(function () {
  "use strict";

  var STATUS = [["eligible", "可以享受"], ["needs_assessment", "需经部门评估"], ["not_eligible", "暂不符合"]];
  var DISCLAIMER = "以上结果仅供参考，能否享受、享受多少，以街镇和有关部门审核为准。";
  var EARLY_NOTE = "下面的结果仅供参考，能否享受、享受多少，以街镇和有关部门审核为准。";
  var area = document.getElementById("calc-results");
  var share = document.getElementById("calc-share");
  var clauses = fetch(new URL("../clauses.json", location.href)).then(function (response) {
    if (!response.ok) throw new Error("clauses.json: HTTP " + response.status);
    return response.json();
  }).then(function (list) {
    var byId = {};
    list.forEach(function (clause) { byId[clause.id] = clause; });
    return byId;
  }).catch(function () { return {}; }); // without titles the results still show, by clause number
  var titles = JSON.parse(document.getElementById("calc-assumption-titles").textContent);

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function chineseDate(iso) {
    var parts = iso.split("-");
    return parts[0] + "年" + Number(parts[1]) + "月" + Number(parts[2]) + "日";
  }

  function clauseLink(byId, id) {
    var clause = byId[id];
    if (!clause) return el("span", {}, ["第 " + id + " 条"]);
    return el("a", { href: ".." + clause.url }, ["通知" + clause.label + "：" + clause.title]);
  }

  function bracketText(bracket) {
    if (!bracket) return "—";
    return bracket.to_age === null ? bracket.from_age + " 周岁及以上" : bracket.from_age + "–" + bracket.to_age + " 周岁";
  }

  function standardText(standard) {
    return standard.source + "，" + chineseDate(standard.since) + "起的标准";
  }

  // Established amounts as they are; one that waits on an unanswered 户籍 question only with its "if".
  function personRow(who, person) {
    var amount = person.monthly_special_assistance ? person.monthly_special_assistance + " 元"
      : person.possible_monthly ? "如果户口在松江区：" + person.possible_monthly + " 元" : "暂不符合（0 元）";
    return el("tr", {}, [el("th", { scope: "row" }, [who]), el("td", {}, [person.age + " 周岁"]),
                         el("td", {}, [bracketText(person.bracket)]), el("td", {}, [amount])]);
  }

  function nextText(who, person) {
    var next = person.next_bracket;
    if (!next) return null;
    return el("p", { class: "calc-next" }, ["按现行标准，" + who + " " + chineseDate(next.date) + "满 " + next.age +
                                            " 周岁，从那天起每月 " + next.monthly_special_assistance + " 元。"]);
  }

  function monthlySection(result, byId) {
    var rows = [personRow("您本人", result)];
    if (result.partner) rows.push(personRow("您的配偶", result.partner));
    var head = el("tr", {}, ["", "年龄", "年龄段", "每月扶助金"].map(function (text) { return el("th", { scope: "col" }, [text]); }));
    head.firstChild.textContent = "谁";
    var standard = result.standard || (result.partner && result.partner.standard);
    return [
      el("h3", {}, ["每月特别扶助金"]),
      el("p", {}, ["依据：", clauseLink(byId, "2.1.1")].concat(standard ? ["（" + standardText(standard) + "）"] : [])),
      el("table", { class: "calc-table" }, [el("thead", {}, [head]), el("tbody", {}, rows)]),
      el("p", { class: "calc-total" }, ["全家每月 ", el("strong", {}, [result.household_monthly + " 元"]), "；按本月标准 × 12，为 ",
                                         el("strong", {}, [result.household_monthly_times_12 + " 元"]), "（不含一次性补助）。"]),
      result.possible_household_monthly === null ? null
        : el("p", { class: "calc-total" }, ["如果户口都在松江区，全家每月 ", el("strong", {}, [result.possible_household_monthly + " 元"]), "。"]),
      nextText("您", result),
      result.partner ? nextText("您的配偶", result.partner) : null,
    ];
  }

  function oneTimeSection(result, byId) {
    var items = result.one_time_subsidies.map(function (item) {
      return el("li", {}, [clauseLink(byId, item.clause), "：一次性 ", el("strong", {}, [item.amount + " 元"]),
                           "（每户一次；" + standardText(item) + "）"]);
    });
    return [el("h3", {}, ["一次性补助"]),
            items.length ? el("ul", { class: "calc-one-time" }, items) : el("p", {}, ["按您填写的情况，暂时没有可以领取的一次性补助。"])];
  }

  function measure(item, byId) {
    var amount = item.amount ? el("p", {}, ["金额：" + item.amount + " 元（" + standardText(item.standard) + "）"])
      : item.possible_amount ? el("p", {}, ["条件都符合时的金额：" + item.possible_amount + " 元（" + standardText(item.standard) + "）"])
      : null;
    return el("li", { class: "calc-measure calc-measure--" + item.status }, [
      el("h5", { class: "calc-measure__title" }, [clauseLink(byId, item.clause)]),
      el("ul", { class: "calc-measure__reasons" }, item.reasons.map(function (reason) { return el("li", {}, [reason]); })),
      amount,
      el("p", { class: "calc-measure__departments" }, ["负责部门：" + item.departments.join("、")]),
    ]);
  }

  function measuresSection(result, byId) {
    var parts = [el("h3", {}, ["各项帮扶"])];
    STATUS.forEach(function (pair) {
      var items = result.measures.filter(function (item) { return item.status === pair[0]; });
      parts.push(el("h4", { class: "calc-group calc-group--" + pair[0] }, [pair[1] + "（" + items.length + " 项）"]));
      parts.push(items.length ? el("ul", { class: "calc-measures" }, items.map(function (item) { return measure(item, byId); }))
                              : el("p", {}, ["没有。"]));
    });
    return parts;
  }

  function answersSection(answers) {
    var rows = answers.map(function (answer) {
      return el("tr", {}, [el("th", { scope: "row" }, [answer.label]), el("td", {}, [answer.text])]);
    });
    return [el("h3", {}, ["您填写的情况"]), el("table", { class: "calc-table calc-answers" }, [el("tbody", {}, rows)])];
  }

  function assumptionsSection(result) {
    var items = result.assumptions.map(function (id) {
      return el("li", {}, [el("a", { href: "../assumptions/#" + id }, [titles[id] || id])]);
    });
    return [el("h3", {}, ["测算时用到的理解"]),
            el("p", {}, ["通知有些地方可以有不同理解，本站的选择写在“理解与假设”页，这次测算用到了下面这些："]),
            el("ul", {}, items)];
  }

  function render(result, answers, byId) {
    var heading = el("h2", { id: "calc-results-heading", tabindex: "-1" }, ["测算结果"]);
    var printButton = el("button", { type: "button", class: "big-button calc-print" }, ["打印结果"]);
    printButton.addEventListener("click", function () { window.print(); });
    // How current the amounts are comes first: every figure below depends on it.
    var currency = result.amounts_notice ? el("p", { class: "calc-notice", role: "note" }, [result.amounts_notice.text]) : null;
    var parts = [heading, currency, el("p", { class: "calc-date" }, ["计算日期：" + chineseDate(result.as_of)]),
                 el("p", { class: "calc-disclaimer" }, [el("strong", {}, [EARLY_NOTE])]), printButton]
      .concat(monthlySection(result, byId), oneTimeSection(result, byId), measuresSection(result, byId),
              answersSection(answers), assumptionsSection(result),
              [el("p", { class: "calc-disclaimer" }, [el("strong", {}, [DISCLAIMER])])]);
    area.textContent = "";
    parts.forEach(function (part) { if (part) area.appendChild(part); });
    area.hidden = false;
    share.hidden = false;
    heading.focus();
  }

  window.calcResults = {
    show: function (result, answers, facts) {
      window.calcShare.remember(facts);
      return clauses.then(function (byId) { render(result, answers, byId); });
    },
    clear: function () {
      area.hidden = true;
      share.hidden = true;
      area.textContent = "";
    },
  };
})();
