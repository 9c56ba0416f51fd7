"""Run the site under nginx with deploy/nginx.conf, as production serves it.

    python -m sitegen.serve.nginx [--port 8080] [--site-dir site]

Fills in the config's two values (port and site folder) in a run folder of its own and runs
nginx in the foreground on 127.0.0.1. Tests use `start()` to get a running server.
"""

from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

from sitegen.paths import ROOT

CONFIG_TEMPLATE = ROOT / "deploy" / "nginx.conf"
READY_LINE = "start worker process"


def free_port() -> int:
    """A loopback port nobody is listening on right now (for tests and benchmarks)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def render_config(port: int, site_dir: Path) -> str:
    """The config with __PORT__ and __SITE_DIR__ filled in."""
    text = CONFIG_TEMPLATE.read_text(encoding="utf-8")
    return text.replace("__PORT__", str(port)).replace("__SITE_DIR__", str(site_dir.resolve()))


def prepare_run_dir(port: int, site_dir: Path, run_dir: Path) -> Path:
    """Write the filled-in config and the temporary folders nginx needs; return the config path."""
    (run_dir / "tmp").mkdir(parents=True, exist_ok=True)
    config = run_dir / "nginx.conf"
    config.write_text(render_config(port, site_dir), encoding="utf-8")
    return config


def command(run_dir: Path) -> list[str]:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    return [nginx, "-p", str(run_dir), "-c", str(run_dir / "nginx.conf"), "-g", "daemon off;"]


def start(port: int, site_dir: Path, run_dir: Path) -> subprocess.Popen[str]:
    """Start nginx and return once it has opened its socket and started its worker.

    nginx logs "start worker process" at notice level after binding the listening socket,
    so reading its log is the readiness signal (no polling, no sleeping).
    """
    prepare_run_dir(port, site_dir, run_dir)
    process = subprocess.Popen(command(run_dir), stderr=subprocess.PIPE, text=True)
    assert process.stderr is not None
    lines = []
    for line in process.stderr:
        lines.append(line)
        if READY_LINE in line:
            return process
    process.wait()
    raise RuntimeError("nginx did not start:\n" + "".join(lines))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"{args.site_dir} has no built site: run `make site` first", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="nginx-run-") as run_dir:
        prepare_run_dir(args.port, args.site_dir, Path(run_dir))
        print(f"nginx serving {args.site_dir} on http://127.0.0.1:{args.port}/ (Ctrl+C to stop)", flush=True)
        try:
            return subprocess.call(command(Path(run_dir)))
        except KeyboardInterrupt:
            return 0


if __name__ == "__main__":
    sys.exit(main())
