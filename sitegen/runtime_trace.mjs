// Runs the calculator in Pyodide under Node as the browser's engine worker does, and prints (JSON)
// which files of the standard-library archive Python imported: start-up, the wheel, the worker's
// warm_up() (evaluate, evaluateMany with bad facts, the roster CSV, the form's questions) and a
// failing call (Pyodide formats the Python traceback). sitegen/runtime.py keeps exactly those.
//
//     node runtime_trace.mjs INDEX_DIR STDLIB_ZIP LOCK_JSON WHEEL [XLSX_WHEEL …]
//
// With the .xlsx roster's wheels (openpyxl, et_xmlfile) it then unpacks them, as the worker does when
// a staff member picks an .xlsx, and runs calculator.worker.warm_up_xlsx(): what they import is kept too.
//
// Run against a trimmed archive it is also the check that nothing the calculator imports is missing:
// it exits non-zero with Python's error.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [indexDir, stdlib, lockFile, wheel, ...xlsxWheels] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${indexDir}/pyodide.mjs`).href);

// Which imported modules came from the archive, as paths inside it (packages: their __init__.py).
const LIST_IMPORTED = `
import sys
_prefix = "/lib/python314.zip/"
sorted({m.__file__[len(_prefix):] for m in list(sys.modules.values())
        if isinstance(getattr(m, "__file__", None), str) and m.__file__.startswith(_prefix)})
`;

async function trace() {
  const pyodide = await loadPyodide({
    indexURL: `${indexDir}/`, stdLibURL: stdlib, lockFileURL: lockFile, stdout: () => {}, stderr: () => {},
  });
  // unpackArchive wants a Uint8Array, not a Buffer.
  pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
  const worker = pyodide.pyimport("calculator.worker");
  worker.warm_up();
  if (xlsxWheels.length) {
    for (const extra of xlsxWheels) pyodide.unpackArchive(new Uint8Array(readFileSync(extra)), "wheel");
    worker.warm_up_xlsx();
  }
  try {
    worker.call("no-such-method", "{}");
  } catch (error) {
    if (!String(error.message).includes("KeyError")) throw error;
  }
  const imported = pyodide.runPython(LIST_IMPORTED).toJs();
  return { python: pyodide.runPython("__import__('sys').version"), files: imported };
}

try {
  process.stdout.write(JSON.stringify(await trace()) + "\n");
} catch (error) {
  // Python's traceback is in the message; Node's own report would print the minified runtime.
  process.stderr.write(String(error && error.message ? error.message : error) + "\n");
  process.exit(1);
}
