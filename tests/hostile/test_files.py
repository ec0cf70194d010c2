"""Files that are not what their name says, paths that cannot be written, and a full disk: a
clear Dutch message (exit code 2 on the command line, a message in the wizard) and the user's
previous files intact, never a traceback, a hang or a half-written file."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QSettings, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import find, set_value
from wizard.app import create_main_window, start_window
from wizard.cli import main
from wizard.constants import SESSION_SUFFIX as SUFFIX
from wizard.core.session import load_session, new_session, save_session
from wizard.ui import base
from wizard.ui.autosave import autosave_folder

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "corporate-minpres.adviesgesprek.yaml"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def _pdf(folder: Path) -> bytes:
    out = folder / "pdf-bron"
    assert main(["render", str(EXAMPLE), "--out", str(out)]) == 0
    return (out / "afspraken.pdf").read_bytes()


def make_wrong_files(folder: Path) -> dict[str, tuple[Path, str]]:
    """name -> (a path ending in .adviesgesprek.yaml that is no session, words of the message)."""
    folder.mkdir(parents=True, exist_ok=True)
    cases: dict[str, tuple[Path, str]] = {}

    def case(name: str, words: str) -> Path:
        path = folder / f"{name}{SUFFIX}"
        cases[name] = (path, words)
        return path

    case("pdf", "geen tekstbestand").write_bytes(_pdf(folder))
    png = ROOT / "resources" / "icons" / "adviesgesprek.png"
    case("png", "geen tekstbestand").write_bytes(png.read_bytes())
    case("leeg", "het bestand is leeg").write_bytes(b"")
    case("alleen-spaties", "het bestand is leeg").write_text("  \n\n# niets\n", encoding="utf-8")
    case("map", "dit is een map").mkdir()
    loop = case("kringverwijzing", "symbolische koppelingen")
    os.symlink(folder / "ander", loop)
    os.symlink(loop, folder / "ander")
    if hasattr(os, "mkfifo"):
        os.mkfifo(case("pipe", "geen gewoon bestand"))
    case("latin1", "geen tekstbestand in UTF-8").write_bytes(
        "format: adviesgesprek/1\nminister: {name: Ünal Öztürk}\n".encode("latin-1")
    )
    case("configuratie", "onbekend bestandsformaat").write_text(
        "format: platformconfiguratie/1\nplatforms: {}\n", encoding="utf-8"
    )
    case("lijst", "geen adviesgesprek-bestand").write_text("- a\n- b\n", encoding="utf-8")
    case("nieuwer", "nieuwere formaat").write_text("format: adviesgesprek/7\n", encoding="utf-8")
    case("kapot", "geen geldige YAML").write_text(
        "format: adviesgesprek/1\nminister: [a, b\n", encoding="utf-8"
    )
    case("bestaat-niet", "bestaat niet")
    case("te-groot", "te groot").write_text(
        "format: adviesgesprek/1\n# " + "x" * 2_200_000, encoding="utf-8"
    )
    if not IS_ROOT:
        locked = case("geen-toegang", "geen toestemming")
        shutil.copy(EXAMPLE, locked)
        locked.chmod(0)
    return cases


@pytest.fixture(scope="module")
def wrong_files(tmp_path_factory):
    return make_wrong_files(tmp_path_factory.mktemp("verkeerd"))


# --- the command line -------------------------------------------------------------------------


def test_check_refuses_every_wrong_file_with_a_message_and_exit_2(wrong_files, capsys):
    for name, (path, words) in wrong_files.items():
        if name == "pipe":
            continue  # a separate process, with a time limit: see the next test
        assert main(["check", str(path)]) == 2, name
        error = capsys.readouterr().err
        assert error.startswith("adviesgesprek: ") and path.name in error, (name, error)
        assert words in error, (name, error)
        assert "Traceback" not in error


def test_a_pipe_does_not_hang_any_command(cli, wrong_files, tmp_path):
    if "pipe" not in wrong_files:
        pytest.skip("no named pipes on this system")
    path, words = wrong_files["pipe"]
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    os.mkfifo(overlay / "regels.yaml")
    for args in (
        ["check", str(path)],
        ["render", str(path), "--out", str(tmp_path / "uit")],
        ["check", str(EXAMPLE), "--rulebook", str(path)],
        ["check", str(EXAMPLE), "--rulebook", str(overlay)],
    ):
        result = cli(*args, env={"QT_QPA_PLATFORM": "offscreen"})
        assert result.returncode == 2, (args, result.stderr)
        assert words in result.stderr and "Traceback" not in result.stderr, result.stderr


def test_render_refuses_every_wrong_file_and_writes_nothing(wrong_files, tmp_path, capsys):
    for name, (path, words) in wrong_files.items():
        if name == "pipe":
            continue
        out = tmp_path / name
        assert main(["render", str(path), "--out", str(out), "--format", "pdf,odt,html"]) == 2
        assert words in capsys.readouterr().err, name
        assert not out.exists() or list(out.iterdir()) == [], name


def test_a_wrong_overlay_rulebook_is_refused_with_a_message(wrong_files, capsys):
    for name in (
        "pdf",
        "png",
        "kringverwijzing",
        "latin1",
        "lijst",
        "kapot",
        "bestaat-niet",
        "te-groot",
    ):  # (a folder is an overlay folder; an empty one changes nothing)
        path, words = wrong_files[name]
        assert main(["check", str(EXAMPLE), "--rulebook", str(path)]) == 2, name
        error = capsys.readouterr().err
        assert "Traceback" not in error and error.startswith("adviesgesprek: "), name
        assert words in error or "regelboek" in error, (name, error)


def test_batch_reports_every_wrong_file_and_goes_on(wrong_files, tmp_path, capsys):
    folder = tmp_path / "kabinet"
    folder.mkdir()
    for path, _words in wrong_files.values():
        if path.is_file() and not path.is_symlink():
            shutil.copy(path, folder / path.name)
    shutil.copy(EXAMPLE, folder / "goed.adviesgesprek.yaml")
    (folder / "pipe.adviesgesprek.yaml").unlink(missing_ok=True)
    os.mkfifo(folder / "pipe.adviesgesprek.yaml")
    os.symlink(folder / "lus2.yaml", folder / "lus1.yaml")
    os.symlink(folder / "lus1.yaml", folder / "lus2.yaml")
    assert main(["batch", str(folder), "--out", str(tmp_path / "uit"), "--format", "html"]) == 1
    output = capsys.readouterr().out
    assert "goed.adviesgesprek.yaml: 0 fouten" in output
    assert (tmp_path / "uit" / "goed" / "afspraken.html").is_file()
    assert (tmp_path / "uit" / "rvd-aanlevering.csv").is_file()
    for name in ("pdf", "png", "leeg", "latin1", "configuratie", "nieuwer", "kapot"):
        line = next(line for line in output.splitlines() if line.startswith(f"{name}{SUFFIX}"))
        assert wrong_files[name][1] in line, line


@pytest.mark.parametrize("where", ["a file", "under a file", "too long a name", "in /proc"])
def test_render_into_a_folder_that_cannot_be_written_exits_2(tmp_path, capsys, where):
    blocker = tmp_path / "bestand.txt"
    blocker.write_text("van de adviseur", encoding="utf-8")
    out = {
        "a file": blocker,
        "under a file": blocker / "map",
        "too long a name": tmp_path / ("x" * 300),
        "in /proc": Path("/proc/adviesgesprek-uit"),
    }[where]
    assert main(["render", str(EXAMPLE), "--out", str(out)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("adviesgesprek: ") and "Traceback" not in error
    assert any(
        words in error
        for words in ("geen map", "een bestand", "te lang", "geen toestemming", "bestaat niet")
    ), error
    assert blocker.read_text(encoding="utf-8") == "van de adviseur"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bestand.txt"]


@pytest.mark.skipif(IS_ROOT, reason="root may read and write whatever the permissions say")
def test_a_read_only_folder_and_an_unreadable_file(tmp_path, capsys):
    folder = tmp_path / "alleen-lezen"
    folder.mkdir()
    (folder / f"oud{SUFFIX}").write_bytes(EXAMPLE.read_bytes())
    folder.chmod(0o500)
    try:
        assert main(["render", str(EXAMPLE), "--out", str(folder)]) == 2
        assert "geen toestemming" in capsys.readouterr().err
        from wizard.core.errors import InputError

        with pytest.raises(InputError, match="geen toestemming"):
            save_session(new_session(), folder / f"oud{SUFFIX}")
        assert (folder / f"oud{SUFFIX}").read_bytes() == EXAMPLE.read_bytes()
    finally:
        folder.chmod(0o700)


def test_an_unreadable_file_gets_the_reason(tmp_path, monkeypatch, capsys):
    """Without read permission (simulated: root may read anything)."""
    path = tmp_path / f"geheim{SUFFIX}"
    shutil.copy(EXAMPLE, path)
    real_open = os.open

    def refuse(name, *args, **kwargs):
        if str(name) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse)
    assert main(["check", str(path)]) == 2
    assert "kan niet worden gelezen (geen toestemming)" in capsys.readouterr().err


# --- a real full disk (a small tmpfs in a mount namespace of its own) ----------------------

FULL_DISK = textwrap.dedent("""
    import json, os, subprocess, sys
    disk, root, example = sys.argv[1], sys.argv[2], sys.argv[3]
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", disk], check=True)
    sys.path.insert(0, root)
    from wizard.core.errors import InputError
    from wizard.core.session import load_session, save_session
    report = {}
    out = os.path.join(disk, "uit")
    os.mkdir(out)
    for name in ("afspraken.pdf", "checklist.pdf", "platformconfiguratie.yaml"):
        with open(os.path.join(out, name), "w") as handle:
            handle.write("oude versie " + name)
    session_file = os.path.join(disk, "gesprek.adviesgesprek.yaml")
    save_session(load_session(example), session_file)
    old_session = open(session_file, "rb").read()
    with open(os.path.join(disk, "vulling"), "wb") as handle:   # leave about 12 kB free
        free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
        handle.write(b"x" * (free - 12 * 1024))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=root)
    result = subprocess.run([sys.executable, "-m", "wizard", "render", example, "--out", out,
                             "--format", "pdf,odt,html"], capture_output=True, text=True,
                            env=env, cwd=root)
    report["render"] = [result.returncode, result.stderr]
    report["outputs"] = {name: open(os.path.join(out, name)).read() for name in os.listdir(out)}
    session = load_session(example)
    session.set("conversation.notes", "nieuw " * 5000)
    try:
        save_session(session, session_file)
        report["save"] = "opgeslagen"
    except InputError as error:
        report["save"] = str(error)
    report["session_intact"] = open(session_file, "rb").read() == old_session
    report["left"] = sorted(os.listdir(disk))
    print(json.dumps(report))
""")


def _mount_namespace() -> list[str]:
    if sys.platform != "linux" or not shutil.which("unshare") or not shutil.which("mount"):
        return []
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt && umount /mnt"],
        capture_output=True,
    )
    return ["unshare", "-m"] if probe.returncode == 0 else []


@pytest.mark.skipif(not _mount_namespace(), reason="no mount namespace for a small disk here")
def test_a_real_full_disk_during_render_and_save(tmp_path):
    disk = tmp_path / "schijf"
    disk.mkdir()
    result = subprocess.run(
        [*_mount_namespace(), sys.executable, "-c", FULL_DISK, str(disk), str(ROOT), str(EXAMPLE)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.splitlines()[-1])
    code, error = report["render"]
    assert code == 2 and "de schijf is vol" in error and "Traceback" not in error, error
    assert report["outputs"] == {
        name: "oude versie " + name
        for name in ("afspraken.pdf", "checklist.pdf", "platformconfiguratie.yaml")
    }
    assert "de schijf is vol" in report["save"] and "ongewijzigd" in report["save"]
    assert report["session_intact"]
    assert report["left"] == ["gesprek.adviesgesprek.yaml", "uit", "vulling"]  # no .tmp


FULL_DISK_BATCH = textwrap.dedent("""
    import os, subprocess, sys
    disk, root, examples = sys.argv[1], sys.argv[2], sys.argv[3]
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", disk], check=True)
    sys.path.insert(0, root)
    from wizard.cli import main
    from wizard.documents import batch
    real = batch._csv_bytes

    def fill_then_csv(*args):
        # Another program fills the disk just when the batch's own files are written.
        with open(os.path.join(disk, "vulling"), "wb") as handle:
            free = os.statvfs(disk).f_bavail * os.statvfs(disk).f_frsize
            handle.write(b"x" * free)
        return real(*args)

    batch._csv_bytes = fill_then_csv
    status = main(["batch", examples, "--out", os.path.join(disk, "uit"), "--format", "html"])
    left = [name for _, _, names in os.walk(disk) for name in names if name.endswith(".tmp")]
    print("LEFT", left, flush=True)
    sys.exit(status)
""")


@pytest.mark.skipif(not _mount_namespace(), reason="no mount namespace for a small disk here")
def test_a_real_full_disk_at_the_batchs_own_files_keeps_the_summary(tmp_path):
    """The disk fills up when the CSV and the cabinet overview are written: every conversation
    made is in the summary, then one Dutch line, exit 2, and no temporary file stays."""
    disk = tmp_path / "schijf"
    disk.mkdir()
    examples = ROOT / "examples"
    result = subprocess.run(
        [
            *_mount_namespace(),
            sys.executable,
            "-c",
            FULL_DISK_BATCH,
            str(disk),
            str(ROOT),
            str(examples),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 2, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert lines[-1] == "LEFT []"
    made = [line for line in lines if " -> " in line]
    assert len(made) == len(list(examples.glob(f"*{SUFFIX}")))
    assert lines[-2].endswith("RVD-aanlevering: -")
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and errors[0].startswith("adviesgesprek: "), result.stderr
    assert errors[0].count("de schijf is vol") == 2 and "Traceback" not in result.stderr


# --- the wizard: open, save, autosave, export ------------------------------------------------


def _start(qtbot, window, tmp_path):
    """A conversation saved to a file, then changed: the state an advisor is in."""
    find(window, "start.new").click()
    set_value(qtbot, window, "minister.name", "Mona Keijzer")
    path = tmp_path / f"mona{SUFFIX}"
    assert window.save_to(path)
    set_value(qtbot, window, "minister.party", "BBB")
    return path, path.read_bytes()


def test_the_wizard_refuses_every_wrong_file_with_a_message(
    qtbot, window, tmp_path, isolated, wrong_files
):
    path, saved = _start(qtbot, window, tmp_path)
    data = json.dumps(window.model.session.data, default=str)
    for name, (wrong, words) in wrong_files.items():
        isolated.errors.clear()
        isolated.open_name = str(wrong)
        window.actions["open"].trigger()  # the fixture answers 'discard' to unsaved changes
        assert [title for title, _ in isolated.errors] == ["Openen lukt niet"], name
        assert words in isolated.errors[0][1] and wrong.name in isolated.errors[0][1], name
        assert json.dumps(window.model.session.data, default=str) == data, name
        assert window.model.file == path.resolve()
    assert path.read_bytes() == saved


@pytest.mark.parametrize(
    "where", ["a folder", "a missing folder", "under a file", "too long", "not writable"]
)
def test_save_where_it_cannot_gives_a_message_and_keeps_the_work(
    qtbot, window, tmp_path, isolated, where
):
    path, saved = _start(qtbot, window, tmp_path)
    (tmp_path / f"map{SUFFIX}").mkdir()
    (tmp_path / "blok").write_text("x", encoding="utf-8")
    isolated.save_name = {
        "a folder": str(tmp_path / f"map{SUFFIX}"),
        "a missing folder": str(tmp_path / "weg" / f"a{SUFFIX}"),
        "under a file": str(tmp_path / "blok" / f"a{SUFFIX}"),
        "too long": str(tmp_path / ("x" * 300 + SUFFIX)),
        "not writable": f"/proc/a{SUFFIX}",
    }[where]
    assert not window.save_as()
    [(title, message)] = isolated.errors
    assert title == "Opslaan lukt niet"
    assert any(
        words in message
        for words in (
            "map met die naam",
            "de map bestaat niet",
            "geen map",
            "te lang",
            "geen toestemming",
            "kan niet worden beschreven",
        )
    ), message
    assert window.isWindowModified() and window.model.value("minister.party") == "BBB"
    assert path.read_bytes() == saved
    assert window.save_to(path)  # and a save to a good place still works
    assert load_session(path).get("minister.party") == "BBB"


def _full_disk(monkeypatch, folder: Path | None = None):
    """Every fsync (of a file in `folder` where the system says which, else any) fails as on a
    full disk."""
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if (
            folder is None
            or sys.platform != "linux"
            or os.readlink(f"/proc/self/fd/{fd}").startswith(str(folder))
        ):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def test_save_on_a_full_disk_gives_a_message_and_keeps_the_old_file(
    qtbot, window, tmp_path, isolated, monkeypatch
):
    path, saved = _start(qtbot, window, tmp_path)
    window.activateWindow()
    with monkeypatch.context() as patch:
        _full_disk(patch)
        qtbot.keyClick(window, "s", modifier=qtbot_ctrl())  # Ctrl+S
    [(title, message)] = isolated.errors
    assert title == "Opslaan lukt niet" and "de schijf is vol" in message, message
    assert "ongewijzigd" in message
    assert path.read_bytes() == saved
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    assert window.isWindowModified()


def qtbot_ctrl():
    from PySide6.QtCore import Qt

    return Qt.KeyboardModifier.ControlModifier


def test_autosave_on_a_full_disk_says_so_and_keeps_the_last_autosave(
    qtbot, window, tmp_path, monkeypatch
):
    find(window, "start.new").click()
    set_value(qtbot, window, "minister.name", "Mona Keijzer")
    assert window.autosaver.flush()
    window.autosaver.wait()
    [autosave] = autosave_folder().glob(f"autosave-*{SUFFIX}")
    before = autosave.read_bytes()
    with monkeypatch.context() as patch:
        _full_disk(patch, autosave_folder())
        with qtbot.waitSignal(window.autosaver.failed, timeout=3000) as signal:
            set_value(qtbot, window, "minister.party", "BBB")
    assert "de schijf is vol" in signal.args[0]
    assert "Automatisch bewaren lukt niet" in window.statusBar().currentMessage()
    assert "de schijf is vol" in window.statusBar().currentMessage()
    assert autosave.read_bytes() == before
    assert not [p for p in autosave_folder().iterdir() if p.name.endswith(".tmp")]
    # room again: the next change is autosaved, with the one before it; nothing was lost
    with qtbot.waitSignal(window.autosaver.saved, timeout=3000):
        set_value(qtbot, window, "minister.post", "Volksgezondheid")
    again = load_session(autosave)
    assert again.get("minister.party") == "BBB" and again.get("minister.post") == "Volksgezondheid"


def test_export_on_a_full_disk_or_into_a_bad_folder_gives_a_message(
    qtbot, window, tmp_path, isolated, monkeypatch
):
    _start(qtbot, window, tmp_path)
    window.go_to(base.DOCUMENTS)
    page = window.pages[base.DOCUMENTS]
    out = tmp_path / "documenten"
    out.mkdir()
    for name in ("afspraken.pdf", "checklist.pdf", "platformconfiguratie.yaml"):
        (out / name).write_text("oude versie", encoding="utf-8")
    from wizard.documents import export

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setitem(export.WRITERS, "odt", full)
        assert page.export_to(out, ["pdf", "odt", "html"]) == []
    text = find(window, "documents.result").text()
    assert "Exporteren is mislukt" in text and "de schijf is vol" in text, text
    assert sorted(p.name for p in out.iterdir()) == [
        "afspraken.pdf",
        "checklist.pdf",
        "platformconfiguratie.yaml",
    ]
    assert all(p.read_text(encoding="utf-8") == "oude versie" for p in out.iterdir())
    blocker = tmp_path / "blok"
    blocker.write_text("x", encoding="utf-8")
    isolated.folder = str(blocker / "map")
    page.format_boxes["html"].setChecked(True)
    find(window, "documents.export").click()
    text = find(window, "documents.result").text()
    assert "Exporteren is mislukt" in text and "geen map" in text, text
    assert not page.save_configuration_to(blocker / "c.yaml")
    assert "geen map" in find(window, "documents.result").text()
    assert blocker.read_text(encoding="utf-8") == "x"
    assert not isolated.errors  # messages on the page, no dialog


def test_a_session_too_large_to_open_again_is_not_saved(qtbot, window, tmp_path, isolated):
    """The program reads files up to 2 MB; it never writes one it could not open again."""
    path, saved = _start(qtbot, window, tmp_path)
    window.model.set("conversation.notes", "Een heel lang geplakt document. " * 80_000)
    assert not window.save()
    [(title, message)] = isolated.errors
    assert title == "Opslaan lukt niet" and "te groot om op te slaan" in message
    assert path.read_bytes() == saved
    window.model.set("conversation.notes", "Korter.")
    assert window.save() and load_session(path).get("conversation.notes") == "Korter."


# --- a file in a folder without search permission -----------------------------------------------


def _no_search_permission(monkeypatch, folder: Path) -> None:
    """Nothing in `folder` can be looked up, as for a folder without search (x) permission
    (root may look into any folder, so the system calls are made to fail as they would)."""
    real_stat, real_open = os.stat, os.open

    def refused(path) -> bool:
        return str(os.fspath(path)).startswith(f"{folder}{os.sep}")

    def stat(path, *args, **kwargs):
        if refused(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    def open_(path, *args, **kwargs):
        if refused(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", stat)
    monkeypatch.setattr(os, "open", open_)


def _refused_with_a_message(isolated, path: Path) -> None:
    assert isolated.errors, "no message"
    title, message = isolated.errors[-1]
    assert title == "Openen lukt niet" and "geen toestemming" in message, message
    assert path.name in message


def test_a_file_in_a_folder_without_search_permission_gets_a_message_every_way(
    qtbot, window, tmp_path, isolated, monkeypatch
):
    """Issue 24: every way of opening such a file (menu, recent file, command line, a file
    dropped on the window) gives a Dutch message; no traceback, and the conversation stays."""
    folder = tmp_path / "geen-zoekrecht"
    folder.mkdir()
    locked = folder / f"gesprek{SUFFIX}"
    shutil.copy(EXAMPLE, locked)
    path, _saved = _start(qtbot, window, tmp_path)
    window.recent.add(locked, minister="Rob Jetten", date="2026-02-20")
    QSettings().setValue("lastFolder", str(folder / "map"))
    _no_search_permission(monkeypatch, folder)
    window.start_page.set_recent(window.recent.entries())  # the list marks it
    recent = find(window, "start.recent")
    assert "(geen toegang)" in recent.item(0).text()
    assert window.files.start_folder() != str(folder / "map")

    isolated.open_name = str(locked)
    window.actions["open"].trigger()  # the menu (the fixture answers 'discard')
    _refused_with_a_message(isolated, locked)
    isolated.errors.clear()
    window.recent_menu.actions()[0].trigger()  # Bestand › Recente gesprekken
    _refused_with_a_message(isolated, locked)
    isolated.errors.clear()
    recent.itemActivated.emit(recent.item(0))  # the start page's list
    _refused_with_a_message(isolated, locked)
    isolated.errors.clear()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(locked))])
    for event in (
        QDragEnterEvent(
            QPoint(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
        QDropEvent(
            QPoint(10, 10).toPointF(),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        ),
    ):
        QApplication.sendEvent(window, event)
        assert event.isAccepted()
    qtbot.waitUntil(lambda: bool(isolated.errors))  # opened after the drop is over
    _refused_with_a_message(isolated, locked)
    assert window.model.file == path.resolve()
    assert window.model.value("minister.party") == "BBB"

    isolated.errors.clear()
    started = create_main_window(locked)  # the command line, the rulebook already loaded
    qtbot.addWidget(started)
    _refused_with_a_message(isolated, locked)
    assert started.model.file is None
    isolated.errors.clear()
    shown, loader = start_window(str(locked))  # the command line, as the program starts
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.ready, timeout=60_000):
        pass
    loader.wait()
    _refused_with_a_message(isolated, locked)
    assert shown.model.file is None
