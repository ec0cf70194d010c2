"""The built program (`packaging/build`, PyInstaller one-folder) works on its own: run from a
temporary folder with a clean environment, it knows its version, checks, renders and starts the
wizard, without the source tree or the virtual environment.

The tests of the built program are skipped when there is no build, or when the build is older
than the source (its manifest records what it was built from). With
ADVIESGESPREK_REQUIRE_BUILD=1 (CI, after `packaging/build`) both are failures instead.
The other tests (overlay example, pruning rules, version info, desktop entry) always run.
"""

from __future__ import annotations

import configparser
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from ..conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.packaging  # builds or installs the program (docs/testing.md)


def _load_build_support():
    spec = importlib.util.spec_from_file_location(
        "build_support", ROOT / "packaging" / "build_support.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bs = _load_build_support()
BUILD = bs.DIST / bs.NAME
PROGRAM = BUILD / (bs.NAME + (".exe" if os.name == "nt" else ""))
OVERLAY = ROOT / "packaging" / "overlay-voorbeeld"
VERSION = bs.project_version()
SIZE_BUDGET = bs.SIZE_BUDGET  # bytes: Linux one-folder build, bundled fonts and Typst (issue 11)
REQUIRE_BUILD = os.environ.get("ADVIESGESPREK_REQUIRE_BUILD") == "1"
MINPRES = EXAMPLES / "corporate-minpres.adviesgesprek.yaml"
VWS = EXAMPLES / "corporate-personal-vws.adviesgesprek.yaml"


def _missing(reason: str) -> None:
    if REQUIRE_BUILD:
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def program() -> Path:
    if not PROGRAM.is_file():
        _missing(f"no build in {BUILD}: run packaging/build (after 'pip install pyinstaller')")
    manifest = json.loads(bs.MANIFEST.read_text()) if bs.MANIFEST.is_file() else {}
    if manifest.get("source_digest") != bs.source_digest():
        _missing(f"the build in {BUILD} is older than the source: run packaging/build")
    return PROGRAM


@pytest.fixture
def qt_app():
    """A QApplication (not a bare QGuiApplication, which the code under test would create): the
    wizard's tests may run later in the same process and need widgets."""
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """A bare environment: no PYTHONPATH, no virtual environment, a fresh home (settings,
    autosave), no display."""
    home.mkdir(parents=True, exist_ok=True)
    env = {
        "PATH": os.defpath,
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "XDG_RUNTIME_DIR": str(home),
        "QT_QPA_PLATFORM": "offscreen",
    }
    for name in ("SYSTEMROOT", "WINDIR"):  # Windows cannot start a process without them
        if name in os.environ:
            env[name] = os.environ[name]
    env.update(extra)
    return env


def run(
    program: Path, *args: str, cwd: Path, timeout: int = 120, **env: str
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(program), *args],
        cwd=cwd,
        env=clean_env(cwd / "home", **env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


# --- the built program ---------------------------------------------------------------------


def test_build_holds_its_data_and_keeps_to_the_size_budget(program):
    internal = BUILD / "_internal"
    assert (internal / "wizard" / "VERSION").read_text().strip() == VERSION
    for name in ("resources", "templates"):
        bundled = sorted(
            p.relative_to(internal / "wizard" / name).as_posix()
            for p in (internal / "wizard" / name).rglob("*")
            if p.is_file()
        )
        source = sorted(
            p.relative_to(ROOT / name).as_posix()
            for p in (ROOT / name).rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        )
        assert bundled == source, name
    translations = sorted(
        p.name
        for p in internal.rglob("*.qm")
        if p.parent.name == "translations" and "PySide6" in p.parts
    )
    assert "qtbase_nl.qm" in translations
    assert all(re.fullmatch(r"(qt|qtbase)_(nl|en)\.qm", name) for name in translations), (
        translations
    )
    if sys.platform.startswith("linux"):
        names = {p.name for p in internal.rglob("*")}
        assert not names & {
            "libQt6Network.so.6",
            "libQt6Qml.so.6",
            "libQt6Quick.so.6",
            "libQt6Pdf.so.6",
            "libqgtk3.so",
            "libcups.so.2",
        }
        assert {
            "libqxcb.so",
            "libqoffscreen.so",
            "libqwayland.so",
            "libcupsprintersupport.so",
            "libcomposeplatforminputcontextplugin.so",
        } <= names
        assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
        assert bs.folder_size(BUILD) <= SIZE_BUDGET


def test_built_program_knows_its_version(program, tmp_path):
    result = run(program, "--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"adviesgesprek {VERSION}"


def test_built_program_checks_with_the_example_overlay(program, tmp_path):
    result = run(
        program, "check", str(VWS), "--rulebook", str(OVERLAY), "--format", "json", cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = json.loads(result.stdout)
    assert report["files"][0]["errors"] == 0
    broken = tmp_path / "kapot.adviesgesprek.yaml"
    broken.write_text("format: adviesgesprek/1\nminister: [niet, goed\n", encoding="utf-8")
    result = run(program, "check", str(broken), cwd=tmp_path)
    assert result.returncode == 2
    assert "adviesgesprek:" in result.stderr and "Traceback" not in result.stderr


def test_built_program_renders_an_example(program, tmp_path):
    out = tmp_path / "uit"
    result = run(
        program, "render", str(MINPRES), "--out", str(out), "--format", "pdf,odt,html", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    for name in (
        "afspraken.pdf",
        "checklist.pdf",
        "afspraken.odt",
        "checklist.odt",
        "afspraken.html",
        "checklist.html",
        "platformconfiguratie.yaml",
    ):
        assert (out / name).stat().st_size > 500, name
    configuration = yaml.safe_load((out / "platformconfiguratie.yaml").read_text())
    assert configuration["format"] == "platformconfiguratie/1"
    from pypdf import PdfReader

    from wizard.core.rulebook import builtin_rulebook

    footer = " ".join(PdfReader(str(out / "afspraken.pdf")).pages[0].extract_text().split())
    assert f"Adviesgesprek {VERSION}" in footer
    assert f"Regelboek {builtin_rulebook().version}" in footer


def test_built_program_makes_the_same_pdfs_as_the_source_without_qt(program, tmp_path):
    """The built program typesets with its own copy of Typst and the fonts: its PDFs are the
    same bytes as the source's, also without any Qt platform plugin, and pass the audit."""
    from tests.documents.pdf_audit import audit
    from wizard.core.engine import advise
    from wizard.core.rulebook import builtin_rulebook
    from wizard.core.session import load_session
    from wizard.documents.export import write_outputs
    from wizard.documents.style import house_style

    result = run(
        program,
        "render",
        str(MINPRES),
        "--out",
        str(tmp_path / "gebouwd"),
        cwd=tmp_path,
        QT_QPA_PLATFORM="nonexistent",
    )
    assert result.returncode == 0, result.stderr
    rulebook = builtin_rulebook()
    advice = advise(load_session(MINPRES), rulebook)
    write_outputs(advice, house_style(rulebook), tmp_path / "bron", ["pdf"])
    for kind in ("afspraken", "checklist"):
        built = tmp_path / "gebouwd" / f"{kind}.pdf"
        assert built.read_bytes() == (tmp_path / "bron" / f"{kind}.pdf").read_bytes(), kind
        assert audit(built) == []


def test_built_program_renders_with_the_department_overlay(program, tmp_path):
    out = tmp_path / "uit"
    result = run(
        program, "render", str(VWS), "--out", str(out), "--rulebook", str(OVERLAY), cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    configuration = yaml.safe_load((out / "platformconfiguratie.yaml").read_text())
    x = configuration["platforms"]["x"]
    assert x["webcare"]["hours"] == "werkdagen 8.00-18.00 uur"
    assert "@MinVWS" in x["bio"]


@pytest.mark.parametrize("session", [None, VWS], ids=["new", "with-session"])
def test_built_program_starts_the_wizard_and_quits(program, tmp_path, session):
    """The smoke test of wizard.app: the window, every page once, then a clean exit."""
    args = [str(session)] if session else []
    result = run(program, *args, cwd=tmp_path, ADVIESGESPREK_SMOKE_TEST="1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"smoke test ok, \d+ pagina's", result.stdout), result.stdout
    # Qt's Dutch strings (qtbase_nl.qm) and the SVG image plugin are found inside the build.
    assert "1 vertaling(en), svg ja" in result.stdout, result.stdout
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux install script")
def test_linux_install_script_installs_a_working_copy(program, tmp_path):
    root = tmp_path / "root"
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "linux" / "install.sh")],
        env=dict(os.environ, DESTDIR=str(root)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert VERSION in result.stdout
    installed = root / "opt" / "adviesgesprek" / "adviesgesprek"
    assert (
        os.readlink(root / "usr" / "local" / "bin" / "adviesgesprek")
        == "/opt/adviesgesprek/adviesgesprek"
    )
    assert (root / "usr/local/share/applications/adviesgesprek.desktop").is_file()
    assert (root / "usr/local/share/mime/packages/adviesgesprek.xml").is_file()
    if (ROOT / "resources" / "icons" / "adviesgesprek.svg").is_file():
        assert (root / "usr/local/share/icons/hicolor/scalable/apps/adviesgesprek.svg").is_file()
    result = run(installed, "check", str(MINPRES), cwd=tmp_path)
    assert result.returncode == 0, result.stderr


# --- always: the overlay example, the packaging rules and files -----------------------------


@pytest.mark.parametrize("example", [MINPRES, VWS], ids=lambda path: path.name.split(".")[0])
def test_overlay_example_validates(example, capsys):
    from wizard.cli import main

    assert main(["check", str(example), "--rulebook", str(OVERLAY)]) == 0
    assert " 0 fouten" in capsys.readouterr().out


def test_overlay_example_changes_hours_contacts_and_accounts():
    from wizard.core.engine import advise
    from wizard.core.rulebook import load_rulebook
    from wizard.core.session import load_session

    rulebook = load_rulebook(OVERLAY)
    advice = advise(load_session(VWS), rulebook)
    x = advice.configuration["platforms"]["x"]
    assert x["webcare"]["hours"] == "werkdagen 8.00-18.00 uur"
    assert "werkdagen 8-18 uur" in x["bio"] and "@MinVWS" in x["bio"]
    assert "webcare@minvws.nl" in rulebook.data["owners"]["webcare"]
    assert rulebook.data["webcare"]["source"], "the overlay keeps the rule's source"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG locations: Linux")
def test_provisioned_overlay_is_used_without_rulebook_option(tmp_path, monkeypatch, qt_app):
    from wizard.cli import main

    provisioned = tmp_path / "xdg" / "adviesgesprek" / "regelboek"
    shutil.copytree(OVERLAY, provisioned)
    monkeypatch.delenv("ADVIESGESPREK_REGELBOEK", raising=False)
    monkeypatch.setenv("XDG_CONFIG_DIRS", f"{tmp_path / 'elders'}:{tmp_path / 'xdg'}")

    def hours(out: Path, *options: str) -> str:
        assert main(["render", str(VWS), "--out", str(out), "--format", "html", *options]) == 0
        configuration = yaml.safe_load((out / "platformconfiguratie.yaml").read_text())
        return configuration["platforms"]["x"]["webcare"]["hours"]

    assert hours(tmp_path / "provisioned") == "werkdagen 8.00-18.00 uur"
    own = tmp_path / "eigen.yaml"
    own.write_text('webcare: {hours: "dag en nacht", hours_short: "24/7"}\n', encoding="utf-8")
    assert hours(tmp_path / "option", "--rulebook", str(own)) == "dag en nacht"
    monkeypatch.setenv("ADVIESGESPREK_REGELBOEK", str(own))
    assert hours(tmp_path / "environment") == "dag en nacht"
    monkeypatch.setenv("ADVIESGESPREK_REGELBOEK", "")
    assert hours(tmp_path / "builtin") == "werkdagen 9.00-17.00 uur"


@pytest.mark.parametrize(
    ("dest", "platform", "kept"),
    [
        ("PySide6/Qt/translations/qtbase_nl.qm", "linux", True),
        ("PySide6/Qt/translations/qt_en.qm", "linux", True),
        ("PySide6/Qt/translations/qtbase_de.qm", "linux", False),
        ("PySide6\\translations\\qtbase_fr.qm", "win32", False),
        ("PySide6\\translations\\qtbase_nl.qm", "win32", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "linux", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", "linux", False),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "linux", False),
        ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", "linux", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", "linux", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", "linux", False),
        ("PySide6/Qt/lib/libQt6Network.so.6", "linux", False),
        ("libQt6Network.so.6", "linux", False),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", "linux", True),
        ("libcups.so.2", "linux", False),
        ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", "linux", True),
        ("PySide6/plugins/platforms/qwindows.dll", "win32", True),
        ("wizard/resources/rulebook/00-meta.yaml", "linux", True),
    ],
)
def test_build_keeps_what_the_program_needs(dest, platform, kept):
    assert bs.keep_entry(dest, platform) is kept


def test_every_wizard_module_goes_into_the_build():
    modules = bs.wizard_modules()
    assert {"wizard", "wizard.cli", "wizard.core.engine", "wizard.paths"} <= set(modules)
    assert "wizard.__main__" not in modules
    assert len(modules) == len(
        [p for p in (ROOT / "wizard").rglob("*.py") if p.name != "__main__.py"]
    )


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("2.0.1rc1", (2, 0, 1, 0)),
        ("1.4.2+local.7", (1, 4, 2, 0)),
    ],
)
def test_numeric_version_for_windows(version, numbers):
    assert bs.numeric_version(version) == numbers


class _Recorded:
    """Stands in for PyInstaller's version-info classes (which need pefile, Windows only)."""

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs


def _read_version_info(path: Path) -> tuple[dict, dict[str, str]]:
    names = [
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
        "VarStruct",
    ]
    namespace = {name: type(name, (_Recorded,), {}) for name in names}
    info = eval(path.read_text(encoding="utf-8"), namespace)
    table = info.kwargs["kids"][0].args[0][0]
    strings = {struct.args[0]: struct.args[1] for struct in table.args[1]}
    return info.kwargs["ffi"].kwargs, strings


def test_windows_version_info_names_the_program_and_its_version(tmp_path):
    generated = bs.write_generated_files(tmp_path)
    fixed, strings = _read_version_info(generated["version_info"])
    assert strings["ProductName"] == "Adviesgesprek"
    assert strings["ProductVersion"] == strings["FileVersion"] == VERSION
    assert strings["OriginalFilename"] == "adviesgesprek.exe"
    assert fixed["filevers"] == fixed["prodvers"] == bs.numeric_version(VERSION)
    assert (tmp_path / "generated" / "wizard" / "VERSION").read_text().strip() == VERSION


@pytest.mark.skipif(sys.platform != "win32", reason="PyInstaller reads version info on Windows")
def test_pyinstaller_reads_the_windows_version_info(tmp_path):
    versioninfo = pytest.importorskip("PyInstaller.utils.win32.versioninfo")
    generated = bs.write_generated_files(tmp_path)
    info = versioninfo.load_version_info_from_text_file(str(generated["version_info"]))
    strings = {struct.name: struct.val for struct in info.kids[0].kids[0].kids}
    assert strings["ProductVersion"] == VERSION
    numbers = bs.numeric_version(VERSION)
    assert info.ffi.fileVersionMS == (numbers[0] << 16) | numbers[1]
    assert len(info.toRaw()) > 100


@pytest.mark.parametrize("suffix", [".ico", ".icns"])
def test_icon_for_windows_and_macos_is_made_with_qt(tmp_path, suffix, qt_app):
    from PySide6.QtGui import QImageReader

    source = tmp_path / "adviesgesprek.svg"
    source.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">'
        '<rect width="64" height="64" rx="12" fill="#154273"/></svg>'
    )
    target = bs.make_platform_icon(source, tmp_path / f"icon{suffix}")
    reader = QImageReader(str(target))
    image = reader.read()
    assert not image.isNull(), reader.errorString()
    assert image.width() == 256
    assert image.pixelColor(128, 128).name() == "#154273"
    assert image.pixelColor(0, 0).alpha() == 0


def test_icon_source_prefers_the_named_svg(tmp_path):
    icons = tmp_path / "resources" / "icons"
    assert bs.icon_source(tmp_path) is None
    icons.mkdir(parents=True)
    (icons / "small.png").write_bytes(b"x")
    (icons / "big.png").write_bytes(b"xxxx")
    assert bs.icon_source(tmp_path).name == "big.png"
    (icons / "adviesgesprek.svg").write_text("<svg/>")
    (icons / "aaa.svg").write_text("<svg/>")
    assert bs.icon_source(tmp_path).name == "adviesgesprek.svg"


def test_linux_desktop_entry_and_file_type():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "packaging" / "linux" / "adviesgesprek.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Type"] == "Application" and desktop["Name"] == "Adviesgesprek"
    assert desktop["Exec"].split()[0] == bs.NAME and desktop["Icon"] == bs.NAME
    mime = (ROOT / "packaging" / "linux" / "adviesgesprek-mime.xml").read_text()
    assert f'type="{desktop["MimeType"].rstrip(";")}"' in mime
    assert 'pattern="*.adviesgesprek.yaml"' in mime
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(
            ["desktop-file-validate", str(ROOT / "packaging" / "linux" / "adviesgesprek.desktop")],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_windows_installer_installs_what_the_spec_builds():
    script = (ROOT / "packaging" / "windows" / "adviesgesprek.iss").read_text(encoding="utf-8")
    spec = (ROOT / "packaging" / "adviesgesprek.spec").read_text(encoding="utf-8")
    assert '#define GuiExe "adviesgesprekw.exe"' in script
    assert '#define CliExe "adviesgesprek.exe"' in script
    assert 'executable(bs.NAME + "w", console=False)' in spec
    assert re.search(r"^AppId=\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}$", script, re.M)
    assert "{commonappdata}\\Adviesgesprek\\regelboek" in script
