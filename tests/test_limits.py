"""Nothing lost, nothing leaked: files nested too deep or too big, answers out of range, texts
too long, owner-only modes for what careerkit writes about a person, and a folder fsync that
fails after the new version is in place."""

from __future__ import annotations

import errno
import json
import stat
import sys
from pathlib import Path

import pytest

import careerkit as ck
from careerkit import _json, cohort, report, skills
from careerkit.cli import main
from careerkit.workbook import MAX_BYTES, _store

DEEP = b"[" * 100_000 + b"]" * 100_000  # 200 KB: json.loads raises RecursionError


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _shared(folder: Path, name: str = "river-42") -> ck.Workbook:
    wb = ck.Workbook.create(name, folder)
    wb.give_consent("v1", ["store", "share_with_counselor", "cohort_statistics"])
    wb.interests.responses["R01"] = 4
    wb.save()
    return wb


# --------------------------------------------------------------------------- deep and big JSON


def test_depth_counts_brackets_outside_strings_only() -> None:
    assert _json.depth(b'{"a": "[[[[\\" [", "b": [1, {"c": []}]}') == 4
    assert _json.depth(b"3") == 0
    assert _json.depth(DEEP) == 100_000


def test_opening_a_deeply_nested_workbook_is_a_plain_error(tmp_path: Path) -> None:
    path = tmp_path / "river-42.json"
    path.write_bytes(DEEP)
    with pytest.raises(ck.WorkbookError, match=r"river-42\.json.*nested more than 64 levels"):
        ck.Workbook.open(path)


def test_uploading_a_deeply_nested_file_is_a_plain_error(tmp_path: Path) -> None:
    with pytest.raises(ck.WorkbookError, match=r"comments\.json.*nested"):
        ck.Workbook.import_bytes(DEEP, tmp_path, source="comments.json")


def test_cohort_skips_a_deeply_nested_file_and_reads_the_rest(tmp_path: Path) -> None:
    _shared(tmp_path)
    (tmp_path / "deep-1.json").write_bytes(DEEP)
    group = cohort.load(tmp_path)
    assert group.skipped["file"].tolist() == ["deep-1.json"]
    assert "nested" in group.skipped["reason"].iloc[0]
    assert [m.pseudonym for m in group.members] == ["river-42"]


def test_cli_cohort_on_a_folder_with_a_deep_file_prints_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "deep-1.json").write_bytes(DEEP)
    code = main(["cohort", str(folder), "-o", str(tmp_path / "out.csv")])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    assert "deep-1.json" in captured.err + captured.out
    assert code in (0, 1)


def test_a_deeply_nested_workbook_can_still_be_deleted(tmp_path: Path) -> None:
    path = tmp_path / "river-42.json"
    path.write_bytes(DEEP)
    assert ck.workbook.delete_workbook(path) == [path]


def test_a_workbook_file_over_the_size_limit_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "river-42.json"
    path.write_bytes(b'{"notes": "' + b"x" * MAX_BYTES + b'"}')
    with pytest.raises(ck.WorkbookError, match=r"river-42\.json is 5\.0 MB; a workbook is at most"):
        ck.Workbook.open(path)


def test_deeply_nested_postings_json_is_a_data_error() -> None:
    with pytest.raises(ck.DataError, match=r"postings\.json.*nested"):
        skills.postings_from_bytes(DEEP, "postings.json")
    lines = b'{"description": "a"}\n' + b'{"d": ' * 5000 + b"1" + b"}" * 5000 + b"\n"
    with pytest.raises(ck.DataError, match=r"postings\.jsonl.*nested"):
        skills.postings_from_bytes(lines, "postings.jsonl")


# --------------------------------------------------------------------------- answers and texts


@pytest.mark.parametrize("value", [7, 0, -3])
def test_an_interest_answer_out_of_range_is_not_saved(tmp_path: Path, value: int) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    before = wb.path.read_bytes()
    wb.interests.responses["R03"] = value
    with pytest.raises(ck.InputError, match=r"interests\.responses\.R03.*1 \(strongly dislike\)"):
        wb.save()
    assert wb.path.read_bytes() == before


def test_a_skill_rating_out_of_range_is_not_saved(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.skills.ratings["2.A.1.a"] = 6
    with pytest.raises(ck.InputError, match=r"skills\.ratings\.2\.A\.1\.a.*1 to 5"):
        wb.save()
    wb.skills.ratings["2.A.1.a"] = 5
    wb.save()
    assert ck.Workbook.open(wb.path).skills.ratings == {"2.A.1.a": 5}


def test_an_uploaded_workbook_with_answers_out_of_range_is_refused(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path / "a")
    data = wb.to_bytes().replace(b'"responses": {}', b'"responses": {"R01": 9}')
    assert b'"R01": 9' in data
    with pytest.raises(ck.WorkbookError, match=r"upload.*interests\.responses\.R01"):
        ck.Workbook.import_bytes(data, tmp_path / "b", source="The upload")


def test_pasting_six_megabytes_is_refused_with_a_message() -> None:
    with pytest.raises(ck.InputError, match=r"pasted text is 6,000,000 characters"):
        skills.postings_from_text("Data analyst\n" + "x" * (6_000_000 - 13))


def test_one_posting_longer_than_a_workbook_keeps_is_refused() -> None:
    text = "Data analyst\n" + "Use SQL daily. " * 4000
    with pytest.raises(ck.InputError, match=r"description of posting 1 is 59,999 characters"):
        skills.postings_from_text(text)
    csv = b"title,description\nA,short\nB," + b"y" * 60_000 + b"\n"
    with pytest.raises(ck.DataError, match=r"big\.csv: the description of posting 2"):
        skills.postings_from_bytes(csv, "big.csv")


def test_a_huge_posting_put_in_directly_is_not_saved(tmp_path: Path) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    before = wb.path.read_bytes()
    wb.skills.postings.append(skills.Posting(id="p1", description="x" * 6_000_000))
    with pytest.raises(ck.InputError, match=r"skills\.postings\.p1\.description is 6,000,000"):
        wb.save()
    assert wb.path.read_bytes() == before


def test_a_workbook_careerkit_saves_can_be_uploaded_again_and_read_by_the_cohort(
    tmp_path: Path,
) -> None:
    wb = _shared(tmp_path / "mine")
    text = "Análisis de datos. " * 2600  # just under the per-field limit, 2 bytes per "á"
    for n in range(100):
        wb.skills.postings.append(skills.Posting(id=f"p{n}", description=text))
        try:
            wb.save()
        except ck.WorkbookError as exc:  # the file would be too big: refused, nothing written
            assert "at most 5 MB" in str(exc)
            wb.skills.postings.pop()
            break
    else:
        pytest.fail("100 long postings fit in 5 MB; the size check is not exercised")
    data = wb.to_bytes()
    assert len(data) <= MAX_BYTES
    ck.Workbook.import_bytes(data, tmp_path / "counselor")
    group = cohort.load(tmp_path / "counselor")
    assert [m.pseudonym for m in group.members] == ["river-42"]


# --------------------------------------------------------------------------- modes


def test_report_export_and_batch_and_cli_write_owner_only_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = _shared(tmp_path / "wb")
    one = report.export(wb, tmp_path / "out" / "one.html", charts="text")
    assert _mode(one) == 0o600
    assert _mode(one.parent) == 0o700
    batch = report.export_many([wb], tmp_path / "batch", format="html", charts="text")
    assert [_mode(p) for p in batch.written] == [0o600]
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(wb.path), "-o", "cli.html", "--charts", "interactive"]) == 0
    assert _mode(tmp_path / "cli.html") == 0o600


def test_careerkit_home_made_by_the_skill_cache_is_owner_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from careerkit.skills import _cache

    home = tmp_path / "fresh-home"
    monkeypatch.setenv("CAREERKIT_HOME", str(home))
    _cache.cache_store("probe", {"a": 1})
    assert _cache.cache_load("probe") == {"a": 1}
    assert [_mode(p) for p in (home, home / "cache", home / "cache" / "skills")] == [0o700] * 3


# --------------------------------------------------------------------------- a failing fsync


def test_a_folder_fsync_failing_after_the_rename_says_the_file_was_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    wb.notes = "new"

    def fail(folder: Path) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(_store, "_fsync_folder", fail)
    with pytest.raises(ck.WorkbookError) as caught:
        wb.save()
    message = str(caught.value)
    assert "unchanged" not in message
    assert "new version is in place" in message
    monkeypatch.undo()
    assert ck.Workbook.open(wb.path).notes == "new"
    wb.save()  # the next save merges with what is on disk: nothing lost
    assert ck.Workbook.open(wb.path).notes == "new"


# --------------------------------------------------------------------------- base install HTML


def test_a_base_install_without_playwright_exports_html_with_interactive_charts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERKIT_CHROMIUM", sys.executable)  # "a Chromium" is found...
    monkeypatch.setitem(sys.modules, "playwright", None)  # ...but playwright is not installed
    wb = _shared(tmp_path / "wb")
    path = report.export(wb, tmp_path / "r.html")
    html = path.read_text(encoding="utf-8")
    assert report.TEXT["charts_interactive_no_browser"] in html
    assert 'class="chart-live"' in html


# --------------------------------------------------------------------------- a ragged CSV


def test_a_csv_row_longer_than_its_header_is_refused_naming_file_and_line() -> None:
    data = b"title,description\nData analyst,Use SQL daily,and Python\nTutor,Teach maths\n"
    with pytest.raises(ck.DataError, match=r"p\.csv, line 2: 3 fields, but the header has 2"):
        skills.postings_from_bytes(data, "p.csv")


def test_a_trailing_empty_field_does_not_shift_the_columns() -> None:
    frame = skills.postings_from_bytes(b"title,description\nData analyst,Use SQL daily,\n", "p.csv")
    assert frame[["title", "description"]].values.tolist() == [["Data analyst", "Use SQL daily"]]


def test_an_upload_that_would_grow_past_the_limit_when_written_is_refused(
    tmp_path: Path,
) -> None:
    wb = ck.Workbook.create("river-42", tmp_path / "a")
    data = wb.to_bytes()
    # compact JSON just under the limit; written indented, one line per item, it would not be
    content = json.loads(data)
    content["history"] = [
        {"id": f"h{n}", "field": "/notes", "value": "x", "replaced_at": "2026-01-01T00:00:00Z"}
        for n in range(52_000)
    ]
    compact = json.dumps(content, separators=(",", ":")).encode()
    assert len(compact) < MAX_BYTES
    with pytest.raises(ck.WorkbookError, match=r"would be \d\.\d MB; a workbook holds at most"):
        ck.Workbook.import_bytes(compact, tmp_path / "b")
    assert not (tmp_path / "b" / "river-42.json").exists()
