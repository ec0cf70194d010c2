"""Where the program finds its data: inside the installed wheel or in the source tree.

The wheel carries `resources/` and `templates/` as `wizard/resources` and `wizard/templates`;
a source checkout (or an editable install) has them beside the package.
"""

from __future__ import annotations

import os
import sys
import tomllib
from functools import cache
from importlib import metadata
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


def _source_version() -> str | None:
    """The version in pyproject.toml, when this copy runs from its source tree."""
    pyproject = PACKAGE_DIR.parent / "pyproject.toml"
    if not pyproject.is_file():
        return None
    with pyproject.open("rb") as handle:
        project = tomllib.load(handle).get("project", {})
    return project.get("version") if project.get("name") == DISTRIBUTION else None


@cache
def project_version() -> str:
    """The one version of the program: from pyproject.toml in a source tree, from the installed
    package's metadata, or from the VERSION file of a built program."""
    version = _source_version()
    if version:
        return version
    bundle = _bundle_dir()
    version_file = bundle / "wizard" / "VERSION" if bundle else None
    if version_file and version_file.is_file():
        return version_file.read_text(encoding="utf-8").strip()
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
