"""The screenshots in this folder: every page of the wizard at 100 % and at 200 %, with the
example conversation examples/corporate-minpres.adviesgesprek.yaml opened, on a laptop screen
(1366x768) under a window manager.

    python docs/screenshots/make.py [--display :70]

Needs Xvfb, openbox and ImageMagick's `convert` (Debian: xvfb, openbox, imagemagick). It starts
an X server on the display (default :70) with openbox, runs tests/ui/wizard_driver.py
screenshots once with QT_SCALE_FACTOR=1 and once with 2, and writes each page, scaled to half
its size in 256 colours, as NNN-page.png (100-keuze.png, 200-keuze.png, ...). The settings of
the program that made them live in a temporary folder: your own are not touched.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
DRIVER = ROOT / "tests" / "ui" / "wizard_driver.py"
SCREEN = "1366x768x24"
NAMES = {
    0: "start",
    1: "bewindspersoon",
    2: "huidige-situatie",
    3: "advies",
    4: "keuze",
    10: "x",
    11: "instagram",
    12: "linkedin",
    13: "facebook",
    100: "webcare",
    101: "account-voorganger",
    102: "aandachtspunten",
    103: "overzicht",
    104: "documenten",
}


def wait_for_window_manager(env: dict[str, str], manager: subprocess.Popen) -> None:
    """Until openbox manages windows (xdotool asks it for the desktop)."""
    while subprocess.run(["xdotool", "get_desktop"], env=env, capture_output=True).returncode:
        if manager.poll() is not None:
            raise SystemExit("openbox ended")
        time.sleep(0.1)  # (polling the window manager)


def shoot(env: dict[str, str], scale: str, out: Path) -> None:
    """Every page at this scale into `out`, named by page."""
    with tempfile.TemporaryDirectory(prefix="adviesgesprek-shots-") as folder:
        temp = Path(folder)
        run_env = dict(
            env,
            QT_SCALE_FACTOR=scale,
            QT_QPA_PLATFORM="xcb",
            XDG_CONFIG_HOME=str(temp / "config"),
            XDG_DATA_HOME=str(temp / "data"),
        )
        subprocess.run(
            [sys.executable, str(DRIVER), "screenshots", str(temp / "shots")],
            cwd=ROOT,
            env=run_env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        for page, name in NAMES.items():
            source = temp / "shots" / f"page-{page:03d}.png"
            target = out / f"{int(float(scale) * 100)}-{name}.png"
            subprocess.run(
                ["convert", str(source), "-resize", "50%", "+dither", "-colors", "256"]
                + ["-strip", f"PNG8:{target}"],
                check=True,
            )
            print(target.relative_to(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--display", default=":70")
    args = parser.parse_args()
    env = {key: value for key, value in os.environ.items() if key != "WAYLAND_DISPLAY"}
    env["DISPLAY"] = args.display
    server = subprocess.Popen(["Xvfb", args.display, "-screen", "0", SCREEN, "-nolisten", "tcp"])
    manager = None
    try:
        time.sleep(1)  # (the X server starting)
        manager = subprocess.Popen(["openbox", "--sm-disable"], env=env)
        wait_for_window_manager(env, manager)
        for scale in ("1", "2"):
            shoot(env, scale, HERE)
    finally:
        if manager is not None:
            manager.terminate()
            manager.wait(timeout=30)
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
