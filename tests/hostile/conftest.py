"""The hostile suite: Qt offscreen; the wizard's fixtures (isolated settings and data folder, no
real dialog, the main window) come from tests/ui."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.ui.conftest import _configured_app, isolated, window  # noqa: F401
