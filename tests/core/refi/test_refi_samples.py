"""Import every real sample and check concrete facts about it."""

from __future__ import annotations

import zipfile

from lxml import etree

from qualcode.interop.refi.format import read_project
from qualcode.interop.refi.format.model import Severity, SourceKind


def _kinds(project):
    return [m.kind for m in project.messages]


def _depth(code, level=1):
    return max([level, *(_depth(c, level + 1) for c in code.children)])


def _word_boundary(text, i):
    return i <= 0 or i >= len(text) or not (text[i - 1].isalnum() and text[i].isalnum())


# -- NVivo for Mac 12.7.0 ------------------------------------------------------------


def test_nvivo_counts(nvivo_project):
    p = nvivo_project
    assert p.origin == "NVivo for Mac 12.7.0"
    assert len(p.sources) == 2
    assert all(s.kind is SourceKind.TEXT for s in p.sources)
    assert len(p.all_codes()) == 152
    assert max(_depth(c) for c in p.codes) == 4
    assert len(p.users) == 2
    assert {u.user_id for u in p.users} == {"SF", "GP"}
    # 297 PlainTextSelection elements over 187 distinct ranges; no coding lost.
    assert len(p.selections) == 187
    assert sum(1 + len(s.merged_guids) for s in p.selections) == 297
    assert sum(len(s.codings) for s in p.selections) == 297
    assert "selections-merged" in _kinds(p)
    merged = next(m for m in p.messages if m.kind == "selections-merged")
    assert merged.params == {"before": 297, "after": 187}
    assert (len(p.sets), len(p.notes), len(p.cases)) == (0, 0, 0)


def test_nvivo_sources_keep_docx_and_text(nvivo_project):
    by_name = {s.name: s for s in nvivo_project.sources}
    coded = by_name["videos_10_selected"]
    assert len(coded.text) == 585218
    assert sum(1 for ch in coded.text if ord(ch) > 0xFFFF) == 892
    assert coded.original is not None
    assert coded.original.filename.endswith(".docx")
    assert coded.original.data[:2] == b"PK"


def test_nvivo_unit_model_is_utf16(nvivo_project):
    model = [m for m in nvivo_project.messages if m.kind == "unit-model"]
    assert len(model) == 1
    assert model[0].params["model_key"] == "utf16"
    assert model[0].severity is Severity.INFO
    assert "unit-model-fallback" not in _kinds(nvivo_project)


def _selection(project, guid):
    return next(s for s in project.selections if s.guid == guid or guid in s.merged_guids)


def test_nvivo_selections_after_emoji_are_exact(nvivo_project):
    """Chosen selections that come after tens of emoji: UTF-16 units would drift otherwise."""
    texts = {s.guid: s.text for s in nvivo_project.sources}
    expected = {
        "8bcf8be9-b485-4300-9e50-34fc9cf1f41b": ("Nem tehetik kötelezővé! 😡😡", 3),
        "352cb517-f5b3-45d5-a877-12bb30f709a2": ("Mocskos fidess propagandisták!🤮", 59),
        "0c043a3e-8821-4d35-b33d-0ccabaaef3ee": (
            "A SOK AGYMOSOTT BIRKA KISÉRLETI NYÚL ELOLTATJA MAGÁT.! AZ OLTÁS SEMMITSEM ÉR. "
            "UGYANÚGY ELKAPOD A VIRUST, ÉS TOVÁBB IS ADOD. ÉBRESZTŐ AGYMOSOTT EMBERISÉG.!!",
            62,
        ),
        "b0b52394-a58c-4fac-8929-8fb68e3cf946": ("Szépen hangzik! De bizhatunk-e benne??😷", 74),
        "c2908fc8-35ae-4602-a500-4ebc55b2acdb": ("A. HAZUGSÁG FOLYIK 👍👍👍👍", 75),
        "d559a336-d8df-4ab8-8cf3-a323614129ed": ("Az oltás öli az embereket", 79),
    }
    for guid, (quote, emoji_before) in expected.items():
        sel = _selection(nvivo_project, guid)
        text = texts[sel.source_guid]
        assert text[sel.start : sel.end] == quote
        assert sum(1 for ch in text[: sel.start] if ord(ch) > 0xFFFF) == emoji_before
        assert _word_boundary(text, sel.start)
        assert _word_boundary(text, sel.end)


def test_nvivo_almost_all_selections_cover_whole_words(nvivo_project):
    texts = {s.guid: s.text for s in nvivo_project.sources}
    good = sum(
        _word_boundary(texts[s.source_guid], s.start)
        and _word_boundary(texts[s.source_guid], s.end)
        for s in nvivo_project.selections
    )
    # 3 selections in the file really do start mid-word (coder's sloppy drag).
    assert good == len(nvivo_project.selections) - 3


def test_nvivo_merged_selection_has_all_codes(nvivo_project, samples):
    root = etree.fromstring(zipfile.ZipFile(samples.nvivo).read("project.qde"))
    ns = "{urn:QDA-XML:project:1.0}"
    spans: dict[tuple[str, str], set[str]] = {}
    for sel in root.iter(ns + "PlainTextSelection"):
        key = (sel.get("startPosition"), sel.get("endPosition"))
        spans.setdefault(key, set()).update(r.get("targetGUID") for r in sel.iter(ns + "CodeRef"))
    biggest = max(nvivo_project.selections, key=lambda s: len(s.codings))
    assert len(biggest.codings) == 7
    assert max(len(codes) for codes in spans.values()) == 7


# -- MAXQDA 24 -------------------------------------------------------------------------


def test_maxqda_counts(samples):
    p = read_project(samples.maxqda)
    assert p.origin == "MAXQDA 24 (Release 24.7.0)"
    assert len(p.sources) == 10
    codes = p.all_codes()
    assert len(codes) == 307
    assert all(c.color and c.color.startswith("#") for c in codes)
    assert all(c.description for c in codes)
    assert len(p.selections) == 0
    assert [u.name for u in p.users] == ["johnb"]
    assert p.creating_user is None  # root creatingUserGUID is missing in the file
    assert [(s.name, len(s.source_guids), s.is_code_set) for s in p.sets] == [
        ("ICLS 2024", 5, False),
        ("ICLS 2025", 5, False),
    ]
    assert all(s.text.startswith(("Mapping", s.text[:5])) for s in p.sources)
    assert p.sources[0].text.startswith("Mapping the Complexity of Learning")
    assert not any(m.severity is Severity.WARNING for m in p.messages)


# -- ATLAS.ti ---------------------------------------------------------------------------


def test_atlas_mac_bare_qde_reports_missing_media(samples):
    p = read_project(samples.atlas_mac)
    assert p.origin.startswith("ATLAS.ti 8.4.0")
    assert len(p.all_codes()) == 14
    assert len(p.users) == 3
    assert p.sources == ()  # no source file travels with a bare .qde
    assert p.selections == ()
    kinds = _kinds(p)
    assert kinds.count("missing-text") == 8  # 6 text sources + 2 PDF representations
    assert kinds.count("unsupported-source") == 4  # picture, audio, 2 videos
    assert "pdf-regions" in kinds
    assert "graphs" in kinds
    assert "link-dropped" in kinds  # the link points at a video quotation
    missing = [m for m in p.messages if m.kind == "missing-text"]
    assert {m.params["source"] for m in missing} >= {"Mabel.txt", "Simon.docx"}
    assert any(m.params["count"] == 3 for m in missing if m.params["source"] == "Simon.docx")


def test_atlas_mac_notes_and_sets(samples):
    p = read_project(samples.atlas_mac)
    assert {n.name: n.text for n in p.notes} == {
        "Research Plan": "This is a great project by a dynamic team of researcher-developers. ",
        "My favorite Coke ad": "This version is much better than the new Director’s cut ",
    }
    assert p.notes[0].description == "day to day log about this amazing project"
    assert len(p.sets) == 16
    by_name = {s.name: s for s in p.sets}
    assert len(by_name["Feelings"].code_guids) == 6
    assert len(by_name["positive feelings"].code_guids) == 3
    assert by_name["<3"].code_guids == () and by_name["<3"].source_guids == ()
    # Source sets lose their members: none of the sources could be imported.
    assert by_name["Text files"].source_guids == ()
    assert {c.name for c in p.all_codes()} >= {'"rushed"', "Coke::diet Coke", "cornflakes"}


def test_atlas_mac_with_sources_folder(tmp_path, samples):
    """An unzipped project: the .qde next to a Sources/ folder resolves internal paths."""
    qde = tmp_path / "Project.qde"
    qde.write_bytes(samples.atlas_mac.read_bytes())
    folder = tmp_path / "Sources"
    folder.mkdir()
    text = "I'm a single mum with an 8 month old and a toddler and breakfast is mayhem. " * 6
    (folder / "b2f54555-0d2d-43b2-b40c-2a1c048f5f1c.TXT").write_text(text, encoding="utf-8")
    p = read_project(qde)
    assert [s.name for s in p.sources] == ["Mabel.txt"]
    assert len(p.selections) == 1
    sel = p.selections[0]
    assert (sel.start, sel.end) == (0, 410)
    assert len(sel.codings) == 3
    assert {s.name for s in p.sets if s.source_guids} >= {"Mabel", "Text files", "age: 25"}


def test_atlas_win_qdpx(samples):
    p = read_project(samples.atlas_win)
    assert p.origin == "ATLAS.ti for Windows 23.2.3.27778"
    assert [u.name for u in p.users] == ["Enric Llagostera", "ATLAS.ti"]
    assert len(p.codes) == 1
    assert p.codes[0].name == "Commits"
    assert [c.name for c in p.codes[0].children] == [
        "2022-05-10T02:05:59Z 19e4dce",
        "2022-02-11T10:39:25Z cdbfd92",
    ]
    assert p.creating_user == "088B08AC-D5CD-4ADB-8B71-B4F3459C177F"  # case kept
    assert p.sources == () and p.messages == ()
