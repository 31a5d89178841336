"""Plain words for conclusions: status labels and colours, evidence rows, verification figures.

The pane shows a claim's verification as one readable line ("4 informants,
3 sources, 2 source kinds (interview, document) · 38% from one informant ·
1 contradicting excerpt, not addressed · silent roles: warga") and warnings in
the user's language; the core's own warnings are English, so they are
rebuilt here from the figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication as Q
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from qualcode.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from qualcode.analysis.conclusions import ConclusionRecord
    from qualcode.analysis.verification import Verification

CONTEXT = "ConclusionsPane"

STATUS_LABELS = {
    "tentative": QT_TRANSLATE_NOOP("ConclusionsPane", "Tentative"),
    "verified": QT_TRANSLATE_NOOP("ConclusionsPane", "Verified"),
    "rejected": QT_TRANSLATE_NOOP("ConclusionsPane", "Rejected"),
}
STATUS_COLORS = {"tentative": "#d99a00", "verified": "#2e7d32", "rejected": "#c62828"}
STANCE_LABELS = {
    "supporting": QT_TRANSLATE_NOOP("ConclusionsPane", "Supporting"),
    "contradicting": QT_TRANSLATE_NOOP("ConclusionsPane", "Contradicting"),
}
KIND_WORDS = {
    "interview": QT_TRANSLATE_NOOP("ConclusionsPane", "interview"),
    "focus-group": QT_TRANSLATE_NOOP("ConclusionsPane", "focus group"),
    "observation": QT_TRANSLATE_NOOP("ConclusionsPane", "observation"),
    "document": QT_TRANSLATE_NOOP("ConclusionsPane", "document"),
    "other": QT_TRANSLATE_NOOP("ConclusionsPane", "other"),
}


def tr(text: str) -> str:
    """Translate in the pane's context."""
    return Q.translate(CONTEXT, text)


def status_label(status: str) -> str:
    """A status in the current language."""
    return tr(STATUS_LABELS.get(status, status))


def stance_label(stance: str) -> str:
    """A stance (supporting / contradicting) in the current language."""
    return tr(STANCE_LABELS.get(stance, stance))


def status_icon(status: str) -> QIcon:
    """A coloured dot (verified: filled green; tentative: amber ring; rejected: red cross)."""
    pixmap = QPixmap(14, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    color = QColor(STATUS_COLORS.get(status, "#777777"))
    if status == "rejected":
        pen = painter.pen()
        pen.setColor(color)
        pen.setWidth(3)
        painter.setPen(pen)
        painter.drawLine(3, 3, 11, 11)
        painter.drawLine(11, 3, 3, 11)
    elif status == "tentative":
        pen = painter.pen()
        pen.setColor(color)
        pen.setWidth(3)
        painter.setPen(pen)
        painter.drawEllipse(3, 3, 8, 8)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(color)
        painter.drawEllipse(1, 1, 12, 12)
    painter.end()
    return QIcon(pixmap)


def _count(n: int, one: str, many: str, none: str | None = None) -> str:
    if n == 0 and none is not None:
        return tr(none)
    return tr(one) if n == 1 else tr(many).format(n=n)


def figures_text(v: Verification) -> str:
    """The verification figures of a claim in one line of plain words."""
    kinds = ", ".join(tr(KIND_WORDS.get(k, k)) for k in v.source_kinds)
    first = ", ".join(
        [
            _count(v.supporting, QT_TRANSLATE_NOOP("ConclusionsPane", "1 supporting excerpt"),
                   QT_TRANSLATE_NOOP("ConclusionsPane", "{n} supporting excerpts"),
                   QT_TRANSLATE_NOOP("ConclusionsPane", "no supporting excerpt")),
            _count(len(v.cases), QT_TRANSLATE_NOOP("ConclusionsPane", "1 informant"),
                   QT_TRANSLATE_NOOP("ConclusionsPane", "{n} informants")),
            _count(len(v.sources), QT_TRANSLATE_NOOP("ConclusionsPane", "1 source"),
                   QT_TRANSLATE_NOOP("ConclusionsPane", "{n} sources")),
            _count(len(v.source_kinds), QT_TRANSLATE_NOOP("ConclusionsPane", "1 source kind"),
                   QT_TRANSLATE_NOOP("ConclusionsPane", "{n} source kinds"))
            + (f" ({kinds})" if kinds else ""),
        ]
    )  # fmt: skip
    parts = [first]
    if v.supporting and v.top_case is not None:
        parts.append(
            Q.translate("ConclusionsPane", "{share} from one informant ({name})").format(
                share=f"{v.top_case_share:.0%}", name=v.top_case
            )
        )
    parts.append(_contradicting_text(v))
    if v.role_attribute:
        if v.silent_roles:
            parts.append(
                Q.translate("ConclusionsPane", "silent roles: {roles}").format(
                    roles=", ".join(v.silent_roles)
                )
            )
        else:
            parts.append(Q.translate("ConclusionsPane", "every role is heard"))
    return " · ".join(parts)


def _contradicting_text(v: Verification) -> str:
    n, open_ = v.contradicting, len(v.unaddressed)
    if n == 0:
        return Q.translate("ConclusionsPane", "no contradicting excerpt")
    if n == 1:
        return (
            Q.translate("ConclusionsPane", "1 contradicting excerpt, not addressed")
            if open_
            else Q.translate("ConclusionsPane", "1 contradicting excerpt, addressed")
        )
    if open_ == 0:
        return Q.translate("ConclusionsPane", "{n} contradicting excerpts, all addressed").format(
            n=n
        )
    return Q.translate(
        "ConclusionsPane", "{n} contradicting excerpts, {open} not addressed"
    ).format(n=n, open=open_)


def source_text(source: Any) -> str:
    """Where a claim came from, in the user's language (a ``ClaimSource``)."""
    if source.kind == "memo":
        text = Q.translate("ConclusionsPane", "Memo “{title}”").format(
            title=source.memo_title or source.link_id
        )
    else:
        parts = {
            "display": Q.translate("ConclusionsPane", "Display “{name}”"),
            "row": Q.translate("ConclusionsPane", "Display “{name}”, row {row}"),
            "column": Q.translate("ConclusionsPane", "Display “{name}”, column {column}"),
            "cell": Q.translate("ConclusionsPane", "Display “{name}”, cell {row} × {column}"),
        }
        text = parts[source.kind].format(
            name=source.display_name or "?", row=source.row_label, column=source.col_label
        )
        if source.summary:
            text += ": " + flat(source.summary, 160)
    if source.gone:
        text += " " + Q.translate("ConclusionsPane", "(no longer there)")
    return text


def warnings_text(v: Verification) -> list[str]:
    """What weakens the claim, in the user's language (the core's warnings, translated)."""
    from qualcode.analysis.verification import CONTEXT

    return [Q.translate(CONTEXT, template).format(**params) for template, params in v.warning_items]


@dataclass(frozen=True, slots=True)
class EvidenceRow:
    """One linked excerpt with what the pane shows about it."""

    coding_id: int
    stance: str
    note: str
    source_id: int | None  # None: the coding was deleted
    source: str
    start: int
    end: int
    informant: str
    coder: str
    code: str
    text: str


def evidence_rows(project: Any, record: ConclusionRecord) -> list[EvidenceRow]:
    """The excerpts linked to a claim, attributed to source, informant, coder and code."""
    from qualcode.analysis.corpus import CODE, CODER, END, ID, SRC, START, load_codings

    corpus = load_codings(project, [e.coding_id for e in record.evidence])
    by_id = corpus.by_id()
    texts: dict[int, str] = {}
    rows = []
    for e in record.evidence:
        c = by_id.get(e.coding_id)
        if c is None:
            gone = Q.translate("ConclusionsPane", "(this excerpt no longer exists)")
            rows.append(
                EvidenceRow(e.coding_id, e.stance, e.note, None, "", 0, 0, "", "", "", gone)
            )
            continue
        sid = c[SRC]
        if sid not in texts:
            texts[sid] = project.sources.text(sid)
        informant = ", ".join(corpus.case_names[k] for k in corpus.cases_of(c))
        rows.append(
            EvidenceRow(
                c[ID], e.stance, e.note, sid, corpus.sources[sid][0], c[START], c[END],
                informant, corpus.coders.get(c[CODER], "?"), corpus.code_path(c[CODE]),
                texts[sid][c[START] : c[END]],
            )
        )  # fmt: skip
    return rows


def flat(text: str, limit: int = 300) -> str:
    """One line of at most ``limit`` characters."""
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1] + "…"
