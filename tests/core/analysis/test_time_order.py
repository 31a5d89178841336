"""Time-ordered displays: the chosen time field, fallbacks stated per row, honest buckets."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from qualcode.analysis.displays import build_ready, parse_dim
from qualcode.analysis.periods import (
    bucket,
    fallback_note,
    key_label,
    order_keys,
    parse_period,
    within,
)
from qualcode.analysis.spec import Dim
from qualcode.cli.main import cli
from qualcode.errors import ValidationError
from qualcode.export.display_adapter import table_from_display
from qualcode.project import Project

TEXT = "Satu dua tiga.\nEmpat lima enam.\nTujuh delapan sembilan.\nSepuluh sebelas.\n"


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2024", "2024-01-01", "2024-12-31"),
        ("2024-03", "2024-03-01", "2024-03-31"),
        ("2024-02-29", "2024-02-29", "2024-02-29"),
        ("Maret 2024", "2024-03-01", "2024-03-31"),
        ("march 2024", "2024-03-01", "2024-03-31"),
        ("15 Agustus 2022", "2022-08-15", "2022-08-15"),
        ("2024 triwulan I", "2024-01-01", "2024-03-31"),
        ("TW II 2024", "2024-04-01", "2024-06-30"),
        ("Triwulan III tahun 2024", "2024-07-01", "2024-09-30"),
        ("kuartal 4 2024", "2024-10-01", "2024-12-31"),
        ("Q1 2024", "2024-01-01", "2024-03-31"),
        ("semester II 2023", "2023-07-01", "2023-12-31"),
        ("H1 2024", "2024-01-01", "2024-06-30"),
        ("2021-2023", "2021-01-01", "2023-12-31"),
        ("2021 \u2013 2023", "2021-01-01", "2023-12-31"),
        ("2021 sampai 2023", "2021-01-01", "2023-12-31"),
        ("Januari s.d. Maret 2024", "2024-01-01", "2024-03-31"),
        ("Oktober 2023 - Februari 2024", "2023-10-01", "2024-02-29"),
    ],
)
def test_period_texts_read_as_spans(text: str, start: str, end: str) -> None:
    span = parse_period(text)
    assert span is not None
    assert (span.start.isoformat(), span.end.isoformat()) == (start, end)


@pytest.mark.parametrize("text", ["awal pandemi", "", "triwulan V 2024", "2024-13", "Okto 2024"])
def test_other_texts_are_no_period(text: str) -> None:
    assert parse_period(text) is None


def test_buckets_never_put_a_coarser_period_under_a_finer_one() -> None:
    # by month: a month, a quarter, a year and a range are four different rows
    assert [bucket(t, "month") for t in ("2024-03-11", "Maret 2024", "2024 triwulan I", "2024",
                                         "2021-2023", "Januari - Mei 2024")] == [
        "2024-03", "2024-03", "2024-Q1", "2024", "2021/2023", "2024-01/2024-05"]  # fmt: skip
    # by year: a range over years is its own row, never its first year
    assert bucket("2021-2023", "year") == "2021/2023"
    assert bucket("Oktober 2023 - Maret 2024", "year") == "2023/2024"
    assert bucket("2024 triwulan I", "year") == "2024"
    assert bucket("semester II 2024", "quarter") == "2024-H2"
    assert bucket("awal pandemi", "year") == "awal pandemi"  # its own bucket, as written
    assert bucket("2024 triwulan I", "value") == "2024 triwulan I"
    assert bucket(None, "month") is None
    # early/late: a period is early only when it ends before the cutoff
    assert bucket("2024 triwulan I", "split", "2024-04-01") == "early"
    assert bucket("2024", "split", "2024-04-01") == "late"


def test_rows_are_ordered_by_start_the_longer_first() -> None:
    keys = {"2024-03", "2024", "2024-Q1", "2021/2023", "2021", "2024-01", "awal pandemi"}
    assert order_keys(keys) == [
        "2021/2023", "2021", "2024", "2024-Q1", "2024-01", "2024-03", "awal pandemi"]  # fmt: skip
    assert key_label("2024-Q1", "id") == "2024 triwulan I"
    assert key_label("2024-Q1", "en") == "2024 Q1"
    assert key_label("2024-H2", "id") == "2024 semester II"
    assert key_label("2021/2023") == "2021\u20132023"


def test_period_filter_keeps_overlapping_periods() -> None:
    assert within("2021-2023", "2022", None)
    assert not within("2021", "2022", None)
    assert within("2024 triwulan I", None, "2024-02")
    assert not within("2024-03-11", None, "2024-02")


def test_fallback_note_words() -> None:
    chain = ("period", "event_date", "source_date")
    assert fallback_note("source_date", 3, 5, chain, "en") == (
        "3 of 5 ordered by source date (interview date): no period or event date"
    )
    assert fallback_note("event_date", 1, 2, chain, "id") == (
        "1 dari 2 diurutkan menurut tanggal peristiwa: tidak ada periode"
    )
    assert fallback_note("none", 2, 2, chain, "en") == (
        "2 of 2 without a time: no period, event date or source date (interview date)"
    )


# -- a small study -----------------------------------------------------------------------------
@pytest.fixture
def study(tmp_path: Path) -> tuple[Path, dict[str, int]]:
    """W1 (interview 2024-03-12), W2 (undated); four codings of code K by ana.

    c1 W1 line 1: period "2024 triwulan I"; c2 W1 line 2: event date 2024-02-10;
    c3 W1 line 3: nothing (falls to W1's date); c4 W2 line 1: nothing, undated source.
    """
    path = tmp_path / "t.qdaproj"
    with Project.create(path, coder="ana") as p:
        w1 = p.sources.add_text("W1", TEXT, date_collected=date(2024, 3, 12)).result.id
        w2 = p.sources.add_text("W2", TEXT).result.id
        k = p.codes.create("K").result.id
        c1 = p.codings.apply(w1, 0, 14, k).result.id
        c2 = p.codings.apply(w1, 15, 31, k).result.id
        c3 = p.codings.apply(w1, 32, 55, k).result.id
        c4 = p.codings.apply(w2, 0, 14, k).result.id
        p.codings.set_attributes(c1, period="2024 triwulan I")
        p.codings.set_attributes(c2, event_date="2024-02-10")
    return path, {"c1": c1, "c2": c2, "c3": c3, "c4": c4, "k": k}


def _rows(d: object) -> dict[str, list[int]]:
    return {h.key: d.cell_codings(r, 0) for r, h in enumerate(d.rows)}  # type: ignore[attr-defined]


def test_period_field_falls_back_and_says_so(study: tuple[Path, dict[str, int]]) -> None:
    path, ids = study
    with Project.open(path, coder="ana", read_only=True) as p:
        d = build_ready(p, "time_ordered", bucket="month")
        # c2 by its event date (Feb), c3 by W1's date (Mar); c1's quarter is its own row
        assert _rows(d) == {"2024-Q1": [ids["c1"]], "2024-02": [ids["c2"]],
                            "2024-03": [ids["c3"]], "(none)": [ids["c4"]]}  # fmt: skip
        assert d.time is not None and d.time.field == "period"
        assert d.time_notes("en") == [
            "2024-02: 1 of 1 ordered by event date: no period",
            "2024-03: 1 of 1 ordered by source date (interview date): no period or event date",
            "(none): 1 of 1 without a time: no period, event date or source date (interview date)",
        ]
        data = d.to_dict()["time"]
        assert data["field"] == "period"
        assert data["fallback_order"] == ["period", "event_date", "source_date"]
        assert [r["key"] for r in data["fallback_rows"]] == ["2024-02", "2024-03", "(none)"]
        assert data["fallback_rows"][1]["fallbacks"] == [
            {"field": "source_date", "count": 1, "missing": ["period", "event_date"]}
        ]
        # the notes under an exported table, in the export's language
        about = table_from_display(d, language="id").about
        assert about["Diurutkan menurut"] == "periode"
        assert about["Catatan urutan waktu"][0] == (
            "2024-02: 1 dari 1 diurutkan menurut tanggal peristiwa: tidak ada periode"
        )


def test_other_fields_and_no_fallback(study: tuple[Path, dict[str, int]]) -> None:
    path, ids = study
    with Project.open(path, coder="ana", read_only=True) as p:
        by_source = build_ready(p, "time_ordered", bucket="month", field="source_date")
        # every coding of W1 by the interview date, W2's undated: no fallback to its periods
        assert _rows(by_source) == {"2024-03": [ids["c1"], ids["c2"], ids["c3"]],
                                    "(none)": [ids["c4"]]}  # fmt: skip
        assert by_source.time_notes("en") == [
            "(none): 1 of 1 without a time: no source date (interview date)"
        ]
        by_event = build_ready(p, "time_ordered", bucket="year", field="event_date")
        assert _rows(by_event)["2024"] == [ids["c1"], ids["c2"], ids["c3"]]
        assert by_event.time_notes("en")[0] == (
            "2024: 1 of 3 ordered by period: no event date; "
            "1 of 3 ordered by source date (interview date): no event date or period"
        )
        strict = build_ready(p, "time_ordered", bucket="month", field="event_date",
                             fallback=False)  # fmt: skip
        assert _rows(strict) == {"2024-02": [ids["c2"]],
                                 "(none)": [ids["c1"], ids["c3"], ids["c4"]]}  # fmt: skip
        with pytest.raises(ValidationError):
            build_ready(p, "time_ordered", field="interview")
        assert parse_dim("period:quarter:source_date") == Dim.of(
            "period", bucket="quarter", field="source_date"
        )


def test_cli_time_field(study: tuple[Path, dict[str, int]]) -> None:
    path, _ids = study
    run = CliRunner().invoke(
        cli, ["display", str(path), "time_ordered", "--time-field", "event_date",
              "--bucket", "quarter", "--json"], catch_exceptions=False)  # fmt: skip
    assert run.exit_code == 0, run.output
    data = json.loads(run.output)
    assert data["row_keys"] == ["2024-Q1", "(none)"]
    assert data["cells"] == [[3], [1]]
    assert data["time"]["field"] == "event_date"
    text = CliRunner().invoke(cli, ["display", str(path), "time_ordered"], catch_exceptions=False)
    assert "Ordered by: period." in text.output
    assert "2024-03: 1 of 1 ordered by source date (interview date)" in text.output
