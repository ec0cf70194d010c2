"""No secrets: a whole wizard walk that ends with save, autosave, export in every format and a
print to a PDF file writes no field named or looking like a password or an authenticator secret
anywhere (session file, autosave folder, exports, settings, anything else under the test's
folders), not even when the session it opened held such fields; and no widget of the wizard is
a password field or asks for a password. A password typed into a note is not kept either (the
field says why), and a file with a secret in every text renders into documents that hold none.
All of it with every network connection made to fail (tests/conftest.py)."""

from __future__ import annotations

import html
import json
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from tests.core.secret_corpus import POSITIVE
from tests.documents.conftest import batch as batch_folder
from tests.hostile.corpus import CORPORATE_FIELDS, HYBRID_FIELDS, base_session
from tests.hostile.docs import read_pdf
from tests.ui.helpers import find, set_value, show, type_text, walk
from tests.ui.test_walk import HYBRID
from wizard.constants import DOCUMENT_KINDS
from wizard.constants import SESSION_SUFFIX as SUFFIX
from wizard.ui import base
from wizard.ui.autosave import autosave_folder

pytestmark = pytest.mark.slow  # a corpus or a whole walk: .ci/run runs it (docs/testing.md)

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "hybrid-stas-party.adviesgesprek.yaml"

# Names of fields that would hold a secret (checked independently of the program's own list).
SECRET_NAME = re.compile(
    r"pass(word|wd|phrase)?|wachtwoord|secret|geheim|totp|otp|pin(code)?$|"
    r"herstel|recovery|seed|token|2fa|mfa|auth(enticator)?_?(code|key)",
    re.IGNORECASE,
)
# The same as a text "name: value" or "name = value" in any file.
SECRET_FIELD = re.compile(
    r"(password|passwd|wachtwoord|secret|totp|otp_?code|pincode|"
    r"herstelcode|recovery_?code)\w*[\"']?\s*[:=]",
    re.IGNORECASE,
)
# What an authenticator secret looks like: base32 of at least 16 characters (RFC 4648).
BASE32 = re.compile(r"(?<![A-Za-z0-9])[A-Z2-7]{16,}={0,6}(?![A-Za-z0-9])")
PLANTED = {
    "password": "hunter2",
    "wachtwoord": "Geheim!2026",
    "totp_secret": "JBSWY3DPEHPK3PXP",
    "recovery_code": "8A3F-22C1-90BD",
    "pincode": "4711",
}
MARKER = "[niet bewaard]"  # what stands where the program removed a secret from a text
ASKING = re.compile(
    r"wachtwoord|password|pincode|pin-code|herstelcode|recovery|totp|"
    r"geheime sleutel|secret|verificatiecode",
    re.IGNORECASE,
)


# Every kind of file the program writes: autosave (session, meta, lock), settings, documents in
# every format, the platform configuration (export and "save configuration"), a print to PDF.
EVERY_KIND = {
    f"autosave-ID{SUFFIX}",
    "autosave-ID.json",
    "autosave-ID.lock",
    "Adviesgesprek.ini",
    "afspraken.pdf",
    "checklist.pdf",
    "afspraken.odt",
    "checklist.odt",
    "afspraken.html",
    "checklist.html",
    "platformconfiguratie.yaml",
    "configuratie.yaml",
    "afgedrukt.pdf",
}


def _plant_secrets(path: Path) -> None:
    """The example with secrets in several places, as a careless or hostile file might hold."""
    data = yaml.safe_load(EXAMPLE.read_text(encoding="utf-8"))
    data["password"] = PLANTED["password"]
    data["access"]["wachtwoord"] = PLANTED["wachtwoord"]
    data["platforms"]["x"]["totp_secret"] = PLANTED["totp_secret"]
    data["access"]["recovery_code"] = PLANTED["recovery_code"]
    data["platforms"]["instagram"]["login"] = {"pincode": PLANTED["pincode"]}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


def _keys(value, path: str = ""):
    if isinstance(value, dict):
        for key, item in value.items():
            yield f"{path}.{key}" if path else str(key), str(key)
            yield from _keys(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for item in value:
            yield from _keys(item, path)


def _texts(folder: Path):
    """(file, text to scan, parsed data or None) of every file under `folder`."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = None
        if path.suffix == ".pdf":
            text = read_pdf(path).text
        elif path.suffix == ".odt":
            with zipfile.ZipFile(path) as archive:
                text = "\n".join(
                    archive.read(name).decode("utf-8")
                    for name in archive.namelist()
                    if name.endswith(".xml")
                )
        else:
            text = path.read_bytes().decode("utf-8", "replace")
            try:
                data = (
                    json.loads(text)
                    if path.suffix == ".json"
                    else (yaml.safe_load(text) if path.suffix in (".yaml", ".yml") else None)
                )
            except (ValueError, yaml.YAMLError):
                data = None
        yield path, text, data


def _scan(folder: Path) -> tuple[list[str], set[str]]:
    """What looks like a secret in any file under `folder`, and the kinds of files scanned."""
    from PySide6.QtCore import QSettings

    QSettings().sync()  # the recent files and the window geometry, on disk now
    problems, scanned = [], set()
    for path, text, data in _texts(folder):
        name = path.relative_to(folder)
        scanned.add(re.sub(r"autosave-[0-9a-f]+", "autosave-ID", path.name))
        problems += [
            f"{name}: field {key}" for key, last in _keys(data) if SECRET_NAME.search(last)
        ]
        problems += [
            f"{name}: {match.group(0)!r}"
            for match in SECRET_FIELD.finditer(text)
            if not text[match.end() :].lstrip(" '\"").startswith(MARKER)
        ]
        problems += [f"{name}: base32 {match.group(0)!r}" for match in BASE32.finditer(text)]
        problems += [f"{name}: {secret!r}" for secret in PLANTED.values() if secret in text]
    return problems, scanned


def _export_everything(qtbot, window, tmp_path: Path) -> Path:
    """Save (Ctrl+S), change (autosave), export every format, save the configuration, print."""
    from PySide6.QtCore import Qt
    from PySide6.QtPrintSupport import QPrinter

    out = tmp_path / "uit"
    out.mkdir()
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not window.isWindowModified()
    window.go_to(base.ATTENTION)
    with qtbot.waitSignal(window.autosaver.saved, timeout=3000):
        set_value(qtbot, window, "conversation.notes", "Na het opslaan nog een notitie.")
    window.go_to(base.DOCUMENTS)
    page = window.pages[base.DOCUMENTS]
    written = page.export_to(out / "documenten", ["pdf", "odt", "html"])
    assert len(written) == len(DOCUMENT_KINDS) * 3 + 1  # and the configuration
    assert page.save_configuration_to(out / "configuratie.yaml")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out / "afgedrukt.pdf"))
    assert page.print_to(printer, with_progress=False)
    assert list(autosave_folder().glob(f"autosave-*{SUFFIX}"))
    return out


def test_a_walk_with_every_output_writes_no_secret(qtbot, window, tmp_path, isolated):
    isolated.save_name = str(tmp_path / f"hermans{SUFFIX}")
    walk(qtbot, window, HYBRID)  # includes the agreement on handing over the authenticator
    _export_everything(qtbot, window, tmp_path)
    problems, scanned = _scan(tmp_path)  # session, autosave folder, settings, exports
    assert EVERY_KIND | {f"hermans{SUFFIX}"} <= scanned, scanned
    assert not problems, problems


def test_secrets_in_an_opened_file_are_dropped_and_never_written(qtbot, window, tmp_path, isolated):
    source = tmp_path / "bron" / f"geheimen{SUFFIX}"
    source.parent.mkdir()
    _plant_secrets(source)
    assert window.open_file(source, ask=False)
    [(title, message)] = isolated.infos
    assert title == "Gegevens niet overgenomen"
    for key in (
        "password",
        "access.wachtwoord",
        "platforms.x.totp_secret",
        "access.recovery_code",
        "platforms.instagram.login.pincode",
    ):
        assert key in message, key
    assert not any(secret in message for secret in PLANTED.values())
    assert window.model.value("access.minister_access") is True  # the rest is kept
    isolated.save_name = str(tmp_path / f"opgeslagen{SUFFIX}")
    window.model.set_file(None)  # Ctrl+S asks where (the fixture answers)
    window.model.set("minister.post", "Mijnbouw en Energie")
    _export_everything(qtbot, window, tmp_path)
    source.unlink()  # the planted file itself is the only place the secrets may be
    problems, scanned = _scan(tmp_path)
    assert EVERY_KIND | {f"opgeslagen{SUFFIX}"} <= scanned, scanned
    assert not problems, problems


def test_no_widget_is_a_password_field_or_asks_for_a_password(window):
    inputs = [
        widget
        for widget in window.findChildren(QWidget)
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox)
        or (isinstance(widget, QComboBox) and widget.isEditable())
    ]
    editable = [
        widget for widget in inputs if not (isinstance(widget, QTextEdit) and widget.isReadOnly())
    ]
    assert len(editable) >= 40, len(editable)
    for widget in editable:
        if isinstance(widget, QLineEdit):
            assert widget.echoMode() == QLineEdit.EchoMode.Normal, widget.objectName()
        words = [
            widget.objectName(),
            widget.accessibleName(),
            widget.toolTip(),
            widget.whatsThis(),
            getattr(widget, "placeholderText", str)(),
        ]
        words += [label.text() for label in window.findChildren(QLabel) if label.buddy() is widget]
        asking = [word for word in words if ASKING.search(word or "")]
        assert not asking, (widget.objectName(), asking)
    warning = window.findChild(QLabel, "access.no_passwords")
    assert warning is not None and "nooit een wachtwoord" in warning.text()
    assert warning.buddy() is None  # a warning, not the label of a field


# --- secrets in the texts themselves ---------------------------------------------------------

TYPED = "Wachtwoord: Geheim123!"


def _no_typed_secret(folder: Path) -> list[str]:
    return [
        f"{path.relative_to(folder)}: Geheim123!"
        for path, text, _data in _texts(folder)
        if "Geheim123" in text
    ]


def test_a_password_typed_into_a_note_is_not_kept_and_the_field_says_why(
    qtbot, window, tmp_path, isolated
):
    path = "access.authenticator_handover"
    find(window, "start.new").click()
    field = show(window, path)
    with qtbot.waitSignal(window.autosaver.saved, timeout=3000):
        type_text(qtbot, field, TYPED)
    assert field.toPlainText() == TYPED  # the field keeps what the advisor typed
    assert window.model.value(path) == f"Wachtwoord: {MARKER}"  # the conversation does not
    message = find(window, f"{path}:message")
    assert message.isVisible()
    shown = html.unescape(re.sub(r"<[^>]+>", "", message.text()))  # the label is rich text
    assert shown.startswith(
        "✖ Fout: Dit lijkt op een wachtwoord; het programma bewaart dat niet"
    ), shown
    assert "Dit lijkt op een wachtwoord" in field.accessibleDescription()
    autosaves = list(autosave_folder().glob(f"autosave-*{SUFFIX}"))
    assert autosaves and all(MARKER in file.read_text("utf-8") for file in autosaves)
    isolated.save_name = str(tmp_path / f"gesprek{SUFFIX}")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    saved = (tmp_path / f"gesprek{SUFFIX}").read_text(encoding="utf-8")
    assert f"Wachtwoord: {MARKER}" in saved
    assert not _no_typed_secret(tmp_path), _no_typed_secret(tmp_path)
    # Written without the secret, the message goes.
    type_text(qtbot, field, "Persoonlijk overgedragen; het wachtwoord wordt daarna gewijzigd.")
    assert window.model.value(path).startswith("Persoonlijk overgedragen")
    assert not message.isVisible()


def test_a_secret_typed_into_any_text_reaches_no_file(qtbot, window, tmp_path, isolated):
    """The whole walk, then secrets typed into notes, motivation and bio; save, autosave, every
    export and a print: the secrets are nowhere."""
    isolated.save_name = str(tmp_path / f"hermans{SUFFIX}")
    walk(qtbot, window, HYBRID)
    for path in ("conversation.notes", "motivation", "platforms.x.bio", "access.people"):
        type_text(qtbot, show(window, path), f"Zij houdt haar account. {TYPED}")
        assert window.model.value(path).endswith(MARKER), path
    _export_everything(qtbot, window, tmp_path)
    problems, scanned = _scan(tmp_path)
    assert EVERY_KIND | {f"hermans{SUFFIX}"} <= scanned, scanned
    assert not problems + _no_typed_secret(tmp_path), problems + _no_typed_secret(tmp_path)


def _secret_phrases() -> list[tuple[str, list[str]]]:
    """Phrasings from the corpus whose secret values are long enough to look for in a PDF."""
    return [
        (text, values)
        for text, _kind, values, _kept in POSITIVE
        if all(len(re.sub(r"\s", "", value)) >= 7 for value in values)
    ]


def _hand_edited(folder: Path, variant: str, fields: list[str]) -> list[str]:
    """A session file, as a careless hand would edit it, with a secret in every text field and
    in an unknown key. Returns the secret values it holds."""
    data = base_session(variant).data
    phrases = _secret_phrases()
    values = []
    fields = [path for path in fields if path != "minister.ministry"]  # must name a ministry
    for index, path in enumerate(fields + ["department.note"]):
        text, secrets = phrases[index % len(phrases)]
        target = data
        for part in path.split(".")[:-1]:
            target = target.setdefault(part, {})
        target[path.split(".")[-1]] = text
        values += secrets
    assert "Geheim123!" in yaml.safe_dump(data, allow_unicode=True)
    (folder / f"{variant}{SUFFIX}").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    return values


def test_a_file_with_a_secret_in_every_text_renders_without_any(tmp_path, rulebook):
    sessions = tmp_path / "gesprekken"
    sessions.mkdir()
    values = _hand_edited(sessions, "hybrid", HYBRID_FIELDS)
    values += _hand_edited(
        sessions,
        "corporate",
        CORPORATE_FIELDS + ["conversation.notes", "access.authenticator_handover", "access.people"],
    )
    out = tmp_path / "uit"
    result = batch_folder(sessions, out, rulebook, ["pdf", "odt", "html"])
    assert not result.failed, result
    written = {path.name for path in out.rglob("*") if path.is_file()}
    assert {
        "afspraken.pdf",
        "afspraken.odt",
        "afspraken.html",
        "checklist.pdf",
        "platformconfiguratie.yaml",
        "rvd-aanlevering.csv",
    } <= written, written
    leaks = []
    for path, text, _data in _texts(out):
        squeezed = re.sub(r"\s+", "", text)
        leaks += [
            f"{path.name}: {value}"
            for value in set(values)
            if re.sub(r"\s+", "", value) in squeezed
        ]
        leaks += [f"{path.name}: otpauth" for match in re.finditer("otpauth:", text)]
    assert not leaks, leaks
    agreement = read_pdf(out / "hybrid" / "afspraken.pdf").text
    assert MARKER in agreement and "CONCEPT" in agreement
