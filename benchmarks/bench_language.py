"""Benchmark of the language layer: key recall on Indonesian word families, and speed.

Run: ``.venv/bin/python benchmarks/bench_language.py [--words 300000]``

1. Recall / over-merging of the match-key strategies (lookup only, Sastrawi
   only, lookup then Sastrawi, combined with protected derivations). A family
   lists its head word first (what a researcher types); recall is the fraction
   of the other forms whose key equals the head's key. Over-merged pairs are
   pairs of distinct families whose head keys are equal.
2. Tokens/s of ``Analyzer.analyze`` (keys and flags computed) against a bare
   ``spacy.blank("id").tokenizer`` run over the same text, Indonesian and English.
"""

from __future__ import annotations

import argparse
import itertools
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

# head word first; then affixed/inflected forms a transcript contains.
FAMILIES: list[list[str]] = [
    ["layanan", "pelayanan", "melayani", "dilayani", "layanannya"],
    ["sosialisasi", "disosialisasikan", "mensosialisasikan", "sosialisasinya", "tersosialisasi"],
    ["koordinasi", "berkoordinasi", "dikoordinasikan", "pengkoordinasian", "mengoordinasikan"],
    ["kebijakan", "kebijakannya", "kebijakan-kebijakan"],
    ["bijak", "bijaknya", "sebijak"],
    ["bijaksana", "kebijaksanaan", "bijaksananya"],
    ["pemerintah", "pemerintahan", "pemerintahnya", "pemerintah-pemerintah"],
    ["perintah", "memerintahkan", "diperintahkan", "perintahnya"],
    ["implementasi", "mengimplementasikan", "diimplementasikan", "implementasinya"],
    ["aplikasi", "mengaplikasikan", "diaplikasikan", "aplikasinya", "pengaplikasian"],
    ["anggaran", "penganggaran", "dianggarkan", "menganggarkan", "anggarannya"],
    ["data", "pendataan", "didata", "mendata", "datanya"],
    ["informasi", "informasinya", "menginformasikan", "diinformasikan"],
    ["komunikasi", "berkomunikasi", "dikomunikasikan", "mengomunikasikan", "komunikasinya"],
    ["kelola", "pengelolaan", "mengelola", "dikelola", "pengelola"],
    ["pengembangan", "mengembangkan", "dikembangkan", "perkembangan", "berkembang"],
    ["pembangunan", "membangun", "dibangun", "pembangunannya"],
    ["pelaksanaan", "melaksanakan", "dilaksanakan", "pelaksana", "terlaksana"],
    ["pengawasan", "mengawasi", "diawasi", "pengawas"],
    ["pelatihan", "melatih", "dilatih", "pelatih", "latihan"],
    ["penggunaan", "menggunakan", "digunakan", "pengguna", "kegunaan"],
    ["manfaat", "pemanfaatan", "memanfaatkan", "dimanfaatkan", "bermanfaat"],
    ["dukungan", "mendukung", "didukung", "pendukung", "dukungannya"],
    ["hambatan", "menghambat", "dihambat", "penghambat", "terhambat"],
    ["kendala", "kendalanya", "terkendala", "berkendala"],
    ["rencana", "perencanaan", "merencanakan", "direncanakan", "rencananya"],
    ["evaluasi", "mengevaluasi", "dievaluasi", "evaluasinya"],
    ["integrasi", "terintegrasi", "mengintegrasikan", "diintegrasikan", "pengintegrasian"],
    ["partisipasi", "berpartisipasi", "partisipasinya"],
    ["penyediaan", "menyediakan", "disediakan", "tersedia", "ketersediaan"],
    ["perubahan", "mengubah", "diubah", "berubah"],
    ["keputusan", "memutuskan", "diputuskan", "keputusannya"],
    ["peraturan", "mengatur", "diatur", "pengaturan", "aturan"],
    ["tanggapan", "menanggapi", "ditanggapi", "tanggapannya"],
    ["pekerjaan", "bekerja", "dikerjakan", "mengerjakan", "pekerja"],
    ["jangkauan", "menjangkau", "dijangkau", "terjangkau"],
    ["akses", "mengakses", "diakses", "aksesnya"],
    ["pendaftaran", "mendaftar", "didaftarkan", "terdaftar", "mendaftarkan"],
    ["pengurusan", "mengurus", "diurus", "urusan", "pengurus"],
    ["penerapan", "menerapkan", "diterapkan", "penerapannya"],
    ["pencapaian", "mencapai", "dicapai", "tercapai"],
    ["peningkatan", "meningkatkan", "ditingkatkan", "meningkat"],
    ["penyelesaian", "menyelesaikan", "diselesaikan", "terselesaikan"],
    ["penyampaian", "menyampaikan", "disampaikan", "tersampaikan"],
    ["perbaikan", "memperbaiki", "diperbaiki", "perbaikannya"],
    ["laporan", "melaporkan", "dilaporkan", "pelaporan", "pelapor"],
    ["tugas", "bertugas", "ditugaskan", "petugas", "penugasan"],
    ["masyarakat", "kemasyarakatan", "masyarakatnya", "bermasyarakat"],
    ["ibu", "ibu-ibu", "ibunya", "ibu2"],
    ["pegawai", "kepegawaian", "pegawainya", "pegawai-pegawai"],
    ["gawai", "gawainya"],
    ["kewenangan", "berwenang", "wewenang", "kewenangannya"],
    ["komitmen", "berkomitmen", "komitmennya"],
    ["pemahaman", "memahami", "dipahami", "paham"],
    ["jaringan", "jaringannya", "berjaringan"],
    ["jaring", "menjaring", "dijaring", "penjaringan"],
    ["penanganan", "menangani", "ditangani", "tertangani"],
    ["tangan", "tangannya", "bertangan"],
    ["pengaruh", "berpengaruh", "mempengaruhi", "dipengaruhi", "pengaruhnya"],
    ["masalah", "masalahnya", "permasalahan", "bermasalah"],
    ["masa", "masanya", "semasa"],
    ["perangkat", "perangkatnya", "perangkat-perangkat"],
    ["angkat", "mengangkat", "diangkat", "pengangkatan"],
    ["pendapatan", "pendapatannya"],
    ["dapat", "mendapatkan", "didapat", "mendapat"],
    ["pengadaan", "pengadaannya"],
    ["ada", "adanya", "berada", "diadakan", "mengadakan"],
    ["penduduk", "kependudukan", "penduduknya"],
    ["duduk", "menduduki", "diduduki", "kedudukan"],
    ["keterangan", "keterangannya"],
    ["terang", "menerangkan", "diterangkan", "penerangan"],
]

# Spoken (Jakarta colloquial) forms of the same verbs, common in transcripts.
COLLOQUIAL: list[list[str]] = [
    ["urus", "ngurus", "ngurusin", "diurusin"],
    ["siap", "nyiapin", "disiapin"],
    ["kelola", "ngelola", "ngelolanya"],
    ["tulis", "nulis", "nulisin"],
    ["tanya", "nanya", "nanyain"],
    ["kasih", "ngasih", "dikasih", "ngasihin"],
    ["cari", "nyari", "nyariin"],
    ["coba", "nyoba", "nyobain"],
    ["bangun", "ngebangun", "dibangunin"],
    ["tunggu", "nunggu", "nungguin"],
    ["kirim", "ngirim", "ngirimin", "dikirimin"],
    ["ambil", "ngambil", "ngambilin"],
    ["kerja", "ngerjain", "dikerjain"],
    ["layan", "ngelayanin", "dilayanin"],
    ["urus", "ngurus"],  # not "kurus" (thin)
    ["kurus", "kurusnya"],
    ["ngeri", "ngerinya"],  # a root that looks colloquial
    ["nyata", "kenyataan", "nyatanya"],
]

# Written after the colloquial rules, to check them on words they were not made from.
HELD_OUT_COLLOQUIAL: list[list[str]] = [
    [root, form]
    for root, form in [
        ("ajar", "ngajarin"), ("susun", "nyusun"), ("sebut", "nyebut"), ("cek", "ngecek"),
        ("omong", "ngomongin"), ("tolong", "nolong"), ("tonton", "nonton"), ("pikir", "mikir"),
        ("ikut", "ngikutin"), ("atur", "ngatur"), ("ubah", "ngubah"), ("beli", "dibeliin"),
        ("kumpul", "ngumpulin"), ("sampah", "nyampah"), ("cuci", "nyuci"), ("pukul", "mukul"),
        ("jelas", "ngejelasin"), ("bantu", "ngebantu"), ("selesai", "nyelesain"),
        ("pakai", "makein"), ("datang", "dateng"), ("kasih", "dikasihin"),
        ("tanda", "nandatanganin"), ("dorong", "ngedorong"), ("catat", "nyatat"),
    ]
]  # fmt: skip

STRATEGIES = [
    ("lookup only", "lookup"),
    ("Sastrawi only", "sastrawi"),
    ("lookup, then Sastrawi", "lookup+sastrawi"),
    ("combined (+ protected)", "combined"),
]


def evaluate(key_of, families=FAMILIES) -> tuple[float, list[tuple[str, str]], list[str]]:
    """Recall, over-merged family pairs and the missed forms for one key function."""
    hits = total = 0
    missed: list[str] = []
    heads: dict[str, str] = {}
    for family in families:
        head_key = key_of(family[0])
        heads[family[0]] = head_key
        for form in family[1:]:
            total += 1
            if key_of(form) == head_key:
                hits += 1
            else:
                missed.append(f"{form}->{key_of(form)} (head {family[0]}->{head_key})")
    merged = [(a, b) for a, b in itertools.combinations(heads, 2) if heads[a] == heads[b]]
    return hits / total, merged, missed


def bench_keys(verbose: bool) -> None:
    from qualcode.text.stemming import KeyFunction

    n_forms = sum(len(f) - 1 for f in FAMILIES)
    n_coll = sum(len(f) - 1 for f in COLLOQUIAL)
    print(
        f"Key recall on {len(FAMILIES)} Indonesian families ({n_forms} affixed forms) "
        f"and {len(COLLOQUIAL)} colloquial ones ({n_coll} forms)"
    )
    print(
        f"{'strategy':26} {'recall':>7} {'over-merged pairs':>18} "
        f"{'colloquial recall':>18} {'over-merged':>15}"
    )
    for label, strategy in STRATEGIES:
        fn = KeyFunction("id", strategy)  # type: ignore[arg-type]
        recall, merged, missed = evaluate(fn)
        c_recall, c_merged, c_missed = evaluate(fn, COLLOQUIAL)
        print(f"{label:26} {recall:7.3f} {len(merged):18d} {c_recall:18.3f} {len(c_merged):15d}")
        if verbose:
            print("    merged:", ", ".join(f"{a}={b}" for a, b in merged + c_merged) or "-")
            print("    missed:", "; ".join(missed + c_missed) or "-")
    recall, _, missed = evaluate(KeyFunction("id", "combined"), HELD_OUT_COLLOQUIAL)
    print(f"held-out colloquial forms, combined: recall {recall:.2f} ({len(HELD_OUT_COLLOQUIAL)})")
    if verbose:
        print("    missed:", "; ".join(missed) or "-")


def sample_text(language: str, n_words: int) -> str:
    """Transcript-like text: the sample transcripts if present, else generated words."""
    root = Path(__file__).resolve().parents[1] / "sample_transcripts"
    texts = []
    for path in sorted(root.glob("*.txt")):
        try:
            if "_EN" not in path.name:
                texts.append(path.read_text(encoding="utf-8"))
        except UnicodeDecodeError:  # some samples are deliberately in legacy encodings
            continue
    if language == "id" and texts:
        base = "\n".join(texts)
    else:
        rng = random.Random(7)
        if language == "id":
            fillers = ["yang", "dan", "di", "itu", "ini", "ya", "eee", "gitu"]
            vocab = [w for f in FAMILIES for w in f] + fillers
        else:
            phrase = (
                "the policy was implemented by the officers who were trained in services "
                "data integration budget and we coordinated meetings with citizens about apps"
            )
            vocab = phrase.split(" ")
        lines = []
        for _ in range(2000):
            words = rng.choices(vocab, k=rng.randint(8, 25))
            lines.append("P: " + " ".join(words).capitalize() + ", " + rng.choice(vocab) + ".")
        base = "\n".join(lines)
    words_in_base = max(1, len(base.split()))
    return "\n".join([base] * max(1, n_words // words_in_base))


def bench_speed(language: str, n_words: int, rounds: int = 5) -> None:
    """Interleave bare tokenizer and analyzer runs, timed in CPU time (the machine is shared)."""
    from qualcode.text.analyzer import Analyzer

    text = sample_text(language, n_words)
    cold = Analyzer(language)
    tokenizer = cold.nlp.tokenizer
    tokenizer(text[:20000])  # load spaCy before timing
    n_tokens = len(tokenizer(text))  # also warms spaCy's own tokenizer cache
    t = time.process_time()
    cold.analyze(text)
    first = time.process_time() - t
    bare_times, warm_times = [], []
    for _ in range(rounds):
        t = time.process_time()
        tokenizer(text)
        bare_times.append(time.process_time() - t)
        t = time.process_time()
        cold.analyze(text)
        warm_times.append(time.process_time() - t)
    ratios = sorted(w / b for w, b in zip(warm_times, bare_times, strict=True))
    bare, warm = min(bare_times), min(warm_times)
    print(
        f"[{language}] {len(text.split()):,} words, {n_tokens:,} tokens | "
        f"bare tokenizer {n_tokens / bare:,.0f} tok/s | analyze {n_tokens / warm:,.0f} tok/s | "
        f"analyze/bare median {ratios[len(ratios) // 2]:.2f}x | first run, empty key cache: "
        f"{first / bare:.2f}x ({n_tokens / first:,.0f} tok/s)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=300_000)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args()
    bench_keys(args.verbose)
    print()
    bench_speed("id", args.words)
    bench_speed("en", args.words)


if __name__ == "__main__":
    main()
