// The staff roster page: a CSV or Excel (.xlsx) file read on this device, checked by the calculator in
// the engine worker (calculator.worker.roster_json), shown as a summary and the bad rows, and offered back as
// a download in the same format (CSV as UTF-8 with a BOM, so Excel opens it correctly). Nothing is
// uploaded: the file never leaves the browser. openpyxl is loaded by the worker only for an .xlsx.
(function () {
  "use strict";

  var XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  var BAD_ROWS_SHOWN = 200;
  // Must stay calculator/roster/limits.py's MAX_FILE_BYTES and its sentence: a bigger file is refused here,
  // before it is read into the page (a 200 MB one would end the tab).
  var MAX_FILE_BYTES = 50 * 1024 * 1024;
  var SPLIT = "请把名单拆成几个文件（每个不超过 10 万行、50 MB），分别核对";
  var FAILED = {
    stopped: "已停止核对。可以重新选择文件，再点“开始核对”。",
    xlsx: "读取 Excel 文件所需的组件没能下载（可能网络断了，或本网站刚更新过）。请刷新本页后再试，或把名单另存为 CSV 再选。",
    engine: "核对没能完成：计算工具核对这个文件时出了故障，已经重新启动。请再点“开始核对”；还不行的，" + SPLIT + "。",
    load: "计算工具没能加载成功。请点本页上方“计算工具”框里的“重新加载”，再点“开始核对”。",
    broken: "计算工具无法在这个浏览器里运行，所以无法核对名单。请看本页上方“计算工具”框里的说明。",
  };
  var form = document.getElementById("roster-form");
  var fileInput = document.getElementById("roster-file");
  var asOfInput = document.getElementById("roster-as-of");
  var untilInput = document.getElementById("roster-until");
  var status = document.getElementById("roster-status");
  var area = document.getElementById("roster-results");
  var stopButton = document.createElement("button");
  // The theme's button styles set display: the hidden attribute alone would not hide it.
  function showStop(shown) {
    stopButton.hidden = !shown;
    stopButton.style.display = shown ? "" : "none";
  }
  stopButton.type = "button";
  stopButton.className = "roster-stop md-button";
  stopButton.textContent = "停止";
  showStop(false);
  status.parentNode.insertBefore(stopButton, status.nextSibling);
  var downloadUrl = null;
  var inputs = { file: fileInput, as_of: asOfInput, changes_until: untilInput };

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      if (child !== null) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
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
    errors.forEach(function (error) { fieldError(inputs[error.field] || fileInput, error.message); });
    status.textContent = "有问题需要修改，请看上面的红字提示。";
    (inputs[errors[0].field] || fileInput).focus();
  }

  function isXlsx(file) {
    return /\.xlsx$/i.test(file.name) || file.type === XLSX_TYPE;
  }

  function fromBase64(text) {
    var binary = atob(text), bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }

  function downloadLink(answer, name, changes) {
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    var xlsx = "xlsx_base64" in answer;
    var blob = xlsx ? new Blob([fromBase64(answer.xlsx_base64)], { type: XLSX_TYPE })
                    : new Blob(["\ufeff" + answer.csv], { type: "text/csv;charset=utf-8" });
    downloadUrl = URL.createObjectURL(blob);
    var target = name.replace(/\.(csv|xlsx)$/i, "") + (changes ? "-金额变化名单" : "-核对结果") + (xlsx ? ".xlsx" : ".csv");
    return el("a", { href: downloadUrl, download: target, class: "roster-download" }, ["下载" + (changes ? "变化名单" : "核对结果") + "（" + target + "）"]);
  }

  function table(rows, className) {
    return el("table", { class: "calc-table " + className }, [el("tbody", {}, rows.map(function (row) {
      return el("tr", {}, [el("th", { scope: "row" }, [row[0]]), el("td", {}, [row[1]])]);
    }))]);
  }

  function summaryTable(summary) {
    return table([["人数", summary.people + " 人"], ["户数", summary.households + " 户"],
                  ["每月特别扶助金合计", summary.total_monthly + " 元"],
                  ["一次性补助合计（每户只计一次）", summary.total_one_time + " 元"],
                  ["待核实的行", summary.to_check + " 行"], ["有错误的行", summary.bad + " 行"]], "roster-summary");
  }

  function badRows(list) {
    if (!list.length) return el("p", {}, ["没有发现有错误的行。"]);
    var head = el("tr", {}, [el("th", { scope: "col" }, ["表格行号"]), el("th", { scope: "col" }, ["问题"])]);
    return el("table", { class: "calc-table roster-bad" }, [el("thead", {}, [head]), el("tbody", {}, list.slice(0, BAD_ROWS_SHOWN).map(function (item) {
      return el("tr", {}, [el("td", {}, ["第 " + item.row + " 行"]), el("td", {}, [item.error])]);
    }))]);
  }

  // The file's report (columns used and ignored, values not understood, couples, repeats, rows by number):
  // once for the whole file, before the rows.
  function report(summary) {
    var lines = summary.report || [];
    if (!lines.length) return null;
    return el("div", { class: "roster-report" }, [el("h3", {}, ["这份名单"]),
      el("ul", {}, lines.map(function (line) { return el("li", {}, [line]); }))]);
  }

  // An .xlsx with several sheets: which one was read, and a picker to read another.
  function sheetPicker(answer) {
    if (!answer.sheets || answer.sheets.length < 2) return null;
    var select = el("select", { id: "roster-sheet", class: "calc-input" }, answer.sheets.map(function (title) {
      var option = el("option", { value: title }, [title]);
      if (title === answer.sheet) option.selected = true;
      return option;
    }));
    select.addEventListener("change", function () { check(fileInput.files[0], select.value); });
    return el("p", { class: "roster-sheet" }, [el("label", { for: "roster-sheet" }, ["读的是这个工作表（可以换一个）："]), select]);
  }

  function parts(answer, name, changes) {
    var summary = answer.summary;
    var note = summary.amounts_notice;
    if (changes) {
      return [sheetPicker(answer), el("p", { class: "roster-changes" }, ["找到 " + summary.changes + " 项变化（共核对 " + summary.rows + " 行，其中 " + summary.bad + " 行有错误）。"]),
              report(summary), el("h3", {}, ["下载"]), downloadLink(answer, name, true)];
    }
    // The currency notice once for the whole roster, before the figures it qualifies.
    return [sheetPicker(answer), note ? el("p", { class: "calc-notice", role: "note" }, [note.text]) : null,
            summaryTable(summary), report(summary), el("h3", {}, ["下载"]),
            el("p", {}, ["下载的文件保留名单原有的每一行、每一列。后面加上几列：" + answer.columns.join("、") + "。" +
                                  ("xlsx_base64" in answer ? "同一个说明也在文件的“说明”工作表里。" : "")]),  // a CSV has one sheet
            downloadLink(answer, name, false), el("h3", {}, ["有错误的行"]),
            el("p", {}, ["行号按表格软件里的行号。这些行在下载的文件里保留原位，问题写在“错误”列。"]),
            badRows(answer.bad_rows)];
  }

  function render(answer, name, changes) {
    var heading = el("h2", { id: "roster-results-heading", tabindex: "-1" }, [changes ? "金额变化名单" : "核对结果"]);
    area.textContent = "";
    [heading].concat(parts(answer, name, changes)).forEach(function (part) { if (part) area.appendChild(part); });
    area.hidden = false;
    status.textContent = "已核对完，结果在下面。";
    heading.focus();
  }

  function readDate(input) {
    return input.value.trim() ? window.calcAnswers.readDate(input.value) : null;
  }

  // Rows read so far, and the 停止 button, once a run passes 1,000 rows (the worker's first progress).
  function showProgress(done, total) {
    status.textContent = "正在核对……已读 " + done.toLocaleString("en-US") + " 行，共 " + total.toLocaleString("en-US") + " 行。";
    showStop(true);
  }

  // Only buttons that are on the page: 重新加载 is offered only while the engine box shows it.
  function failure(error) {
    var retry = document.querySelector(".engine-status__retry");
    if (window.policyCalculator.state === "failed") return retry && !retry.hidden ? FAILED.load : FAILED.broken;
    return FAILED[error && error.code] || FAILED.engine;
  }

  function check(file, sheet) {
    var asOf = readDate(asOfInput), until = readDate(untilInput);
    var calculator = window.policyCalculator;
    if (file.size > MAX_FILE_BYTES) {
      showErrors([{ field: "file", message: "文件有 " + Math.round(file.size / 1024 / 1024) + " MB，超过了能核对的上限 50 MB。" + SPLIT + "。" }]);
      return Promise.resolve();
    }
    status.textContent = calculator.state === "ready" ? "正在核对……" : "计算工具还在准备，准备好后会马上核对，请稍等。";
    return file.arrayBuffer().then(function (buffer) {
      var options = { changesUntil: until, sheet: sheet || null, onProgress: showProgress };
      return isXlsx(file) ? calculator.rosterXlsx(buffer, asOf, options) : calculator.roster(buffer, asOf, options);
    }).then(function (answer) {
      showStop(false);
      if ("errors" in answer) showErrors(answer.errors);
      else render(answer, file.name, Boolean(until));
    }, function (error) {
      showStop(false);
      status.textContent = failure(error);
    });
  }

  stopButton.addEventListener("click", function () {
    showStop(false);
    window.policyCalculator.stop();
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    [fileInput, asOfInput, untilInput].forEach(function (input) { fieldError(input, ""); });
    area.hidden = true;
    if (!fileInput.files.length) {
      showErrors([{ field: "file", message: "请先选择名单文件（CSV 或 Excel）。" }]);
      return;
    }
    check(fileInput.files[0]);
  });
  form.hidden = false;
})();
