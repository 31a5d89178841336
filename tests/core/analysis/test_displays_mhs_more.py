"""The further MHS displays (event listing, explanatory effects, contrast table,
predictor–outcome, case dynamics, contact summary) and the researcher's "Kesimpulan"
column, cell by cell on the hand-built study."""

from __future__ import annotations

from qualcode.analysis.axes import NOTE_KEY
from qualcode.analysis.displays import build_ready, customised_spec
from qualcode.export.display_adapter import table_from_display


def ids(st, *names: str) -> list[int]:
    return sorted(st.c[n] for n in names)


def test_event_listing_lists_dated_events_only(study) -> None:
    p, st = study
    d = build_ready(p, "event_listing")
    # only c10 has a date of its own (period 2024-03); interview dates do not make events
    assert [h.key for h in d.columns] == ["2024"]
    assert d.cell_codings(*d.find(str(st.code["Sumber daya"]), "2024")) == ids(st, "c10")
    assert sum(map(sum, d.counts)) == 1
    by_level = build_ready(p, "event_listing", level="OPD", bucket="month")
    assert [h.key for h in by_level.columns] == ["2024-03"]
    assert [h.key for h in by_level.rows] == ["Bappeda", "Diskominfo"]
    assert sum(map(sum, by_level.counts)) == 0  # O1 (c10) belongs to no case


def test_explanatory_effects_and_case_dynamics(study) -> None:
    p, st = study
    d = build_ready(p, "explanatory_effects", causes=[st.code["Sumber daya"]],
                    short_run=[st.code["Komunikasi"]], op="and")  # fmt: skip
    assert [h.label for h in d.columns] == ["Efek jangka pendek", "Penjelasan"]
    assert d.columns[1].key == NOTE_KEY + "Penjelasan"
    # c5 (Kejelasan) overlaps c2 and c13 (Anggaran) in W1; only c2 is by c5's coder, and
    # co-occurrence counts what one coder applied together
    assert d.cell_codings(0, 0) == ids(st, "c2", "c5")
    assert d.counts[0][1] == 0 and d.cell_codings(0, 1) == []
    saved = p.displays.save("Efek", d.spec).result.id
    p.cells.set_summary(saved, str(st.code["Sumber daya"]), NOTE_KEY + "Penjelasan",
                        "Anggaran pelatihan menentukan kejelasan.")  # fmt: skip
    table = table_from_display(p.displays.run(saved), project=p)
    assert table.cells[0][1].summary == "Anggaran pelatihan menentukan kejelasan."
    dyn = build_ready(
        p,
        "case_dynamics",
        problems=[st.code["Sumber daya"]],
        coping=[st.code["Komunikasi"]],
        results=[st.code["Disposisi"]],
        op="and",
    )
    assert [h.label for h in dyn.columns] == ["Cara mengatasi", "Hasil", "Isu mendasar"]
    assert dyn.cell_codings(0, 0) == ids(st, "c2", "c5")


def test_contrast_table_and_predictor_outcome(study) -> None:
    p, st = study
    d = build_ready(p, "contrast_table", outcome="Rank", extremes=1,
                    codes=[st.code["Sumber daya"]])  # fmt: skip
    assert [h.label for h in d.rows] == ["I3 (Rank: 4)", "I1 (Rank: 1)"]
    assert d.counts == [[2], [2]]  # I1: c1 and budi's c12 on the same text are one passage
    po = build_ready(p, "predictor_outcome", outcome="Rank", predictors=[st.code["Komunikasi"]],
                     conclusion="Kesimpulan")  # fmt: skip
    assert [h.label for h in po.rows] == ["I3 (Rank: 4)", "I2 (Rank: 3)", "I1 (Rank: 1)"]
    assert [h.label for h in po.columns] == ["Komunikasi", "Kesimpulan"]


def test_contact_summary_form(study) -> None:
    p, st = study
    d = build_ready(p, "contact_summary", sources=[st.src["W2"]])
    assert [h.label for h in d.columns] == ["W2"]
    assert [h.label for h in d.rows][-2:] == ["Hal yang menonjol", "Pertanyaan baru"]
    assert d.cell_codings(*d.find(str(st.code["Komunikasi"]), str(st.src["W2"]))) == ids(
        st, "c6", "c7"
    )


def test_a_kesimpulan_column_and_row_on_a_text_display(study) -> None:
    p, st = study
    spec = customised_spec(p, "framework", {}, conclusion_column="Kesimpulan",
                           conclusion_row="Kesimpulan")  # fmt: skip
    saved = p.displays.save("Kerangka", spec).result.id
    d = p.displays.run(saved)
    assert d.columns[-1].label == "Kesimpulan" and d.rows[-1].label == "Kesimpulan"
    assert d.counts[-1] == [0] * len(d.columns)
    p.cells.set_summary(saved, str(st.case["I1"]), NOTE_KEY + "Kesimpulan",
                        "Komunikasi berjalan, sumber daya kurang.")  # fmt: skip
    table = table_from_display(p.displays.run(saved), project=p)
    assert table.column_labels[-1] == "Kesimpulan"
    assert table.cells[0][-1].summary == "Komunikasi berjalan, sumber daya kurang."


def test_a_checklist_conclusion_column_is_not_rated(study) -> None:
    p, st = study
    spec = customised_spec(p, "checklist", {"variable": st.code["Komunikasi"]},
                           conclusion_column="Kesimpulan")  # fmt: skip
    saved = p.displays.save("Ceklis", spec).result.id
    d = p.displays.run(saved)
    last = len(d.columns) - 1
    assert d.columns[last].label == "Kesimpulan"
    assert (0, last) not in d.ratings and d.ratings[(0, 2)] == "not_mentioned"
    table = table_from_display(d, project=p)
    assert table.cells[0][last].rating is None
