"""Turn a project's code tree back into a :class:`Codebook` (and its YAML file).

The researcher's codebook changes while coding (codes split, merged, renamed, added), and
the final version goes into the thesis appendix, so the project's codes are written back
in the codebook format (``docs/codebook-format.md``). Texts come from the project fields
in the language the codebook was loaded in; the other languages, the metadata (title,
version, reference) and the original spelling of colours come from the baseline kept at
load time (:mod:`qualcode.codebooks.project`), as long as the researcher left the
field alone. So loading a codebook and exporting it unchanged gives the same codebook.

Codes the researcher added get an id made from their name (``Koordinasi lintas OPD`` →
``KOORDINASI_LINTAS_OPD``); a code without a definition gets its name as definition,
because the format requires one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from qualcode.codebooks.files import (
    REQUIRED_LANGUAGES,
    Codebook,
    CodebookCode,
    CodeLink,
    CodeSet,
    dump_codebook,
)
from qualcode.codebooks.model import slug_id
from qualcode.codebooks.project import (
    DEFAULT_LANGUAGE,
    code_name,
    file_fields,
    read_baselines,
    same_value,
)
from qualcode.errors import NotFoundError
from qualcode.fileio import atomic_output
from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.ids import CodeId
from qualcode.records import Code

if TYPE_CHECKING:
    from qualcode.project import Project

# project field -> per-language codebook field
TEXT_FIELDS = {
    "short": "short",
    "description": "definition",
    "inclusion": "when_to_use",
    "exclusion": "when_not_to_use",
}


@dataclass(frozen=True)
class ExportedCodebook:
    """A codebook built from a project, with which project code each code id came from."""

    book: Codebook
    code_ids: dict[str, CodeId]  # exported code id -> project code id
    language: str


def export_codebook(
    project: Project, codebook_id: str | None = None, *, language: str | None = None
) -> ExportedCodebook:
    """The project's codes (all, or those of ``codebook_id`` and codes added under them)."""
    baselines = read_baselines(project)
    codes = project.codes.all()
    if codebook_id is not None:
        chosen = _codes_of(codes, codebook_id)
        if not chosen:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("errors", "The project has no codes from codebook '{name}'."),
                name=codebook_id,
            )
    else:
        chosen = codes
        if not chosen:
            raise NotFoundError(QT_TRANSLATE_NOOP("errors", "The project has no codes to export."))
    base, base_lang = baselines.get(codebook_id or "", (None, None))
    # Project fields hold texts in the language each codebook was loaded in; codes the
    # researcher added are taken to be in the exported codebook's language.
    project_lang = base_lang or DEFAULT_LANGUAGE
    lang = language or project_lang
    book_id = codebook_id or slug_id(project.info().title).lower().replace("_", "-") or "project"
    ids = _export_ids(chosen, codebook_id)
    by_id = {c.id: c for c in codes}
    children: dict[CodeId | None, list[Code]] = {}
    chosen_ids = {c.id for c in chosen}
    for code in chosen:
        parent = code.parent_id if code.parent_id in chosen_ids else None
        children.setdefault(parent, []).append(code)
    links = project.codes.links()

    def build(code: Code) -> CodebookCode:
        origin = baselines.get(code.codebook or "", (None, None))
        base_code = origin[0].code(code.codebook_code or "") if origin[0] else None
        out_links = []
        for link in links:
            if link.from_code_id != code.id:
                continue
            target = link.target_ref
            if link.to_code_id is not None:
                to = by_id[link.to_code_id]
                if to.id in ids:
                    target = f"{book_id}:{ids[to.id]}"
                elif to.codebook and to.codebook_code:
                    target = f"{to.codebook}:{to.codebook_code}"
                else:
                    continue  # a link to a code of the researcher that is not exported
            if target:
                out_links.append(CodeLink(target, link.relation, link.note))
        return _code(
            code, ids[code.id], base_code, origin[1] or project_lang, tuple(out_links),
            tuple(build(child) for child in children.get(code.id, [])),
        )  # fmt: skip

    tree = tuple(build(c) for c in children.get(None, []))
    sets = _sets(project, chosen_ids, ids, codebook_id, base, project_lang)
    if base is not None:
        book = Codebook(
            id=base.id, title=dict(base.title), version=base.version, codes=tree,
            languages=base.languages, reference=base.reference,
            description=dict(base.description), sets=sets,
        )  # fmt: skip
    else:
        title = project.info().title or book_id
        book = Codebook(
            id=book_id, title={"en": title, "id": title}, version=date.today().isoformat(),
            codes=tree, languages=_languages(tree, project_lang), sets=sets,
        )  # fmt: skip
    return ExportedCodebook(book, {v: k for k, v in ids.items()}, lang)


def export_codebook_yaml(
    project: Project,
    path: str | os.PathLike[str],
    codebook_id: str | None = None,
    *,
    language: str | None = None,
) -> Path:
    """Write the project's codebook as a codebook YAML file that loads back."""
    exported = export_codebook(project, codebook_id, language=language)
    header = f"Exported from QualCode project '{project.info().title}'."
    text = dump_codebook(exported.book, header)
    with atomic_output(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def _codes_of(codes: list[Code], codebook_id: str) -> list[Code]:
    """Codes of one codebook plus codes the researcher added below them."""
    kept: set[CodeId] = set()
    out = []
    for code in codes:  # parents come first
        if code.codebook == codebook_id or (code.codebook is None and code.parent_id in kept):
            kept.add(code.id)
            out.append(code)
    return out


def _export_ids(codes: list[Code], codebook_id: str | None) -> dict[CodeId, str]:
    ids: dict[CodeId, str] = {}
    used: set[str] = set()
    plain = [c.codebook_code for c in codes if c.codebook_code]
    for code in codes:
        if code.codebook_code and (codebook_id is not None or plain.count(code.codebook_code) == 1):
            wanted = code.codebook_code
        elif code.codebook_code:
            wanted = f"{code.codebook}.{code.codebook_code}"
        else:
            wanted = slug_id(code.name)
        candidate, n = wanted, 2
        while candidate in used:
            candidate, n = f"{wanted}_{n}", n + 1
        used.add(candidate)
        ids[code.id] = candidate
    return ids


def _texts(
    base: dict[str, str] | None, value: str, loaded: str | None, lang: str
) -> dict[str, str]:
    """Per-language texts: the baseline's unless the project field was edited."""
    texts = dict(base or {})
    if loaded is not None and value == loaded:
        return texts
    if value:
        texts[lang] = value
    else:
        texts.pop(lang, None)
    return texts


def _code(
    code: Code,
    code_id: str,
    base: CodebookCode | None,
    lang: str,
    links: tuple[CodeLink, ...],
    children: tuple[CodebookCode, ...],
) -> CodebookCode:
    loaded = file_fields(base, lang) if base else None
    labels = dict(base.label) if base else {}
    labels.update(code.labels or {})
    kept_name = loaded and same_value("name", code.name, loaded["name"], code.codebook_code or "")
    if not kept_name and code_name(labels.get(lang, "")) != code.name:
        labels[lang] = code.name
    for language in REQUIRED_LANGUAGES:
        labels.setdefault(language, code.name)
    texts = {
        field: _texts(
            getattr(base, name) if base else None,
            getattr(code, field),
            loaded[field] if loaded else None,
            lang,
        )
        for field, name in TEXT_FIELDS.items()
    }
    if not texts["description"]:
        texts["description"] = {lang: code.name}
    color = code.color
    if base and base.color and base.color.lower() == code.color:
        color = base.color
    example = base.example if base and code.example == base.example else code.example
    return CodebookCode(
        id=code_id, label=labels, definition=texts["description"], short=texts["short"],
        when_to_use=texts["inclusion"], when_not_to_use=texts["exclusion"], example=example,
        color=color, optional=base.optional if base else False, links=links, children=children,
    )  # fmt: skip


def _sets(
    project: Project,
    chosen: set[CodeId],
    ids: dict[CodeId, str],
    codebook_id: str | None,
    base: Codebook | None,
    lang: str,
) -> tuple[CodeSet, ...]:
    out: list[CodeSet] = []
    used: set[str] = set()
    base_sets = {s.id: s for s in base.sets} if base else {}
    project_sets = [s for s in project.sets.all() if s.code_ids]
    if codebook_id is not None:
        project_sets = [s for s in project_sets if s.codebook == codebook_id]
        order = {sid: n for n, sid in enumerate(base_sets)}
        project_sets.sort(key=lambda s: order.get(s.codebook_set or "", len(order)))
    for item in project_sets:
        members = tuple(ids[c] for c in item.code_ids if c in chosen)
        if not members:
            continue
        set_id = item.codebook_set or slug_id(item.name)
        while set_id in used:
            set_id += "_2"
        used.add(set_id)
        original = base_sets.get(item.codebook_set or "")
        labels = dict(original.label) if original else dict(item.labels or {})
        for language in REQUIRED_LANGUAGES:
            labels.setdefault(language, item.name)
        description = _texts(
            original.description if original else None,
            item.description,
            original.description.get(lang, "") if original else None,
            lang,
        )
        out.append(CodeSet(set_id, labels, members, description))
    return tuple(out)


def _languages(codes: tuple[CodebookCode, ...], lang: str) -> tuple[str, ...]:
    from qualcode.codebooks.model import iter_codes

    found = {*REQUIRED_LANGUAGES, lang}
    for _path, code in iter_codes(codes):
        for name in ("label", "definition", "short", "when_to_use", "when_not_to_use"):
            found.update(getattr(code, name))
    return (*REQUIRED_LANGUAGES, *sorted(found - set(REQUIRED_LANGUAGES)))
