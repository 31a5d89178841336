"""The paragraph a thesis methods section needs about intercoder agreement.

It states what examiners look for (DOMAIN notes, §6): the unit, the text the
figures were computed over (the check sample and how it was drawn, or the
sources every coder coded), its size, who coded, the coefficients pooled with
95% intervals and their range over codes, the sources left out because one
coder alone coded them, and the software. English or Indonesian.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import qualcode

if TYPE_CHECKING:
    from qualcode.analysis.agreement import AgreementReport, CodeAgreement

NAMES = {
    "en": {
        "percent_agreement": "percent agreement",
        "kappa": "Cohen's κ",
        "alpha": "Krippendorff's α",
        "ac1": "Gwet's AC1",
        "psa": "positive specific agreement",
    },
    "id": {
        "percent_agreement": "persentase kesepakatan",
        "kappa": "κ Cohen",
        "alpha": "α Krippendorff",
        "ac1": "AC1 Gwet",
        "psa": "kesepakatan spesifik positif",
    },
}
UNITS = {
    "en": {"character": "the character", "segment": "the speaker turn (or paragraph where a "
           "source has no turns)"},
    "id": {"character": "karakter", "segment": "giliran bicara (atau paragraf bila sumber tidak "
           "memiliki giliran bicara)"},
}  # fmt: skip


def _num(x: float | None, language: str) -> str:
    if x is None:
        return "–"
    text = f"{x:.3f}"
    return text.replace(".", ",") if language == "id" else text


def _figure(a: CodeAgreement, key: str, language: str) -> str:
    value = getattr(a, key)
    text = f"{NAMES[language][key]} = {_num(value, language)}"
    ci = a.ci.get(key)
    if ci is not None and value is not None:
        low, high = _num(ci[0], language), _num(ci[1], language)
        text += f" (95% CI {low}–{high})" if language == "en" else f" (IK 95% {low}–{high})"
    return text


def _series(names: tuple[str, ...] | list[str], lang: str) -> str:
    """Names as a sentence lists them: "a and b", "a, b and c" / "a dan b", "a, b, dan c"."""
    items = list(names)
    if len(items) < 3:
        return (" and " if lang == "en" else " dan ").join(items)
    last = ", and " if lang == "en" else ", dan "
    return ", ".join(items[:-1]) + last + items[-1]


def methods_paragraph(report: AgreementReport, language: str = "en") -> str:
    """One paragraph (English ``en`` or Indonesian ``id``) describing the agreement check."""
    lang = "id" if language == "id" else "en"
    keys = ["percent_agreement", *(["kappa"] if len(report.coders) == 2 else []),
            "alpha", "ac1", "psa"]  # fmt: skip
    pooled = "; ".join(_figure(report.overall, k, lang) for k in keys)
    coders = _series(report.coders, lang)
    n_codes = len(report.codes)
    alphas = [a.alpha for a in report.codes if a.alpha is not None]
    spread = (_num(min(alphas), lang), _num(max(alphas), lang)) if alphas else None
    software = f"QualCode {qualcode.__version__}"
    sample = report.sample
    if lang == "en":
        if report.scope == "sample" and sample:
            within = " within each source" if sample["method"] == "stratified" else ""
            how = (
                "listed by hand" if sample["method"] == "manual" else
                f"drawn at random{within} ({sample['fraction']:.0%} of the units, "
                f"seed {sample['seed']})"
            )  # fmt: skip
            scope = (f"a check sample of {report.units} units from {len(report.source_ids)} "
                     f"sources, {how}, which {coders} coded independently")  # fmt: skip
        else:
            scope = (f"the {len(report.source_ids)} sources that every coder ({coders}) coded "
                     f"({report.units} units)")  # fmt: skip
        text = (f"Intercoder agreement was assessed on {scope}. The unit of analysis was "
                f"{UNITS[lang][report.level]}; for each of the {n_codes} codes a unit counted "
                f"as coded by a coder when that coder applied the code to it. Pooled over all "
                f"codes: {pooled}.")  # fmt: skip
        if spread:
            text += f" Krippendorff's α per code ranged from {spread[0]} to {spread[1]}."
        if report.partially_coded:
            left = ", ".join(f"{s} ({'/'.join(w)})" for s, w in report.partially_coded)
            text += f" Sources coded by one coder only were not compared: {left}."
        text += (" Confidence intervals are 95% percentile bootstrap intervals over units "
                 f"(1,000 resamples, fixed seed). Computed with {software}.")  # fmt: skip
        return text
    if report.scope == "sample" and sample:
        how = (
            "dipilih secara manual" if sample["method"] == "manual" else
            f"diambil secara acak{' per sumber' if sample['method'] == 'stratified' else ''}"
            f" ({sample['fraction']:.0%} unit, seed {sample['seed']})"
        )  # fmt: skip
        scope = (f"sampel pemeriksaan berisi {report.units} unit dari {len(report.source_ids)} "
                 f"sumber, {how}, yang dikode secara terpisah oleh {coders}")  # fmt: skip
    else:
        scope = (f"{len(report.source_ids)} sumber yang dikode oleh semua pengode ({coders}) "
                 f"({report.units} unit)")  # fmt: skip
    text = (f"Reliabilitas antarpengode diuji pada {scope}. Unit analisisnya adalah "
            f"{UNITS[lang][report.level]}; untuk setiap kode dari {n_codes} kode, sebuah unit "
            f"dihitung terkode oleh seorang pengode bila pengode tersebut menerapkan kode itu "
            f"padanya. Gabungan seluruh kode: {pooled}.")  # fmt: skip
    if spread:
        text += f" Nilai α Krippendorff per kode berkisar antara {spread[0]} dan {spread[1]}."
    if report.partially_coded:
        left = ", ".join(f"{s} ({'/'.join(w)})" for s, w in report.partially_coded)
        text += f" Sumber yang hanya dikode oleh satu pengode tidak dibandingkan: {left}."
    text += (" Interval kepercayaan (IK) 95% dihitung dengan bootstrap persentil atas unit "
             f"(1.000 pengambilan ulang, seed tetap). Dihitung dengan {software}.")  # fmt: skip
    return text
