"""Citations built per paragraph by ``Attributor.citer`` read exactly as the parts say, and
records made by ``records.positional`` equal (and stay as frozen as) constructed ones."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from qualcode.cases.attribution import AttributionStyle, Attributor
from qualcode.records import Case, CaseLink, Code, positional

INFORMANT = Case(3, "g3", "Bu Sari", "informant", None, "", {"jabatan": "Kasi", "OPD": "Dinas"})
BARE = Case(4, "g4", "Pak Budi", "informant", None, "", {})
NUL = Case(5, "g5", "Odd\x00name", "informant", None, "", {"Jabatan": "Staf\x00"})

STYLES = [
    AttributionStyle(),
    AttributionStyle(fields=("position", "case", "role")),
    AttributionStyle(fields=("case",)),
    AttributionStyle(fields=("role", "position", "source"), separator=" | "),
    AttributionStyle(fields=("case", "position"), lead_separator=": "),
    AttributionStyle(fields=("position",)),
    AttributionStyle(fields=("coder", "speaker", "date", "position", "attr:OPD")),
    AttributionStyle(pseudonymise=True),
    AttributionStyle(fields=("position", "case", "role", "position")),  # named twice
]


def expected(attributor: Attributor, case: Case | None, paragraph: int | None) -> str:
    """The citation as the documented rule joins ``Attributor.parts``."""
    st = attributor.style
    done = attributor.parts(
        case, source="W1", source_date=date(2024, 5, 27), paragraph=paragraph,
        speaker="Informan", coder="ani",
    )  # fmt: skip
    if not done:
        return ""
    if done[0][0] == "case" and case is not None and len(done) > 1:
        return done[0][1] + st.lead_separator + st.separator.join(t for _, t in done[1:])
    return st.separator.join(t for _, t in done)


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("case", [INFORMANT, BARE, NUL, None])
def test_citer_equals_the_parts_joined(style, case):
    attributor = Attributor([INFORMANT, BARE, NUL], style, "id")
    cite = attributor.citer(
        case, source="W1", source_date=date(2024, 5, 27), speaker="Informan", coder="ani"
    )
    for paragraph in (None, 0, 1, 12, 1234):
        assert cite(paragraph) == expected(attributor, case, paragraph)
    once = attributor.cite(
        case, source="W1", source_date=date(2024, 5, 27), paragraph=7, speaker="Informan",
        coder="ani",
    )  # fmt: skip
    assert once == expected(attributor, case, 7)


def test_positional_records_equal_constructed_ones_and_stay_frozen():
    code = Code(7, "g", None, "Kendala", "#112233", "K", "d", "i", "e", "x", {"en": "Barrier"},
                None, None, 2, 1)  # fmt: skip
    made = positional(Code)(*dataclasses.astuple(code))
    assert made == code and type(made) is Code
    link = CaseLink(1, 3, 9, None, None, None)
    assert positional(CaseLink)(1, 3, 9, None, None, None) == link
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.name = "other"  # type: ignore[misc]
    with pytest.raises(TypeError):
        positional(Case)(1, "g", "n")  # every field is given, in order

    @dataclasses.dataclass(frozen=True)
    class Plain:
        a: int

    with pytest.raises(TypeError):
        positional(Plain)  # its fields are no slots to fill
