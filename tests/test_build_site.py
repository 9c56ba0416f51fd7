"""build_site.py fails loudly — non-zero exit and a message — on anything that would publish a wrong site."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import segno

import build_site
from sitegen.pages import qr

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "build_site.py", "pyproject.toml", "README.md", "sitegen", "templates", "docs",
                 "overrides", "calculator", "web")


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A copy of everything the build reads, to break in one place."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, tmp_path / part)
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")  # the pinned Pyodide runtime, read only
    # The build cache (sitegen.paths.BUILD_CACHE: stripped runtime, compressed copies, the .xlsx wheels)
    # is the machine's, shared as any checkout shares it: its entries are named by their inputs' hash.
    return tmp_path


def run_build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "build_site.py", "build", "--site-dir", str(project / "out")],
                          cwd=project, capture_output=True, text=True, timeout=300)


def test_build_of_the_copy_succeeds_as_shipped(project_copy: Path) -> None:
    result = run_build(project_copy)
    assert result.returncode == 0, result.stderr
    assert (project_copy / "out" / "notice" / "index.html").is_file()


def test_duplicate_clause_id_fails_the_build(project_copy: Path) -> None:
    notice = project_copy / "calculator" / "data" / "notice.toml"
    notice.write_text(notice.read_text(encoding="utf-8").replace('id = "2.1.2"', 'id = "2.1.1"'), encoding="utf-8")
    result = run_build(project_copy)
    assert result.returncode == 1
    assert "duplicate clause id '2.1.1'" in result.stderr
    assert "missing clause id '2.1.2'" in result.stderr


def test_broken_internal_link_fails_the_strict_build(project_copy: Path) -> None:
    page = project_copy / "docs" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[见此](notice.md#c-9-9-9)\n", encoding="utf-8")
    result = run_build(project_copy)
    assert result.returncode == 1
    assert "c-9-9-9" in result.stderr


def test_broken_link_in_a_template_fails_the_link_check(project_copy: Path) -> None:
    template = project_copy / "overrides" / "404.html"
    template.write_text(template.read_text(encoding="utf-8").replace("/notice/", "/no-such-page/"),
                        encoding="utf-8")
    result = run_build(project_copy)
    assert result.returncode == 1
    assert "/no-such-page/ — no such file" in result.stderr


def test_missing_jieba_refuses_to_build(monkeypatch: pytest.MonkeyPatch) -> None:
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *args: None if name == "jieba" else real_find_spec(name, *args))
    with pytest.raises(build_site.BuildError, match="jieba is not installed"):
        build_site.build(Path("unused"))


def test_a_site_url_that_is_not_a_site_root_refuses_to_build(capsys: pytest.CaptureFixture[str]) -> None:
    assert build_site.main(["build", "--site-dir", "unused", "--site-url", "https://example.gov.cn/songjiang/"]) == 1
    assert "root of its host name" in capsys.readouterr().err
    assert not Path("unused").exists()


def test_the_command_line_hands_the_site_url_to_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    monkeypatch.setattr(build_site, "build", lambda site_dir, site_url="": calls.append((site_dir, site_url)))
    assert build_site.main(["build", "--site-dir", "out", "--site-url", "https://wsjkw.example.gov.cn/"]) == 0
    assert build_site.main(["build", "--site-dir", "out"]) == 0
    assert calls == [(Path("out"), "https://wsjkw.example.gov.cn/"), (Path("out"), "")]


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg missing: `make test` installs zbar-tools")
def test_a_qr_code_that_does_not_read_back_as_its_url_fails_the_build(monkeypatch: pytest.MonkeyPatch,
                                                                    caplog: pytest.LogCaptureFixture,
                                                                    tmp_path: Path) -> None:
    monkeypatch.setattr(qr, "_code", lambda url: segno.make(url.replace("2-4-6", "2-4-7"), error="m"))
    with pytest.raises(build_site.BuildError, match="MkDocs build failed"):
        build_site.build(tmp_path / "out", site_url="https://wsjkw.example.gov.cn/")
    # MkDocs reports the hook's error on its log, which build_site.py's command line prints.
    assert ("the QR code of https://wsjkw.example.gov.cn/clauses/2-4-6/ reads back as "
            "'https://wsjkw.example.gov.cn/clauses/2-4-7/'") in caplog.text
    assert not (tmp_path / "out" / "clauses").exists()
