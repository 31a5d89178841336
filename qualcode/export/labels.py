"""Labels of exported documents in Indonesian and English, and date formatting.

Exports are read by examiners, not by the application, so their words live in
this small dictionary instead of Qt translation files; add a language by adding
a column here.
"""

from __future__ import annotations

from datetime import date, datetime

LANGUAGES = ("id", "en")

LABELS: dict[str, dict[str, str]] = {
    "excerpts_title": {"id": "Kutipan Terkode", "en": "Coded Excerpts"},
    "report_title": {"id": "Laporan Proyek", "en": "Project Report"},
    "contents": {"id": "Daftar Isi", "en": "Contents"},
    "toc_hint": {
        "id": "Klik kanan di sini lalu pilih “Perbarui Bidang” untuk menampilkan daftar isi.",
        "en": "Right-click here and choose “Update Field” to show the table of contents.",
    },
    "page": {"id": "Halaman", "en": "Page"},
    "para": {"id": "par.", "en": "para."},
    "informant": {"id": "Informan", "en": "Informant"},
    "no_case": {"id": "Tanpa kasus", "en": "No case"},
    "code": {"id": "Kode", "en": "Code"},
    "codes": {"id": "Kode", "en": "Codes"},
    "code_path": {"id": "Jalur kode", "en": "Code path"},
    "other_codes": {"id": "Kode lain", "en": "Other codes"},
    "valence": {"id": "Valensi", "en": "Valence"},
    "note": {"id": "Catatan", "en": "Note"},
    "coder": {"id": "Pengode", "en": "Coder"},
    "coders": {"id": "Pengode", "en": "Coders"},
    "case": {"id": "Kasus", "en": "Case"},
    "cases": {"id": "Kasus", "en": "Cases"},
    "source": {"id": "Sumber", "en": "Source"},
    "sources": {"id": "Sumber Data", "en": "Sources"},
    "source_kind": {"id": "Jenis sumber", "en": "Source kind"},
    "date": {"id": "Tanggal", "en": "Date"},
    "length": {"id": "Panjang (karakter)", "en": "Length (characters)"},
    "codings": {"id": "Pengodean", "en": "Codings"},
    "excerpts": {"id": "Kutipan", "en": "Excerpts"},
    "excerpt": {"id": "Kutipan", "en": "Excerpt"},
    "citation": {"id": "Atribusi", "en": "Citation"},
    "paragraph": {"id": "Paragraf", "en": "Paragraph"},
    "codebook": {"id": "Buku Kode", "en": "Codebook"},
    "description": {"id": "Deskripsi", "en": "Description"},
    "summary": {"id": "Ringkasan Proyek", "en": "Project Summary"},
    "displays": {"id": "Display Data", "en": "Data Displays"},
    "about": {"id": "Tentang", "en": "About"},
    "built": {"id": "Dibuat", "en": "Created"},
    "filters": {"id": "Filter", "en": "Filters"},
    "all": {"id": "semua", "en": "all"},
    "count": {"id": "Jumlah", "en": "Count"},
    "more": {"id": "lainnya", "en": "more"},
    "see_sheet": {"id": "lihat lembar", "en": "see sheet"},
    "project": {"id": "Proyek", "en": "Project"},
    "attributes": {"id": "Atribut", "en": "Attributes"},
    "kind": {"id": "Jenis", "en": "Kind"},
    "no": {"id": "No.", "en": "No."},
    "name": {"id": "Nama", "en": "Name"},
    "item": {"id": "Butir", "en": "Item"},
    "value": {"id": "Nilai", "en": "Value"},
    "start": {"id": "Awal", "en": "Start"},
    "end": {"id": "Akhir", "en": "End"},
    "magnitude": {"id": "Magnitudo", "en": "Magnitude"},
    "period": {"id": "Periode", "en": "Period"},
    "event_date": {"id": "Tanggal peristiwa", "en": "Event date"},
    "weight": {"id": "Bobot bukti", "en": "Evidence weight"},
    "text": {"id": "Teks", "en": "Text"},
    "rating": {"id": "Penilaian", "en": "Rating"},
    "back": {"id": "Kembali", "en": "Back"},
    "row": {"id": "baris", "en": "row"},
    "rows": {"id": "Baris", "en": "Rows"},
    "columns": {"id": "Kolom", "en": "Columns"},
    "chars": {"id": "karakter terkode", "en": "characters coded"},
    "total": {"id": "Total", "en": "Total"},
    # the review report (bimbingan log)
    "rv_title": {"id": "Laporan Bimbingan: Komentar Pembimbing", "en": "Review Report: Comments"},
    "rv_counts": {
        "id": "{open} utas terbuka, {resolved} selesai",
        "en": "{open} open threads, {resolved} resolved",
    },
    "rv_none": {"id": "Belum ada komentar.", "en": "No comments yet."},
    "rv_open": {"id": "Terbuka", "en": "Open"},
    "rv_resolved": {"id": "Selesai", "en": "Resolved"},
    "rv_resolved_by": {"id": "diselesaikan oleh {who}, {when}", "en": "resolved by {who}, {when}"},
    "rv_deleted": {"id": "(sudah dihapus)", "en": "(deleted)"},
    "rv_code": {"id": "Kode", "en": "Code"},
    "rv_coding": {"id": "Pengodean", "en": "Coding"},
    "rv_excerpt": {"id": "Kutipan", "en": "Excerpt"},
    "rv_conclusion": {"id": "Kesimpulan", "en": "Conclusion"},
    "rv_summary": {"id": "Ringkasan sel", "en": "Cell summary"},
    "rv_cell": {"id": "Sel tampilan", "en": "Display cell"},
    # source kinds and valences
    "interview": {"id": "Wawancara", "en": "Interview"},
    "focus-group": {"id": "Diskusi kelompok terarah (FGD)", "en": "Focus group"},
    "observation": {"id": "Observasi", "en": "Observation"},
    "document": {"id": "Dokumen", "en": "Document"},
    "other": {"id": "Lainnya", "en": "Other"},
    "organisation": {"id": "Organisasi", "en": "Organisation"},
    "site": {"id": "Lokasi", "en": "Site"},
    "group": {"id": "Kelompok", "en": "Group"},
    "supporting": {"id": "pendukung", "en": "supporting"},
    "inhibiting": {"id": "penghambat", "en": "inhibiting"},
    "neutral": {"id": "netral", "en": "neutral"},
    "none": {"id": "tanpa valensi", "en": "no valence"},
}

MONTHS = {
    "id": (
        "Januari", "Februari", "Maret", "April", "Mei", "Juni",
        "Juli", "Agustus", "September", "Oktober", "November", "Desember",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
}  # fmt: skip


def check_language(language: str) -> str:
    """``language`` if exports know it, else English."""
    return language if language in LANGUAGES else "en"


def label(key: str, language: str) -> str:
    """The label ``key`` in ``language`` (falls back to English, then to the key)."""
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(language) or entry.get("en") or key


def parse_date(value: object) -> date | None:
    """A date from a date, datetime or ISO text (``2024-03-12``); else None."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None


def format_date(value: object, language: str) -> str:
    """``27 Mei 2019`` (id) or ``27 May 2019`` (en); text that is not a date is kept."""
    d = parse_date(value)
    if d is None:
        return "" if value is None else str(value)
    months = MONTHS.get(language, MONTHS["en"])
    return f"{d.day} {months[d.month - 1]} {d.year}"
