"""Who speaks in an imported transcript: source kind guess and speaker → case plan.

Pure functions (no database), used by :mod:`qualcode.sources.importing`.

Decisions (documented here because analysis relies on them):

* Every detected turn becomes a case link ``(case, source, start, end,
  speaker=label)``. Interviewer/moderator turns are linked too, to a shared case
  of kind ``"other"`` named :data:`INTERVIEWER_CASE` (or ``"Moderator"`` when a
  speaker map says so), and the source's ``meta["interviewer_speakers"]`` lists
  their labels, so analysis can drop them by case kind or by label.
* A one-to-one interview (one participant label) links its participant turns to
  the informant named by the header: ``Kode Informan`` first, then a code such
  as "(I1)" / "Kode I4" / "Code: I7" inside ``Informan``, then a personal-name
  label ("Rina") or a numbered code label ("Informan 3", "IK-1": theses cite
  informants by such codes), then the ``Informan`` text, else the source name.
  A bare role word ("Informan", "I", "Narasumber") never names a case.
* Several participant labels (a focus group) give one case per label.
* Kind guess when none is given: field-notes words in the opening lines
  ("catatan lapangan", "field notes", "observasi", "pengamatan") → observation;
  two or more participant labels → focus-group; one → interview; no turns but a
  header naming an informant → interview; otherwise → document. Observations
  and documents have no speakers: turns are not detected in them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from qualcode.i18n import QT_TRANSLATE_NOOP
from qualcode.sources.turns import Turn, classify_speaker, is_role_label

INTERVIEWER_CASE = "Interviewer"
MODERATOR_CASE = "Moderator"
INTERVIEWER_ROLES = {"interviewer": INTERVIEWER_CASE, "moderator": MODERATOR_CASE}
_OBSERVATION_WORDS = re.compile(
    r"catatan lapangan|field ?notes?|observasi|observation|pengamatan", re.IGNORECASE
)
_FGD_WORDS = re.compile(r"\bfgd\b|focus group|diskusi kelompok", re.IGNORECASE)
_CODE_IN_TEXT = re.compile(
    r"(?:\bkode(?:\s+informan)?|\bcode)\s*:?\s*([A-Za-z]{1,3}[- ]?\d{1,3})\b"
    r"|\(([A-Z]{1,3}-?\d{1,3})\)",
    re.IGNORECASE,
)
_PARENS = re.compile(r"\s*\([^()]*\)")


@dataclass(frozen=True, slots=True)
class SpeakerPlan:
    """How one speaker label maps to a case: ``role`` is interviewer or participant."""

    label: str
    case: str
    role: str
    case_kind: str


def guess_kind(text: str, turns: Sequence[Turn], header: Mapping[str, str]) -> str:
    """Guess the source kind (see the module docstring for the rules)."""
    opening = text[:400]
    if _OBSERVATION_WORDS.search(opening):
        return "observation"
    participants = {t.speaker for t in turns if t.role == "participant"}
    if len(participants) >= 2 or (participants and _FGD_WORDS.search(opening)):
        return "focus-group"
    if participants:
        return "interview"
    if "informant" in header or "informant_code" in header:
        return "interview"
    return "document"


def informant_case_name(header: Mapping[str, str]) -> str | None:
    """The case name a header gives for a one-to-one interview, if any."""
    code = header.get("informant_code", "").strip()
    if code:
        return code
    informant = header.get("informant", "")
    match = _CODE_IN_TEXT.search(informant)
    if match:
        return (match.group(1) or match.group(2)).strip()
    return None


def _numbered(label: str) -> bool:
    """An informant code ("Informan 3", "IK-1") names the person; a bare role word does not."""
    return any(ch.isdigit() for ch in label)


def _informant_text(header: Mapping[str, str]) -> str | None:
    text = _PARENS.sub("", header.get("informant", "")).split(",")[0].strip(" ;")
    return text[:60] or None


def plan_speakers(
    turns: Sequence[Turn],
    *,
    kind: str,
    header: Mapping[str, str],
    source_name: str,
    speaker_map: Mapping[str, str] | None = None,
) -> tuple[dict[str, SpeakerPlan], list[str]]:
    """Map each speaker label to a case; returns the plan and warnings.

    With ``speaker_map`` (label → case name, or ``interviewer``/``moderator``)
    only mapped labels are kept; other labels are reported and not linked.
    """
    labels = list(dict.fromkeys(t.speaker for t in turns))
    plan: dict[str, SpeakerPlan] = {}
    warnings: list[str] = []
    if speaker_map is not None:
        lowered = {k.strip().lower(): v for k, v in speaker_map.items()}
        for label in labels:
            target = lowered.get(label.lower())
            if target is None:
                warnings.append(
                    f"Speaker label '{label}' is not in the speaker map; its turns are not linked."
                )
                continue
            role_case = INTERVIEWER_ROLES.get(str(target).strip().lower())
            if role_case:
                plan[label] = SpeakerPlan(label, role_case, "interviewer", "other")
            else:
                plan[label] = SpeakerPlan(label, str(target).strip(), "participant", "informant")
        return plan, warnings
    participants = [label for label in labels if classify_speaker(label) == "participant"]
    single = len(participants) == 1 and kind != "focus-group"
    for label in labels:
        if classify_speaker(label) == "interviewer":
            role_case = MODERATOR_CASE if label.lower() == "moderator" else INTERVIEWER_CASE
            plan[label] = SpeakerPlan(label, role_case, "interviewer", "other")
        elif single:
            name = (
                informant_case_name(header)
                or (None if is_role_label(label) and not _numbered(label) else label)
                or _informant_text(header)
                or source_name
            )
            plan[label] = SpeakerPlan(label, name, "participant", "informant")
        else:
            plan[label] = SpeakerPlan(label, label, "participant", "informant")
    return plan, warnings


@dataclass(frozen=True, slots=True)
class TurnNotice:
    """Why the speaker turns of an imported source need a look (an untranslated template)."""

    template: str
    params: dict[str, str | int]

    def __str__(self) -> str:
        return self.template.format(**self.params)


def _stripped_length(text: str, start: int) -> int:
    """``len(text[start:].strip())`` without copying the text (it may be 95 MB)."""
    end = len(text)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return end - start


def check_turns(text: str, turns: Sequence[Turn], *, kind: str, file: str) -> TurnNotice | None:
    """A notice when turn detection found nothing or is unsure; None when it looks right.

    Unsure means: one speaker only (an interview has two), or a large part of
    the text (after the header) lies before the first turn, where a label
    layout the detector did not recognise probably starts.
    """
    from qualcode.sources.header import parse_header

    if kind not in ("interview", "focus-group"):
        return None
    if not turns:
        return TurnNotice(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file}: no speaker turns were recognised, so the whole text belongs to the "
                "informant. Mark the speakers in View › Review speakers.",
            ),
            {"file": file},
        )
    speakers = {t.speaker.lower() for t in turns}
    if len(speakers) < 2:
        return TurnNotice(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file}: only one speaker ({speaker}) was recognised; check the speakers in "
                "View › Review speakers.",
            ),
            {"file": file, "speaker": turns[0].speaker},
        )
    header = parse_header(text)
    body_start = header.end if header else 0
    before = len(text[body_start : min(t.start for t in turns)].strip())
    if before > 300 and before > 0.2 * _stripped_length(text, body_start):
        return TurnNotice(
            QT_TRANSLATE_NOOP(
                "errors",
                "{file}: {chars} characters before the first recognised speaker turn belong to "
                "no speaker; check the speakers in View › Review speakers.",
            ),
            {"file": file, "chars": before},
        )
    return None
