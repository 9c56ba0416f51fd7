// Strips standard-library sources with sitegen/engine/strip_source.py, run by Pyodide's own Python (3.14),
// which parses the syntax the build's Python may not know. Prints JSON {name: stripped source}.
//
//     node runtime_strip.mjs INDEX_DIR STDLIB_ZIP LOCK_JSON STRIP_PY NAME …
//
// NAME: a file inside STDLIB_ZIP (e.g. "json/decoder.py").
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [indexDir, stdlib, lockFile, stripModule, ...names] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${indexDir}/pyodide.mjs`).href);

const STRIPPED = `
import json, sys, zipfile
sys.path.insert(0, "/tmp/strip")
from strip_source import strip_source
with zipfile.ZipFile("/lib/python314.zip") as _archive:
    _sources = {name: strip_source(_archive.read(name)).decode("utf-8") for name in NAMES}
json.dumps(_sources)
`;

try {
  const pyodide = await loadPyodide({
    indexURL: `${indexDir}/`, stdLibURL: stdlib, lockFileURL: lockFile, stdout: () => {}, stderr: () => {},
  });
  pyodide.FS.mkdirTree("/tmp/strip");
  pyodide.FS.writeFile("/tmp/strip/strip_source.py", readFileSync(stripModule));
  pyodide.globals.set("NAMES", pyodide.toPy(names));
  process.stdout.write(pyodide.runPython(STRIPPED) + "\n");
} catch (error) {
  process.stderr.write(String(error && error.message ? error.message : error) + "\n");
  process.exit(1);
}
