// The staff roster page: a CSV file read on this device, checked by calculator.roster_csv in the
// engine worker, shown as a summary and the bad rows, and offered back as a CSV download (UTF-8
// with a BOM, so Excel opens it correctly). Nothing is uploaded: the file never leaves the browser.
(function () {
  "use strict";

  var form = document.getElementById("roster-form");
  var fileInput = document.getElementById("roster-file");
  var asOfInput = document.getElementById("roster-as-of");
  var status = document.getElementById("roster-status");
  var area = document.getElementById("roster-results");
  var downloadUrl = null;

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  // Excel saves "CSV UTF-8" or, on Chinese Windows, GBK: accept both.
  function decode(buffer) {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(buffer);
    } catch (error) {
      return new TextDecoder("gbk").decode(buffer);
    }
  }

  function fieldError(input, message) {
    var box = document.getElementById(input.id + "-error");
    box.textContent = message || "";
    box.hidden = !message;
    if (message) input.setAttribute("aria-invalid", "true");
    else input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", (message ? box.id + " " : "") + input.id + "-hint");
  }

  function showErrors(errors) {
    errors.forEach(function (error) {
      fieldError(error.field === "as_of" ? asOfInput : fileInput, error.message);
    });
    status.textContent = "有问题需要修改，请看上面的红字提示。";
    (errors[0].field === "as_of" ? asOfInput : fileInput).focus();
  }

  function downloadLink(csv, name) {
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(new Blob(["\ufeff" + csv], { type: "text/csv;charset=utf-8" }));
    var target = name.replace(/\.csv$/i, "") + "-核对结果.csv";
    return el("a", { href: downloadUrl, download: target, class: "roster-download" }, ["下载核对结果（" + target + "）"]);
  }

  function summaryTable(summary) {
    var rows = [["名单行数（不含表头）", summary.rows + " 行"], ["正常", summary.good + " 行"], ["有问题", summary.bad + " 行"],
                ["每月特别扶助金合计", summary.total_monthly + " 元"]];
    return el("table", { class: "calc-table roster-summary" }, [el("tbody", {}, rows.map(function (row) {
      return el("tr", {}, [el("th", { scope: "row" }, [row[0]]), el("td", {}, [row[1]])]);
    }))]);
  }

  function badRows(list) {
    if (!list.length) return el("p", {}, ["没有发现有问题的行。"]);
    var head = el("tr", {}, [el("th", { scope: "col" }, ["表格行号"]), el("th", { scope: "col" }, ["问题"])]);
    return el("table", { class: "calc-table roster-bad" }, [el("thead", {}, [head]), el("tbody", {}, list.map(function (item) {
      return el("tr", {}, [el("td", {}, ["第 " + item.row + " 行"]), el("td", {}, [item.error])]);
    }))]);
  }

  function render(answer, name) {
    var heading = el("h2", { id: "roster-results-heading", tabindex: "-1" }, ["核对结果"]);
    area.textContent = "";
    // Once for the whole roster, before the figures it qualifies (never repeated in every row).
    var notice = answer.summary.amounts_notice;
    [heading, notice ? el("p", { class: "calc-notice", role: "note" }, [notice.text]) : null,
     summaryTable(answer.summary), el("h3", {}, ["有问题的行"]),
     el("p", {}, ["行号按表格软件里的行号（表头是第 1 行）。这些行在下载的文件里保留原位，问题写在 error 列。"]),
     badRows(answer.bad_rows), el("h3", {}, ["下载"]),
     el("p", {}, ["下载的文件保留名单原有的每一行、每一列，并在后面加上 age（周岁）、monthly_special_assistance（每月扶助金）、one_time_subsidies（一次性补助）和 error（问题）四列。"]),
     downloadLink(answer.csv, name)].forEach(function (part) { if (part) area.appendChild(part); });
    area.hidden = false;
    status.textContent = "已核对完，结果在下面。";
    heading.focus();
  }

  function check(file) {
    var asOf = asOfInput.value.trim() ? window.calcAnswers.readDate(asOfInput.value) : null;
    status.textContent = window.policyCalculator.state === "ready" ? "正在核对……" : "计算工具还在准备，准备好后会马上核对，请稍等。";
    return file.arrayBuffer().then(function (buffer) {
      return window.policyCalculator.roster(decode(buffer), asOf);
    }).then(function (answer) {
      if ("errors" in answer) showErrors(answer.errors);
      else render(answer, file.name);
    }, function () {
      status.textContent = "计算工具没能加载成功。请点页面上方的“重新加载”，再点“开始核对”。";
    });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    fieldError(fileInput, "");
    fieldError(asOfInput, "");
    area.hidden = true;
    if (!fileInput.files.length) {
      showErrors([{ field: "file", message: "请先选择名单文件（CSV）。" }]);
      return;
    }
    check(fileInput.files[0]);
  });
  form.hidden = false;
})();
