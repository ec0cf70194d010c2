"""`render` and `batch` need no Qt; Typst reaches nothing outside the program: no package from
the network, no file of the machine, whatever a department's template tries."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading

import pytest

from wizard.core.errors import InputError
from wizard.core.rulebook import load_rulebook

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
