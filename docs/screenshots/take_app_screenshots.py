"""Take the desktop app's screenshots under Xvfb (the real xcb platform, not offscreen).

Run: ``xvfb-run -a -s "-screen 0 1440x900x24" /work/venv/bin/python
docs/screenshots/take_app_screenshots.py`` — writes ``app-*.png`` next to this file.
The sample study (with its codebooks and hand-made codings) is built in a temporary
folder, so the pictures show what a student sees after some hours of work.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

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


def shot(app, name: str) -> None:
    wait(app)
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
    from qualcode.demo import build_demo

    build_demo(path, coder="sari")


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    os.environ["QUALCODE_CONFIG_DIR"] = str(tmp / "config")
    project = tmp / "Sukamaju sample study.qdaproj"
    seed(project)
    from PySide6.QtCore import Qt

    from qualcode.settings import Settings
    from qualcode.ui.app import create_application
    from qualcode.ui.i18n import install_translator
    from qualcode.ui.main_window import MainWindow

    app = create_application()
    install_translator("en")
    settings = Settings(coder="sari", recent_projects=[str(project)])
    window = MainWindow(settings)
    window.setGeometry(0, 0, 1440, 900)
    window.show()
    shot(app, "start-page")

    window.open_path(str(project))
    window.docks["retrieval"].hide()
    view = window.workspace.view
    text = view.text()
    at = text.find("Kemudian untuk masyarakat")
    view.select_range(at, at + len("Kemudian untuk masyarakat"))
    view.scroll_to(text.find("Bagaimana kebijakan ini"))
    shot(app, "coding-workspace")

    at = text.find("Tinggal kesadaran masyarakatnya")
    view.select_range(at, at + len("Tinggal kesadaran masyarakatnya saja"))
    box = window.quick_code()
    box.edit.setText("anggar")
    shot(app, "quick-code")
    box.close()

    code = next(c for c in window.project.codes.all() if c.name == "Sumber daya")
    window.code_tree.select_code(code.id)
    window.show_excerpts(code.id)
    window.docks["retrieval"].show()
    shot(app, "excerpts")

    for dock in ("retrieval", "detail"):
        window.docks[dock].hide()
    displays = window.show_pane("displays")
    window.resizeDocks([window.docks["displays"]], [430], Qt.Orientation.Vertical)
    displays.form.set_type("factors")
    displays.build()
    idle(app, window)
    displays.table.setCurrentIndex(displays.model.index(1, 1))
    displays.open_cell(displays.model.index(1, 1))
    shot(app, "display")

    conclusions = window.show_pane("conclusions")
    claim_id = seed_conclusion(window)
    conclusions.reload()
    conclusions.select(claim_id)
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
    window.docks["detail"].show()

    window.set_language("id")
    window.detail.setCurrentWidget(window.detail.code)
    shot(app, "bahasa-indonesia")
    window.set_language("en")
    install_translator("en")
    window.close()


if __name__ == "__main__":
    main()
