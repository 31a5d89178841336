<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="en_GB">
<context>
    <name>AgreementPane</name>
    <message>
        <source>{coder} ({n} codings)</source>
        <translation>{coder} ({n} pengodean)</translation>
    </message>
    <message>
        <source>not coded</source>
        <translation>belum dikode</translation>
    </message>
    <message>
        <source>Comparing the coders&apos; codings…</source>
        <translation>Membandingkan pengodean para pengode…</translation>
    </message>
    <message>
        <source>Reading the disagreeing passages…</source>
        <translation>Membaca bagian teks yang tidak disepakati…</translation>
    </message>
    <message>
        <source>Intercoder agreement</source>
        <translation>Kesepakatan antarpengode</translation>
    </message>
    <message>
        <source>Check two or more coders and press Compute.</source>
        <translation>Centang dua pengode atau lebih, lalu tekan Hitung.</translation>
    </message>
    <message>
        <source>{coders} · check sample: {units} units in {n} sources · {level}</source>
        <translation>{coders} · sampel pemeriksaan: {units} unit dalam {n} sumber · {level}</translation>
    </message>
    <message>
        <source>{coders} · {n} sources coded by all of them · {level}</source>
        <translation>{coders} · {n} sumber yang dikode oleh semuanya · {level}</translation>
    </message>
    <message>
        <source>not compared, coded by one coder only: {sources}</source>
        <translation>tidak dibandingkan, hanya dikode oleh satu pengode: {sources}</translation>
    </message>
    <message>
        <source>the codings changed since: compute again</source>
        <translation>pengodean telah berubah sejak itu: hitung ulang</translation>
    </message>
    <message>
        <source>All codes</source>
        <translation>Semua kode</translation>
    </message>
    <message>
        <source>Units coded — {coded}</source>
        <translation>Unit yang dikode — {coded}</translation>
    </message>
    <message>
        <source>Disagreements on {code}: {n}</source>
        <translation>Ketidaksepakatan pada {code}: {n}</translation>
    </message>
    <message>
        <source>C&amp;oders:</source>
        <translation>&amp;Pengode:</translation>
    </message>
    <message>
        <source>&amp;Sources:</source>
        <translation>&amp;Sumber:</translation>
    </message>
    <message>
        <source>C&amp;hecked:</source>
        <translation>&amp;Dicentang:</translation>
    </message>
    <message>
        <source>&amp;Unit:</source>
        <translation>&amp;Unit:</translation>
    </message>
    <message>
        <source>Sources every chosen coder coded</source>
        <translation>Sumber yang dikode oleh semua pengode terpilih</translation>
    </message>
    <message>
        <source>Only the checked sources</source>
        <translation>Hanya sumber yang dicentang</translation>
    </message>
    <message>
        <source>Segments (speaker turns, else paragraphs)</source>
        <translation>Segmen (giliran bicara, atau paragraf bila tidak ada)</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>Karakter</translation>
    </message>
    <message>
        <source>Characters: every character is a unit. Segments: a coder marks a speaker turn (or a paragraph) when one of their codings overlaps it.</source>
        <translation>Karakter: setiap karakter adalah satu unit. Segmen: seorang pengode dianggap menandai suatu giliran bicara (atau paragraf) bila salah satu pengodeannya bertumpang tindih dengannya.</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>&amp;Hitung</translation>
    </message>
    <message>
        <source>Compare the checked coders&apos; codings</source>
        <translation>Bandingkan pengodean para pengode yang dicentang</translation>
    </message>
    <message>
        <source>Coders to compare</source>
        <translation>Pengode yang dibandingkan</translation>
    </message>
    <message>
        <source>Which sources</source>
        <translation>Sumber yang mana</translation>
    </message>
    <message>
        <source>Sources to compare</source>
        <translation>Sumber yang dibandingkan</translation>
    </message>
    <message>
        <source>Unit of agreement</source>
        <translation>Unit kesepakatan</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Agreement</source>
        <translation>Kesepakatan</translation>
    </message>
    <message>
        <source>Cohen&apos;s κ</source>
        <translation>Cohen&apos;s κ</translation>
    </message>
    <message>
        <source>Krippendorff&apos;s α</source>
        <translation>Krippendorff&apos;s α</translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation>Ketidaksepakatan</translation>
    </message>
    <message>
        <source>Agreement per code</source>
        <translation>Kesepakatan per kode</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Bagian teks</translation>
    </message>
    <message>
        <source>Coded by</source>
        <translation>Dikode oleh</translation>
    </message>
    <message>
        <source>Not coded by</source>
        <translation>Tidak dikode oleh</translation>
    </message>
    <message>
        <source>Double-click a passage to open it in its source</source>
        <translation>Klik dua kali bagian teks untuk membukanya di sumbernya</translation>
    </message>
</context>
<context>
    <name>AttributeFilter</name>
    <message>
        <source>No filter</source>
        <translation>Tanpa filter</translation>
    </message>
</context>
<context>
    <name>AutoCodeDialog</name>
    <message>
        <source>Finding the passages…</source>
        <translation>Mencari bagian teks…</translation>
    </message>
    <message>
        <source>Coded {n} passages with &apos;{code}&apos; (one undo step).</source>
        <translation>{n} bagian teks dikode dengan &apos;{code}&apos; (satu langkah urungkan).</translation>
    </message>
    <message>
        <source>Coding the passages…</source>
        <translation>Mengode bagian teks…</translation>
    </message>
    <message>
        <source>{n} passages in {sources} sources; {ticked} ticked.</source>
        <translation>{n} bagian teks di {sources} sumber; {ticked} dicentang.</translation>
    </message>
    <message>
        <source>{coded} already coded with this code.</source>
        <translation>{coded} sudah dikode dengan kode ini.</translation>
    </message>
    <message>
        <source>Choose the code to apply.</source>
        <translation>Pilih kode yang akan diterapkan.</translation>
    </message>
    <message>
        <source>&amp;Code {n} passages</source>
        <translation>&amp;Kode {n} bagian teks</translation>
    </message>
    <message>
        <source>Code all hits</source>
        <translation>Kode semua hasil</translation>
    </message>
    <message>
        <source>Code the passages found for “{query}” ({mode}). Choose the code and how much text around each hit to code, then untick the passages that do not fit.</source>
        <translation>Kode bagian teks yang ditemukan untuk “{query}” ({mode}). Pilih kodenya dan seberapa banyak teks di sekitar setiap hasil yang akan dikode, lalu hapus centang pada bagian teks yang tidak sesuai.</translation>
    </message>
    <message>
        <source>Filter codes (English or Indonesian)…</source>
        <translation>Saring kode (Inggris atau Indonesia)…</translation>
    </message>
    <message>
        <source>Filter codes</source>
        <translation>Saring kode</translation>
    </message>
    <message>
        <source>Code to apply</source>
        <translation>Kode yang diterapkan</translation>
    </message>
    <message>
        <source>&amp;Text to code:</source>
        <translation>&amp;Teks yang dikode:</translation>
    </message>
    <message>
        <source>How much text to code</source>
        <translation>Seberapa banyak teks yang dikode</translation>
    </message>
    <message>
        <source>Passages to code</source>
        <translation>Bagian teks yang akan dikode</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>Centang &amp;semua</translation>
    </message>
    <message>
        <source>Tick &amp;none</source>
        <translation>&amp;Hapus semua centang</translation>
    </message>
    <message>
        <source>(already coded)</source>
        <translation>(sudah dikode)</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Passage</source>
        <translation>Bagian teks</translation>
    </message>
    <message>
        <source>Only the words found</source>
        <translation>Hanya kata yang ditemukan</translation>
    </message>
    <message>
        <source>The whole sentence</source>
        <translation>Seluruh kalimat</translation>
    </message>
    <message>
        <source>The whole paragraph</source>
        <translation>Seluruh paragraf</translation>
    </message>
    <message>
        <source>The whole speaker turn</source>
        <translation>Seluruh giliran bicara</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>automatic</source>
        <translation>otomatis</translation>
    </message>
    <message>
        <source>before a format upgrade</source>
        <translation>sebelum peningkatan format</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>sebelum pemulihan</translation>
    </message>
    <message>
        <source>damaged file set aside</source>
        <translation>berkas rusak yang disisihkan</translation>
    </message>
    <message>
        <source>{n} KB</source>
        <translation>{n} KB</translation>
    </message>
    <message>
        <source>Restore which project?</source>
        <translation>Pulihkan proyek yang mana?</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>This project has no backup copies yet.</source>
        <translation>Proyek ini belum memiliki salinan cadangan.</translation>
    </message>
    <message>
        <source>Backup copy to restore:</source>
        <translation>Salinan cadangan yang dipulihkan:</translation>
    </message>
    <message>
        <source>Replace the project with the copy made {when}? The current file is kept in the backups folder, so this can be taken back the same way.</source>
        <translation>Ganti proyek dengan salinan yang dibuat {when}? Berkas saat ini disimpan di folder cadangan, sehingga pemulihan ini dapat dibatalkan dengan cara yang sama.</translation>
    </message>
</context>
<context>
    <name>CaseSheetPane</name>
    <message>
        <source>New case…</source>
        <translation>Kasus baru…</translation>
    </message>
    <message>
        <source>New attribute…</source>
        <translation>Atribut baru…</translation>
    </message>
    <message>
        <source>A text, number, date or category column</source>
        <translation>Kolom teks, angka, tanggal, atau kategori</translation>
    </message>
    <message>
        <source>Rename attribute…</source>
        <translation>Ganti nama atribut…</translation>
    </message>
    <message>
        <source>Rename the attribute of the selected column</source>
        <translation>Ganti nama atribut pada kolom yang dipilih</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Kasus baru</translation>
    </message>
    <message>
        <source>Name of the case:</source>
        <translation>Nama kasus:</translation>
    </message>
    <message>
        <source>Select a cell in an attribute&apos;s column first.</source>
        <translation>Pilih dulu sel pada kolom sebuah atribut.</translation>
    </message>
    <message>
        <source>Rename attribute</source>
        <translation>Ganti nama atribut</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Nama baru:</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Angka</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
</context>
<context>
    <name>CellPanel</name>
    <message>
        <source>Effect: {kind}…</source>
        <translation>Efek: {kind}…</translation>
    </message>
    <message>
        <source>Click a cell to see its excerpts.</source>
        <translation>Klik sel untuk melihat kutipannya.</translation>
    </message>
    <message>
        <source>Draft, not accepted: edit and save it, or accept it as it is.</source>
        <translation>Draf, belum diterima: sunting lalu simpan, atau terima apa adanya.</translation>
    </message>
    <message>
        <source>Written by {author}</source>
        <translation>Ditulis oleh {author}</translation>
    </message>
    <message>
        <source>Evidence deleted since: coding {ids}.</source>
        <translation>Bukti yang telah dihapus: pengodean {ids}.</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Asal</translation>
    </message>
    <message>
        <source>Excerpts of the cell</source>
        <translation>Kutipan dalam sel</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the passage</source>
        <translation>Klik dua kali atau tekan Enter untuk membuka bagian teks</translation>
    </message>
    <message>
        <source>Cell &amp;summary</source>
        <translation>Ringkasa&amp;n sel</translation>
    </message>
    <message>
        <source>Cell summary</source>
        <translation>Ringkasan sel</translation>
    </message>
    <message>
        <source>What do these excerpts say? Write the gist…</source>
        <translation>Apa isi kutipan-kutipan ini? Tuliskan intinya…</translation>
    </message>
    <message>
        <source>Save summary</source>
        <translation>Simpan ringkasan</translation>
    </message>
    <message>
        <source>Keep this summary with the saved display (Ctrl+Enter)</source>
        <translation>Simpan ringkasan ini bersama display tersimpan (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Auto-fill</source>
        <translation>Isi otomatis</translation>
    </message>
    <message>
        <source>Draft a summary from the cell&apos;s excerpts</source>
        <translation>Buat draf ringkasan dari kutipan dalam sel</translation>
    </message>
    <message>
        <source>Link to conclusion…</source>
        <translation>Tautkan ke kesimpulan…</translation>
    </message>
    <message>
        <source>Record that a conclusion is drawn from this cell, its row or column</source>
        <translation>Catat bahwa suatu kesimpulan diambil dari sel ini, barisnya, atau kolomnya</translation>
    </message>
    <message>
        <source>Accept draft</source>
        <translation>Terima draf</translation>
    </message>
    <message>
        <source>Keep the drafted summary as your own</source>
        <translation>Jadikan ringkasan draf ini ringkasan Anda</translation>
    </message>
    <message>
        <source>Type this cell or its row as a direct, meta or side effect</source>
        <translation>Tetapkan sel ini atau barisnya sebagai efek langsung, meta-efek, atau efek samping</translation>
    </message>
    <message>
        <source>Set rating…</source>
        <translation>Tetapkan penilaian…</translation>
    </message>
    <message>
        <source>Override the rule&apos;s rating of this cell, with a reason</source>
        <translation>Ganti penilaian aturan untuk sel ini, disertai alasan</translation>
    </message>
    <message>
        <source>Use the rule</source>
        <translation>Pakai aturan</translation>
    </message>
    <message>
        <source>Drop your rating: the rule rates the cell again</source>
        <translation>Hapus penilaian Anda: aturan kembali menilai sel ini</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <source>Automatic</source>
        <translation>Otomatis</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Batang</translation>
    </message>
    <message>
        <source>Stacked bars</source>
        <translation>Batang bertumpuk</translation>
    </message>
    <message>
        <source>Grouped bars</source>
        <translation>Batang berkelompok</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Peta panas</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Simpan…</translation>
    </message>
    <message>
        <source>Drawing the chart…</source>
        <translation>Menggambar grafik…</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Simpan grafik</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)</source>
        <translation>Gambar PNG (*.png);;Gambar SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>CheckMenuButton</name>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>{n} chosen</source>
        <translation>{n} dipilih</translation>
    </message>
    <message>
        <source>No filter</source>
        <translation>Tanpa filter</translation>
    </message>
</context>
<context>
    <name>ChooseItemDialog</name>
    <message>
        <source>Type to filter</source>
        <translation>Ketik untuk menyaring</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>Saring</translation>
    </message>
</context>
<context>
    <name>CodeDefinition</name>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>&amp;Definition</source>
        <translation>&amp;Definisi</translation>
    </message>
    <message>
        <source>When to &amp;use</source>
        <translation>Kapan &amp;digunakan</translation>
    </message>
    <message>
        <source>When &amp;not to use</source>
        <translation>Kapan &amp;tidak digunakan</translation>
    </message>
    <message>
        <source>E&amp;xample</source>
        <translation>&amp;Contoh</translation>
    </message>
    <message>
        <source>Label (English)</source>
        <translation>Label (Inggris)</translation>
    </message>
    <message>
        <source>Label (Indonesian)</source>
        <translation>Label (Indonesia)</translation>
    </message>
    <message>
        <source>Save definition</source>
        <translation>Simpan definisi</translation>
    </message>
</context>
<context>
    <name>CodeTreeModel</name>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Codings</source>
        <translation>Pengodean</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Codings of this code. For a code with sub-codes, in brackets: with all its sub-codes.</source>
        <translation>Pengodean kode ini. Untuk kode yang memiliki subkode, dalam kurung: beserta seluruh subkodenya.</translation>
    </message>
    <message>
        <source>Sources coded with this code. In brackets: with its sub-codes (each source counted once).</source>
        <translation>Sumber yang dikode dengan kode ini. Dalam kurung: beserta subkodenya (setiap sumber dihitung sekali).</translation>
    </message>
    <message>
        <source>Cases whose text is coded with this code. In brackets: with its sub-codes (each case counted once).</source>
        <translation>Kasus yang teksnya dikode dengan kode ini. Dalam kurung: beserta subkodenya (setiap kasus dihitung sekali).</translation>
    </message>
    <message>
        <source>Codings: {own}</source>
        <translation>Pengodean: {own}</translation>
    </message>
    <message>
        <source>Sources: {own}</source>
        <translation>Sumber: {own}</translation>
    </message>
    <message>
        <source>Cases: {own}</source>
        <translation>Kasus: {own}</translation>
    </message>
    <message>
        <source>Codings: {own} on this code, {total} with its sub-codes</source>
        <translation>Pengodean: {own} pada kode ini, {total} beserta subkodenya</translation>
    </message>
    <message>
        <source>Sources: {own} on this code, {total} with its sub-codes</source>
        <translation>Sumber: {own} pada kode ini, {total} beserta subkodenya</translation>
    </message>
    <message>
        <source>Cases: {own} on this code, {total} with its sub-codes</source>
        <translation>Kasus: {own} pada kode ini, {total} beserta subkodenya</translation>
    </message>
</context>
<context>
    <name>CodeTreeView</name>
    <message>
        <source>Codebook</source>
        <translation>Buku kode</translation>
    </message>
</context>
<context>
    <name>CoderDialog</name>
    <message>
        <source>Who is coding?</source>
        <translation>Siapa yang mengode?</translation>
    </message>
    <message>
        <source>Your name is stored with every coding, comment and undo step, so a supervisor and a student can code the same project. You can change it later in Settings.</source>
        <translation>Nama Anda disimpan pada setiap pengodean, komentar, dan langkah urungkan, sehingga pembimbing dan mahasiswa dapat mengode proyek yang sama. Anda dapat mengubahnya nanti di Pengaturan.</translation>
    </message>
</context>
<context>
    <name>CodingActions</name>
    <message>
        <source>Select some text first.</source>
        <translation>Pilih teks terlebih dahulu.</translation>
    </message>
    <message>
        <source>Recode as…</source>
        <translation>Ganti kode menjadi…</translation>
    </message>
    <message>
        <source>Open for review</source>
        <translation>Buka untuk ditinjau</translation>
    </message>
    <message>
        <source>These codings were made by {coders}; in review mode only your own codings can change.</source>
        <translation>Pengodean ini dibuat oleh {coders}; dalam mode tinjauan hanya pengodean Anda sendiri yang dapat diubah.</translation>
    </message>
    <message>
        <source>{count} of these codings were made by {coders}. Change another coder&apos;s work?</source>
        <translation>{count} dari pengodean ini dibuat oleh {coders}. Ubah hasil kerja pengode lain?</translation>
    </message>
    <message>
        <source>Another coder&apos;s coding</source>
        <translation>Pengodean milik pengode lain</translation>
    </message>
    <message>
        <source>{count} review comment thread(s) are about what you are deleting. The threads keep the quoted text. Delete anyway?</source>
        <translation>{count} utas komentar tinjauan membahas yang akan Anda hapus. Utas tetap menyimpan teks kutipannya. Tetap hapus?</translation>
    </message>
    <message>
        <source>Commented</source>
        <translation>Ada komentar</translation>
    </message>
    <message>
        <source>Remove coding &apos;{code}&apos;</source>
        <translation>Hapus pengodean &apos;{code}&apos;</translation>
    </message>
    <message>
        <source>Coding details</source>
        <translation>Rincian pengodean</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Kode baru</translation>
    </message>
    <message>
        <source>Name of the new code:</source>
        <translation>Nama kode baru:</translation>
    </message>
    <message>
        <source>Colour of &apos;{code}&apos;</source>
        <translation>Warna &apos;{code}&apos;</translation>
    </message>
    <message>
        <source>Delete the code &apos;{code}&apos; with {subcodes} sub-codes and {codings} codings? Undo brings them back.</source>
        <translation>Hapus kode &apos;{code}&apos; beserta {subcodes} subkode dan {codings} pengodean? Urungkan akan mengembalikannya.</translation>
    </message>
    <message>
        <source>{count} review comment thread(s) are about this code or its codings; they keep the quoted text.</source>
        <translation>{count} utas komentar tinjauan membahas kode ini atau pengodeannya; utas tetap menyimpan teks kutipannya.</translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>Hapus kode</translation>
    </message>
    <message>
        <source>Merge {codes} into &apos;{target}&apos;? {count} codings move to &apos;{target}&apos;.</source>
        <translation>Gabungkan {codes} ke dalam &apos;{target}&apos;? {count} pengodean dipindahkan ke &apos;{target}&apos;.</translation>
    </message>
    <message>
        <source>Merge codes</source>
        <translation>Gabungkan kode</translation>
    </message>
    <message>
        <source>Drop on &apos;{code}&apos;</source>
        <translation>Lepaskan di &apos;{code}&apos;</translation>
    </message>
    <message>
        <source>What should happen to {codes}?</source>
        <translation>Apa yang harus dilakukan dengan {codes}?</translation>
    </message>
    <message>
        <source>Merge into &apos;{code}&apos;</source>
        <translation>Gabungkan ke dalam &apos;{code}&apos;</translation>
    </message>
    <message>
        <source>Make sub-code of &apos;{code}&apos;</source>
        <translation>Jadikan subkode dari &apos;{code}&apos;</translation>
    </message>
    <message>
        <source>Load a codebook file</source>
        <translation>Muat berkas buku kode</translation>
    </message>
    <message>
        <source>Codebook (*.yaml *.yml *.xlsx *.csv *.docx)</source>
        <translation>Buku kode (*.yaml *.yml *.xlsx *.csv *.docx)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <source>In which language are the code names and definitions of {file}?</source>
        <translation>Dalam bahasa apa nama kode dan definisi di {file} ditulis?</translation>
    </message>
    <message>
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Bahasa Inggris</translation>
    </message>
    <message>
        <source>Codebook loaded: {created} new codes, {updated} updated.</source>
        <translation>Buku kode dimuat: {created} kode baru, {updated} diperbarui.</translation>
    </message>
</context>
<context>
    <name>CodingDetails</name>
    <message>
        <source>&amp;Valence</source>
        <translation>&amp;Valensi</translation>
    </message>
    <message>
        <source>&amp;Magnitude</source>
        <translation>&amp;Magnitudo</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Periode</translation>
    </message>
    <message>
        <source>&amp;Weight</source>
        <translation>&amp;Bobot</translation>
    </message>
    <message>
        <source>&amp;Note</source>
        <translation>&amp;Catatan</translation>
    </message>
    <message>
        <source>Codings at the cursor</source>
        <translation>Pengodean di posisi kursor</translation>
    </message>
    <message>
        <source>Valence</source>
        <translation>Valensi</translation>
    </message>
    <message>
        <source>Magnitude</source>
        <translation>Magnitudo</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Evidence weight</source>
        <translation>Bobot bukti</translation>
    </message>
    <message>
        <source>e.g. strong, weak, 2 (weighted counts)</source>
        <translation>mis. kuat, lemah, 2 (hitungan berbobot)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>e.g. high, 3</source>
        <translation>mis. tinggi, 3</translation>
    </message>
    <message>
        <source>e.g. 2023, before the masterplan</source>
        <translation>mis. 2023, sebelum masterplan</translation>
    </message>
    <message>
        <source>Coding details are saved as you edit them</source>
        <translation>Rincian pengodean tersimpan saat Anda menyuntingnya</translation>
    </message>
</context>
<context>
    <name>CodingStripes</name>
    <message>
        <source>Coding stripes</source>
        <translation>Garis pengodean</translation>
    </message>
    <message>
        <source>One bar per coding; click a bar to select its text, drag its end to resize.</source>
        <translation>Satu batang per pengodean; klik batang untuk memilih teksnya, seret ujungnya untuk mengubah ukuran.</translation>
    </message>
    <message>
        <source>{code}
Coded by {coder}</source>
        <translation>{code}
Dikode oleh {coder}</translation>
    </message>
</context>
<context>
    <name>CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Palet perintah</translation>
    </message>
    <message>
        <source>Type a command…</source>
        <translation>Ketik perintah…</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Perintah</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <source>Changes since the other version</source>
        <translation>Perubahan sejak versi lain</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Apa</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>Pengodean</translation>
    </message>
    <message>
        <source>Cell summary</source>
        <translation>Ringkasan sel</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Kesimpulan</translation>
    </message>
    <message>
        <source>added</source>
        <translation>ditambahkan</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>diubah</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>dihapus</translation>
    </message>
</context>
<context>
    <name>ConclusionsPane</name>
    <message>
        <source>All {n} codings</source>
        <translation>Semua {n} pengodean</translation>
    </message>
    <message>
        <source>Link evidence</source>
        <translation>Tautkan bukti</translation>
    </message>
    <message>
        <source>Several codings cover the cursor. Which one?</source>
        <translation>Ada beberapa pengodean di posisi kursor. Yang mana?</translation>
    </message>
    <message>
        <source>Which conclusion does this excerpt support?</source>
        <translation>Kesimpulan mana yang didukung kutipan ini?</translation>
    </message>
    <message>
        <source>Which conclusion do these {n} excerpts support?</source>
        <translation>Kesimpulan mana yang didukung {n} kutipan ini?</translation>
    </message>
    <message>
        <source>Which conclusion does this excerpt contradict?</source>
        <translation>Kesimpulan mana yang bertentangan dengan kutipan ini?</translation>
    </message>
    <message>
        <source>Which conclusion do these {n} excerpts contradict?</source>
        <translation>Kesimpulan mana yang bertentangan dengan {n} kutipan ini?</translation>
    </message>
    <message>
        <source>New conclusion…</source>
        <translation>Kesimpulan baru…</translation>
    </message>
    <message>
        <source>New conclusion</source>
        <translation>Kesimpulan baru</translation>
    </message>
    <message>
        <source>Conclusion:</source>
        <translation>Kesimpulan:</translation>
    </message>
    <message>
        <source>Linked as supporting evidence.</source>
        <translation>Ditautkan sebagai bukti pendukung.</translation>
    </message>
    <message>
        <source>Linked as contradicting evidence.</source>
        <translation>Ditautkan sebagai bukti yang bertentangan.</translation>
    </message>
    <message>
        <source>{informants} informants, {sources} sources, {kinds} kinds of source</source>
        <translation>{informants} informan, {sources} sumber, {kinds} jenis sumber</translation>
    </message>
    <message>
        <source>Verified, but {count} codings with the opposite valence are not linked as contradicting evidence.</source>
        <translation>Terverifikasi, tetapi {count} pengodean dengan valensi berlawanan belum ditautkan sebagai bukti yang bertentangan.</translation>
    </message>
    <message>
        <source>No conclusions yet: write one with New, then link excerpts to it.</source>
        <translation>Belum ada kesimpulan: tulis satu dengan Baru, lalu tautkan kutipan ke kesimpulan itu.</translation>
    </message>
    <message>
        <source>{status} · written by {author} · changed {date}</source>
        <translation>{status} · ditulis oleh {author} · diubah {date}</translation>
    </message>
    <message>
        <source>Source: {source}
Informant: {informant}
Coder: {coder}</source>
        <translation>Sumber: {source}
Informan: {informant}
Pengode: {coder}</translation>
    </message>
    <message>
        <source>(not addressed)</source>
        <translation>(belum ditanggapi)</translation>
    </message>
    <message>
        <source>Open review comments ({n}):</source>
        <translation>Komentar tinjauan yang belum diselesaikan ({n}):</translation>
    </message>
    <message>
        <source>(do not check roles)</source>
        <translation>(tanpa pemeriksaan peran)</translation>
    </message>
    <message>
        <source>Edit conclusion</source>
        <translation>Sunting kesimpulan</translation>
    </message>
    <message>
        <source>This conclusion</source>
        <translation>Kesimpulan ini</translation>
    </message>
    <message>
        <source>Informant {name}</source>
        <translation>Informan {name}</translation>
    </message>
    <message>
        <source>Delete the conclusion “{text}”? Its links to excerpts go too.</source>
        <translation>Hapus kesimpulan “{text}”? Tautannya ke kutipan juga ikut terhapus.</translation>
    </message>
    <message>
        <source>Delete conclusion</source>
        <translation>Hapus kesimpulan</translation>
    </message>
    <message>
        <source>Note on evidence</source>
        <translation>Catatan pada bukti</translation>
    </message>
    <message>
        <source>How is this excerpt addressed?</source>
        <translation>Bagaimana kutipan ini ditanggapi?</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Tampilkan:</translation>
    </message>
    <message>
        <source>All conclusions</source>
        <translation>Semua kesimpulan</translation>
    </message>
    <message>
        <source>Show conclusions of status</source>
        <translation>Tampilkan kesimpulan berstatus</translation>
    </message>
    <message>
        <source>New…</source>
        <translation>Baru…</translation>
    </message>
    <message>
        <source>Write a new conclusion</source>
        <translation>Tulis kesimpulan baru</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sunting…</translation>
    </message>
    <message>
        <source>Rewrite the chosen conclusion</source>
        <translation>Tulis ulang kesimpulan yang dipilih</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Mark it tentative, verified or rejected</source>
        <translation>Tandai sebagai sementara, terverifikasi, atau ditolak</translation>
    </message>
    <message>
        <source>Member check…</source>
        <translation>Member check…</translation>
    </message>
    <message>
        <source>Record the member check of the conclusion or of an informant</source>
        <translation>Catat member check atas kesimpulan ini atau atas seorang informan</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Delete the chosen conclusion</source>
        <translation>Hapus kesimpulan yang dipilih</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Lepas tautan</translation>
    </message>
    <message>
        <source>Remove the chosen excerpt from the evidence</source>
        <translation>Keluarkan kutipan yang dipilih dari bukti</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>Catatan…</translation>
    </message>
    <message>
        <source>Write how the chosen excerpt is addressed</source>
        <translation>Tulis bagaimana kutipan yang dipilih ditanggapi</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Kesimpulan</translation>
    </message>
    <message>
        <source>Supporting</source>
        <translation>Pendukung</translation>
    </message>
    <message>
        <source>Contradicting</source>
        <translation>Bertentangan</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Kekuatan</translation>
    </message>
    <message>
        <source>Conclusions</source>
        <translation>Kesimpulan</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Asal</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Evidence of the chosen conclusion</source>
        <translation>Bukti untuk kesimpulan yang dipilih</translation>
    </message>
    <message>
        <source>Double-click an excerpt to open it in its source</source>
        <translation>Klik dua kali kutipan untuk membukanya di sumbernya</translation>
    </message>
    <message>
        <source>Verification</source>
        <translation>Verifikasi</translation>
    </message>
    <message>
        <source>Open review comments</source>
        <translation>Komentar tinjauan yang belum diselesaikan</translation>
    </message>
    <message>
        <source>&amp;Roles from:</source>
        <translation>&amp;Peran dari:</translation>
    </message>
    <message>
        <source>Drawn &amp;from:</source>
        <translation>&amp;Diambil dari:</translation>
    </message>
    <message>
        <source>Sources of the conclusion</source>
        <translation>Sumber kesimpulan</translation>
    </message>
    <message>
        <source>Double-click or press Enter to open the source</source>
        <translation>Klik dua kali atau tekan Enter untuk membuka sumbernya</translation>
    </message>
    <message>
        <source>Case attribute holding the informants&apos; roles</source>
        <translation>Atribut kasus yang memuat peran informan</translation>
    </message>
    <message>
        <source>Roles that no excerpt of the conclusion comes from are listed as silent</source>
        <translation>Peran yang tidak menjadi asal satu pun kutipan kesimpulan ini dicantumkan sebagai peran yang tidak terwakili</translation>
    </message>
    <message>
        <source>Tentative</source>
        <translation>Sementara</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Terverifikasi</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>interview</source>
        <translation>wawancara</translation>
    </message>
    <message>
        <source>focus group</source>
        <translation>diskusi kelompok terarah</translation>
    </message>
    <message>
        <source>observation</source>
        <translation>observasi</translation>
    </message>
    <message>
        <source>document</source>
        <translation>dokumen</translation>
    </message>
    <message>
        <source>other</source>
        <translation>lainnya</translation>
    </message>
    <message>
        <source>1 supporting excerpt</source>
        <translation>1 kutipan pendukung</translation>
    </message>
    <message>
        <source>{n} supporting excerpts</source>
        <translation>{n} kutipan pendukung</translation>
    </message>
    <message>
        <source>no supporting excerpt</source>
        <translation>tidak ada kutipan pendukung</translation>
    </message>
    <message>
        <source>1 informant</source>
        <translation>1 informan</translation>
    </message>
    <message>
        <source>{n} informants</source>
        <translation>{n} informan</translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>1 sumber</translation>
    </message>
    <message>
        <source>{n} sources</source>
        <translation>{n} sumber</translation>
    </message>
    <message>
        <source>1 source kind</source>
        <translation>1 jenis sumber</translation>
    </message>
    <message>
        <source>{n} source kinds</source>
        <translation>{n} jenis sumber</translation>
    </message>
    <message>
        <source>{share} from one informant ({name})</source>
        <translation>{share} dari satu informan ({name})</translation>
    </message>
    <message>
        <source>silent roles: {roles}</source>
        <translation>peran yang tidak terwakili: {roles}</translation>
    </message>
    <message>
        <source>every role is heard</source>
        <translation>semua peran terwakili</translation>
    </message>
    <message>
        <source>no contradicting excerpt</source>
        <translation>tidak ada kutipan yang bertentangan</translation>
    </message>
    <message>
        <source>1 contradicting excerpt, not addressed</source>
        <translation>1 kutipan yang bertentangan, belum ditanggapi</translation>
    </message>
    <message>
        <source>1 contradicting excerpt, addressed</source>
        <translation>1 kutipan yang bertentangan, sudah ditanggapi</translation>
    </message>
    <message>
        <source>{n} contradicting excerpts, all addressed</source>
        <translation>{n} kutipan yang bertentangan, semuanya sudah ditanggapi</translation>
    </message>
    <message>
        <source>{n} contradicting excerpts, {open} not addressed</source>
        <translation>{n} kutipan yang bertentangan, {open} belum ditanggapi</translation>
    </message>
    <message>
        <source>Memo “{title}”</source>
        <translation>Memo “{title}”</translation>
    </message>
    <message>
        <source>Display “{name}”</source>
        <translation>Display “{name}”</translation>
    </message>
    <message>
        <source>Display “{name}”, row {row}</source>
        <translation>Display “{name}”, baris {row}</translation>
    </message>
    <message>
        <source>Display “{name}”, column {column}</source>
        <translation>Display “{name}”, kolom {column}</translation>
    </message>
    <message>
        <source>Display “{name}”, cell {row} × {column}</source>
        <translation>Display “{name}”, sel {row} × {column}</translation>
    </message>
    <message>
        <source>(no longer there)</source>
        <translation>(sudah tidak ada)</translation>
    </message>
    <message>
        <source>(this excerpt no longer exists)</source>
        <translation>(kutipan ini sudah tidak ada)</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>belum ditanyakan</translation>
    </message>
    <message>
        <source>sent</source>
        <translation>dikirim</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>dikonfirmasi</translation>
    </message>
    <message>
        <source>disputed</source>
        <translation>dibantah</translation>
    </message>
    <message>
        <source>Member check: {status}</source>
        <translation>Member check: {status}</translation>
    </message>
    <message>
        <source>informants: {checks}</source>
        <translation>informan: {checks}</translation>
    </message>
    <message>
        <source>Member check</source>
        <translation>Member check</translation>
    </message>
    <message>
        <source>What was sent, what the informant said</source>
        <translation>Apa yang dikirim, apa kata informan</translation>
    </message>
    <message>
        <source>Dated</source>
        <translation>Bertanggal</translation>
    </message>
    <message>
        <source>Check of:</source>
        <translation>Pemeriksaan atas:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Catatan:</translation>
    </message>
</context>
<context>
    <name>DecisionRulesDialog</name>
    <message>
        <source>Decision rules of the display</source>
        <translation>Aturan keputusan display ini</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Aturan</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Tambah…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sunting…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <source>Coding</source>
        <translation>Pengodean</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
</context>
<context>
    <name>Dispatcher</name>
    <message>
        <source>QualCode</source>
        <translation>QualCode</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>DisplayForm</name>
    <message>
        <source>Codes</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Cases: {kind}</source>
        <translation>Kasus: {kind}</translation>
    </message>
    <message>
        <source>Attribute: {name}</source>
        <translation>Atribut: {name}</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Source kinds</source>
        <translation>Jenis sumber</translation>
    </message>
    <message>
        <source>Source attribute: {name}</source>
        <translation>Atribut sumber: {name}</translation>
    </message>
    <message>
        <source>Coders</source>
        <translation>Pengode</translation>
    </message>
    <message>
        <source>Valence</source>
        <translation>Valensi</translation>
    </message>
    <message>
        <source>Period (month)</source>
        <translation>Periode (bulan)</translation>
    </message>
    <message>
        <source>Period (year)</source>
        <translation>Periode (tahun)</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>As the display type sets</source>
        <translation>Sesuai jenis display</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Semua kasus</translation>
    </message>
    <message>
        <source>no valence</source>
        <translation>tanpa valensi</translation>
    </message>
    <message>
        <source>Order by ti&amp;me of</source>
        <translation>Urutkan menurut &amp;waktu</translation>
    </message>
    <message>
        <source>None checked: every top-level code</source>
        <translation>Tidak ada yang dicentang: semua kode tingkat teratas</translation>
    </message>
    <message>
        <source>None checked: every code</source>
        <translation>Tidak ada yang dicentang: semua kode</translation>
    </message>
    <message>
        <source>&amp;Display</source>
        <translation>&amp;Display</translation>
    </message>
    <message>
        <source>&amp;Variable</source>
        <translation>Var&amp;iabel</translation>
    </message>
    <message>
        <source>&amp;Rows</source>
        <translation>&amp;Baris</translation>
    </message>
    <message>
        <source>Co&amp;lumns</source>
        <translation>&amp;Kolom</translation>
    </message>
    <message>
        <source>Role attribute</source>
        <translation>Atribut peran</translation>
    </message>
    <message>
        <source>Ran&amp;k by</source>
        <translation>Uru&amp;tkan menurut</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Urutan</translation>
    </message>
    <message>
        <source>Cas&amp;es</source>
        <translation>K&amp;asus</translation>
    </message>
    <message>
        <source>Early/late c&amp;utoff</source>
        <translation>Batas a&amp;wal/akhir</translation>
    </message>
    <message>
        <source>Early/late by</source>
        <translation>Awal/akhir menurut</translation>
    </message>
    <message>
        <source>Periods &amp;by</source>
        <translation>Per&amp;iode per</translation>
    </message>
    <message>
        <source>Empty headers</source>
        <translation>Judul kosong</translation>
    </message>
    <message>
        <source>Co-occurring</source>
        <translation>Muncul bersama</translation>
    </message>
    <message>
        <source>Within (characters)</source>
        <translation>Dalam jarak (karakter)</translation>
    </message>
    <message>
        <source>Co&amp;unt</source>
        <translation>&amp;Hitung</translation>
    </message>
    <message>
        <source>Ce&amp;lls show</source>
        <translation>Isi se&amp;l</translation>
    </message>
    <message>
        <source>Only &amp;cases</source>
        <translation>Han&amp;ya kasus</translation>
    </message>
    <message>
        <source>Only &amp;where</source>
        <translation>Hanya &amp;jika</translation>
    </message>
    <message>
        <source>Onl&amp;y sources</source>
        <translation>Hanya &amp;sumber</translation>
    </message>
    <message>
        <source>Other filters</source>
        <translation>Filter lain</translation>
    </message>
    <message>
        <source>Only source &amp;kinds</source>
        <translation>Hanya j&amp;enis sumber</translation>
    </message>
    <message>
        <source>Only co&amp;ders</source>
        <translation>Hanya &amp;pengode</translation>
    </message>
    <message>
        <source>Only &amp;valence</source>
        <translation>Hanya &amp;valensi</translation>
    </message>
    <message>
        <source>Period &amp;from</source>
        <translation>Periode da&amp;ri</translation>
    </message>
    <message>
        <source>Period &amp;to</source>
        <translation>Periode sa&amp;mpai</translation>
    </message>
    <message>
        <source>Highest first</source>
        <translation>Tertinggi lebih dulu</translation>
    </message>
    <message>
        <source>Show the interviewer and moderator when empty</source>
        <translation>Tampilkan pewawancara dan moderator walau kosong</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Atribut</translation>
    </message>
    <message>
        <source>Attribute values</source>
        <translation>Nilai atribut</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Kosongkan</translation>
    </message>
    <message>
        <source>Drop the filters of the opened display that this form cannot show</source>
        <translation>Buang filter display yang dibuka yang tidak dapat ditampilkan formulir ini</translation>
    </message>
    <message>
        <source>&amp;Build</source>
        <translation>S&amp;usun</translation>
    </message>
    <message>
        <source>Build the display from the current data</source>
        <translation>Susun display dari data terkini</translation>
    </message>
</context>
<context>
    <name>DisplayModel</name>
    <message>
        <source>{count} · {share}%</source>
        <translation>{count} · {share}%</translation>
    </message>
    <message>
        <source>{count} ({measure})</source>
        <translation>{count} ({measure})</translation>
    </message>
    <message>
        <source> (draft)</source>
        <translation> (draf)</translation>
    </message>
    <message>
        <source>Memo: {text}</source>
        <translation>Memo: {text}</translation>
    </message>
    <message>
        <source>(has memos)</source>
        <translation>(ada memo)</translation>
    </message>
</context>
<context>
    <name>DisplaysPane</name>
    <message>
        <source>Not rebuilt: {reason}</source>
        <translation>Tidak disusun ulang: {reason}</translation>
    </message>
    <message>
        <source>Building the display…</source>
        <translation>Menyusun display…</translation>
    </message>
    <message>
        <source>{row} × {column}: 1 excerpt</source>
        <translation>{row} × {column}: 1 kutipan</translation>
    </message>
    <message>
        <source>{row} × {column}: {count} excerpts</source>
        <translation>{row} × {column}: {count} kutipan</translation>
    </message>
    <message>
        <source>Choose a display on the left and press Build.</source>
        <translation>Pilih display di sebelah kiri, lalu tekan Susun.</translation>
    </message>
    <message>
        <source>saved as “{name}”</source>
        <translation>disimpan sebagai “{name}”</translation>
    </message>
    <message>
        <source>{rows} rows × {columns} columns, counting {measure}</source>
        <translation>{rows} baris × {columns} kolom, menghitung {measure}</translation>
    </message>
    <message>
        <source>coders counted: {names} (the project&apos;s analysis coders)</source>
        <translation>pengode yang dihitung: {names} (pengode analisis proyek)</translation>
    </message>
    <message>
        <source>coders counted: {names}</source>
        <translation>pengode yang dihitung: {names}</translation>
    </message>
    <message>
        <source>every coding counted</source>
        <translation>setiap pengodean dihitung</translation>
    </message>
    <message>
        <source>cells: passages · percent of the column&apos;s text they cover (a parent code includes its sub-codes)</source>
        <translation>sel: bagian teks · persentase teks kolom yang dicakupnya (kode induk mencakup subkodenya)</translation>
    </message>
    <message>
        <source>not shown, no data: {names}</source>
        <translation>tidak ditampilkan, tanpa data: {names}</translation>
    </message>
    <message>
        <source>ordered by {field}</source>
        <translation>diurutkan menurut {field}</translation>
    </message>
    <message>
        <source>* partly placed by another date (see tooltip)</source>
        <translation>* sebagian ditempatkan menurut tanggal lain (lihat keterangan)</translation>
    </message>
    <message>
        <source>no codings match</source>
        <translation>tidak ada pengodean yang cocok</translation>
    </message>
    <message>
        <source>out of date: the data changed</source>
        <translation>kedaluwarsa: data telah berubah</translation>
    </message>
    <message>
        <source>memos: {count}</source>
        <translation>memo: {count}</translation>
    </message>
    <message>
        <source>memos on cells no longer here: {count} (see the Memos pane)</source>
        <translation>memo pada sel yang sudah tidak ada: {count} (lihat panel Memo)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Re-run the chosen saved display on the current data</source>
        <translation>Jalankan ulang display tersimpan yang dipilih pada data terkini</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Delete the chosen saved display</source>
        <translation>Hapus display tersimpan yang dipilih</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Simpan…</translation>
    </message>
    <message>
        <source>Save this display&apos;s specification under a name</source>
        <translation>Simpan spesifikasi display ini dengan sebuah nama</translation>
    </message>
    <message>
        <source>Rules…</source>
        <translation>Aturan…</translation>
    </message>
    <message>
        <source>The decision rules followed in this display, dated (printed under every export)</source>
        <translation>Aturan keputusan yang diikuti dalam display ini, bertanggal (dicetak di bawah setiap ekspor)</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <source>Word…</source>
        <translation>Word…</translation>
    </message>
    <message>
        <source>Saved displays</source>
        <translation>Display tersimpan</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Tabel</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Grafik</translation>
    </message>
    <message>
        <source>Summaries are kept with a saved display. Name it:</source>
        <translation>Ringkasan disimpan bersama display tersimpan. Beri nama display ini:</translation>
    </message>
    <message>
        <source>Nothing drafted: the cell has a summary written by a researcher.</source>
        <translation>Tidak ada draf yang dibuat: sel ini sudah memiliki ringkasan yang ditulis peneliti.</translation>
    </message>
    <message>
        <source>No saved displays</source>
        <translation>Belum ada display tersimpan</translation>
    </message>
    <message>
        <source>Save display</source>
        <translation>Simpan display</translation>
    </message>
    <message>
        <source>Name of the display:</source>
        <translation>Nama display:</translation>
    </message>
    <message>
        <source>Saved display “{name}” updated.</source>
        <translation>Display tersimpan “{name}” diperbarui.</translation>
    </message>
    <message>
        <source>Rename display</source>
        <translation>Ganti nama display</translation>
    </message>
    <message>
        <source>New name of the display:</source>
        <translation>Nama baru display:</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Perbarui</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Ganti nama…</translation>
    </message>
    <message>
        <source>Update saved display: open a saved display first</source>
        <translation>Perbarui display tersimpan: buka display tersimpan terlebih dahulu</translation>
    </message>
    <message>
        <source>Update saved display “{name}” with the choices in the form</source>
        <translation>Perbarui display tersimpan “{name}” dengan pilihan di formulir</translation>
    </message>
    <message>
        <source>Update saved display</source>
        <translation>Perbarui display tersimpan</translation>
    </message>
    <message>
        <source>Rename the chosen saved display</source>
        <translation>Ganti nama display tersimpan yang dipilih</translation>
    </message>
    <message>
        <source>Delete display</source>
        <translation>Hapus display</translation>
    </message>
    <message>
        <source>Delete the saved display &apos;{name}&apos; and its cell summaries? Memos written on it are kept, marked as unlinked.</source>
        <translation>Hapus display tersimpan &apos;{name}&apos; beserta ringkasan selnya? Memo yang ditulis padanya tetap disimpan, ditandai tidak tertaut.</translation>
    </message>
    <message>
        <source>Exported to {file}</source>
        <translation>Diekspor ke {file}</translation>
    </message>
    <message>
        <source>Rule: {rating} ({supporting}+ / {inhibiting}− codings)</source>
        <translation>Aturan: {rating} ({supporting}+ / {inhibiting}− pengodean)</translation>
    </message>
    <message>
        <source>Rate the cell</source>
        <translation>Nilai sel</translation>
    </message>
    <message>
        <source>Your rating of this cell (the rule&apos;s stays on record):</source>
        <translation>Penilaian Anda untuk sel ini (penilaian aturan tetap tercatat):</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>Alasan:</translation>
    </message>
    <message>
        <source>Link to conclusion</source>
        <translation>Tautkan ke kesimpulan</translation>
    </message>
    <message>
        <source>This cell</source>
        <translation>Sel ini</translation>
    </message>
    <message>
        <source>This row</source>
        <translation>Baris ini</translation>
    </message>
    <message>
        <source>This column</source>
        <translation>Kolom ini</translation>
    </message>
    <message>
        <source>The whole display</source>
        <translation>Seluruh display</translation>
    </message>
    <message>
        <source>Which part of the display is the conclusion drawn from?</source>
        <translation>Dari bagian display mana kesimpulan ini diambil?</translation>
    </message>
    <message>
        <source>Which conclusion?</source>
        <translation>Kesimpulan yang mana?</translation>
    </message>
    <message>
        <source>New conclusion…</source>
        <translation>Kesimpulan baru…</translation>
    </message>
    <message>
        <source>Conclusion:</source>
        <translation>Kesimpulan:</translation>
    </message>
    <message>
        <source>Set by {author}: {rating}</source>
        <translation>Ditetapkan oleh {author}: {rating}</translation>
    </message>
    <message>
        <source>Memo on this cell…</source>
        <translation>Memo pada sel ini…</translation>
    </message>
    <message>
        <source>Memo on this display…</source>
        <translation>Memo pada display ini…</translation>
    </message>
    <message>
        <source>Put an existing memo on this cell…</source>
        <translation>Tempatkan memo yang sudah ada pada sel ini…</translation>
    </message>
    <message>
        <source>Put an existing memo on this display…</source>
        <translation>Tempatkan memo yang sudah ada pada display ini…</translation>
    </message>
    <message>
        <source>Show memos</source>
        <translation>Tampilkan memo</translation>
    </message>
    <message>
        <source>Memos are kept with a saved display. Name it:</source>
        <translation>Memo disimpan bersama display tersimpan. Beri nama:</translation>
    </message>
    <message>
        <source>on the project</source>
        <translation>pada proyek</translation>
    </message>
    <message>
        <source>Put a memo here</source>
        <translation>Tempatkan memo di sini</translation>
    </message>
    <message>
        <source>No memo can be put here: write one on the project (or on a display) first.</source>
        <translation>Tidak ada memo yang dapat ditempatkan di sini: tulis dahulu memo pada proyek (atau pada sebuah display).</translation>
    </message>
    <message>
        <source>Memo (one on another display or cell moves here):</source>
        <translation>Memo (memo pada display atau sel lain akan dipindahkan ke sini):</translation>
    </message>
    <message>
        <source>Memo on the display</source>
        <translation>Memo pada display</translation>
    </message>
    <message>
        <source>Memo on {row} × {column}</source>
        <translation>Memo pada {row} × {column}</translation>
    </message>
    <message>
        <source>Memo:</source>
        <translation>Memo:</translation>
    </message>
    <message>
        <source>Effect type</source>
        <translation>Jenis efek</translation>
    </message>
    <message>
        <source>Type which part?</source>
        <translation>Bagian mana yang ditetapkan?</translation>
    </message>
    <message>
        <source>This cell only</source>
        <translation>Hanya sel ini</translation>
    </message>
    <message>
        <source>As the row (a row: direct, the default)</source>
        <translation>Mengikuti baris (untuk baris: efek langsung, bawaan)</translation>
    </message>
    <message>
        <source>Direct: what the intervention aimed at; meta: broader effects beyond its aims; side: unintended effects.</source>
        <translation>Langsung: yang dituju intervensi; meta: efek lebih luas di luar tujuannya; samping: efek yang tidak dimaksudkan.</translation>
    </message>
    <message>
        <source>Decision rules: {rules}</source>
        <translation>Aturan keputusan: {rules}</translation>
    </message>
</context>
<context>
    <name>DocumentTextEdit</name>
    <message>
        <source>Document text</source>
        <translation>Teks dokumen</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <source>Document view</source>
        <translation>Tampilan dokumen</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <source>Identity register entry</source>
        <translation>Entri daftar identitas</translation>
    </message>
    <message>
        <source>Add to identity register</source>
        <translation>Tambahkan ke daftar identitas</translation>
    </message>
    <message>
        <source>Empty: the case&apos;s pseudonym for a name, else e.g. [jabatan]</source>
        <translation>Kosong: pseudonim kasus untuk nama, selain itu mis. [jabatan]</translation>
    </message>
    <message>
        <source>(no case)</source>
        <translation>(tanpa kasus)</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>&amp;Teks:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Jenis:</translation>
    </message>
    <message>
        <source>&amp;Replace with:</source>
        <translation>&amp;Ganti dengan:</translation>
    </message>
    <message>
        <source>&amp;Case:</source>
        <translation>&amp;Kasus:</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Exports are pseudonymised through the identity register and checked for leaks.</source>
        <translation>Ekspor disamarkan melalui daftar identitas dan diperiksa dari kebocoran.</translation>
    </message>
    <message>
        <source>Exports name informants as the project does.</source>
        <translation>Ekspor menyebut informan seperti di dalam proyek.</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file} disimpan.</translation>
    </message>
    <message>
        <source>Export excerpts</source>
        <translation>Ekspor kutipan</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Dokumen Word (*.docx)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Buku kerja Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing excerpts…</source>
        <translation>Menulis kutipan…</translation>
    </message>
    <message>
        <source>Exporting excerpts…</source>
        <translation>Mengekspor kutipan…</translation>
    </message>
    <message>
        <source>Saved {n} excerpts to {file}.</source>
        <translation>{n} kutipan disimpan ke {file}.</translation>
    </message>
    <message>
        <source>Write the file anyway, with these identifying texts in it?</source>
        <translation>Tetap tulis berkas ini, dengan teks identitas tersebut di dalamnya?</translation>
    </message>
    <message>
        <source>Save figure</source>
        <translation>Simpan gambar</translation>
    </message>
    <message>
        <source>Export the appendix of all codes</source>
        <translation>Ekspor lampiran semua kode</translation>
    </message>
    <message>
        <source>Lampiran kutipan</source>
        <translation>Lampiran kutipan</translation>
    </message>
    <message>
        <source>Exporting the appendix…</source>
        <translation>Mengekspor lampiran…</translation>
    </message>
    <message>
        <source>Export the project report</source>
        <translation>Ekspor laporan proyek</translation>
    </message>
    <message>
        <source>Word document (*.docx);;Web page (*.html)</source>
        <translation>Dokumen Word (*.docx);;Halaman web (*.html)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Menulis laporan…</translation>
    </message>
    <message>
        <source>Exporting the project report…</source>
        <translation>Mengekspor laporan proyek…</translation>
    </message>
    <message>
        <source>Export the codebook</source>
        <translation>Ekspor buku kode</translation>
    </message>
    <message>
        <source>Codebook file (*.yaml);;Excel workbook (*.xlsx);;Word document (*.docx)</source>
        <translation>Berkas buku kode (*.yaml);;Buku kerja Excel (*.xlsx);;Dokumen Word (*.docx)</translation>
    </message>
    <message>
        <source>{project} codebook</source>
        <translation>Buku kode {project}</translation>
    </message>
    <message>
        <source>Exporting the codebook…</source>
        <translation>Mengekspor buku kode…</translation>
    </message>
    <message>
        <source>Export a REFI-QDA project</source>
        <translation>Ekspor proyek REFI-QDA</translation>
    </message>
    <message>
        <source>Writing the project…</source>
        <translation>Menulis proyek…</translation>
    </message>
    <message>
        <source>Exporting the REFI-QDA project…</source>
        <translation>Mengekspor proyek REFI-QDA…</translation>
    </message>
    <message>
        <source>Export a REFI-QDA codebook</source>
        <translation>Ekspor buku kode REFI-QDA</translation>
    </message>
    <message>
        <source>Exporting the REFI-QDA codebook…</source>
        <translation>Mengekspor buku kode REFI-QDA…</translation>
    </message>
</context>
<context>
    <name>FiguresPane</name>
    <message>
        <source>Cluster analysis</source>
        <translation>Analisis klaster</translation>
    </message>
    <message>
        <source>Code hierarchy</source>
        <translation>Hierarki kode</translation>
    </message>
    <message>
        <source>Compare two cases</source>
        <translation>Bandingkan dua kasus</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Coding similarity (Jaccard)</source>
        <translation>Kemiripan pengodean (Jaccard)</translation>
    </message>
    <message>
        <source>Coding similarity (Sørensen)</source>
        <translation>Kemiripan pengodean (Sørensen)</translation>
    </message>
    <message>
        <source>Coding counts (Pearson)</source>
        <translation>Jumlah pengodean (Pearson)</translation>
    </message>
    <message>
        <source>Word similarity (Pearson)</source>
        <translation>Kemiripan kata (Pearson)</translation>
    </message>
    <message>
        <source>Sized by codings</source>
        <translation>Ukuran menurut pengodean</translation>
    </message>
    <message>
        <source>Sized by sources</source>
        <translation>Ukuran menurut sumber</translation>
    </message>
    <message>
        <source>Draw</source>
        <translation>Gambar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Simpan…</translation>
    </message>
    <message>
        <source>Drawing the figure…</source>
        <translation>Menggambar…</translation>
    </message>
    <message>
        <source>Save figure</source>
        <translation>Simpan gambar</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)</source>
        <translation>Gambar PNG (*.png);;Gambar SVG (*.svg);;PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in document</source>
        <translation>Cari dalam dokumen</translation>
    </message>
    <message>
        <source>Text to find</source>
        <translation>Teks yang dicari</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Sebelumnya</translation>
    </message>
    <message>
        <source>Find previous (Shift+F3)</source>
        <translation>Cari sebelumnya (Shift+F3)</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Berikutnya</translation>
    </message>
    <message>
        <source>Find next (F3)</source>
        <translation>Cari berikutnya (F3)</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Cocokkan huruf besar/kecil</translation>
    </message>
    <message>
        <source>Matches</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Close the find bar (Esc)</source>
        <translation>Tutup bilah pencarian (Esc)</translation>
    </message>
    <message>
        <source>Close find bar</source>
        <translation>Tutup bilah pencarian</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Tidak ditemukan</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} dari {total}</translation>
    </message>
</context>
<context>
    <name>HistoryPane</name>
    <message>
        <source>All coders</source>
        <translation>Semua pengode</translation>
    </message>
    <message>
        <source>Undo to here</source>
        <translation>Batalkan sampai sini</translation>
    </message>
    <message>
        <source>This step can no longer be undone.</source>
        <translation>Langkah ini tidak dapat dibatalkan lagi.</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Sejak</translation>
    </message>
    <message>
        <source>Undo your own steps back to the chosen one</source>
        <translation>Batalkan langkah Anda sendiri sampai langkah yang dipilih</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Pengode</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operasi</translation>
    </message>
    <message>
        <source>Touched</source>
        <translation>Yang diubah</translation>
    </message>
    <message>
        <source>Project history</source>
        <translation>Riwayat proyek</translation>
    </message>
    <message>
        <source>Show the history of coder</source>
        <translation>Tampilkan riwayat pengode</translation>
    </message>
    <message>
        <source>Compare with another version</source>
        <translation>Bandingkan dengan versi lain</translation>
    </message>
    <message>
        <source>QualCode project (*.qdaproj)</source>
        <translation>Proyek QualCode (*.qdaproj)</translation>
    </message>
</context>
<context>
    <name>IdentityPane</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Nama panggilan</translation>
    </message>
    <message>
        <source>Post (jabatan)</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Nomor telepon</translation>
    </message>
    <message>
        <source>Other person</source>
        <translation>Orang lain</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Added {n} entries to the identity register.</source>
        <translation>{n} entri ditambahkan ke daftar identitas.</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Tambah…</translation>
    </message>
    <message>
        <source>Add a name, post, institution or place</source>
        <translation>Tambahkan nama, jabatan, instansi atau tempat</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sunting…</translation>
    </message>
    <message>
        <source>Change the chosen entry</source>
        <translation>Ubah entri yang dipilih</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Remove the chosen entries</source>
        <translation>Hapus entri yang dipilih</translation>
    </message>
    <message>
        <source>Fill from attributes</source>
        <translation>Isi dari atribut</translation>
    </message>
    <message>
        <source>Add the values of the ticked case attributes of every case</source>
        <translation>Tambahkan nilai atribut kasus yang dicentang dari setiap kasus</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Replace with</source>
        <translation>Ganti dengan</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Identity register</source>
        <translation>Daftar identitas</translation>
    </message>
    <message>
        <source>Identifying case attributes:</source>
        <translation>Atribut kasus yang mengidentifikasi:</translation>
    </message>
    <message>
        <source>Identifying case attributes</source>
        <translation>Atribut kasus yang mengidentifikasi</translation>
    </message>
</context>
<context>
    <name>ImportActions</name>
    <message>
        <source>Import files</source>
        <translation>Impor berkas</translation>
    </message>
    <message>
        <source>Sources ({patterns});;All files (*)</source>
        <translation>Sumber ({patterns});;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Import a folder</source>
        <translation>Impor folder</translation>
    </message>
    <message>
        <source>Importing sources…</source>
        <translation>Mengimpor sumber…</translation>
    </message>
    <message>
        <source>{n} imported</source>
        <translation>{n} diimpor</translation>
    </message>
    <message>
        <source>{n} already in the project</source>
        <translation>{n} sudah ada di proyek</translation>
    </message>
    <message>
        <source>cancelled, {n} not started</source>
        <translation>dibatalkan, {n} belum dimulai</translation>
    </message>
    <message>
        <source>These files could not be imported:
{files}</source>
        <translation>Berkas berikut tidak dapat diimpor:
{files}</translation>
    </message>
    <message>
        <source>… and {n} more.</source>
        <translation>… dan {n} lainnya.</translation>
    </message>
    <message>
        <source>Imported, with notes to check:</source>
        <translation>Sudah diimpor, dengan catatan yang perlu diperiksa:</translation>
    </message>
    <message>
        <source>Import report</source>
        <translation>Laporan impor</translation>
    </message>
    <message>
        <source>Import a classification sheet</source>
        <translation>Impor lembar klasifikasi</translation>
    </message>
    <message>
        <source>Sheets (*.xlsx *.csv *.ods);;All files (*)</source>
        <translation>Lembar kerja (*.xlsx *.csv *.ods);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>{cases} new cases, {values} values set, {skipped} rows skipped.</source>
        <translation>{cases} kasus baru, {values} nilai diisi, {skipped} baris dilewati.</translation>
    </message>
    <message>
        <source>Cases named by column &apos;{key}&apos;.</source>
        <translation>Kasus dinamai oleh kolom &apos;{key}&apos;.</translation>
    </message>
    <message>
        <source>New cases: {n}</source>
        <translation>Kasus baru: {n}</translation>
    </message>
    <message>
        <source>New attributes: {names}</source>
        <translation>Atribut baru: {names}</translation>
    </message>
    <message>
        <source>Values to set: {n} (already equal: {same})</source>
        <translation>Nilai yang diisi: {n} (sudah sama: {same})</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(kosong)</translation>
    </message>
    <message>
        <source>Not imported:</source>
        <translation>Tidak diimpor:</translation>
    </message>
    <message>
        <source>  row {row}: {why}</source>
        <translation>  baris {row}: {why}</translation>
    </message>
    <message>
        <source>Import these changes?</source>
        <translation>Impor perubahan ini?</translation>
    </message>
</context>
<context>
    <name>LivePoller</name>
    <message>
        <source>Cannot check for other coders&apos; changes: {error}</source>
        <translation>Tidak dapat memeriksa perubahan dari pengode lain: {error}</translation>
    </message>
    <message>
        <source>{coder} coded a passage</source>
        <translation>{coder} mengode satu bagian teks</translation>
    </message>
    <message>
        <source>{coder} coded {n} passages</source>
        <translation>{coder} mengode {n} bagian teks</translation>
    </message>
    <message>
        <source>{coder} made a change</source>
        <translation>{coder} membuat satu perubahan</translation>
    </message>
    <message>
        <source>{coder} made {n} changes</source>
        <translation>{coder} membuat {n} perubahan</translation>
    </message>
    <message>
        <source>Open a team project</source>
        <translation>Buka proyek tim</translation>
    </message>
    <message>
        <source>Server address, e.g. postgresql+psycopg://sari@lab.example.ac.id/thesis
(leave the password out: it comes from &apos;qualcode team login&apos; or ~/.pgpass)</source>
        <translation>Alamat server, mis. postgresql+psycopg://sari@lab.example.ac.id/thesis
(jangan sertakan kata sandi: kata sandi diambil dari &apos;qualcode team login&apos; atau ~/.pgpass)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening {path}…</source>
        <translation>Membuka {path}…</translation>
    </message>
    <message>
        <source>Project in use</source>
        <translation>Proyek sedang digunakan</translation>
    </message>
    <message>
        <source>Open for review</source>
        <translation>Buka untuk ditinjau</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Buka hanya-baca</translation>
    </message>
    <message>
        <source>Open review comment threads: {count}.</source>
        <translation>Utas komentar tinjauan yang terbuka: {count}.</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Proyek baru</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>Buka proyek</translation>
    </message>
    <message>
        <source>Building the sample study…</source>
        <translation>Menyiapkan studi contoh…</translation>
    </message>
    <message>
        <source>Read-only: nothing is changed</source>
        <translation>Hanya-baca: tidak ada yang diubah</translation>
    </message>
    <message>
        <source>Changes are saved as you work</source>
        <translation>Perubahan tersimpan selama Anda bekerja</translation>
    </message>
    <message>
        <source>✓ Saved {time}</source>
        <translation>✓ Tersimpan {time}</translation>
    </message>
    <message>
        <source>Every change is written to the project file at once; there is no Save.</source>
        <translation>Setiap perubahan langsung ditulis ke berkas proyek; tidak perlu menyimpan.</translation>
    </message>
    <message>
        <source>{n} characters selected · {keys} codes them</source>
        <translation>{n} karakter dipilih · {keys} untuk mengodenya</translation>
    </message>
    <message>
        <source>Code the selection with &apos;{code}&apos;</source>
        <translation>Kode teks terpilih dengan &apos;{code}&apos;</translation>
    </message>
    <message>
        <source>About QualCode</source>
        <translation>Tentang QualCode</translation>
    </message>
    <message>
        <source>QualCode {version}: qualitative coding for researchers.</source>
        <translation>QualCode {version}: pengodean kualitatif untuk peneliti.</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigasi</translation>
    </message>
    <message>
        <source>Codebook</source>
        <translation>Buku kode</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>Excerpts</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <source>Recent codes</source>
        <translation>Kode terakhir</translation>
    </message>
    <message>
        <source>Filter codes (name, label, abbreviation)…</source>
        <translation>Saring kode (nama, label, singkatan)…</translation>
    </message>
    <message>
        <source>Filter codes</source>
        <translation>Saring kode</translation>
    </message>
    <message>
        <source>No project open</source>
        <translation>Tidak ada proyek yang terbuka</translation>
    </message>
    <message>
        <source> (read-only)</source>
        <translation> (hanya-baca)</translation>
    </message>
    <message>
        <source> (review)</source>
        <translation> (tinjauan)</translation>
    </message>
    <message>
        <source>Coder: {coder}</source>
        <translation>Pengode: {coder}</translation>
    </message>
    <message>
        <source>supervisor</source>
        <translation>pembimbing</translation>
    </message>
    <message>
        <source>researcher</source>
        <translation>peneliti</translation>
    </message>
    <message>
        <source>Open comments: {count}</source>
        <translation>Komentar terbuka: {count}</translation>
    </message>
    <message>
        <source>Open review comment threads: Analysis › Review comments</source>
        <translation>Utas komentar tinjauan yang terbuka: Analisis › Komentar tinjauan</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>pemilik</translation>
    </message>
    <message>
        <source>coder</source>
        <translation>pengode</translation>
    </message>
    <message>
        <source>reviewer (read and comment)</source>
        <translation>peninjau (membaca dan berkomentar)</translation>
    </message>
    <message>
        <source>{user} on {host}, since {when}</source>
        <translation>{user} di {host}, sejak {when}</translation>
    </message>
    <message>
        <source>Open it for review (comments and your own check codings only) or read-only?</source>
        <translation>Buka untuk ditinjau (hanya komentar dan pengodean pemeriksaan Anda sendiri) atau hanya-baca?</translation>
    </message>
</context>
<context>
    <name>MapDrawDialog</name>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Context chart</source>
        <translation>Bagan konteks</translation>
    </message>
    <message>
        <source>Map name:</source>
        <translation>Nama peta:</translation>
    </message>
    <message>
        <source>Group cases without a parent by:</source>
        <translation>Kelompokkan kasus tanpa induk menurut:</translation>
    </message>
    <message>
        <source>Show with each case:</source>
        <translation>Tampilkan bersama tiap kasus:</translation>
    </message>
    <message>
        <source>Order a level by (low first):</source>
        <translation>Urutkan satu tingkat menurut (terendah dulu):</translation>
    </message>
    <message>
        <source>Link to the cases named in:</source>
        <translation>Hubungkan ke kasus yang disebut dalam:</translation>
    </message>
    <message>
        <source>Causal network</source>
        <translation>Jaringan kausal</translation>
    </message>
    <message>
        <source>Variables:</source>
        <translation>Variabel:</translation>
    </message>
    <message>
        <source>Events (dated codings of):</source>
        <translation>Peristiwa (pengodean bertanggal dari):</translation>
    </message>
    <message>
        <source>Evidence: codings of cause and effect</source>
        <translation>Bukti: pengodean sebab dan akibat</translation>
    </message>
    <message>
        <source>in the same speaker turn</source>
        <translation>dalam giliran bicara yang sama</translation>
    </message>
    <message>
        <source>overlapping</source>
        <translation>saling tumpang tindih</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Panah</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>kuat</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>sedang</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>lemah</translation>
    </message>
    <message>
        <source>{n} cited coding(s) were deleted since.</source>
        <translation>{n} pengodean yang dikutip telah dihapus sejak itu.</translation>
    </message>
    <message>
        <source>Remove from evidence</source>
        <translation>Hapus dari bukti</translation>
    </message>
    <message>
        <source>Search code, case, source or text</source>
        <translation>Cari kode, kasus, sumber, atau teks</translation>
    </message>
    <message>
        <source>Add to evidence</source>
        <translation>Tambahkan ke bukti</translation>
    </message>
    <message>
        <source>Add the {n} excerpt(s) selected in the Excerpts pane</source>
        <translation>Tambahkan {n} kutipan yang dipilih di panel Kutipan</translation>
    </message>
    <message>
        <source>Sign:</source>
        <translation>Tanda:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Kekuatan:</translation>
    </message>
    <message>
        <source>Evidence:</source>
        <translation>Bukti:</translation>
    </message>
    <message>
        <source>Codings of its ends:</source>
        <translation>Pengodean kedua ujungnya:</translation>
    </message>
</context>
<context>
    <name>MapSpeakersDialog</name>
    <message>
        <source>Map speakers to cases</source>
        <translation>Petakan pembicara ke kasus</translation>
    </message>
    <message>
        <source>Informant</source>
        <translation>Informan</translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation>Pewawancara</translation>
    </message>
</context>
<context>
    <name>MapsPane</name>
    <message>
        <source>is associated with</source>
        <translation>terkait dengan</translation>
    </message>
    <message>
        <source>causes</source>
        <translation>menyebabkan</translation>
    </message>
    <message>
        <source>supports</source>
        <translation>mendukung</translation>
    </message>
    <message>
        <source>contradicts</source>
        <translation>bertentangan dengan</translation>
    </message>
    <message>
        <source>is part of</source>
        <translation>bagian dari</translation>
    </message>
    <message>
        <source>precedes</source>
        <translation>mendahului</translation>
    </message>
    <message>
        <source>maps to</source>
        <translation>dipetakan ke</translation>
    </message>
    <message>
        <source>New map</source>
        <translation>Peta baru</translation>
    </message>
    <message>
        <source>Add code</source>
        <translation>Tambah kode</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Tambah catatan</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Tautkan</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Arrow…</source>
        <translation>Panah…</translation>
    </message>
    <message>
        <source>Context chart…</source>
        <translation>Bagan konteks…</translation>
    </message>
    <message>
        <source>Causal network…</source>
        <translation>Jaringan kausal…</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Salin</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <source>Name of the map:</source>
        <translation>Nama peta:</translation>
    </message>
    <message>
        <source>Text of the note:</source>
        <translation>Teks catatan:</translation>
    </message>
    <message>
        <source>Select exactly two boxes to link.</source>
        <translation>Pilih tepat dua kotak untuk ditautkan.</translation>
    </message>
    <message>
        <source>How are they related?</source>
        <translation>Bagaimana hubungan keduanya?</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Panah</translation>
    </message>
    <message>
        <source>Select the two boxes an arrow joins.</source>
        <translation>Pilih dua kotak yang dihubungkan oleh sebuah panah.</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>Ekspor peta</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg);;PNG image (*.png);;PDF (*.pdf)</source>
        <translation>Gambar SVG (*.svg);;Gambar PNG (*.png);;PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>MemoEditor</name>
    <message>
        <source>Select a source, case or code to write its memo.</source>
        <translation>Pilih sumber, kasus, atau kode untuk menulis memonya.</translation>
    </message>
    <message>
        <source>Memo on {name}</source>
        <translation>Memo tentang {name}</translation>
    </message>
    <message>
        <source>Save memo</source>
        <translation>Simpan memo</translation>
    </message>
    <message>
        <source>Memo text</source>
        <translation>Isi memo</translation>
    </message>
</context>
<context>
    <name>MemosPane</name>
    <message>
        <source>analytic</source>
        <translation>analitis</translation>
    </message>
    <message>
        <source>reflexive</source>
        <translation>reflektif</translation>
    </message>
    <message>
        <source>method</source>
        <translation>metode</translation>
    </message>
    <message>
        <source>theory</source>
        <translation>teori</translation>
    </message>
    <message>
        <source>decision</source>
        <translation>keputusan</translation>
    </message>
    <message>
        <source>note</source>
        <translation>catatan</translation>
    </message>
    <message>
        <source>journal</source>
        <translation>jurnal</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Proyek</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>Pengodean</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Kesimpulan</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>Display cell</source>
        <translation>Sel display</translation>
    </message>
    <message>
        <source>Unlinked (display deleted)</source>
        <translation>Tidak tertaut (display dihapus)</translation>
    </message>
    <message>
        <source>Search memos…</source>
        <translation>Cari memo…</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Semua jenis</translation>
    </message>
    <message>
        <source>On anything</source>
        <translation>Pada apa saja</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Penulis</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Pada</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Memo text</source>
        <translation>Teks memo</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Take off display</source>
        <translation>Lepaskan dari display</translation>
    </message>
    <message>
        <source>The memo stays, on the project; undo puts it back on its display</source>
        <translation>Memo tetap ada, pada proyek; urungkan untuk mengembalikannya ke display-nya</translation>
    </message>
    <message>
        <source>Double-click to open the display</source>
        <translation>Klik dua kali untuk membuka display</translation>
    </message>
    <message>
        <source>Checking memos on display cells…</source>
        <translation>Memeriksa memo pada sel display…</translation>
    </message>
    <message>
        <source>Delete memo</source>
        <translation>Hapus memo</translation>
    </message>
    <message>
        <source>Delete the selected memo?</source>
        <translation>Hapus memo yang dipilih?</translation>
    </message>
    <message>
        <source>This cell is no longer in the display: its row or column went when the data changed. The memo is kept, and exports print it under the table, marked so.</source>
        <translation>Sel ini tidak ada lagi di display: baris atau kolomnya hilang ketika data berubah. Memo tetap disimpan, dan ekspor mencetaknya di bawah tabel dengan tanda tersebut.</translation>
    </message>
    <message>
        <source>New journal entry</source>
        <translation>Entri jurnal baru</translation>
    </message>
    <message>
        <source>New memo</source>
        <translation>Memo baru</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Teks:</translation>
    </message>
    <message>
        <source>Export coded transcript</source>
        <translation>Ekspor transkrip terkode</translation>
    </message>
    <message>
        <source>Word document (*.docx);;Web page (*.html);;PDF (*.pdf)</source>
        <translation>Dokumen Word (*.docx);;Halaman web (*.html);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporting coded transcript</source>
        <translation>Mengekspor transkrip terkode</translation>
    </message>
</context>
<context>
    <name>NavigationPane</name>
    <message>
        <source>(untitled)</source>
        <translation>(tanpa judul)</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>Dikumpulkan</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>Atribut</translation>
    </message>
    <message>
        <source>Memo</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Tentang</translation>
    </message>
</context>
<context>
    <name>NewAttributeDialog</name>
    <message>
        <source>New attribute</source>
        <translation>Atribut baru</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. Kadis, Kabid, Staf</source>
        <translation>Pisahkan dengan koma, mis. Kadis, Kabid, Staf</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nama:</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>Tipe:</translation>
    </message>
    <message>
        <source>Values:</source>
        <translation>Nilai:</translation>
    </message>
</context>
<context>
    <name>OutliersDialog</name>
    <message>
        <source>Outliers and extreme cases</source>
        <translation>Kasus pencilan dan kasus ekstrem</translation>
    </message>
    <message>
        <source>&amp;Compute</source>
        <translation>&amp;Hitung</translation>
    </message>
    <message>
        <source>A case&apos;s profile is its share of coded passages in each top-level code; z = (share − mean) / SD over the cases; its deviation is the root mean square of its z-scores. Flagged (!) when a code&apos;s |z| reaches the threshold.</source>
        <translation>Profil sebuah kasus adalah porsi bagian teks terkodenya pada tiap kode tingkat atas; z = (porsi − rata-rata) / SD antarkasus; simpangannya adalah akar rata-rata kuadrat skor z-nya. Ditandai (!) bila |z| suatu kode mencapai ambang.</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>Simpangan</translation>
    </message>
    <message>
        <source>Driven by</source>
        <translation>Disebabkan oleh</translation>
    </message>
    <message>
        <source>Double-click an excerpt to open it in its source</source>
        <translation>Klik dua kali kutipan untuk membukanya di sumbernya</translation>
    </message>
    <message>
        <source>Cases:</source>
        <translation>Kasus:</translation>
    </message>
    <message>
        <source>Flag at |z| ≥</source>
        <translation>Tandai bila |z| ≥</translation>
    </message>
    <message>
        <source>Leave out cases with fewer passages than</source>
        <translation>Abaikan kasus dengan bagian teks kurang dari</translation>
    </message>
    <message>
        <source>Comparing the cases&apos; code profiles…</source>
        <translation>Membandingkan profil kode antarkasus…</translation>
    </message>
</context>
<context>
    <name>ParagraphNumbers</name>
    <message>
        <source>Paragraph numbers</source>
        <translation>Nomor paragraf</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>New project</source>
        <translation>Proyek baru</translation>
    </message>
    <message>
        <source>Encrypted project</source>
        <translation>Proyek terenkripsi</translation>
    </message>
    <message>
        <source>&amp;Encrypt this project</source>
        <translation>&amp;Enkripsi proyek ini</translation>
    </message>
    <message>
        <source>The file, its backups and its search index are unreadable without the password. A forgotten password cannot be recovered.</source>
        <translation>Berkas, cadangannya, dan indeks pencariannya tidak dapat dibaca tanpa kata sandi. Kata sandi yang terlupa tidak dapat dipulihkan.</translation>
    </message>
    <message>
        <source>&amp;Remember the password in the system keyring</source>
        <translation>&amp;Simpan kata sandi di keyring sistem</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>Re&amp;peat:</source>
        <translation>&amp;Ulangi:</translation>
    </message>
    <message>
        <source>{file} is encrypted.</source>
        <translation>{file} terenkripsi.</translation>
    </message>
    <message>
        <source>Type a password.</source>
        <translation>Ketik kata sandi.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Kedua kata sandi berbeda.</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>U&amp;lang</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Tampilkan rincian...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Sembunyikan rincian...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Simpan semua</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ya untuk &amp;semua</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>Ti&amp;dak untuk semua</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Atur ulang</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Kembalikan bawaan</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>U&amp;lang</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Salin &amp;alamat tautan</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih semua</translation>
    </message>
</context>
<context>
    <name>QuickCodeBox</name>
    <message>
        <source>Quick code</source>
        <translation>Kode cepat</translation>
    </message>
    <message>
        <source>Code name or label (English or Indonesian)…</source>
        <translation>Nama atau label kode (Inggris atau Indonesia)…</translation>
    </message>
    <message>
        <source>Search codes</source>
        <translation>Cari kode</translation>
    </message>
    <message>
        <source>Matching codes</source>
        <translation>Kode yang cocok</translation>
    </message>
    <message>
        <source>Valence</source>
        <translation>Valensi</translation>
    </message>
    <message>
        <source>No valence</source>
        <translation>Tanpa valensi</translation>
    </message>
    <message>
        <source>Enter codes the selection · Esc closes</source>
        <translation>Enter mengode teks terpilih · Esc menutup</translation>
    </message>
    <message>
        <source>Create code &apos;{name}&apos; under &apos;{parent}&apos;</source>
        <translation>Buat kode &apos;{name}&apos; di bawah &apos;{parent}&apos;</translation>
    </message>
    <message>
        <source>Create code &apos;{name}&apos; as a sub-code of &apos;{parent}&apos;</source>
        <translation>Buat kode &apos;{name}&apos; sebagai subkode &apos;{parent}&apos;</translation>
    </message>
    <message>
        <source>Create code &apos;{name}&apos; at the top level</source>
        <translation>Buat kode &apos;{name}&apos; di tingkat teratas</translation>
    </message>
</context>
<context>
    <name>RefiImports</name>
    <message>
        <source>REFI-QDA project (*.qdpx *.qde)</source>
        <translation>Proyek REFI-QDA (*.qdpx *.qde)</translation>
    </message>
    <message>
        <source>REFI-QDA codebook (*.qdc)</source>
        <translation>Buku kode REFI-QDA (*.qdc)</translation>
    </message>
    <message>
        <source>Import a REFI-QDA project</source>
        <translation>Impor proyek REFI-QDA</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Semua berkas (*)</translation>
    </message>
    <message>
        <source>Import a REFI-QDA codebook</source>
        <translation>Impor buku kode REFI-QDA</translation>
    </message>
    <message>
        <source>Import {file} into the open project, or make a new project of it?</source>
        <translation>Impor {file} ke proyek yang sedang terbuka, atau jadikan proyek baru?</translation>
    </message>
    <message>
        <source>&amp;Merge into this project</source>
        <translation>&amp;Gabungkan ke proyek ini</translation>
    </message>
    <message>
        <source>Make a &amp;new project</source>
        <translation>Buat proyek &amp;baru</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Mengimpor…</translation>
    </message>
    <message>
        <source>Importing the REFI-QDA file…</source>
        <translation>Mengimpor berkas REFI-QDA…</translation>
    </message>
    <message>
        <source>New project from a REFI-QDA file</source>
        <translation>Proyek baru dari berkas REFI-QDA</translation>
    </message>
    <message>
        <source>{n} sources</source>
        <translation>{n} sumber</translation>
    </message>
    <message>
        <source>1 source</source>
        <translation>1 sumber</translation>
    </message>
    <message>
        <source>{n} codes</source>
        <translation>{n} kode</translation>
    </message>
    <message>
        <source>1 code</source>
        <translation>1 kode</translation>
    </message>
    <message>
        <source>{n} codings</source>
        <translation>{n} pengodean</translation>
    </message>
    <message>
        <source>1 coding</source>
        <translation>1 pengodean</translation>
    </message>
    <message>
        <source>{n} cases</source>
        <translation>{n} kasus</translation>
    </message>
    <message>
        <source>1 case</source>
        <translation>1 kasus</translation>
    </message>
    <message>
        <source>Imported {file}: {what}.</source>
        <translation>{file} diimpor: {what}.</translation>
    </message>
    <message>
        <source>Saved {file}: {what}.</source>
        <translation>{file} disimpan: {what}.</translation>
    </message>
    <message>
        <source>… and {n} more.</source>
        <translation>… dan {n} lainnya.</translation>
    </message>
    <message>
        <source>REFI-QDA</source>
        <translation>REFI-QDA</translation>
    </message>
    <message>
        <source>Not carried over:</source>
        <translation>Tidak ikut terbawa:</translation>
    </message>
    <message>
        <source>One REFI-QDA file at a time: only {file} was imported.</source>
        <translation>Satu berkas REFI-QDA dalam satu kali impor: hanya {file} yang diimpor.</translation>
    </message>
</context>
<context>
    <name>RetrievalPane</name>
    <message>
        <source>Choose a code to see its excerpts.</source>
        <translation>Pilih kode untuk melihat kutipannya.</translation>
    </message>
    <message>
        <source>{code}: 1 excerpt</source>
        <translation>{code}: 1 kutipan</translation>
    </message>
    <message>
        <source>{code}: {count} excerpts</source>
        <translation>{code}: {count} kutipan</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Coder</source>
        <translation>Pengode</translation>
    </message>
    <message>
        <source>Valence</source>
        <translation>Valensi</translation>
    </message>
    <message>
        <source>Excerpt</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <source>C&amp;ase</source>
        <translation>&amp;Kasus</translation>
    </message>
    <message>
        <source>&amp;Kind</source>
        <translation>&amp;Jenis</translation>
    </message>
    <message>
        <source>Co&amp;der</source>
        <translation>Pen&amp;gode</translation>
    </message>
    <message>
        <source>&amp;Valence</source>
        <translation>&amp;Valensi</translation>
    </message>
    <message>
        <source>Include sub-codes</source>
        <translation>Sertakan subkode</translation>
    </message>
    <message>
        <source>Excerpts</source>
        <translation>Kutipan</translation>
    </message>
</context>
<context>
    <name>ReviewFiles</name>
    <message>
        <source>Export the review report</source>
        <translation>Ekspor laporan bimbingan</translation>
    </message>
    <message>
        <source>Word document (*.docx);;Web page (*.html)</source>
        <translation>Dokumen Word (*.docx);;Halaman web (*.html)</translation>
    </message>
    <message>
        <source>{project} review</source>
        <translation>{project} bimbingan</translation>
    </message>
    <message>
        <source>Review report</source>
        <translation>Laporan bimbingan</translation>
    </message>
    <message>
        <source>Replace the names of informants and cases with pseudonyms?</source>
        <translation>Ganti nama informan dan kasus dengan pseudonim?</translation>
    </message>
    <message>
        <source>Exporting the review report…</source>
        <translation>Mengekspor laporan bimbingan…</translation>
    </message>
    <message>
        <source>Merge a reviewed copy</source>
        <translation>Gabungkan salinan hasil tinjauan</translation>
    </message>
    <message>
        <source>QualCode project (*.qdaproj)</source>
        <translation>Proyek QualCode (*.qdaproj)</translation>
    </message>
    <message>
        <source>Merge review</source>
        <translation>Gabungkan hasil tinjauan</translation>
    </message>
    <message>
        <source>Choose the copy, not this project.</source>
        <translation>Pilih salinannya, bukan proyek ini.</translation>
    </message>
    <message>
        <source>Merged {comments} comments, {replies} replies, {resolutions} resolutions and {codings} check codings.</source>
        <translation>Digabungkan {comments} komentar, {replies} balasan, {resolutions} penyelesaian dan {codings} pengodean pemeriksaan.</translation>
    </message>
    <message>
        <source>Conflicts:</source>
        <translation>Konflik:</translation>
    </message>
</context>
<context>
    <name>ReviewPane</name>
    <message>
        <source>Code: {name}</source>
        <translation>Kode: {name}</translation>
    </message>
    <message>
        <source>Conclusion: {text}</source>
        <translation>Kesimpulan: {text}</translation>
    </message>
    <message>
        <source>Display cell: {display} · {row} × {column}</source>
        <translation>Sel display: {display} · {row} × {column}</translation>
    </message>
    <message>
        <source>Coding: {code} · {source} ¶{paragraph}</source>
        <translation>Pengodean: {code} · {source} ¶{paragraph}</translation>
    </message>
    <message>
        <source>Excerpt: {source} ¶{paragraph}</source>
        <translation>Kutipan: {source} ¶{paragraph}</translation>
    </message>
    <message>
        <source>Cell summary: {display} · {row} × {column}</source>
        <translation>Ringkasan sel: {display} · {row} × {column}</translation>
    </message>
    <message>
        <source>{target} (deleted)</source>
        <translation>{target} (sudah dihapus)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>{open} open · {resolved} resolved</source>
        <translation>{open} terbuka · {resolved} selesai</translation>
    </message>
    <message>
        <source>No review comments to show.</source>
        <translation>Tidak ada komentar tinjauan untuk ditampilkan.</translation>
    </message>
    <message>
        <source>Resolved by {coder} {date}</source>
        <translation>Diselesaikan oleh {coder} {date}</translation>
    </message>
    <message>
        <source>Reply to comment</source>
        <translation>Balas komentar</translation>
    </message>
    <message>
        <source>Reply:</source>
        <translation>Balasan:</translation>
    </message>
    <message>
        <source>Go to</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>What this comment is about is gone.</source>
        <translation>Hal yang dikomentari sudah tidak ada.</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Buka lagi</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Selesaikan</translation>
    </message>
    <message>
        <source>Open the thread again</source>
        <translation>Buka kembali utas ini</translation>
    </message>
    <message>
        <source>Mark the thread resolved</source>
        <translation>Tandai utas sebagai selesai</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>&amp;Tampilkan:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Show comment threads of status</source>
        <translation>Tampilkan utas komentar dengan status</translation>
    </message>
    <message>
        <source>Reply…</source>
        <translation>Balas…</translation>
    </message>
    <message>
        <source>Reply in the chosen thread</source>
        <translation>Balas di utas yang dipilih</translation>
    </message>
    <message>
        <source>Show what the comment is about</source>
        <translation>Tampilkan hal yang dikomentari</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Tentang</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Penulis</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Review comment threads</source>
        <translation>Utas komentar tinjauan</translation>
    </message>
    <message>
        <source>Double-click a thread to go to what it is about</source>
        <translation>Klik dua kali sebuah utas untuk membuka hal yang dikomentari</translation>
    </message>
    <message>
        <source>The chosen comment thread</source>
        <translation>Utas komentar yang dipilih</translation>
    </message>
    <message>
        <source>Review comment</source>
        <translation>Komentar tinjauan</translation>
    </message>
    <message>
        <source>Comment on {what}:</source>
        <translation>Komentar tentang {what}:</translation>
    </message>
    <message>
        <source>Comment on a coding</source>
        <translation>Komentari pengodean</translation>
    </message>
    <message>
        <source>Which coding at the cursor?</source>
        <translation>Pengodean mana di posisi kursor?</translation>
    </message>
</context>
<context>
    <name>RuleEditor</name>
    <message>
        <source>Decision rule</source>
        <translation>Aturan keputusan</translation>
    </message>
    <message>
        <source>e.g. A cell is rated adequate when two or more informants confirm it.</source>
        <translation>mis. Sel dinilai memadai bila dua informan atau lebih mengonfirmasinya.</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>Aturan:</translation>
    </message>
    <message>
        <source>Decided on:</source>
        <translation>Diputuskan pada:</translation>
    </message>
</context>
<context>
    <name>SearchPane</name>
    <message>
        <source>All sources</source>
        <translation>Semua sumber</translation>
    </message>
    <message>
        <source>The open source</source>
        <translation>Sumber yang sedang dibuka</translation>
    </message>
    <message>
        <source>A case&apos;s text</source>
        <translation>Teks suatu kasus</translation>
    </message>
    <message>
        <source>Cases with an attribute value</source>
        <translation>Kasus dengan nilai atribut</translation>
    </message>
    <message>
        <source>Text coded with</source>
        <translation>Teks yang dikode dengan</translation>
    </message>
    <message>
        <source>Type a word or phrase to search for.</source>
        <translation>Ketik kata atau frasa yang dicari.</translation>
    </message>
    <message>
        <source>Indexing the sources…</source>
        <translation>Mengindeks sumber…</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Mencari…</translation>
    </message>
    <message>
        <source>Search index</source>
        <translation>Indeks pencarian</translation>
    </message>
    <message>
        <source>Open a project to search it.</source>
        <translation>Buka proyek untuk melakukan pencarian.</translation>
    </message>
    <message>
        <source>Type a word or phrase and press Enter.</source>
        <translation>Ketik kata atau frasa, lalu tekan Enter.</translation>
    </message>
    <message>
        <source>No passages found for “{query}”.</source>
        <translation>Tidak ditemukan bagian teks untuk “{query}”.</translation>
    </message>
    <message>
        <source>{hits} hits in {sources} sources for “{query}”.</source>
        <translation>{hits} hasil di {sources} sumber untuk “{query}”.</translation>
    </message>
    <message>
        <source>Only the first {limit} are listed.</source>
        <translation>Hanya {limit} hasil pertama yang ditampilkan.</translation>
    </message>
    <message>
        <source>Sources changed since: search again to update.</source>
        <translation>Sumber telah berubah sejak itu: cari lagi untuk memperbarui.</translation>
    </message>
    <message>
        <source>Open a source first, or search all sources.</source>
        <translation>Buka sumber terlebih dahulu, atau cari di semua sumber.</translation>
    </message>
    <message>
        <source>Choose where to search.</source>
        <translation>Pilih tempat pencarian.</translation>
    </message>
    <message>
        <source>Search the project: words, a phrase, sosialisasi*…</source>
        <translation>Cari di proyek: kata, frasa, sosialisasi*…</translation>
    </message>
    <message>
        <source>Search for</source>
        <translation>Yang dicari</translation>
    </message>
    <message>
        <source>How to match</source>
        <translation>Cara pencocokan</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Cari</translation>
    </message>
    <message>
        <source>Search the project (Enter)</source>
        <translation>Cari di proyek (Enter)</translation>
    </message>
    <message>
        <source>&amp;In:</source>
        <translation>&amp;Dalam:</translation>
    </message>
    <message>
        <source>Where to search</source>
        <translation>Tempat pencarian</translation>
    </message>
    <message>
        <source>Which case, value or code</source>
        <translation>Kasus, nilai, atau kode yang mana</translation>
    </message>
    <message>
        <source>Match &amp;case</source>
        <translation>Cocokkan huruf &amp;besar/kecil</translation>
    </message>
    <message>
        <source>Similarity:</source>
        <translation>Kemiripan:</translation>
    </message>
    <message>
        <source>Minimum similarity for similar spelling</source>
        <translation>Kemiripan minimum untuk ejaan serupa</translation>
    </message>
    <message>
        <source>Code all hits…</source>
        <translation>Kode semua hasil…</translation>
    </message>
    <message>
        <source>Code every hit, or the sentence, paragraph or turn around it, after a preview</source>
        <translation>Kode setiap hasil, atau kalimat, paragraf, atau giliran bicara di sekitarnya, setelah pratinjau</translation>
    </message>
    <message>
        <source>Search hits</source>
        <translation>Hasil pencarian</translation>
    </message>
    <message>
        <source>Double-click a hit to open it in its source</source>
        <translation>Klik dua kali hasil untuk membukanya di sumbernya</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Pembicara</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Sebelum</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Sesudah</translation>
    </message>
    <message>
        <source>All words</source>
        <translation>Semua kata</translation>
    </message>
    <message>
        <source>Passages with every word, in any order</source>
        <translation>Bagian teks yang memuat setiap kata, dalam urutan apa pun</translation>
    </message>
    <message>
        <source>Exact phrase</source>
        <translation>Frasa persis</translation>
    </message>
    <message>
        <source>The words together, in this order</source>
        <translation>Kata-kata berdampingan, dalam urutan ini</translation>
    </message>
    <message>
        <source>Any word</source>
        <translation>Salah satu kata</translation>
    </message>
    <message>
        <source>Passages with at least one of the words</source>
        <translation>Bagian teks yang memuat paling sedikit satu kata</translation>
    </message>
    <message>
        <source>Word forms</source>
        <translation>Bentuk kata</translation>
    </message>
    <message>
        <source>All forms of a word: sosialisasi finds disosialisasikan</source>
        <translation>Semua bentuk kata: sosialisasi juga menemukan disosialisasikan</translation>
    </message>
    <message>
        <source>Wildcard</source>
        <translation>Wildcard</translation>
    </message>
    <message>
        <source>* stands for any letters, ? for one: koordinasi*</source>
        <translation>* mewakili huruf apa saja, ? mewakili satu huruf: koordinasi*</translation>
    </message>
    <message>
        <source>Similar spelling</source>
        <translation>Ejaan serupa</translation>
    </message>
    <message>
        <source>Also misspelt words, down to the similarity you set</source>
        <translation>Termasuk kata yang salah eja, sampai batas kemiripan yang Anda tetapkan</translation>
    </message>
    <message>
        <source>Regular expression</source>
        <translation>Ekspresi reguler</translation>
    </message>
    <message>
        <source>A Python regular expression over the text</source>
        <translation>Ekspresi reguler Python pada teks</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Your name as a coder (used for new codings)</source>
        <translation>Nama Anda sebagai pengode (dipakai untuk pengodean baru)</translation>
    </message>
    <message>
        <source>Researcher (student)</source>
        <translation>Peneliti (mahasiswa)</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Pembimbing</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Coder name</source>
        <translation>Nama &amp;pengode</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>Pe&amp;ran</translation>
    </message>
</context>
<context>
    <name>SourceEditDialog</name>
    <message>
        <source>Edit the text of {name}</source>
        <translation>Sunting teks {name}</translation>
    </message>
    <message>
        <source>Correct typos or misheard words. Codings follow their text; codings whose own text you change are kept and flagged for review.</source>
        <translation>Perbaiki salah ketik atau kata yang salah dengar. Pengodean mengikuti teksnya; pengodean yang teksnya sendiri Anda ubah tetap disimpan dan ditandai untuk ditinjau.</translation>
    </message>
    <message>
        <source>&amp;Preview changes</source>
        <translation>&amp;Pratinjau perubahan</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Terapkan</translation>
    </message>
    <message>
        <source>{changed} changed stretch(es): {kept} coding(s) keep their text, {flagged} flagged for review, {removed} removed.</source>
        <translation>{changed} bagian berubah: {kept} pengodean tetap pada teksnya, {flagged} ditandai untuk ditinjau, {removed} dihapus.</translation>
    </message>
    <message>
        <source>Review: {code} “{old}” → “{new}”</source>
        <translation>Tinjau: {code} “{old}” → “{new}”</translation>
    </message>
    <message>
        <source>Removed: {code} “{old}”</source>
        <translation>Dihapus: {code} “{old}”</translation>
    </message>
    <message>
        <source>Remove codings?</source>
        <translation>Hapus pengodean?</translation>
    </message>
    <message>
        <source>The text of {n} coding(s) is deleted by this edit. Remove them with it?</source>
        <translation>Teks dari {n} pengodean terhapus oleh suntingan ini. Hapus pengodean itu juga?</translation>
    </message>
</context>
<context>
    <name>SpeakersPane</name>
    <message>
        <source>Open a source to review its speakers.</source>
        <translation>Buka sebuah sumber untuk memeriksa pembicaranya.</translation>
    </message>
    <message numerus="yes">
        <source>%n turn(s); speakers: {speakers}</source>
        <translation>
            <numerusform>%n giliran bicara; pembicara: {speakers}</numerusform>
        </translation>
    </message>
    <message>
        <source>No speaker turns in this source. Select a passage in the document and press “Mark selection” to give it a speaker.</source>
        <translation>Sumber ini belum punya giliran bicara. Pilih sebuah bagian teks di dokumen lalu tekan “Tandai pilihan” untuk memberinya pembicara.</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Pembicara</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Speaker…</source>
        <translation>Pembicara…</translation>
    </message>
    <message>
        <source>Give the selected turn another speaker</source>
        <translation>Ganti pembicara giliran yang dipilih</translation>
    </message>
    <message>
        <source>Split at caret</source>
        <translation>Pisah di kursor</translation>
    </message>
    <message>
        <source>Split the selected turn where the caret is</source>
        <translation>Pisahkan giliran yang dipilih di posisi kursor</translation>
    </message>
    <message>
        <source>Merge with next</source>
        <translation>Gabung dengan berikutnya</translation>
    </message>
    <message>
        <source>Join the selected turn and the one after it</source>
        <translation>Gabungkan giliran yang dipilih dengan giliran sesudahnya</translation>
    </message>
    <message>
        <source>Mark selection…</source>
        <translation>Tandai pilihan…</translation>
    </message>
    <message>
        <source>Make the selected text a turn of a speaker</source>
        <translation>Jadikan teks yang dipilih giliran bicara seorang pembicara</translation>
    </message>
    <message>
        <source>Map speakers…</source>
        <translation>Petakan pembicara…</translation>
    </message>
    <message>
        <source>Link each speaker label to a case</source>
        <translation>Kaitkan setiap label pembicara ke sebuah kasus</translation>
    </message>
    <message>
        <source>Change speaker</source>
        <translation>Ganti pembicara</translation>
    </message>
    <message>
        <source>Select a passage in the document first.</source>
        <translation>Pilih dulu sebuah bagian teks di dokumen.</translation>
    </message>
    <message>
        <source>Mark selection</source>
        <translation>Tandai pilihan</translation>
    </message>
    <message>
        <source>Speaker:</source>
        <translation>Pembicara:</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>QualCode</source>
        <translation>QualCode</translation>
    </message>
    <message>
        <source>Qualitative coding of interviews, focus groups, field notes and documents. Create a project, open one, or explore the sample study.</source>
        <translation>Pengodean kualitatif untuk wawancara, diskusi kelompok terarah, catatan lapangan, dan dokumen. Buat proyek baru, buka proyek, atau jelajahi studi contoh.</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>Proyek terakhir</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Choose a source in the navigation pane.</source>
        <translation>Pilih sumber di panel navigasi.</translation>
    </message>
    <message>
        <source>check sample: {n} units (tinted margin)</source>
        <translation>sampel pemeriksaan: {n} unit (margin berwarna)</translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Kode</translation>
    </message>
    <message>
        <source>Code&amp;book</source>
        <translation>Buku k&amp;ode</translation>
    </message>
    <message>
        <source>&amp;Analysis</source>
        <translation>&amp;Analisis</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>B&amp;antuan</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>Buka proyek ter&amp;akhir</translation>
    </message>
    <message>
        <source>Load a shipped &amp;codebook</source>
        <translation>&amp;Muat buku kode bawaan</translation>
    </message>
    <message>
        <source>&amp;Panes</source>
        <translation>&amp;Panel</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Ekspor</translation>
    </message>
    <message>
        <source>Undo {operation}</source>
        <translation>Urungkan {operation}</translation>
    </message>
    <message>
        <source>Redo {operation}</source>
        <translation>Ulangi {operation}</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>Proyek &amp;baru…</translation>
    </message>
    <message>
        <source>Create an empty project file</source>
        <translation>Buat berkas proyek kosong</translation>
    </message>
    <message>
        <source>&amp;Open project…</source>
        <translation>B&amp;uka proyek…</translation>
    </message>
    <message>
        <source>Open a QualCode project (.qdaproj)</source>
        <translation>Buka proyek QualCode (.qdaproj)</translation>
    </message>
    <message>
        <source>Open for re&amp;view…</source>
        <translation>Buka untuk di&amp;tinjau…</translation>
    </message>
    <message>
        <source>Open a student&apos;s project to comment and check-code without changing their work</source>
        <translation>Buka proyek mahasiswa untuk memberi komentar dan mengode pemeriksaan tanpa mengubah hasil kerjanya</translation>
    </message>
    <message>
        <source>Open the &amp;sample study</source>
        <translation>Buka &amp;studi contoh</translation>
    </message>
    <message>
        <source>Build the fictional Sukamaju smart-regency study and open it</source>
        <translation>Siapkan studi fiktif smart regency Sukamaju lalu buka</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>&amp;Tutup proyek</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Impor berkas…</translation>
    </message>
    <message>
        <source>Import transcripts and documents (Word, text, PDF, ODT, RTF…)</source>
        <translation>Impor transkrip dan dokumen (Word, teks, PDF, ODT, RTF…)</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>Impor &amp;folder…</translation>
    </message>
    <message>
        <source>Import every supported file of a folder</source>
        <translation>Impor semua berkas yang didukung dalam satu folder</translation>
    </message>
    <message>
        <source>Import a &amp;classification sheet…</source>
        <translation>Impor &amp;lembar klasifikasi…</translation>
    </message>
    <message>
        <source>Read cases and their attributes from an Excel or CSV sheet</source>
        <translation>Baca kasus dan atributnya dari lembar Excel atau CSV</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>Language and coder name</source>
        <translation>Bahasa dan nama pengode</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>U&amp;langi</translation>
    </message>
    <message>
        <source>&amp;Find in document…</source>
        <translation>&amp;Cari dalam dokumen…</translation>
    </message>
    <message>
        <source>Command &amp;palette…</source>
        <translation>&amp;Palet perintah…</translation>
    </message>
    <message>
        <source>Find and run any command by name</source>
        <translation>Cari dan jalankan perintah apa pun berdasarkan namanya</translation>
    </message>
    <message>
        <source>&amp;Quick code…</source>
        <translation>Kode &amp;cepat…</translation>
    </message>
    <message>
        <source>Type part of a code name (English or Indonesian) and press Enter</source>
        <translation>Ketik sebagian nama kode (Inggris atau Indonesia) lalu tekan Enter</translation>
    </message>
    <message>
        <source>Code with the &amp;selected code</source>
        <translation>Kode dengan kode yang &amp;dipilih</translation>
    </message>
    <message>
        <source>Code with the &amp;last code</source>
        <translation>Kode dengan kode &amp;terakhir</translation>
    </message>
    <message>
        <source>&amp;In-vivo code</source>
        <translation>Kode &amp;in-vivo</translation>
    </message>
    <message>
        <source>Create a code named from the selected words and apply it</source>
        <translation>Buat kode yang dinamai dari kata-kata terpilih lalu terapkan</translation>
    </message>
    <message>
        <source>&amp;Remove codings at cursor</source>
        <translation>&amp;Hapus pengodean di kursor</translation>
    </message>
    <message>
        <source>Set the valence of the coding shown in the Coding details</source>
        <translation>Tetapkan valensi pengodean yang tampil di rincian Pengodean</translation>
    </message>
    <message>
        <source>Valence: &amp;supporting</source>
        <translation>Valensi: &amp;pendukung</translation>
    </message>
    <message>
        <source>Valence: &amp;inhibiting</source>
        <translation>Valensi: p&amp;enghambat</translation>
    </message>
    <message>
        <source>Valence: &amp;neutral</source>
        <translation>Valensi: &amp;netral</translation>
    </message>
    <message>
        <source>Valence: n&amp;one</source>
        <translation>Valensi: &amp;tanpa</translation>
    </message>
    <message>
        <source>Show &amp;excerpts of the code</source>
        <translation>Tampilkan &amp;kutipan kode</translation>
    </message>
    <message>
        <source>Every passage coded with the selected code</source>
        <translation>Semua bagian teks yang dikode dengan kode terpilih</translation>
    </message>
    <message>
        <source>&amp;New code…</source>
        <translation>Kode &amp;baru…</translation>
    </message>
    <message>
        <source>New &amp;sub-code…</source>
        <translation>&amp;Subkode baru…</translation>
    </message>
    <message>
        <source>&amp;Rename code</source>
        <translation>&amp;Ganti nama kode</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>&amp;Warna…</translation>
    </message>
    <message>
        <source>&amp;Definition…</source>
        <translation>&amp;Definisi…</translation>
    </message>
    <message>
        <source>Definition, when to use, when not to use, example, labels</source>
        <translation>Definisi, kapan digunakan, kapan tidak digunakan, contoh, label</translation>
    </message>
    <message>
        <source>&amp;Delete code…</source>
        <translation>&amp;Hapus kode…</translation>
    </message>
    <message>
        <source>&amp;Load a codebook file…</source>
        <translation>Muat &amp;berkas buku kode…</translation>
    </message>
    <message>
        <source>A codebook file (.yaml) or a codebook table in Excel, CSV or Word; loading it again merges by code</source>
        <translation>Berkas buku kode (.yaml) atau tabel buku kode di Excel, CSV, atau Word; memuatnya lagi menggabungkan per kode</translation>
    </message>
    <message>
        <source>&amp;Start page</source>
        <translation>Halaman &amp;awal</translation>
    </message>
    <message>
        <source>&amp;About QualCode</source>
        <translation>&amp;Tentang QualCode</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Bilah alat utama</translation>
    </message>
    <message>
        <source>Intercoder &amp;agreement…</source>
        <translation>Kesepakatan &amp;antarpengode…</translation>
    </message>
    <message>
        <source>Percent agreement, Cohen&apos;s kappa and Krippendorff&apos;s alpha per code</source>
        <translation>Persentase kesepakatan, Cohen&apos;s kappa, dan Krippendorff&apos;s alpha per kode</translation>
    </message>
    <message>
        <source>New &amp;conclusion…</source>
        <translation>&amp;Kesimpulan baru…</translation>
    </message>
    <message>
        <source>Write a claim and collect its evidence</source>
        <translation>Tulis sebuah klaim lalu kumpulkan buktinya</translation>
    </message>
    <message>
        <source>Link the coding at the cursor to a conclusion as &amp;supporting…</source>
        <translation>Tautkan pengodean di kursor ke kesimpulan sebagai bukti &amp;pendukung…</translation>
    </message>
    <message>
        <source>The coding at the cursor, or the excerpt chosen in the Excerpts pane, backs a conclusion</source>
        <translation>Pengodean di kursor, atau kutipan yang dipilih di panel Kutipan, mendukung sebuah kesimpulan</translation>
    </message>
    <message>
        <source>Link the coding at the cursor to a conclusion as c&amp;ontradicting…</source>
        <translation>Tautkan pengodean di kursor ke kesimpulan sebagai bukti yang &amp;bertentangan…</translation>
    </message>
    <message>
        <source>The coding at the cursor, or the excerpt chosen in the Excerpts pane, is negative evidence for a conclusion</source>
        <translation>Pengodean di kursor, atau kutipan yang dipilih di panel Kutipan, menjadi bukti yang bertentangan dengan sebuah kesimpulan</translation>
    </message>
    <message>
        <source>New &amp;display…</source>
        <translation>&amp;Display baru…</translation>
    </message>
    <message>
        <source>Build a matrix display: codes × cases, framework, factors, coverage…</source>
        <translation>Susun display matriks: kode × kasus, kerangka, faktor, cakupan…</translation>
    </message>
    <message>
        <source>&amp;Open saved display…</source>
        <translation>Buka display &amp;tersimpan…</translation>
    </message>
    <message>
        <source>Re-run a saved display on the current data</source>
        <translation>Jalankan ulang display tersimpan pada data terkini</translation>
    </message>
    <message>
        <source>&amp;Save display…</source>
        <translation>&amp;Simpan display…</translation>
    </message>
    <message>
        <source>Save the shown display&apos;s specification</source>
        <translation>Simpan spesifikasi display yang ditampilkan</translation>
    </message>
    <message>
        <source>&amp;Display to Excel…</source>
        <translation>&amp;Display ke Excel…</translation>
    </message>
    <message>
        <source>Export the shown display to an Excel workbook</source>
        <translation>Ekspor display yang ditampilkan ke buku kerja Excel</translation>
    </message>
    <message>
        <source>D&amp;isplay to Word…</source>
        <translation>D&amp;isplay ke Word…</translation>
    </message>
    <message>
        <source>Export the shown display to a Word table</source>
        <translation>Ekspor display yang ditampilkan ke tabel Word</translation>
    </message>
    <message>
        <source>Pseudonymise exports: on</source>
        <translation>Samarkan ekspor: aktif</translation>
    </message>
    <message>
        <source>Pseudonymise exports: off</source>
        <translation>Samarkan ekspor: nonaktif</translation>
    </message>
    <message>
        <source>Memos beside excerpts: on</source>
        <translation>Memo di samping kutipan: aktif</translation>
    </message>
    <message>
        <source>Memos beside excerpts: off</source>
        <translation>Memo di samping kutipan: nonaktif</translation>
    </message>
    <message>
        <source>Code memos in excerpt exports: on</source>
        <translation>Memo kode dalam ekspor kutipan: aktif</translation>
    </message>
    <message>
        <source>Code memos in excerpt exports: off</source>
        <translation>Memo kode dalam ekspor kutipan: nonaktif</translation>
    </message>
    <message>
        <source>&amp;Pseudonymise exports</source>
        <translation>&amp;Samarkan ekspor</translation>
    </message>
    <message>
        <source>Replace every identity register entry in the following exports and check each file for leaks</source>
        <translation>Ganti setiap entri daftar identitas pada ekspor berikutnya dan periksa setiap berkas dari kebocoran</translation>
    </message>
    <message>
        <source>&amp;Memos beside excerpts</source>
        <translation>&amp;Memo di samping kutipan</translation>
    </message>
    <message>
        <source>Print the memos written on each coding under its excerpt (a column in Excel) in the following exports</source>
        <translation>Cetak memo pada setiap pengodean di bawah kutipannya (satu kolom di Excel) pada ekspor berikutnya</translation>
    </message>
    <message>
        <source>Code memos in excerpt exports</source>
        <translation>Memo kode dalam ekspor kutipan</translation>
    </message>
    <message>
        <source>Print the memos written on each code under its heading (a column in Excel) in the following exports</source>
        <translation>Cetak memo pada setiap kode di bawah judulnya (satu kolom di Excel) pada ekspor berikutnya</translation>
    </message>
    <message>
        <source>Excerpts of the selected code to &amp;Word…</source>
        <translation>Kutipan kode terpilih ke &amp;Word…</translation>
    </message>
    <message>
        <source>Every passage of the code and its sub-codes, grouped by case and cited, as a Word document</source>
        <translation>Semua bagian teks dari kode dan subkodenya, dikelompokkan per kasus dan disertai rujukan sumber, sebagai dokumen Word</translation>
    </message>
    <message>
        <source>&amp;Appendix of all codes (Word)…</source>
        <translation>&amp;Lampiran semua kode (Word)…</translation>
    </message>
    <message>
        <source>One lampiran: every code&apos;s excerpts, grouped by code then case, cited</source>
        <translation>Satu lampiran: kutipan setiap kode, dikelompokkan menurut kode lalu kasus, dengan sitasi</translation>
    </message>
    <message>
        <source>Excerpts of the selected code to &amp;Excel…</source>
        <translation>Kutipan kode terpilih ke &amp;Excel…</translation>
    </message>
    <message>
        <source>One row per excerpt with its case, source and attributes, as an Excel workbook</source>
        <translation>Satu baris per kutipan beserta kasus, sumber, dan atributnya, sebagai buku kerja Excel</translation>
    </message>
    <message>
        <source>Project &amp;report (Word)…</source>
        <translation>&amp;Laporan proyek (Word)…</translation>
    </message>
    <message>
        <source>Sources, cases, codebook and coded excerpts in one document</source>
        <translation>Sumber, kasus, buku kode, dan kutipan berkode dalam satu dokumen</translation>
    </message>
    <message>
        <source>&amp;Codebook…</source>
        <translation>&amp;Buku kode…</translation>
    </message>
    <message>
        <source>The codebook as a codebook file (.yaml), an Excel sheet or a Word table</source>
        <translation>Buku kode sebagai berkas buku kode (.yaml), lembar Excel, atau tabel Word</translation>
    </message>
    <message>
        <source>REFI-QDA &amp;project (.qdpx)…</source>
        <translation>&amp;Proyek REFI-QDA (.qdpx)…</translation>
    </message>
    <message>
        <source>The whole project for NVivo, ATLAS.ti, MAXQDA and other REFI-QDA tools</source>
        <translation>Seluruh proyek untuk NVivo, ATLAS.ti, MAXQDA, dan perangkat lunak REFI-QDA lainnya</translation>
    </message>
    <message>
        <source>REFI-QDA project for &amp;NVivo (.qdpx)…</source>
        <translation>Proyek REFI-QDA untuk &amp;NVivo (.qdpx)…</translation>
    </message>
    <message>
        <source>The whole project with selection positions counted the way NVivo counts them (UTF-16 units)</source>
        <translation>Seluruh proyek dengan posisi seleksi dihitung seperti cara NVivo menghitungnya (unit UTF-16)</translation>
    </message>
    <message>
        <source>REFI-QDA code&amp;book (.qdc)…</source>
        <translation>Buku &amp;kode REFI-QDA (.qdc)…</translation>
    </message>
    <message>
        <source>The codes and code sets for other REFI-QDA tools</source>
        <translation>Kode dan set kode untuk perangkat lunak REFI-QDA lain</translation>
    </message>
    <message>
        <source>Import a REFI-QDA &amp;project (.qdpx)…</source>
        <translation>Impor p&amp;royek REFI-QDA (.qdpx)…</translation>
    </message>
    <message>
        <source>A project from NVivo, ATLAS.ti, MAXQDA…: merged into this project or made a new one</source>
        <translation>Proyek dari NVivo, ATLAS.ti, MAXQDA…: digabungkan ke proyek ini atau dijadikan proyek baru</translation>
    </message>
    <message>
        <source>Import a REFI-QDA code&amp;book (.qdc)…</source>
        <translation>Impor buku k&amp;ode REFI-QDA (.qdc)…</translation>
    </message>
    <message>
        <source>Add the codes of a REFI-QDA codebook (codes already here are matched, not doubled)</source>
        <translation>Tambahkan kode dari buku kode REFI-QDA (kode yang sudah ada dicocokkan, tidak digandakan)</translation>
    </message>
    <message>
        <source>&amp;Search the project…</source>
        <translation>Cari di &amp;seluruh proyek…</translation>
    </message>
    <message>
        <source>Find words in every source, read them in context and code them</source>
        <translation>Cari kata di semua sumber, baca dalam konteksnya, lalu kode</translation>
    </message>
    <message>
        <source>Open a &amp;team project on a server…</source>
        <translation>Buka proyek ti&amp;m di server…</translation>
    </message>
    <message>
        <source>Open a project kept on a PostgreSQL server, to code with your team</source>
        <translation>Buka proyek yang disimpan di server PostgreSQL untuk mengode bersama tim Anda</translation>
    </message>
    <message>
        <source>Comment on the code…</source>
        <translation>Komentari kode…</translation>
    </message>
    <message>
        <source>Leave a review comment on the current code</source>
        <translation>Tulis komentar tinjauan pada kode yang dipilih</translation>
    </message>
    <message>
        <source>Comment on the coding at the cursor…</source>
        <translation>Komentari pengodean di posisi kursor…</translation>
    </message>
    <message>
        <source>Leave a review comment on a coded passage</source>
        <translation>Tulis komentar tinjauan pada bagian teks yang dikode</translation>
    </message>
    <message>
        <source>Comment on the conclusion…</source>
        <translation>Komentari kesimpulan…</translation>
    </message>
    <message>
        <source>Leave a review comment on the conclusion chosen in its pane</source>
        <translation>Tulis komentar tinjauan pada kesimpulan yang dipilih di panelnya</translation>
    </message>
    <message>
        <source>Comment on the selected text…</source>
        <translation>Komentari teks yang dipilih…</translation>
    </message>
    <message>
        <source>Leave a review comment on the selected passage</source>
        <translation>Beri komentar tinjauan pada bagian teks yang dipilih</translation>
    </message>
    <message>
        <source>Comment on the display cell…</source>
        <translation>Komentari sel tampilan…</translation>
    </message>
    <message>
        <source>Leave a review comment on the cell opened in the Displays pane</source>
        <translation>Beri komentar tinjauan pada sel yang dibuka di panel Tampilan</translation>
    </message>
    <message>
        <source>Comment on the cell summary…</source>
        <translation>Komentari ringkasan sel…</translation>
    </message>
    <message>
        <source>Leave a review comment on the summary of the opened cell</source>
        <translation>Beri komentar tinjauan pada ringkasan sel yang dibuka</translation>
    </message>
    <message>
        <source>Review comments</source>
        <translation>Komentar tinjauan</translation>
    </message>
    <message>
        <source>List the supervisor&apos;s comments and resolve them</source>
        <translation>Daftar komentar pembimbing dan selesaikan</translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation>Pulihkan dari &amp;cadangan…</translation>
    </message>
    <message>
        <source>Replace a project with one of its automatic backup copies</source>
        <translation>Ganti proyek dengan salah satu salinan cadangan otomatisnya</translation>
    </message>
    <message>
        <source>&amp;Cases and attributes</source>
        <translation>&amp;Kasus dan atribut</translation>
    </message>
    <message>
        <source>Edit the cases and their attributes (Jabatan, Instansi…)</source>
        <translation>Sunting kasus dan atributnya (Jabatan, Instansi…)</translation>
    </message>
    <message>
        <source>Review &amp;speakers</source>
        <translation>Periksa &amp;pembicara</translation>
    </message>
    <message>
        <source>List the speaker turns of the open source and fix them</source>
        <translation>Tampilkan giliran bicara sumber yang terbuka dan perbaiki</translation>
    </message>
    <message>
        <source>&amp;Figures (cluster, hierarchy, comparison)</source>
        <translation>&amp;Gambar (klaster, hierarki, perbandingan)</translation>
    </message>
    <message>
        <source>Concept &amp;maps</source>
        <translation>Peta &amp;konsep</translation>
    </message>
    <message>
        <source>New &amp;memo…</source>
        <translation>&amp;Memo baru…</translation>
    </message>
    <message>
        <source>New &amp;journal entry…</source>
        <translation>Entri &amp;jurnal baru…</translation>
    </message>
    <message>
        <source>Edit source &amp;text…</source>
        <translation>Sunting &amp;teks sumber…</translation>
    </message>
    <message>
        <source>Mark edited coding &amp;reviewed</source>
        <translation>Tandai pengodean yang disunting sudah &amp;ditinjau</translation>
    </message>
    <message>
        <source>The text under this coding was corrected after coding; mark it as checked</source>
        <translation>Teks di bawah pengodean ini diperbaiki setelah dikode; tandai sudah diperiksa</translation>
    </message>
    <message>
        <source>Coded &amp;transcript…</source>
        <translation>&amp;Transkrip terkode…</translation>
    </message>
    <message>
        <source>&amp;Identity register (pseudonymisation)…</source>
        <translation>Daftar &amp;identitas (penyamaran)…</translation>
    </message>
    <message>
        <source>Names, posts, institutions and places that pseudonymised exports replace</source>
        <translation>Nama, jabatan, instansi dan tempat yang diganti dalam ekspor yang disamarkan</translation>
    </message>
    <message>
        <source>Add selection to the &amp;identity register…</source>
        <translation>Tambahkan pilihan ke daftar &amp;identitas…</translation>
    </message>
    <message>
        <source>The selected name or place is replaced in pseudonymised exports</source>
        <translation>Nama atau tempat yang dipilih diganti dalam ekspor yang disamarkan</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Riwayat</translation>
    </message>
    <message>
        <source>Who changed what and when, with what each step touched</source>
        <translation>Siapa mengubah apa dan kapan, beserta yang diubah setiap langkah</translation>
    </message>
    <message>
        <source>Co&amp;mpare with another version…</source>
        <translation>Band&amp;ingkan dengan versi lain…</translation>
    </message>
    <message>
        <source>List codes, codings, summaries and conclusions changed since another copy</source>
        <translation>Daftar kode, pengodean, ringkasan dan kesimpulan yang berubah sejak salinan lain</translation>
    </message>
    <message>
        <source>&amp;Review report…</source>
        <translation>Laporan &amp;bimbingan…</translation>
    </message>
    <message>
        <source>Every comment thread with its quoted text, for the bimbingan log</source>
        <translation>Setiap utas komentar beserta teks kutipannya, untuk log bimbingan</translation>
    </message>
    <message>
        <source>&amp;Merge a reviewed copy…</source>
        <translation>&amp;Gabungkan salinan hasil tinjauan…</translation>
    </message>
    <message>
        <source>Bring the supervisor&apos;s comments, replies, resolutions and check codings from a returned copy into this project</source>
        <translation>Masukkan komentar, balasan, penyelesaian dan pengodean pemeriksaan pembimbing dari salinan yang dikembalikan ke proyek ini</translation>
    </message>
    <message>
        <source>Outlie&amp;rs and extreme cases…</source>
        <translation>Kasus pe&amp;ncilan dan ekstrem…</translation>
    </message>
    <message>
        <source>Cases whose code profile deviates most, with evidence</source>
        <translation>Kasus yang profil kodenya paling menyimpang, beserta buktinya</translation>
    </message>
</context>
<context>
    <name>displays</name>
    <message>
        <source>Coding matrix (codes × cases)</source>
        <translation>Matriks pengodean (kode × kasus)</translation>
    </message>
    <message>
        <source>Framework matrix (cases × themes, summaries)</source>
        <translation>Matriks kerangka (kasus × tema, ringkasan)</translation>
    </message>
    <message>
        <source>Checklist matrix (components × informants)</source>
        <translation>Matriks daftar periksa (komponen × informan)</translation>
    </message>
    <message>
        <source>Role-ordered matrix</source>
        <translation>Matriks tertata menurut peran</translation>
    </message>
    <message>
        <source>Time-ordered matrix</source>
        <translation>Matriks tertata menurut waktu</translation>
    </message>
    <message>
        <source>Conceptually clustered matrix</source>
        <translation>Matriks terkelompok secara konseptual</translation>
    </message>
    <message>
        <source>Case-ordered meta-matrix</source>
        <translation>Meta-matriks tertata menurut kasus</translation>
    </message>
    <message>
        <source>Effects matrix</source>
        <translation>Matriks efek</translation>
    </message>
    <message>
        <source>Code co-occurrence</source>
        <translation>Kemunculan bersama kode</translation>
    </message>
    <message>
        <source>Supporting and inhibiting factors</source>
        <translation>Faktor pendukung dan penghambat</translation>
    </message>
    <message>
        <source>Data coverage (gaps in the evidence)</source>
        <translation>Cakupan data (celah dalam bukti)</translation>
    </message>
    <message>
        <source>Event listing (domains × event dates)</source>
        <translation>Daftar peristiwa (domain × tanggal peristiwa)</translation>
    </message>
    <message>
        <source>Explanatory effects matrix</source>
        <translation>Matriks efek eksplanatori</translation>
    </message>
    <message>
        <source>Contrast table (extreme cases)</source>
        <translation>Tabel kontras (kasus ekstrem)</translation>
    </message>
    <message>
        <source>Predictor–outcome matrix</source>
        <translation>Matriks prediktor–hasil</translation>
    </message>
    <message>
        <source>Case dynamics matrix</source>
        <translation>Matriks dinamika kasus</translation>
    </message>
    <message>
        <source>Contact summary form</source>
        <translation>Formulir ringkasan kontak</translation>
    </message>
    <message>
        <source>T&amp;hemes</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>Dime&amp;nsions</source>
        <translation>D&amp;imensi</translation>
    </message>
    <message>
        <source>Outcome&amp;s</source>
        <translation>Has&amp;il</translation>
    </message>
    <message>
        <source>Group&amp;s (each with its sub-codes)</source>
        <translation>Kel&amp;ompok (masing-masing dengan subkodenya)</translation>
    </message>
    <message>
        <source>I&amp;nterventions</source>
        <translation>I&amp;ntervensi</translation>
    </message>
    <message>
        <source>Problems (&amp;demands)</source>
        <translation>Masalah (&amp;tuntutan)</translation>
    </message>
    <message>
        <source>&amp;Predictors</source>
        <translation>&amp;Prediktor</translation>
    </message>
    <message>
        <source>Role attribute</source>
        <translation>Atribut peran</translation>
    </message>
    <message>
        <source>Order cases by</source>
        <translation>Urutkan kasus menurut</translation>
    </message>
    <message>
        <source>Compare groups of</source>
        <translation>Bandingkan kelompok menurut</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Excerpts</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <source>Summaries</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Penilaian</translation>
    </message>
    <message>
        <source>overlap</source>
        <translation>tumpang tindih</translation>
    </message>
    <message>
        <source>near</source>
        <translation>berdekatan</translation>
    </message>
    <message>
        <source>in the same turn</source>
        <translation>dalam giliran bicara yang sama</translation>
    </message>
    <message>
        <source>without</source>
        <translation>tanpa</translation>
    </message>
    <message>
        <source>the coding&apos;s period (else event date, source date)</source>
        <translation>periode pengodean (jika tidak ada: tanggal peristiwa, tanggal sumber)</translation>
    </message>
    <message>
        <source>the event date (else period, source date)</source>
        <translation>tanggal peristiwa (jika tidak ada: periode, tanggal sumber)</translation>
    </message>
    <message>
        <source>the source&apos;s date (interview date)</source>
        <translation>tanggal sumber (tanggal wawancara)</translation>
    </message>
    <message>
        <source>the coding&apos;s own period or event date</source>
        <translation>periode atau tanggal peristiwa pengodean itu sendiri</translation>
    </message>
    <message>
        <source>the coding&apos;s event date</source>
        <translation>tanggal peristiwa pengodean</translation>
    </message>
    <message>
        <source>month</source>
        <translation>bulan</translation>
    </message>
    <message>
        <source>quarter (triwulan)</source>
        <translation>triwulan</translation>
    </message>
    <message>
        <source>year</source>
        <translation>tahun</translation>
    </message>
    <message>
        <source>period as coded</source>
        <translation>periode sesuai pengodean</translation>
    </message>
    <message>
        <source>C&amp;odes</source>
        <translation>K&amp;ode</translation>
    </message>
    <message>
        <source>As the display type sets</source>
        <translation>Sesuai jenis display</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>inadequate</source>
        <translation>kurang</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>sebagian</translation>
    </message>
    <message>
        <source>adequate</source>
        <translation>memadai</translation>
    </message>
    <message>
        <source>not mentioned</source>
        <translation>tidak disebut</translation>
    </message>
    <message>
        <source>early</source>
        <translation>awal</translation>
    </message>
    <message>
        <source>late</source>
        <translation>akhir</translation>
    </message>
    <message>
        <source>no valence</source>
        <translation>tanpa valensi</translation>
    </message>
    <message>
        <source>period</source>
        <translation>periode</translation>
    </message>
    <message>
        <source>event date</source>
        <translation>tanggal peristiwa</translation>
    </message>
    <message>
        <source>source date (interview date)</source>
        <translation>tanggal sumber (tanggal wawancara)</translation>
    </message>
    <message>
        <source>{year} Q{n}</source>
        <translation>{year} triwulan {n}</translation>
    </message>
    <message>
        <source>{year} H{n}</source>
        <translation>{year} semester {n}</translation>
    </message>
    <message>
        <source>{n} of {total} without a time: no {missing}</source>
        <translation>{n} dari {total} tanpa waktu: tidak ada {missing}</translation>
    </message>
    <message>
        <source>{n} of {total} ordered by {field}: no {missing}</source>
        <translation>{n} dari {total} diurutkan menurut {field}: tidak ada {missing}</translation>
    </message>
    <message>
        <source>direct effect</source>
        <translation>efek langsung</translation>
    </message>
    <message>
        <source>meta-effect</source>
        <translation>meta-efek</translation>
    </message>
    <message>
        <source>side effect</source>
        <translation>efek samping</translation>
    </message>
    <message>
        <source>codings</source>
        <translation>pengodean</translation>
    </message>
    <message>
        <source>sources</source>
        <translation>sumber</translation>
    </message>
    <message>
        <source>cases</source>
        <translation>kasus</translation>
    </message>
    <message>
        <source>characters coded</source>
        <translation>karakter berkode</translation>
    </message>
    <message>
        <source>evidence weight (strong 3, moderate 2, weak 1)</source>
        <translation>bobot bukti (kuat 3, sedang 2, lemah 1)</translation>
    </message>
    <message>
        <source>Export the display to Excel</source>
        <translation>Ekspor display ke Excel</translation>
    </message>
    <message>
        <source>Export the display to Word</source>
        <translation>Ekspor display ke Word</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>The text has characters the viewer cannot show at fixed offsets.</source>
        <translation>Teks memuat karakter yang tidak dapat ditampilkan penampil pada posisi tetap.</translation>
    </message>
    <message>
        <source>Agreement is measured per {allowed}, not &apos;{value}&apos;.</source>
        <translation>Kesepakatan diukur per {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Agreement is computed over {allowed}, not &apos;{value}&apos;.</source>
        <translation>Kesepakatan dihitung atas {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Agreement needs at least two coders.</source>
        <translation>Kesepakatan memerlukan paling sedikit dua pengode.</translation>
    </message>
    <message>
        <source>This project has no check sample: draw one first.</source>
        <translation>Proyek ini belum memiliki sampel pemeriksaan: ambil sampel terlebih dahulu.</translation>
    </message>
    <message>
        <source>There is no coder named &apos;{name}&apos;.</source>
        <translation>Tidak ada pengode bernama &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>Unknown display dimension &apos;{kind}&apos;.</source>
        <translation>Dimensi display &apos;{kind}&apos; tidak dikenal.</translation>
    </message>
    <message>
        <source>There is no attribute named &apos;{name}&apos;.</source>
        <translation>Tidak ada atribut bernama &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>Periods are bucketed by {allowed}, not &apos;{value}&apos;.</source>
        <translation>Periode dikelompokkan per {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>An early/late split needs a cutoff date (YYYY-MM-DD).</source>
        <translation>Pembagian awal/akhir memerlukan tanggal batas (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>There is no code with id {id}.</source>
        <translation>Tidak ada kode dengan id {id}.</translation>
    </message>
    <message>
        <source>There is no conclusion with id {id}.</source>
        <translation>Tidak ada kesimpulan dengan id {id}.</translation>
    </message>
    <message>
        <source>A conclusion is {allowed}, not &apos;{value}&apos;.</source>
        <translation>Kesimpulan berupa {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>A conclusion needs a text.</source>
        <translation>Kesimpulan memerlukan teks.</translation>
    </message>
    <message>
        <source>The display has no cell &apos;{row}&apos; × &apos;{column}&apos;.</source>
        <translation>Display tidak memiliki sel &apos;{row}&apos; × &apos;{column}&apos;.</translation>
    </message>
    <message>
        <source>There is no coding with id {id}.</source>
        <translation>Tidak ada pengodean dengan id {id}.</translation>
    </message>
    <message>
        <source>That cell has no draft summary to accept.</source>
        <translation>Sel itu tidak memiliki draf ringkasan untuk diterima.</translation>
    </message>
    <message>
        <source>Coding {id} is not evidence of this cell.</source>
        <translation>Pengodean {id} bukan bukti sel ini.</translation>
    </message>
    <message>
        <source>That cell&apos;s rating is not overridden.</source>
        <translation>Penilaian sel itu tidak diganti.</translation>
    </message>
    <message>
        <source>Evidence is {allowed}, not &apos;{value}&apos;.</source>
        <translation>Bukti berupa {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>The conclusion is already linked to that part.</source>
        <translation>Kesimpulan itu sudah ditautkan ke bagian tersebut.</translation>
    </message>
    <message>
        <source>Those codings are not evidence of this conclusion.</source>
        <translation>Pengodean tersebut bukan bukti kesimpulan ini.</translation>
    </message>
    <message>
        <source>Coding {id} is not evidence of this conclusion.</source>
        <translation>Pengodean {id} bukan bukti kesimpulan ini.</translation>
    </message>
    <message>
        <source>That display is not linked to this conclusion.</source>
        <translation>Display itu tidak ditautkan ke kesimpulan ini.</translation>
    </message>
    <message>
        <source>There is no memo with id {id}.</source>
        <translation>Tidak ada memo dengan id {id}.</translation>
    </message>
    <message>
        <source>That memo is already linked.</source>
        <translation>Memo itu sudah ditautkan.</translation>
    </message>
    <message>
        <source>Memo {id} is not linked to this conclusion.</source>
        <translation>Memo {id} tidak ditautkan ke kesimpulan ini.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a code id.</source>
        <translation>&apos;{value}&apos; bukan id kode.</translation>
    </message>
    <message>
        <source>A checklist needs a variable or its components.</source>
        <translation>Matriks checklist memerlukan variabel atau komponennya.</translation>
    </message>
    <message>
        <source>Name at least one group of codes.</source>
        <translation>Sebutkan paling sedikit satu kelompok kode.</translation>
    </message>
    <message>
        <source>An effects matrix needs either a group attribute or a cutoff date.</source>
        <translation>Matriks efek memerlukan atribut kelompok atau tanggal batas.</translation>
    </message>
    <message>
        <source>Unknown display &apos;{type}&apos; (use {allowed}).</source>
        <translation>Display &apos;{type}&apos; tidak dikenal (gunakan {allowed}).</translation>
    </message>
    <message>
        <source>A checklist needs a code with sub-codes.</source>
        <translation>Matriks checklist memerlukan kode yang memiliki subkode.</translation>
    </message>
    <message>
        <source>This display needs a case attribute holding roles.</source>
        <translation>Display ini memerlukan atribut kasus yang berisi jabatan/peran.</translation>
    </message>
    <message>
        <source>Name the case attribute to order the cases by.</source>
        <translation>Sebutkan atribut kasus untuk mengurutkan kasus.</translation>
    </message>
    <message>
        <source>A relation between codes needs codes on both axes.</source>
        <translation>Relasi antarkode memerlukan kode pada kedua sumbu.</translation>
    </message>
    <message>
        <source>{file} could not be written ({reason}).</source>
        <translation>{file} tidak dapat ditulis ({reason}).</translation>
    </message>
    <message>
        <source>Unknown relation &apos;{op}&apos; (use {allowed}).</source>
        <translation>Relasi &apos;{op}&apos; tidak dikenal (gunakan {allowed}).</translation>
    </message>
    <message>
        <source>There is no comment with id {id}.</source>
        <translation>Tidak ada komentar dengan id {id}.</translation>
    </message>
    <message>
        <source>The display has no cell at row &apos;{row}&apos; and column &apos;{column}&apos;.</source>
        <translation>Tampilan tidak memiliki sel pada baris &apos;{row}&apos; dan kolom &apos;{column}&apos;.</translation>
    </message>
    <message>
        <source>Comments can be on {allowed}, not &apos;{value}&apos;.</source>
        <translation>Komentar dapat diberikan pada {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>An excerpt comment needs a range inside {source}.</source>
        <translation>Komentar pada kutipan memerlukan rentang di dalam {source}.</translation>
    </message>
    <message>
        <source>A comment on an unsaved display needs its spec.</source>
        <translation>Komentar pada tampilan yang belum disimpan memerlukan spesifikasinya.</translation>
    </message>
    <message>
        <source>There is no map named &apos;{name}&apos;.</source>
        <translation>Tidak ada peta bernama &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>Choose nodes to move.</source>
        <translation>Pilih kotak yang akan dipindahkan.</translation>
    </message>
    <message>
        <source>Choose nodes to remove.</source>
        <translation>Pilih kotak yang akan dihapus.</translation>
    </message>
    <message>
        <source>A link&apos;s relation is one of {allowed}, not &apos;{value}&apos;.</source>
        <translation>Relasi tautan harus salah satu dari {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>A link joins two different nodes.</source>
        <translation>Tautan menghubungkan dua kotak yang berbeda.</translation>
    </message>
    <message>
        <source>Both nodes must be on one map.</source>
        <translation>Kedua kotak harus berada di satu peta.</translation>
    </message>
    <message>
        <source>There is no map link with id {id}.</source>
        <translation>Tidak ada tautan peta dengan id {id}.</translation>
    </message>
    <message>
        <source>Coding {id} is not evidence of this arrow.</source>
        <translation>Pengodean {id} bukan bukti panah ini.</translation>
    </message>
    <message>
        <source>Nothing to change.</source>
        <translation>Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>A map needs a name.</source>
        <translation>Peta memerlukan nama.</translation>
    </message>
    <message>
        <source>A map named &apos;{name}&apos; already exists.</source>
        <translation>Peta bernama &apos;{name}&apos; sudah ada.</translation>
    </message>
    <message>
        <source>There is no map with id {id}.</source>
        <translation>Tidak ada peta dengan id {id}.</translation>
    </message>
    <message>
        <source>There is no map node with id {id}.</source>
        <translation>Tidak ada kotak peta dengan id {id}.</translation>
    </message>
    <message>
        <source>A map node is one of {allowed}, not &apos;{value}&apos;.</source>
        <translation>Kotak peta harus salah satu dari {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>Catatan memerlukan teks.</translation>
    </message>
    <message>
        <source>There is no {target} with id {id}.</source>
        <translation>Tidak ada {target} dengan id {id}.</translation>
    </message>
    <message>
        <source>A comment on a cell needs its row and column keys.</source>
        <translation>Komentar pada sel memerlukan kunci baris dan kolomnya.</translation>
    </message>
    <message>
        <source>A comment needs a text.</source>
        <translation>Komentar memerlukan teks.</translation>
    </message>
    <message>
        <source>A comment is {allowed}, not &apos;{value}&apos;.</source>
        <translation>Komentar berupa {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>There is no saved display named &apos;{name}&apos;.</source>
        <translation>Tidak ada display tersimpan bernama &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>There is no saved display with id {id}.</source>
        <translation>Tidak ada display tersimpan dengan id {id}.</translation>
    </message>
    <message>
        <source>A display needs a name.</source>
        <translation>Display memerlukan nama.</translation>
    </message>
    <message>
        <source>A display named &apos;{name}&apos; already exists.</source>
        <translation>Display bernama &apos;{name}&apos; sudah ada.</translation>
    </message>
    <message>
        <source>Unknown display dimension &apos;{kind}&apos; (use {allowed}).</source>
        <translation>Dimensi display &apos;{kind}&apos; tidak dikenal (gunakan {allowed}).</translation>
    </message>
    <message>
        <source>Cells can show {allowed}, not &apos;{value}&apos;.</source>
        <translation>Sel dapat menampilkan {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>A count can count {allowed}, not &apos;{value}&apos;.</source>
        <translation>Hitungan dapat menghitung {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Not a display specification ({reason}).</source>
        <translation>Bukan spesifikasi display ({reason}).</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>angka</translation>
    </message>
    <message>
        <source>a date (YYYY-MM-DD)</source>
        <translation>tanggal (YYYY-MM-DD)</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of the values of {name}: {allowed}.</source>
        <translation>&apos;{value}&apos; bukan salah satu nilai {name}: {allowed}.</translation>
    </message>
    <message>
        <source>{name} must be {expected}; &apos;{value}&apos; is not.</source>
        <translation>{name} harus berupa {expected}; &apos;{value}&apos; bukan.</translation>
    </message>
    <message>
        <source>An attribute needs a name.</source>
        <translation>Atribut memerlukan nama.</translation>
    </message>
    <message>
        <source>Attributes belong to cases or sources, not &apos;{owner}&apos;.</source>
        <translation>Atribut dimiliki kasus atau sumber, bukan &apos;{owner}&apos;.</translation>
    </message>
    <message>
        <source>Attribute type must be one of {allowed}.</source>
        <translation>Jenis atribut harus salah satu dari {allowed}.</translation>
    </message>
    <message>
        <source>An attribute named &apos;{name}&apos; already exists.</source>
        <translation>Atribut bernama &apos;{name}&apos; sudah ada.</translation>
    </message>
    <message>
        <source>Values still in use would be dropped: {values}.</source>
        <translation>Nilai yang masih digunakan akan terhapus: {values}.</translation>
    </message>
    <message>
        <source>Give either a case or a source for the value.</source>
        <translation>Tentukan kasus atau sumber untuk nilai ini.</translation>
    </message>
    <message>
        <source>{name} is an attribute of {owner}s.</source>
        <translation>{name} adalah atribut {owner}.</translation>
    </message>
    <message>
        <source>There is no attribute with id {id}.</source>
        <translation>Tidak ada atribut dengan id {id}.</translation>
    </message>
    <message>
        <source>There is no case named &apos;{name}&apos;.</source>
        <translation>Tidak ada kasus bernama &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>Cases have no field(s) {fields}.</source>
        <translation>Kasus tidak memiliki isian {fields}.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; cannot be placed inside itself.</source>
        <translation>&apos;{name}&apos; tidak dapat ditempatkan di dalam dirinya sendiri.</translation>
    </message>
    <message>
        <source>There is no source with id {id}.</source>
        <translation>Tidak ada sumber dengan id {id}.</translation>
    </message>
    <message>
        <source>The range {start}–{end} is not inside the text.</source>
        <translation>Rentang {start}–{end} tidak berada di dalam teks.</translation>
    </message>
    <message>
        <source>There is no case link with id {id}.</source>
        <translation>Tidak ada tautan kasus dengan id {id}.</translation>
    </message>
    <message>
        <source>A case needs a name.</source>
        <translation>Kasus memerlukan nama.</translation>
    </message>
    <message>
        <source>Case kind must be one of {allowed}, not &apos;{kind}&apos;.</source>
        <translation>Jenis kasus harus salah satu dari {allowed}, bukan &apos;{kind}&apos;.</translation>
    </message>
    <message>
        <source>A case named &apos;{name}&apos; already exists.</source>
        <translation>Kasus bernama &apos;{name}&apos; sudah ada.</translation>
    </message>
    <message>
        <source>There is no case with id {id}.</source>
        <translation>Tidak ada kasus dengan id {id}.</translation>
    </message>
    <message>
        <source>{file}: no column names the cases (looked for {columns}).</source>
        <extracomment>Header names that name the case, tried in this order (case-insensitive).</extracomment>
        <translation>{file}: tidak ada kolom yang menamai kasus (dicari: {columns}).</translation>
    </message>
    <message>
        <source>{file}: the sheet is empty.</source>
        <translation>{file}: lembar kerja kosong.</translation>
    </message>
    <message>
        <source>Export to .yaml, .xlsx or .docx, not &apos;{name}&apos;.</source>
        <translation>Ekspor ke .yaml, .xlsx, atau .docx, bukan &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>Choose the codings to split off.</source>
        <translation>Pilih pengodean yang akan dipisahkan.</translation>
    </message>
    <message>
        <source>Coding {id} is not coded with &apos;{code}&apos;.</source>
        <translation>Pengodean {id} tidak dikode dengan &apos;{code}&apos;.</translation>
    </message>
    <message>
        <source>Select some words to name an in-vivo code.</source>
        <translation>Pilih beberapa kata untuk menamai kode in-vivo.</translation>
    </message>
    <message>
        <source>The project has no codes from codebook &apos;{name}&apos;.</source>
        <translation>Proyek tidak memiliki kode dari buku kode &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>The project has no codes to export.</source>
        <translation>Proyek tidak memiliki kode untuk diekspor.</translation>
    </message>
    <message>
        <source>Codebook file {file} does not exist.</source>
        <translation>Berkas buku kode {file} tidak ada.</translation>
    </message>
    <message>
        <source>{file}: QualCode loads codebooks from .yaml, .xlsx, .csv and .docx files; save it in one of these formats (a REFI-QDA .qdc codebook is imported with &apos;qualcode refi import&apos; or File › Import a REFI-QDA codebook).</source>
        <translation>{file}: QualCode memuat buku kode dari berkas .yaml, .xlsx, .csv, dan .docx; simpan dalam salah satu format ini (buku kode REFI-QDA .qdc diimpor dengan &apos;qualcode refi import&apos; atau Berkas › Impor buku kode REFI-QDA).</translation>
    </message>
    <message>
        <source>{file}, line {line}: cannot be read ({reason}).</source>
        <translation>{file}, baris {line}: tidak dapat dibaca ({reason}).</translation>
    </message>
    <message>
        <source>No codebook &apos;{name}&apos; (looked in {folder}).</source>
        <translation>Buku kode &apos;{name}&apos; tidak ditemukan (dicari di {folder}).</translation>
    </message>
    <message>
        <source>{file}, line {line}: {message}</source>
        <translation>{file}, baris {line}: {message}</translation>
    </message>
    <message>
        <source>Codebook &apos;{codebook}&apos; has no texts in &apos;{language}&apos;.</source>
        <translation>Buku kode &apos;{codebook}&apos; tidak memiliki teks dalam &apos;{language}&apos;.</translation>
    </message>
    <message>
        <source>&apos;{color}&apos; is not a colour; use the form #RRGGBB.</source>
        <translation>&apos;{color}&apos; bukan warna; gunakan bentuk #RRGGBB.</translation>
    </message>
    <message>
        <source>A code needs a name.</source>
        <translation>Kode memerlukan nama.</translation>
    </message>
    <message>
        <source>A code name cannot contain &apos;/&apos;: &apos;{name}&apos;.</source>
        <translation>Nama kode tidak boleh memuat &apos;/&apos;: &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>No code was named.</source>
        <translation>Tidak ada kode yang disebutkan.</translation>
    </message>
    <message>
        <source>There is no code named &apos;{name}&apos;. Did you mean: {close}?</source>
        <translation>Tidak ada kode bernama &apos;{name}&apos;. Maksud Anda: {close}?</translation>
    </message>
    <message>
        <source>There is no code named &apos;{name}&apos;.</source>
        <translation>Tidak ada kode bernama &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>Several codes are named &apos;{name}&apos;: {paths}. Give the full path.</source>
        <translation>Beberapa kode bernama &apos;{name}&apos;: {paths}. Tuliskan jalur lengkapnya.</translation>
    </message>
    <message>
        <source>Codes have no field(s) {fields}.</source>
        <translation>Kode tidak memiliki isian {fields}.</translation>
    </message>
    <message>
        <source>Someone else changed the code {code} while you edited it. Reload the code and apply your change again.</source>
        <translation>Orang lain mengubah kode {code} saat Anda menyuntingnya. Muat ulang kode itu lalu terapkan lagi perubahan Anda.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; cannot be moved under itself or its own sub-code.</source>
        <translation>&apos;{name}&apos; tidak dapat dipindahkan ke bawah dirinya sendiri atau subkodenya.</translation>
    </message>
    <message>
        <source>Choose codes to merge.</source>
        <translation>Pilih kode yang akan digabungkan.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; cannot be merged into its own sub-code.</source>
        <translation>&apos;{name}&apos; tidak dapat digabungkan ke dalam subkodenya sendiri.</translation>
    </message>
    <message>
        <source>Choose codes to move.</source>
        <translation>Pilih kode yang akan dipindahkan.</translation>
    </message>
    <message>
        <source>A link needs either a target code or a reference.</source>
        <translation>Tautan memerlukan kode tujuan atau rujukan.</translation>
    </message>
    <message>
        <source>A code cannot be linked to itself.</source>
        <translation>Kode tidak dapat ditautkan ke dirinya sendiri.</translation>
    </message>
    <message>
        <source>There is no code link with id {id}.</source>
        <translation>Tidak ada tautan kode dengan id {id}.</translation>
    </message>
    <message>
        <source>A code named &apos;{name}&apos; already exists there.</source>
        <translation>Kode bernama &apos;{name}&apos; sudah ada di sana.</translation>
    </message>
    <message>
        <source>Codings have no attribute(s) {names}.</source>
        <translation>Pengodean tidak memiliki atribut {names}.</translation>
    </message>
    <message>
        <source>Valence must be one of {allowed}, not &apos;{value}&apos;.</source>
        <translation>Valensi harus salah satu dari {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>A decision rule needs some text.</source>
        <translation>Aturan keputusan harus berisi teks.</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date (YYYY-MM-DD).</source>
        <translation>&apos;{value}&apos; bukan tanggal (YYYY-MM-DD).</translation>
    </message>
    <message>
        <source>There is no decision rule with id {id}.</source>
        <translation>Tidak ada aturan keputusan dengan id {id}.</translation>
    </message>
    <message>
        <source>Choose at least one code.</source>
        <translation>Pilih paling sedikit satu kode.</translation>
    </message>
    <message>
        <source>Choose codings to remove.</source>
        <translation>Pilih pengodean yang akan dihapus.</translation>
    </message>
    <message>
        <source>Choose codings to mark reviewed.</source>
        <translation>Pilih pengodean yang akan ditandai sudah ditinjau.</translation>
    </message>
    <message>
        <source>This passage already has that code from the same coder at exactly that range.</source>
        <translation>Bagian teks ini sudah memiliki kode tersebut dari pengode yang sama pada rentang yang persis sama.</translation>
    </message>
    <message>
        <source>The range {start}–{end} is not inside the text (0–{length}); a coding needs start &lt; end within the text.</source>
        <translation>Rentang {start}–{end} tidak berada di dalam teks (0–{length}); pengodean memerlukan awal &lt; akhir di dalam teks.</translation>
    </message>
    <message>
        <source>{file}, line {line}: {problem}</source>
        <translation>{file}, baris {line}: {problem}</translation>
    </message>
    <message>
        <source>There is no set named &apos;{name}&apos;.</source>
        <translation>Tidak ada set bernama &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>A set needs a name.</source>
        <translation>Set memerlukan nama.</translation>
    </message>
    <message>
        <source>A set named &apos;{name}&apos; already exists.</source>
        <translation>Set bernama &apos;{name}&apos; sudah ada.</translation>
    </message>
    <message>
        <source>There is no {kind} with id {id}.</source>
        <translation>Tidak ada {kind} dengan id {id}.</translation>
    </message>
    <message>
        <source>There is no set with id {id}.</source>
        <translation>Tidak ada set dengan id {id}.</translation>
    </message>
    <message>
        <source>The sample study is missing: {path} does not exist.</source>
        <translation>Studi contoh tidak ditemukan: {path} tidak ada.</translation>
    </message>
    <message>
        <source>{message}</source>
        <translation>{message}</translation>
    </message>
    <message>
        <source>This project was saved by a newer version of QualCode (schema {found}; this version understands up to {supported}). Update QualCode to open it; the file was not changed.</source>
        <translation>Proyek ini disimpan oleh QualCode versi yang lebih baru (skema {found}; versi ini hanya memahami sampai {supported}). Perbarui QualCode untuk membukanya; berkas tidak diubah.</translation>
    </message>
    <message>
        <source>The project is open in another window or on another computer ({owner}). It can be opened read-only.</source>
        <translation>Proyek sedang terbuka di jendela atau komputer lain ({owner}). Proyek dapat dibuka dalam mode hanya-baca.</translation>
    </message>
    <message>
        <source>The project is open read-only; changes cannot be saved.</source>
        <translation>Proyek terbuka dalam mode hanya-baca; perubahan tidak dapat disimpan.</translation>
    </message>
    <message>
        <source>The project is open for review: only review comments and your own codings can change ({what}). Nothing was changed.</source>
        <translation>Proyek dibuka untuk ditinjau: hanya komentar tinjauan dan pengodean Anda sendiri yang dapat diubah ({what}). Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Coding {id} was made by {owner}; confirm before changing another coder&apos;s coding. Nothing was changed.</source>
        <translation>Pengodean {id} dibuat oleh {owner}; konfirmasi dulu sebelum mengubah pengodean milik pengode lain. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Dibatalkan.</translation>
    </message>
    <message>
        <source>Your role ({role}) does not allow this change: {what}.</source>
        <translation>Peran Anda ({role}) tidak mengizinkan perubahan ini: {what}.</translation>
    </message>
    <message>
        <source>The database server refused this for your account: {what}.</source>
        <translation>Server basis data menolak tindakan ini untuk akun Anda: {what}.</translation>
    </message>
    <message>
        <source>{path} is encrypted. Type its password, keep it in the keyring, or set QUALCODE_PASSWORD for scripts.</source>
        <translation>{path} terenkripsi. Ketik kata sandinya, simpan di keyring, atau isi QUALCODE_PASSWORD untuk skrip.</translation>
    </message>
    <message>
        <source>The password does not open {path} (or the file is not a QualCode project). The file was not changed.</source>
        <translation>Kata sandi tidak dapat membuka {path} (atau berkas ini bukan proyek QualCode). Berkas tidak diubah.</translation>
    </message>
    <message>
        <source>The project is busy: {owner} is writing to it. Wait until it finishes (or close the project there) and try again; nothing was changed.</source>
        <translation>Proyek sedang sibuk: {owner} sedang menulis ke dalamnya. Tunggu sampai selesai (atau tutup proyek di sana) lalu coba lagi; tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>{path} is damaged ({reason}). Restore a backup with `qualcode backups restore PROJECT` or File › Restore from backup.</source>
        <translation>{path} rusak ({reason}). Pulihkan cadangan dengan `qualcode backups restore PROJECT` atau Berkas › Pulihkan dari cadangan.</translation>
    </message>
    <message>
        <source>The disk is full: free at least {needed} MB on the drive of {where} and try again. Nothing was changed.</source>
        <translation>Disk penuh: kosongkan setidaknya {needed} MB pada drive {where} lalu coba lagi. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>The server is busy: {reason}. Another member may be holding a lock; try again in a moment. Nothing was changed.</source>
        <translation>Server sedang sibuk: {reason}. Anggota lain mungkin sedang memegang kunci; coba lagi sebentar lagi. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>No backup copy was made this time ({reason}); the project is open and your work is saved as usual. Free some disk space so backups resume.</source>
        <translation>Kali ini tidak ada salinan cadangan yang dibuat ({reason}); proyek terbuka dan pekerjaan Anda tetap tersimpan seperti biasa. Kosongkan sebagian ruang disk agar pencadangan berjalan lagi.</translation>
    </message>
    <message>
        <source>The regular expression was stopped after {seconds} seconds. Patterns with nested repeats such as (\w+\s?)+ can run almost forever; simplify it (for example \w+(\s\w+)*) or search with another mode.</source>
        <translation>Ekspresi reguler dihentikan setelah {seconds} detik. Pola dengan pengulangan bersarang seperti (\w+\s?)+ dapat berjalan hampir tanpa akhir; sederhanakan polanya (misalnya \w+(\s\w+)*) atau cari dengan mode lain.</translation>
    </message>
    <message>
        <source>The team server&apos;s search index did not match the text of {sources} (someone altered it); those sources were indexed again.</source>
        <translation>Indeks pencarian di server tim tidak cocok dengan teks {sources} (ada yang mengubahnya); sumber-sumber itu sudah diindeks ulang.</translation>
    </message>
    <message>
        <source>The team server&apos;s search index did not match the text of {sources} (someone altered it); this computer searches with its own index until an owner runs &apos;qualcode search PROJECT --rebuild-index&apos;.</source>
        <translation>Indeks pencarian di server tim tidak cocok dengan teks {sources} (ada yang mengubahnya); komputer ini mencari dengan indeksnya sendiri sampai seorang pemilik menjalankan &apos;qualcode search PROJECT --rebuild-index&apos;.</translation>
    </message>
    <message>
        <source>{file}: the folder does not exist.</source>
        <translation>{file}: folder tidak ada.</translation>
    </message>
    <message>
        <source>{file}: can only export to {allowed}.</source>
        <translation>{file}: hanya dapat diekspor ke {allowed}.</translation>
    </message>
    <message>
        <source>Table &apos;{title}&apos; needs {rows} rows of {cols} cells.</source>
        <translation>Tabel &apos;{title}&apos; memerlukan {rows} baris berisi {cols} sel.</translation>
    </message>
    <message>
        <source>{file}: {entry} is too large ({size} bytes).</source>
        <translation>{file}: {entry} terlalu besar ({size} bita).</translation>
    </message>
    <message>
        <source>{file}: cannot read {entry} ({reason}).</source>
        <translation>{file}: tidak dapat membaca {entry} ({reason}).</translation>
    </message>
    <message>
        <source>{file}: too many entries in the archive ({count}).</source>
        <translation>{file}: arsip memuat terlalu banyak entri ({count}).</translation>
    </message>
    <message>
        <source>{file}: the archive holds an unsafe path ({entry}); refused.</source>
        <translation>{file}: arsip memuat jalur yang tidak aman ({entry}); ditolak.</translation>
    </message>
    <message>
        <source>{file}: {entry} expands suspiciously ({size} bytes from {packed}); refused as a possible zip bomb.</source>
        <translation>{file}: {entry} mengembang secara mencurigakan ({size} bita dari {packed}); ditolak karena mungkin bom zip.</translation>
    </message>
    <message>
        <source>{file}: the archive would expand to {size} bytes, more than allowed; refused.</source>
        <translation>{file}: arsip akan mengembang menjadi {size} bita, melebihi batas; ditolak.</translation>
    </message>
    <message>
        <source>{file}: the archive holds several project files ({names}).</source>
        <translation>{file}: arsip memuat beberapa berkas proyek ({names}).</translation>
    </message>
    <message>
        <source>{file}: no project file (.qde) found; this is not a REFI-QDA project.</source>
        <translation>{file}: tidak ada berkas proyek (.qde); ini bukan proyek REFI-QDA.</translation>
    </message>
    <message>
        <source>{file}: cannot be opened ({reason}).</source>
        <translation>{file}: tidak dapat dibuka ({reason}).</translation>
    </message>
    <message>
        <source>{file}: not a valid zip archive ({reason}).</source>
        <translation>{file}: bukan arsip zip yang sah ({reason}).</translation>
    </message>
    <message>
        <source>{file}: not a REFI-QDA codebook (root element {root}).</source>
        <translation>{file}: bukan buku kode REFI-QDA (elemen akar {root}).</translation>
    </message>
    <message>
        <source>The codebook has no codes; REFI-QDA needs at least one.</source>
        <translation>Buku kode tidak memiliki kode; REFI-QDA memerlukan paling sedikit satu.</translation>
    </message>
    <message>
        <source>The exported codebook would not be valid REFI-QDA ({problems}); nothing was written.</source>
        <translation>Buku kode hasil ekspor tidak akan menjadi REFI-QDA yang sah ({problems}); tidak ada yang ditulis.</translation>
    </message>
    <message>
        <source>{file}: not a REFI-QDA project (root element {root}){hint}.</source>
        <translation>{file}: bukan proyek REFI-QDA (elemen akar {root}){hint}.</translation>
    </message>
    <message>
        <source>{file}: the XML declares a document type or entities, which REFI-QDA files never do; it was refused for safety.</source>
        <translation>{file}: XML mendeklarasikan tipe dokumen atau entitas, yang tidak pernah dilakukan berkas REFI-QDA; ditolak demi keamanan.</translation>
    </message>
    <message>
        <source>{file}: not a well-formed XML file ({reason}).</source>
        <translation>{file}: bukan berkas XML yang tersusun baik ({reason}).</translation>
    </message>
    <message>
        <source>{file} is larger than the 2 GB REFI-QDA allows for one source file.</source>
        <extracomment>``positions`` values: the standard&apos;s code points, or NVivo&apos;s UTF-16 code units.</extracomment>
        <translation>{file} lebih besar dari 2 GB yang diizinkan REFI-QDA untuk satu berkas sumber.</translation>
    </message>
    <message>
        <source>The project cannot be exported: {problems}.</source>
        <extracomment>XML of each bulk section (sources, notes) validated against the schema before the rest of the section is trusted to the same code path.</extracomment>
        <translation>Proyek tidak dapat diekspor: {problems}.</translation>
    </message>
    <message>
        <source>The exported project would not be valid REFI-QDA ({problems}); nothing was written.</source>
        <translation>Proyek hasil ekspor tidak akan menjadi REFI-QDA yang sah ({problems}); tidak ada yang ditulis.</translation>
    </message>
    <message>
        <source>Someone else changed this memo while you edited it. Copy your text, reload the memo and apply your change again.</source>
        <translation>Orang lain mengubah memo ini saat Anda menyuntingnya. Salin teks Anda, muat ulang memo, lalu terapkan lagi perubahan Anda.</translation>
    </message>
    <message>
        <source>Memo {id} is written on a {target}; only a memo on the project or on a display can be put on a display.</source>
        <translation>Memo {id} ditulis pada {target}; hanya memo pada proyek atau pada display yang dapat ditempatkan pada display.</translation>
    </message>
    <message>
        <source>Memo {id} is not on a display.</source>
        <translation>Memo {id} tidak berada pada display.</translation>
    </message>
    <message>
        <source>A memo on a cell needs its row and column.</source>
        <translation>Memo pada sel memerlukan baris dan kolomnya.</translation>
    </message>
    <message>
        <source>Memo kind must be one of {allowed}, not &apos;{kind}&apos;.</source>
        <translation>Jenis memo harus salah satu dari {allowed}, bukan &apos;{kind}&apos;.</translation>
    </message>
    <message>
        <source>Memos can be written on {allowed}, not on &apos;{target}&apos;.</source>
        <translation>Memo dapat ditulis pada {allowed}, bukan pada &apos;{target}&apos;.</translation>
    </message>
    <message>
        <source>{path} already exists.</source>
        <translation>{path} sudah ada.</translation>
    </message>
    <message>
        <source>{path} already holds a project.</source>
        <translation>{path} sudah berisi proyek.</translation>
    </message>
    <message>
        <source>{path} uses an older project format; open it once for writing to upgrade it (a backup copy is made first).</source>
        <translation>{path} memakai format proyek lama; buka sekali dalam mode tulis untuk memperbaruinya (salinan cadangan dibuat terlebih dahulu).</translation>
    </message>
    <message>
        <source>{path} holds no QualCode project.</source>
        <translation>{path} tidak berisi proyek QualCode.</translation>
    </message>
    <message>
        <source>A coder needs a name.</source>
        <translation>Pengode harus punya nama.</translation>
    </message>
    <message>
        <source>A coder&apos;s name is at most 100 characters long.</source>
        <translation>Nama pengode paling panjang 100 karakter.</translation>
    </message>
    <message>
        <source>On a team server you code as your login; sign in as another user.</source>
        <translation>Di server tim Anda mengode sebagai akun login Anda; masuklah sebagai pengguna lain.</translation>
    </message>
    <message>
        <source>{path} does not exist.</source>
        <translation>{path} tidak ada.</translation>
    </message>
    <message>
        <source>{path} is not a QualCode project.</source>
        <translation>{path} bukan proyek QualCode.</translation>
    </message>
    <message>
        <source>{path} cannot be read: {reason}</source>
        <translation>{path} tidak dapat dibaca: {reason}</translation>
    </message>
    <message>
        <source>Cannot connect to {path}: {reason}</source>
        <translation>Tidak dapat terhubung ke {path}: {reason}</translation>
    </message>
    <message>
        <source>Cannot import {file}: the file is {size} MB; the limit is {limit} MB.</source>
        <extracomment>File extension (lower case, with dot) -&gt; format name.</extracomment>
        <translation>Tidak dapat mengimpor {file}: ukuran berkas {size} MB; batasnya {limit} MB.</translation>
    </message>
    <message>
        <source>Cannot import {file}: the file cannot be read ({reason}).</source>
        <translation>Tidak dapat mengimpor {file}: berkas tidak dapat dibaca ({reason}).</translation>
    </message>
    <message>
        <source>Cannot import {file}: old Word 97–2003 files cannot be read; save it as .docx first.</source>
        <translation>Tidak dapat mengimpor {file}: berkas Word 97–2003 lama tidak dapat dibaca; simpan dulu sebagai .docx.</translation>
    </message>
    <message>
        <source>Cannot import {file}: files of type &apos;{suffix}&apos; are not supported.</source>
        <translation>Tidak dapat mengimpor {file}: berkas bertipe &apos;{suffix}&apos; tidak didukung.</translation>
    </message>
    <message>
        <source>Cannot import {file}: the file is empty.</source>
        <translation>Tidak dapat mengimpor {file}: berkas kosong.</translation>
    </message>
    <message>
        <source>Cannot import {file}: the file contains no text.</source>
        <translation>Tidak dapat mengimpor {file}: berkas tidak berisi teks.</translation>
    </message>
    <message>
        <source>Cannot import {file}: this is an old Word 97–2003 file; save it as .docx and import again.</source>
        <extracomment>A bold paragraph opening longer than this is emphasis, not a speaker label.</extracomment>
        <translation>Tidak dapat mengimpor {file}: ini berkas Word 97–2003 lama; simpan sebagai .docx lalu impor kembali.</translation>
    </message>
    <message>
        <source>Cannot import {file}: not a Word document (not a .docx file).</source>
        <translation>Tidak dapat mengimpor {file}: bukan dokumen Word (bukan berkas .docx).</translation>
    </message>
    <message>
        <source>Cannot import {file}: the Word file is damaged ({reason}).</source>
        <translation>Tidak dapat mengimpor {file}: berkas Word rusak ({reason}).</translation>
    </message>
    <message>
        <source>Cannot import {file}: a zip archive but not a Word document ({reason}).</source>
        <translation>Tidak dapat mengimpor {file}: arsip zip tetapi bukan dokumen Word ({reason}).</translation>
    </message>
    <message>
        <source>Cannot import {file}: not an HTML page.</source>
        <translation>Tidak dapat mengimpor {file}: bukan halaman HTML.</translation>
    </message>
    <message>
        <source>Cannot import {file}: not an OpenDocument text (.odt) file.</source>
        <translation>Tidak dapat mengimpor {file}: bukan berkas teks OpenDocument (.odt).</translation>
    </message>
    <message>
        <source>Cannot import {file}: the .odt file is damaged ({reason}).</source>
        <translation>Tidak dapat mengimpor {file}: berkas .odt rusak ({reason}).</translation>
    </message>
    <message>
        <source>Cannot import {file}: not a readable OpenDocument text ({reason}).</source>
        <translation>Tidak dapat mengimpor {file}: teks OpenDocument tidak dapat dibaca ({reason}).</translation>
    </message>
    <message>
        <source>Cannot import {file}: an OpenDocument file but not a text document ({reason}).</source>
        <translation>Tidak dapat mengimpor {file}: berkas OpenDocument tetapi bukan dokumen teks ({reason}).</translation>
    </message>
    <message>
        <source>Cannot import {file}: not a PDF file.</source>
        <translation>Tidak dapat mengimpor {file}: bukan berkas PDF.</translation>
    </message>
    <message>
        <source>Cannot import {file}: the PDF is password-protected; remove the password first.</source>
        <translation>Tidak dapat mengimpor {file}: PDF dilindungi kata sandi; hapus dulu kata sandinya.</translation>
    </message>
    <message>
        <source>Cannot import {file}: the PDF is damaged ({reason}).</source>
        <translation>Tidak dapat mengimpor {file}: PDF rusak ({reason}).</translation>
    </message>
    <message>
        <source>Cannot import {file}: the PDF is damaged on page {page} ({reason}).</source>
        <translation>Tidak dapat mengimpor {file}: PDF rusak pada halaman {page} ({reason}).</translation>
    </message>
    <message>
        <source>Cannot import {file}: the PDF has no text layer (it is probably a scanned image). Run OCR on it first, or import the transcript as a Word or text file.</source>
        <translation>Tidak dapat mengimpor {file}: PDF tidak memiliki lapisan teks (kemungkinan hasil pindaian). Jalankan OCR terlebih dahulu, atau impor transkrip sebagai berkas Word atau teks.</translation>
    </message>
    <message>
        <source>Cannot import {file}: the file is not text (it looks like a binary file with a text file name).</source>
        <translation>Tidak dapat mengimpor {file}: berkas bukan teks (tampaknya berkas biner dengan nama berkas teks).</translation>
    </message>
    <message>
        <source>Cannot import {file}: not an RTF document.</source>
        <translation>Tidak dapat mengimpor {file}: bukan dokumen RTF.</translation>
    </message>
    <message>
        <source>Cannot import {file}: the RTF file is damaged ({reason}).</source>
        <translation>Tidak dapat mengimpor {file}: berkas RTF rusak ({reason}).</translation>
    </message>
    <message>
        <source>Cannot import {file}: no subtitle cues found (not a valid {format} file).</source>
        <translation>Tidak dapat mengimpor {file}: tidak ditemukan isyarat subtitel (bukan berkas {format} yang sah).</translation>
    </message>
    <message>
        <source>{file} is already in the project as &apos;{source}&apos;; it was not imported.</source>
        <extracomment>Header fields that become attributes of the informant&apos;s case: field -&gt; (name, type).</extracomment>
        <translation>{file} sudah ada di proyek sebagai &apos;{source}&apos;; berkas tidak diimpor.</translation>
    </message>
    <message>
        <source>Unknown text encoding &apos;{encoding}&apos;.</source>
        <translation>Pengodean teks &apos;{encoding}&apos; tidak dikenal.</translation>
    </message>
    <message>
        <source>Cannot import {file}: it is not {encoding} text.</source>
        <translation>Tidak dapat mengimpor {file}: berkas bukan teks {encoding}.</translation>
    </message>
    <message>
        <source>Source kind must be one of {allowed}, not &apos;{kind}&apos;.</source>
        <translation>Jenis sumber harus salah satu dari {allowed}, bukan &apos;{kind}&apos;.</translation>
    </message>
    <message>
        <source>There is no source named &apos;{name}&apos;.</source>
        <translation>Tidak ada sumber bernama &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>A source needs a name.</source>
        <translation>Sumber memerlukan nama.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; has no text.</source>
        <translation>&apos;{name}&apos; tidak memiliki teks.</translation>
    </message>
    <message>
        <source>Sources have no editable field(s) {fields}.</source>
        <translation>Sumber tidak memiliki isian {fields} yang dapat disunting.</translation>
    </message>
    <message>
        <source>A source named &apos;{name}&apos; already exists.</source>
        <translation>Sumber bernama &apos;{name}&apos; sudah ada.</translation>
    </message>
    <message>
        <source>Cannot read the sheet {file}: only .xlsx and .csv files are supported.</source>
        <translation>Tidak dapat membaca lembar kerja {file}: hanya berkas .xlsx dan .csv yang didukung.</translation>
    </message>
    <message>
        <source>Cannot read the sheet {file}: {reason}.</source>
        <translation>Tidak dapat membaca lembar kerja {file}: {reason}.</translation>
    </message>
    <message>
        <source>Cannot read the sheet {file}: not a readable Excel file ({reason}).</source>
        <translation>Tidak dapat membaca lembar kerja {file}: bukan berkas Excel yang dapat dibaca ({reason}).</translation>
    </message>
    <message>
        <source>{file}: only .xlsx and .csv can be written.</source>
        <translation>{file}: hanya .xlsx dan .csv yang dapat ditulis.</translation>
    </message>
    <message>
        <source>Cannot write {file} ({reason}).</source>
        <translation>Tidak dapat menulis {file} ({reason}).</translation>
    </message>
    <message>
        <source>Cannot undo or redo: the {table} was changed since. Nothing was changed.</source>
        <translation>Tidak dapat mengurungkan atau mengulangi: {table} telah berubah sejak itu. Tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>Unsupported language &apos;{language}&apos; (use {supported}).</source>
        <translation>Bahasa &apos;{language}&apos; tidak didukung (gunakan {supported}).</translation>
    </message>
    <message>
        <source>The fuzzy threshold must be 0-100 (got {threshold}).</source>
        <translation>Ambang kemiripan harus 0-100 (diberikan {threshold}).</translation>
    </message>
    <message>
        <source>The search phrase is empty.</source>
        <translation>Frasa pencarian kosong.</translation>
    </message>
    <message>
        <source>Range {start}-{end} is outside the text (0-{length}).</source>
        <translation>Rentang {start}-{end} berada di luar teks (0-{length}).</translation>
    </message>
    <message>
        <source>The wildcard term &apos;{term}&apos; needs at least one letter or digit.</source>
        <extracomment>The mode the CLI and the app start with: word forms, so &quot;sosialisasi&quot; also finds &quot;disosialisasikan&quot; and &quot;mensosialisasikan&quot; (Indonesian affixes) and &quot;coordinate&quot; finds &quot;coordinating&quot;; &quot;words&quot; matches the typed forms only.</extracomment>
        <translation>Istilah wildcard &apos;{term}&apos; memerlukan paling sedikit satu huruf atau angka.</translation>
    </message>
    <message>
        <source>The search text is empty.</source>
        <translation>Teks pencarian kosong.</translation>
    </message>
    <message>
        <source>Invalid regular expression &apos;{pattern}&apos;: {reason} (position {pos}).</source>
        <translation>Ekspresi reguler &apos;{pattern}&apos; tidak sah: {reason} (posisi {pos}).</translation>
    </message>
    <message>
        <source>The search text &apos;{text}&apos; has no words to look for.</source>
        <translation>Teks pencarian &apos;{text}&apos; tidak memuat kata untuk dicari.</translation>
    </message>
    <message>
        <source>Give exactly one of --query, --speaker, --like, --guide.</source>
        <translation>Berikan tepat satu dari --query, --speaker, --like, --guide.</translation>
    </message>
    <message>
        <source>Unit must be one of {allowed}, not &apos;{value}&apos;.</source>
        <translation>Satuan harus salah satu dari {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>The case &apos;{name}&apos; has no speaker turns.</source>
        <translation>Kasus &apos;{name}&apos; tidak memiliki giliran bicara.</translation>
    </message>
    <message>
        <source>The interview guide {file} has no questions.</source>
        <translation>Pedoman wawancara {file} tidak memuat pertanyaan.</translation>
    </message>
    <message>
        <source>There is no candidate {number} in the preview.</source>
        <translation>Tidak ada kandidat {number} dalam pratinjau.</translation>
    </message>
    <message>
        <source>The code &apos;{code}&apos; has no codings to compare with.</source>
        <translation>Kode &apos;{code}&apos; tidak memiliki pengodean untuk dibandingkan.</translation>
    </message>
    <message>
        <source>Group words by source, case, code or attribute:NAME, not &apos;{value}&apos;.</source>
        <translation>Kelompokkan kata menurut source, case, code, atau attribute:NAMA, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Count words by key or form, not &apos;{value}&apos;.</source>
        <translation>Hitung kata menurut key atau form, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Could not write {file}: {reason}</source>
        <translation>Tidak dapat menulis {file}: {reason}</translation>
    </message>
    <message>
        <source>A word cloud is saved as .png or .svg, not &apos;{suffix}&apos;.</source>
        <translation>Awan kata disimpan sebagai .png atau .svg, bukan &apos;{suffix}&apos;.</translation>
    </message>
    <message>
        <source>There are no words to draw.</source>
        <translation>Tidak ada kata untuk digambar.</translation>
    </message>
    <message>
        <source>{path} is not a database URL.</source>
        <translation>{path} bukan URL basis data.</translation>
    </message>
    <message>
        <source>{path} already exists (use --force to replace it).</source>
        <translation>{path} sudah ada (gunakan --force untuk menggantinya).</translation>
    </message>
    <message>
        <source>{path} uses an older project format; open it once for writing to upgrade it, then pull.</source>
        <translation>{path} memakai format proyek lama; buka sekali dalam mode tulis untuk memperbaruinya, lalu lakukan pull.</translation>
    </message>
    <message>
        <source>{path} already holds a project (use --force to replace it).</source>
        <translation>{path} sudah berisi proyek (gunakan --force untuk menggantinya).</translation>
    </message>
    <message>
        <source>PostgreSQL projects need the psycopg package (pip install psycopg).</source>
        <translation>Proyek PostgreSQL memerlukan paket psycopg (pip install psycopg).</translation>
    </message>
    <message>
        <source>{file}, line {line}: not valid YAML: {reason}.</source>
        <translation>{file}, baris {line}: bukan YAML yang sah: {reason}.</translation>
    </message>
    <message>
        <source>{file}, line {line}: this alias (*name) refers to an entry that contains it; copy the text instead of using an alias.</source>
        <translation>{file}, baris {line}: alias ini (*nama) merujuk ke entri yang memuat dirinya sendiri; salin teksnya alih-alih memakai alias.</translation>
    </message>
    <message>
        <source>{file}, line {line}: the aliases expand to more than {limit} entries; write the entries out instead of repeating them with aliases.</source>
        <translation>{file}, baris {line}: alias-alias ini berkembang menjadi lebih dari {limit} entri; tulis entrinya satu per satu alih-alih mengulanginya dengan alias.</translation>
    </message>
    <message>
        <source>{file}, line {line}: the file is empty; a codebook needs id, title, ...</source>
        <translation>{file}, baris {line}: berkas kosong; buku kode memerlukan id, title, ...</translation>
    </message>
    <message>
        <source>{file}, line {line}: {where} must be a mapping of &apos;key: value&apos; lines.</source>
        <translation>{file}, baris {line}: {where} harus berupa pemetaan dengan baris &apos;kunci: nilai&apos;.</translation>
    </message>
    <message>
        <source>{file}, line {line}: {where} must be a list of &apos;- &apos; items.</source>
        <translation>{file}, baris {line}: {where} harus berupa daftar butir &apos;- &apos;.</translation>
    </message>
    <message>
        <source>{file}, line {line}: {where} must be a single text value.</source>
        <translation>{file}, baris {line}: {where} harus berupa satu nilai teks.</translation>
    </message>
    <message>
        <source>{file}, line {line}: {where} must be true or false.</source>
        <translation>{file}, baris {line}: {where} harus bernilai true atau false.</translation>
    </message>
    <message>
        <source>{file}, line {line}: unknown key &apos;{key}&apos; in {where} (allowed: {allowed}).</source>
        <translation>{file}, baris {line}: kunci &apos;{key}&apos; pada {where} tidak dikenal (gunakan {allowed}).</translation>
    </message>
    <message>
        <source>{file}, line {line}: key &apos;{key}&apos; is written twice in {where}.</source>
        <translation>{file}, baris {line}: kunci &apos;{key}&apos; ditulis dua kali pada {where}.</translation>
    </message>
    <message>
        <source>{file}, line {line}: {where} has no &apos;{key}&apos;, which is required.</source>
        <translation>{file}, baris {line}: {where} tidak memiliki &apos;{key}&apos;, padahal wajib ada.</translation>
    </message>
    <message>
        <source>{file}, line {line}: &apos;{key}&apos; of {where} is empty.</source>
        <translation>{file}, baris {line}: &apos;{key}&apos; pada {where} kosong.</translation>
    </message>
    <message>
        <source>{file}, line {line}: {where} has no &apos;{language}&apos; text (required: {languages}).</source>
        <translation>{file}, baris {line}: {where} tidak memiliki teks &apos;{language}&apos; (wajib: {languages}).</translation>
    </message>
    <message>
        <source>{file}, line {line}: language &apos;{language}&apos; in {where} is not listed in &apos;languages&apos; ({languages}).</source>
        <translation>{file}, baris {line}: bahasa &apos;{language}&apos; pada {where} tidak tercantum dalam &apos;languages&apos; ({languages}).</translation>
    </message>
    <message>
        <source>{file}, line {line}: &apos;{value}&apos; is not a language code like &apos;en&apos;.</source>
        <translation>{file}, baris {line}: &apos;{value}&apos; bukan kode bahasa seperti &apos;en&apos;.</translation>
    </message>
    <message>
        <source>{file}, line {line}: &apos;{value}&apos; is not a valid {what} id (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</source>
        <translation>{file}, baris {line}: &apos;{value}&apos; bukan id {what} yang sah (huruf, angka, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</translation>
    </message>
    <message>
        <source>{file}, line {line}: code id &apos;{code}&apos; is used twice (first on line {first}).</source>
        <translation>{file}, baris {line}: id kode &apos;{code}&apos; dipakai dua kali (pertama kali pada baris {first}).</translation>
    </message>
    <message>
        <source>{file}, line {line}: set id &apos;{set}&apos; is used twice (first on line {first}).</source>
        <translation>{file}, baris {line}: id set &apos;{set}&apos; dipakai dua kali (pertama kali pada baris {first}).</translation>
    </message>
    <message>
        <source>{file}, line {line}: colour &apos;{value}&apos; of {where} is not #RRGGBB (e.g. &apos;#1F77B4&apos;).</source>
        <translation>{file}, baris {line}: warna &apos;{value}&apos; pada {where} tidak berformat #RRGGBB (mis. &apos;#1F77B4&apos;).</translation>
    </message>
    <message>
        <source>{file}, line {line}: colour of {where} is empty; write it in quotes, e.g. color: &quot;#1F77B4&quot; (an unquoted # starts a comment).</source>
        <translation>{file}, baris {line}: warna pada {where} kosong; tuliskan di antara tanda kutip, mis. color: &quot;#1F77B4&quot; (tanda # tanpa kutip mengawali komentar).</translation>
    </message>
    <message>
        <source>{file}, line {line}: the codebook has no codes.</source>
        <translation>{file}, baris {line}: buku kode tidak memiliki kode.</translation>
    </message>
    <message>
        <source>{file}, line {line}: set &apos;{set}&apos; lists code &apos;{code}&apos;, which is not in this codebook.</source>
        <translation>{file}, baris {line}: set &apos;{set}&apos; mencantumkan kode &apos;{code}&apos; yang tidak ada dalam buku kode ini.</translation>
    </message>
    <message>
        <source>{file}, line {line}: link target &apos;{target}&apos; of {where} is not &apos;codebook:CODE&apos;.</source>
        <translation>{file}, baris {line}: tujuan tautan &apos;{target}&apos; pada {where} tidak berformat &apos;codebook:KODE&apos;.</translation>
    </message>
    <message>
        <source>{file}, line {line}: {where} links to &apos;{target}&apos;, which is not in this codebook.</source>
        <translation>{file}, baris {line}: {where} ditautkan ke &apos;{target}&apos; yang tidak ada dalam buku kode ini.</translation>
    </message>
    <message>
        <source>{file}, line {line}: relation &apos;{relation}&apos; of {where} is unknown (allowed: {allowed}).</source>
        <translation>{file}, baris {line}: relasi &apos;{relation}&apos; pada {where} tidak dikenal (gunakan {allowed}).</translation>
    </message>
    <message>
        <source>Cannot sign in: {reason}</source>
        <translation>Tidak dapat masuk: {reason}</translation>
    </message>
    <message>
        <source>No keyring is available on this computer ({reason}). Put the password in a .pgpass file instead (see docs/team-server.md).</source>
        <translation>Tidak ada keyring yang tersedia di komputer ini ({reason}). Simpan kata sandi di berkas .pgpass sebagai gantinya (lihat docs/team-server.md).</translation>
    </message>
    <message>
        <source>The URL {url} names no user and host.</source>
        <translation>URL {url} tidak menyebutkan pengguna dan host.</translation>
    </message>
    <message>
        <source>Team roles need a PostgreSQL server, not {url}.</source>
        <translation>Peran tim memerlukan server PostgreSQL, bukan {url}.</translation>
    </message>
    <message>
        <source>{database} has no team roles yet: run &apos;qualcode team setup-roles&apos; first.</source>
        <translation>{database} belum memiliki peran tim: jalankan &apos;qualcode team setup-roles&apos; terlebih dahulu.</translation>
    </message>
    <message>
        <source>A team role is {allowed}, not &apos;{value}&apos;.</source>
        <translation>Peran tim berupa {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>A member needs a login and a coder name.</source>
        <translation>Anggota memerlukan login dan nama pengode.</translation>
    </message>
    <message>
        <source>{user} is a group role, not a login.</source>
        <translation>{user} adalah peran grup, bukan login.</translation>
    </message>
    <message>
        <source>The coder name {coder} already belongs to {user}.</source>
        <translation>Nama pengode {coder} sudah dipakai oleh {user}.</translation>
    </message>
    <message>
        <source>{url} is not a PostgreSQL server address.</source>
        <translation>{url} bukan alamat server PostgreSQL.</translation>
    </message>
    <message>
        <source>A check sample is a fraction above 0 and at most 1, not {value}.</source>
        <translation>Sampel pemeriksaan berupa pecahan di atas 0 dan paling besar 1, bukan {value}.</translation>
    </message>
    <message>
        <source>Not a speaker turn or paragraph of its source: {units}.</source>
        <translation>Bukan giliran bicara atau paragraf dari sumbernya: {units}.</translation>
    </message>
    <message>
        <source>Unknown coder(s): {names}.</source>
        <translation>Pengode tidak dikenal: {names}.</translation>
    </message>
    <message>
        <source>Unknown counting unit &apos;{unit}&apos; (use {allowed}).</source>
        <translation>Satuan hitung &apos;{unit}&apos; tidak dikenal (gunakan {allowed}).</translation>
    </message>
    <message>
        <source>another program</source>
        <translation>program lain</translation>
    </message>
    <message>
        <source>{path} cannot be written: {reason}</source>
        <translation>{path} tidak dapat ditulis: {reason}</translation>
    </message>
    <message>
        <source>{path} has no backups.</source>
        <translation>{path} belum memiliki cadangan.</translation>
    </message>
    <message>
        <source>There is no backup {which} of {path}; `qualcode backups list` shows them.</source>
        <translation>Tidak ada cadangan {which} untuk {path}; `qualcode backups list` menampilkan daftarnya.</translation>
    </message>
    <message>
        <source>Cannot import {file}: it holds more than {limit} MB of text, the limit for one source. Split the document into parts and import those.</source>
        <translation>Tidak dapat mengimpor {file}: berkas ini memuat lebih dari {limit} MB teks, batas untuk satu sumber. Pecah dokumen menjadi beberapa bagian lalu impor bagian-bagian itu.</translation>
    </message>
    <message>
        <source>A rating is {allowed}, not &apos;{value}&apos;.</source>
        <translation>Penilaian adalah {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>A speaker needs a label.</source>
        <translation>Pembicara harus punya label.</translation>
    </message>
    <message>
        <source>A speaker label is at most 200 characters long.</source>
        <translation>Label pembicara paling panjang 200 karakter.</translation>
    </message>
    <message>
        <source>There is no speaker turn with id {id}.</source>
        <translation>Tidak ada giliran bicara dengan id {id}.</translation>
    </message>
    <message>
        <source>A turn can only be split inside its text.</source>
        <translation>Giliran bicara hanya dapat dipisah di dalam teksnya.</translation>
    </message>
    <message>
        <source>The last turn has no next turn to merge with.</source>
        <translation>Giliran terakhir tidak punya giliran berikutnya untuk digabung.</translation>
    </message>
    <message>
        <source>A turn must lie inside the text (0–{length}).</source>
        <translation>Giliran bicara harus berada di dalam teks (0–{length}).</translation>
    </message>
    <message>
        <source>No turn of this source is spoken by &apos;{speaker}&apos;.</source>
        <translation>Tidak ada giliran bicara &apos;{speaker}&apos; dalam sumber ini.</translation>
    </message>
    <message>
        <source>{file}: no speaker turns were recognised, so the whole text belongs to the informant. Mark the speakers in View › Review speakers.</source>
        <translation>{file}: tidak ada giliran bicara yang dikenali, sehingga seluruh teks menjadi milik informan. Tandai pembicaranya di Tampilan › Periksa pembicara.</translation>
    </message>
    <message>
        <source>{file}: only one speaker ({speaker}) was recognised; check the speakers in View › Review speakers.</source>
        <translation>{file}: hanya satu pembicara ({speaker}) yang dikenali; periksa pembicaranya di Tampilan › Periksa pembicara.</translation>
    </message>
    <message>
        <source>{file}: {chars} characters before the first recognised speaker turn belong to no speaker; check the speakers in View › Review speakers.</source>
        <translation>{file}: {chars} karakter sebelum giliran bicara pertama yang dikenali tidak punya pembicara; periksa pembicaranya di Tampilan › Periksa pembicara.</translation>
    </message>
    <message>
        <source>No thesis profile &apos;{name}&apos;: use {shipped} or a .yaml file.</source>
        <translation>Tidak ada profil tesis &apos;{name}&apos;: gunakan {shipped} atau berkas .yaml.</translation>
    </message>
    <message>
        <source>The thesis profile {file} is not valid: {reason}</source>
        <translation>Profil tesis {file} tidak valid: {reason}</translation>
    </message>
    <message>
        <source>PDF export needs LibreOffice (soffice), which is not installed. Export to .docx and save it as PDF from Word or LibreOffice.</source>
        <translation>Ekspor PDF memerlukan LibreOffice (soffice), yang belum terpasang. Ekspor ke .docx lalu simpan sebagai PDF dari Word atau LibreOffice.</translation>
    </message>
    <message>
        <source>LibreOffice could not make the PDF: {reason}</source>
        <translation>LibreOffice tidak dapat membuat PDF: {reason}</translation>
    </message>
    <message>
        <source>A chart is one of {allowed}, not &apos;{kind}&apos;.</source>
        <translation>Grafik harus salah satu dari {allowed}, bukan &apos;{kind}&apos;.</translation>
    </message>
    <message>
        <source>Cluster by coding or words, over codes, sources or cases.</source>
        <translation>Klaster berdasarkan pengodean atau kata, atas kode, sumber, atau kasus.</translation>
    </message>
    <message>
        <source>Clustering by {by} measures {allowed}, not &apos;{measure}&apos;.</source>
        <translation>Klaster berdasarkan {by} memakai ukuran {allowed}, bukan &apos;{measure}&apos;.</translation>
    </message>
    <message>
        <source>Clustering needs at least two items with data; found {n}.</source>
        <translation>Analisis klaster memerlukan sedikitnya dua butir yang berdata; ditemukan {n}.</translation>
    </message>
    <message>
        <source>Size the hierarchy by passages or sources, not &apos;{v}&apos;.</source>
        <translation>Ukur hierarki menurut pengodean atau sumber, bukan &apos;{v}&apos;.</translation>
    </message>
    <message>
        <source>Compare two cases or two sources, not &apos;{v}&apos;.</source>
        <translation>Bandingkan dua kasus atau dua sumber, bukan &apos;{v}&apos;.</translation>
    </message>
    <message>
        <source>A figure is saved as .png, .svg or .pdf, not &apos;{suffix}&apos;.</source>
        <translation>Gambar disimpan sebagai .png, .svg, atau .pdf, bukan &apos;{suffix}&apos;.</translation>
    </message>
    <message>
        <source>&apos;{name}&apos; would have no text left; nothing was changed.</source>
        <translation>&apos;{name}&apos; tidak akan memiliki teks lagi; tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>edit a source&apos;s text</source>
        <translation>menyunting teks sumber</translation>
    </message>
    <message>
        <source>The new text of &apos;{name}&apos; is the same as the old one.</source>
        <translation>Teks baru &apos;{name}&apos; sama dengan teks lama.</translation>
    </message>
    <message>
        <source>{path} is already encrypted.</source>
        <translation>{path} sudah terenkripsi.</translation>
    </message>
    <message>
        <source>{path} is not encrypted.</source>
        <translation>{path} tidak terenkripsi.</translation>
    </message>
    <message>
        <source>{file} was not written: {count} identifying text(s) from the identity register remain after pseudonymisation:
{hits}</source>
        <translation>{file} tidak ditulis: {count} teks pengenal dari daftar identitas masih tersisa setelah penyamaran:
{hits}</translation>
    </message>
    <message>
        <source>The identity register has no entry &apos;{text}&apos;.</source>
        <translation>Daftar identitas tidak memiliki entri &apos;{text}&apos;.</translation>
    </message>
    <message>
        <source>There is no case attribute &apos;{name}&apos;.</source>
        <translation>Tidak ada atribut kasus &apos;{name}&apos;.</translation>
    </message>
    <message>
        <source>An identity register entry needs some text.</source>
        <translation>Entri daftar identitas harus berisi teks.</translation>
    </message>
    <message>
        <source>An identity register entry is at most 500 characters.</source>
        <translation>Entri daftar identitas paling banyak 500 karakter.</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is already in the identity register.</source>
        <translation>&apos;{text}&apos; sudah ada di daftar identitas.</translation>
    </message>
    <message>
        <source>An identity kind is one of {allowed}, not &apos;{kind}&apos;.</source>
        <translation>Jenis identitas harus salah satu dari {allowed}, bukan &apos;{kind}&apos;.</translation>
    </message>
    <message>
        <source>There is no identity register entry with id {id}.</source>
        <translation>Tidak ada entri daftar identitas dengan id {id}.</translation>
    </message>
    <message>
        <source>Encrypted projects need the sqlcipher3-wheels package (pip install sqlcipher3-wheels).</source>
        <translation>Proyek terenkripsi memerlukan paket sqlcipher3-wheels (pip install sqlcipher3-wheels).</translation>
    </message>
    <message>
        <source>A project password cannot be empty.</source>
        <translation>Kata sandi proyek tidak boleh kosong.</translation>
    </message>
    <message>
        <source>The converted copy of {path} did not check out; the project was not changed.</source>
        <translation>Salinan hasil konversi {path} tidak lolos pemeriksaan; proyek tidak diubah.</translation>
    </message>
    <message>
        <source>Cannot import {file}: the file changed while it was being imported; import it again.</source>
        <translation>{file} tidak dapat diimpor: berkas berubah selama diimpor; impor ulang berkas itu.</translation>
    </message>
    <message>
        <source>An effect is one of {allowed}, not &apos;{value}&apos;.</source>
        <translation>Jenis efek adalah salah satu dari {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>That row or cell has no effect type set.</source>
        <translation>Baris atau sel itu belum diberi jenis efek.</translation>
    </message>
    <message>
        <source>Only effects matrices type their effects.</source>
        <translation>Hanya matriks efek yang dapat diberi jenis efek.</translation>
    </message>
    <message>
        <source>A sign is + or -, not &apos;{value}&apos;.</source>
        <translation>Tanda berupa + atau -, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>A strength is one of {allowed}, not &apos;{value}&apos;.</source>
        <translation>Kekuatan adalah salah satu dari {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>A cause and its effect must be different codes.</source>
        <translation>Sebab dan akibatnya harus kode yang berbeda.</translation>
    </message>
    <message>
        <source>A causal network needs codes.</source>
        <translation>Jaringan kausal memerlukan kode.</translation>
    </message>
    <message>
        <source>A member check is one of {allowed}, not &apos;{value}&apos;.</source>
        <translation>Status member check adalah salah satu dari {allowed}, bukan &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>A member check is of a conclusion or a case.</source>
        <translation>Member check dilakukan atas kesimpulan atau kasus.</translation>
    </message>
    <message>
        <source>Nothing to change: it was not asked yet.</source>
        <translation>Tidak ada yang diubah: memang belum ditanyakan.</translation>
    </message>
    <message>
        <source>The outlier threshold must be above 0 and the minimum at least 1.</source>
        <translation>Ambang pencilan harus di atas 0 dan batas minimum paling sedikit 1.</translation>
    </message>
    <message>
        <source>Comparing code profiles needs at least two codes.</source>
        <translation>Membandingkan profil kode memerlukan paling sedikit dua kode.</translation>
    </message>
    <message>
        <source>Too few cases to compare: {n} have {min} or more coded passages (3 needed).</source>
        <translation>Terlalu sedikit kasus untuk dibandingkan: {n} kasus memiliki {min} bagian teks terkode atau lebih (perlu 3).</translation>
    </message>
    <message>
        <source>Unknown time field &apos;{field}&apos; (use {allowed}).</source>
        <translation>Bidang waktu &apos;{field}&apos; tidak dikenal (gunakan {allowed}).</translation>
    </message>
    <message>
        <source>{file}, row {row}: code &apos;{code}&apos; is in the table twice (first on row {first}).</source>
        <translation>{file}, baris {row}: kode &apos;{code}&apos; ada dua kali di tabel (pertama di baris {first}).</translation>
    </message>
    <message>
        <source>{file}, row {row}: code id &apos;{code}&apos; is used twice (first on row {first}).</source>
        <translation>{file}, baris {row}: id kode &apos;{code}&apos; dipakai dua kali (pertama di baris {first}).</translation>
    </message>
    <message>
        <source>{file}, row {row}: &apos;{value}&apos; is not a valid code id (letters, digits, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</source>
        <translation>{file}, baris {row}: &apos;{value}&apos; bukan id kode yang sah (huruf, angka, &apos;.&apos;, &apos;_&apos;, &apos;-&apos;).</translation>
    </message>
    <message>
        <source>{file}, row {row}: the parent of &apos;{code}&apos; leads back to &apos;{code}&apos; (a cycle).</source>
        <translation>{file}, baris {row}: induk dari &apos;{code}&apos; kembali lagi ke &apos;{code}&apos; (berputar).</translation>
    </message>
    <message>
        <source>{file}, row {row}: colour &apos;{value}&apos; is not #RRGGBB (for example #1F77B4).</source>
        <translation>{file}, baris {row}: warna &apos;{value}&apos; bukan #RRGGBB (misalnya #1F77B4).</translation>
    </message>
    <message>
        <source>{file} cannot be read as a codebook table ({reason}).</source>
        <translation>{file} tidak dapat dibaca sebagai tabel buku kode ({reason}).</translation>
    </message>
    <message>
        <source>{file}: no column of codes found; the table needs a header row with a column such as Code, Label, Kode, Nama kode, Indikator or Path (looked in the first {rows} rows).</source>
        <translation>{file}: tidak ada kolom kode; tabel memerlukan baris judul kolom dengan kolom seperti Kode, Nama kode, Indikator, Label, Code, atau Jalur (dicari di {rows} baris pertama).</translation>
    </message>
    <message>
        <source>{file}, row {row}: the table has a header here but no codes under it.</source>
        <translation>{file}, baris {row}: tabel punya baris judul kolom di sini tetapi tidak ada kode di bawahnya.</translation>
    </message>
</context>
<context>
    <name>kinds</name>
    <message>
        <source>supporting</source>
        <translation>pendukung</translation>
    </message>
    <message>
        <source>inhibiting</source>
        <translation>penghambat</translation>
    </message>
    <message>
        <source>neutral</source>
        <translation>netral</translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation>Wawancara</translation>
    </message>
    <message>
        <source>Focus groups</source>
        <translation>Diskusi kelompok terarah</translation>
    </message>
    <message>
        <source>Observations</source>
        <translation>Observasi</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Other sources</source>
        <translation>Sumber lain</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Proyek</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Coding</source>
        <translation>Pengodean</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>Code with a new code</source>
        <translation>Kode dengan kode baru</translation>
    </message>
    <message>
        <source>Recode</source>
        <translation>Ganti kode</translation>
    </message>
    <message>
        <source>Move code</source>
        <translation>Pindahkan kode</translation>
    </message>
    <message>
        <source>New conclusion</source>
        <translation>Kesimpulan baru</translation>
    </message>
    <message>
        <source>Edit conclusion</source>
        <translation>Sunting kesimpulan</translation>
    </message>
    <message>
        <source>Link evidence</source>
        <translation>Tautkan bukti</translation>
    </message>
    <message>
        <source>Unlink evidence</source>
        <translation>Lepas tautan bukti</translation>
    </message>
    <message>
        <source>Note on evidence</source>
        <translation>Catatan pada bukti</translation>
    </message>
    <message>
        <source>Link display</source>
        <translation>Tautkan display</translation>
    </message>
    <message>
        <source>Unlink display</source>
        <translation>Lepaskan tautan display</translation>
    </message>
    <message>
        <source>Link memo</source>
        <translation>Tautkan memo</translation>
    </message>
    <message>
        <source>Unlink memo</source>
        <translation>Lepas tautan memo</translation>
    </message>
    <message>
        <source>Delete conclusion</source>
        <translation>Hapus kesimpulan</translation>
    </message>
    <message>
        <source>Edit cell summary</source>
        <translation>Sunting ringkasan sel</translation>
    </message>
    <message>
        <source>Clear cell summary</source>
        <translation>Kosongkan ringkasan sel</translation>
    </message>
    <message>
        <source>Draft cell summaries</source>
        <translation>Buat draf ringkasan sel</translation>
    </message>
    <message>
        <source>Accept cell summary</source>
        <translation>Terima ringkasan sel</translation>
    </message>
    <message>
        <source>Choose cell evidence</source>
        <translation>Pilih bukti sel</translation>
    </message>
    <message>
        <source>Override cell rating</source>
        <translation>Ganti penilaian sel</translation>
    </message>
    <message>
        <source>Clear rating override</source>
        <translation>Hapus penggantian penilaian</translation>
    </message>
    <message>
        <source>Add comment</source>
        <translation>Tambah komentar</translation>
    </message>
    <message>
        <source>Reply to comment</source>
        <translation>Balas komentar</translation>
    </message>
    <message>
        <source>Resolve comment</source>
        <translation>Selesaikan komentar</translation>
    </message>
    <message>
        <source>Reopen comment</source>
        <translation>Buka kembali komentar</translation>
    </message>
    <message>
        <source>Delete comment</source>
        <translation>Hapus komentar</translation>
    </message>
    <message>
        <source>Save display</source>
        <translation>Simpan display</translation>
    </message>
    <message>
        <source>Rename display</source>
        <translation>Ganti nama display</translation>
    </message>
    <message>
        <source>Edit display</source>
        <translation>Sunting display</translation>
    </message>
    <message>
        <source>Delete display</source>
        <translation>Hapus display</translation>
    </message>
    <message>
        <source>New attribute</source>
        <translation>Atribut baru</translation>
    </message>
    <message>
        <source>Edit attribute</source>
        <translation>Sunting atribut</translation>
    </message>
    <message>
        <source>Delete attribute</source>
        <translation>Hapus atribut</translation>
    </message>
    <message>
        <source>Set attribute value</source>
        <translation>Isi nilai atribut</translation>
    </message>
    <message>
        <source>Set attribute values</source>
        <translation>Isi nilai atribut</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Kasus baru</translation>
    </message>
    <message>
        <source>Edit case</source>
        <translation>Sunting kasus</translation>
    </message>
    <message>
        <source>Move case</source>
        <translation>Pindahkan kasus</translation>
    </message>
    <message>
        <source>Delete case</source>
        <translation>Hapus kasus</translation>
    </message>
    <message>
        <source>Link case</source>
        <translation>Tautkan kasus</translation>
    </message>
    <message>
        <source>Unlink case</source>
        <translation>Lepas tautan kasus</translation>
    </message>
    <message>
        <source>Import case sheet</source>
        <translation>Impor lembar kasus</translation>
    </message>
    <message>
        <source>Split code</source>
        <translation>Pecah kode</translation>
    </message>
    <message>
        <source>Code in vivo</source>
        <translation>Kode in-vivo</translation>
    </message>
    <message>
        <source>Load codebook</source>
        <translation>Muat buku kode</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Kode baru</translation>
    </message>
    <message>
        <source>Edit code</source>
        <translation>Sunting kode</translation>
    </message>
    <message>
        <source>Rename code</source>
        <translation>Ganti nama kode</translation>
    </message>
    <message>
        <source>Recolour code</source>
        <translation>Ganti warna kode</translation>
    </message>
    <message>
        <source>Delete code</source>
        <translation>Hapus kode</translation>
    </message>
    <message>
        <source>Merge codes</source>
        <translation>Gabungkan kode</translation>
    </message>
    <message>
        <source>Link codes</source>
        <translation>Tautkan kode</translation>
    </message>
    <message>
        <source>Unlink codes</source>
        <translation>Lepas tautan kode</translation>
    </message>
    <message>
        <source>Code text</source>
        <translation>Kode teks</translation>
    </message>
    <message>
        <source>Remove coding</source>
        <translation>Hapus pengodean</translation>
    </message>
    <message>
        <source>Resize coding</source>
        <translation>Ubah rentang pengodean</translation>
    </message>
    <message>
        <source>Edit coding</source>
        <translation>Sunting pengodean</translation>
    </message>
    <message>
        <source>Mark coding reviewed</source>
        <translation>Tandai pengodean sudah ditinjau</translation>
    </message>
    <message>
        <source>Load sample codings</source>
        <translation>Muat pengodean contoh</translation>
    </message>
    <message>
        <source>New set</source>
        <translation>Set baru</translation>
    </message>
    <message>
        <source>Edit set</source>
        <translation>Sunting set</translation>
    </message>
    <message>
        <source>Add to set</source>
        <translation>Tambahkan ke set</translation>
    </message>
    <message>
        <source>Remove from set</source>
        <translation>Keluarkan dari set</translation>
    </message>
    <message>
        <source>Delete set</source>
        <translation>Hapus set</translation>
    </message>
    <message>
        <source>Import REFI-QDA codebook</source>
        <translation>Impor buku kode REFI-QDA</translation>
    </message>
    <message>
        <source>Import REFI-QDA project</source>
        <translation>Impor proyek REFI-QDA</translation>
    </message>
    <message>
        <source>New memo</source>
        <translation>Memo baru</translation>
    </message>
    <message>
        <source>Edit memo</source>
        <translation>Sunting memo</translation>
    </message>
    <message>
        <source>Delete memo</source>
        <translation>Hapus memo</translation>
    </message>
    <message>
        <source>Link memo to display</source>
        <translation>Tautkan memo ke display</translation>
    </message>
    <message>
        <source>Unlink memo from display</source>
        <translation>Lepaskan memo dari display</translation>
    </message>
    <message>
        <source>Import source</source>
        <translation>Impor sumber</translation>
    </message>
    <message>
        <source>Add source</source>
        <translation>Tambah sumber</translation>
    </message>
    <message>
        <source>Edit source</source>
        <translation>Sunting sumber</translation>
    </message>
    <message>
        <source>Edit source text</source>
        <translation>Sunting teks sumber</translation>
    </message>
    <message>
        <source>Delete source</source>
        <translation>Hapus sumber</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <source>Auto-code search hits</source>
        <translation>Kode otomatis hasil pencarian</translation>
    </message>
    <message>
        <source>Auto-code speaker turns</source>
        <translation>Kode otomatis giliran bicara</translation>
    </message>
    <message>
        <source>Auto-code guide answers</source>
        <translation>Kode otomatis jawaban pedoman</translation>
    </message>
    <message>
        <source>Auto-code similar passages</source>
        <translation>Kode otomatis bagian teks serupa</translation>
    </message>
    <message>
        <source>Change stop words</source>
        <translation>Ubah kata henti</translation>
    </message>
    <message>
        <source>Changes by other coders</source>
        <translation>Perubahan oleh pengode lain</translation>
    </message>
    <message>
        <source>Clear check sample</source>
        <translation>Hapus sampel pemeriksaan</translation>
    </message>
    <message>
        <source>Set check sample</source>
        <translation>Tetapkan sampel pemeriksaan</translation>
    </message>
    <message>
        <source>Set analysis coders</source>
        <translation>Tetapkan pengode analisis</translation>
    </message>
    <message>
        <source>Change turn speaker</source>
        <translation>Ganti pembicara giliran</translation>
    </message>
    <message>
        <source>Split turn</source>
        <translation>Pisah giliran</translation>
    </message>
    <message>
        <source>Merge turns</source>
        <translation>Gabung giliran</translation>
    </message>
    <message>
        <source>Mark turn</source>
        <translation>Tandai giliran</translation>
    </message>
    <message>
        <source>Map speaker to case</source>
        <translation>Petakan pembicara ke kasus</translation>
    </message>
    <message>
        <source>New map</source>
        <translation>Peta baru</translation>
    </message>
    <message>
        <source>Draw map from the data</source>
        <translation>Gambar peta dari data</translation>
    </message>
    <message>
        <source>Edit map link</source>
        <translation>Ubah tautan peta</translation>
    </message>
    <message>
        <source>Rename map</source>
        <translation>Ganti nama peta</translation>
    </message>
    <message>
        <source>Delete map</source>
        <translation>Hapus peta</translation>
    </message>
    <message>
        <source>Add to map</source>
        <translation>Tambahkan ke peta</translation>
    </message>
    <message>
        <source>Move map nodes</source>
        <translation>Pindahkan kotak peta</translation>
    </message>
    <message>
        <source>Edit map node</source>
        <translation>Sunting kotak peta</translation>
    </message>
    <message>
        <source>Remove from map</source>
        <translation>Hapus dari peta</translation>
    </message>
    <message>
        <source>Link map nodes</source>
        <translation>Tautkan kotak peta</translation>
    </message>
    <message>
        <source>Unlink map nodes</source>
        <translation>Lepas tautan kotak peta</translation>
    </message>
    <message>
        <source>Add to identity register</source>
        <translation>Tambahkan ke daftar identitas</translation>
    </message>
    <message>
        <source>Edit identity register entry</source>
        <translation>Sunting entri daftar identitas</translation>
    </message>
    <message>
        <source>Remove from identity register</source>
        <translation>Hapus dari daftar identitas</translation>
    </message>
    <message>
        <source>Mark attribute identifying</source>
        <translation>Tandai atribut sebagai pengenal</translation>
    </message>
    <message>
        <source>Fill identity register</source>
        <translation>Isi daftar identitas</translation>
    </message>
    <message>
        <source>Merge review</source>
        <translation>Gabungkan hasil tinjauan</translation>
    </message>
    <message>
        <source>Add decision rule</source>
        <translation>Tambah aturan keputusan</translation>
    </message>
    <message>
        <source>Edit decision rule</source>
        <translation>Sunting aturan keputusan</translation>
    </message>
    <message>
        <source>Delete decision rule</source>
        <translation>Hapus aturan keputusan</translation>
    </message>
    <message>
        <source>Set effect type</source>
        <translation>Tetapkan jenis efek</translation>
    </message>
    <message>
        <source>Clear effect type</source>
        <translation>Hapus jenis efek</translation>
    </message>
    <message>
        <source>Record member check</source>
        <translation>Catat member check</translation>
    </message>
</context>
<context>
    <name>panes</name>
    <message>
        <source>Intercoder agreement</source>
        <translation>Kesepakatan antarpengode</translation>
    </message>
    <message>
        <source>Conclusions</source>
        <translation>Kesimpulan</translation>
    </message>
    <message>
        <source>Displays</source>
        <translation>Display</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Pencarian</translation>
    </message>
    <message>
        <source>Review comments</source>
        <translation>Komentar tinjauan</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Speakers</source>
        <translation>Pembicara</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>Gambar</translation>
    </message>
    <message>
        <source>Concept maps</source>
        <translation>Peta konsep</translation>
    </message>
    <message>
        <source>Memos</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Identity register</source>
        <translation>Daftar identitas</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
</context>
<context>
    <name>refi</name>
    <message>
        <source>{count} code(s) had no name.</source>
        <translation>{count} kode tidak memiliki nama.</translation>
    </message>
    <message>
        <source>{count} code(s) had no GUID; new ones were given.</source>
        <translation>{count} kode tidak memiliki GUID; GUID baru diberikan.</translation>
    </message>
    <message>
        <source>{count} code colour(s) were unreadable and dropped.</source>
        <translation>{count} warna kode tidak terbaca dan diabaikan.</translation>
    </message>
    <message>
        <source>{count} set member(s) referred to codes that do not exist and were dropped.</source>
        <translation>{count} anggota set merujuk kode yang tidak ada dan diabaikan.</translation>
    </message>
    <message>
        <source>{count} identifier(s) were not GUIDs; stable GUIDs were derived from them.</source>
        <translation>{count} pengenal bukan GUID; GUID tetap diturunkan darinya.</translation>
    </message>
    <message>
        <source>{count} set(s) without codes were left out of the codebook.</source>
        <translation>{count} set tanpa kode tidak dimasukkan ke buku kode.</translation>
    </message>
    <message>
        <source>Notes on codes cannot be stored in a codebook file.</source>
        <translation>Catatan pada kode tidak dapat disimpan dalam berkas buku kode.</translation>
    </message>
    <message>
        <source>Unicode code points (REFI-QDA standard)</source>
        <translation>Titik kode Unicode (standar REFI-QDA)</translation>
    </message>
    <message>
        <source>UTF-16 code units (NVivo)</source>
        <translation>Unit kode UTF-16 (NVivo)</translation>
    </message>
    <message>
        <source>code points, a CRLF line break counted once (ATLAS.ti)</source>
        <translation>titik kode, pindah baris CRLF dihitung sekali (ATLAS.ti)</translation>
    </message>
    <message>
        <source>UTF-16 code units, a CRLF line break counted once</source>
        <translation>unit kode UTF-16, pindah baris CRLF dihitung sekali</translation>
    </message>
    <message>
        <source>code points, the byte-order mark counted</source>
        <translation>titik kode, tanda urutan bita ikut dihitung</translation>
    </message>
    <message>
        <source>UTF-16 code units, the byte-order mark counted</source>
        <translation>unit kode UTF-16, tanda urutan bita ikut dihitung</translation>
    </message>
    <message>
        <source>{count} object(s) had no GUID; new ones were given.</source>
        <extracomment>Elements handled as soon as they are complete (then cleared): the sections and, within ``Sources`` and ``Notes``, each source and note on its own. Sections read at the end, once the sources and notes they refer to are known.</extracomment>
        <translation>{count} objek tidak memiliki GUID; GUID baru diberikan.</translation>
    </message>
    <message>
        <source>{count} variable(s) had an unknown type; read as Text.</source>
        <translation>{count} variabel bertipe tidak dikenal; dibaca sebagai Teks.</translation>
    </message>
    <message>
        <source>{count} attribute value(s) could not be read and were skipped.</source>
        <translation>{count} nilai atribut tidak dapat dibaca dan dilewati.</translation>
    </message>
    <message>
        <source>{count} selection(s) had unreadable positions and were skipped.</source>
        <translation>{count} seleksi memiliki posisi yang tidak terbaca dan dilewati.</translation>
    </message>
    <message>
        <source>{count} reference(s) to codes that do not exist were dropped.</source>
        <translation>{count} rujukan ke kode yang tidak ada diabaikan.</translation>
    </message>
    <message>
        <source>{count} reference(s) to notes that do not exist were dropped.</source>
        <translation>{count} rujukan ke catatan yang tidak ada diabaikan.</translation>
    </message>
    <message>
        <source>{count} value(s) of variables that do not exist were dropped.</source>
        <translation>{count} nilai variabel yang tidak ada diabaikan.</translation>
    </message>
    <message>
        <source>{count} reference(s) to sources that were not imported were dropped.</source>
        <translation>{count} rujukan ke sumber yang tidak diimpor diabaikan.</translation>
    </message>
    <message>
        <source>{count} reference(s) to selections that were not imported were dropped.</source>
        <translation>{count} rujukan ke seleksi yang tidak diimpor diabaikan.</translation>
    </message>
    <message>
        <source>Element {element} is not part of REFI-QDA 1.5; skipped.</source>
        <translation>Elemen {element} bukan bagian dari REFI-QDA 1.5; dilewati.</translation>
    </message>
    <message>
        <source>{count} graph(s) (network views) were not imported.</source>
        <translation>{count} graf (tampilan jaringan) tidak diimpor.</translation>
    </message>
    <message>
        <source>{count} user(s) referenced but not listed were added without a name.</source>
        <translation>{count} pengguna yang dirujuk tetapi tidak terdaftar ditambahkan tanpa nama.</translation>
    </message>
    <message>
        <source>Note {note}: its text file is missing; imported empty.</source>
        <translation>Catatan {note}: berkas teksnya hilang; diimpor kosong.</translation>
    </message>
    <message>
        <source>Note {note}: {count} coded selection(s) in the note were not imported.</source>
        <translation>Catatan {note}: {count} seleksi berkode di dalam catatan tidak diimpor.</translation>
    </message>
    <message>
        <source>Link {link} was not imported: it connects an object that was not imported.</source>
        <translation>Tautan {link} tidak diimpor: tautan ini menghubungkan objek yang tidak diimpor.</translation>
    </message>
    <message>
        <source>{source}: the text is not UTF-8; read it as {encoding}.</source>
        <extracomment>Reads a ``relative://``/``absolute://`` source (uri, project basePath) → bytes or None. Parsed stamps remembered by :meth:`ReaderBase.stamp` before the memory is cleared.</extracomment>
        <translation>{source}: teks bukan UTF-8; dibaca sebagai {encoding}.</translation>
    </message>
    <message>
        <source>picture</source>
        <translation>gambar</translation>
    </message>
    <message>
        <source>audio</source>
        <translation>audio</translation>
    </message>
    <message>
        <source>video</source>
        <translation>video</translation>
    </message>
    <message>
        <source>{kind} source {source} was not imported (QualCode imports text and PDF text only); {count} selection(s) and {transcripts} transcript(s) on it were skipped.</source>
        <translation>Sumber {kind} {source} tidak diimpor (QualCode hanya mengimpor teks dan teks PDF); {count} seleksi dan {transcripts} transkrip padanya dilewati.</translation>
    </message>
    <message>
        <source>Source {source}: its text ({path}) is missing from the project; the source and its {count} selection(s) were not imported.</source>
        <translation>Sumber {source}: teksnya ({path}) tidak ada dalam proyek; sumber dan {count} seleksinya tidak diimpor.</translation>
    </message>
    <message>
        <source>Source {source}: the original file {path} is missing; the plain text was imported.</source>
        <translation>Sumber {source}: berkas asli {path} tidak ada; teks polosnya yang diimpor.</translation>
    </message>
    <message>
        <source>PDF {source}: {count} area selection(s) on pages were not imported (text selections are).</source>
        <translation>PDF {source}: {count} seleksi area pada halaman tidak diimpor (seleksi teks diimpor).</translation>
    </message>
    <message>
        <source>PDF {source} has no text representation; it was not imported.</source>
        <translation>PDF {source} tidak memiliki representasi teks; tidak diimpor.</translation>
    </message>
    <message>
        <source>{before} selections were merged into {after}: repeated selections of the same text range became one selection with all their codings.</source>
        <extracomment>Below this share of the best possible fit score, the user is told to check positions.</extracomment>
        <translation>{before} seleksi digabung menjadi {after}: seleksi berulang pada rentang teks yang sama menjadi satu seleksi dengan seluruh pengodeannya.</translation>
    </message>
    <message>
        <source>Selection positions of {count} source(s) were read as {model}.</source>
        <translation>Posisi seleksi pada {count} sumber dibaca sebagai {model}.</translation>
    </message>
    <message>
        <source>Source {source}: selection positions did not fit {preferred}, the usual convention of {origin}; they were read as {model}, which fits the text better.</source>
        <translation>Sumber {source}: posisi seleksi tidak cocok dengan {preferred}, konvensi yang biasa dipakai {origin}; posisi dibaca sebagai {model}, yang lebih cocok dengan teksnya.</translation>
    </message>
    <message>
        <source>Source {source}: many selections do not start or end on word boundaries; check that the coded text is right.</source>
        <translation>Sumber {source}: banyak seleksi tidak diawali atau diakhiri pada batas kata; periksa apakah teks yang dikode sudah benar.</translation>
    </message>
    <message>
        <source>Source {source}: {count} selection(s) pointed outside the text or inside a character and were adjusted.</source>
        <translation>Sumber {source}: {count} seleksi menunjuk ke luar teks atau ke dalam sebuah karakter dan telah disesuaikan.</translation>
    </message>
    <message>
        <source>{count} PDF source(s) without their PDF file were written as text sources.</source>
        <translation>{count} sumber PDF tanpa berkas PDF-nya ditulis sebagai sumber teks.</translation>
    </message>
    <message>
        <source>{count} selection(s) outside their text were cut to the text.</source>
        <translation>{count} seleksi di luar teksnya dipotong sesuai teks.</translation>
    </message>
    <message>
        <source>{count} name(s) or text(s) held control characters XML cannot store; they were removed.</source>
        <translation>{count} nama atau teks memuat karakter kendali yang tidak dapat disimpan XML; karakter itu dihapus.</translation>
    </message>
    <message>
        <source>{count} code link(s) cannot be stored in a codebook file; not exported.</source>
        <translation>{count} tautan kode tidak dapat disimpan dalam berkas buku kode; tidak diekspor.</translation>
    </message>
    <message>
        <source>A codebook file holds codes and code sets only: sources, codings, cases and memos are not in it (export a project for those).</source>
        <translation>Berkas buku kode hanya memuat kode dan set kode: sumber, pengodean, kasus, dan memo tidak termasuk (ekspor proyek untuk itu).</translation>
    </message>
    <message>
        <source>{count} memo(s) on cases were written as free notes naming their case (REFI-QDA cases cannot hold notes).</source>
        <translation>{count} memo pada kasus ditulis sebagai catatan bebas yang menyebut kasusnya (kasus REFI-QDA tidak dapat memuat catatan).</translation>
    </message>
    <message>
        <source>{count} coding(s) carry valence, magnitude, period, date, weight or a note: written as notes on their selections.</source>
        <translation>{count} pengodean memuat valensi, magnitudo, periode, tanggal, bobot, atau catatan: ditulis sebagai catatan pada seleksinya.</translation>
    </message>
    <message>
        <source>Selection positions were written as {model}.</source>
        <translation>Posisi seleksi ditulis sebagai {model}.</translation>
    </message>
    <message>
        <source>{count} empty set(s) were left out (REFI-QDA sets cannot be empty): {names}.</source>
        <translation>{count} set kosong tidak diekspor (set REFI-QDA tidak boleh kosong): {names}.</translation>
    </message>
    <message>
        <source>{count} review comment(s) and replies were written as notes on what they discuss (conclusions and display cells: project notes).</source>
        <translation>{count} komentar tinjauan beserta balasannya ditulis sebagai catatan pada hal yang dibahas (kesimpulan dan sel tampilan: catatan proyek).</translation>
    </message>
    <message>
        <source>Case kinds and the case hierarchy have no place in REFI-QDA: written in the case descriptions.</source>
        <translation>Jenis kasus dan hierarki kasus tidak ada tempatnya di REFI-QDA: ditulis dalam deskripsi kasus.</translation>
    </message>
    <message>
        <source>{count} code link(s) to codes of other codebooks were not exported (REFI-QDA links join objects of the same project).</source>
        <translation>{count} tautan kode ke kode dari buku kode lain tidak diekspor (tautan REFI-QDA menghubungkan objek dalam proyek yang sama).</translation>
    </message>
    <message>
        <source>Code definitions (inclusion, exclusion, example), translated labels and codebook origins were written in the code descriptions.</source>
        <translation>Definisi kode (inklusi, eksklusi, contoh), label terjemahan, dan asal buku kode ditulis dalam deskripsi kode.</translation>
    </message>
    <message>
        <source>The undo history and the audit log are not part of REFI-QDA; not exported.</source>
        <translation>Riwayat urungkan dan log audit bukan bagian dari REFI-QDA; tidak diekspor.</translation>
    </message>
    <message>
        <source>Import metadata (file header fields) of {count} source(s) not exported.</source>
        <translation>Metadata impor (isian kepala berkas) dari {count} sumber tidak diekspor.</translation>
    </message>
    <message>
        <source>{count} {table} row(s) (analysis objects) were not exported.</source>
        <translation>{count} baris {table} (objek analisis) tidak diekspor.</translation>
    </message>
    <message>
        <source>{count} code name(s) were changed: empty, with &apos;/&apos;, or the same as a sibling&apos;s.</source>
        <translation>{count} nama kode diubah: kosong, memuat &apos;/&apos;, atau sama dengan nama saudaranya.</translation>
    </message>
    <message>
        <source>{count} code(s) were categories only (not codable) in the file; imported as ordinary codes.</source>
        <translation>{count} kode hanya berupa kategori (tidak dapat dikodekan) dalam berkas; diimpor sebagai kode biasa.</translation>
    </message>
    <message>
        <source>The codebooks&apos; other languages stored by QualCode could not be read; the codes were imported with their descriptions.</source>
        <translation>Bahasa lain buku kode yang disimpan QualCode tidak dapat dibaca; kode diimpor dengan deskripsinya.</translation>
    </message>
    <message>
        <source>{count} set(s) were not imported because none of their members were (only sets of codes and sources are kept): {names}.</source>
        <translation>{count} set tidak diimpor karena tidak satu pun anggotanya diimpor (hanya set kode dan sumber yang disimpan): {names}.</translation>
    </message>
    <message>
        <source>{count} link(s) between objects other than two codes were not imported.</source>
        <translation>{count} tautan antarobjek selain antara dua kode tidak diimpor.</translation>
    </message>
    <message>
        <source>The project&apos;s description was not imported.</source>
        <translation>Deskripsi proyek tidak diimpor.</translation>
    </message>
    <message>
        <source>Source {name}: the project has a source of that name (or GUID) with a different text; imported as {new_name}.</source>
        <translation>Sumber {name}: proyek sudah memiliki sumber dengan nama (atau GUID) itu tetapi teksnya berbeda; diimpor sebagai {new_name}.</translation>
    </message>
    <message>
        <source>{count} source(s) without text were not imported.</source>
        <translation>{count} sumber tanpa teks tidak diimpor.</translation>
    </message>
    <message>
        <source>{count} code reference(s) of cases have no equivalent; not imported.</source>
        <translation>{count} rujukan kode pada kasus tidak memiliki padanan; tidak diimpor.</translation>
    </message>
    <message>
        <source>Codes applied to {count} whole source(s) were imported as codings of their whole text.</source>
        <translation>Kode yang diterapkan pada {count} sumber utuh diimpor sebagai pengodean seluruh teksnya.</translation>
    </message>
    <message>
        <source>{count} selection(s) outside their source&apos;s text were not imported.</source>
        <translation>{count} seleksi di luar teks sumbernya tidak diimpor.</translation>
    </message>
    <message>
        <source>{count} selection(s) without codes or notes were not imported (QualCode keeps only coded passages).</source>
        <translation>{count} seleksi tanpa kode atau catatan tidak diimpor (QualCode hanya menyimpan bagian teks yang dikode).</translation>
    </message>
    <message>
        <source>{count} comment(s) on selections became memos on their codings (on their source for a selection without codes).</source>
        <translation>{count} komentar pada seleksi menjadi memo pada pengodeannya (pada sumbernya untuk seleksi tanpa kode).</translation>
    </message>
    <message>
        <source>{count} note(s) were attached to several objects; each became one memo on the first of them.</source>
        <translation>{count} catatan melekat pada beberapa objek; masing-masing menjadi satu memo pada objek pertamanya.</translation>
    </message>
    <message>
        <source>{count} attribute value(s) did not fit their attribute; not imported.</source>
        <translation>{count} nilai atribut tidak sesuai dengan atributnya; tidak diimpor.</translation>
    </message>
    <message>
        <source>{count} attribute value(s) differ from the project&apos;s; the project&apos;s kept.</source>
        <translation>{count} nilai atribut berbeda dari milik proyek; nilai proyek dipertahankan.</translation>
    </message>
    <message>
        <source>{count} review comment(s) are on conclusions, display cells or objects not in this project: they keep the text they quoted.</source>
        <translation>{count} komentar tinjauan berada pada kesimpulan, sel tampilan, atau objek yang tidak ada di proyek ini: komentar tetap menyimpan teks yang dikutipnya.</translation>
    </message>
</context>
<context>
    <name>verification</name>
    <message>
        <source>No supporting evidence is linked.</source>
        <translation>Belum ada bukti pendukung yang ditautkan.</translation>
    </message>
    <message>
        <source>All supporting evidence comes from one informant.</source>
        <translation>Semua bukti pendukung berasal dari satu informan.</translation>
    </message>
    <message>
        <source>{share} of the supporting evidence comes from {name}.</source>
        <translation>{share} bukti pendukung berasal dari {name}.</translation>
    </message>
    <message>
        <source>{share} of the supporting evidence comes from each of {names} (tied).</source>
        <translation>{share} bukti pendukung berasal dari masing-masing {names} (sama banyak).</translation>
    </message>
    <message>
        <source>Only one source backs this conclusion (no triangulation by source).</source>
        <translation>Hanya satu sumber yang mendukung kesimpulan ini (tidak ada triangulasi sumber).</translation>
    </message>
    <message>
        <source>Only one kind of source backs it (no triangulation by method).</source>
        <translation>Hanya satu jenis sumber yang mendukungnya (tidak ada triangulasi metode).</translation>
    </message>
    <message>
        <source>{n} contradicting excerpt(s) are not addressed.</source>
        <translation>{n} kutipan yang bertentangan belum ditanggapi.</translation>
    </message>
    <message>
        <source>{n} linked excerpt(s) no longer exist.</source>
        <translation>{n} kutipan yang ditautkan sudah tidak ada.</translation>
    </message>
    <message>
        <source>Member check: the conclusion was disputed.</source>
        <translation>Member check: kesimpulan ini dibantah informan.</translation>
    </message>
    <message>
        <source>Member check: {names} disputed their account.</source>
        <translation>Member check: {names} membantah uraiannya.</translation>
    </message>
</context>
</TS>
