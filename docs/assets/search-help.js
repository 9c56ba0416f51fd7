// When the site search finds nothing, offer a way on (issue 24): the calculator, the 12345 hotline
// and three common topics, under Material's "没有找到符合条件的结果". Nothing is sent anywhere.
(function () {
  "use strict";
  var TOPICS = [["calculator/", "自助测算：我家有哪些扶助"], ["cert/", "怎么申请扶助证"],
                ["amounts/", "每月扶助金标准"], ["where/", "去哪里办"]];

  function root() {
    var logo = document.querySelector("a.md-logo, .md-header__button.md-logo");
    return new URL(logo ? logo.getAttribute("href") : "/", location.href);
  }

  function help() {
    var box = document.createElement("div");
    box.className = "search-help";
    var lead = document.createElement("p");
    lead.textContent = "可以换个说法再搜，或者看看这些：";
    var list = document.createElement("ul");
    TOPICS.forEach(function (topic) {
      var link = document.createElement("a");
      link.href = new URL(topic[0], root()).href;
      link.textContent = topic[1];
      var item = document.createElement("li");
      item.appendChild(link);
      list.appendChild(item);
    });
    var call = document.createElement("li");
    var tel = document.createElement("a");
    tel.href = "tel:12345";
    tel.textContent = "12345";
    call.append("不清楚的，拨打 ", tel, " 市民服务热线");
    list.appendChild(call);
    box.append(lead, list);
    return box;
  }

  function update(meta) {
    var shown = meta.parentNode.querySelector(".search-help");
    var none = /没有找到/.test(meta.textContent);
    if (none && !shown) meta.after(help());
    if (!none && shown) shown.remove();
  }

  var meta = document.querySelector(".md-search-result__meta");
  if (!meta) return;
  new MutationObserver(function () { update(meta); }).observe(meta, { childList: true, characterData: true, subtree: true });
})();
