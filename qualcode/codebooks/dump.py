"""Write a :class:`Codebook` as readable YAML that loads back to an equal object.

Keys come in a fixed, reading-friendly order (id and labels first, children last),
multi-line texts are written as ``|`` block scalars and long one-line texts as
``>`` folded blocks, short lists (languages, set
members) on one line, and top-level codes and sets are separated by a blank line.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from qualcode.codebooks.model import Codebook, CodebookCode, CodeLink, CodeSet, Texts

# Texts longer than this are written as folded (">") blocks, wrapped at the dump width.
LONG_TEXT = 80
# Per-language mappings whose texts add up to at most this many characters go on one line.
FLOW_TEXTS = 64


_ODD_BREAKS = re.compile("[\r\x85\u2028\u2029\ufeff]")


class _Flow(list[Any]):
    """A list written in flow style: ``[en, id]``."""


class _FlowMap(dict[str, str]):
    """A short mapping written on one line: ``{en: Communication, id: Komunikasi}``."""


class _Dumper(yaml.SafeDumper):
    """SafeDumper that indents list items under their key."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # The emitter falls back to quotes when a block style cannot hold the value exactly,
    # but YAML line breaks other than \n (NEL, LS, PS, CR) need explicit escapes.
    if _ODD_BREAKS.search(value):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if "\n" in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if len(value) > LONG_TEXT:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=">")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


def _represent_flow(dumper: yaml.SafeDumper, value: _Flow) -> yaml.SequenceNode:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", value, flow_style=True)


_Dumper.add_representer(str, _represent_str)


def _represent_flow_map(dumper: yaml.SafeDumper, value: _FlowMap) -> yaml.MappingNode:
    return dumper.represent_mapping("tag:yaml.org,2002:map", value, flow_style=True)


_Dumper.add_representer(_Flow, _represent_flow)
_Dumper.add_representer(_FlowMap, _represent_flow_map)

_TOP_ITEM = re.compile(r"^  - id: ", re.MULTILINE)


def _texts(texts: Texts, languages: tuple[str, ...]) -> dict[str, str]:
    """Per-language texts in the codebook's language order (then any others).

    Short single-line texts (labels, most titles) come back as a one-line flow mapping.
    """
    ordered = {lang: texts[lang] for lang in languages if lang in texts}
    ordered.update({lang: text for lang, text in texts.items() if lang not in ordered})
    one_line = sum(len(lang) + len(text) + 4 for lang, text in ordered.items()) <= FLOW_TEXTS
    if one_line and not any("\n" in text for text in ordered.values()):
        return _FlowMap(ordered)
    return ordered


def _link(link: CodeLink) -> dict[str, Any]:
    data: dict[str, Any] = {"target": link.target, "relation": link.relation}
    if link.note:
        data["note"] = link.note
    return data


def _code(code: CodebookCode, book: Codebook) -> dict[str, Any]:
    langs = book.languages
    data: dict[str, Any] = {"id": code.id, "label": _texts(code.label, langs)}
    if code.short:
        data["short"] = _texts(code.short, langs)
    if code.optional:
        data["optional"] = True
    if code.color:
        data["color"] = code.color
    data["definition"] = _texts(code.definition, langs)
    if code.when_to_use:
        data["when_to_use"] = _texts(code.when_to_use, langs)
    if code.when_not_to_use:
        data["when_not_to_use"] = _texts(code.when_not_to_use, langs)
    if code.example:
        data["example"] = code.example
    if code.links:
        data["maps_to"] = [_link(link) for link in code.links]
    if code.children:
        data["children"] = [_code(child, book) for child in code.children]
    return data


def _set(code_set: CodeSet, book: Codebook) -> dict[str, Any]:
    data: dict[str, Any] = {"id": code_set.id, "label": _texts(code_set.label, book.languages)}
    if code_set.description:
        data["description"] = _texts(code_set.description, book.languages)
    data["codes"] = _Flow(code_set.codes)
    return data


def codebook_to_data(book: Codebook) -> dict[str, Any]:
    """The codebook as plain ordered dicts and lists (what the YAML file holds)."""
    data: dict[str, Any] = {
        "id": book.id,
        "title": _texts(book.title, book.languages),
        "version": book.version,
        "languages": _Flow(book.languages),
    }
    if book.reference is not None:
        ref = book.reference
        reference: dict[str, Any] = {"authors": _Flow(ref.authors)}
        if ref.year:
            reference["year"] = int(ref.year) if ref.year.isdigit() else ref.year
        for key in ("work", "publisher", "note"):
            if getattr(ref, key):
                reference[key] = getattr(ref, key)
        data["reference"] = reference
    if book.description:
        data["description"] = _texts(book.description, book.languages)
    data["codes"] = [_code(code, book) for code in book.codes]
    if book.sets:
        data["sets"] = [_set(code_set, book) for code_set in book.sets]
    return data


def dump_codebook(book: Codebook, header: str = "") -> str:
    """YAML text of ``book``; ``header`` lines are written first as ``#`` comments."""
    text = yaml.dump(
        codebook_to_data(book),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=96,
        indent=2,
    )
    text = _TOP_ITEM.sub(lambda m: "\n" + m.group(0), text)
    text = re.sub(r"^(codes|sets):\n\n", r"\1:\n", text, flags=re.MULTILINE)
    comment = "".join(f"# {line}".rstrip() + "\n" for line in header.splitlines())
    return comment + text
