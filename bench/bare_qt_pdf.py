"""The baseline of the render benchmark: load Qt and print a QTextDocument of the given HTML
files to PDF/A-1b files, and nothing else.

    python bench/bare_qt_pdf.py OUT_DIR FILE.html...
"""

import os
import sys

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import (
    QGuiApplication,
    QPagedPaintDevice,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

app = QGuiApplication(sys.argv[:1])
out = sys.argv[1]
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as handle:
        html = handle.read()
    writer = QPdfWriter(os.path.join(out, os.path.basename(path) + ".pdf"))
    writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer
