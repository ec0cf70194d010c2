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
