"""A source's selections in columns (how the fast reading hands them to the import)
turn into the model's objects and back without loss."""

from __future__ import annotations

import datetime as dt

from qualcode.interop.refi.format.model import Coding, SelectionColumns, TextSelection

G = [f"00000000-0000-4000-8000-{n:012d}" for n in range(10)]
WHEN = dt.datetime(2024, 5, 1, 10, 0, tzinfo=dt.UTC)


def test_columns_and_selections_convert_both_ways_without_loss() -> None:
    selections = [
        TextSelection(
            G[0], "src", 0, 9, "Koordinasi", "Dikonfirmasi dua informan.",
            (Coding(G[1], "code-a", "Ana", WHEN, (G[8],)), Coding(G[2], "code-b", None, None)),
            (G[9], G[7]), "Ana", WHEN, "Budi", WHEN + dt.timedelta(days=1),
        ),
        TextSelection(G[3], "src", 10, 20),  # nothing but its place
        TextSelection(G[4], "src", 5, 30, codings=(Coding(G[5], "code-a"),), modified=WHEN),
    ]  # fmt: skip
    columns = SelectionColumns.of("src", selections)
    assert len(columns) == 3 and columns.starts == [0, 10, 5] and columns.ends == [9, 20, 30]
    assert columns.names == {0: "Koordinasi"} and columns.modified == {
        0: ("Budi", WHEN + dt.timedelta(days=1)),
        2: (None, WHEN),
    }
    assert [row[:3] for row in columns.codings] == [
        (0, G[1], "code-a"),
        (0, G[2], "code-b"),
        (2, G[5], "code-a"),
    ]
    assert columns.notes == [(0, G[9]), (0, G[7])]  # in their order
    assert columns.selections() == selections
    assert SelectionColumns("src").selections() == []
