// "复制带有这些回答的链接": only when the visitor asks. The answers go in the URL fragment only
// (#a=<base64url of the facts' JSON>), which browsers never send to a server; nothing is stored
// in cookies or web storage. Opening such a link fills the form and computes (form.js).
(function () {
  "use strict";

  var PREFIX = "#a=";
  var box = document.getElementById("calc-share");
  var button = box.querySelector(".calc-share__button");
  var status = box.querySelector(".calc-share__status");
  var manual = box.querySelector(".calc-share__manual");
  var field = document.getElementById("calc-share-link");
  var current = null; // the facts of the results on show

  function encode(facts) {
    var bytes = new TextEncoder().encode(JSON.stringify(facts));
    var binary = "";
    bytes.forEach(function (byte) { binary += String.fromCharCode(byte); });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function decode(text) {
    var binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = Uint8Array.from(binary, function (char) { return char.charCodeAt(0); });
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  // The facts in this page's #a=… fragment, or null (a damaged link simply opens an empty form).
  function read() {
    if (location.hash.indexOf(PREFIX) !== 0) return null;
    try {
      return plainFacts(decode(location.hash.slice(PREFIX.length)), groupKeys());
    } catch (error) {
      return null;
    }
  }

  // The facts the form asks as a group of answers (child_event): only these may hold an object.
  function groupKeys() {
    var keys = [];
    document.querySelectorAll('[data-fact][data-type="object"]').forEach(function (question) {
      keys.push(question.dataset.fact);
    });
    return keys;
  }

  function isObject(value) {
    return Boolean(value) && typeof value === "object" && !Array.isArray(value);
  }

  function isPlainValue(value) {
    return value === null || typeof value === "string" || typeof value === "boolean" ||
      (typeof value === "number" && isFinite(value));
  }

  // A link is made by anyone: keep only strings, numbers, booleans and null under fact-like keys,
  // and one level of them under a group fact. Anything else is dropped, so filling never throws.
  function plainFacts(raw, groups) {
    if (!isObject(raw)) return null;
    var facts = {};
    Object.keys(raw).forEach(function (key) {
      if (!/^[a-z][a-z_]*$/.test(key)) return;
      var value = raw[key];
      if (isPlainValue(value)) facts[key] = value;
      else if (isObject(value) && groups.indexOf(key) !== -1) facts[key] = plainFacts(value, []);
    });
    return facts;
  }

  function link() {
    return location.origin + location.pathname + PREFIX + encode(current);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return Promise.reject(new Error("no clipboard"));
  }

  button.addEventListener("click", function () {
    if (!current) return;
    var text = link();
    field.value = text;
    manual.hidden = false;
    copy(text).then(function () {
      status.textContent = "已复制链接。请只发给信任的人。";
    }, function () {
      status.textContent = "无法自动复制。请选中下面框里的链接，再复制（电脑按 Ctrl+C，手机长按选“复制”）。";
      field.focus();
      field.select();
    });
  });

  window.calcShare = {
    read: read,
    remember: function (facts) {
      current = facts;
      manual.hidden = true;
      field.value = "";
      status.textContent = "";
    },
  };
})();
