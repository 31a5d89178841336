"""Ready-made displays on the hand-built study, with exact expected cells."""

from __future__ import annotations

from pathlib import Path

from qualcode.analysis.displays import build_ready
from qualcode.analysis.excerpts import Excerpt
from qualcode.analysis.ratings import rating
from qualcode.analysis.summarise import best_quote, draft_summary
from qualcode.export.display_file import write_display_file

from .conftest import W1, W2


def ids(st, *names):
    return sorted(st.c[n] for n in names)


def test_factors_by_dimension(study) -> None:
    p, st = study
    d = build_ready(p, "factors")
    assert [h.label for h in d.rows] == ["Komunikasi", "Sumber daya", "Disposisi"]
    assert [h.key for h in d.columns] == ["supporting", "inhibiting", "neutral", "none"]
    assert d.counts == [[1, 2, 0, 2], [1, 5, 0, 1], [1, 0, 0, 0]]
    assert d.cell_codings(1, 0) == ids(st, "c11")
    assert d.cell_codings(1, 1) == ids(st, "c2", "c4", "c8", "c9", "c10")
    by_cases = build_ready(p, "factors", measure="cases")
    assert by_cases.counts == [[1, 1, 0, 1], [0, 2, 0, 1], [1, 0, 0, 0]]  # O1 has no case


def test_coverage_marks_missing_evidence(study) -> None:
    p, st = study
    codes = [st.code[n] for n in ("Transmisi", "Staf", "Disposisi")]
    d = build_ready(p, "coverage", codes=codes)
    assert [h.label for h in d.columns] == ["D1", "O1", "W1", "W2"]
    assert d.counts == [[0, 0, 1, 1], [0, 1, 1, 0], [0, 0, 1, 0]]  # c12 joins c1
    assert d.empty_cells() == [(0, 0), (0, 1), (1, 0), (1, 3), (2, 0), (2, 1), (2, 3)]
    assert d.to_dict()["missing"] == [[0, 0], [0, 1], [1, 0], [1, 3], [2, 0], [2, 1], [2, 3]]


def test_checklist_ratings_and_quotes(study) -> None:
    p, st = study
    d = build_ready(p, "checklist", variable=st.code["Komunikasi"])
    assert [h.label for h in d.rows] == ["Transmisi", "Kejelasan"]
    assert [h.label for h in d.columns] == ["I1", "I2", "I3"]
    assert d.counts == [[1, 1, 0], [1, 1, 0]]
    assert [[d.ratings[(r, c)] for c in range(3)] for r in range(2)] == [
        ["adequate", "inadequate", "not_mentioned"],
        ["partly", "partly", "not_mentioned"],
    ]
    # (Transmisi, I1): budi's unrated c12 repeats c1 "high": one passage, rated by c1 (adequate).
    # (Transmisi, I2): c7 inhibiting "medium" -> inadequate; (Kejelasan, I2): c6 inhibiting
    # "low" -> partly; I3 said nothing.
    assert d.quotes[(0, 0)].coding_id == st.c["c1"]
    assert d.quotes[(0, 1)].coding_id == st.c["c7"]
    assert (0, 2) not in d.quotes
    strict = build_ready(p, "checklist", variable=st.code["Komunikasi"],
                         levels={"high": 2, "low": 0, "medium": 1})  # fmt: skip
    assert strict.ratings[(1, 1)] == "absent"  # c6 "low" counts as absent under these levels


def test_rating_and_quote_rules() -> None:
    assert rating([]) == "not_mentioned"
    assert rating(["high", "tinggi", "low"]) == "adequate"  # levels 1, 3, 3: median 3
    assert rating(["high", "memadai"]) == "adequate"
    assert rating(["tidak ada", "high"]) == "absent"
    assert rating(["medium", None, "high", "high"]) == "partly"

    def ex(i: int, text: str, magnitude: str | None = None) -> Excerpt:
        return Excerpt(
            i, 1, "W1", "interview", 1, "K", "ana", (), None, 0, 1, text, None, magnitude
        )

    cell = [
        ex(1, "Anggaran terbatas sekali untuk pelatihan staf di desa", "high"),
        ex(2, "Anggaran pelatihan staf terbatas", "high"),
        ex(3, "Cuaca cerah", "high"),
        ex(4, "Anggaran terbatas", "low"),
    ]
    # centrality (sum of Jaccard overlaps): #1 1.0, #2 1.167, #4 0.833, #3 0
    assert best_quote(cell).coding_id == 2  # rated like the cell (adequate), most central
    text, linked = draft_summary(cell, max_sentences=2)
    assert linked == [1, 2]
    assert text == cell[0].text + "\n" + cell[1].text


def test_role_ordered_case_ordered_clustered(study) -> None:
    p, st = study
    d = build_ready(p, "role_ordered", role="Jabatan", rank="Rank",
                    codes=[st.code["Komunikasi"], st.code["Sumber daya"]])  # fmt: skip
    assert [h.label for h in d.rows] == ["Kadis", "Kasi", "Staf", "Kabid"]
    assert d.counts == [[2, 2], [2, 0], [0, 2], [0, 0]]
    first = d.excerpts[(0, 0)][0]
    assert (first.source, first.start, first.end, first.cases) == ("W1", 0, 37, ("I1",))
    assert first.text == W1[0:37]

    d = build_ready(p, "case_ordered", order_by="Rank", codes=[st.code["Sumber daya"]])
    assert [h.label for h in d.rows] == ["I3", "I2", "I1"]
    assert d.counts == [[2], [0], [2]]
    turn = d.excerpts[(0, 0)][0]
    assert (turn.speaker, turn.text) == ("I3", W2[68:91])

    groups = {"Komunikasi": [st.code["Komunikasi"]],
              "Kapasitas": [st.code["Sumber daya"], st.code["Disposisi"]]}  # fmt: skip
    d = build_ready(p, "clustered", groups=groups)
    assert [h.label for h in d.columns] == ["Komunikasi", "Kapasitas"]
    assert d.counts == [[2, 3], [2, 0], [0, 2]]
    assert d.cell_codings(0, 1) == ids(st, "c2", "c3", "c4")


def test_effects_matrix(study) -> None:
    p, st = study
    d = build_ready(p, "effects", outcomes=[st.code["Sumber daya"]], cutoff="2024-02-01")
    assert [h.key for h in d.columns] == ["early", "late"]
    assert d.counts == [[3, 3]]
    assert d.cell_codings(0, 1) == ids(st, "c8", "c9", "c10")
    d = build_ready(p, "effects", outcomes=[st.code["Sumber daya"]], group="OPD")
    assert [h.label for h in d.columns] == ["Bappeda", "Diskominfo"]
    assert d.counts == [[2, 2]]  # c13 joins c2


def test_framework_summaries_survive_rerun(study) -> None:
    p, st = study
    spec = build_ready(p, "framework").spec
    saved = p.displays.save("Kerangka", spec).result
    assert p.displays.find("kerangka").id == saved.id
    drafted = p.cells.autofill(saved.id, max_sentences=2).result
    d = p.displays.run(saved.id)
    assert [h.label for h in d.columns] == ["Komunikasi", "Sumber daya", "Disposisi"]
    filled = {k for k, v in d.summaries.items()}
    assert filled == {(r, c) for r in range(3) for c in range(3) if d.counts[r][c]}
    assert drafted == len(filled)
    i2 = d.summaries[d.find(str(st.case["I2"]), str(st.code["Komunikasi"]))]
    # both inhibiting: one line marked (−), the cell's two sub-codes each represented
    assert i2.draft
    assert (
        i2.text == "(\u2212) Informasi kebijakan belum jelas.\n(\u2212) Sosialisasi kurang merata."
    )
    assert list(i2.coding_ids) == ids(st, "c6", "c7")
    # the researcher edits one cell; re-filling keeps it, and so does new coding
    key = (str(st.case["I1"]), str(st.code["Disposisi"]))
    p.cells.set_summary(saved.id, *key, "Komitmen pimpinan kuat (Kadis).")
    p.cells.autofill(saved.id)
    p.codings.apply(st.src["W1"], 104, 118, st.code["Disposisi"])
    again = p.displays.run(saved.id)
    s = again.summaries[again.find(*key)]
    assert (s.text, s.draft, list(s.coding_ids)) == ("Komitmen pimpinan kuat (Kadis).", False,
                                                      ids(st, "c3"))  # fmt: skip
    assert again.counts[again.find(*key)[0]][again.find(*key)[1]] == 2
    assert len(p.cells.summaries(saved.id)) == len(filled)
    out = again.to_dict()
    assert out["summaries"][0][2]["text"] == "Komitmen pimpinan kuat (Kadis)."


def test_export_csv_and_xlsx(study, tmp_path: Path) -> None:
    p, st = study
    d = build_ready(p, "factors")
    write_display_file(d, tmp_path / "f.csv", language="en")
    lines = (tmp_path / "f.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == ",supporting,inhibiting,neutral,no valence"
    assert lines[2] == "Sumber daya,1,5,0,1"
    from openpyxl import load_workbook

    check = build_ready(p, "checklist", variable=st.code["Komunikasi"])
    write_display_file(check, tmp_path / "c.xlsx", project=p, language="en")
    ws = load_workbook(tmp_path / "c.xlsx").worksheets[0]
    assert ws.cell(1, 1).value == "Checklist matrix"
    assert [ws.cell(3, c).value for c in (2, 3, 4)] == ["I1", "I2", "I3"]
    assert ws.cell(4, 4).value == "not mentioned"
    assert ws.cell(5, 3).value.startswith("partly")
