"""`check` and `render` on a hand-edited session with secrets in its texts: `check` reports
`secret-in-text` for every field (exit 1), and neither its output nor any file `render` writes
holds a secret."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import yaml

from ..conftest import EXAMPLES

SECRETS = {
    "conversation.notes": ("Overdracht door Piet. Wachtwoord: Geheim123!", "Geheim123!"),
    "access.authenticator_handover": ("geheime sleutel JBSW Y3DP EHPK 3PXP", "JBSW Y3DP"),
    "minister.post": ("pincode 73914826", "73914826"),
    "department.note": ("herstelcodes: 8f2k-9xq3 7hd2-kw8e", "8f2k-9xq3"),
}


def _hand_edited(folder: Path) -> Path:
    data = yaml.safe_load((EXAMPLES / "corporate-minpres.adviesgesprek.yaml").read_text("utf-8"))
    for path, (text, _secret) in SECRETS.items():
        section, name = path.split(".")
        data.setdefault(section, {})[name] = text
    path = folder / "met-geheimen.adviesgesprek.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_check_reports_every_secret_and_exits_1_without_quoting_one(cli, tmp_path):
    path = _hand_edited(tmp_path)
    result = cli("check", str(path), "--format", "json")
    assert result.returncode == 1, result.stdout + result.stderr
    findings = json.loads(result.stdout)["files"][0]["findings"]
    found = {f["path"]: f for f in findings if f["code"] == "secret-in-text"}
    assert set(found) == set(SECRETS)
    assert all(f["severity"] == "error" and f["source"] for f in found.values())
    assert "wachtwoord" in found["conversation.notes"]["message"]
    text = cli("check", str(path))
    assert text.returncode == 1
    assert (
        f"{path}: secret-in-text error conversation.notes: Dit lijkt op een wachtwoord"
        in text.stdout
    )
    for output in (result.stdout + result.stderr, text.stdout + text.stderr):
        assert not [secret for _t, secret in SECRETS.values() if secret in output]
    assert all(secret in path.read_text(encoding="utf-8") for _t, secret in SECRETS.values())


def test_render_writes_no_secret_in_any_format(cli, tmp_path):
    path = _hand_edited(tmp_path)
    out = tmp_path / "uit"
    result = cli("render", str(path), "--out", str(out), "--format", "pdf,odt,html")
    assert result.returncode == 0, result.stdout + result.stderr
    written = sorted(out.iterdir())
    assert {file.name for file in written} >= {
        "afspraken.pdf",
        "afspraken.odt",
        "afspraken.html",
        "platformconfiguratie.yaml",
    }
    from tests.hostile.docs import read_pdf

    for file in written:
        if file.suffix == ".pdf":
            content = read_pdf(file).text
        elif file.suffix == ".odt":
            with zipfile.ZipFile(file) as archive:
                content = "".join(
                    archive.read(name).decode("utf-8")
                    for name in archive.namelist()
                    if name.endswith(".xml")
                )
        else:
            content = file.read_text(encoding="utf-8")
        squeezed = "".join(content.split())
        leaks = [secret for _t, secret in SECRETS.values() if "".join(secret.split()) in squeezed]
        assert not leaks, (file.name, leaks)
        if file.name == "afspraken.html":  # the note is there, without its secret
            assert "Wachtwoord: [niet bewaard]" in content
            assert "Dit lijkt op een wachtwoord" in content  # among the errors listed
        if file.name == "afspraken.pdf":
            assert "CONCEPT" in content


# Issue 24: the phrasings a hostile tester found kept and printed, in one-line fields too
# (`minister.post` reached the RVD list and the cabinet overview), and secrets in the values and
# names that an error message quotes (the format, a platform's name, the ministry).
ISSUE_24 = {
    "minister.post": ("Password = 'correct horse battery staple'", "correct horse battery"),
    "conversation.notes": ("wachtw.: Geheim123! en inlog: piet / Welkom01!", "Welkom01!"),
    "conversation.place": ("inloggen met Minpres2026! op x.com", "Minpres2026!"),
    "access.authenticator_handover": ("code voor de authenticator: 482913", "482913"),
    "access.people": ("recovery key: ABCD-EFGH-IJKL-MNOP", "ABCD-EFGH-IJKL-MNOP"),
    "motivation": ("ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "ghp_ABCDEFGH"),
    "department.aws": (
        "AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "wJalrXUtnFEMI",
    ),
}
REFUSED = {
    "format.adviesgesprek.yaml": 'format: "adviesgesprek/1 wachtwoord: Geheim123!"\n',
    "platform.adviesgesprek.yaml": (
        "format: adviesgesprek/1\nminister: {name: X, office: minister, ministry: AZ}\n"
        "platforms:\n  'ww Zomer2026!': {use: true}\n"
    ),
    "ministerie.adviesgesprek.yaml": (
        "format: adviesgesprek/1\nvariant: corporate\n"
        "minister: {name: X, office: minister, ministry: 'ww Lente2026!'}\n"
    ),
}
REFUSED_SECRETS = ["Geheim123", "Zomer2026", "Lente2026"]


def _issue_24_folder(folder: Path) -> Path:
    folder.mkdir()
    data = yaml.safe_load((EXAMPLES / "corporate-minpres.adviesgesprek.yaml").read_text("utf-8"))
    for path, (text, _secret) in ISSUE_24.items():
        section, name = path.split(".") if "." in path else (None, path)
        (data.setdefault(section, {}) if section else data)[name] = text
    data["ww Zomer2026!"] = "een onbekende sleutel"
    (folder / "geheimen.adviesgesprek.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True), encoding="utf-8"
    )
    for name, content in REFUSED.items():
        (folder / name).write_text(content, encoding="utf-8")
    return folder


def _every_text(folder: Path) -> dict[str, str]:
    from tests.hostile.docs import read_pdf

    texts = {}
    for file in sorted(path for path in folder.rglob("*") if path.is_file()):
        if file.suffix == ".pdf":
            texts[file.name] = read_pdf(file).text
        else:
            texts[file.name] = file.read_text(encoding="utf-8", errors="replace")
    return texts


def test_batch_prints_no_secret_in_any_field_or_any_error_message(cli, tmp_path):
    sessions = _issue_24_folder(tmp_path / "gesprekken")
    out = tmp_path / "uit"
    result = cli("batch", str(sessions), "--out", str(out), "--format", "html")
    assert result.returncode == 1, result.stdout + result.stderr  # three files are refused
    texts = _every_text(out)
    assert {"rvd-aanlevering.csv", "kabinetsoverzicht.pdf", "kabinetsoverzicht.html"} <= set(texts)
    texts["stdout + stderr"] = result.stdout + result.stderr
    secrets = [secret for _text, secret in ISSUE_24.values()] + REFUSED_SECRETS + ["4821"]
    leaks = [
        (name, secret)
        for name, text in texts.items()
        for secret in secrets
        if "".join(secret.split()) in "".join(text.split())
    ]
    assert not leaks, leaks
    for name in REFUSED:  # each refused file is named, with where its problem is
        assert name in result.stdout, result.stdout
    assert "regel 1" in result.stdout and "veld 'format'" in result.stdout
    assert "veld 'platforms.ww [niet bewaard]'" in result.stdout
    assert "Het ministerie 'ww [niet bewaard]'" in result.stdout


def test_check_names_every_field_of_issue_24_without_quoting_a_secret(cli, tmp_path):
    sessions = _issue_24_folder(tmp_path / "gesprekken")
    result = cli("check", str(sessions / "geheimen.adviesgesprek.yaml"), "--format", "json")
    assert result.returncode == 1, result.stdout + result.stderr
    findings = json.loads(result.stdout)["files"][0]["findings"]
    found = {f["path"] for f in findings if f["code"] == "secret-in-text"}
    assert set(ISSUE_24) | {"ww [niet bewaard]"} <= found, found
    refused = cli("check", *(str(sessions / name) for name in REFUSED))
    output = result.stdout + result.stderr + refused.stdout + refused.stderr
    secrets = [secret for _text, secret in ISSUE_24.values()] + REFUSED_SECRETS
    assert [secret for secret in secrets if secret in output] == []
