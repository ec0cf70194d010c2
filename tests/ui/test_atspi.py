"""What a screen reader hears, through AT-SPI (what Orca receives): the wizard in a real window
under Xvfb with a window manager (openbox) and a session bus of its own (dbus-launch), a listener
under the system's Python (pyatspi, tests/ui/atspi_listener.py), and real Tab presses (xdotool).

On every page the Tab cycle is walked until it comes round to where it began; every Tab stop must
give a focus event with a non-empty name, distinct from the other stops of the page. The controls
are found by pressing Tab, not with the program's own tab order. On the Keuze page the chosen
variant is among the stops (checked); a field in error says its error in its description.

Qt's AT-SPI bridge has no state for an invalid entry (ATSPI_STATE_INVALID_ENTRY is never set by
Qt 6), so the error is the field's accessible description, which a screen reader reads after the
name; the test asserts that, and records the missing state."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.conftest import EXAMPLES
from tests.ui.test_real_window import (
    DRIVER,
    ROOT,
    Focus,
    need,
    program_env,
    window_manager,
    x_server,
)

pytestmark = pytest.mark.xvfb

SYSTEM_PYTHON = "/usr/bin/python3"
LISTENER = Path(__file__).with_name("atspi_listener.py")
LAPTOP = "1366x768"
HEARD_S = 20  # the longest wait for a focus event after the program's focus moved
SETTLE_S = 1.0  # no focus move for this long: the window is done moving it
MAX_STOPS = 150  # more Tab stops on one page than any page has: the cycle never came round
NEXT_BUTTON = "__qt__passive_wizardbutton1"  # the wizard's Volgende (Qt's own name for it)
BAD_HANDLE = "Min Pres!"


def need_pyatspi() -> None:
    need("Xvfb", "openbox", "xdotool", "dbus-launch")
    found = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True, check=False
    )
    if found.returncode:
        pytest.skip(f"{SYSTEM_PYTHON} has no pyatspi (Debian python3-pyatspi)")


def session_bus() -> dict[str, str]:
    """A session bus of its own: its address and the bus daemon's process id."""
    out = subprocess.run(
        ["dbus-launch", "--sh-syntax"], capture_output=True, text=True, check=True
    ).stdout
    values = {}
    for line in out.splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            values[key] = value.strip().rstrip(";").strip("'")
    return values


class Lines:
    """The FOCUS lines a process prints, read as they come (Focus of test_real_window)."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.focus = Focus(process)

    def next(self) -> dict | None:
        """The next focus event, or None when none comes within HEARD_S."""
        while True:
            try:
                line = self.focus.lines.get(timeout=HEARD_S)
            except queue.Empty:
                return None
            if not line:
                return None  # the listener ended
            if line.startswith("FOCUS "):
                return json.loads(line[6:])


def bad_session(tmp_path: Path) -> Path:
    """A state secretary's hybrid example (the chosen variant is not the first), with a handle
    X does not allow (a field in error)."""
    text = (EXAMPLES / "hybrid-stas-party.adviesgesprek.yaml").read_text(encoding="utf-8")
    assert "handle: JaimivanEssen," in text
    path = tmp_path / "fout.adviesgesprek.yaml"
    path.write_text(text.replace("handle: JaimivanEssen,", f'handle: "{BAD_HANDLE}",'), "utf-8")
    return path


def test_a_screen_reader_hears_every_tab_stop(tmp_path):
    need_pyatspi()
    bus = session_bus()
    processes: list[subprocess.Popen] = []
    try:
        with x_server(LAPTOP) as display, window_manager(display):
            env = program_env(display, tmp_path)
            env.update(
                DBUS_SESSION_BUS_ADDRESS=bus["DBUS_SESSION_BUS_ADDRESS"],
                QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
                QT_ACCESSIBILITY="1",
                NO_AT_BRIDGE="0",
            )
            listener = subprocess.Popen(
                [SYSTEM_PYTHON, str(LISTENER), "adviesgesprek"],
                env={**env, "PYTHONPATH": ""},
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            processes.append(listener)
            heard = Lines(listener)
            heard.focus.wait_for("READY")
            program = subprocess.Popen(
                [sys.executable, str(DRIVER), "same-file", str(bad_session(tmp_path))],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
            processes.append(program)
            qt_focus = Focus(program)
            qt_focus.wait_for("OPENED ")
            walk_every_page(env, program, heard, qt_focus)
    finally:
        for process in processes:
            process.kill()
            process.wait(timeout=30)
        if bus.get("DBUS_SESSION_BUS_PID"):
            subprocess.run(["kill", bus["DBUS_SESSION_BUS_PID"]], check=False)


def xdotool(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        ["xdotool", *args], env=env, capture_output=True, text=True, timeout=60
    ).stdout


def walk_every_page(env, program, heard: Lines, qt_focus: Focus) -> None:
    found = xdotool(
        env,
        "search",
        "--sync",
        "--onlyvisible",
        "--pid",
        str(program.pid),
        "--name",
        "Adviesgesprek",
    )
    xdotool(env, "windowactivate", "--sync", found.split()[0])
    pages = []
    settle(heard, qt_focus)
    for _page in range(30):
        stops = tab_cycle(env, heard, qt_focus)
        pages.append(stops)
        if any(stop["widget"].startswith("documents.") for stop in stops):
            break
        for _stop in range(MAX_STOPS):  # Tab to Volgende, and press it
            if qt_focus.now == NEXT_BUTTON:
                break
            xdotool(env, "key", "Tab")
            heard_for(qt_focus.wait_for("FOCUS "), heard, qt_focus.seen)
        xdotool(env, "key", "space")
        settle(heard, qt_focus)  # the next page, its first field focused
    assert len(pages) >= 10, f"only {len(pages)} pages walked"
    every = [stop for stops in pages for stop in stops]
    radios = [stop for stop in every if stop["role"] == "radio button"]
    assert [stop["widget"] for stop in radios] == ["variant=hybrid"], radios
    assert "checked" in radios[0]["states"], "the chosen variant is not the Tab stop"
    in_error = [stop for stop in every if stop["widget"] == "platforms.x.handle"]
    assert in_error, "the handle in error is no Tab stop"
    description = in_error[0]["description"]
    assert "Fout" in description and BAD_HANDLE in description, in_error[0]
    previews = [stop for stop in every if stop["role"] == "document frame"]
    last = [(stop["widget"], stop["role"]) for stop in pages[-1]]
    assert previews and "HTML" in previews[0]["description"], f"no text alternative: {last}"
    sources = [stop for stop in every if stop["name"].startswith("Bron bij: ")]
    assert len(sources) > 10, "the Bron buttons are no Tab stops with a name"


def settle(heard: Lines, qt_focus: Focus) -> None:
    """After the window was activated or the page changed, the focus may move more than once:
    take in every move until none follows for SETTLE_S (each one heard), so that each Tab after
    this gives exactly one move."""
    while True:
        try:
            line = qt_focus.lines.get(timeout=SETTLE_S)
        except queue.Empty:
            return
        qt_focus.seen.append(line)
        if line.startswith("FOCUS "):
            qt_focus.now = line[6:]
            heard_for(qt_focus.now, heard, qt_focus.seen)


def heard_for(widget: str, heard: Lines, seen: list[str] = ()) -> dict:
    """The focus event of the widget the program says has the focus: its AT-SPI id ends in the
    widget's name (a list's current item is heard too, as an event of its own: skipped)."""
    skipped = []
    for _event in range(60):
        event = heard.next()
        skipped.append(event)
        assert event is not None, f"the focus on {widget!r} gave no focus event: {seen[-30:]}"
        if "error" in event or event["role"] == "list item":
            continue
        if event["id"] == widget or event["id"].endswith("." + widget):
            return event
    names = [item and item["name"] for item in skipped]
    raise AssertionError(f"the focus on {widget!r} was never heard: {names}; {seen[-15:]}")


def tab_cycle(env, heard: Lines, qt_focus: Focus) -> list[dict]:
    """Press Tab until the focus comes back to a stop it was at: the stops from there on are the
    page's cycle. Every stop must be heard. After each Tab the program says where its focus went,
    and the listener must have heard it."""
    stops: list[dict] = []
    keys: list[tuple[str, str]] = []
    for _stop in range(MAX_STOPS):
        xdotool(env, "key", "Tab")
        widget = qt_focus.wait_for("FOCUS ")
        event = heard_for(widget, heard, qt_focus.seen)
        event["heard"] = " ".join([*event.get("labels", []), event["name"]]).strip()
        key = (widget, event["heard"])  # (AT-SPI paths of a spin box differ each time)
        if key in keys:
            stops = stops[keys.index(key) :]
            break
        assert event["heard"], f"{widget!r} has no name: {event}"
        keys.append(key)
        stops.append({**event, "widget": widget})
    else:
        raise AssertionError(f"the Tab cycle never came round: {qt_focus.seen[-40:]}")
    names = [stop["heard"] for stop in stops]
    twice = sorted({name for name in names if names.count(name) > 1})
    where = [(stop["widget"], stop["role"]) for stop in stops if stop["heard"] in twice]
    assert not twice, f"names heard at more than one Tab stop: {twice} {where}"
    return stops
