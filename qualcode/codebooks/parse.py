"""Read and validate a codebook YAML text, reporting problems by file and line.

The text is *composed* (not loaded) with PyYAML, so every key and value keeps its
position; the validator walks the node tree, collects every problem it finds and raises
one :class:`CodebookError` (the first problem, with all of them in ``problems``).
Scalars are read as the text the researcher typed, so ``version: 1.10`` stays ``"1.10"``
and a label ``No`` stays a word instead of turning into ``False``.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from qualcode.codebooks.model import (
    LINK_RELATIONS,
    REQUIRED_LANGUAGES,
    Codebook,
    CodebookCode,
    CodebookError,
    CodeLink,
    CodeSet,
    Reference,
    Texts,
)
from qualcode.i18n import QT_TRANSLATE_NOOP

CODEBOOK_KEYS = (
    "id",
    "title",
    "version",
    "languages",
    "reference",
    "description",
    "codes",
    "sets",
)
CODEBOOK_REQUIRED = ("id", "title", "version", "codes")
CODE_KEYS = (
    "id",
    "label",
    "short",
    "optional",
    "color",
    "definition",
    "when_to_use",
    "when_not_to_use",
    "example",
    "maps_to",
    "children",
)
CODE_REQUIRED = ("id", "label", "definition")
SET_KEYS = ("id", "label", "description", "codes")
SET_REQUIRED = ("id", "label", "codes")
REFERENCE_KEYS = ("authors", "year", "work", "publisher", "note")
REFERENCE_REQUIRED = ("authors",)
LINK_KEYS = ("target", "relation", "note")
LINK_REQUIRED = ("target",)

CODEBOOK_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
CODE_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
COLOR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")

_T = QT_TRANSLATE_NOOP
E_SYNTAX = _T("errors", "{file}, line {line}: not valid YAML: {reason}.")
E_ALIAS_CYCLE = _T(
    "errors",
    "{file}, line {line}: this alias (*name) refers to an entry that contains it; "
    "copy the text instead of using an alias.",
)
E_TOO_LARGE = _T(
    "errors",
    "{file}, line {line}: the aliases expand to more than {limit} entries; "
    "write the entries out instead of repeating them with aliases.",
)
MAX_NODES = 200_000
"""Entries a codebook may expand to: aliases cannot blow a small file up (billion laughs)."""
E_EMPTY = _T("errors", "{file}, line {line}: the file is empty; a codebook needs id, title, ...")
E_MAPPING = _T("errors", "{file}, line {line}: {where} must be a mapping of 'key: value' lines.")
E_LIST = _T("errors", "{file}, line {line}: {where} must be a list of '- ' items.")
E_TEXT = _T("errors", "{file}, line {line}: {where} must be a single text value.")
E_BOOL = _T("errors", "{file}, line {line}: {where} must be true or false.")
E_UNKNOWN_KEY = _T(
    "errors", "{file}, line {line}: unknown key '{key}' in {where} (allowed: {allowed})."
)
E_DUPLICATE_KEY = _T("errors", "{file}, line {line}: key '{key}' is written twice in {where}.")
E_MISSING_KEY = _T("errors", "{file}, line {line}: {where} has no '{key}', which is required.")
E_EMPTY_VALUE = _T("errors", "{file}, line {line}: '{key}' of {where} is empty.")
E_MISSING_LANGUAGE = _T(
    "errors", "{file}, line {line}: {where} has no '{language}' text (required: {languages})."
)
E_UNDECLARED_LANGUAGE = _T(
    "errors",
    "{file}, line {line}: language '{language}' in {where} is not listed in 'languages' "
    "({languages}).",
)
E_BAD_LANGUAGE = _T("errors", "{file}, line {line}: '{value}' is not a language code like 'en'.")
E_BAD_ID = _T(
    "errors",
    "{file}, line {line}: '{value}' is not a valid {what} id (letters, digits, '.', '_', '-').",
)
E_DUPLICATE_CODE = _T(
    "errors", "{file}, line {line}: code id '{code}' is used twice (first on line {first})."
)
E_DUPLICATE_SET = _T(
    "errors", "{file}, line {line}: set id '{set}' is used twice (first on line {first})."
)
E_BAD_COLOR = _T(
    "errors", "{file}, line {line}: colour '{value}' of {where} is not #RRGGBB (e.g. '#1F77B4')."
)
E_EMPTY_COLOR = _T(
    "errors",
    "{file}, line {line}: colour of {where} is empty; write it in quotes, e.g. "
    'color: "#1F77B4" (an unquoted # starts a comment).',
)
E_NO_CODES = _T("errors", "{file}, line {line}: the codebook has no codes.")
E_UNKNOWN_MEMBER = _T(
    "errors", "{file}, line {line}: set '{set}' lists code '{code}', which is not in this codebook."
)
E_BAD_TARGET = _T(
    "errors", "{file}, line {line}: link target '{target}' of {where} is not 'codebook:CODE'."
)
E_UNKNOWN_TARGET = _T(
    "errors", "{file}, line {line}: {where} links to '{target}', which is not in this codebook."
)
E_BAD_RELATION = _T(
    "errors",
    "{file}, line {line}: relation '{relation}' of {where} is unknown (allowed: {allowed}).",
)

Node = yaml.Node
# libyaml composes about six times faster and keeps the same node marks.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _peek_id(node: Node) -> str:
    """The ``id`` written in a mapping node, before it is validated (for messages)."""
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == "id" and isinstance(value_node, yaml.ScalarNode):
                return str(value_node.value).strip()
    return ""


class _Reader:
    """Walks the composed node tree of one file, collecting problems."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[CodebookError] = []
        self.languages: tuple[str, ...] = REQUIRED_LANGUAGES
        self.codebook_id = ""
        # Line of the key that introduced a value node, so problems with a whole value
        # (e.g. a label without 'id') point at "label:" rather than the line below it.
        self.key_lines: dict[int, int] = {}

    def problem(self, line: int, template: str, **params: Any) -> None:
        self.problems.append(CodebookError(template, file=self.source, line=line, **params))

    # -- generic shapes -------------------------------------------------------------------
    def mapping(
        self, node: Node, where: str, allowed: tuple[str, ...], required: tuple[str, ...]
    ) -> dict[str, Node] | None:
        """Keys of a mapping node with their value nodes; unknown/duplicate/missing reported."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(_line(node), E_MAPPING, where=where)
            return None
        values: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value) if isinstance(key_node, yaml.ScalarNode) else "?"
            if key in values:
                self.problem(_line(key_node), E_DUPLICATE_KEY, key=key, where=where)
            elif key not in allowed:
                self.problem(
                    _line(key_node), E_UNKNOWN_KEY, key=key, where=where, allowed=", ".join(allowed)
                )
            else:
                values[key] = value_node
                self.key_lines[id(value_node)] = _line(key_node)
        for key in required:
            if key not in values:
                self.problem(_line(node), E_MISSING_KEY, where=where, key=key)
        return values

    def sequence(self, node: Node | None, where: str) -> list[Node]:
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null")):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.problem(_line(node), E_LIST, where=where)
            return []
        return list(node.value)

    def text(self, node: Node | None, where: str) -> str:
        """A scalar as typed (stripped); null is ''."""
        if node is None:
            return ""
        if not isinstance(node, yaml.ScalarNode):
            self.problem(_line(node), E_TEXT, where=where)
            return ""
        if node.tag.endswith(":null"):
            return ""
        return str(node.value).strip()

    def required_text(self, node: Node | None, key: str, where: str) -> str:
        value = self.text(node, f"'{key}' of {where}")
        if node is not None and not value and isinstance(node, yaml.ScalarNode):
            self.problem(_line(node), E_EMPTY_VALUE, key=key, where=where)
        return value

    def boolean(self, node: Node | None, where: str) -> bool:
        if node is None:
            return False
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool"):
            return str(node.value).lower() in ("true", "yes", "on", "y")
        self.problem(_line(node), E_BOOL, where=where)
        return False

    def identifier(self, node: Node | None, where: str, what: str, pattern: re.Pattern[str]) -> str:
        value = self.required_text(node, "id", where)
        if node is not None and value and not pattern.match(value):
            self.problem(_line(node), E_BAD_ID, value=value, what=what)
        return value

    def texts(self, node: Node | None, where: str, required: tuple[str, ...] = ()) -> Texts:
        """A per-language mapping ``{en: ..., id: ...}``; ``required`` languages must be there."""
        if node is None:
            return {}
        if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null") and not required:
            return {}
        if not isinstance(node, yaml.MappingNode):
            self.problem(_line(node), E_MAPPING, where=where)
            return {}
        result: Texts = {}
        for key_node, value_node in node.value:
            language = str(key_node.value)
            if language in result:
                self.problem(_line(key_node), E_DUPLICATE_KEY, key=language, where=where)
            elif language not in self.languages:
                self.problem(
                    _line(key_node),
                    E_UNDECLARED_LANGUAGE,
                    language=language,
                    where=where,
                    languages=", ".join(self.languages),
                )
            value = self.text(value_node, f"the '{language}' text of {where}")
            if value:
                result[language] = value
        for language in required:
            if language not in result:
                self.problem(
                    self.key_lines.get(id(node), _line(node)),
                    E_MISSING_LANGUAGE,
                    where=where,
                    language=language,
                    languages=", ".join(required),
                )
        return result

    # -- codebook parts -----------------------------------------------------------------
    def read_languages(self, node: Node | None) -> tuple[str, ...]:
        if node is None:
            return REQUIRED_LANGUAGES
        languages: list[str] = []
        for item in self.sequence(node, "'languages'"):
            value = self.text(item, "a language")
            if not LANGUAGE_RE.match(value):
                self.problem(_line(item), E_BAD_LANGUAGE, value=value)
            elif value not in languages:
                languages.append(value)
        for language in REQUIRED_LANGUAGES:
            if language not in languages:
                self.problem(
                    _line(node),
                    E_MISSING_LANGUAGE,
                    where="'languages'",
                    language=language,
                    languages=", ".join(REQUIRED_LANGUAGES),
                )
                languages.append(language)
        return tuple(languages)

    def read_reference(self, node: Node | None) -> Reference | None:
        if node is None:
            return None
        keys = self.mapping(node, "'reference'", REFERENCE_KEYS, REFERENCE_REQUIRED)
        if keys is None:
            return None
        authors_node = keys.get("authors")
        if isinstance(authors_node, yaml.SequenceNode):
            authors = tuple(self.text(item, "an author") for item in authors_node.value)
        else:
            authors = (self.text(authors_node, "'authors'"),) if authors_node is not None else ()
        return Reference(
            authors=tuple(a for a in authors if a),
            year=self.text(keys.get("year"), "'year'"),
            work=self.text(keys.get("work"), "'work'"),
            publisher=self.text(keys.get("publisher"), "'publisher'"),
            note=self.text(keys.get("note"), "'note'"),
        )

    def read_link(self, node: Node, where: str) -> CodeLink | None:
        if isinstance(node, yaml.ScalarNode):
            target, relation, note = self.text(node, where), "maps_to", ""
        else:
            keys = self.mapping(node, f"a link of {where}", LINK_KEYS, LINK_REQUIRED)
            if keys is None:
                return None
            target = self.text(keys.get("target"), f"the link target of {where}")
            relation = self.text(keys.get("relation"), "'relation'") or "maps_to"
            note = self.text(keys.get("note"), "'note'")
            if relation not in LINK_RELATIONS:
                self.problem(
                    _line(keys.get("relation", node)),
                    E_BAD_RELATION,
                    relation=relation,
                    where=where,
                    allowed=", ".join(LINK_RELATIONS),
                )
        if ":" not in target and target:
            target = f"{self.codebook_id}:{target}"
        book, _, code = target.partition(":")
        if not (CODEBOOK_ID_RE.match(book) and CODE_ID_RE.match(code)):
            self.problem(_line(node), E_BAD_TARGET, target=target, where=where)
            return None
        return CodeLink(target=target, relation=relation, note=note, line=_line(node))

    def read_code(self, node: Node, seen: dict[str, int]) -> CodebookCode | None:
        where = f"code '{_peek_id(node)}'" if _peek_id(node) else f"the code on line {_line(node)}"
        keys = self.mapping(node, where, CODE_KEYS, CODE_REQUIRED)
        if keys is None:
            return None
        code_id = self.identifier(keys.get("id"), where, "code", CODE_ID_RE)
        if code_id in seen:
            self.problem(_line(keys["id"]), E_DUPLICATE_CODE, code=code_id, first=seen[code_id])
        elif code_id:
            seen[code_id] = _line(keys["id"])
        label = self.texts(keys.get("label"), f"the label of {where}", REQUIRED_LANGUAGES)
        definition = self.texts(keys.get("definition"), f"the definition of {where}")
        if "definition" in keys and not definition:
            self.problem(_line(keys["definition"]), E_EMPTY_VALUE, key="definition", where=where)
        color = self.read_color(keys.get("color"), where)
        links = (
            [
                self.read_link(item, where)
                for item in self.sequence(keys.get("maps_to"), f"'maps_to' of {where}")
            ]
            if "maps_to" in keys
            else []
        )
        children = (
            [
                self.read_code(item, seen)
                for item in self.sequence(keys.get("children"), f"'children' of {where}")
            ]
            if "children" in keys
            else []
        )
        return CodebookCode(
            id=code_id,
            label=label,
            definition=definition,
            short=self.texts(keys.get("short"), f"'short' of {where}"),
            when_to_use=self.texts(keys.get("when_to_use"), f"'when_to_use' of {where}"),
            when_not_to_use=self.texts(
                keys.get("when_not_to_use"), f"'when_not_to_use' of {where}"
            ),
            example=self.text(keys.get("example"), f"'example' of {where}"),
            color=color,
            optional=self.boolean(keys.get("optional"), f"'optional' of {where}"),
            links=tuple(link for link in links if link is not None),
            children=tuple(child for child in children if child is not None),
            line=_line(node),
        )

    def read_color(self, node: Node | None, where: str) -> str | None:
        if node is None:
            return None
        value = self.text(node, f"the colour of {where}")
        if not value:
            self.problem(_line(node), E_EMPTY_COLOR, where=where)
            return None
        if not COLOR_RE.match(value):
            self.problem(_line(node), E_BAD_COLOR, value=value, where=where)
            return None
        return value.upper()

    def read_set(self, node: Node, seen: dict[str, int], code_ids: set[str]) -> CodeSet | None:
        peek = _peek_id(node)
        where = f"set '{peek}'" if peek else f"the code set on line {_line(node)}"
        keys = self.mapping(node, where, SET_KEYS, SET_REQUIRED)
        if keys is None:
            return None
        set_id = self.identifier(keys.get("id"), where, "set", CODE_ID_RE)
        if set_id in seen:
            self.problem(_line(keys["id"]), E_DUPLICATE_SET, set=set_id, first=seen[set_id])
        elif set_id:
            seen[set_id] = _line(keys["id"])
        members: list[str] = []
        for item in self.sequence(keys["codes"], f"'codes' of {where}") if "codes" in keys else []:
            member = self.text(item, f"a member of {where}")
            if member not in code_ids:
                self.problem(_line(item), E_UNKNOWN_MEMBER, set=set_id, code=member)
            members.append(member)
        return CodeSet(
            id=set_id,
            label=self.texts(keys.get("label"), f"the label of {where}", REQUIRED_LANGUAGES),
            codes=tuple(members),
            description=self.texts(keys.get("description"), f"the description of {where}"),
            line=_line(node),
        )

    def read_codebook(self, root: Node) -> Codebook | None:
        keys = self.mapping(root, "the codebook", CODEBOOK_KEYS, CODEBOOK_REQUIRED)
        if keys is None:
            return None
        self.codebook_id = self.identifier(
            keys.get("id"), "the codebook", "codebook", CODEBOOK_ID_RE
        )
        self.languages = self.read_languages(keys.get("languages"))
        seen: dict[str, int] = {}
        code_nodes = self.sequence(keys["codes"], "'codes'") if "codes" in keys else []
        if "codes" in keys and not code_nodes:
            self.problem(_line(keys["codes"]), E_NO_CODES)
        codes = [self.read_code(item, seen) for item in code_nodes]
        set_seen: dict[str, int] = {}
        sets = (
            [
                self.read_set(item, set_seen, set(seen))
                for item in self.sequence(keys.get("sets"), "'sets'")
            ]
            if "sets" in keys
            else []
        )
        book = Codebook(
            id=self.codebook_id,
            title=self.texts(keys.get("title"), "the title", REQUIRED_LANGUAGES),
            version=self.required_text(keys.get("version"), "version", "the codebook"),
            codes=tuple(code for code in codes if code is not None),
            languages=self.languages,
            reference=self.read_reference(keys.get("reference")),
            description=self.texts(keys.get("description"), "the description"),
            sets=tuple(s for s in sets if s is not None),
            source=self.source,
        )
        self.check_internal_links(book, seen)
        return book

    def check_internal_links(self, book: Codebook, seen: dict[str, int]) -> None:
        for _path, code in book.iter_codes():
            for link in code.links:
                if link.codebook_id == book.id and link.code_id not in seen:
                    self.problem(
                        link.line or 0,
                        E_UNKNOWN_TARGET,
                        where=f"code '{code.id}'",
                        target=link.target,
                    )


def _syntax_hint(reason: str, line_text: str) -> str:
    """PyYAML's reason, plus what usually causes it in a hand-edited codebook."""
    indent = line_text[: len(line_text) - len(line_text.lstrip())]
    if "\t" in indent or "'\\t'" in reason or "tab character" in reason:
        return f"{reason} (indent with spaces, not tabs)"
    if "mapping values are not allowed" in reason:  # PyYAML and libyaml wording
        return f"{reason} (a text containing ': ' must be quoted or written as a >- block)"
    return reason


def _check_aliases(root: yaml.Node, source_name: str) -> None:
    """Refuse an alias that contains itself and aliases expanding past :data:`MAX_NODES`.

    YAML aliases share nodes, so a cyclic one makes a graph the reader would
    follow forever (a RecursionError) and nested ones can multiply a tiny file.
    """
    visits = 0
    on_path: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if leaving:
            on_path.discard(id(node))
            continue
        if id(node) in on_path:
            line = node.start_mark.line + 1 if node.start_mark else 1
            raise CodebookError(E_ALIAS_CYCLE, file=source_name, line=line)
        visits += 1
        if visits > MAX_NODES:
            line = node.start_mark.line + 1 if node.start_mark else 1
            raise CodebookError(E_TOO_LARGE, file=source_name, line=line, limit=MAX_NODES)
        if isinstance(node, yaml.ScalarNode):
            continue
        on_path.add(id(node))
        stack.append((node, True))
        if isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        else:
            children = list(node.value)
        stack.extend((child, False) for child in reversed(children))


def parse_codebook(text: str, source_name: str = "<codebook>") -> Codebook:
    """Parse and validate codebook YAML ``text``; errors name ``source_name`` and the line.

    Raises :class:`CodebookError` for the first problem, with all of them in ``problems``.
    """
    try:
        root = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        lines = text.splitlines()
        line_text = lines[line - 1] if 0 < line <= len(lines) else ""
        reason = _syntax_hint(exc.problem or exc.context or "syntax error", line_text)
        raise CodebookError(E_SYNTAX, file=source_name, line=line, reason=reason) from exc
    except yaml.YAMLError as exc:  # ReaderError: a character YAML does not allow
        position = getattr(exc, "position", 0)
        line = text[:position].count("\n") + 1
        raise CodebookError(E_SYNTAX, file=source_name, line=line, reason=str(exc)) from exc
    if root is None:
        raise CodebookError(E_EMPTY, file=source_name, line=1)
    _check_aliases(root, source_name)
    reader = _Reader(source_name)
    book = reader.read_codebook(root)
    if reader.problems or book is None:
        reader.problems.sort(key=lambda problem: problem.line or 0)
        first = reader.problems[0]
        first.problems = tuple(reader.problems)
        raise first
    return book
