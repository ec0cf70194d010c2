"""Where the main window is and how wide its docks are: the size and place the advisor left it
in, always within the screen's available geometry (a small laptop screen, a scale factor of 2),
and docks that never take more than their share of the width."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow

# The default size and the docks' share of the width (named limits).
DEFAULT_SIZE = (1180, 800)
SIDE_PANEL_SHARE = 3  # the side panel takes at most a third of the width
SIDE_PANEL_WIDTH = 360
STEPS_SHARE = 5
STEPS_WIDTH = 220
STEPS_SHOWN_FROM = 1200  # the step list is shown by default on screens this wide
SIDE_PANEL_MINIMUM = 120
STEPS_MINIMUM = 140
DOCK_MARGIN = 8

GEOMETRY_KEY = "geometry"
STATE_KEY = "windowState"  # the docks: shown or not, where and how wide
STEPS_CHOSEN_KEY = "stepsChosen"  # the advisor showed or hid the step list (F8) themselves


def fit_rect(rect: QRect, available: QRect) -> QRect:
    """`rect` moved and shrunk so that it lies within `available`."""
    width = min(rect.width(), available.width())
    height = min(rect.height(), available.height())
    x = min(max(rect.x(), available.x()), available.right() - width + 1)
    y = min(max(rect.y(), available.y()), available.bottom() - height + 1)
    return QRect(x, y, width, height)


def available_geometry(window: QMainWindow) -> QRect:
    """The part of the window's screen that windows may take (without panels and docks)."""
    screen = window.screen() or QApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, *DEFAULT_SIZE)


class WindowPlacement:
    """The window's size and place: remembered between sessions, always on the screen."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.frame_known = False  # the window manager's frame is known (or there is none)

    def place(self) -> None:
        """The remembered size and place, or the default size in the middle of the screen;
        always within the screen's available geometry."""
        window = self.window
        available = available_geometry(window)
        geometry = QSettings().value(GEOMETRY_KEY)
        if geometry is None or not window.restoreGeometry(geometry):
            width, height = DEFAULT_SIZE
            window.resize(min(width, available.width()), min(height, available.height()))
            window.move(available.center() - window.rect().center())
        window.setGeometry(fit_rect(window.geometry(), available))

    def keep_frame_on_screen(self) -> None:
        """The whole frame (the title bar included) within the screen's available geometry. A
        window manager adds its frame after the window is shown, so this runs at every move and
        resize until the frame is known (then the window is where the advisor puts it)."""
        window = self.window
        if self.frame_known or not window.isVisible():
            return
        frame = window.frameGeometry()
        self.frame_known = frame != window.geometry()
        available = available_geometry(window)
        if available.contains(frame):
            return
        margins = window.windowHandle().frameMargins() if window.windowHandle() else None
        left = margins.left() if margins is not None else 0
        top = margins.top() if margins is not None else 0
        inner = QRect(
            available.x() + left,
            available.y() + top,
            available.width() - (frame.width() - window.width()),
            available.height() - (frame.height() - window.height()),
        )
        window.setGeometry(fit_rect(window.geometry(), inner))

    def save(self) -> None:
        QSettings().setValue(GEOMETRY_KEY, self.window.saveGeometry())


class DockLayout:
    """The side panel and the step list beside the wizard: as the advisor left them, else the
    side panel shown and the step list on a wide screen; never wider than their share."""

    def __init__(self, window: QMainWindow, side_panel: QDockWidget, steps: QDockWidget) -> None:
        self.window = window
        self.side_panel = side_panel
        self.steps = steps

    def restore(self) -> None:
        """The docks as the advisor left them; the step list as the screen allows unless the
        advisor chose it (hidden on a narrow screen, it is shown again on a wide one)."""
        window = self.window
        state = QSettings().value(STATE_KEY)
        wide = available_geometry(window).width() >= STEPS_SHOWN_FROM
        if state is not None and window.restoreState(state):
            if not _true(QSettings().value(STEPS_CHOSEN_KEY)):
                self.steps.setVisible(wide)
        else:
            self.steps.setVisible(wide)
            width = window.width()
            horizontal = Qt.Orientation.Horizontal
            window.resizeDocks(
                [self.side_panel], [min(SIDE_PANEL_WIDTH, width // SIDE_PANEL_SHARE)], horizontal
            )
            if wide:
                window.resizeDocks(
                    [self.steps], [min(STEPS_WIDTH, width // STEPS_SHARE)], horizontal
                )
        self.limit()

    def steps_chosen(self) -> None:
        """The advisor showed or hid the step list: from now on as they left it."""
        QSettings().setValue(STEPS_CHOSEN_KEY, True)

    def limit(self) -> None:
        """Each dock at most its share of the window's width (the window was resized)."""
        width = self.window.width()
        self.side_panel.setMaximumWidth(
            max(SIDE_PANEL_MINIMUM, width // SIDE_PANEL_SHARE - DOCK_MARGIN)
        )
        self.steps.setMaximumWidth(max(STEPS_MINIMUM, width // STEPS_SHARE))

    def save(self) -> None:
        QSettings().setValue(STATE_KEY, self.window.saveState())


def _true(value: object) -> bool:
    """A QSettings boolean (an INI file gives it back as the text "true")."""
    return value is True or str(value).lower() == "true"
