"""openpyxl and et_xmlfile ship as the pinned wheels inside the engine folder, out of the offline precache."""

from __future__ import annotations

import json
from pathlib import Path

from sitegen.engine.xlsx_wheels import pinned


def test_the_xlsx_extra_pins_openpyxl_and_its_one_dependency_exactly() -> None:
    assert [name for name, _ in pinned()] == ["openpyxl", "et-xmlfile"]


def test_the_engine_folder_holds_the_pinned_wheels_in_a_subfolder_the_service_worker_does_not_precache(
        built_site: Path) -> None:
    manifest = next(built_site.glob("engine/*/engine.json"))
    names = json.loads(manifest.read_text(encoding="utf-8"))["xlsx_wheels"]
    assert sorted(names) == sorted(f"xlsx/{name.replace('-', '_')}-{version}-" + ("py2.py3" if name == "openpyxl" else "py3")
                                   + "-none-any.whl" for name, version in pinned())
    assert all((manifest.parent / name).is_file() for name in names)
    service_worker = (built_site / "sw.js").read_text(encoding="utf-8")
    assert "/xlsx/" not in service_worker and "openpyxl" not in service_worker
