"""No traceback, ever (issue 24, points 5 and 8): a closed pipe, a full device, a console that
cannot show a character, a folder that cannot be searched, a bad overlay pattern, a bad option;
each ends with the right exit code and a Dutch message, and session text cannot steer the
terminal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wizard import cli as cli_module
from wizard.arguments import dutch
from wizard.console import printable

from ..conftest import EXAMPLES, ROOT

ALL = sorted(str(path) for path in EXAMPLES.glob("*.adviesgesprek.yaml"))


def _environment(**extra):
    return {**os.environ, "PYTHONPATH": str(ROOT), **extra}


@pytest.mark.parametrize("command", [["check", "--sources", *ALL], ["compare", *ALL, "--with"]])
def test_a_closed_pipe_ends_quietly(tmp_path, command):
    if command[0] == "compare":
        other = tmp_path / "ander.yaml"
        other.write_text("webcare: {hours: 'altijd'}\n", encoding="utf-8")
        command = [*command, str(other)]
    process = subprocess.Popen(
        [sys.executable, "-m", "wizard", *command],
        cwd=ROOT,
        env=_environment(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.readline()
    process.stdout.close()  # as `| head -1` does
    stderr = process.stderr.read().decode("utf-8")
    process.stderr.close()
    assert process.wait(timeout=120) == cli_module.EXIT_PIPE_CLOSED
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="/dev/full is Linux's")
def test_a_full_device_is_a_dutch_message(cli):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "wizard", "check", *ALL],
            cwd=ROOT,
            env=_environment(),
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=120,
        )
    assert result.returncode == 2
    assert "de schijf is vol" in result.stderr and "Traceback" not in result.stderr


def test_a_console_that_cannot_show_a_character_gets_ascii(cli, tmp_path):
    session = tmp_path / "tekens.adviesgesprek.yaml"
    session.write_text(
        (EXAMPLES / "hybrid-stas-party.adviesgesprek.yaml")
        .read_text(encoding="utf-8")
        .replace("name: Jaimi van Essen", "name: Jaimi ☑ van Essen 🙂"),
        encoding="utf-8",
    )
    text = session.read_text(encoding="utf-8")
    text = text.replace("departure:", "departure_old:")
    session.write_text(text, encoding="utf-8")
    result = cli("check", session, env={"PYTHONIOENCODING": "cp1252"})
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1)
    assert "Jaimi [x] van Essen" in result.stdout


def test_a_folder_that_cannot_be_searched_is_a_dutch_message(monkeypatch, capsys):
    """As root every folder can be searched, so the refusal is made here."""

    def refuse(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "is_dir", refuse)
    status = cli_module.main(["compare", "ergens/gesprek.adviesgesprek.yaml", "--with", "x"])
    error = capsys.readouterr().err
    assert status == 2
    assert "geen toestemming" in error and "Traceback" not in error


@pytest.mark.parametrize("command", ["check", "render", "compare"])
def test_an_overlay_pattern_that_is_no_expression_is_refused(cli, tmp_path, command):
    overlay = tmp_path / "overlay.yaml"
    overlay.write_text('platforms: {x: {handle_charset: "\\\\"}}\n', encoding="utf-8")
    example = EXAMPLES / "corporate-minpres.adviesgesprek.yaml"
    arguments = {
        "check": ["check", example],
        "render": ["render", example, "--out", tmp_path / "uit"],
        "compare": ["compare", example, "--with", overlay],
    }[command]
    result = cli("--rulebook", overlay, *arguments)
    assert result.returncode == 2
    assert "ongeldige tekenset" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "uit").exists()


def test_session_text_cannot_steer_the_terminal(cli, tmp_path):
    session = tmp_path / "escape.adviesgesprek.yaml"
    session.write_text(
        'format: adviesgesprek/1\nminister: {name: "Piet\\e[2J\\e[31mROOD"}\n'
        'platforms: {"my\\e]0;titel\\aspace": {use: true}}\n',
        encoding="utf-8",
    )
    result = cli("check", session)
    output = result.stdout + result.stderr
    assert "\x1b" not in output and "\x07" not in output
    assert "\\x1b]0;titel\\x07" in output  # shown, escaped
    session.write_text(
        "format: adviesgesprek/1\nvariant: hybrid\n"
        'platforms: {x: {use: true, account: own, handle: "Piet\\e[2J\\e[31mROOD"}}\n',
        encoding="utf-8",
    )
    result = cli("check", session)
    assert "\x1b" not in result.stdout + result.stderr
    assert "[31mROOD" in result.stdout  # the text is there, the escape is not


def test_printable_escapes_controls_and_separators():
    assert printable("a\x1b[31mb\nc\u2028d\te") == "a\\x1b[31mb\\x0ac\\u2028d\te"


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["check", "--bogus", "x"], "onbekende argumenten: --bogus"),
        (["render", "x"], "deze argumenten ontbreken: --out"),
        (["render", "x", "--out", ""], "geef een map op"),
        (["check", "x", "--format", "xml"], "ongeldige keuze"),
    ],
)
def test_command_line_mistakes_are_told_in_dutch(cli, arguments, words):
    result = cli(*arguments)
    assert result.returncode == 2, result.stderr
    assert "usage" not in result.stderr and "error:" not in result.stderr, result.stderr
    if words:
        assert words in result.stderr, result.stderr


def test_the_help_is_dutch(cli):
    result = cli("check", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("gebruik:") and "toon deze hulp en stop" in result.stdout
    assert "options:" not in result.stdout


def test_argparse_messages_in_dutch():
    assert dutch("argument --format: invalid choice: 'xml' (choose from 'text', 'json')") == (
        "--format: ongeldige keuze: 'xml' (kies uit 'text', 'json')"
    )
    assert dutch("something argparse never said") == "something argparse never said"


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (("minister:\n  name: ", "minister:\n  name: " + "A" * 5000 + " "), "text-too-long"),
        (("platforms:\n", "platforms:\n  myspace: {use: true}\n"), "unknown-platform"),
        (("ministry: AZ", "ministry: XYZ"), "unknown-ministry"),
    ],
)
def test_a_session_check_refuses_is_not_rendered(cli, tmp_path, change, code):
    """Refused means refused: what `check` refuses (exit 2), `render` writes nothing of."""
    text = (EXAMPLES / "corporate-minpres.adviesgesprek.yaml").read_text(encoding="utf-8")
    assert change[0] in text
    session = tmp_path / "geweigerd.adviesgesprek.yaml"
    session.write_text(text.replace(change[0], change[1], 1), encoding="utf-8")
    checked = cli("check", session)
    assert checked.returncode == 2 and code in checked.stdout
    rendered = cli("render", session, "--out", tmp_path / "uit")
    assert rendered.returncode == 2 and "niet gemaakt" in rendered.stderr
    assert not (tmp_path / "uit").exists() or not list((tmp_path / "uit").iterdir())
