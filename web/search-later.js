// On the engine's pages (calculator, roster): the site search builds its index once the engine is up.
//
// MkDocs Material starts its search worker as the page loads, and the worker builds the search index
// from search_index.json: about 0.7 s of processor time (a CPU profile of /calculator/ here), spent
// exactly while the calculator engine downloads, compiles and starts, on a phone with few cores. This
// script, loaded before Material's, hands Material a stand-in for that one worker: messages to it are
// kept, and the real worker starts when the engine is ready or has failed, when the visitor goes to the
// search box, or after START_AT_THE_LATEST_MS, whichever comes first. Every other worker is untouched.
(function () {
  "use strict";

  var RealWorker = window.Worker;
  if (typeof RealWorker !== "function" || typeof EventTarget !== "function") return;
  var START_AT_THE_LATEST_MS = 15000;
  var SEARCH_WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;

  function LaterWorker(url, options) {
    var target = new EventTarget();
    var queued = [];
    var real = null;
    function start() {
      if (real) return;
      real = new RealWorker(url, options);
      real.addEventListener("message", function (event) {
        target.dispatchEvent(new MessageEvent("message", { data: event.data }));
      });
      real.addEventListener("error", function () { target.dispatchEvent(new Event("error")); });
      queued.splice(0).forEach(function (message) { real.postMessage(message); });
    }
    target.postMessage = function (message) {
      if (real) real.postMessage(message);
      else queued.push(message);
    };
    target.terminate = function () {
      if (real) real.terminate();
      queued = [];
    };
    whenDue(start);
    return target;
  }

  function whenDue(start) {
    var timer = setTimeout(start, START_AT_THE_LATEST_MS);
    function now() {
      clearTimeout(timer);
      start();
    }
    document.addEventListener("policycalculator:status", function (event) {
      if (event.detail && event.detail.state !== "loading") now();
    });
    document.addEventListener("focusin", function (event) {
      if (event.target && event.target.closest && event.target.closest(".md-search")) now();
    });
    document.addEventListener("click", function (event) {
      if (event.target && event.target.closest && event.target.closest("[for=__search], .md-search")) now();
    });
    // Material's keyboard shortcuts for search (f, s, /).
    document.addEventListener("keydown", function (event) {
      if (["f", "s", "/"].indexOf(event.key) >= 0) now();
    });
  }

  window.Worker = function (url, options) {
    if (SEARCH_WORKER.test(String(url))) return new LaterWorker(url, options);
    return new RealWorker(url, options);
  };
  window.Worker.prototype = RealWorker.prototype;
})();
