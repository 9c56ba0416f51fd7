"""``python -m calculator evaluate``: JSON in, JSON out; bad facts exit 2 with JSON errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

FACTS = {"as_of": "2024-06-01", "birth_date": "1964-06-01", "family_type": "child_deceased", "songjiang_hukou": True}


def run(repo: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "calculator", *args], cwd=repo, input=stdin,
                          capture_output=True, text=True, encoding="utf-8", check=False)


def test_evaluate_reads_a_file_and_prints_the_result(repo: Path, tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(FACTS), encoding="utf-8")
    done = run(repo, "evaluate", str(path))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["monthly_special_assistance"] == 870


def test_evaluate_reads_standard_input_with_a_dash_or_no_file(repo: Path) -> None:
    for args in (("evaluate", "-"), ("evaluate",)):
        done = run(repo, *args, stdin=json.dumps(FACTS))
        assert done.returncode == 0 and json.loads(done.stdout)["age"] == 60


def test_evaluate_output_is_the_same_as_the_python_api(repo: Path) -> None:
    from calculator import evaluate

    done = run(repo, "evaluate", stdin=json.dumps(FACTS))
    assert json.loads(done.stdout) == evaluate(FACTS)


def test_bad_facts_exit_2_with_the_errors_as_json(repo: Path) -> None:
    done = run(repo, "evaluate", stdin=json.dumps({**FACTS, "birth_date": "2024-02-30"}))
    assert done.returncode == 2 and done.stdout == ""
    errors = json.loads(done.stderr)["errors"]
    assert errors[0]["field"] == "birth_date" and "不存在" in errors[0]["message"]


def test_input_that_is_not_json_exits_2(repo: Path) -> None:
    done = run(repo, "evaluate", stdin="{birth_date: 1960}")
    assert done.returncode == 2
    assert json.loads(done.stderr)["errors"][0]["field"] == "facts"


def test_a_missing_file_exits_2(repo: Path, tmp_path: Path) -> None:
    done = run(repo, "evaluate", str(tmp_path / "absent.json"))
    assert done.returncode == 2
    assert json.loads(done.stderr)["errors"][0]["field"] == "file"


def test_a_byte_order_mark_on_standard_input_is_accepted(repo: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "calculator", "evaluate"], cwd=repo, capture_output=True, check=False,
                          input=b"\xef\xbb\xbf" + json.dumps(FACTS).encode("utf-8"))
    assert done.returncode == 0 and json.loads(done.stdout)["age"] == 60


@pytest.mark.parametrize(("stdin", "words"), [
    ("[" * 100_000, "嵌套"),
    ('{"birth_date": "1960-01-01", "birth_date": "1961-01-01", "family_type": "none"}', "出现了不止一次"),
    ("{not json", "第 1 行第 2 个字符"),
    ('{"' + "x" * 100_000 + '": 1, "birth_date": "1960-01-01", "family_type": "none"}', "无法识别"),
], ids=["deep-nesting", "duplicate-key", "not-json", "huge-unknown-key"])
def test_hostile_input_exits_2_with_a_short_chinese_message(repo: Path, stdin: str, words: str) -> None:
    done = run(repo, "evaluate", stdin=stdin)
    assert done.returncode == 2, done.stderr[-500:]
    assert "Traceback" not in done.stderr and len(done.stderr) < 2_000
    messages = [error["message"] for error in json.loads(done.stderr)["errors"]]
    assert any(words in message for message in messages)
    ours = [re.sub(r"“[^”]*”", "", message).replace("JSON", "") for message in messages]  # what was sent is echoed
    assert not any(re.search(r"[A-Za-z]{4,}", message) for message in ours), messages


def test_full_width_digits_in_dates_are_read(repo: Path) -> None:
    done = run(repo, "evaluate", stdin=json.dumps({**FACTS, "birth_date": "１９６４年６月１日"}, ensure_ascii=False))
    assert done.returncode == 0 and json.loads(done.stdout)["age"] == 60


def test_a_missing_file_is_explained_in_chinese(repo: Path, tmp_path: Path) -> None:
    done = run(repo, "evaluate", str(tmp_path / "nothing.json"))
    assert done.returncode == 2 and "找不到这个文件" in json.loads(done.stderr)["errors"][0]["message"]
