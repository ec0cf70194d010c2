"""One Qt GUI application per process, created only when none exists yet.

Documents need a QGuiApplication (fonts, text layout, the PDF engine) but no window. On a
machine without a display (a server, a CI runner, `adviesgesprek batch` over SSH) Qt's default
platform plugin would abort with "could not connect to display"; there the offscreen plugin
is used instead.
"""

from __future__ import annotations

import os
import sys

from PySide6.QtGui import QGuiApplication

_application: QGuiApplication | None = None


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def ensure_gui_application() -> QGuiApplication:
    """The running QGuiApplication/QApplication, or a new QGuiApplication (offscreen when
    there is no display)."""
    global _application
    app = QGuiApplication.instance()
    if app is not None:
        return app  # type: ignore[return-value]
    if not os.environ.get("QT_QPA_PLATFORM") and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _application = QGuiApplication(sys.argv[:1] or ["adviesgesprek"])
    _application.setApplicationName("Adviesgesprek")
    return _application

