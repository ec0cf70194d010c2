"""`render` and `batch` need no Qt; Typst reaches nothing outside the program: no package from
the network, no file of the machine, whatever a department's template tries."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from wizard.core.errors import InputError
from wizard.core.rulebook import load_rulebook
from wizard.documents.style import house_style

from .conftest import EXAMPLES, ROOT, make_session, render

FRAME = (
    '{% import "macros.typ.j2" as m %}#import "adviesgesprek.typ": *\n'
    "{{ m.frame(page, concept) }}\n"
)
PACKAGE_ATTEMPTS = {
    "import": '#import "@preview/cetz:0.3.0"',
    "import-built": '#import ("@pre" + "view/cetz:0.3.1"): *',
    "include": '#include "@preview/cetz:0.3.2/src/lib.typ"',
    "eval": '#eval("import \\"@preview/cetz:0.3.3\\"")',
    "std-eval": '#let run = dictionary(std).at("ev" + "al")\n#run("1")',
    "own-file": '#import "mijn-functies.typ": *',
}
FILE_ATTEMPTS = {
    "absolute": '#read("/etc/passwd")',
    "upwards": '#read("../../../../../../etc/passwd")',
    "image": '#image("/etc/hostname")',
    "json": '#json("/proc/self/environ")',
    "library-beside": '#read("afspraken.typ.j2")',
}


def _overlay(tmp_path, template: str):
    folder = tmp_path / "departement"
    (folder / "templates").mkdir(parents=True, exist_ok=True)
    (folder / "templates" / "afspraken.typ.j2").write_text(FRAME + template, encoding="utf-8")
    return folder


def _env(**extra: str) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT), **extra)


# --- no Qt ------------------------------------------------------------------------------------

NO_QT = """
import sys
from wizard.cli import main
status = main(sys.argv[1:])
loaded = sorted(name for name in sys.modules if name.split(".")[0] == "PySide6")
print("QT:", loaded)
sys.exit(status)
"""


@pytest.mark.parametrize("command", ["render", "batch"])
def test_render_and_batch_run_without_qt(tmp_path, command):
    """With a Qt platform plugin that does not exist (Qt would abort at its first use), and
    PySide6 never imported."""
    source = EXAMPLES[0] if command == "render" else EXAMPLES[0].parent
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            NO_QT,
            command,
            str(source),
            "--out",
            str(tmp_path / "uit"),
            "--format",
            "pdf,odt,html",
        ],
        cwd=tmp_path,
        env=_env(QT_QPA_PLATFORM="nonexistent"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode in (0, 1), result.stderr
    assert "QT: []" in result.stdout
    assert list((tmp_path / "uit").rglob("afspraken.pdf"))


# --- no network, no files ---------------------------------------------------------------------


@pytest.mark.parametrize("name", PACKAGE_ATTEMPTS)
def test_a_template_cannot_import_a_package_or_eval(tmp_path, name):
    rulebook = load_rulebook(_overlay(tmp_path, PACKAGE_ATTEMPTS[name]))
    with pytest.raises(InputError, match='mag alleen "adviesgesprek.typ" importeren'):
        render(make_session(), rulebook, tmp_path / "uit", ["pdf"])
    assert not list((tmp_path / "uit").glob("*"))


@pytest.mark.parametrize("name", FILE_ATTEMPTS)
def test_a_template_cannot_read_a_file_of_the_machine(tmp_path, name):
    rulebook = load_rulebook(_overlay(tmp_path, FILE_ATTEMPTS[name]))
    with pytest.raises(InputError, match="kan niet worden opgemaakt") as caught:
        render(make_session(), rulebook, tmp_path / "uit", ["pdf"])
    assert "root:" not in str(caught.value)
    assert not list((tmp_path / "uit").glob("*"))


def test_typst_sees_only_empty_private_folders(rulebook, tmp_path):
    from wizard.documents import typesetting
    from wizard.documents.style import house_style

    render(make_session(), rulebook, tmp_path, ["pdf"])
    private = typesetting._private_folder()
    assert sorted(path.name for path in private.iterdir()) == ["cache", "packages", "root"]
    assert not any(private.rglob("*.*"))
    assert private.stat().st_mode & 0o077 == 0  # this user's only
    families = set(typesetting._fonts(typesetting.font_dirs(house_style(rulebook))).families())
    assert families == {
        "Noto Sans",
        "Noto Sans Hebrew",
        "Noto Sans Arabic",
        "Noto Sans Symbols2",
        "Noto Color Emoji",
    }  # no system font


class _Listener:
    """A local TCP port that counts the connections it gets (a proxy nobody should call)."""

    def __init__(self) -> None:
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(8)
        self.server.settimeout(0.2)
        self.port = self.server.getsockname()[1]
        self.connections = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while self.running:
            try:
                connection, _ = self.server.accept()
            except OSError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self.running = False
        self.thread.join()
        self.server.close()


GUARD_OFF = """
import sys
import wizard.documents.typst_source as source
source.check_source = lambda text, name: None
from wizard.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_no_template_makes_typst_connect(cli, tmp_path):
    """Typst would fetch `@preview` packages through an HTTPS proxy when it may: with the
    proxy set to a local port, a render whose template tries every way to import a package
    makes no connection. The same render with the program's source check switched off does
    connect (so the probe can see an attempt)."""
    folder = _overlay(tmp_path, "\n".join(PACKAGE_ATTEMPTS.values()))
    listener = _Listener()
    proxy = f"http://127.0.0.1:{listener.port}"
    proxies = {
        "HTTPS_PROXY": proxy,
        "https_proxy": proxy,
        "ALL_PROXY": proxy,
        "all_proxy": proxy,
        "NO_PROXY": "",
        "no_proxy": "",
    }
    args = ["render", str(EXAMPLES[0]), "--rulebook", str(folder), "--out"]
    try:
        guarded = cli(*args, tmp_path / "a", env=proxies, timeout=300)
        assert guarded.returncode == 2 and "importeren" in guarded.stderr, guarded.stderr
        assert listener.connections == 0
        unguarded = subprocess.run(
            [sys.executable, "-c", GUARD_OFF, *args, str(tmp_path / "b")],
            env=_env(**proxies),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert unguarded.returncode == 2, unguarded.stderr
        assert listener.connections >= 1, unguarded.stderr
    finally:
        listener.close()


@pytest.mark.skipif(shutil.which("unshare") is None, reason="unshare is not installed")
def test_a_package_import_inside_unshare_net_fails_with_a_message(cli, tmp_path):
    probe = subprocess.run(["unshare", "--net", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip("no network namespaces here")
    folder = _overlay(tmp_path, PACKAGE_ATTEMPTS["import"])
    result = cli(
        "render",
        EXAMPLES[0],
        "--rulebook",
        folder,
        "--out",
        tmp_path / "uit",
        prefix=["unshare", "--net"],
        timeout=300,
    )
    assert result.returncode == 2
    assert "importeren" in result.stderr and "Traceback" not in result.stderr


# --- an overlay's links lead nowhere outside its folder --------------------------------------

SECRET = "geheim-van-de-machine"
NO_LINKS = pytest.mark.skipif(sys.platform == "win32", reason="a link needs extra rights there")


def _departement(tmp_path) -> tuple[Path, Path]:
    """An overlay folder with a templates/ folder, and a file outside it (as /etc/hostname)."""
    overlay = tmp_path / "departement"
    (overlay / "templates").mkdir(parents=True)
    secret = tmp_path / "elders" / "geheim.txt"
    secret.parent.mkdir()
    secret.write_text(SECRET, encoding="utf-8")
    return overlay, secret


def _written(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


@NO_LINKS
@pytest.mark.parametrize(
    ("template", "fmt"), [("afspraken.typ.j2", "pdf"), ("afspraken.html.j2", "html")]
)
def test_an_overlay_template_that_links_outside_its_folder_is_refused(tmp_path, template, fmt):
    overlay, secret = _departement(tmp_path)
    (overlay / "templates" / template).symlink_to(secret)
    with pytest.raises(InputError, match="buiten de map van het aanvullende regelboek") as caught:
        render(make_session(), load_rulebook(overlay), tmp_path / "uit", [fmt])
    assert SECRET not in str(caught.value) and template in str(caught.value)
    assert _written(tmp_path / "uit") == []


@NO_LINKS
def test_an_included_template_that_links_outside_is_refused_too(tmp_path):
    overlay, secret = _departement(tmp_path)
    (overlay / "templates" / "afspraken.html.j2").write_text(
        '{% include "deel.html.j2" %}', encoding="utf-8"
    )
    (overlay / "templates" / "deel.html.j2").symlink_to(secret)
    with pytest.raises(InputError, match="buiten de map"):
        render(make_session(), load_rulebook(overlay), tmp_path / "uit", ["html"])


@NO_LINKS
def test_links_inside_the_overlay_folder_are_fine(tmp_path):
    overlay, _secret = _departement(tmp_path)
    shared = overlay / "gedeeld" / "afspraken.html.j2"
    shared.parent.mkdir()
    shared.write_text("<p>Eigen sjabloon van het departement</p>", encoding="utf-8")
    (overlay / "templates" / "afspraken.html.j2").symlink_to(shared)
    render(make_session(), load_rulebook(overlay), tmp_path / "uit", ["html"])
    text = (tmp_path / "uit" / "afspraken.html").read_text(encoding="utf-8")
    assert "Eigen sjabloon van het departement" in text


@NO_LINKS
def test_an_overlay_documents_yaml_that_links_outside_is_refused(tmp_path):
    overlay, secret = _departement(tmp_path)
    secret.write_text('documents: {afspraken: {title: "' + SECRET + '"}}\n', encoding="utf-8")
    (overlay / "templates" / "documents.yaml").symlink_to(secret)
    with pytest.raises(InputError, match="'documents.yaml' is een koppeling naar een bestand"):
        house_style(load_rulebook(overlay))


@NO_LINKS
@pytest.mark.parametrize("link", ["font", "folder", "subfolder"])
def test_an_overlay_font_that_links_outside_is_refused(tmp_path, link):
    """Typst reads every font under fonts/, links and subfolders followed: one link that
    leads outside the overlay refuses the house style."""
    overlay, _secret = _departement(tmp_path)
    font = ROOT / "resources" / "fonts" / "NotoSans-Regular.ttf"
    fonts = overlay / "fonts"
    if link == "folder":
        fonts.symlink_to(font.parent, target_is_directory=True)
    else:
        fonts.mkdir()
        where = fonts / "sub" if link == "subfolder" else fonts
        where.mkdir(exist_ok=True)
        (where / "huisletter.ttf").symlink_to(font)
    with pytest.raises(InputError, match="is een koppeling naar een bestand buiten de map"):
        house_style(load_rulebook(overlay))


@NO_LINKS
def test_an_overlay_font_linked_inside_the_folder_is_used(tmp_path):
    overlay, _secret = _departement(tmp_path)
    (overlay / "bron").mkdir()
    shutil.copy(ROOT / "resources" / "fonts" / "NotoSans-Regular.ttf", overlay / "bron")
    (overlay / "fonts").mkdir()
    (overlay / "fonts" / "huisletter.ttf").symlink_to(overlay / "bron" / "NotoSans-Regular.ttf")
    assert house_style(load_rulebook(overlay)).fonts_dir == overlay / "fonts"


@NO_LINKS
def test_render_with_a_linked_overlay_template_exits_2_without_the_file(cli, tmp_path):
    overlay, secret = _departement(tmp_path)
    (overlay / "templates" / "afspraken.typ.j2").symlink_to(secret)
    result = cli("render", EXAMPLES[0], "--rulebook", overlay, "--out", tmp_path / "uit")
    assert result.returncode == 2 and "buiten de map" in result.stderr, result.stderr
    assert SECRET not in result.stderr + result.stdout and "Traceback" not in result.stderr
    assert _written(tmp_path / "uit") == []
