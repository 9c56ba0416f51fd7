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


# What may stay in Latin letters in a usage message: the program, commands, options, values to type, formats.
ALLOWED_LATIN = re.compile(r"python|calculator|evaluate|roster|--?[a-z-]+|chinese|keys|JSON|CSV|csv|xlsx|GBK|UTF|YYYY-MM-DD")
USAGE_ERRORS = [(), ("nonsense",), ("evaluate", "a.json", "b.json"), ("roster",), ("roster", "in.csv", "--headers", "x"),
                ("roster", "in.csv", "--as-of"), ("--bogus",), ("roster", "in.csv", "--bogus")]


@pytest.mark.parametrize("args", USAGE_ERRORS, ids=[" ".join(args) or "nothing" for args in USAGE_ERRORS])
def test_a_usage_error_exits_2_with_usage_and_message_in_chinese(repo: Path, args: tuple[str, ...]) -> None:
    done = run(repo, *args)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("用法：") and "错误：" in done.stderr
    typed = re.compile("|".join(re.escape(arg) for arg in args)) if args else None  # the user's own words, echoed
    text = typed.sub("", done.stderr) if typed else done.stderr
    assert not re.search(r"[A-Za-z]{2,}", ALLOWED_LATIN.sub("", text)), done.stderr


@pytest.mark.parametrize("args", [("--help",), ("evaluate", "--help"), ("roster", "-h")])
def test_help_is_in_chinese_and_exits_0(repo: Path, args: tuple[str, ...]) -> None:
    done = run(repo, *args)
    assert done.returncode == 0 and done.stdout.startswith("用法：") and "显示这段说明" in done.stdout
    assert not re.search(r"[A-Za-z]{2,}", ALLOWED_LATIN.sub("", done.stdout)), done.stdout


def test_main_returns_2_for_a_usage_error_and_leaves_argparse_as_it_was() -> None:
    import argparse

    from calculator.cli import main

    english = argparse._  # type: ignore[attr-defined]
    assert main(["roster", "--headers", "x"]) == 2
    assert argparse._ is english  # type: ignore[attr-defined]


@pytest.mark.parametrize("family_type", ["独生子女死亡家庭", "死亡家庭", "child_deceased"])
def test_family_type_is_accepted_as_the_form_and_roster_name_it(repo: Path, family_type: str) -> None:
    done = run(repo, "evaluate", stdin=json.dumps({**FACTS, "family_type": family_type}, ensure_ascii=False))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["monthly_special_assistance"] == 870


def test_an_unknown_family_type_lists_the_choices_without_english_keys(repo: Path) -> None:
    done = run(repo, "evaluate", stdin=json.dumps({**FACTS, "family_type": "失独"}, ensure_ascii=False))
    assert done.returncode == 2
    message = json.loads(done.stderr)["errors"][0]["message"]
    assert "“独生子女死亡家庭”" in message and not re.search(r"[A-Za-z]", message)
