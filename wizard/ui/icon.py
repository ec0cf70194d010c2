"""The program's icon: the window's icon and the logo in the pages' header."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from wizard.paths import resources_dir

#: the pictures of the window's icon in pixels; the first is also the logo in the pages' header
ICON_SIZES = (48, 96)


def app_icon() -> QIcon:
    """The window's icon, from its PNG pictures at ICON_SIZES. The larger picture the system's
    menus get (resources/icons/adviesgesprek.png) is left out: on X11 the window manager is
    handed every picture of the icon."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resources_dir() / "icons" / f"adviesgesprek-{size}.png"
        if path.is_file():
            icon.addFile(str(path))
    return icon
