"""Render qualcode.svg to the PNG the bundle and the Linux desktop entry use.

Run after editing the SVG: ``.venv/bin/python packaging/icons/render.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SIZE = 256


def main() -> None:
    """Write qualcode.png (256 px, transparent corners)."""
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HERE / "qualcode.svg"))
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    image.save(str(HERE / "qualcode.png"))
    del app


if __name__ == "__main__":
    main()
