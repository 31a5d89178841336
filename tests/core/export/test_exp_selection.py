"""Which excerpts are selected, how they are cited, and their context and grouping."""

from __future__ import annotations

import dataclasses
import shutil

from qualcode.cases.attribution import AttributionStyle
from qualcode.export.selection import (
    ExcerptFilter,
    ExcerptOptions,
    group_excerpts,
    select_excerpts,
    selected_codes,
)
from qualcode.project import Project
from qualcode.text.labels import format_date

from .conftest import FGD, W1, span


def by_text(excerpts):
    return {e.text: e for e in excerpts}


def test_all_excerpts_in_code_tree_order_with_citations(study):
    found = select_excerpts(study)
    assert len(found) == 9
    # Komunikasi, then its child Transmisi, then Sumber Daya (tree order)
    assert [e.code_path[-1] for e in found] == ["Komunikasi"] * 2 + ["Transmisi"] * 3 + [
        "Sumber Daya"
    ] * 4
    # within a code: by source name, then position
    assert [e.source for e in found[2:5]] == [
        "D1 Perbup 17/2022",
        "FGD1 Warga",
        "W1 Kadis Diskominfo",
    ]
    e = by_text(found)["Tetapi anggaran masih terbatas sekali."]
    assert e.citation == (
        "Budi Santoso — Kasi Pengembangan Ekosistem E-Government, Diskominfo, 27 Mei 2019, par. 3"
    )
    assert e.valence == "inhibiting" and e.note == "Anggaran 2019" and e.coder == "ana"


def test_ranged_case_link_wins_over_whole_source_link(study):
    e = by_text(select_excerpts(study))["Saya belum pernah dengar sosialisasinya."]
    assert e.case == "Darto"  # the FGD is also linked whole to the site case
    assert set(e.cases) == {"Darto", "Desa Mekarwangi"}
    assert e.citation == "Darto — Ketua RT 03, par. 2"


def test_case_date_attribute_used_when_source_has_no_date(study):
    e = by_text(select_excerpts(study))["Pimpinan sangat mendukung"]
    assert "21 Maret 2024" in e.citation
    en = select_excerpts(study, options=ExcerptOptions(language="en"))
    assert "21 March 2024" in by_text(en)["Pimpinan sangat mendukung"].citation
    assert "para. 2" in by_text(en)["Pimpinan sangat mendukung"].citation


def test_document_without_case_is_cited_by_source(study):
    e = by_text(select_excerpts(study))["wajib menyampaikan data"]
    assert e.case == "" and e.citation == "D1 Perbup 17/2022, par. 2"


def test_pseudonyms_use_code_attribute_else_informant_number(study):
    opts = ExcerptOptions(attribution=AttributionStyle(pseudonymise=True))
    found = select_excerpts(study, options=opts)
    cites = " ".join(e.citation for e in found)
    for name in ("Budi", "Rina", "Darto", "Sari"):
        assert name not in cites
    texts = by_text(found)
    assert texts["Tetapi anggaran masih terbatas sekali."].citation.startswith("I1 — ")
    # Rina, Darto, Sari have no Kode: numbered in creation order (Budi took "I1")
    assert texts["Pimpinan sangat mendukung"].case == "Informan 1"
    assert texts["Saya belum pernah dengar sosialisasinya."].case == "Informan 2"
    assert texts["sinyal di desa lemah"].case == "Informan 3"


def test_custom_citation_pattern(study):
    style = AttributionStyle(fields=("role", "date", "source"), separator="; ")
    e = by_text(select_excerpts(study, options=ExcerptOptions(attribution=style)))[
        "Tetapi anggaran masih terbatas sekali."
    ]
    assert (
        e.citation == "Kasi Pengembangan Ekosistem E-Government; 27 Mei 2019; W1 Kadis Diskominfo"
    )


def test_filters(study, study_ids):
    def texts(**kw):
        return sorted(e.text for e in select_excerpts(study, ExcerptFilter(**kw)))

    assert texts(codes=[study_ids["kom"]], include_children=False) == [
        "Pimpinan sangat mendukung",
        "anggaran masih terbatas",
    ]
    assert len(texts(codes=[study_ids["kom"]])) == 5  # with Transmisi
    assert texts(cases=[study_ids["darto"]]) == ["Saya belum pernah dengar sosialisasinya."]
    assert texts(case_attributes={"Instansi": ["diskominfo"]}) == sorted(
        [
            W1[slice(*span(W1, t))]
            for t in (
                "anggaran masih terbatas",
                "Tetapi anggaran masih terbatas sekali.",
                "Sosialisasi sudah kami lakukan ke semua OPD lewat rapat koordinasi.",
                "Operator di OPD belum terlatih & sering berganti <staf>.",
            )
        ]
    )
    assert texts(source_kinds=["document"]) == ["wajib menyampaikan data"]
    assert texts(sources=[study_ids["fgd"]]) == [
        "Saya belum pernah dengar sosialisasinya.",
        "sinyal di desa lemah",
    ]
    assert texts(coders=["budi"]) == [
        "Data kependudukan belum terintegrasi",
        "anggaran masih terbatas",
    ]
    assert texts(valences=["supporting"]) == [
        "Sosialisasi sudah kami lakukan ke semua OPD lewat rapat koordinasi."
    ]
    every = select_excerpts(study, ExcerptFilter())
    chosen = [e.coding_id for e in every if e.text.startswith(("Data kependudukan", "sinyal"))]
    assert texts(codings=chosen) == ["Data kependudukan belum terintegrasi", "sinyal di desa lemah"]
    assert texts(codings=chosen, coders=["budi"]) == ["Data kependudukan belum terintegrasi"]
    assert texts(codings=[]) == []


def test_context_characters_and_sentences(study):
    e = by_text(select_excerpts(study, options=ExcerptOptions(context_chars=25)))[
        "anggaran masih terbatas"
    ]
    assert e.before.endswith("Tetapi ") and e.after.startswith(" sekali.")
    assert len(e.before) <= 25 and len(e.after) <= 25
    e = by_text(select_excerpts(study, options=ExcerptOptions(context_sentences=1)))[
        "Tetapi anggaran masih terbatas sekali."
    ]
    assert e.before.startswith("I: Sosialisasi sudah kami lakukan")
    assert e.after.strip() == "Tahun ini hanya dua kegiatan."


def test_other_codes_and_paragraphs(study):
    found = select_excerpts(study, options=ExcerptOptions(show_other_codes=True))
    texts = by_text(found)
    assert texts["Tetapi anggaran masih terbatas sekali."].other_codes == ("Komunikasi",)
    assert texts["anggaran masih terbatas"].other_codes == ("Sumber Daya",)
    assert texts["Operator di OPD belum terlatih & sering berganti <staf>."].paragraph == 5
    assert (
        texts["Saya belum pernah dengar sosialisasinya."].paragraph
        == FGD[: FGD.index("Saya belum")].count("\n") + 1
    )


def test_grouping_by_case_and_by_kind(study):
    found = select_excerpts(study)
    sections = group_excerpts(study, found)
    assert [s.title for s in sections] == ["Komunikasi", "Transmisi", "Sumber Daya"]
    assert [s.depth for s in sections] == [0, 1, 0]
    trans = sections[1]
    # cases in natural order; a document (no case) comes last under its source name
    assert [g.title for g in trans.groups] == ["Budi Santoso", "Darto", "D1 Perbup 17/2022"]
    by_kind = group_excerpts(study, found, options=ExcerptOptions(group_by="code-kind"))
    assert [g.title for g in by_kind[1].groups] == [
        "Wawancara",
        "Diskusi kelompok terarah (FGD)",
        "Dokumen",
    ]
    english = select_excerpts(study, options=ExcerptOptions(language="en"))
    sections = group_excerpts(study, english, options=ExcerptOptions(language="en"))
    assert sections[0].title == "Communication"


def test_dates_in_both_languages():
    from datetime import date

    assert format_date(date(2019, 5, 27), "id") == "27 Mei 2019"
    assert format_date("2019-08-06", "en") == "6 August 2019"
    assert format_date("sekitar Juni", "id") == "sekitar Juni"


def test_a_few_codes_read_with_their_parents_give_what_the_whole_tree_gives(study):
    """Selecting codes reads only them and their parents; every excerpt field is the same as
    when the whole tree is read (other codes shown), for every code and both sub-tree rules."""
    every = select_excerpts(study, ExcerptFilter(), ExcerptOptions(show_other_codes=True))
    assert every
    for code in study.codes.all():
        for children in (True, False):
            flt = ExcerptFilter(codes=[code.id], include_children=children)
            ids = {c.id for c in selected_codes(study, flt)}
            lean = select_excerpts(study, flt)
            whole = select_excerpts(study, flt, ExcerptOptions(show_other_codes=True))
            assert [e.code_id for e in lean] == [e.code_id for e in whole]
            assert all(e.code_id in ids for e in lean)
            strip = [dataclasses.replace(e, other_codes=()) for e in whole]
            assert lean == strip
            assert lean == [dataclasses.replace(e, other_codes=()) for e in every
                            if e.code_id in ids]  # fmt: skip


def test_code_lineage_and_many_agree_with_all(study_path, tmp_path):
    copy = tmp_path / "study.qdaproj"
    shutil.copy(study_path, copy)
    with Project.open(copy, coder="ana") as p:
        top = p.codes.create("Zeta top").result
        first = p.codes.create("Anak", parent_id=top.id).result
        p.codes.create("Cucu", parent_id=first.id)
        p.codes.move(top.id, None, position=0)  # before the codes made earlier
        codes = p.codes.all()
        assert codes[0].id == top.id
        parent = {c.id: c.parent_id for c in codes}

        def expected(ids: list[int], children: bool) -> list[int]:
            keep = {i for i in ids if i in parent}
            while children and (more := {c for c, up in parent.items() if up in keep} - keep):
                keep |= more
            for i in list(keep):
                while parent[i] is not None:
                    i = parent[i]
                    keep.add(i)
            return [c.id for c in codes if c.id in keep]

        for ids in ([first.id], [top.id, 99999], [codes[-1].id, first.id], [99999]):
            for children in (True, False):
                got = p.codes.lineage(ids, children=children)
                assert [c.id for c in got] == expected(ids, children)
                assert all(c == next(a for a in codes if a.id == c.id) for c in got)
        some = [codes[-1].id, codes[0].id, 99999]
        assert p.codes.many(some) == sorted([codes[-1], codes[0]], key=lambda c: c.id)
