// The staff page's chat snippets: tick clauses, get plain text to paste into a 微信 group or a message.
// For each clause: its label and title, one line of its text and its page's full address; then the
// notice's citation once. Built here, in the browser, from this site's /clauses.json; nothing is sent.
// The address is the public one the site was built with (<meta name="site-address">, from
// `build_site.py --site-url`); a build without one uses the address this page was opened at, and says so.
(function () {
  "use strict";
  var tool = document.getElementById("snippet-tool");
  if (!tool) return;
  var choices = document.getElementById("snippet-choices");
  var output = document.getElementById("snippet-text");
  var copy = document.getElementById("snippet-copy");
  var status = document.getElementById("snippet-status");
  var leaflet = document.getElementById("snippet-leaflet");
  var addressNote = document.getElementById("snippet-address");
  var configured = document.querySelector('meta[name="site-address"]');
  var base = configured ? configured.content : location.origin + "/";
  var LINE = 60; // characters of text per clause: one line in a chat on a phone, more or less

  // The first sentence, as the clause page's description has it (sitegen/clause_pages.first_sentence),
  // cut to one line where it is longer.
  function oneLine(text) {
    var end = text.indexOf("。");
    var sentence = end < 0 ? text : text.slice(0, end + 1);
    return sentence.length > LINE ? sentence.slice(0, LINE) + "……" : sentence;
  }

  function noticeCitation(clause) {
    return clause.citation.slice(0, clause.citation.length - clause.label.length);
  }

  function snippet(chosen) {
    if (!chosen.length) return "";
    var blocks = chosen.map(function (clause) {
      return [clause.label + "　" + clause.title, oneLine(clause.text), new URL(clause.page, base).href].join("\n");
    });
    return blocks.join("\n\n") + "\n\n以上出自" + noticeCitation(chosen[0]) + "。";
  }

  function render(clauses) {
    clauses.forEach(function (clause) {
      var item = document.createElement("li");
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.value = clause.id;
      label.appendChild(box);
      var text = document.createElement("span");
      text.textContent = clause.label + "　" + clause.title;
      label.appendChild(text);
      item.appendChild(label);
      choices.appendChild(item);
    });
    function update() {
      var chosen = clauses.filter(function (clause) {
        return choices.querySelector('input[value="' + clause.id + '"]').checked;
      });
      output.value = snippet(chosen);
      copy.disabled = !chosen.length;
      leaflet.href = "../clauses/#" + chosen.map(function (clause) { return clause.id; }).join(",");
      status.textContent = "";
    }
    choices.addEventListener("change", update);
    update();
  }

  copy.addEventListener("click", function () {
    output.select();
    var done = navigator.clipboard && window.isSecureContext
      ? navigator.clipboard.writeText(output.value)
      : (document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("copy refused")));
    done.then(function () { status.textContent = "已复制，可以粘贴到微信群。"; },
              function () { status.textContent = "无法自动复制，请选中文字后按 Ctrl+C。"; });
  });

  addressNote.textContent = configured
    ? "链接用的是本站的网址：" + base
    : "生成网站时没有填写网址，链接用的是您现在打开的地址：" + base;
  fetch(new URL("../clauses.json", location.href)).then(function (response) {
    if (!response.ok) throw new Error("clauses.json: HTTP " + response.status);
    return response.json();
  }).then(function (clauses) {
    render(clauses);
    tool.hidden = false;
  }).catch(function () {
    status.textContent = "条款清单没有加载成功，请刷新页面再试。";
    tool.hidden = false;
  });
})();
