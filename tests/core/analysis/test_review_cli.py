"""The supervision round trip on the CLI: checked cell comments, the review report, the merge."""

from __future__ import annotations

import json
import shutil

import docx
from click.testing import CliRunner

from qualcode.analysis.displays import ready_spec
from qualcode.cli.main import cli
from qualcode.project import Project


def _run(*args: str, ok: bool = True) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert (result.exit_code == 0) == ok, result.output
    return result.output


def test_a_cell_comment_with_a_missing_row_or_column_is_refused(study) -> None:
    p, _st = study
    p.displays.save("Faktor", ready_spec(p, "factors"))
    shown = p.displays.run(1)
    row, col = shown.rows[0].key, shown.columns[0].key
    path = str(p.path)
    p.close()
    out = _run("comment", "add", path, "--on", f"cell:Faktor:{row}:xyz", "?", ok=False)
    assert "no cell" in out
    _run("comment", "add", path, "--on", f"cell:Faktor:nope:{col}", "?", ok=False)
    assert "Added comment" in _run(
        "comment", "add", path, "--on", f"cell:Faktor:{row}:{col}", "Ok?"
    )


def test_the_review_report_quotes_each_thread_with_replies_and_status(study, tmp_path) -> None:
    p, st = study
    coding = p.codings.get(st.c["c1"])
    quote = p.sources.text(coding.source_id)[coding.start : coding.end]
    first = p.review.add("coding", coding.id, "Rentang terlalu panjang.").result
    p.review.reply(first.id, "Sudah saya perbaiki.")
    p.review.resolve(first.id)
    p.review.add("code", st.code["Anggaran"], "Definisi belum jelas.")
    path = str(p.path)
    p.close()
    out = tmp_path / "r.docx"
    _run("export", "review", path, str(out))
    text = "\n".join(par.text for par in docx.Document(str(out)).paragraphs)
    assert quote in text
    assert "Rentang terlalu panjang." in text and "Sudah saya perbaiki." in text
    assert "Selesai — diselesaikan oleh ana" in text and "Terbuka" in text
    assert "Pengodean: Komunikasi / Transmisi" in text
    html = tmp_path / "r.html"
    _run("export", "review", path, str(html), "--language", "en")
    page = html.read_text(encoding="utf-8")
    assert "Resolved — resolved by ana" in page and "Definisi belum jelas." in page


def test_review_merge_brings_exactly_the_new_work_and_twice_is_once(study, tmp_path) -> None:
    p, st = study
    old = p.review.add("code", st.code["Anggaran"], "Sudah lama.").result
    student = p.path
    p.close()
    copy = tmp_path / "reviewed.qdaproj"
    shutil.copy(student, copy)
    with Project.open(copy, coder="pembimbing", review=True) as r:
        r.review.add("coding", st.c["c2"], "Kenapa kode ini?")
        r.review.add("excerpt", st.src["W1"], "Kutipan penting.", row_key="0", col_key="11")
        r.codings.apply(st.src["W1"], 0, 11, st.code["Anggaran"])
        r.review.resolve(old.id)
    with Project.open(student, coder="ana") as s:
        before = (len(s.codings.list()), len(s.review.list()))
    out = json.loads(_run("review", "merge", str(student), str(copy), "--coder", "ana", "--json"))
    assert (out["comments"], out["codings"], out["resolutions"]) == (2, 1, 1)
    assert out["conflicts"] == []
    again = json.loads(_run("review", "merge", str(student), str(copy), "--coder", "ana", "--json"))
    assert (again["comments"], again["codings"], again["resolutions"]) == (0, 0, 0)
    with Project.open(student, coder="ana") as s:
        assert (len(s.codings.list()), len(s.review.list())) == (before[0] + 1, before[1] + 2)
        check = [c for c in s.codings.list() if c.start == 0 and c.end == 11]
        assert len(check) == 1
        assert s.review.get(old.id).status == "resolved"
        assert s.undo_label() == "Merge review"
        s.undo()
        assert (len(s.codings.list()), len(s.review.list())) == before


def test_history_since_and_by_coder_lists_what_each_entry_touched(study) -> None:
    p, st = study
    path = p.path
    p.close()
    with Project.open(path, coder="pembimbing", review=True) as r:
        made = r.codings.apply(st.src["W1"], 0, 11, st.code["Anggaran"]).result
        r.review.add("coding", made.id, "Cek kode ini.")
        quote = r.sources.text(st.src["W1"])[0:11]
    out = json.loads(
        _run("history", str(path), "--since", "2024-01-01", "--coder", "pembimbing", "--json")
    )
    assert [e["coder"] for e in out] == ["pembimbing", "pembimbing"]
    assert [e["label"] for e in out] == ["Add comment", "Code text"]
    [coded] = out[1]["touched"]
    assert (coded["change"], coded["code"], coded["quote"]) == (
        "added",
        "Sumber daya / Anggaran",
        quote,
    )
    assert coded["source"] == "W1"
    assert out[0]["touched"][0]["text"] == "Cek kode ini."
    assert json.loads(_run("history", str(path), "--since", "2999-01-01", "--json")) == []


def test_compare_lists_a_coding_added_in_the_new_version(study, tmp_path) -> None:
    p, st = study
    old = tmp_path / "pertemuan-1.qdaproj"
    p.close()
    shutil.copy(tmp_path / "study.qdaproj", old)
    with Project.open(tmp_path / "study.qdaproj", coder="ana", backups=False) as s:
        s.codings.apply(st.src["W1"], 0, 11, st.code["Anggaran"])
        s.codes.rename(st.code["Staf"], "Staf pelaksana")
        s.codings.remove([st.c["c2"]])
        quote = s.sources.text(st.src["W1"])[0:11]
    out = json.loads(_run("compare", str(old), str(tmp_path / "study.qdaproj"), "--json"))
    added = [d for d in out if d["kind"] == "coding" and d["change"] == "added"]
    assert added == [{"kind": "coding", "change": "added", "name": "Sumber daya / Anggaran · W1",
                      "old": "", "new": quote}]  # fmt: skip
    assert any(d["kind"] == "coding" and d["change"] == "removed" for d in out)
    assert any(d["kind"] == "code" and d["change"] == "changed" and d["name"].endswith(
        "Staf pelaksana") for d in out)  # fmt: skip
    assert json.loads(_run("compare", str(old), str(old), "--json")) == []


def test_deleting_a_commented_coding_or_code_asks_first(study) -> None:
    p, st = study
    p.review.add("coding", st.c["c2"], "Kenapa?")
    path = str(p.path)
    p.close()
    refused = CliRunner().invoke(cli, ["coding", "remove", path, str(st.c["c2"])], input="n\n")
    assert refused.exit_code != 0 and "1 review comment thread(s)" in refused.output
    refused = CliRunner().invoke(cli, ["code", "delete", path, "Anggaran"], input="n\n")
    assert refused.exit_code != 0 and "this code or its codings" in refused.output
    with Project.open(path, coder="ana") as s:
        assert s.codings.get(st.c["c2"]) is not None
    assert "Removed 1" in _run("coding", "remove", path, str(st.c["c2"]), "--yes", "--coder", "ana")
    with Project.open(path, coder="ana") as s:
        [thread] = s.review.list(target="coding")
        assert s.review.where(thread).quote == "Anggaran kurang untuk pelatihan."


def test_comment_list_shows_where_the_quote_replies_and_dates(study) -> None:
    p, st = study
    made = p.review.add("coding", st.c["c2"], "Kenapa kode ini?").result
    p.review.reply(made.id, "Karena anggaran.")
    path = str(p.path)
    p.close()
    out = _run("comment", "list", path, "--all")
    assert "coding · Sumber daya / Anggaran · W1 ¶" in out
    assert "“Anggaran kurang untuk pelatihan.”" in out
    assert "↳ ana" in out and "Karena anggaran." in out
