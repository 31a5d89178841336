"""Codebook files: load, validate, write, find the shipped ones and check cross-links.

Researchers start from theory (Edwards III, the Kominfo smart-city dimensions, supporting
and inhibiting factors...) and must show their codebook in the thesis, so codebooks live
as human-editable YAML files, one per file (``codebooks/<id>.yaml``; format in
``docs/codebook-format.md``). This module is pure Python: loading a codebook into a
project is someone else's job, done from the :class:`Codebook` returned here.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from qualcode.codebooks.dump import codebook_to_data, dump_codebook
from qualcode.codebooks.model import (
    LINK_RELATIONS,
    REQUIRED_LANGUAGES,
    Codebook,
    CodebookCode,
    CodebookError,
    CodeLink,
    CodeSet,
    Reference,
    iter_codes,
)
from qualcode.codebooks.parse import parse_codebook
from qualcode.errors import NotFoundError
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.resources import CODEBOOKS_DIR_ENV, data_dir

__all__ = [
    "CODEBOOKS_DIR_ENV",
    "LINK_RELATIONS",
    "REQUIRED_LANGUAGES",
    "CodeLink",
    "CodeSet",
    "Codebook",
    "CodebookCode",
    "CodebookError",
    "Reference",
    "check_links",
    "codebook_to_data",
    "codebooks_dir",
    "dump_codebook",
    "find_codebook",
    "iter_codes",
    "load_codebook",
    "parse_codebook",
    "save_codebook",
    "shipped_codebooks",
]

SUFFIXES = (".yaml", ".yml")
TABLE_SUFFIXES = (".xlsx", ".xlsm", ".csv", ".docx")  # read by qualcode.codebooks.tables
# Files people try that hold a codebook QualCode reads another way (or not at all).
OTHER_FORMATS = (".qdc", ".qdpx", ".xls", ".doc", ".odt", ".ods", ".json", ".txt", ".pdf")
E_NO_FILE = QT_TRANSLATE_NOOP("errors", "Codebook file {file} does not exist.")
E_FORMAT = QT_TRANSLATE_NOOP(
    "errors",
    "{file}: QualCode loads codebooks from .yaml, .xlsx, .csv and .docx files; save it in "
    "one of these formats (a REFI-QDA .qdc codebook is imported with 'qualcode refi import' "
    "or File › Import a REFI-QDA codebook).",
)


def codebooks_dir() -> Path:
    """Folder of shipped codebooks: ``$QUALCODE_CODEBOOKS_DIR``, else the installed or repo copy."""
    return data_dir("codebooks")


def load_codebook(path: str | os.PathLike[str]) -> Codebook:
    """Read and validate one codebook file; errors name the file and line."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError as exc:
        raise NotFoundError(E_NO_FILE, file=str(file)) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CodebookError(
            QT_TRANSLATE_NOOP("errors", "{file}, line {line}: cannot be read ({reason})."),
            file=str(file),
            line=1,
            reason=str(exc),
        ) from exc
    return parse_codebook(text, str(file))


def save_codebook(book: Codebook, path: str | os.PathLike[str], header: str = "") -> Path:
    """Write ``book`` as YAML to ``path`` (UTF-8) and return the path."""
    file = Path(path)
    file.write_text(dump_codebook(book, header), encoding="utf-8")
    return file


def _codebook_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in SUFFIXES and p.is_file())


def shipped_codebooks() -> list[Codebook]:
    """Every codebook in :func:`codebooks_dir`, sorted by file name."""
    return [load_codebook(path) for path in _codebook_files(codebooks_dir())]


def find_codebook(
    id_or_path: str | os.PathLike[str],
    *,
    language: str | None = None,
    loaded: Mapping[str, Codebook] | None = None,
) -> Codebook:
    """A codebook by file path, or by id among the shipped ones (``edwards3``).

    A file is YAML (``docs/codebook-format.md``) or a codebook table (.xlsx, .csv, .docx),
    whose texts are taken to be in ``language``; ``loaded`` (codebooks a project already
    has, by id) completes a table of one of them (see :mod:`qualcode.codebooks.tables`).
    """
    path = Path(id_or_path)
    suffix = path.suffix.lower()
    if suffix in TABLE_SUFFIXES:
        if not path.is_file():
            raise NotFoundError(E_NO_FILE, file=str(path))
        from qualcode.codebooks.tables import read_table_codebook

        return read_table_codebook(path, language=language, loaded=loaded)
    if suffix in SUFFIXES:
        return load_codebook(path)
    if suffix and (path.exists() or suffix in OTHER_FORMATS):
        raise CodebookError(E_FORMAT, file=str(path))
    name = str(id_or_path)
    folder = codebooks_dir()
    for suffix in SUFFIXES:
        candidate = folder / f"{name}{suffix}"
        if candidate.is_file():
            book = load_codebook(candidate)
            if book.id == name:
                return book
    for candidate in _codebook_files(folder):
        book = load_codebook(candidate)
        if book.id == name:
            return book
    raise NotFoundError(
        QT_TRANSLATE_NOOP("errors", "No codebook '{name}' (looked in {folder})."),
        name=name,
        folder=str(folder),
    )


def check_links(
    codebooks: Iterable[Codebook], *, ignore_missing_codebooks: bool = False
) -> list[str]:
    """Problems with links between the given codebooks, as ``file:line: ...`` strings.

    A link whose target codebook is not among ``codebooks`` is a problem unless
    ``ignore_missing_codebooks`` (useful when a project loads only some codebooks).
    Duplicate codebook ids are reported too. An empty list means every link resolves.
    """
    books = list(codebooks)
    problems: list[str] = []
    by_id: dict[str, Codebook] = {}
    for book in books:
        if book.id in by_id:
            problems.append(
                f"{book.source or book.id}: codebook id '{book.id}' is also used by "
                f"{by_id[book.id].source or 'another codebook'}"
            )
            continue
        by_id[book.id] = book
    code_ids = {book.id: set(book.code_ids()) for book in by_id.values()}
    for book in by_id.values():
        for _path, code in book.iter_codes():
            for link in code.links:
                where = f"{book.source or book.id}:{link.line or code.line or 0}"
                target_ids = code_ids.get(link.codebook_id)
                if target_ids is None:
                    if not ignore_missing_codebooks:
                        problems.append(
                            f"{where}: code '{code.id}' {link.relation} '{link.target}', "
                            f"but codebook '{link.codebook_id}' is not loaded"
                        )
                elif link.code_id not in target_ids:
                    problems.append(
                        f"{where}: code '{code.id}' {link.relation} '{link.target}', "
                        f"but codebook '{link.codebook_id}' has no code '{link.code_id}'"
                    )
    return problems
