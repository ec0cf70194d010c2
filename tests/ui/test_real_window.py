"""The program in a real window: an X server (Xvfb) with the xcb platform plugin, a screenshot of
every page, the real dialogs, and a whole conversation with real key presses (xdotool). Linux
only; skipped where Xvfb or xdotool is not installed."""

from __future__ import annotations

import contextlib
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from wizard.core.session import load_session, new_session, save_session

pytestmark = pytest.mark.xvfb

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("wizard_driver.py")
LAPTOP = "1366x768"
DESKTOP = "1280x900"
WAIT_S = 120  # the longest wait for the program (a slow machine, a busy one)


def need(*tools: str) -> None:
    """Skip the test where the tools it needs cannot run."""
    if not sys.platform.startswith("linux"):
        pytest.skip("an X server (Xvfb) runs on Linux only")
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"not installed: {', '.join(missing)}")


@contextlib.contextmanager
def x_server(screen: str) -> Iterator[str]:
    """An Xvfb server with one screen of this size; its display name (":1")."""
    need("Xvfb")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{screen}x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as stream:
        number = stream.readline().strip()  # written once the server accepts clients
    try:
        if not number:
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.fixture
def xvfb():
    with x_server(DESKTOP) as display:
        yield display


def program_env(display: str, tmp_path: Path, scale: str | None = None) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if key != "WAYLAND_DISPLAY"}
    env.update(
        DISPLAY=display,
        QT_QPA_PLATFORM="xcb",
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_RUNTIME_DIR=str(tmp_path),
        PYTHONPATH=str(ROOT),
    )
    if scale:
        env["QT_SCALE_FACTOR"] = scale
    return env


def run_driver(display: str, tmp_path: Path, *args: str, scale: str | None = None) -> str:
    result = subprocess.run(
        [sys.executable, str(DRIVER), *args],
        cwd=ROOT,
        env=program_env(display, tmp_path, scale),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def distinct_colours(path: Path) -> int:
    image = QImage(str(path))
    colours = set()
    for y in range(0, image.height(), 7):
        for x in range(0, image.width(), 7):
            colours.add(image.pixel(x, y))
    return len(colours)


def test_every_page_in_a_real_window(xvfb, tmp_path, window):
    out = run_driver(xvfb, tmp_path, "screenshots", str(tmp_path / "shots"))
    line = next(line for line in out.splitlines() if line.startswith("SHOTS "))
    shots = [Path(name) for name in json.loads(line[6:])]
    assert len(shots) == len(window.wizard.pageIds())  # every page, the start page included
    for shot in shots:
        image = QImage(str(shot))
        assert image.width() >= 1000 and image.height() >= 700, shot
        assert distinct_colours(shot) > 20, f"{shot} looks blank"


def test_the_real_dialogs_in_dutch(xvfb, tmp_path):
    """The file dialog and the message boxes as they are, not replaced by the test: the driver
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
def test_every_page_fits_a_laptop_screen(tmp_path, scale, window):
    """A laptop screen at 100 % and 200 % (QT_SCALE_FACTOR=2): the window within the screen,
    the side panel at most a third of the width, on every page."""
    with x_server(LAPTOP) as display:
        out = run_driver(display, tmp_path, "screenshots", str(tmp_path / "shots"), scale=scale)
    layouts = [json.loads(line[7:]) for line in out.splitlines() if line.startswith("LAYOUT ")]
    assert len(layouts) == len(window.wizard.pageIds())
    for layout in layouts:
        screen = layout["screen"]
        x, y, width, height = layout["window"]
        assert x >= screen[0] and y >= screen[1], layout
        assert x + width <= screen[0] + screen[2] and y + height <= screen[1] + screen[3], layout
        if layout["side_panel"]:
            assert layout["side_panel"] <= width / 3, layout
        assert not layout["nested_scroll"], layout


# A whole conversation with the keyboard alone (xdotool sends real key presses to the X server):
# (keys, the widget that has the focus after them, text to type there); "" types nothing.
KEYBOARD_CONVERSATION = [
    ("Return", "minister.name", "Rob Jetten"),  # Nieuw gesprek beginnen has the focus
    ("Tab Down", "minister.office", ""),  # Ambt: minister-president
    ("Tab Down Tab Tab", "minister.party", "D66"),  # Ministerie: AZ; (portefeuille); Partij
    ("Tab Tab", "minister.sworn_in", "23-02-2026"),  # (partijhashtag); beëdiging
    ("Tab", "conversation.advisor", "Sanne de Wit"),
    ("Tab", "conversation.director", "Joris Bakker"),
    ("Return", "platforms.x.existing_handle", "RobJetten"),  # Huidige situatie
    ("Tab", "platforms.x.followers", "120000"),
    ("Return", "advice.text", ""),  # Advies (Enter in the text goes on)
    ("Return", "variant=corporate", ""),  # Keuze
    ("space", "variant=corporate", ""),  # corporate (nothing is chosen yet)
    # the four consequences, each followed by its "Bron" button
    (
        "Tab space Tab Tab space Tab Tab space Tab Tab space",
        "acknowledged.corporate-light-content",
        "",
    ),
    ("Return space", "platforms.x.use", ""),  # X: used
    ("Return space", "platforms.instagram.use", ""),  # Instagram: used
    ("Return Return Return", "webcare.standby", ""),  # LinkedIn, Facebook, Webcare
    ("Return space Tab", "predecessor.name", "Dick Schoof"),  # Account voorganger
    ("Tab Tab space", "predecessor.archiving_arranged", ""),  # archiving arranged
    ("Return Return", "overview.edit:minister.sworn_in", ""),  # Aandachtspunten, Overzicht
    ("alt+v", "documents.tabbar", ""),  # Documenten (Alt+V: Volgende): its tabs first
    ("Tab", "documents.preview.afspraken", ""),  # then the preview of the tab in view
    ("ctrl+s", "fileNameEdit", ""),  # the real save dialog
    ("ctrl+a", "fileNameEdit", "{file}"),
    ("Return", "", ""),
]


class Focus:
    """Where the program says the keyboard focus is (its lines FOCUS name), read as it goes."""

    def __init__(self, program: subprocess.Popen) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.now = ""
        self.seen: list[str] = []
        reader = threading.Thread(target=self._read, args=(program.stdout,), daemon=True)
        reader.start()

    def _read(self, stream) -> None:
        for line in stream:
            self.lines.put(line.rstrip("\n"))
        self.lines.put("")  # the program ended

    def drain(self) -> None:
        """Take in the lines the program printed so far, without waiting for more."""
        while not self.lines.empty():
            line = self.lines.get()
            self.seen.append(line)
            kind, _, value = line.partition(" ")
            if kind == "FOCUS":
                self.now = value

    def wait_for(self, prefix: str, name: str | None = None) -> str:
        """The next line that starts with `prefix` (with `name`: until the focus is there)."""
        deadline = time.monotonic() + WAIT_S
        while name is None or self.now != name:
            try:
                line = self.lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                message = f"waited in vain for {prefix}{name or ''}: {self.seen}"
                raise AssertionError(message) from None
            assert line, f"the program ended while waiting for {prefix}{name or ''}"
            self.seen.append(line)
            kind, _, value = line.partition(" ")
            if kind == "FOCUS":
                self.now = value
            if name is None and line.startswith(prefix):
                return value
        return self.now


def wait_for_file(path: Path, program: subprocess.Popen) -> None:
    deadline = time.monotonic() + WAIT_S
    while not path.exists():
        assert program.poll() is None, "the program ended before it saved"
        assert time.monotonic() < deadline, "the conversation was not saved"
        time.sleep(0.1)  # (polling the file)


@pytest.mark.parametrize("scale", ["1", "2"])
def test_a_whole_conversation_with_the_keyboard_alone(tmp_path, scale):
    need("Xvfb", "xdotool")
    target = tmp_path / "toetsenbord.adviesgesprek.yaml"
    with x_server(LAPTOP) as display:
        env = program_env(display, tmp_path, scale)
        program = subprocess.Popen(
            [sys.executable, str(DRIVER), "keyboard"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

        def xdotool(*args: str) -> str:
            return subprocess.run(
                ["xdotool", *args], env=env, capture_output=True, text=True, timeout=WAIT_S
            ).stdout

        try:
            focus = Focus(program)
            focus.wait_for("READY")  # the rulebook is loaded, the start page ready
            windows = xdotool("search", "--sync", "--name", "— Adviesgesprek").split()
            assert windows, "no window"
            xdotool("windowfocus", windows[0])
            focus.wait_for("FOCUS ", "start.new")
            for keys, focused, text in KEYBOARD_CONVERSATION:
                xdotool("key", "--delay", "150", *keys.split())
                if focused:
                    focus.wait_for("FOCUS ", focused)
                if text:
                    xdotool("type", "--delay", "40", text.format(file=target))
            wait_for_file(target, program)
            assert program.poll() is None, program.stderr.read()[-2000:]
        finally:
            program.kill()
            program.wait(timeout=30)
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


# --- two windows on one file --------------------------------------------------------------------


@contextlib.contextmanager
def window_manager(display: str) -> Iterator[None]:
    """openbox on the display, from the moment it manages windows (it answers EWMH)."""
    need("openbox", "xdotool")
    env = dict(os.environ, DISPLAY=display)
    manager = subprocess.Popen(
        ["openbox", "--sm-disable"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + WAIT_S
        while subprocess.run(["xdotool", "get_desktop"], env=env, capture_output=True).returncode:
            assert manager.poll() is None, "openbox ended"
            assert time.monotonic() < deadline, "openbox did not start"
            time.sleep(0.1)  # (polling the window manager)
        yield
    finally:
        manager.terminate()
        manager.wait(timeout=30)


class Program:
    """The wizard in a process of its own (wizard_driver.py same-file), its lines read as it
    goes: where its focus is, the dialogs it shows, what it holds after a save or a reload."""

    def __init__(self, display: str, tmp_path: Path, file: Path) -> None:
        self.env = program_env(display, tmp_path)
        self.process = subprocess.Popen(
            [sys.executable, str(DRIVER), "same-file", str(file)],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.pid = self.process.pid
        self.focus = Focus(self.process)

    def wait(self, kind: str) -> dict:
        """The next line of this kind (OPENED, DIALOG, SAVED, RESET), as its JSON."""
        return json.loads(self.focus.wait_for(f"{kind} "))

    def dialog(self, name: str) -> str:
        """The text of the next dialog, which must be `name`."""
        shown = self.wait("DIALOG")
        assert shown["name"] == name, shown
        return shown["text"]

    def xdotool(self, *args: str) -> str:
        return subprocess.run(
            ["xdotool", *args], env=self.env, capture_output=True, text=True, timeout=WAIT_S
        ).stdout

    def activate(self) -> None:
        """Bring its main window (another program's is active) to the front, and wait until it
        says it has the keyboard focus."""
        found = self.xdotool(
            "search", "--sync", "--onlyvisible", "--pid", str(self.pid), "--name", "— Adviesgesprek"
        )
        self.focus.drain()
        self.xdotool("windowactivate", "--sync", found.split()[0])
        self.focus.now = self.wait("ACTIVE")

    def keys(self, *keys: str) -> None:
        self.xdotool("key", "--clearmodifiers", "--delay", "100", *keys)

    def type_into(self, field: str, text: str) -> None:
        """Tab to a field (as far round as it takes) and type `text` over what it holds."""
        self.focus.drain()
        for _tab in range(60):
            if self.focus.now == field:
                break
            self.keys("Tab")
            self.focus.wait_for("FOCUS ")
        assert self.focus.now == field, self.focus.seen[-10:]
        self.keys("ctrl+a")
        self.xdotool("type", "--delay", "40", text)

    def close(self) -> None:
        self.process.kill()
        self.process.wait(timeout=30)


def test_two_windows_on_one_file_lose_no_answer(tmp_path):
    """Issue 24's lost update, in two real programs under a window manager: A and B open one
    file (B is told A has it open, and opens it anyway); A changes the name and saves; B
    changes the party and saves: B says the file changed, shows the differences, and reloads
    it at the advisor's request; B's party saved again, the file has both answers."""
    need("Xvfb", "openbox", "xdotool")
    file = tmp_path / "gesprek.adviesgesprek.yaml"
    session = new_session()
    session.set("minister.name", "Rob Jetten")
    session.set("minister.party", "D66")
    save_session(session, file)
    lock = file.with_name(f".{file.name}.lock")
    with x_server(DESKTOP) as display, window_manager(display):
        first = Program(display, tmp_path / "a", file)
        second = None
        try:
            assert first.wait("OPENED")["opened"]
            assert lock.read_text(encoding="utf-8").split()[0] == str(first.pid)
            second = Program(display, tmp_path / "b", file)
            told = second.dialog("dialog.elsewhere")
            assert f"{file.name} is al geopend in een ander venster (programma {first.pid}" in told
            second.keys("alt+t")  # Toch openen
            assert second.wait("OPENED")["opened"]

            first.activate()
            first.type_into("minister.name", "Robert Jetten")
            first.keys("ctrl+s")
            assert first.wait("SAVED")["name"] == "Robert Jetten"

            second.activate()
            second.type_into("minister.party", "GroenLinks-PvdA")
            second.keys("ctrl+s")
            assert "is gewijzigd door een ander venster" in second.dialog("dialog.changed")
            assert load_session(file).get("minister.name") == "Robert Jetten"  # not overwritten
            second.keys("alt+v")  # Vergelijken…
            differences = second.dialog("dialog.differences")
            assert "Naam: in dit venster “Rob Jetten”, in het bestand “Robert Jetten”" in (
                differences
            )
            assert "Partij: in dit venster “GroenLinks-PvdA”, in het bestand “D66”" in differences
            second.keys("Escape")  # back to the question
            second.dialog("dialog.changed")
            second.keys("alt+l")  # Opnieuw laden…
            assert "gaan dan verloren" in second.dialog("dialog.reload")
            second.keys("alt+l")  # Opnieuw laden
            reloaded = second.wait("RESET")
            assert (reloaded["name"], reloaded["party"]) == ("Robert Jetten", "D66")

            second.type_into("minister.party", "GroenLinks-PvdA")
            second.keys("ctrl+s")
            saved = second.wait("SAVED")
            assert (saved["name"], saved["party"], saved["modified"]) == (
                "Robert Jetten",
                "GroenLinks-PvdA",
                False,
            )
            on_disk = load_session(file)
            assert on_disk.get("minister.name") == "Robert Jetten"
            assert on_disk.get("minister.party") == "GroenLinks-PvdA"
            first.activate()
            first.keys("ctrl+q")  # nothing unsaved: it closes, and its lock goes
            assert first.process.wait(timeout=WAIT_S) == 0
            assert not lock.exists()
        finally:
            first.close()
            if second is not None:
                second.close()


@pytest.mark.parametrize("scale", ["1", "2"])
def test_the_title_bar_is_on_the_screen_under_a_window_manager(tmp_path, scale):
    """Under a window manager (openbox), which adds its frame after the window is shown, the
    whole frame (the title bar included) lies within the screen's available geometry, on a
    laptop screen at 100 % and at 200 %."""
    need("Xvfb", "openbox", "xdotool")
    with x_server(LAPTOP) as display, window_manager(display):
        out = run_driver(display, tmp_path, "screenshots", str(tmp_path / "shots"), scale=scale)
    layouts = [json.loads(line[7:]) for line in out.splitlines() if line.startswith("LAYOUT ")]
    assert layouts
    for layout in layouts:
        screen = layout["screen"]
        x, y, width, height = layout["window"]
        assert (x, y) != tuple(layout["client"][:2]), f"no frame from the window manager: {layout}"
        assert y >= screen[1] and x >= screen[0], layout
        assert x + width <= screen[0] + screen[2] and y + height <= screen[1] + screen[3], layout


def test_usable_at_200_percent_under_a_window_manager(tmp_path):
    """Issue 25 point 6, at 200 % on a laptop screen under openbox: the Documenten preview at
    least a third of the window's width, the overview without sideways scrolling, the Keuze
    header's logo whole within the wizard, the print preview's toolbar within its dialog."""
    need("Xvfb", "openbox", "xdotool")
    with x_server(LAPTOP) as display, window_manager(display):
        out = run_driver(display, tmp_path, "fit", scale="2")
    line = next(line for line in out.splitlines() if line.startswith("FIT "))
    fit = json.loads(line[4:])
    assert fit["preview_pages"] > 0, fit
    assert fit["preview"] >= fit["window"] / 3, fit
    assert fit["overview_scroll"] == 0, fit
    assert fit["logos"], fit
    for logo in fit["logos"]:
        assert logo["picture"][0] <= logo["label"][0], logo
        assert logo["picture"][1] <= logo["label"][1], logo
        assert logo["right"] < logo["wizard"][0] and logo["bottom"] < logo["wizard"][1], logo
    assert fit["toolbar_hint"] <= fit["dialog"], fit
