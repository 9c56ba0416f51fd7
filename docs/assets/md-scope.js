// Material for MkDocs' scope helpers, as its partials/javascripts/base.html defines them inline.
// The site root is this file's folder's parent, so the helpers work at any depth and under any prefix.
var __md_scope = new URL("..", document.currentScript.src),
  __md_hash = function (e) { return [].slice.call(e).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0); },
  __md_get = function (e, _, t) {
    _ = _ || localStorage; t = t || __md_scope;
    return JSON.parse(_.getItem(t.pathname + "." + e));
  },
  __md_set = function (e, _, t, a) {
    t = t || localStorage; a = a || __md_scope;
    try { t.setItem(a.pathname + "." + e, JSON.stringify(_)); } catch (err) { /* storage full or blocked */ }
  };
// Apply the visitor's saved display choices before the first paint, so pages never flash small.
// "js-display-switches" tells fit.css that site.js will show the switches: their space is kept from the
// first paint, so nothing below them moves when they appear (layout shift).
document.documentElement.classList.add("js-display-switches");
try {
  var displayPreferences = JSON.parse(localStorage.getItem("display-preferences") || "{}");
  Object.keys(displayPreferences).forEach(function (name) {
    if (displayPreferences[name]) document.documentElement.classList.add(name);
  });
} catch (e) { /* no storage: default display */ }
// Scripts run: pages may show what only works with them (the calculator's engine status box).
document.documentElement.classList.remove("no-js");
