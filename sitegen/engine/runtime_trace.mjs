// Runs the calculator in Pyodide under Node as the browser's engine worker does, and prints (JSON)
// which files of the standard-library archive Python imported:
//   "resident": start-up, the wheel (imported from the zip), the worker's warm_up() (evaluate,
//               evaluateMany with bad facts, the roster CSV, the form's questions) and a failing
//               call (Pyodide formats the Python traceback) — what the calculator and the roster's
//               CSV path need;
//   "files":    those and, with the .xlsx roster's wheels (openpyxl, et_xmlfile), what
//               calculator.worker.warm_up_xlsx() imports once the wheels are unpacked as the worker
//               unpacks them when a staff member picks an .xlsx.
// sitegen/engine/runtime.py keeps exactly those, the .xlsx-only ones in a second archive.
//
//     node runtime_trace.mjs INDEX_DIR STDLIB_ZIP LOCK_JSON WHEEL [--xlsx-stdlib ZIP] [XLSX_WHEEL …]
//
// --xlsx-stdlib: the .xlsx-only stdlib archive, unpacked before the wheels, as the worker does.
//
// Run against a trimmed archive it is also the check that nothing the calculator imports is missing:
// it exits non-zero with Python's error.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";

const [indexDir, stdlib, lockFile, wheel, ...rest] = process.argv.slice(2);
const options = { "--xlsx-stdlib": null };
const xlsxWheels = [];
for (let index = 0; index < rest.length; index += 1) {
  if (rest[index] in options) options[rest[index++]] = rest[index];
  else xlsxWheels.push(rest[index]);
}
const { loadPyodide } = await import(pathToFileURL(`${indexDir}/pyodide.mjs`).href);
// Where the worker unpacks the .xlsx-only stdlib archive (web/engine-worker.mjs).
const XLSX_STDLIB_DIR = "/lib/python3.14/site-packages";

// Which imported modules were read from the archive, as source paths inside it (packages: their
// __init__.py; a module compiled to NAME.pyc by runtime_compile.mjs is listed as NAME.py). Frozen
// modules (os, site, codecs, importlib._bootstrap …) are not: Python runs the copies built into the
// runtime, though their __file__ points into the archive.
const LIST_IMPORTED = `
import sys
_prefix = "/lib/python314.zip/"
sorted({m.__file__[len(_prefix):].removesuffix("c") for m in list(sys.modules.values())
        if isinstance(getattr(m, "__file__", None), str) and m.__file__.startswith(_prefix)
        and getattr(getattr(m, "__spec__", None), "origin", None) != "frozen"})
`;

async function trace() {
  const pyodide = await loadPyodide({
    indexURL: `${indexDir}/`, stdLibURL: stdlib, lockFileURL: lockFile, stdout: () => {}, stderr: () => {},
  });
  // On sys.path as a zip, as the worker's putWheelOnPath does (zipimport, importlib.resources).
  const wheelPath = `/engine/${basename(wheel)}`;
  pyodide.FS.mkdirTree("/engine");
  pyodide.FS.writeFile(wheelPath, new Uint8Array(readFileSync(wheel)));
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(wheelPath)})`);
  const worker = pyodide.pyimport("calculator.worker");
  worker.warm_up();
  try {
    worker.call("no-such-method", "{}");
  } catch (error) {
    if (!String(error.message).includes("KeyError")) throw error;
  }
  const resident = pyodide.runPython(LIST_IMPORTED).toJs();
  if (xlsxWheels.length) {
    if (options["--xlsx-stdlib"]) {
      pyodide.unpackArchive(new Uint8Array(readFileSync(options["--xlsx-stdlib"])), "zip", { extractDir: XLSX_STDLIB_DIR });
    }
    for (const extra of xlsxWheels) pyodide.unpackArchive(new Uint8Array(readFileSync(extra)), "wheel");
    worker.warm_up_xlsx();
  }
  const files = pyodide.runPython(LIST_IMPORTED).toJs();
  return { python: pyodide.runPython("__import__('sys').version"), resident, files };
}

try {
  process.stdout.write(JSON.stringify(await trace()) + "\n");
} catch (error) {
  // Python's traceback is in the message; Node's own report would print the minified runtime.
  process.stderr.write(String(error && error.message ? error.message : error) + "\n");
  process.exit(1);
}
