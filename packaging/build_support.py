"""Helpers for the PyInstaller spec, `packaging/build` and the test of the built program.

Kept apart from the spec so that the test can check the same rules the build uses. Imports only
the standard library: the spec runs it inside PyInstaller, the test inside pytest.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tomllib
from functools import cache
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
ROOT = PACKAGING.parent
NAME = "adviesgesprek"
DISPLAY_NAME = "Adviesgesprek"
PUBLISHER = "Rijksoverheid, directie Communicatie"
DESCRIPTION = "Adviesgesprek: sociale media voor een nieuwe bewindspersoon"
BUNDLE_IDENTIFIER = "nl.rijksoverheid.adviesgesprek"
DIST = PACKAGING / "dist"
WORK = PACKAGING / "work"
MANIFEST = DIST / f"{NAME}.manifest.json"
SIZE_BUDGET = 210_000_000  # bytes of the Linux one-folder build, with Typst and the fonts

# Qt's own translations that go into the build: Dutch (the program's language) and English
# (`--lang en`). `qt_xx.qm` is the catalogue that loads `qtbase_xx.qm`.
QT_TRANSLATION = re.compile(r"(^|/)translations/(qt|qtbase)_(nl|en)\.qm$")
ANY_QT_TRANSLATION = re.compile(r"(^|/)PySide6/(Qt/)?translations/[^/]+\.qm$")

# Qt modules the program does not use. Excluding them also keeps their libraries, plugins and
# translations out of the build.
UNUSED_QT_MODULES = [
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDataVisualization",
    "QtDesigner",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHelp",
    "QtHttpServer",
    "QtLabsStyleKit",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetwork",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickTest",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
]
# Python modules the program does not use but optional imports would pull in: remote-resource
# support (requests, urllib3, certifi, cryptography, idna), jsonschema (only the tests use it),
# ssl (the program makes no network connection; without _hashlib, hashlib uses its built-in
# hashes), and multiprocessing (with it, PyInstaller runs a start-up hook that costs about 0.1 s
# on every start).
EXCLUDED_MODULES = [
    *(f"PySide6.{module}" for module in UNUSED_QT_MODULES),
    "tkinter",
    "ssl",
    "_ssl",
    "_hashlib",
    "requests",
    "urllib3",
    "certifi",
    "charset_normalizer",
    "cryptography",
    "idna",
    "PyInstaller",
    "pytest",
    "pytestqt",
    "hypothesis",
    "pypdf",
    "setuptools",
    "pip",
    "multiprocessing",
    "jsonschema",
    "jsonschema_specifications",
    "referencing",
    "rpds",
    "attr",
    "attrs",
]

# Linux only (checked here, where the build is tested): Qt plugins and libraries that remain
# after the module excludes but serve no purpose in a desktop program: embedded-device
# platforms, input over evdev/TUIO, Wayland compositor and OpenGL buffer plugins, image formats
# the program never reads, and the GTK theme (it would bring a private copy of GTK's libraries
# that clashes with the desktop's own). Kept: xcb, wayland (xdg-shell), offscreen, minimal,
# input methods (compose/ibus: typing é and ë), the portal theme (file dialogs), printing,
# SVG/ICO/JPEG/GIF/ICNS images. `prune` also drops the libraries only these files needed.
LINUX_UNUSED = [
    re.compile(pattern)
    for pattern in (
        r"/plugins/platforms/libq(eglfs|linuxfb|minimalegl|vkkhrdisplay|vnc)\.so$",
        r"/plugins/(egldeviceintegrations|generic|networkinformation|tls|sqldrivers|qmltooling|"
        r"designer|wayland-graphics-integration-client|wayland-graphics-integration-server)/",
        r"/plugins/wayland-shell-integration/lib(fullscreen-shell-v1|ivi-shell|qt-shell|"
        r"wl-shell-plugin)\.so$",
        r"/plugins/imageformats/libq(tga|tiff|wbmp|webp|pdf)\.so$",
        r"/plugins/platforminputcontexts/libqtvirtualkeyboardplugin\.so$",
        r"/plugins/platformthemes/libqgtk3\.so$",
        r"/libQt6(Network|OpenGL|EglFSDeviceIntegration|EglFsKmsSupport|WlShellIntegration|"
        r"Qml\w*|Quick\w*|Pdf\w*|VirtualKeyboard\w*)\.so[.0-9]*$",
        # The CUPS client comes from the system: it has to match the system's CUPS anyway, and every
        # desktop that prints has it. Without it the program runs; it just lists no printers.
        r"^/libcups\.so\.\d+$",
    )
]


def project_version(root: Path = ROOT) -> str:
    """The version in pyproject.toml: the one version of the program."""
    with (root / "pyproject.toml").open("rb") as handle:
        return tomllib.load(handle)["project"]["version"]


def numeric_version(version: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows' fixed version block: '0.1.0' -> (0, 1, 0, 0), '1.2rc1' ->
    (1, 2, 0, 0)."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:3]]
    numbers += [0] * (4 - len(numbers))
    return tuple(numbers[:4])  # type: ignore[return-value]


def windows_version_info(version: str) -> str:
    """The text of a PyInstaller version file (see `pyi-grab_version`): name and version in the
    executable's Properties > Details. Language: Dutch (0x0413), code page Unicode (1200)."""
    numbers = numeric_version(version)
    strings = {
        "CompanyName": PUBLISHER,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": NAME,
        "LegalCopyright": "EUPL-1.2",
        "OriginalFilename": f"{NAME}.exe",
        "ProductName": DISPLAY_NAME,
        "ProductVersion": version,
    }
    entries = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""# UTF-8
# Generated by packaging/build_support.py from pyproject.toml; do not edit.
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '041304B0',
        [
{entries}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0413, 1200])])
  ]
)
"""


def write_generated_files(work: Path = WORK, root: Path = ROOT) -> dict[str, Path]:
    """Files the build generates from pyproject.toml: wizard/VERSION (read by wizard.paths in a
    frozen build) and the Windows version file."""
    work.mkdir(parents=True, exist_ok=True)
    version = project_version(root)
    version_dir = work / "generated" / "wizard"
    version_dir.mkdir(parents=True, exist_ok=True)
    (version_dir / "VERSION").write_text(version + "\n", encoding="utf-8")
    version_info = work / "generated" / "version_info.txt"
    version_info.write_text(windows_version_info(version), encoding="utf-8")
    return {"VERSION": version_dir / "VERSION", "version_info": version_info}


def wizard_modules(root: Path = ROOT) -> list[str]:
    """Every module of the package in this source tree: pages, exporters and the like are
    imported where they are used, so the build takes them all (from the source tree, never from
    an installed copy)."""
    names = []
    for path in sorted((root / "wizard").rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if parts[-1] == "__main__":
            continue
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def posix(dest: str) -> str:
    return "/" + dest.replace("\\", "/").lstrip("/")


def keep_entry(dest: str, platform: str = sys.platform) -> bool:
    """Whether a file of the Analysis (by its place in the build) goes into the build."""
    path = posix(dest)
    if ANY_QT_TRANSLATION.search(path) and not QT_TRANSLATION.search(path):
        return False
    if platform.startswith("linux"):
        return not any(pattern.search(path) for pattern in LINUX_UNUSED)
    return True


def prune(toc: list[tuple[str, str, str]], platform: str = sys.platform) -> list:
    """The TOC (dest, source, kind) without the files `keep_entry` leaves out and, on Linux,
    without the libraries that only those files needed (the GTK theme's cairo and pango, the
    CUPS client's gnutls, kerberos and avahi)."""
    kept = [entry for entry in toc if keep_entry(entry[0], platform)]
    if len(kept) == len(toc) or not platform.startswith("linux"):
        return kept
    dropped = [entry for entry in toc if not keep_entry(entry[0], platform)]
    # What the program itself loads: extensions, Qt's libraries and plugins, libpython. Loose
    # libraries at the top of the build are there because one of those links to them.
    roots = [
        entry
        for entry in kept
        if "/" in posix(entry[0]).strip("/")
        or entry[2] == "EXTENSION"
        or entry[0].startswith("libpython")
    ]
    dropped_names = {Path(dest).name for dest, _, _ in dropped}
    brought = _reachable(dropped, toc, set())
    needed = _reachable(roots, toc, dropped_names)
    return [entry for entry in kept if entry[0] not in brought - needed]


@cache
def _linked_libraries(source: str) -> frozenset[str]:
    """The libraries an ELF file links to directly (objdump, which PyInstaller needs on Linux
    anyway); nothing for a file that is not ELF."""
    try:
        output = subprocess.run(
            ["objdump", "-p", source], capture_output=True, text=True, check=False
        ).stdout
    except OSError:
        return frozenset()
    return frozenset(
        line.split()[1] for line in output.splitlines() if line.strip().startswith("NEEDED")
    )


def _reachable(
    start: list[tuple[str, str, str]], toc: list[tuple[str, str, str]], barrier: set[str]
) -> set[str]:
    """Destinations of the binaries in `toc` that `start` links to, directly or indirectly, not
    going through libraries named in `barrier`."""
    by_name = {
        Path(dest).name: (dest, source, kind) for dest, source, kind in toc if kind != "SYMLINK"
    }
    seen: set[str] = set()
    todo = [entry for entry in start if entry[2] != "SYMLINK"]
    while todo:
        dest, source, _ = todo.pop()
        if dest in seen:
            continue
        seen.add(dest)
        todo += [
            by_name[name]
            for name in _linked_libraries(source)
            if name in by_name and name not in barrier
        ]
    return seen


def icon_source(root: Path = ROOT) -> Path | None:
    """The program's icon from resources/icons: an .svg or the largest .png."""
    folder = root / "resources" / "icons"
    if not folder.is_dir():
        return None
    svgs = sorted(folder.glob("*.svg"))
    named = [path for path in svgs if path.stem.lower() == NAME]
    if named or svgs:
        return (named or svgs)[0]
    pngs = sorted(folder.glob("*.png"), key=lambda path: path.stat().st_size, reverse=True)
    return pngs[0] if pngs else None


def make_platform_icon(source: Path, target: Path, size: int = 256) -> Path:
    """Convert the icon to .ico (Windows) or .icns (macOS) with Qt's own image plugins, so the
    build needs no Pillow."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QImageWriter, QPainter

    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux"):  # a build machine without a display
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication([NAME])
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    QIcon(str(source)).paint(painter, 0, 0, size, size)
    painter.end()
    target.parent.mkdir(parents=True, exist_ok=True)
    writer = QImageWriter(str(target), target.suffix.lstrip(".").encode())
    if not writer.write(image):
        raise RuntimeError(f"cannot write {target}: {writer.errorString()}")
    return target


def source_files(root: Path = ROOT) -> list[Path]:
    """Everything a build is made from: code, data, the project file and the packaging rules."""
    patterns = [
        "wizard/**/*.py",
        "resources/**/*",
        "templates/**/*",
        "pyproject.toml",
        "packaging/adviesgesprek.spec",
        "packaging/build_support.py",
        "packaging/launcher.py",
    ]
    files = {
        path
        for pattern in patterns
        for path in root.glob(pattern)
        if path.is_file() and "__pycache__" not in path.parts
    }
    return sorted(files)


def source_digest(root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    for path in source_files(root):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def write_manifest(digest: str, root: Path = ROOT, manifest: Path = MANIFEST) -> dict:
    """Record what the build was made from (`source_digest` taken before the build started), so
    that the test can tell a stale build."""
    data = {"version": project_version(root), "source_digest": digest, "platform": sys.platform}
    manifest.parent.mkdir(parents=True, exist_ok=True)
    manifest.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return data


def folder_size(folder: Path) -> int:
    return sum(
        path.stat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def archive_size(folder: Path) -> int:
    """The size of the folder as a .tar.gz (gzip level 9), as it is distributed; the archive
    itself is not kept (packaging/build --tar makes the one to distribute)."""
    import tarfile

    class _Counter:
        def __init__(self) -> None:
            self.size = 0

        def write(self, data: bytes) -> int:
            self.size += len(data)
            return len(data)

        def flush(self) -> None:
            pass

    counter = _Counter()
    with tarfile.open(fileobj=counter, mode="w:gz", compresslevel=9) as archive:
        archive.add(folder, arcname=folder.name)
    return counter.size


def without_qt_runtime_hook(scripts: list) -> list:
    """The scripts PyInstaller runs at start-up, without its PySide6 run-time hook.

    That hook imports PySide6.QtCore before the program starts, in every run: `check` and
    `--version` took 0.1 s longer than from source. What it does is not needed here: it points
    QT_PLUGIN_PATH and QML2_IMPORT_PATH into the bundle and registers a qt.conf, while Qt 6 finds
    its plugins and translations relative to its own library in the bundle's PySide6/Qt folder
    (tests/packaging/test_built_program.py checks the wizard's Dutch Qt strings and plugins).
    """
    return [entry for entry in scripts if entry[0] != "pyi_rth_pyside6"]
