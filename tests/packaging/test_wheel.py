"""A `pip install .` (not editable) into a fresh virtual environment finds resources/ and
templates/ when run from another directory."""

from __future__ import annotations

import os
import site
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from ..conftest import EXAMPLES, ROOT

pytestmark = pytest.mark.packaging  # builds or installs the program (docs/testing.md)

# The installed program only: a PYTHONPATH to a source tree (as when testing a work tree) would
# make the venv import that tree instead.
INSTALLED_ONLY = {name: value for name, value in os.environ.items() if name != "PYTHONPATH"}


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    env_dir = base / "venv"
    # A clean interpreter that sees the dependencies of the environment running these tests
    # (PySide6 is large) through a .pth file: `system_site_packages` would show the *base*
    # interpreter's packages instead, which on a fresh machine lack them. The program itself
    # comes only from the wheel built here (the venv's own site-packages comes first).
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    inner = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    outer = [path for path in site.getsitepackages() if Path(path).is_dir()]
    Path(inner, "outer-environment.pth").write_text("\n".join(outer) + "\n", encoding="utf-8")
    wheel_dir = base / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheel_dir), str(ROOT)],
        check=True,
        timeout=600,
    )
    wheel = next(wheel_dir.glob("adviesgesprek-*.whl"))
    # --ignore-installed: a copy of the program in the system site-packages must not count.
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--ignore-installed", "-q", str(wheel)],
        check=True,
        timeout=600,
    )
    return python


def test_installed_program_finds_its_data_from_another_directory(installed, tmp_path):
    code = (
        "import wizard.paths as p; print(p.resources_dir()); print(p.templates_dir()); "
        "print(p.project_version())"
    )
    result = subprocess.run(
        [str(installed), "-c", code],
        cwd=tmp_path,
        env=INSTALLED_ONLY,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    resources, templates, version = result.stdout.splitlines()
    env_dir = installed.parent.parent
    assert Path(resources).is_relative_to(env_dir) and Path(templates).is_relative_to(env_dir)
    assert Path(resources, "rulebook", "00-meta.yaml").is_file()
    assert Path(resources, "schemas", "session.schema.json").is_file()
    assert version != "0+onbekend"


def test_installed_check_command_runs_from_another_directory(installed, tmp_path):
    example = EXAMPLES / "corporate-minpres.adviesgesprek.yaml"
    script = installed.parent / ("adviesgesprek.exe" if os.name == "nt" else "adviesgesprek")
    result = subprocess.run(
        [str(script), "check", str(example)],
        cwd=tmp_path,
        env=INSTALLED_ONLY,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 fouten" in result.stdout


def test_installed_program_renders_a_pdf_from_another_directory(installed, tmp_path):
    """The wheel holds the Typst templates and the bundled fonts."""
    example = EXAMPLES / "corporate-minpres.adviesgesprek.yaml"
    script = installed.parent / ("adviesgesprek.exe" if os.name == "nt" else "adviesgesprek")
    result = subprocess.run(
        [str(script), "render", str(example), "--out", str(tmp_path / "uit")],
        cwd=tmp_path,
        env=INSTALLED_ONLY,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "uit" / "afspraken.pdf").read_bytes().startswith(b"%PDF-")


def test_the_version_is_pyprojects():
    import tomllib

    from wizard.paths import PACKAGE_DIR, project_version

    with (PACKAGE_DIR.parent / "pyproject.toml").open("rb") as handle:
        assert project_version() == tomllib.load(handle)["project"]["version"]
