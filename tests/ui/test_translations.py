"""The English translation is complete and up to date with the source."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "adviesgesprek_en.ts"


def unfinished(path: Path) -> list[str]:
    root = ET.parse(path).getroot()
    return [
        message.findtext("source")
        for message in root.iter("message")
        if message.find("translation").get("type") == "unfinished"
        or not (message.findtext("translation") or "").strip()
    ]


def test_every_text_is_translated():
    assert unfinished(TS) == []


def test_translation_covers_the_current_source(tmp_path):
    lupdate = shutil.which("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = [
        str(ROOT / "wizard" / "app.py"),
        *map(str, sorted((ROOT / "wizard" / "ui").glob("*.py"))),
    ]
    subprocess.run(
        [lupdate, "-no-obsolete", *sources, "-ts", str(copy)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert unfinished(copy) == [], "run pyside6-lupdate and translate the new texts"
