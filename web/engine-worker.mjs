// The calculator engine: Pyodide in a module Web Worker, running the `calculator` package.
//
// Everything is loaded from this worker's own folder (site/engine/<version>/), never from another
// origin. Messages to the page:
//   {type: "progress", stage: "runtime" | "package" | "import"}   while loading
//   {type: "ready", pyodide, wheel, restored}                      once the calculator can answer
//   {type: "saved", saved}                                         the memory snapshot is stored (or not)
//   {type: "failed", stage, message}                               loading failed ("load"), a download got
//                                                                  no byte for 20 s ("stalled"), or Pyodide
//                                                                  suffered a fatal error ("fatal")
//   {id, progress: [rowsRead, rowsInFile]}                        a roster run's progress (every 1,000 rows)
//   {id, bytes}  or  {id, error, code}                             the answer to a request (code "xlsx": openpyxl's
//                                                                  download failed; the worker itself is sound)
// Requests from the page: {id, method: "evaluate" | "evaluateMany" | "roster" | "rosterXlsx", payload: <JSON text>};
// bytes (transferred, not copied) are the UTF-8 JSON text that calculator.worker.call returned.
//
// Repeat visits: the first visit takes a snapshot of Python's memory right after starting it and
// running calculator.worker.warm_up() on built-in samples (before any request is accepted, so it
// never holds a visitor's answers), and keeps it packed and gzipped (engine-snapshot.mjs) in this
// version's Cache Storage cache, which sw.js deletes together with the version. Later visits restore
// it instead of starting Python.
import { loadPyodide } from "./pyodide.mjs";
import { dropSnapshot, readSnapshot, storeSnapshot, unpacked } from "./engine-snapshot.mjs";

const ENGINE_URL = new URL("./", import.meta.url).href;
const METHODS = new Set(["evaluate", "evaluateMany", "roster", "rosterXlsx"]);
// Must stay the cache sw.js uses for this version: "songjiang-calculator-" + the folder's name.
const CACHE_PREFIX = "songjiang-calculator-";
const CACHE_NAME = CACHE_PREFIX + ENGINE_URL.split("/").slice(-2, -1)[0];
const SNAPSHOT_URL = new URL("python-memory.snapshot.gz", ENGINE_URL).href; // packed, then gzipped
const WASM_FILE = "pyodide.asm.wasm";

let entry = null; // the calculator.worker module, once ready
let runtime = null; // the Pyodide instance and engine.json, for loading the .xlsx wheels on demand
let manifestData = null;
let xlsxLoaded = null; // a promise, once an .xlsx roster asked for openpyxl
let restoring = false; // a failing restore is not a failed load: start Python the usual way instead
let broken = false; // "failed" was sent: this worker answers nothing more

function progress(stage) {
  self.postMessage({ type: "progress", stage });
}

async function fetchBytes(name) {
  const response = await fetch(new URL(name, ENGINE_URL));
  if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
  return response;
}

async function start() {
  progress("runtime");
  const manifestPromise = fetchBytes("engine.json").then((response) => response.json());
  // The wheel downloads while the runtime loads, not after it.
  const wheelPromise = manifestPromise.then((manifest) => fetchBytes(manifest.wheel))
    .then((response) => response.arrayBuffer());
  wheelPromise.catch(() => {}); // reported below, once awaited
  const restored = await restoreSnapshot();
  const pyodide = restored || await loadPyodide({ indexURL: ENGINE_URL, _makeSnapshot: true });
  const manifest = await manifestPromise;
  progress("package");
  // A snapshot holds memory, not files: the wheel is written on every start. Python imports the
  // package and reads its data straight from the wheel (zipimport, importlib.resources): one file
  // written, where unpacking its 54 files took about 140 ms of every repeat visit. No micropip, no
  // lock-file lookup, no CDN.
  putWheelOnPath(pyodide, manifest.wheel, new Uint8Array(await wheelPromise));
  progress("import");
  entry = pyodide.pyimport("calculator.worker");
  [runtime, manifestData] = [pyodide, manifest];
  self.postMessage({ type: "ready", pyodide: pyodide.version, wheel: manifest.wheel, restored: Boolean(restored) });
  // In the same task as "ready": the page's requests are messages, which this worker handles only
  // after this function returns, so none of them can reach Python before the snapshot is taken.
  const snapshot = restored ? null : takeSnapshot(pyodide, entry);
  self.postMessage({ type: "saved", saved: snapshot ? await saveSnapshot(snapshot) : false });
}

// sitegen/engine/runtime_trace.mjs loads the wheel the same way, so the stdlib it keeps is what this needs.
const WHEEL_DIR = "/engine";

function putWheelOnPath(pyodide, name, bytes) {
  const path = `${WHEEL_DIR}/${name}`;
  pyodide.FS.mkdirTree(WHEEL_DIR);
  pyodide.FS.writeFile(path, bytes);
  // Restored from a snapshot, sys.path already holds it.
  const quoted = JSON.stringify(path);
  pyodide.runPython(`import sys\nif ${quoted} not in sys.path: sys.path.insert(0, ${quoted})`);
}

function takeSnapshot(pyodide, worker) {
  worker.warm_up();
  return pyodide.makeMemorySnapshot(); // a copy: later requests do not change it
}

// ---- The snapshot in Cache Storage ----------------------------------------------------------

// The stored snapshot is unpacked (engine-snapshot.mjs) while the runtime loads and its WebAssembly
// compiles: loadPyodide accepts a promise, and compileEarly() starts the compiling.
async function restoreSnapshot() {
  const stored = await readSnapshot(CACHE_NAME, SNAPSHOT_URL);
  if (!stored) return null;
  restoring = true;
  compileEarly();
  try {
    return await loadPyodide({ indexURL: ENGINE_URL, _loadSnapshot: unpacked(stored) });
  } catch (error) {
    // Unreadable or made by another build of the runtime: drop it; this visit takes a new one.
    await dropSnapshot(CACHE_NAME, SNAPSHOT_URL);
    return null;
  } finally {
    restoring = false;
  }
}

// On a repeat visit Pyodide asks for its WebAssembly only once the snapshot is read: compile it now
// instead (watchWasm hands the module to Pyodide). Not on a first visit, where the download is the
// wait and Pyodide starts it at once anyway.
let earlyWasm = null;

function compileEarly() {
  earlyWasm = fetch(new URL(WASM_FILE, ENGINE_URL)).then((response) => {
    checkWasmResponse(response);
    return WebAssembly.compileStreaming(response);
  });
  earlyWasm.catch(() => {}); // watchWasm falls back to Pyodide's own download
}

async function saveSnapshot(bytes) {
  try {
    if (!self.caches || typeof CompressionStream !== "function" || await outdated()) return false;
    await storeSnapshot(CACHE_NAME, SNAPSHOT_URL, bytes);
    return true;
  } catch (error) {
    return false; // storage full or refused: the next visit simply starts Python again
  }
}

// A newer version's service worker deletes this version's cache while an old tab may still run this
// worker: saving would bring the old version (and its 6 MB snapshot) back. This version's cache is
// missing but another one exists only then; on a first visit there is none, or only this one.
async function outdated() {
  if (await caches.has(CACHE_NAME)) return false;
  return (await caches.keys()).some((name) => name.startsWith(CACHE_PREFIX));
}

// ---- openpyxl, only for an .xlsx roster ------------------------------------------------------

// The roster page's .xlsx support (openpyxl, et_xmlfile, and the standard-library modules only they
// import) is unpacked the first time one is checked, from this engine folder's xlsx/ subfolder: never
// on the resident calculator's path. sitegen/engine/runtime_trace.mjs unpacks them the same way.
const XLSX_STDLIB_DIR = "/lib/python3.14/site-packages";

function loadXlsx() {
  if (xlsxLoaded === null) {
    const download = (names) => Promise.all((names || []).map((name) => fetchBytes(name)
      .then((response) => response.arrayBuffer())));
    xlsxLoaded = Promise.all([download(manifestData.xlsx_stdlib), download(manifestData.xlsx_wheels)])
      .then(([stdlib, wheels]) => {
        stdlib.forEach((bytes) => runtime.unpackArchive(bytes, "zip", { extractDir: XLSX_STDLIB_DIR }));
        wheels.forEach((bytes) => runtime.unpackArchive(bytes, "wheel"));
      });
    xlsxLoaded.catch(() => { xlsxLoaded = null; }); // a failed download may be retried
  }
  return xlsxLoaded;
}

// ---- Requests ---------------------------------------------------------------------------------

function request(message) {
  if (message.method !== "rosterXlsx" || entry === null) {
    answer(message);
    return;
  }
  loadXlsx().then(() => answer(message), (error) => {
    self.postMessage({ id: message.id, code: "xlsx", error: `openpyxl: ${error && error.message ? error.message : error}` });
  });
}

function answer({ id, method, payload }) {
  if (!METHODS.has(method)) {
    self.postMessage({ id, error: `unknown method: ${method}` });
    return;
  }
  if (entry === null) {
    self.postMessage({ id, error: broken ? "the engine has stopped" : "the engine is not ready" });
    return;
  }
  try {
    const report = (done, total) => self.postMessage({ id, progress: [done, total] });
    const proxy = method.startsWith("roster") ? entry.call(method, String(payload), report) : entry.call(method, String(payload));
    const bytes = proxy.toJs();
    proxy.destroy();
    self.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    // "fatal": "failed" follows; "engine": the page replaces this worker (Python may be unsound after,
    // say, a MemoryError).
    const code = isFatal(error) ? "fatal" : "engine";
    self.postMessage({ id, code, error: String(error && error.message ? error.message : error) });
    if (isFatal(error)) reportFailure("fatal", error);
  }
}

function failed(error) {
  if (entry === null && !restoring) reportFailure("load", error);
}

function reportFailure(stage, error) {
  if (broken) return;
  broken = true;
  entry = null;
  self.postMessage({ type: "failed", stage, message: String(error && error.message ? error.message : error) });
}

// Pyodide marks the error that killed it; after that every call into Python throws.
function isFatal(error) {
  return Boolean(error && error.pyodide_fatal_error);
}

// Pyodide's loader catches a WebAssembly instantiation that fails (an HTTP error, a damaged file, a
// wrong Content-Type), only logs it and never settles loadPyodide: check the response first and
// report any failure here, whether the runtime starts fresh or from a snapshot.
function watchWasm() {
  const instantiateStreaming = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (source, imports) => {
    const early = earlyWasm;
    earlyWasm = null;
    try {
      const module = early ? await early.catch(() => null) : null;
      if (module) {
        Promise.resolve(source).then((response) => response.body && response.body.cancel()).catch(() => {});
        return { module, instance: await WebAssembly.instantiate(module, imports) };
      }
      const response = await source;
      checkWasmResponse(response);
      return await instantiateStreaming.call(WebAssembly, response, imports);
    } catch (error) {
      reportFailure("load", `${WASM_FILE}: ${error && error.message ? error.message : error}`);
      throw error;
    }
  };
}

function checkWasmResponse(response) {
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const type = (response.headers.get("Content-Type") || "").split(";")[0].trim();
  if (type !== "application/wasm") throw new Error(`served as "${type}", not "application/wasm"`);
}

// ---- Download watch -------------------------------------------------------------------------

// Every download of this worker (and of Pyodide in it) is watched while it waits on the network: 20 s
// without a byte (for the response, or for the next part of its body) aborts it. While loading, that
// is a failed load ("failed", stage "stalled": the page offers 重新加载); afterwards (openpyxl's wheels)
// the call that needed it fails instead of waiting for ever.
const STALL_MS = 20000;

function watchDownloads() {
  const realFetch = self.fetch.bind(self);
  self.fetch = async (resource, options) => {
    const aborter = new AbortController();
    const loading = entry === null;
    const stalled = () => {
      aborter.abort(new Error(`no bytes for ${STALL_MS / 1000} s: ${resource}`));
      if (loading) reportFailure("stalled", `no bytes for ${STALL_MS / 1000} s: ${resource}`);
    };
    let timer = setTimeout(stalled, STALL_MS);
    const response = await realFetch(resource, { ...options, signal: aborter.signal }).finally(() => clearTimeout(timer));
    if (!response.body) return response;
    const reader = response.body.getReader();
    const body = new ReadableStream({
      async pull(controller) {
        timer = setTimeout(stalled, STALL_MS);
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } finally {
          clearTimeout(timer);
        }
      },
      cancel(reason) {
        return reader.cancel(reason);
      },
    });
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
}

self.addEventListener("message", (event) => request(event.data));
// A download that fails inside the runtime (e.g. the stdlib archive) rejects a promise loadPyodide
// never settles: report it rather than leave the page waiting.
self.addEventListener("unhandledrejection", (event) => (isFatal(event.reason) ? reportFailure("fatal", event.reason) : failed(event.reason)));
self.addEventListener("error", (event) => failed(event.error || event.message));

watchDownloads();
watchWasm();
start().catch((error) => (isFatal(error) ? reportFailure("fatal", error) : failed(error)));
