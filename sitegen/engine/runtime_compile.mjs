// Compiles standard-library sources to bytecode with Pyodide's own Python (3.14, the interpreter that
// will run them), so the browser does not compile them on every first visit. Reads a zip of sources,
// writes a zip in which every module compiles to NAME.pyc (sourceless, loaded by zipimport) and any
// other file is kept as it is. Run with PYTHONNODEBUGRANGES=1 (set below): the bytecode carries line
// numbers but not the column ranges behind traceback carets, a third of its size.
//
//     node runtime_compile.mjs INDEX_DIR STDLIB_ZIP LOCK_JSON SOURCES_ZIP TARGET_ZIP
//
// The same sources give the same bytecode: names are compiled in sorted order in a fresh interpreter.
// TARGET_ZIP is only read back: sitegen/engine/runtime.py's write_stored_zip writes the shipped archive.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [indexDir, stdlib, lockFile, sources, target] = process.argv.slice(2);
const { loadPyodide } = await import(pathToFileURL(`${indexDir}/pyodide.mjs`).href);

// Each module is compiled under the path zipimport would give it in the browser (the archive's own
// path, e.g. /lib/python314.zip/json/decoder.py): tracebacks and logging's caller lookup read the same.
const COMPILE = `
import importlib._bootstrap_external as _external, os, zipfile
_archive = os.path.dirname(os.__file__)
with zipfile.ZipFile("/tmp/compile/sources.zip") as _sources, \\
        zipfile.ZipFile("/tmp/compile/target.zip", "w", compression=zipfile.ZIP_STORED) as _target:
    for _name in sorted(_sources.namelist()):
        _data = _sources.read(_name)
        if _name.endswith(".py"):
            _code = compile(_data, f"{_archive}/{_name}", "exec", dont_inherit=True)
            # mtime and size 0: sourceless, zipimport compares them with no source file.
            _name, _data = _name + "c", bytes(_external._code_to_timestamp_pyc(_code, 0, 0))
        _target.writestr(_name, _data)
`;

try {
  const pyodide = await loadPyodide({
    indexURL: `${indexDir}/`, stdLibURL: stdlib, lockFileURL: lockFile, stdout: () => {}, stderr: () => {},
    env: { PYTHONNODEBUGRANGES: "1" },
  });
  pyodide.FS.mkdirTree("/tmp/compile");
  pyodide.FS.writeFile("/tmp/compile/sources.zip", new Uint8Array(readFileSync(sources)));
  pyodide.runPython(COMPILE);
  writeFileSync(target, pyodide.FS.readFile("/tmp/compile/target.zip"));
} catch (error) {
  process.stderr.write(String(error && error.message ? error.message : error) + "\n");
  process.exit(1);
}
