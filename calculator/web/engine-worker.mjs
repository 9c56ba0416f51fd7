// The calculator engine: Pyodide in a module Web Worker, running the `calculator` package.
//
// Everything is loaded from this worker's own folder (site/engine/), never from another origin.
// Messages to the page:
//   {type: "progress", stage: "runtime" | "package" | "import"}   while loading
//   {type: "ready", pyodide, wheel}                                once calculator is imported
//   {type: "failed", message}                                      loading failed
//   {id, result}  or  {id, error}                                  the answer to a request
// Requests from the page: {id, method: "evaluate" | "evaluateMany" | "roster", payload: <JSON text>};
// result is the JSON text that calculator.evaluate_json / evaluate_many_json / roster_json returned
// (roster's payload is {text, as_of}: a whole CSV file checked on this device).
import { loadPyodide } from "./pyodide.mjs";

const ENGINE_URL = new URL("./", import.meta.url).href;
const METHODS = { evaluate: "evaluate_json", evaluateMany: "evaluate_many_json", roster: "roster_json" };

let calculator = null;

function progress(stage) {
  self.postMessage({ type: "progress", stage });
}

async function readManifest() {
  const response = await fetch(new URL("engine.json", ENGINE_URL));
  if (!response.ok) throw new Error(`engine.json: HTTP ${response.status}`);
  return response.json();
}

async function fetchWheel(manifest) {
  const response = await fetch(new URL(manifest.wheel, ENGINE_URL));
  if (!response.ok) throw new Error(`${manifest.wheel}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

async function start() {
  progress("runtime");
  const manifestPromise = readManifest();
  // The wheel downloads while the runtime loads, not after it.
  const wheelPromise = manifestPromise.then(fetchWheel);
  wheelPromise.catch(() => {});  // reported below, once awaited
  const pyodide = await loadPyodide({ indexURL: ENGINE_URL });
  const manifest = await manifestPromise;
  progress("package");
  // A pure-Python wheel is unpacked into site-packages: no micropip, no lock-file lookup, no CDN.
  pyodide.unpackArchive(await wheelPromise, "wheel");
  progress("import");
  calculator = pyodide.pyimport("calculator");
  self.postMessage({ type: "ready", pyodide: pyodide.version, wheel: manifest.wheel });
}

function answer({ id, method, payload }) {
  const name = METHODS[method];
  if (!name) {
    self.postMessage({ id, error: `unknown method: ${method}` });
    return;
  }
  if (calculator === null) {
    self.postMessage({ id, error: "the engine is not ready" });
    return;
  }
  try {
    self.postMessage({ id, result: calculator[name](String(payload)) });
  } catch (error) {
    self.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
}

function failed(error) {
  if (calculator === null) {
    self.postMessage({ type: "failed", message: String(error && error.message ? error.message : error) });
  }
}

self.addEventListener("message", (event) => answer(event.data));
// A download that fails inside the runtime (e.g. the .wasm) rejects a promise loadPyodide never
// settles: report it rather than leave the page waiting.
self.addEventListener("unhandledrejection", (event) => failed(event.reason));
self.addEventListener("error", (event) => failed(event.error || event.message));

start().catch(failed);
