"""Labels of exported documents in Indonesian and English, and date formatting.

Exports are read by examiners, not by the application, so their words live in
this small dictionary instead of Qt translation files; add a language by adding
a column here.
"""

from __future__ import annotations

from datetime import date, datetime

LANGUAGES = ("id", "en")

# Verification warnings by the core's English template (qualcode.analysis.verification).
VERIFICATION_ID: dict[str, str] = {
    "No supporting evidence is linked.": "Belum ada bukti pendukung yang ditautkan.",
    "All supporting evidence comes from one informant.":
        "Semua bukti pendukung berasal dari satu informan.",
    "{share} of the supporting evidence comes from {name}.":
        "{share} bukti pendukung berasal dari {name}.",
    "Only one source backs this conclusion (no triangulation by source).":
        "Hanya satu sumber yang mendukung kesimpulan ini (tanpa triangulasi sumber).",
    "Only one kind of source backs it (no triangulation by method).":
        "Hanya satu jenis sumber yang mendukungnya (tanpa triangulasi teknik).",
    "{n} contradicting excerpt(s) are not addressed.":
        "{n} kutipan yang bertentangan belum ditanggapi.",
    "{n} linked excerpt(s) no longer exist.": "{n} kutipan yang ditautkan sudah tidak ada.",
    "Member check: the conclusion was disputed.":
        "Member check: kesimpulan ini dibantah informan.",
    "Member check: {names} disputed their account.":
        "Member check: {names} membantah uraiannya.",
}  # fmt: skip


def verification_warning(template: str, params: dict[str, object], language: str) -> str:
    """One verification warning in the export's language."""
    text = VERIFICATION_ID.get(template, template) if language == "id" else template
    return text.format(**params)


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
    "coders_counted": {"id": "Pengode yang dihitung", "en": "Coders counted"},
    "count_unit": {"id": "Satuan hitung", "en": "Counting unit"},
    "time_field": {"id": "Diurutkan menurut", "en": "Ordered by"},
    "coverage_share": {"id": "Persentase", "en": "Percent"},
    "coverage_share_text": {
        "id": "bagian teks kolom (karakter) yang dicakup bagian teks terkode sel ini "
        "(gabungan, tumpang tindih dihitung sekali); kode induk mencakup subkodenya",
        "en": "share of the column's text (characters) covered by the cell's coded passages "
        "(their union, overlaps once); a parent code includes its sub-codes",
    },
    "hidden_empty": {
        "id": "Tidak ditampilkan (tanpa data)",
        "en": "Not shown (no data)",
    },
    "time_fallbacks": {"id": "Catatan urutan waktu", "en": "Time-order notes"},
    "unit_passages": {
        "id": "bagian teks (pengodean kode yang sama oleh pengode berbeda yang tumpang tindih "
        "dihitung satu kali)",
        "en": "passages (overlapping codings of one code by different coders counted once)",
    },
    "unit_codings": {"id": "setiap pengodean", "en": "every coding"},
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
    "displays": {"id": "Penyajian Data", "en": "Data Displays"},
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
    "rating_rule": {"id": "Aturan penilaian", "en": "Rating rule"},
    "effect_types": {"id": "Jenis efek", "en": "Effect types"},
    "decision_rules": {"id": "Aturan keputusan:", "en": "Decision rules:"},
    "effect_types_text": {
        "id": "Tiap baris efek langsung kecuali ditetapkan lain oleh peneliti (meta-efek: efek "
        "lebih luas di luar tujuan langsung; efek samping: efek yang tidak dimaksudkan); sel "
        "yang jenisnya berbeda dari barisnya ditandai di dalam sel.",
        "en": "Every row is a direct effect unless the researcher typed it otherwise "
        "(meta-effect: broader effect beyond the immediate aims; side effect: unintended "
        "effect); a cell typed apart from its row is marked in the cell.",
    },
    "rating_rule_text": {
        "id": "Tiap pengodean dinilai dari magnitudo dan valensinya: pendukung tinggi = memadai, "
        "sedang atau tanpa magnitudo = sebagian, rendah = kurang; penghambat tinggi/sedang atau "
        "tanpa magnitudo = kurang, rendah = sebagian. Sel mengambil median bawah; sel dengan "
        "bukti penghambat paling tinggi \u201csebagian\u201d; sel tanpa pengodean = tidak "
        "disebut. (+n/\u2212n) = jumlah pengodean pendukung/penghambat; * = diubah peneliti.",
        "en": "Each coding is rated from its magnitude and valence: supporting high = adequate, "
        "medium or no magnitude = partly, low = inadequate; inhibiting high/medium or no "
        "magnitude = inadequate, low = partly. A cell takes the lower median; a cell with "
        "inhibiting evidence is at most \u201cpartly\u201d; a cell without codings = not "
        "mentioned. (+n/\u2212n) = supporting/inhibiting codings; * = set by the researcher.",
    },
    "draft": {"id": "DRAF, belum diterima", "en": "DRAFT, not yet accepted"},
    "deleted_coding": {"id": "pengodean {id} telah dihapus", "en": "coding {id} was deleted"},
    "conclusions_title": {"id": "Kesimpulan dan Bukti", "en": "Conclusions and Evidence"},
    "conclusion": {"id": "Kesimpulan", "en": "Conclusion"},
    "tentative": {"id": "sementara", "en": "tentative"},
    "verified": {"id": "terverifikasi", "en": "verified"},
    "rejected": {"id": "ditolak", "en": "rejected"},
    "drawn_from": {"id": "Diambil dari", "en": "Drawn from"},
    "supporting_evidence": {"id": "Bukti pendukung", "en": "Supporting evidence"},
    "contradicting_evidence": {"id": "Bukti yang bertentangan", "en": "Contradicting evidence"},
    "verification": {"id": "Verifikasi", "en": "Verification"},
    "none_linked": {"id": "(belum ada)", "en": "(none)"},
    "src_display": {"id": "Display \u201c{name}\u201d", "en": "Display \u201c{name}\u201d"},
    "src_row": {"id": "baris {row}", "en": "row {row}"},
    "src_column": {"id": "kolom {column}", "en": "column {column}"},
    "src_cell": {"id": "sel {row} \u00d7 {column}", "en": "cell {row} \u00d7 {column}"},
    "src_memo": {"id": "Memo \u201c{title}\u201d", "en": "Memo \u201c{title}\u201d"},
    "src_gone": {"id": "tidak ada lagi", "en": "no longer there"},
    "fig_informants": {"id": "Informan: {n} ({names})", "en": "Informants: {n} ({names})"},
    "fig_sources": {"id": "Sumber data: {n}; jenis: {kinds}", "en": "Sources: {n}; kinds: {kinds}"},
    "fig_share": {
        "id": "Porsi terbesar dari satu informan: {share} ({name})",
        "en": "Largest share from one informant: {share} ({name})",
    },
    "fig_silent": {"id": "Jabatan yang tidak bersuara: {roles}", "en": "Silent roles: {roles}"},
    "fig_contra": {
        "id": "Bukti bertentangan: {n}, belum ditanggapi: {open}",
        "en": "Contradicting evidence: {n}, not addressed: {open}",
    },
    "evidence_note": {"id": "Catatan", "en": "Note"},
    "fig_member_check": {"id": "Member check: {status}", "en": "Member check: {status}"},
    "fig_informant_checks": {
        "id": "Member check informan: {checks}",
        "en": "Informants' member checks: {checks}",
    },
    "overridden": {"id": "diubah peneliti", "en": "set by the researcher"},
    "rule_said": {"id": "aturan", "en": "rule"},
    "back": {"id": "Kembali", "en": "Back"},
    "row": {"id": "baris", "en": "row"},
    "rows": {"id": "Baris", "en": "Rows"},
    "columns": {"id": "Kolom", "en": "Columns"},
    "chars": {"id": "karakter terkode", "en": "characters coded"},
    "weighted": {"id": "bobot bukti", "en": "evidence weight"},
    "weight_rule": {"id": "Aturan bobot", "en": "Weight rule"},
    "weight_rule_text": {
        "id": "Sel = jumlah bobot bukti pengodeannya: kuat/tinggi = 3, sedang = 2, "
        "lemah/rendah = 1, angka = angka itu (dibulatkan), tanpa bobot = 1.",
        "en": "Cell = the sum of its codings' evidence weights: strong/high = 3, moderate = 2, "
        "weak/low = 1, a number = that number (rounded), no weight = 1.",
    },
    "total": {"id": "Total", "en": "Total"},
    # memos and the research journal
    "memos_title": {"id": "Memo dan Jurnal Penelitian", "en": "Memos and Research Journal"},
    "memo": {"id": "Memo", "en": "Memo"},
    "journal": {"id": "Jurnal penelitian", "en": "Research journal"},
    "on_project": {"id": "Memo proyek", "en": "Project memos"},
    "written_by": {"id": "ditulis oleh", "en": "written by"},
    "untitled": {"id": "(tanpa judul)", "en": "(untitled)"},
    "coding": {"id": "Pengodean", "en": "Coding"},
    "display": {"id": "Display", "en": "Display"},
    "cell": {"id": "Sel display", "en": "Display cell"},
    "unlinked": {"id": "Tidak tertaut (display dihapus)", "en": "Unlinked (display deleted)"},
    "memos_unlinked": {"id": "Memo yang tidak tertaut lagi", "en": "Memos no longer linked"},
    "cell_gone": {"id": "sel tidak ada lagi di display", "en": "cell no longer in the display"},
    "memos_notes": {"id": "Memo", "en": "Memos"},
    "memos_coding": {"id": "Memo pengodean", "en": "Coding memos"},
    "memos_code": {"id": "Memo kode", "en": "Code memos"},
    "kind_analytic": {"id": "analitis", "en": "analytic"},
    "kind_reflexive": {"id": "reflektif", "en": "reflexive"},
    "kind_method": {"id": "metode", "en": "method"},
    "kind_theory": {"id": "teori", "en": "theory"},
    "kind_decision": {"id": "keputusan", "en": "decision"},
    "kind_note": {"id": "catatan", "en": "note"},
    "kind_journal": {"id": "jurnal", "en": "journal"},
    "transcript": {"id": "Transkrip terkode", "en": "Coded transcript"},
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
    "month": {"id": "per bulan", "en": "by month"},
    "year": {"id": "per tahun", "en": "by year"},
    "split": {"id": "sebelum/sesudah", "en": "before/after"},
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
