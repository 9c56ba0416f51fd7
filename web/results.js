// The calculator's results: the answer first, from the JSON that calculator.evaluate returns.
//
// The first screen answers two questions (issue 24): how much, in one line, and what to do next, in
// one to three numbered steps (both made in Python: result.next_steps, calculator/result/next_steps.py).
// The about-sentences and the currency notice follow, folded to one line each; then how much per
// person, what to bring (one list over every measure that applies, or whose money is still open) and
// where to go (office types, linked to /where/). The summary is also the printed 办事清单. The measure
// cards that follow are result-cards.js's (loaded after this file, with the helpers shared below).
// What holds for the whole result (family type, age, 户口, 扶助证: the result's `about`) is said once,
// at the top. Statuses and the disclaimer are the site's one wording (calculator/data/words.toml,
// embedded by the page). Titles come from this site's /clauses.json; documents and places from the
// guidance the page carries (calculator/data/guidance.toml).
(function () {
  "use strict";

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
  var guidance = JSON.parse(document.getElementById("calc-guidance").textContent);
  var words = JSON.parse(document.getElementById("calc-words").textContent);

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

  // "870 元" never breaks between the number and its unit.
  function yuan(amount) { return el("strong", { class: "calc-amount" }, [amount + "\u00a0元"]); }

  function standardText(standard) { return standard.source + "，" + chineseDate(standard.since) + "起的标准"; }

  function titleOf(byId, id) { return byId[id] ? byId[id].title : "第 " + id + " 条"; }

  function clauseLink(byId, id) {
    var clause = byId[id];
    if (!clause) return el("span", {}, ["第 " + id + " 条"]);
    return el("a", { href: ".." + clause.url }, [clause.title]);
  }

  function of(result, status) { return result.measures.filter(function (item) { return item.status === status; }); }

  function personLine(who, person) {
    if (person.monthly_special_assistance) {
      return el("li", {}, [who + "（" + person.age + " 周岁）：每月 ", yuan(person.monthly_special_assistance)]);
    }
    if (person.possible_monthly) {
      return el("li", {}, [who + "（" + person.age + " 周岁）：户口在松江区的，每月 ", yuan(person.possible_monthly)]);
    }
    return el("li", {}, [who + "（" + person.age + " 周岁）：按您说的情况，暂时没有每月的特别扶助金"]);
  }

  function nextLine(who, person) {
    var next = person.next_bracket;
    if (!next) return null; // only about an established 户口 (calculator.result.amounts)
    // Not "from this day": the notice does not say from which day a new bracket is paid.
    return el("li", { class: "calc-next" }, [who + " " + chineseDate(next.date) + "满 " + next.age + " 周岁。满 " + next.age + " 周岁后，按现行标准每月 ",
                                             yuan(next.monthly_special_assistance)]);
  }

  // The hotline's number as a tel: link wherever a sentence says it, so a phone can call it with one tap.
  function hotline(text) {
    var number = words.offices.hotline_number;
    var parts = text.split(number);
    var nodes = [];
    parts.forEach(function (part, index) {
      if (index) nodes.push(el("a", { href: "tel:" + number, class: "calc-tel" }, [number]));
      if (part) nodes.push(part);
    });
    return nodes;
  }

  // The useful sentence of a measure, shown without opening anything: its own open question (never
  // one the steps already settle), else its first reason.
  function leadOf(saidOnce) {
    return function (item) {
      var open = item.to_settle.filter(function (line) { return saidOnce.indexOf(line) < 0; });
      if (open.length) return open[0];
      var useful = item.reasons.filter(function (line) { return saidOnce.indexOf(line) < 0; });
      return useful[0] || null;
    };
  }

  // The answer first: one line of money, then 下一步; what the result is about and how current the
  // amounts are, each one folded line after them.
  function answerFirst(result) {
    var next = result.next_steps;
    var rest = result.about.slice(1).join("");
    var parts = [
      el("p", { class: "calc-headline" }, [el("strong", {}, [next.money])]),
      el("h3", { class: "calc-steps-title" }, ["下一步"]),
      el("ol", { class: "calc-steps" }, next.steps.map(function (step) { return el("li", {}, hotline(step)); })),
      // The printed 办事清单 always carries its date: about names it unless the date is today.
      el("details", { class: "calc-oneline calc-context" }, [el("summary", {}, [result.about[0]]),
        el("p", {}, [rest + (result.about.join("").indexOf(chineseDate(result.as_of)) < 0 ? "计算日期：" + chineseDate(result.as_of) + "。" : "")])]),
      result.amounts_notice ? el("details", { class: "calc-oneline calc-currency" }, [
        el("summary", {}, [next.amounts_line]), el("p", {}, [result.amounts_notice.text])]) : null,
      // On paper nothing folds: the same sentences, in full.
      el("p", { class: "calc-print-only" }, [result.about.join("") +
        (result.about.join("").indexOf(chineseDate(result.as_of)) < 0 ? "计算日期：" + chineseDate(result.as_of) + "。" : "") +
        (result.amounts_notice ? result.amounts_notice.text : "")]),
    ];
    if (next.find_out.length) {
      parts.push(el("h3", { class: "calc-find-out-title" }, ["还不清楚的，这样问清楚"]),
                 el("ul", { class: "calc-find-out" }, next.find_out.map(function (line) { return el("li", {}, [line]); })));
    }
    return parts;
  }

  function moneySection(result, byId) {
    var people = [personLine("您本人", result), nextLine("您", result)];
    if (result.partner) people.push(personLine("您的配偶", result.partner), nextLine("您的配偶", result.partner));
    // No zero totals: "全家每月 0 元" reads as a verdict; the top of the result already says why.
    if (result.household_monthly) {
      people.push(el("li", {}, ["全家每月 ", yuan(result.household_monthly), "；按本月标准 × 12，为 ", yuan(result.household_monthly_times_12)]));
    }
    if (result.possible_household_monthly !== null) {
      people.push(el("li", {}, ["户口都在松江区的，全家每月 ", yuan(result.possible_household_monthly)]));
    }
    var standard = result.standard || (result.partner && result.partner.standard);
    var oneTime = result.one_time_subsidies.map(function (item) {
      return el("li", {}, [titleOf(byId, item.clause) + "：一次性 ", yuan(item.amount), "（每户一次；" + standardText(item) + "）"]);
    });
    return [
      el("h3", {}, ["每月多少钱（按规定，以审核为准）"]),
      el("ul", { class: "calc-money" }, people),
      standard ? el("p", { class: "calc-source" }, ["依据：", clauseLink(byId, "2.1.1"), "，" + standardText(standard) + "。"]) : null,
      el("h3", {}, ["一次性补助"]),
      oneTime.length ? el("ul", { class: "calc-one-time" }, oneTime)
                     : el("p", { class: "calc-one-time-none" }, ["按您填写的情况，还没有可以确定的一次性补助。"]),
    ];
  }

  // One list over the measures that apply: what the notice requires first, then what is generally asked.
  function documentsSection(applying) {
    var order = [];
    var required = {}; // name → whether any applying clause itself names it
    applying.forEach(function (item) {
      (guidance.measures[item.clause] || { documents: [] }).documents.forEach(function (document) {
        if (!(document.name in required)) order.push(document.name);
        required[document.name] = required[document.name] || document.notice;
      });
    });
    var names = order.filter(function (name) { return required[name]; })
      .concat(order.filter(function (name) { return !required[name]; }));
    var items = names.map(function (name) { return el("li", {}, [name + (required[name] ? "（通知要求）" : "（一般）")]); });
    if (!items.length) return [];  // nothing applies yet: the steps above say what to do first
    return [el("h3", {}, ["要带的材料"]),
            el("ul", { class: "calc-documents" }, items),
            names.some(function (name) { return !required[name]; })
              ? el("p", { class: "calc-hint" }, ["标“一般”的，以办事大厅的要求为准。"]) : null];
  }

  function placesSection(applying) {
    var seen = {};
    var items = [];
    applying.forEach(function (item) {
      (guidance.measures[item.clause] || { places: [] }).places.forEach(function (place) {
        if (seen[place.id]) return;
        seen[place.id] = true;
        items.push(el("li", {}, [el("a", { href: "../where/#place-" + place.id.replace(/_/g, "-") }, [place.plain])]));
      });
    });
    return [el("h3", {}, ["去哪里办"]),
            items.length ? el("ul", { class: "calc-places" }, items) : null,
            el("p", { class: "calc-hotline" }, hotline("不清楚找哪里，可以拨打 " + words.offices.hotline + "。")),
            el("p", { class: "calc-screen-only" }, [el("a", { href: "../where/" }, ["每项帮扶去哪里办"])])];
  }

  // On paper the benefits are named in words, each with its one useful line (the screen lists them below).
  function printedBenefits(result, byId) {
    var lead = leadOf(result.next_steps.said_once);
    var items = of(result, "eligible").filter(function (item) {
      return item.clause !== "2.1.1" && result.next_steps.services.indexOf(item.clause) < 0;
    }).map(function (item) { return el("li", {}, [el("strong", {}, [titleOf(byId, item.clause)]), "：" + (lead(item) || "")]); });
    if (!items.length) return [];
    return [el("div", { class: "calc-print-only" }, [el("h3", {}, ["可以享受的帮扶"]), el("ul", {}, items)])];
  }

  // The money measures still open (e.g. 2.1.1 until the 户口 is settled): their documents are listed too.
  function openMoney(result) {
    return of(result, "needs_assessment").filter(function (item) { return item.clause === "2.1.1"; });
  }

  function summarySection(result, byId) {
    var applying = of(result, "eligible");
    var toBring = applying.concat(openMoney(result));
    var printButton = el("button", { type: "button", class: "big-button calc-print" }, ["打印办事清单"]);
    printButton.addEventListener("click", function () { window.print(); });
    var readButton = el("button", { type: "button", class: "big-button read-aloud", "data-read-aloud": "#calc-summary", hidden: "" },
                        ["朗读"]);
    // One line of citations: the notice once, then each applying clause's label (二（一）1、二（四）6 …).
    var cited = applying.map(function (item) { return byId[item.clause]; }).filter(Boolean);
    var notice = cited.length ? cited[0].citation.slice(0, cited[0].citation.length - cited[0].label.length) : "";
    // On paper the notice is named by its number only (its title is the sheet's own): one line less.
    var title = notice.slice(0, notice.indexOf("》") + 1);
    var citations = cited.length ? [el("p", { class: "calc-citations" },
      [el("span", { class: "calc-screen-only" }, [title]), notice.slice(title.length) +
       cited.map(function (clause) { return clause.label; }).join("、")])] : [];
    return el("section", { id: "calc-summary", class: "calc-summary", "aria-labelledby": "calc-results-heading" }, [
      el("p", { class: "calc-print-title" }, ["松江区计划生育特殊困难家庭扶助 · 办事清单（自助测算）"]),
    ].concat(answerFirst(result), printedBenefits(result, byId), moneySection(result, byId), documentsSection(toBring),
             placesSection(toBring), [
      citations.length ? el("h3", { class: "calc-citations-title" }, ["依据的条款"]) : null,
      citations[0] || null,
      el("p", { class: "calc-disclaimer" }, [words.disclaimer]),
      el("p", { class: "calc-actions" }, [printButton, " ", readButton]),
    ]));
  }

  function render(result, answers, byId) {
    var heading = el("h2", { id: "calc-results-heading", tabindex: "-1" }, ["测算结果"]);
    var parts = [heading, summarySection(result, byId)].concat(window.calcResultCards.sections(result, answers, byId));
    area.textContent = "";
    parts.forEach(function (part) { if (part) area.appendChild(part); });
    area.hidden = false;
    share.hidden = false;
    if (window.readAloud) window.readAloud.refresh();
    // The results start at the top of the screen (not wherever focusing would centre them), so the
    // first screen is the summary: how much, then what to bring and where to go.
    heading.scrollIntoView({ block: "start" });
    heading.focus({ preventScroll: true });
  }

  // What result-cards.js shares with this file.
  window.calcResultParts = {
    el: el, yuan: yuan, standardText: standardText, clauseLink: clauseLink, of: of, hotline: hotline,
    leadOf: leadOf, words: words, titles: titles,
  };

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
