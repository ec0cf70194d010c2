"""Where the program finds its data: inside the installed wheel or in the source tree.

The wheel carries `resources/` and `templates/` as `wizard/resources` and `wizard/templates`;
a source checkout (or an editable install) has them beside the package.
"""

from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DISTRIBUTION = "adviesgesprek"


def _bundle_dir() -> Path | None:
    """The folder of a frozen (PyInstaller) build, if this is one."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base else None


def data_dir(name: str) -> Path:
    """The folder `resources` or `templates`, wherever this copy of the program keeps it."""
    candidates = [PACKAGE_DIR / name, PACKAGE_DIR.parent / name]
    bundle = _bundle_dir()
    if bundle is not None:
        candidates.insert(0, bundle / "wizard" / name)
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"De map '{name}' van het programma ontbreekt (gezocht: {candidates}).")


def resources_dir() -> Path:
    return data_dir("resources")


def templates_dir() -> Path:
    return data_dir("templates")


def pyproject_keys(path: Path, table: str = "project") -> dict[str, str]:
    """The `key = "text"` lines of one table of our own pyproject.toml.

    Not `tomllib`: the wizard would keep its 0.5 MB of modules for two strings. The file is the
    program's own, so its plain form (one key per line, double quotes) is all there is to read;
    a test checks the result against tomllib."""
    keys: dict[str, str] = {}
    current = None
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("["):
            current = line.strip("[] ")
        elif current == table and "=" in line:
            key, _, value = (part.strip() for part in line.partition("="))
            if len(value) >= 2 and value[0] == value[-1] == '"':
                keys[key] = value[1:-1]
    return keys


def _dist_info_version(folder: Path) -> str | None:
    """The version in our own `*.dist-info/METADATA` in `folder` (where pip put the package):
    what importlib.metadata reads, without its 12 ms and 1 MB of modules (email, zipfile)."""
    for info in folder.glob(f"{DISTRIBUTION}-*.dist-info"):
        try:
            lines = (info / "METADATA").read_text(encoding="utf-8").splitlines()
        except OSError:
            continue
        headers = dict(line.split(": ", 1) for line in lines[:20] if ": " in line)
        if headers.get("Name", "").lower() == DISTRIBUTION and headers.get("Version"):
            return headers["Version"].strip()
    return None


@cache
def project_version() -> str:
    """The one version of the program: from pyproject.toml in a source tree, else from the
    installed metadata (or the VERSION file of a built program)."""
    pyproject = PACKAGE_DIR.parent / "pyproject.toml"
    if pyproject.is_file():
        keys = pyproject_keys(pyproject)
        if keys.get("name") == DISTRIBUTION and "version" in keys:
            return keys["version"]
    installed = _dist_info_version(PACKAGE_DIR.parent)
    if installed:
        return installed
    bundle = _bundle_dir()
    version_file = bundle / "wizard" / "VERSION" if bundle else None
    if version_file and version_file.is_file():
        return version_file.read_text(encoding="utf-8").strip()
    from importlib import metadata

    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "0+onbekend"


OVERLAY_ENV = "ADVIESGESPREK_REGELBOEK"


def overlay_locations() -> list[Path]:
    """Where IT provisions a department's overlay rulebook (packaging/README.md)."""
    if sys.platform == "win32":
        base = os.environ.get("PROGRAMDATA") or r"C:\ProgramData"
        return [Path(base) / "Adviesgesprek" / "regelboek"]
    if sys.platform == "darwin":
        return [Path("/Library/Application Support/Adviesgesprek/regelboek")]
    folders = os.environ.get("XDG_CONFIG_DIRS") or "/etc/xdg"
    return [
        Path(folder) / "adviesgesprek" / "regelboek"
        for folder in folders.split(os.pathsep)
        if folder
    ]


def default_overlay_path() -> Path | None:
    """The overlay used when no --rulebook is given: $ADVIESGESPREK_REGELBOEK (a folder or a
    file; empty: the built-in rulebook only), else the first provisioned folder with YAML in it."""
    if OVERLAY_ENV in os.environ:
        value = os.environ[OVERLAY_ENV].strip()
        return Path(value) if value else None
    for folder in overlay_locations():
        if folder.is_dir() and any(folder.glob("*.yaml")):
            return folder
    return None


CACHE_ENV = "ADVIESGESPREK_CACHE"


def cache_dir() -> Path:
    """The user's cache folder of the program (what may be thrown away at any time):
    $ADVIESGESPREK_CACHE, else %LOCALAPPDATA% on Windows, ~/Library/Caches on macOS,
    $XDG_CACHE_HOME or ~/.cache elsewhere."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "adviesgesprek"
