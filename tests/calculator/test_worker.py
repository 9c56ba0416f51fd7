"""calculator.worker: what the browser's engine worker calls (UTF-8 answers, warm-up before the snapshot)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from calculator.worker import evaluate_json, evaluate_many_json, roster_json
from calculator.worker import METHODS, SAMPLE_FACTS, call, warm_up

WEB = Path(__file__).resolve().parents[2] / "web"


@pytest.mark.parametrize(("method", "payload", "function"), [
    ("evaluate", json.dumps(SAMPLE_FACTS), evaluate_json),
    ("evaluateMany", json.dumps([SAMPLE_FACTS, {"birth_date": "x"}]), evaluate_many_json),
    ("roster", json.dumps({"text": "出生日期,家庭类别\r\n1958-03-08,独生子女死亡家庭\r\n", "as_of": "2024-06-01"}),
     roster_json),
])
def test_call_answers_the_boundary_function_s_text_as_utf8(method: str, payload: str, function) -> None:  # noqa: ANN001
    answer = call(method, payload)
    assert isinstance(answer, bytes)
    assert answer.decode("utf-8") == function(payload)


def test_the_worker_script_offers_exactly_the_methods_python_answers() -> None:
    script = (WEB / "engine-worker.mjs").read_text(encoding="utf-8")
    offered = re.search(r"const METHODS = new Set\(\[(.*?)\]\)", script).group(1)
    assert sorted(re.findall(r'"(\w+)"', offered)) == sorted(METHODS)


def test_the_snapshot_is_kept_in_the_cache_the_service_worker_drops_with_its_version() -> None:
    worker = (WEB / "engine-worker.mjs").read_text(encoding="utf-8")
    service_worker = (WEB / "sw.js").read_text(encoding="utf-8")
    prefix = re.search(r'const PREFIX = "([^"]+)"', service_worker).group(1)
    assert f'const CACHE_PREFIX = "{prefix}";' in worker
    assert "const CACHE_NAME = CACHE_PREFIX + " in worker


def test_warm_up_runs_without_error_and_leaves_results_unchanged() -> None:
    before = call("evaluate", json.dumps(SAMPLE_FACTS))
    warm_up()
    assert call("evaluate", json.dumps(SAMPLE_FACTS)) == before
    assert json.loads(before)["ok"]["household_monthly"] == 1740
