// window.policyCalculator: the calculator engine for pages of this site (see /calculator/, 给开发者).
//
// Starts the engine worker the moment this script runs, shows its progress in #engine-status
// (when the page has one) and answers evaluate / evaluateMany with exactly the JSON that Python's
// calculator.evaluate returns, or {errors: [...]} for bad facts. Calls made before the engine is
// ready are queued and answered as soon as it is. Nothing is sent anywhere: the worker and the
// Pyodide runtime are files of this site, and every computation happens on this device.
(function () {
  "use strict";

  // The runtime, wheel and worker live in a folder named by their content hash; the build fills it in.
  var ENGINE_VERSION = "__ENGINE_VERSION__";
  var ENGINE_URL = new URL("./" + ENGINE_VERSION + "/", document.currentScript.src).href;
  var SERVICE_WORKER_URL = new URL("../sw.js", document.currentScript.src).href;
  var CACHE_PREFIX = "songjiang-calculator-"; // + ENGINE_VERSION: the caches sw.js and the worker keep
  var MANY_PART = 500; // fact sets per message of evaluateMany (its answers are about 5 MB of JSON)
  var HEALTH_FACTS = { as_of: "2024-06-01", birth_date: "1960-05-01", family_type: "none" }; // answers age 64
  var STALL_MS = 60000; // no step done for this long: say so and offer a retry (loading goes on)
  var TEXT = {
    runtime: "正在准备计算工具……（第 1 步，共 3 步：下载计算程序，约 4 MB，第一次打开需要等一会儿）",
    package: "正在准备计算工具……（第 2 步，共 3 步：装入本通知的计算规则）",
    import: "正在准备计算工具……（第 3 步，共 3 步：启动）",
    ready: "计算工具已准备好。所有计算都在您自己的设备上进行，您填写的信息不会发送给任何人。",
    failed: "计算工具没能加载成功。请检查网络后，点“重新加载”再试一次。",
    fatal: "计算工具运行中出了故障，已经停下。请点“重新加载”再试一次。",
    stalled: "计算工具加载的时间比平常长，可能是网络较慢。请再等一会儿，或点“重新加载”。",
    noBytes: "计算工具下载停住了：20 秒没有收到数据，可能是网络断了。请检查网络后，点“重新加载”再试一次。",
    noWasm: "您的浏览器不支持 WebAssembly，无法在本机运行计算工具。请换用较新版本的浏览器（如 Edge、Chrome、Firefox、Safari）。",
    noWorker: "您的浏览器不支持后台计算（Web Worker），无法运行计算工具。请换用较新版本的浏览器。",
  };
  var LOOKS = { loading: "info", ready: "success", failed: "failure", stalled: "warning" };

  var worker = null;
  var state = "loading";
  var nextId = 1;
  var pending = new Map(); // id -> {resolve, reject, unwrap}
  var queue = []; // requests asked for before the engine is ready
  var readyDeferred = null;
  var stallTimer = null;
  var utf8 = new TextDecoder();
  // `offline` resolves once this visit's offline copy is complete: the service worker is active and
  // the worker has stored (or could not store) its memory snapshot. `ready` does not wait for it.
  var offlineParts = { engine: deferred(), snapshot: deferred() };

  function deferred() {
    var parts = {};
    parts.promise = new Promise(function (resolve, reject) {
      parts.resolve = resolve;
      parts.reject = reject;
    });
    parts.promise.catch(function () {}); // a failure is reported on the page, not as an unhandled rejection
    return parts;
  }

  // ---- The status area ---------------------------------------------------------------

  // The script runs from the top of <head>: until the status area is parsed, the latest status is
  // kept and shown once the document is (see the end of this file).
  var latest = null;

  function show(look, message, canRetry) {
    latest = [look, message, canRetry];
    var area = document.getElementById("engine-status");
    if (!area) return;
    area.hidden = false;
    area.dataset.state = look;
    area.className = "engine-status admonition " + LOOKS[look];
    area.querySelector(".engine-status__text").textContent = message;
    area.querySelector(".engine-status__help").hidden = !canRetry && look !== "failed";
    area.querySelector(".engine-status__retry").hidden = !canRetry;
    document.dispatchEvent(new CustomEvent("policycalculator:status", { detail: { state: look, message: message } }));
  }

  function watchForStall() {
    clearTimeout(stallTimer);
    stallTimer = setTimeout(function () {
      if (state === "loading") show("stalled", TEXT.stalled, true);
    }, STALL_MS);
  }

  // ---- The worker ------------------------------------------------------------------

  function start() {
    state = "loading";
    readyDeferred = deferred();
    api.ready = readyDeferred.promise;
    if (typeof WebAssembly !== "object") return fail(TEXT.noWasm, false);
    if (typeof Worker !== "function") return fail(TEXT.noWorker, false);
    show("loading", TEXT.runtime, false);
    watchForStall();
    worker = new Worker(ENGINE_URL + "engine-worker.mjs", { type: "module" });
    worker.addEventListener("message", function (event) { receive(event.data); });
    worker.addEventListener("error", function (event) {
      event.preventDefault();
      fail(TEXT.failed, true, "worker error: " + (event.message || "the engine worker could not start"));
    });
  }

  function receive(message) {
    if (message.type === "progress") {
      watchForStall();
      show("loading", TEXT[message.stage] || TEXT.runtime, false);
    } else if (message.type === "ready") {
      becomeReady(message);
    } else if (message.type === "saved") {
      offlineParts.snapshot.resolve();
    } else if (message.type === "failed") {
      fail(TEXT[{ fatal: "fatal", stalled: "noBytes" }[message.stage] || "failed"], true, message.message);
    } else {
      settle(message);
    }
  }

  function becomeReady(message) {
    clearTimeout(stallTimer);
    state = "ready";
    show("ready", TEXT.ready, false);
    queue.splice(0).forEach(send);
    readyDeferred.resolve({ pyodide: message.pyodide, wheel: message.wheel, restored: message.restored });
    // Only now: the service worker's install then copies the engine from the HTTP cache the worker
    // just filled, instead of downloading it a second time while the worker downloads it.
    keepOfflineCopy().then(offlineParts.engine.resolve);
  }

  // ---- The offline copy (service worker sw.js, and the worker's memory snapshot) --------------

  // Resolves once the service worker is active (or cannot be: then the calculator simply works
  // online only). Its install stores the pages and engine, from the HTTP cache just filled.
  function keepOfflineCopy() {
    if (!("serviceWorker" in navigator)) return Promise.resolve();
    return navigator.serviceWorker.register(SERVICE_WORKER_URL).then(function (registration) {
      var installing = registration.installing || registration.waiting;
      if (!installing) return undefined;
      return new Promise(function (resolve) {
        installing.addEventListener("statechange", function () {
          if (installing.state === "activated" || installing.state === "redundant") resolve();
        });
      });
    }).catch(function () { /* no offline copy: private mode, or not a secure context */ });
  }

  // Also after "ready": a worker whose Pyodide suffered a fatal error answers nothing more.
  function fail(message, canRetry, detail) {
    if (detail) console.error("calculator engine failed: " + detail);
    clearTimeout(stallTimer);
    if (worker) worker.terminate();
    worker = null;
    state = "failed";
    var error = new Error(detail || message);
    show("failed", message, canRetry);
    readyDeferred.reject(error);
    queue.splice(0).forEach(function (request) { request.reject(error); });
    pending.forEach(function (request) { request.reject(error); });
    pending.clear();
  }

  function retry() {
    if (state === "ready") return api.ready;
    if (worker) worker.terminate();
    start();
    return api.ready;
  }

  // Another version's offline copy is of no use to this page: drop it as the page starts (a newer
  // version's service worker does the same, and the worker never brings an outdated one back).
  function dropOtherVersions() {
    if (!window.caches) return;
    var mine = CACHE_PREFIX + ENGINE_VERSION;
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) { return name.indexOf(CACHE_PREFIX) === 0 && name !== mine; })
        .map(function (name) { return caches.delete(name); }));
    }).catch(function () { /* no Cache Storage here: nothing to drop */ });
  }

  // ---- Requests ------------------------------------------------------------------------

  function request(method, value, unwrap, onProgress) {
    return new Promise(function (resolve, reject) {
      var entry = { id: nextId++, method: method, payload: JSON.stringify(value === undefined ? null : value),
                    resolve: resolve, reject: reject, unwrap: unwrap, onProgress: onProgress };
      if (state === "ready") send(entry);
      else if (state === "failed") reject(new Error("the calculator engine failed to load; call retry()"));
      else queue.push(entry);
    });
  }

  function send(entry) {
    pending.set(entry.id, entry);
    worker.postMessage({ id: entry.id, method: entry.method, payload: entry.payload });
  }

  // An answer that is neither JSON nor an expected error means the worker's Python is no longer sound
  // (a MemoryError, say): the call fails, and a fresh worker is started before the next one.
  function settle(message) {
    var entry = pending.get(message.id);
    if (!entry) return;
    if ("progress" in message) {
      if (entry.onProgress) entry.onProgress(message.progress[0], message.progress[1]);
      return;
    }
    pending.delete(message.id);
    var answer;
    try {
      if ("error" in message) throw new Error(message.error);
      answer = entry.unwrap(JSON.parse(utf8.decode(message.bytes)));
    } catch (error) {
      error.code = message.code || "engine";
      entry.reject(error);
      if (error.code === "engine" && state === "ready") renew(error.message);
      return;
    }
    entry.resolve(answer);
  }

  // A fresh worker in place of one whose answers cannot be trusted, or that was stopped mid-run: calls
  // in flight fail (with ``code``), later ones wait for the new worker.
  function renew(detail, code) {
    console.error("calculator engine restarted: " + detail);
    if (worker) worker.terminate();
    worker = null;
    var error = new Error(detail);
    error.code = code || "engine";
    pending.forEach(function (request) { request.reject(error); });
    pending.clear();
    start();
  }

  // After a roster run that did not answer with a result: a tiny evaluate must answer correctly, or the
  // worker is replaced before the next call.
  function healthCheck() {
    if (state !== "ready") return;
    request("evaluate", HEALTH_FACTS, unwrapOne).then(function (answer) {
      if (!answer || answer.age !== 64) renew("health check answered " + JSON.stringify(answer));
    }, function () { /* already renewed, or failed with its retry */ });
  }

  // {"ok": result} -> result; {"errors": [...]} stays as it is.
  function unwrapOne(envelope) {
    return "ok" in envelope ? envelope.ok : { errors: envelope.errors };
  }

  function unwrapMany(envelopes) {
    return Array.isArray(envelopes) ? envelopes.map(unwrapOne) : unwrapOne(envelopes);
  }

  function rosterRequest(content, asOf, options) {
    content.as_of = asOf || null;
    content.changes_until = (options && options.changesUntil) || null;
    if (options && options.sheet) content.sheet = String(options.sheet);
    return content;
  }

  // A roster call; any answer but a result (refused file, failed run) is followed by a health check.
  function roster(method, content, asOf, options) {
    var call = request(method, rosterRequest(content, asOf, options), unwrapOne, options && options.onProgress);
    call.then(function (answer) { if ("errors" in answer) healthCheck(); }, healthCheck);
    return call;
  }

  function toBase64(buffer) {
    var bytes = new Uint8Array(buffer), parts = [];
    for (var start = 0; start < bytes.length; start += 0x8000) {
      parts.push(String.fromCharCode.apply(null, bytes.subarray(start, start + 0x8000)));
    }
    return btoa(parts.join(""));
  }

  var api = {
    ready: null,
    get state() { return state; },
    evaluate: function (facts) { return request("evaluate", facts, unwrapOne); },
    evaluateMany: function (list) {
      if (!Array.isArray(list)) return Promise.reject(new TypeError("evaluateMany expects an array of fact sets"));
      // In parts, so the page reads one part's answers while the worker computes the next one.
      var parts = [];
      for (var start = 0; start < list.length; start += MANY_PART) {
        parts.push(request("evaluateMany", list.slice(start, start + MANY_PART), unwrapMany));
      }
      return Promise.all(parts).then(function (answers) { return [].concat.apply([], answers); });
    },
    // A staff roster checked on this device: {csv | xlsx_base64, summary, bad_rows} or {errors}.
    // options: {changesUntil, sheet (an .xlsx's sheet by name), onProgress(rowsRead, rowsInFile)}; an .xlsx (ArrayBuffer) goes as base64, and
    // the worker loads openpyxl first. A failed call's error has a code: "xlsx" (openpyxl could not be
    // downloaded), "stopped" (stop()), "engine" (the worker failed: a fresh one answers the next call).
    // CSV as text, or as the file's bytes (an ArrayBuffer: read as UTF-8 or GBK, a bad row named).
    roster: function (content, asOf, options) {
      var body = content instanceof ArrayBuffer ? { csv_base64: toBase64(content) } : { text: String(content) };
      return roster("roster", body, asOf, options);
    },
    rosterXlsx: function (buffer, asOf, options) {
      return roster("rosterXlsx", { xlsx_base64: toBase64(buffer) }, asOf, options);
    },
    // Stops the calls in flight (a long roster run): they fail with error.code "stopped"; a fresh worker
    // answers the next ones.
    stop: function () {
      if (state === "ready" && pending.size) renew("stopped by the page", "stopped");
    },
    retry: retry,
    offline: Promise.all([offlineParts.engine.promise, offlineParts.snapshot.promise]).then(function () {}),
  };
  window.policyCalculator = api;

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".engine-status__retry")) retry();
  });
  dropOtherVersions();
  start();
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { show.apply(null, latest); });
  }
})();
