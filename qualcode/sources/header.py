"""Parse the header block at the top of an interview transcript.

Indonesian transcripts usually open with lines such as ``Hari/Tanggal: Senin,
27 Mei 2019``, ``Pukul: 09.00 WITA``, ``Tempat: Kantor Diskominfo``,
``Informan: ...``, ``Jabatan: ...``, ``Instansi: ...``, ``Kode Informan: IK-1``
(or their English forms), as text or as a two-column table (which extraction
turns into ``key | value`` lines). :func:`parse_header` finds that block and
maps its keys to a fixed set of field names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

#: Normalised field name -> key spellings (lower case, without ":").
FIELD_KEYS: dict[str, tuple[str, ...]] = {
    "date": ("hari/tanggal", "hari / tanggal", "hari, tanggal", "hari tanggal", "tanggal",
             "hari/tgl", "hari / tgl", "hari, tgl", "hari tgl",
             "tgl", "hari", "tanggal wawancara", "waktu wawancara", "date", "day/date",
             "interview date", "date of interview"),
    "time": ("waktu", "pukul", "jam", "time", "time of interview"),
    "duration": ("durasi", "lama wawancara", "duration", "length"),
    "place": ("tempat", "lokasi", "tempat wawancara", "lokasi wawancara", "place", "location",
              "venue", "setting"),
    "informant": ("informan", "nama informan", "nama", "narasumber", "nama narasumber",
                  "responden", "nama responden", "inisial informan", "nama/inisial informan",
                  "interviewee", "informant", "respondent", "participant", "name"),
    "position": ("jabatan", "posisi", "jabatan informan", "position", "role", "job title"),
    "organisation": ("instansi", "unit kerja", "dinas", "opd", "lembaga", "organisasi",
                     "asal instansi", "organisation", "organization", "agency", "institution",
                     "affiliation"),
    "informant_code": ("kode informan", "kode", "kode narasumber", "id informan",
                       "informant code", "code", "informant id"),
    "interviewer": ("pewawancara", "peneliti", "interviewer", "researcher", "moderator",
                    "fasilitator", "facilitator"),
    "participants": ("peserta", "peserta fgd", "participants", "partisipan"),
    "topic": ("topik", "tema", "topik wawancara", "topic", "subject"),
}  # fmt: skip
_KEY_TO_FIELD = {key: name for name, keys in FIELD_KEYS.items() for key in keys}
# Keys that are also speaker labels: alone they do not make a header.
_ROLE_KEYS = {"informan", "narasumber", "responden", "peneliti", "pewawancara", "interviewer",
              "interviewee", "informant", "respondent", "participant", "researcher",
              "moderator", "fasilitator", "facilitator", "peserta"}  # fmt: skip
# "Moderator   : Peneliti" inside a block whose colons are aligned is a field, not a turn.
_ALIGNED = re.compile(r"^[ \t]*\S[^:]*?\S[ \t]{2,}:")

_LINE = re.compile(
    r"^[ \t]*(?:\d{1,2}[.)][ \t]+|[-•*][ \t]+)?"  # optional numbering or bullet
    r"(?P<key>[A-Za-z][A-Za-z /,.()&-]{0,38}?)[ \t]*"
    r"(?::|\|[ \t]*:?)(?!//)[ \t]*(?:[:|][ \t]*)?(?P<value>.*)$"
)

MONTHS: dict[str, int] = {
    "januari": 1, "january": 1, "jan": 1, "februari": 2, "pebruari": 2, "february": 2,
    "feb": 2, "peb": 2, "maret": 3, "march": 3, "mar": 3, "april": 4, "apr": 4, "mei": 5,
    "may": 5, "juni": 6, "june": 6, "jun": 6, "juli": 7, "july": 7, "jul": 7, "agustus": 8,
    "august": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "oktober": 10, "october": 10, "okt": 10, "oct": 10, "november": 11, "nopember": 11,
    "nov": 11, "nop": 11, "desember": 12, "december": 12, "des": 12, "dec": 12,
}  # fmt: skip
_DMY_NAME = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?[ .-]+([A-Za-z]{3,9})\.?,?[ .-]+(\d{4})\b")
_MDY_NAME = re.compile(r"\b([A-Za-z]{3,9})\.?[ ]+(\d{1,2})(?:st|nd|rd|th)?,?[ ]+(\d{4})\b")
_NUMERIC = re.compile(r"\b(\d{1,4})[/.-](\d{1,2})[/.-](\d{2,4})\b")
_CLOCK_WORDS = re.compile(r"\b(?:pukul|jam|wib|wita|wit|at)\b", re.IGNORECASE)
_TIME = re.compile(r"\b([01]?\d|2[0-3])[.:]([0-5]\d)\b")


@dataclass(frozen=True, slots=True)
class Header:
    """A transcript header: normalised fields, raw pairs and where it sits.

    ``fields`` maps the names of :data:`FIELD_KEYS` to the raw value text;
    ``pairs`` keeps every ``(key, value)`` in order, including unknown keys;
    ``start``/``end`` are the offsets of the first and last header line.
    """

    fields: dict[str, str]
    pairs: list[tuple[str, str]]
    start: int
    end: int
    date: dt.date | None = None
    time: dt.time | None = None
    extra: dict[str, str] = field(default_factory=dict)


def parse_date(text: str) -> dt.date | None:
    """Parse a date as written in Indonesian or English transcripts; None if there is none.

    Handles "Senin, 27 Mei 2019", "27 Mei 2019", "May 27, 2019", "27/05/2019",
    "27-05-19", "2019-05-27". Numeric dates are day-first (Indonesian usage)
    unless they start with a four-digit year.
    """
    for pattern, order in ((_DMY_NAME, "dmy"), (_MDY_NAME, "mdy")):
        for match in pattern.finditer(text):
            a, b, year = match.groups()
            day, month_name = (a, b) if order == "dmy" else (b, a)
            month = MONTHS.get(month_name.lower())
            if month:
                try:
                    return dt.date(int(year), month, int(day))
                except ValueError:
                    continue
    for match in _NUMERIC.finditer(text):
        a, b, c = match.groups()
        if len(a) == 4:
            year, month, day = int(a), int(b), int(c)
        elif len(c) in (2, 4) and len(a) <= 2:
            day, month, year = int(a), int(b), int(c)
            if len(c) == 2:
                year += 2000
        else:
            continue
        try:
            return dt.date(year, month, day)
        except ValueError:
            continue
    return None


def parse_time(text: str) -> dt.time | None:
    """The first clock time in ``text`` ("09.00 WITA", "14:30-15:10"), or None."""
    match = _TIME.search(text)
    return dt.time(int(match.group(1)), int(match.group(2))) if match else None


def _pair(line: str) -> tuple[str, str] | None:
    match = _LINE.match(line)
    if match is None:
        return None
    key = " ".join(match.group("key").split()).rstrip(" .")
    if len(key.split()) > 4:
        return None
    return key, match.group("value").strip().strip("|").strip()


_CODE = re.compile(r"[A-Za-z]{1,3}[ -]?\d{1,3}")


def _row_pairs(key: str, value: str) -> list[tuple[str, str]]:
    """Split a metadata-table row with two pairs ("Kode | IK-1 | Tanggal | 3 Juni 2024")."""
    cells = [c.strip().strip(":").strip() for c in value.split("|")]
    if len(cells) == 3 and cells[1].lower() in _KEY_TO_FIELD:
        return [(key, cells[0]), (cells[1], cells[2])]
    if len(cells) == 4 and not cells[0] and cells[2].lower() in _KEY_TO_FIELD:
        return [(key, cells[1]), (cells[2], cells[3])]  # "Key | : | value | Key2 | value2"
    return [(key, value)]


def _looks_like_turn(key: str, value: str) -> bool:
    """A speaker turn such as "P: Selamat pagi" or "Informan: Ya, jadi begini ..."."""
    return (
        len(key) <= 2
        or _CODE.fullmatch(key) is not None
        or key.lower() in ("moderator", "fasilitator", "facilitator")
        or value.endswith("?")
        or len(value.split()) > 15
    )


def parse_header(text: str, *, max_lines: int = 40) -> Header | None:
    """Find the header block in the first ``max_lines`` lines; None when there is none.

    Up to three title lines ("TRANSKRIP WAWANCARA") may precede the first key;
    the block then runs while lines are ``key: value`` pairs (single blank lines
    allowed) and ends at the first other line. Unknown keys inside the block are
    kept in ``pairs``/``extra``. A block whose only key is a speaker word such
    as "Informan" is a speaker turn, not a header.
    """
    pos = 0
    lines: list[tuple[int, str]] = []
    for _ in range(max_lines):
        if pos > len(text):
            break
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        lines.append((pos, text[pos:end]))
        pos = end + 1
    found: list[tuple[int, int, str, str]] = []
    titles = 0
    blank_run = 0
    for start, line in lines:
        if not line.strip():
            blank_run += 1
            if found and blank_run > 1:
                break
            continue
        if found and blank_run == 0 and line[:1] in (" ", "\t") and _pair(line) is None:
            # An indented continuation of the previous field's value.
            s0, _, key, value = found[-1]
            found[-1] = (s0, start + len(line), key, f"{value} {line.strip()}".strip())
            continue
        blank_run = 0
        pair = _pair(line)
        if (
            pair is not None
            and _looks_like_turn(*pair)
            and not (found and _ALIGNED.match(line) and pair[0].lower() in _KEY_TO_FIELD)
        ):
            break
        known = pair is not None and pair[0].lower() in _KEY_TO_FIELD
        if pair is not None and (known or found):
            for key, value in _row_pairs(*pair):
                found.append((start, start + len(line), key, value))
            continue
        if found:
            break
        titles += 1
        if titles > 3:
            return None
    # Trailing unknown pairs ("P: Selamat pagi") are turns, not header lines.
    while found and found[-1][2].lower() not in _KEY_TO_FIELD:
        found.pop()
    known_keys = [k.lower() for _, _, k, _ in found if k.lower() in _KEY_TO_FIELD]
    if not known_keys or (len(found) == 1 and known_keys[0] in _ROLE_KEYS):
        return None
    fields: dict[str, str] = {}
    extra: dict[str, str] = {}
    for _, _, key, value in found:
        name = _KEY_TO_FIELD.get(key.lower())
        if name is None:
            extra[key] = value
        elif value and name not in fields:
            fields[name] = value
    # "Waktu: Senin, 27 Mei 2019" or "Tanggal: 27/05/2019 pukul 09.00" also happen.
    date = parse_date(fields.get("date", "")) or parse_date(fields.get("time", ""))
    time_text = fields.get("time", "")
    if not time_text and _CLOCK_WORDS.search(fields.get("date", "")):
        time_text = fields["date"]
    return Header(
        fields=fields,
        pairs=[(k, v) for _, _, k, v in found],
        start=found[0][0],
        end=found[-1][1],
        date=date,
        time=parse_time(time_text) if time_text else None,
        extra=extra,
    )
