"""No network, no secrets: a full render in a network namespace without any network, and no
password-like field in anything the program writes."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from .conftest import EXAMPLES

SECRET_FIELD = re.compile(
    r"(password|wachtwoord|passwd|secret|totp|otp_code|recovery_code)\s*[:=]", re.IGNORECASE
)


def _no_network_prefix() -> list[str]:
    """`unshare --net`: a fresh network namespace with no interfaces up, so every connection
    fails at the system level (not only in Python)."""
    if sys.platform != "linux" or not shutil.which("unshare"):
        return []
    probe = subprocess.run(["unshare", "--net", "true"], capture_output=True)
    return ["unshare", "--net"] if probe.returncode == 0 else []


@pytest.mark.skipif(not _no_network_prefix(), reason="no network namespaces here")
@pytest.mark.slow
def test_render_every_example_without_any_network(cli, tmp_path):
    for example in sorted(EXAMPLES.glob("*.adviesgesprek.yaml")):
        out = tmp_path / example.name.removesuffix(".adviesgesprek.yaml")
        result = cli(
            "render",
            example,
            "--out",
            out,
            "--format",
            "pdf,odt,html",
            prefix=_no_network_prefix(),
            env={"QT_QPA_PLATFORM": "offscreen"},
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        assert (out / "afspraken.pdf").stat().st_size > 1000
        assert (out / "platformconfiguratie.yaml").is_file()


def _texts_of(folder):
    for path in folder.rglob("*"):
        if path.suffix in (".yaml", ".html", ".csv", ".log", ".txt"):
            yield path, path.read_text(encoding="utf-8", errors="replace")
        elif path.suffix == ".pdf":
            from pypdf import PdfReader

            yield path, "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def test_no_written_file_has_a_secret_field(cli, tmp_path):
    """A session full of secret-looking keys: nothing the program writes keeps them."""
    source = tmp_path / "geheimen.adviesgesprek.yaml"
    source.write_text(
        (EXAMPLES / "corporate-minpres.adviesgesprek.yaml").read_text("utf-8")
        + "password: hunter2\nwachtwoord: Geheim!2026\n"
        "extra: {totp_secret: JBSWY3DPEHPK3PXP, recovery_code: 1234-5678}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    result = cli(
        "render",
        source,
        "--out",
        out,
        "--format",
        "pdf,odt,html",
        env={"QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    checked = 0
    for path, content in _texts_of(out):
        checked += 1
        assert not SECRET_FIELD.search(content), path
        for secret in ("hunter2", "Geheim!2026", "JBSWY3DPEHPK3PXP", "1234-5678"):
            assert secret not in content, (path, secret)
    assert checked >= 5
