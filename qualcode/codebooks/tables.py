"""A codebook drafted as a table (Excel, CSV or Word) read into a :class:`Codebook`.

Students and supervisors write a theory-driven codebook as a table long before it is a
YAML file: ``Variabel | Dimensi | Indikator | Definisi``, ``Kode | Definisi | Contoh``
with "1.1 Transmisi" numbering, or QualCode's own .xlsx/.docx export. The header row is
found by its column names (English or Indonesian, see :data:`HEADERS`); title rows above
it and blank rows are skipped. The hierarchy comes from, in this order: a path column;
grouping columns (left to right, a blank cell repeating the one above); outline numbers
in the code cell ("1.", "1.1", "A.", "a)"), which are stripped from the label; dotted
code ids (COM.1 under COM); the cells' indentation. Code ids come from a code id column,
else from the path, so loading the same table again merges instead of duplicating. The
result is the same model a YAML file gives, so a project loads it the same way (format
in ``docs/codebook-format.md``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from qualcode.codebooks.model import REQUIRED_LANGUAGES, Codebook, CodebookError, iter_codes
from qualcode.codebooks.table_codes import Row, build_codes
from qualcode.codebooks.table_files import TABLE_SUFFIXES, Cell, Grid, read_grids
from qualcode.i18n import QT_TRANSLATE_NOOP

__all__ = ["HEADERS", "TABLE_SUFFIXES", "read_table_codebook"]

DEFAULT_LANGUAGE = "id"
HEADER_SEARCH_ROWS = 30

# role -> header names (normalised: lower case, words only)
HEADERS: dict[str, tuple[str, ...]] = {
    "label": (
        "code", "codes", "label", "kode", "nama kode", "sub kode", "subkode", "sub code",
        "subcode", "indikator", "indicator", "indikator kode", "code name", "code label",
        "sub indikator", "subindikator", "sub indicator",
    ),
    "label_en": ("label en", "code en", "label english", "label inggris", "kode en"),
    "label_id": ("label id", "label indonesia", "label bahasa indonesia", "kode indonesia"),
    "group": (
        "parent", "parent code", "induk", "kode induk", "kategori", "category", "categories",
        "dimensi", "dimension", "dimensions", "sub dimensi", "subdimensi", "sub dimension",
        "tema", "theme", "themes", "sub tema", "subtema", "variabel", "variable",
        "variables", "sub variabel", "subvariabel", "aspek", "aspect", "kelompok", "group",
        "fokus", "focus",
    ),
    "path": ("path", "jalur", "code path", "jalur kode"),
    "id": ("code id", "id kode", "kode id", "id"),
    "outline": ("no", "nomor", "number", "nr", "num"),
    "definition": (
        "definition", "definisi", "deskripsi", "description", "pengertian", "keterangan",
        "definisi operasional", "operational definition", "penjelasan", "uraian",
    ),
    "when_to_use": (
        "when to use", "kapan digunakan", "kapan dipakai", "kriteria inklusi", "inklusi",
        "inclusion", "inclusion criteria", "inclusion criterion",
    ),
    "when_not_to_use": (
        "when not to use", "kapan tidak digunakan", "kapan tidak dipakai",
        "kriteria eksklusi", "eksklusi", "exclusion", "exclusion criteria",
        "exclusion criterion",
    ),
    "example": ("example", "examples", "contoh", "contoh kutipan", "example quote", "kutipan"),
    "color": ("colour", "color", "warna", "kode warna", "colour code", "color code"),
    "short": ("short", "singkat", "short definition", "definisi singkat", "ringkasan"),
}  # fmt: skip
_ROLE_OF = {name: role for role, names in HEADERS.items() for name in names}
# Roles that hold one value per row; a second column with the same role is ignored.
_SINGLE = ("label_en", "label_id", "path", "id", "outline", "definition", "when_to_use",
           "when_not_to_use", "example", "color", "short")  # fmt: skip
_CODE_ROLES = ("label", "label_en", "label_id", "path")
_PREFIXES = tuple(name for name, role in _ROLE_OF.items() if role not in ("outline", "id"))
_ID_LIKE = re.compile(r"^(?:[A-Za-z]{0,8}[-_.]?\d[A-Za-z0-9_.-]*|[A-Z][A-Z0-9_.-]*)$")

E_NO_CODE_COLUMN = QT_TRANSLATE_NOOP(
    "errors",
    "{file}: no column of codes found; the table needs a header row with a column such as "
    "Code, Label, Kode, Nama kode, Indikator or Path (looked in the first {rows} rows).",
)
E_NO_CODES = QT_TRANSLATE_NOOP(
    "errors", "{file}, row {row}: the table has a header here but no codes under it."
)


def _normalise(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def read_table_codebook(
    path: str | Path,
    *,
    language: str | None = None,
    loaded: Mapping[str, Codebook] | None = None,
) -> Codebook:
    """Read a codebook table (.xlsx, .csv, .docx); its texts are in ``language`` (default id).

    ``loaded`` holds the codebooks a project loaded before, by id: when the table is one of
    them (QualCode's own export, edited), what a table cannot hold is kept from it: the
    other language's texts, links, sets, title and reference.
    Raises :class:`CodebookError` naming the file (and row) when the file cannot be read,
    has no column of codes, or holds the same code twice or a parent cycle.
    """
    file = Path(path)
    lang = language or DEFAULT_LANGUAGE
    grids = read_grids(file)
    for grid in grids:
        found = _header(grid)
        if found is not None:
            base = (loaded or {}).get(_book_id(grid.identifier, file))
            return _codebook(file, grid, found, lang, base)
    raise CodebookError(E_NO_CODE_COLUMN, file=str(file), rows=HEADER_SEARCH_ROWS)


def _role(header: str) -> tuple[str, bool] | None:
    """(role, exact) of a header: its name, or a longer name starting with one of them
    ("Definisi kode", "Contoh kutipan informan"); never "No ..." or "Id ..." alone."""
    name = _normalise(header)
    if name in _ROLE_OF:
        return _ROLE_OF[name], True
    best = max(
        (k for k in _PREFIXES if name.startswith(k + " ")),
        key=len,
        default=None,
    )
    return (_ROLE_OF[best], False) if best is not None else None


def _header(grid: Grid) -> tuple[int, dict[int, str]] | None:
    """(index in ``grid.rows``, column -> role) of the first row naming a column of codes.

    A title row such as "Kode etik penelitian" is no header: a code column named by a
    longer name only counts next to another known column.
    """
    for index, (_number, cells) in enumerate(grid.rows[:HEADER_SEARCH_ROWS]):
        found = {n: _role(cell.text) for n, cell in enumerate(cells) if cell.text}
        roles = {n: r for n, r in found.items() if r is not None}
        codes = [exact for role, exact in roles.values() if role in _CODE_ROLES]
        if any(codes) or (codes and len(roles) >= 2):
            return index, {n: role for n, (role, _exact) in roles.items()}
    return None


def _codebook(
    file: Path, grid: Grid, found: tuple[int, dict[int, str]], lang: str, base: Codebook | None
) -> Codebook:
    index, roles = found
    header_number, header_cells = grid.rows[index]
    body = [(n, cells) for n, cells in grid.rows[index + 1 :] if any(c.text for c in cells)]
    header_texts = [c.text for c in header_cells]
    body = [(n, c) for n, c in body if [x.text for x in c] != header_texts]  # repeated header
    columns = _columns(roles, body)
    width = len(header_cells)
    rows = [_row(number, cells, columns, _is_section(cells, width)) for number, cells in body]
    codes = build_codes(str(file), rows, columns, lang, base)
    if not codes:
        raise CodebookError(E_NO_CODES, file=str(file), row=header_number, line=header_number)
    book_id = _book_id(grid.identifier, file)
    version = grid.version or (base.version if base else "") or _file_date(file)
    if base is not None:
        ids = {code.id for _path, code in iter_codes(codes)}
        sets = tuple(
            replace(s, codes=tuple(c for c in s.codes if c in ids))
            for s in base.sets
            if any(c in ids for c in s.codes)
        )
        return replace(base, version=version, codes=codes, sets=sets, source=str(file))
    title = _title(grid, index) or grid.title or file.stem
    return Codebook(
        id=book_id,
        title={language: title for language in REQUIRED_LANGUAGES},
        version=version,
        codes=codes,
        languages=tuple(dict.fromkeys((*REQUIRED_LANGUAGES, lang))),
        source=str(file),
    )


def _columns(roles: dict[int, str], body: list[tuple[int, list[Cell]]]) -> dict[str, list[int]]:
    """Column indexes per role; of several code columns the rightmost names the code.

    ``Kategori | Kode | Sub kode`` groups by the columns left of the last one; a code
    column whose values all look like ids (``COM.1``, ``K3``) is the id column instead.
    """
    columns: dict[str, list[int]] = {}
    for n in sorted(roles):
        columns.setdefault(roles[n], []).append(n)
    for role in _SINGLE:
        if role in columns:
            columns[role] = columns[role][:1]
    labels = columns.get("label", [])
    if len(labels) > 1 or (labels and {"label_en", "label_id"} & columns.keys()):
        for n in list(labels):
            values = [cells[n].text for _num, cells in body if n < len(cells) and cells[n].text]
            if "id" not in columns and values and all(_ID_LIKE.match(v) for v in values):
                columns["id"] = [n]
                labels.remove(n)
    if len(labels) > 1:
        columns["group"] = sorted(columns.get("group", []) + labels[:-1])
        labels = labels[-1:]
    if labels:
        columns["label"] = labels
    else:
        columns.pop("label", None)
    if not columns.get("group"):
        columns.pop("group", None)
    return columns


def _is_section(cells: list[Cell], width: int) -> bool:
    """A row merged across the table ("A. Faktor pendukung"): Word repeats its text in
    every cell it spans."""
    texts = {c.text for c in cells[:width]}
    return width >= 3 and len(cells) >= width and len(texts) == 1 and "" not in texts


def _row(number: int, cells: list[Cell], columns: dict[str, list[int]], section: bool) -> Row:
    def cell(role: str) -> Cell:
        n = columns.get(role, [len(cells)])[0]
        return cells[n] if n < len(cells) else Cell("")

    groups = tuple(cells[n].text if n < len(cells) else "" for n in columns.get("group", []))
    if section:  # one heading over the rows below it: the first group, else a parent code
        text = cells[0].text
        if groups:
            return Row(number=number, groups=(text,) + ("",) * (len(groups) - 1))
        return Row(number=number, label=text, section=True)
    label_cell = cell("label")
    return Row(
        number=number,
        label=label_cell.text,
        indent=label_cell.indent,
        printed_id=label_cell.code_id,
        groups=groups,
        label_en=cell("label_en").text,
        label_id=cell("label_id").text,
        path=cell("path").text,
        id=cell("id").text,
        outline=cell("outline").text,
        definition=cell("definition").text,
        when_to_use=cell("when_to_use").text,
        when_not_to_use=cell("when_not_to_use").text,
        example=cell("example").text,
        color=cell("color").text,
        short=cell("short").text,
    )


def _title(grid: Grid, header_index: int) -> str:
    """The first title row above the header ("Tabel 3.1 Buku Kode ...")."""
    for _number, cells in grid.rows[:header_index]:
        texts = list(dict.fromkeys(c.text for c in cells if c.text))
        if texts:
            return " ".join(" ".join(texts).split())
    return ""


def _book_id(identifier: str, file: Path) -> str:
    """The codebook id: the one QualCode's export wrote into the file, else the file name."""
    if re.match(r"^[a-z0-9][a-z0-9_-]*$", identifier):
        return identifier
    slug = re.sub(r"[^a-z0-9]+", "-", file.stem.lower()).strip("-")
    if not slug:
        slug = "table-" + hashlib.sha1(file.stem.encode()).hexdigest()[:8]
    return slug[:60]


def _file_date(file: Path) -> str:
    """A version for a table without one: the day the file was last saved."""
    return dt.date.fromtimestamp(file.stat().st_mtime).isoformat()
