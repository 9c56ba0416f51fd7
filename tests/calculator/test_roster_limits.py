"""The roster's limits and file kinds: every hostile file is refused before the work, in Chinese, and leaves nothing.

The CLI runs in a child whose address space is capped at ``limits.MEMORY_BOUND`` (``ulimit -v``): a check
that came after the work would end in a MemoryError there, not in the sentence.
"""

from __future__ import annotations

import base64
import io
import json
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from calculator.cli import STOPPED
from calculator.roster import api
from calculator.roster.facts import RosterError
from calculator.roster import kinds, limits
from calculator.roster.columns import header_warning
from hostile_support import (MB, cell_bomb, long_cell_xlsx, many_rows_csv, many_rows_xlsx, ole_file, sparse_csv,
                             write_zip)
from xlsx_support import roster_xlsx_bytes

REPO = Path(__file__).resolve().parents[2]


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limits.MEMORY_BOUND, limits.MEMORY_BOUND))


def run_capped(source: Path, *more: str) -> subprocess.CompletedProcess[str]:
    """``python -m calculator roster SOURCE -o OUT`` under the memory bound; it must end within 30 s."""
    out = source.with_name("out" + (more[0] if more else source.suffix))
    return subprocess.run([sys.executable, "-m", "calculator", "roster", str(source), "-o", str(out),
                           "--as-of", "2024-06-01"], cwd=REPO, capture_output=True, text=True, timeout=30,
                          preexec_fn=_capped)


def refused(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode == 2, done.stderr
    message = json.loads(done.stderr)["errors"][0]["message"]
    assert "Traceback" not in done.stderr and all(word in message for word in words), message
    return message


def only(folder: Path, *names: str) -> None:
    assert sorted(path.name for path in folder.iterdir()) == sorted(names)  # no output, no .roster-*.part


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "files").mkdir()
    return tmp_path / "files"


def test_a_cell_that_inflates_to_a_gigabyte_is_refused_from_the_zip_directory(folder: Path) -> None:
    source = cell_bomb(folder / "bomb.xlsx", 1100)
    assert source.stat().st_size < 2 * MB
    refused(run_capped(source), "200 MB", "拆成几个文件")
    only(folder, "bomb.xlsx")


def test_a_long_cell_in_a_small_sheet_is_refused_before_openpyxl_reads_it(folder: Path) -> None:
    source = long_cell_xlsx(folder / "cell.xlsx", 50 * MB)
    refused(run_capped(source), "10,000 个字")
    only(folder, "cell.xlsx")


def test_a_cell_just_over_the_limit_is_refused_with_its_row(folder: Path) -> None:
    source = long_cell_xlsx(folder / "cell.xlsx", limits.MAX_CELL_CHARS + 1)
    refused(run_capped(source), "第 2 行", "10,000 个字")
    (folder / "ok.csv").write_text("出生日期,家庭类别,备注\n1960-05-01,无," + "字" * limits.MAX_CELL_CHARS + "\n", encoding="utf-8")
    assert run_capped(folder / "ok.csv").returncode == 0


def test_a_sheet_part_past_the_inflated_limit_is_refused(folder: Path) -> None:
    source = many_rows_xlsx(folder / "big.xlsx", 1000, megabytes_of_padding=210)
    refused(run_capped(source), "解压后", "200 MB", "拆成几个文件")
    only(folder, "big.xlsx")


@pytest.mark.parametrize("maker", [many_rows_xlsx, many_rows_csv], ids=["xlsx", "csv"])
def test_rows_past_the_limit_are_refused_before_the_run(folder: Path, maker: object) -> None:
    name = "rows.xlsx" if maker is many_rows_xlsx else "rows.csv"
    source = maker(folder / name, limits.MAX_FILE_ROWS)  # type: ignore[operator]  # and a header
    refused(run_capped(source), "100,000 行", "拆成几个文件")
    only(folder, name)


def test_rows_past_the_limit_on_standard_input_are_refused_as_they_stream(folder: Path) -> None:
    data = many_rows_csv(folder / "rows.csv", limits.MAX_FILE_ROWS).read_bytes()
    done = subprocess.run([sys.executable, "-m", "calculator", "roster", "-", "-o", str(folder / "out.csv")],
                          input=data, cwd=REPO, capture_output=True, timeout=30, preexec_fn=_capped)
    assert done.returncode == 2 and "100,000 行" in done.stderr.decode()
    only(folder, "rows.csv")


def test_exactly_the_row_limit_is_accepted() -> None:
    assert limits.MAX_FILE_ROWS == limits.MAX_ROWS + 10  # a title block and the header above the people
    assert sum(1 for _ in limits.checked_rows([["1"]] * limits.MAX_FILE_ROWS)) == limits.MAX_FILE_ROWS
    with pytest.raises(RosterError):
        list(limits.checked_rows([["1"]] * (limits.MAX_FILE_ROWS + 1)))
    lines = io.BytesIO(b'a,"b\nc"\n' * limits.MAX_FILE_ROWS)  # a quoted line end is no new row
    assert limits.check_csv_rows(lines) == limits.MAX_FILE_ROWS and lines.tell() == 0


def test_a_csv_past_the_byte_limit_is_refused_from_its_size(folder: Path) -> None:
    source = sparse_csv(folder / "huge.csv", limits.MAX_FILE_BYTES + 1)
    refused(run_capped(source), "50 MB", "拆成几个文件")
    only(folder, "huge.csv")


def test_the_worker_boundary_refuses_a_big_file_before_decoding_it() -> None:
    payload = json.dumps({"csv_base64": "A" * (limits.MAX_FILE_BYTES * 4 // 3 + 8)})
    errors = json.loads(api.roster_json(payload))["errors"]
    assert "50 MB" in errors[0]["message"]


def test_the_worker_boundary_refuses_the_hostile_xlsx_files(folder: Path) -> None:
    for source, words in [(cell_bomb(folder / "bomb.xlsx", 1100), "200 MB"),
                          (long_cell_xlsx(folder / "cell.xlsx", 2 * MB), "10,000 个字"),
                          (many_rows_xlsx(folder / "rows.xlsx", limits.MAX_FILE_ROWS), "100,000 行")]:
        data = base64.b64encode(source.read_bytes()).decode("ascii")
        answer = json.loads(api.roster_json(json.dumps({"xlsx_base64": data})))
        assert words in answer["errors"][0]["message"]


def test_the_header_warning_never_compares_a_long_cell() -> None:
    warning = header_warning(["备注" * 5000], ["出生日期"])
    assert len(warning) < 100 and "……" in warning


@pytest.mark.parametrize(("name", "content", "message"), [
    ("a.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", kinds.PDF),
    ("a.xlsx", b"%PDF-1.7\n1 0 obj\n", kinds.PDF),
    ("a.csv", b'{"birth_date": "1960-05-01"}', kinds.JSON),
    ("a.csv", b'\xef\xbb\xbf[{"birth_date": "1960-05-01"}]', kinds.JSON),
    ("a.csv", "出生日期\t家庭类别\n".encode("utf-16"), kinds.UTF16),
    ("a.csv", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", kinds.PICTURE),
    ("a.csv", b"\0\0\0\x18ftypmp42", kinds.BINARY),
])
def test_a_file_that_is_not_a_table_is_named(folder: Path, name: str, content: bytes, message: str) -> None:
    (folder / name).write_bytes(content)
    assert refused(run_capped(folder / name)) == message
    only(folder, name)


@pytest.mark.parametrize(("stream", "message"), [("Workbook", kinds.XLS), ("EncryptionInfo", kinds.ENCRYPTED),
                                                 ("WordDocument", kinds.OLD_OFFICE)])
def test_old_excel_and_password_protected_files_are_named(folder: Path, stream: str, message: str) -> None:
    for name in ("a.xlsx", "a.csv"):
        assert refused(run_capped(ole_file(folder / name, stream))) == message
    with pytest.raises(RosterError) as problem:
        api.roster_xlsx(ole_file(folder / "b.xlsx", stream).read_bytes())
    assert problem.value.errors[0]["message"] == message
    assert "另存为 .xlsx" in kinds.XLS and "密码" in kinds.ENCRYPTED


def test_zips_named_csv_are_named(folder: Path) -> None:
    (folder / "book.csv").write_bytes(roster_xlsx_bytes())
    assert refused(run_capped(folder / "book.csv")) == kinds.XLSX_AS_CSV
    write_zip(folder / "doc.csv", [("word/document.xml", b"\x03\x00", 0, 0)])
    assert refused(run_capped(folder / "doc.csv")) == kinds.WORD


def test_an_ordinary_roster_runs_under_the_memory_bound(folder: Path) -> None:
    (folder / "in.xlsx").write_bytes(roster_xlsx_bytes())
    done = run_capped(folder / "in.xlsx")
    assert done.returncode == 1, done.stderr  # written; the fixture's deliberately bad row needs correcting
    only(folder, "in.xlsx", "out.xlsx")


@pytest.mark.parametrize(("number", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_mid_run_removes_the_temporary_file(folder: Path, number: int, status: int) -> None:
    # A shell starts background jobs with SIGINT ignored, and Python keeps an ignored SIGINT ignored:
    # the child gets Ctrl+C's default however this test run was started.
    child = subprocess.Popen([sys.executable, "-m", "calculator", "roster", "-", "-o", str(folder / "out.csv")],
                             cwd=REPO, stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert child.stdin is not None
    child.stdin.write("出生日期,家庭类别\n" + "1960-05-01,无\n" * 5000)
    child.stdin.flush()  # the child now waits for more rows, its .roster-*.part open
    deadline = time.monotonic() + 20
    while not any(folder.glob(".roster-*.part")) and time.monotonic() < deadline:
        time.sleep(0.01)  # waiting for the file to appear (visible state), not for a guessed time
    assert any(folder.glob(".roster-*.part"))
    child.send_signal(number)
    _, errors = child.communicate(timeout=30)
    assert child.returncode == status
    assert errors.strip() == STOPPED and "Traceback" not in errors
    only(folder)


def test_the_readme_states_the_limits_the_code_checks() -> None:
    text = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    assert limits.MAX_FILE_BYTES == 50 * MB and "a file of at most 50 MB" in text
    assert limits.MAX_INFLATED_BYTES == 200 * MB and "at most 200 MB unpacked" in text
    assert f"at most {limits.MAX_ROWS:,} rows below the header" in text and f"no cell over {limits.MAX_CELL_CHARS:,} characters" in text
    assert limits.MEMORY_BOUND == 1024 * MB and "under 1 GB of address space" in text


def test_full_width_formula_starts_are_neutralised_in_csv() -> None:
    text = "出生日期,备注\n1960-05-01,＝1＋1\n1960-05-01,﹦cmd\n1960-05-01,＋1\n"
    written = api.roster_csv(text, "2024-06-01")["csv"].splitlines()
    assert [line.split(",")[1] for line in written[1:4]] == ["'＝1＋1", "'﹦cmd", "'＋1"]


def test_output_past_excels_row_limit_is_refused_and_nothing_is_written(folder: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from calculator.cli import main
    from calculator.roster import xlsx_io

    monkeypatch.setattr(xlsx_io, "EXCEL_MAX_ROWS", 5)  # the guard, with a sheet of 5 rows
    many_rows_csv(folder / "in.csv", 10)
    assert main(["roster", str(folder / "in.csv"), "-o", str(folder / "out.xlsx"), "--as-of", "2024-06-01"]) == 2
    only(folder, "in.csv")
    assert "1,048,576 行" in xlsx_io.TOO_MANY_OUT


def test_the_cli_shows_progress_when_standard_error_is_a_terminal(folder: Path) -> None:
    import os
    import pty

    many_rows_csv(folder / "in.csv", 5000)
    leader, follower = pty.openpty()
    done = subprocess.run([sys.executable, "-m", "calculator", "roster", str(folder / "in.csv"), "-o",
                           str(folder / "out.csv"), "--as-of", "2024-06-01"], cwd=REPO, stderr=follower, timeout=60)
    os.close(follower)
    written = b""
    try:
        while chunk := os.read(leader, 65536):
            written += chunk
    except OSError:  # the terminal's other end is closed: all is read
        pass
    os.close(leader)
    assert done.returncode == 0
    assert "已读 4,000 行，共 5,001 行" in written.decode("utf-8")
