"""Find speaker turns in a transcript ("P: ...", "Informan 3: ...", Q/A tables).

A turn starts at a speaker marker at the start of a line: an optional
timestamp (``[00:12:34]``, ``(12:34)`` or bare ``00:12:34``), a short label and
a colon, optionally with the timestamp after the label or after the colon.
The turn runs until the next marker, so a turn may span several lines.

``Turn.start``..``Turn.end`` covers the whole turn *including* its marker (so
selecting a turn selects "P: ..." as written); ``content_start`` is where the
spoken text begins, ``marker_end`` where the marker (label and colon) ends.
``end`` excludes trailing blank lines.

To avoid false positives ("Catatan: ..." inside an answer, "Pasal 3:", URLs,
clock times, "Hari/Tanggal:" header lines) a label is accepted only if it is a
known role word or code (P, I, T, J, Q, A, Peneliti, Informan 3, IK-1, P1,
Moderator...) or if it recurs, is capitalised like a name ("Bu Sari", "Pak
Darto") and is not a known non-speaker word; names alone must come with at
least one other speaker. Lines inside the transcript header are never turns.

A label may also stand on a line of its own ("PEWAWANCARA", "Informan 2",
"[00:01:05] Peneliti", "Narasumber (00:01:30)"), the answer following in one
or more paragraphs, or open a paragraph in bold without a colon (Word's
``label`` blocks). Such loose labels count only when at least two speakers
are found, and a lone one-letter line ("I", "A") must recur, so headings,
numbering and bold emphasis do not become speakers.

In a transcript without colon markers, a dash with spaces around it ("P - ...",
"Informan 3 – ...", "Peneliti — ...") marks a turn too, when the dash labels read as a
dialogue: recurring role words or codes (names only beside them), an interviewer and
a participant among them. Headings ("I - Pendahuluan") and prose dashes stay text.

For Word/HTML/ODT tables, pass the extractor's ``blocks``: a table whose first
row names a question and an answer column (No | Pertanyaan | Jawaban) gives
one turn per non-empty cell, and a table whose first column holds speaker
labels (or whose first column holds timestamps and the second the labels)
gives one turn per row.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

Role = Literal["interviewer", "participant"]

_INTERVIEWER = {"p", "t", "q", "peneliti", "pewawancara", "penanya", "interviewer", "researcher",
                "moderator", "fasilitator", "facilitator", "tanya", "pertanyaan", "question",
                "int", "iv", "penulis"}  # fmt: skip
_PARTICIPANT = {"i", "j", "a", "r", "n", "informan", "narasumber", "responden", "jawab",
                "jawaban", "answer", "interviewee", "informant", "respondent", "participant",
                "peserta", "partisipan", "subjek", "tanggapan"}  # fmt: skip
_CODE = re.compile(r"(?:ik|iu|it|ip|ip|i|p|r|n|s|w|k|pk|pu)[ -]?\d{1,3}[a-z]?", re.IGNORECASE)
_NOT_SPEAKERS = {
    "pasal", "ayat", "bab", "bagian", "paragraf", "lampiran", "catatan", "keterangan", "ket",
    "note", "notes", "nb", "sumber", "source", "contoh", "misalnya", "misal", "tabel", "gambar",
    "figure", "table", "langkah", "tahap", "step", "poin", "point", "hal", "perihal", "nomor",
    "no", "tanggal", "tgl", "waktu", "pukul", "jam", "tempat", "lokasi", "hari", "date", "time",
    "place", "location", "kegiatan", "agenda", "tujuan", "hasil", "kesimpulan", "rekomendasi",
    "refleksi", "deskripsi", "observasi", "menimbang", "mengingat", "memperhatikan",
    "memutuskan", "menetapkan", "kesatu", "kedua", "ketiga", "keempat", "kelima", "pertama",
    "definisi", "ketentuan", "judul", "topik", "tema", "subjek", "subject", "re", "fw", "dari",
    "kepada", "to", "from", "cc", "url", "link", "website", "email", "e-mail", "telp",
    "telepon", "hp", "fax", "alamat", "jabatan", "instansi", "nama", "kode", "durasi",
    "http", "https", "ftp", "mailto", "www", "isu", "masalah", "temuan", "analisis",
    "komentar", "comment", "oc", "ringkasan", "summary", "total", "jumlah", "status",
}  # fmt: skip

_TS = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
_LABEL = rf"[^\W\d_][\w.'’-]*(?:[ ][\w.'’-]+){{0,3}}(?:[ ]?\((?!{_TS}\))[^()\n]{{1,40}}\))?"
_MARKER = re.compile(
    rf"^[ \t]*(?:[\[(](?P<ts1>{_TS})[\])][ \t]*(?:[-–][ \t]*)?"
    rf"|(?P<ts2>{_TS})[ \t]+(?:[-–][ \t]*)?)?"
    rf"(?:\*\*)?(?P<label>{_LABEL})(?:\*\*)?[ \t]*(?:[\[(](?P<ts3>{_TS})[\])][ \t]*)?(?:\*\*)?"
    rf"[ \t]*(?P<colon>:)(?!//)(?!\d)(?:\*\*)?[ \t]*(?:[\[(](?P<ts4>{_TS})[\])][ \t]*)?",
    re.MULTILINE,
)
# "P - Bagaimana ...", "Informan 3 – Ya ...": a dash with spaces around it instead of a colon
# (never "E-Gov": a hyphen inside a word has no spaces); taken only for role words and
# codes that recur, with both an interviewer and a participant among them.
_DASH_MARKER = re.compile(
    rf"^[ \t]*(?:[\[(](?P<ts1>{_TS})[\])][ \t]*|(?P<ts2>{_TS})[ \t]+)?"
    rf"(?P<label>{_LABEL})[ \t]+(?P<colon>[-–—])[ \t]+(?=\S)",
    re.MULTILINE,
)
_LINE_LABEL = re.compile(
    rf"^[ \t]*(?:[\[(](?P<ts1>{_TS})[\])][ \t]*(?:[-–][ \t]*)?"
    rf"|(?P<ts2>{_TS})[ \t]+(?:[-–][ \t]*)?)?"
    rf"(?:\*\*)?(?P<label>{_LABEL})(?:\*\*)?"
    rf"(?:[ \t]*(?:[-–][ \t]*)?[\[(]?(?P<ts3>{_TS})[\])]?)?[ \t]*:?[ \t]*$",
    re.MULTILINE,
)
_TS_ONLY = re.compile(rf"[ \t]*[\[(]?(?P<ts>{_TS})[\])]?[ \t]*(?:[-–][ \t]*)?")
_BOLD_LABEL = re.compile(
    rf"[ \t]*(?P<label>{_LABEL})[ \t]*(?:[\[(]?(?P<ts>{_TS})[\])]?[ \t]*)?(?P<colon>:)?[ \t]*"
)
_AFTER_LABEL = re.compile(
    rf"[ \t]*(?:[\[(](?P<ts>{_TS})[\])][ \t]*)?(?P<colon>:)?(?!//)[ \t]*(?:[-–][ \t]+)?"
)
_WORDS = re.compile(r"\([^()]*\)")
_BASE = re.compile(r"^([^\W\d_]+)[ -]*(\d+)?", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker turn; see the module docstring for what each offset means."""

    start: int
    end: int
    speaker: str
    marker_end: int
    content_start: int
    timestamp: str | None = None

    @property
    def role(self) -> Role:
        """The guessed role of the speaker (see :func:`classify_speaker`)."""
        return classify_speaker(self.speaker)

    @property
    def seconds(self) -> int | None:
        """The timestamp in whole seconds from the start of the recording."""
        if self.timestamp is None:
            return None
        parts = [int(p) for p in re.split(r"[.,]", self.timestamp)[0].split(":")]
        seconds = 0
        for part in parts:
            seconds = seconds * 60 + part
        return seconds


class _BlockLike(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def table(self) -> int | None: ...
    @property
    def row(self) -> int | None: ...
    @property
    def col(self) -> int | None: ...


def _base(label: str) -> tuple[str, str | None]:
    match = _BASE.match(_WORDS.sub("", label).strip().lower())
    return (match.group(1), match.group(2)) if match else ("", None)


def classify_speaker(label: str) -> Role:
    """Guess whether a label names the interviewer or a participant.

    P, T, Q, Peneliti, Pewawancara, Interviewer, Moderator, Pertanyaan... are
    interviewers; numbered "P1", "P2" are FGD participants (peserta), as are
    every other label and personal name.
    """
    base, number = _base(label)
    if base in _INTERVIEWER and not (base == "p" and number is not None):
        return "interviewer"
    return "participant"


def is_role_label(label: str) -> bool:
    """True for role words and informant codes ("Informan 3", "IK-1", "P1", "Moderator")."""
    clean = _WORDS.sub("", label).strip()
    if _CODE.fullmatch(clean):
        return True
    base, _ = _base(clean)
    rest = clean[len(base) :].strip(" -")
    return base in _INTERVIEWER | _PARTICIPANT and (not rest or rest.isdigit())


def _name_like(label: str) -> bool:
    words = _WORDS.sub("", label).split()
    if not words or words[0].lower().rstrip(".") in _NOT_SPEAKERS:
        return False
    return all(w[0].isupper() or w[0].isdigit() for w in words)


def _clean_label(label: str) -> str:
    return " ".join(label.split())


def _table_turns(text: str, blocks: Sequence[_BlockLike]) -> tuple[list[Turn], list[range]]:
    cells: dict[int, dict[int, dict[int, _BlockLike]]] = {}
    spans: dict[int, range] = {}
    for b in blocks:
        if b.kind == "table-cell" and b.table is not None and b.row is not None:
            cells.setdefault(b.table, {}).setdefault(b.row, {})[b.col or 0] = b
        elif b.kind == "table" and b.table is not None:
            spans[b.table] = range(b.start, b.end + 1)
    turns: list[Turn] = []
    used: list[range] = []
    for table, rows in cells.items():
        found = _qa_table(text, rows) or _speaker_table(text, rows)
        if found:
            turns.extend(found)
            if table in spans:
                used.append(spans[table])
    return turns, used


def _cell(text: str, b: _BlockLike) -> str:
    return text[b.start : b.end].strip()


def _qa_table(text: str, rows: dict[int, dict[int, _BlockLike]]) -> list[Turn]:
    first = min(rows)
    head = {col: _cell(text, b) for col, b in rows[first].items()}
    q_col = next((c for c, h in sorted(head.items()) if h and _base(h)[0] in _INTERVIEWER), None)
    a_col = next((c for c, h in sorted(head.items()) if h and _base(h)[0] in _PARTICIPANT), None)
    if q_col is None or a_col is None or q_col == a_col:
        return []
    turns = []
    for row in sorted(rows)[1:]:
        for col in (q_col, a_col):
            b = rows[row].get(col)
            if b is not None and _cell(text, b):
                content = b.start + len(text[b.start : b.end]) - len(text[b.start : b.end].lstrip())
                turns.append(Turn(content, b.end, head[col], content, content))
    return turns


def _speaker_table(text: str, rows: dict[int, dict[int, _BlockLike]]) -> list[Turn]:
    """Rows of ``label | text`` (or ``time | label | text``, ``label | time | text``)."""
    ts_col = _timestamp_column(text, rows)
    label_col = 1 if ts_col == 0 else 0
    entries = []
    for row in sorted(rows):
        label_cell, body = rows[row].get(label_col), rows[row].get(label_col + 1)
        if label_cell is None or body is None:
            return []
        label = _cell(text, label_cell).rstrip(":").strip()
        if not label and not _cell(text, body):
            continue
        entries.append((label, label_cell, rows[row]))
    if entries and entries[0][0].lower() in {
        "nama", "pembicara", "speaker", "penutur", "no", "waktu", "time", "timestamp",
    }:  # fmt: skip
        entries = entries[1:]
    counts = Counter(label for label, _, _ in entries)
    if len(entries) < 2 or not all(
        re.fullmatch(_LABEL, label)
        and (is_role_label(label) or (counts[label] > 1 and _name_like(label)))
        for label, _, _ in entries
    ):
        return []
    turns = []
    for label, label_cell, row_cells in entries:
        said = [
            b for col, b in sorted(row_cells.items())
            if col > label_col and col != ts_col and _cell(text, b)
        ]  # fmt: skip
        first = row_cells.get(0, label_cell)
        end = said[-1].end if said else label_cell.end
        content = said[0].start if said else label_cell.end
        stamp = row_cells.get(ts_col) if ts_col is not None else None
        ts = _cell(text, stamp).strip("[]()") if stamp is not None else None
        ts = ts if ts and re.fullmatch(_TS, ts) else None
        turns.append(Turn(first.start, end, label, label_cell.end, content, ts))
    return turns


def _timestamp_column(text: str, rows: dict[int, dict[int, _BlockLike]]) -> int | None:
    """The column (0 or 1) whose cells are mostly timestamps, if any."""
    for col in (0, 1):
        cells = [_cell(text, r[col]).strip("[]()") for r in rows.values() if col in r]
        stamps = sum(1 for c in cells if re.fullmatch(_TS, c))
        if cells and stamps >= max(2, len(cells) // 2):
            return col
    return None


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    label: str
    marker_end: int
    content: int
    timestamp: str | None
    style: Literal["colon", "dash", "line", "bold"]


def _colon_candidates(text: str) -> list[_Candidate]:
    found = []
    for m in _MARKER.finditer(text):
        marker_end = m.end("colon")
        if text.startswith("**", marker_end):
            marker_end += 2
        ts = m.group("ts1") or m.group("ts2") or m.group("ts3") or m.group("ts4")
        label = _clean_label(m.group("label"))
        found.append(_Candidate(m.start(), label, marker_end, m.end(), ts, "colon"))
    return found


def _dash_candidates(text: str) -> list[_Candidate]:
    found = []
    for m in _DASH_MARKER.finditer(text):
        ts = m.group("ts1") or m.group("ts2")
        label = _clean_label(m.group("label"))
        found.append(_Candidate(m.start(), label, m.end("colon"), m.end(), ts, "dash"))
    return found


def _line_candidates(text: str) -> list[_Candidate]:
    """Labels on a line of their own ("PEWAWANCARA", "[00:01:12] Informan 2")."""
    found = []
    for m in _LINE_LABEL.finditer(text):
        ts = m.group("ts1") or m.group("ts2") or m.group("ts3")
        label = _clean_label(m.group("label"))
        found.append(_Candidate(m.start(), label, m.end("label"), m.end(), ts, "line"))
    return found


def _bold_candidates(text: str, blocks: Sequence[_BlockLike]) -> list[_Candidate]:
    """Bold openings of paragraphs ("**Peneliti** Bagaimana ...") that read as labels."""
    found = []
    for b in blocks:
        if b.kind != "label":
            continue
        line_start = text.rfind("\n", 0, b.start) + 1
        before = text[line_start : b.start]
        ts_before = _TS_ONLY.fullmatch(before)
        if before.strip() and ts_before is None:
            continue
        m = _BOLD_LABEL.fullmatch(text[b.start : b.end])
        if m is None:
            continue
        end = b.end
        tail = _AFTER_LABEL.match(text, end)
        content = tail.end() if tail else end
        ts = (
            (ts_before.group("ts") if ts_before else None)
            or m.group("ts")
            or (tail.group("ts") if tail else None)
        )
        label = _clean_label(m.group("label"))
        marker_end = b.start + m.end("label")
        if tail is not None and tail.group("colon"):
            marker_end = end + tail.end("colon") - tail.start()
        elif m.group("colon"):
            marker_end = b.start + m.end("colon")
        found.append(_Candidate(line_start, label, marker_end, content, ts, "bold"))
    return found


def _accept(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep the candidates that are speaker labels (see the module docstring)."""
    counts = Counter(c.label.lower() for c in candidates)
    dashed = [c for c in candidates if c.style == "dash"]
    candidates = [c for c in candidates if c.style != "dash"]
    if not any(c.style == "colon" for c in candidates):  # dashes only where no colon marks turns
        candidates = sorted([*candidates, *_dashed_dialogue(dashed, counts)], key=lambda c: c.start)
    accepted = []
    for c in candidates:
        role = is_role_label(c.label)
        recurring = counts[c.label.lower()] > 1
        if c.style == "line" and role and len(_base(c.label)[0]) <= 1 and not recurring:
            continue  # a lone "I" or "A" line is a numbering, not a speaker
        if role or (recurring and _name_like(c.label)):
            accepted.append(c)
    labels = {c.label.lower() for c in accepted}
    if labels and not any(is_role_label(c.label) for c in accepted) and len(labels) < 2:
        return []
    # Labels on lines of their own (or bold openings) need a second speaker to be a dialogue.
    loose = {c.label.lower() for c in accepted if c.style not in ("colon", "dash")}
    if loose and len(labels) < 2:
        accepted = [c for c in accepted if c.style in ("colon", "dash")]
    return accepted


def _dashed_dialogue(dashed: list[_Candidate], counts: Counter[str]) -> list[_Candidate]:
    """Dash-marked candidates that read as a dialogue: recurring role words or codes (and
    recurring names beside them), an interviewer and a participant among them (so
    "I - Pendahuluan" stays a heading)."""
    recurring = [c for c in dashed if counts[c.label.lower()] > 1]
    kept = [c for c in recurring if is_role_label(c.label)]
    if kept:  # names ("Bu Sari - ...") only beside a role word or code
        kept = [c for c in recurring if is_role_label(c.label) or _name_like(c.label)]
    roles = {classify_speaker(c.label) for c in kept}
    return kept if roles == {"interviewer", "participant"} else []


def detect_turns(text: str, blocks: Sequence[_BlockLike] | None = None) -> list[Turn]:
    """All speaker turns in ``text`` in order; an empty list when none are found.

    A turn runs from its marker to the next one, so the paragraphs that follow
    a label (continuations of the answer) belong to the last speaker.
    """
    from qualcode.sources.header import parse_header

    header = parse_header(text)
    skip_until = header.end if header else 0
    table_turns, table_spans = _table_turns(text, blocks) if blocks else ([], [])

    by_start: dict[int, _Candidate] = {}
    bold = _bold_candidates(text, blocks) if blocks else []
    for c in [*_colon_candidates(text), *bold, *_dash_candidates(text), *_line_candidates(text)]:
        if c.start < skip_until or len(c.label) > 40 or c.start in by_start:
            continue
        if any(c.start in span for span in table_spans):
            continue
        by_start[c.start] = c
    accepted = _accept(sorted(by_start.values(), key=lambda c: c.start))

    starts = sorted([c.start for c in accepted] + [t.start for t in table_turns])
    turns = list(table_turns)
    for c in accepted:
        at = bisect_right(starts, c.start)
        next_start = starts[at] if at < len(starts) else len(text)
        for span in table_spans:
            if c.start < span.start < next_start:
                next_start = span.start
        end = c.start + len(text[c.start : next_start].rstrip())
        content = c.content
        while content < end and text[content] in " \t\n":
            content += 1
        end = max(end, c.marker_end)
        if c.style not in ("colon", "dash") and content >= end:
            continue  # a label with nothing said after it
        turns.append(Turn(c.start, end, c.label, c.marker_end, min(content, end), c.timestamp))
    turns.sort(key=lambda t: t.start)
    return turns
