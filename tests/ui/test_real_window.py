"""The program once in a real window: Xvfb with the xcb platform plugin, a screenshot of every
page. Skipped where Xvfb is not installed."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("wizard_driver.py")


@pytest.fixture
def xvfb():
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as stream:
        number = stream.readline().strip()
    if not number:
        server.kill()
        pytest.skip("Xvfb did not start")
    yield f":{number}"
    server.terminate()
    server.wait(timeout=30)


def distinct_colours(path: Path) -> int:
    image = QImage(str(path))
    colours = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            colours.add(image.pixel(x, y))
    return len(colours)


def test_every_page_in_a_real_window(xvfb, tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "WAYLAND_DISPLAY"}
    env.update(
        DISPLAY=xvfb,
        QT_QPA_PLATFORM="xcb",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_RUNTIME_DIR=str(tmp_path),
    )
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, str(DRIVER), "screenshots", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("SHOTS "))
    shots = [Path(name) for name in json.loads(line[6:])]
    assert len(shots) >= 14
    for shot in shots:
        image = QImage(str(shot))
        assert image.width() >= 1000 and image.height() >= 700, shot
        assert distinct_colours(shot) > 20, f"{shot} looks blank"


def run_driver(xvfb: str, tmp_path: Path, *args: str, scale: str | None = None) -> str:
    env = {key: value for key, value in os.environ.items() if key != "WAYLAND_DISPLAY"}
    env.update(
        DISPLAY=xvfb,
        QT_QPA_PLATFORM="xcb",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_RUNTIME_DIR=str(tmp_path),
        PYTHONPATH=str(ROOT),
    )
    if scale:
        env["QT_SCALE_FACTOR"] = scale
    result = subprocess.run(
        [sys.executable, str(DRIVER), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def test_the_real_dialogs_in_dutch(xvfb, tmp_path):
    """The file dialog and the message boxes as they are, not replaced by the test: a timer
    answers them through their own buttons."""
    out = run_driver(xvfb, tmp_path, "dialogs", str(tmp_path / "shots"))
    line = next(line for line in out.splitlines() if line.startswith("DIALOGS "))
    report = json.loads(line[8:])
    assert report["file_dialog"] == "QFileDialog"
    assert report["file_labels"] == ["Bestandsnaam:", "Bestandstype:", "Zoeken in:"]
    assert report["file_buttons"] == ["Annuleren", "Openen"]
    assert report["opened"] == "Rob Jetten" and report["page"] == 1
    replace, again, unsaved = report["boxes"]
    assert "vervangen door het voorstel" in replace
    assert unsaved.startswith("Het gesprek met Rob Jetten heeft wijzigingen")
    assert report["kept"] == "Mijn eigen tekst"
    assert report["replaced"] != "Mijn eigen tekst" and report["replaced"].strip()
    assert report["undone"] == "Mijn eigen tekst"
    assert report["still"] == "Rob Jetten"  # Annuleren keeps the conversation
    for name in ("file-dialog", "box-1", "box-3"):
        assert distinct_colours(tmp_path / "shots" / f"{name}.png") > 20


def test_a_source_and_the_compare_dialog_in_a_real_window(xvfb, tmp_path):
    """Issue 13: Tab to a consequence's "Bron", Space opens the source window with the focus in
    it, Escape gives the focus back; Vergelijken through the real file dialog shows what an
    overlay with other webcare hours changes."""
    overlay = tmp_path / "nieuwe-uren.yaml"
    overlay.write_text('webcare: {hours: "werkdagen 8.30-17.30 uur"}\n', encoding="utf-8")
    out = run_driver(xvfb, tmp_path, "compare", str(tmp_path / "shots"), "--overlay", str(overlay))
    line = next(line for line in out.splitlines() if line.startswith("COMPARE "))
    report = json.loads(line[8:])
    assert report["tab_to"] == "source:acknowledged.corporate-ownership"
    assert report["source_shown"] and report["source_focus"] == "sources.text"
    assert "Omdat het account verbonden is aan het ambt" in report["source_text"]
    assert report["back_to"] == "source:acknowledged.corporate-ownership"
    assert report["file_dialog"] == "QFileDialog"
    assert report["file_title"] == "Ander regelboek kiezen"
    assert report["lines"][0] == "Platformconfiguratie:"
    assert (
        '  platforms.x.webcare.hours: "werkdagen 9.00-17.00 uur" wordt "werkdagen '
        '8.30-17.30 uur"' in report["lines"]
    )
    assert "Voor het gesprek met Rob Jetten veranderen 4 punten:" in report["report"]
    for name in ("bron", "regelboek-kiezen", "vergelijken"):
        assert distinct_colours(tmp_path / "shots" / f"{name}.png") > 20


@pytest.mark.parametrize("scale", ["1", "2"])
def test_every_page_fits_a_laptop_screen(tmp_path, scale):
    """1366x768 at 100 % and 200 % (QT_SCALE_FACTOR=2): the window within the screen, the side
    panel at most a third of the width, on every page."""
    if shutil.which("Xvfb") is None:
        pytest.skip("Xvfb is not installed")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as stream:
        number = stream.readline().strip()
    try:
        out = run_driver(
            f":{number}", tmp_path, "screenshots", str(tmp_path / "shots"), scale=scale
        )
    finally:
        server.terminate()
        server.wait(timeout=30)
    layouts = [json.loads(line[7:]) for line in out.splitlines() if line.startswith("LAYOUT ")]
    assert len(layouts) >= 14
    for layout in layouts:
        screen = layout["screen"]
        x, y, width, height = layout["window"]
        assert x >= screen[0] and y >= screen[1], layout
        assert x + width <= screen[0] + screen[2] and y + height <= screen[1] + screen[3], layout
        if layout["side_panel"]:
            assert layout["side_panel"] <= width / 3, layout
        assert not layout["nested_scroll"], layout


# A whole conversation with the keyboard alone (xdotool sends real key presses to the X server):
# (keys, text to type) in order; "" types nothing.
KEYBOARD_CONVERSATION = [
    ("Return", ""),  # Nieuw gesprek beginnen has the focus
    ("", "Rob Jetten"),
    ("Tab Down", ""),  # Naam; Ambt: minister-president
    ("Tab Down Tab Tab", "D66"),  # Ministerie: AZ; (portefeuille); Partij
    ("Tab Tab", "23-02-2026"),  # (partijhashtag); beëdiging
    ("Tab", "Sanne de Wit"),
    ("Tab", "Joris Bakker"),
    ("Return", "RobJetten"),
    ("Tab", "120000"),  # Huidige situatie
    ("Return", ""),
    ("Return", ""),  # Advies (Enter in the text goes on)
    ("space", ""),  # Keuze: corporate (nothing is chosen yet)
    ("Tab space Tab Tab space Tab Tab space Tab Tab space", ""),  # the four consequences
    # (each followed by its "Bron" button)
    ("Return space", ""),  # X: used
    ("Return space", ""),  # Instagram: used
    ("Return Return Return", ""),  # LinkedIn, Facebook, Webcare
    ("Return space Tab", "Dick Schoof"),  # Account voorganger
    ("Tab Tab space", ""),  # archiving arranged
    ("Return Return", ""),  # Aandachtspunten, Overzicht
    ("alt+v", ""),  # Documenten (Alt+V: Volgende)
    ("ctrl+s ctrl+a", "{file}"),
    ("Return", ""),  # the real save dialog
]


@pytest.mark.parametrize("scale", ["1", "2"])
def test_a_whole_conversation_with_the_keyboard_alone(tmp_path, scale):
    if not all(shutil.which(tool) for tool in ("Xvfb", "xdotool")):
        pytest.skip("Xvfb and xdotool are needed")
    import time

    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as stream:
        display = ":" + stream.readline().strip()
    env = {key: value for key, value in os.environ.items() if key != "WAYLAND_DISPLAY"}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        QT_SCALE_FACTOR=scale,
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_RUNTIME_DIR=str(tmp_path),
        PYTHONPATH=str(ROOT),
    )
    target = tmp_path / "toetsenbord.adviesgesprek.yaml"
    program = subprocess.Popen(
        [sys.executable, "-m", "wizard"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )

    def xdotool(*args: str) -> str:
        return subprocess.run(
            ["xdotool", *args], env=env, capture_output=True, text=True, timeout=60
        ).stdout

    try:
        for _attempt in range(60):
            windows = xdotool("search", "--name", "— Adviesgesprek").split()
            if windows:
                break
            time.sleep(0.5)
        assert windows, "no window"
        time.sleep(2)  # the rulebook loaded, the start page ready
        xdotool("windowfocus", windows[0])
        for keys, text in KEYBOARD_CONVERSATION:
            if keys:
                xdotool("key", "--delay", "150", *keys.split())
                time.sleep(0.5)
            if text:
                xdotool("type", "--delay", "40", text.format(file=target))
                time.sleep(0.3)
        for _attempt in range(20):
            if target.exists():
                break
            time.sleep(0.5)
        assert target.exists(), "the conversation was not saved"
        assert program.poll() is None, program.stderr.read().decode()[-2000:]
    finally:
        program.kill()
        program.wait(timeout=30)
        server.terminate()
        server.wait(timeout=30)
    from wizard.core.session import load_session

    session = load_session(target)
    assert session.get("minister.name") == "Rob Jetten"
    assert session.get("minister.office") == "minister_president"
    assert session.get("minister.ministry") == "AZ"
    assert session.get("minister.sworn_in") == "2026-02-23"
    assert session.get("conversation.director") == "Joris Bakker"
    assert session.get("platforms.x.existing_handle") == "RobJetten"
    assert len(session.get("acknowledged")) == 4
    assert session.get("platforms.x.use") and session.get("platforms.instagram.use")
    assert session.get("predecessor.name") == "Dick Schoof"
    assert session.get("predecessor.archiving_arranged") is True
