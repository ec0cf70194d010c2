"""Shared fixtures. Qt tests run offscreen; the core tests never import Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A department overlay provisioned on this machine must not change the test results.
os.environ["ADVIESGESPREK_REGELBOEK"] = ""

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def cli():
    """Runs the command line of the tree under test: `cli("check", path)` runs
    `python -m wizard check path` (with PYTHONPATH set to this checkout, so that an installed
    copy elsewhere does not answer) and returns the CompletedProcess, output captured as text.
    `env` adds to (a value None: removes from) this process's environment; `prefix` goes
    before the interpreter (`prefix=["unshare", "--net"]`); other arguments go to
    subprocess.run."""

    def run(*args, cwd=ROOT, env=None, timeout=180, prefix=(), **kwargs):
        environment = {**os.environ, **(env or {}), "PYTHONPATH": str(ROOT)}
        environment = {key: value for key, value in environment.items() if value is not None}
        return subprocess.run(
            [*prefix, sys.executable, "-m", "wizard", *map(str, args)],
            cwd=cwd,
            env=environment,
            capture_output=True,
            text=True,
            timeout=timeout,
            **kwargs,
        )

    return run


@pytest.fixture(scope="session")
def rulebook():
    from wizard.core.rulebook import builtin_rulebook

    return builtin_rulebook()


HANDLES = {
    "corporate": {"x": "MinisterVWS", "instagram": "ministervws"},
    "hybrid": {"x": "ElanorBoekholt", "instagram": "elanorboekholt"},
}


@pytest.fixture
def session_factory():
    """A complete corporate session for a minister of VWS; tests change what they look at."""
    from wizard.core.session import new_session

    def make(**answers):
        session = new_session()
        session.set("conversation.date", "2026-02-20")
        session.set("conversation.advisor", "Sanne de Wit")
        session.set("minister.name", "Elanor Boekholt-O'Sullivan")
        session.set("minister.office", "minister")
        session.set("minister.ministry", "VWS")
        session.set("minister.party", "CDA")
        session.set("minister.sworn_in", "2026-02-23")
        session.set("variant", "corporate")
        for platform in ("x", "instagram"):
            session.set(f"platforms.{platform}.use", True)
        for path, value in answers.items():
            session.set(path.replace("__", "."), value)
        # The handles the conversation gives: the office's accounts that a corporate minister
        # takes over, the minister's own otherwise (unless the test says otherwise).
        handles = HANDLES.get(session.get("variant"), HANDLES["hybrid"])
        for platform, handle in handles.items():
            entry = session.get(f"platforms.{platform}")
            if isinstance(entry, dict) and not {"handle", "account", "form"} & set(entry):
                session.set(f"platforms.{platform}.handle", handle)
        return session

    return make


class NetworkBlocked(OSError):
    """Raised by every attempt to open a network connection during the tests."""


def _refuse(*_args, **_kwargs):
    raise NetworkBlocked("de tests staan geen netwerkverbinding toe")


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    """The program makes no network connection (DESIGN.md principle 5): every test runs with
    IP connections made to fail. Local (Unix) sockets stay possible, e.g. for an X server."""
    import socket

    real_connect = socket.socket.connect

    def connect(sock, address):
        if sock.family in (socket.AF_INET, socket.AF_INET6):
            _refuse()
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", lambda *a, **k: _refuse())
    monkeypatch.setattr(socket, "create_connection", _refuse)
    monkeypatch.setattr(socket, "getaddrinfo", _refuse)
