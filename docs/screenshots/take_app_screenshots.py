"""Take the desktop app's screenshots under Xvfb (the real xcb platform, not offscreen).

The screen is a 1366×768 laptop, the most common student screen, with a window
manager so the window is maximised as on a real desktop. Run from the checkout:

    Xvfb :99 -screen 0 1366x768x24 &  DISPLAY=:99 openbox &
    DISPLAY=:99 .venv/bin/python docs/screenshots/take_app_screenshots.py

It writes ``app-*.png`` (English) and ``app-*-id.png`` (Bahasa Indonesia) next to
this file. The sample study (with its codebooks and hand-made codings) is built in
a temporary folder, so the pictures show what a student sees after some hours of work.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")


def wait(app, ms: int = 250) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()
    app.processEvents()


LANGUAGE: dict[str, Any] = {"suffix": ""}


def shot(app, name: str) -> None:
    wait(app, 400)
    name = f"{name}{LANGUAGE['suffix']}"
    app.primaryScreen().grabWindow(0).save(str(HERE / f"app-{name}.png"))
    print("saved", name)


def idle(app, window) -> None:
    """Wait until the window's worker tasks are done."""
    while window.dispatcher.busy:
        wait(app, 50)
    wait(app)


def seed_conclusion(window) -> int:
    """A claim with supporting and contradicting excerpts, as a student would write it."""
    from qualcode.coding.codings import CodingFilter

    project = window.project
    budget = project.codes.find("Anggaran")
    codings = project.codings.list(CodingFilter(code_ids=[budget.id]))
    claim = project.conclusions.create(
        "Keterbatasan anggaran menghambat pelatihan operator di OPD teknis.",
    ).result
    project.conclusions.link_evidence(claim.id, [c.id for c in codings[:5]], "supporting")
    project.conclusions.link_evidence(claim.id, [codings[-1].id], "contradicting")
    return claim.id


def seed(path: Path) -> None:
    """Build the sample study: sources, cases, three codebooks and two coders' codings."""
    from qualcode.app.demo import build_demo

    build_demo(path, coder="sari")


def tour(app, window, project: Path, language: str) -> None:
    """Every screenshot, in one language (``_id`` names for Bahasa Indonesia)."""
    from PySide6.QtCore import Qt

    LANGUAGE["suffix"] = "" if language == "en" else f"-{language}"
    window.set_language(language)
    window.close_project()
    shot(app, "start-page")

    window.open_path(str(project))
    for key in ("retrieval", "detail", "navigation", "codebook"):
        window.docks[key].show()
    view = window.workspace.view
    source = next(s for s in window.project.sources.all() if s.name.startswith("W1"))
    window.open_source(source.id)
    text = view.text()
    at = text.find("Kemudian untuk masyarakat")
    view.select_range(at, at + len("Kemudian untuk masyarakat"))
    view.scroll_to(text.find("Bagaimana kebijakan ini"))
    shot(app, "coding-workspace")

    at = text.find("Tinggal kesadaran masyarakatnya")
    view.select_range(at, at + len("Tinggal kesadaran masyarakatnya saja"))
    box = window.quick_code()
    box.edit.setText("SOP")
    shot(app, "quick-code")
    box.close()

    code = next(c for c in window.project.codes.all() if c.codebook_code == "RES")
    window.code_tree.select_code(code.id)
    window.show_excerpts(code.id)
    shot(app, "excerpts")

    speakers = window.show_pane("speakers")
    speakers.show_source(source.id)
    shot(app, "speakers")
    window.show_pane("cases")
    shot(app, "cases")

    displays = window.show_pane("displays")
    window.resizeDocks([window.docks["displays"]], [330], Qt.Orientation.Vertical)
    displays.form.set_type("factors")
    displays.build()
    idle(app, window)
    displays.table.setCurrentIndex(displays.model.index(1, 1))
    displays.open_cell(displays.model.index(1, 1))
    shot(app, "display")

    conclusions = window.show_pane("conclusions")
    if "claim" not in LANGUAGE:
        LANGUAGE["claim"] = seed_conclusion(window)
    conclusions.reload()
    conclusions.select(LANGUAGE["claim"])
    shot(app, "conclusion")

    agreement = window.show_pane("agreement")
    agreement.fill_choices()
    agreement.compute()
    idle(app, window)
    shot(app, "agreement")

    search = window.show_pane("search")
    search.start("anggaran")
    search.run_search()
    idle(app, window)
    shot(app, "search")
    window.docks["retrieval"].raise_()


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["QUALCODE_CONFIG_DIR"] = str(tmp / "config")
    project = tmp / "Sukamaju sample study.qdaproj"
    seed(project)

    from qualcode.settings import Settings
    from qualcode.ui.i18n import install_translator
    from qualcode.ui.shell.app import create_application
    from qualcode.ui.shell.main_window import MainWindow

    app = create_application()
    install_translator("en")
    settings = Settings(coder="sari", coder_role="researcher", recent_projects=[str(project)])
    window = MainWindow(settings)
    window.showMaximized()
    wait(app, 800)
    for language in ("en", "id"):
        tour(app, window, project, language)
    window.set_language("en")
    install_translator("en")
    window.close()


if __name__ == "__main__":
    main()
