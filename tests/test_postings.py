"""Reading job postings: every format, every bad input, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from careerkit.errors import DataError, InputError
from careerkit.skills import _postings as postings_module
from careerkit.skills import (
    postings_from_bytes,
    postings_from_records,
    postings_from_text,
    read_postings,
    sample_postings,
    sample_roles,
)

COLUMNS = ["title", "description", "company", "location", "date", "url"]

ROWS = [
    {
        "title": "Data analyst",
        "description": "Requirements: SQL and Excel; café culture.",
        "company": "Acme Ltd",
    },
    {
        "title": "Nurse",
        "description": "Registered nurse, patient care, night shifts.",
        "company": "City Hospital",
    },
]


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# ----------------------------------------------------------------------------- CSV


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"])
def test_csv_in_common_encodings_reads_accented_text(tmp_path, encoding):
    text = (
        'job_title,job_description,employer\nBarista,"Serve café au lait, crème brûlée",Zoë Café\n'
    )
    frame = read_postings(_write(tmp_path / "p.csv", text, encoding))
    assert frame.loc[0, "title"] == "Barista"
    assert frame.loc[0, "description"] == "Serve café au lait, crème brûlée"
    assert frame.loc[0, "company"] == "Zoë Café"
    assert list(frame.columns) == COLUMNS


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiters_are_detected(tmp_path, delimiter):
    lines = [delimiter.join(["Position", "Body", "Organization", "City"])]
    lines.append(delimiter.join(["Welder", '"MIG, TIG; stick welding"', "Steel Co", "Leeds"]))
    frame = read_postings(_write(tmp_path / "p.csv", "\n".join(lines) + "\n"))
    assert frame.loc[0, "title"] == "Welder"
    assert frame.loc[0, "description"] == "MIG, TIG; stick welding"
    assert frame.loc[0, "company"] == "Steel Co"
    assert frame.loc[0, "location"] == "Leeds"


def test_tab_separated_txt_with_header_is_a_table(tmp_path):
    text = "title\tdescription\nCook\tPrepare meals\n"
    frame = read_postings(_write(tmp_path / "export.txt", text))
    assert frame.attrs["format"] == "table"
    assert frame.loc[0, "description"] == "Prepare meals"


def test_pandas_index_column_is_ignored_and_names_are_found(tmp_path):
    text = ",ID,Job Title,Job-Description,Company Name\n0,7,Clerk,Filing and typing,Acme\n"
    frame = read_postings(_write(tmp_path / "p.csv", text))
    assert frame.attrs["columns"] == {
        "description": "Job-Description",
        "title": "Job Title",
        "company": "Company Name",
    }
    assert frame.loc[0, "company"] == "Acme"


def test_missing_description_column_lists_the_columns_found(tmp_path):
    path = _write(tmp_path / "p.csv", "role,salary,city\nCook,100,Rome\n")
    with pytest.raises(DataError) as err:
        read_postings(path)
    message = str(err.value)
    assert "p.csv" in message and "'role'" in message and "'salary'" in message
    assert "'city'" in message and "description" in message


def test_rows_without_description_are_skipped_and_reported(tmp_path):
    text = "title,description\nA,first\nB,\nC,third\n"
    frame = read_postings(_write(tmp_path / "p.csv", text))
    assert frame["title"].tolist() == ["A", "C"]
    assert frame.attrs["skipped_rows"] == [2]


def test_all_descriptions_empty_is_an_error(tmp_path):
    with pytest.raises(DataError, match="empty in every row"):
        read_postings(_write(tmp_path / "p.csv", "title,description\nA,\nB,  \n"))


def test_malformed_csv_names_the_file_and_line(tmp_path):
    text = 'title,description\nA,"unclosed quote\nB,ok\n'
    with pytest.raises(DataError) as err:
        read_postings(_write(tmp_path / "broken.csv", text))
    assert "broken.csv" in str(err.value)


def test_header_only_csv_has_no_postings(tmp_path):
    with pytest.raises(DataError, match=r"p\.csv"):
        read_postings(_write(tmp_path / "p.csv", "title,description\n"))


# ----------------------------------------------------------------------------- JSON family


def test_json_list_of_objects(tmp_path):
    frame = read_postings(_write(tmp_path / "p.json", json.dumps(ROWS)))
    assert frame["title"].tolist() == ["Data analyst", "Nurse"]
    assert frame.loc[1, "company"] == "City Hospital"


def test_json_object_with_postings_list(tmp_path):
    frame = read_postings(_write(tmp_path / "p.json", json.dumps({"postings": ROWS})))
    assert len(frame) == 2


def test_json_object_without_a_list_says_what_it_found(tmp_path):
    path = _write(tmp_path / "p.json", json.dumps({"meta": 1, "rows": 2}))
    with pytest.raises(DataError, match=r"p.json.*'meta'"):
        read_postings(path)


def test_invalid_json_gives_line_and_column(tmp_path):
    path = _write(tmp_path / "p.json", '[{"title": "A",\n "description": }]')
    with pytest.raises(DataError, match=r"p.json.*line 2"):
        read_postings(path)


def test_json_list_of_non_objects_is_refused(tmp_path):
    with pytest.raises(DataError, match="posting 2"):
        read_postings(_write(tmp_path / "p.json", json.dumps([ROWS[0], "just text"])))


def test_json_lines(tmp_path):
    text = "\n".join(json.dumps(r) for r in ROWS) + "\n\n"
    frame = read_postings(_write(tmp_path / "p.jsonl", text))
    assert frame["company"].tolist() == ["Acme Ltd", "City Hospital"]
    assert frame.attrs["format"] == "jsonl"


def test_json_lines_bad_line_is_named(tmp_path):
    text = json.dumps(ROWS[0]) + "\n{not json}\n"
    with pytest.raises(DataError, match=r"p.jsonl, line 2"):
        read_postings(_write(tmp_path / "p.jsonl", text))


# ----------------------------------------------------------------------------- Parquet, Excel


def test_parquet(tmp_path):
    path = tmp_path / "p.parquet"
    pd.DataFrame(ROWS).rename(columns={"description": "text"}).to_parquet(path)
    frame = read_postings(path)
    assert frame.loc[0, "description"].startswith("Requirements: SQL")
    assert frame.attrs["format"] == "parquet"


def test_damaged_parquet_is_a_data_error(tmp_path):
    path = tmp_path / "p.parquet"
    path.write_bytes(b"PAR1" + b"\x00garbage" * 10)
    with pytest.raises(DataError, match=r"p\.parquet"):
        read_postings(path)


def test_excel_workbook(tmp_path):
    path = tmp_path / "p.xlsx"
    pd.DataFrame(ROWS).to_excel(path, index=False)
    frame = read_postings(path)
    assert frame["title"].tolist() == ["Data analyst", "Nurse"]


# ----------------------------------------------------------------------------- text


def test_text_file_with_one_posting_uses_first_line_as_title(tmp_path):
    frame = read_postings(_write(tmp_path / "job.txt", "\nData analyst\n\nWe need SQL.\n"))
    assert len(frame) == 1
    assert frame.loc[0, "title"] == "Data analyst"
    assert frame.loc[0, "description"] == "We need SQL."


def test_text_file_with_several_postings_separated_by_dashes(tmp_path):
    text = "Cook\nPrepare meals.\n---\nCompany: Acme\nTitle: Driver\nDeliver parcels.\n ----- \n\n"
    frame = read_postings(_write(tmp_path / "jobs.txt", text))
    assert frame["title"].tolist() == ["Cook", "Driver"]
    assert frame.loc[1, "company"] == "Acme"
    assert frame.loc[1, "description"] == "Deliver parcels."


def test_pasted_text_becomes_postings():
    frame = postings_from_text("Welder\r\nMIG welding, a plus: forklift licence")
    assert frame.loc[0, "title"] == "Welder"
    assert "forklift" in frame.loc[0, "description"]


def test_pasted_text_empty_is_an_input_error():
    with pytest.raises(InputError, match="empty"):
        postings_from_text("   \n ")


def test_text_of_only_separators_is_refused(tmp_path):
    with pytest.raises(DataError, match="no posting text"):
        read_postings(_write(tmp_path / "jobs.txt", "---\n\n---\n"))


# ----------------------------------------------------------------------------- bad files


def test_empty_file_is_refused_naming_it(tmp_path):
    path = tmp_path / "nothing.csv"
    path.write_bytes(b"")
    with pytest.raises(DataError, match=r"nothing\.csv is empty"):
        read_postings(path)


def test_whitespace_only_file_is_refused(tmp_path):
    with pytest.raises(DataError, match=r"blank\.txt is empty"):
        read_postings(_write(tmp_path / "blank.txt", " \n\n\t\n"))


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("scan.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image"),
        ("data.bin", bytes(range(256)) * 4, "binary"),
        ("letter.docx", b"PK\x03\x04\x14\x00\x06\x00", "zip"),
    ],
)
def test_binary_input_is_refused_with_the_file_name(tmp_path, name, content, words):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DataError) as err:
        read_postings(path)
    assert name in str(err.value) and words in str(err.value)


def test_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(DataError, match="not found"):
        read_postings(tmp_path / "absent.csv")


def test_folder_is_refused(tmp_path):
    with pytest.raises(DataError, match="folder"):
        read_postings(tmp_path)


def test_large_file_is_read_from_disk_once(tmp_path, monkeypatch):
    description = "Requirements: Python, SQL and clear writing. " * 40
    rows = [{"title": f"Job {i}", "description": description} for i in range(30_000)]
    path = tmp_path / "big.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    assert path.stat().st_size > 50_000_000
    calls = []
    real = postings_module._read_bytes

    def counting(p):
        calls.append(p)
        return real(p)

    opened = []
    real_open = Path.open

    def counting_open(self, *args, **kwargs):
        if self == path:
            opened.append(args)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(postings_module, "_read_bytes", counting)
    monkeypatch.setattr(Path, "open", counting_open)
    frame = read_postings(path)
    assert len(frame) == 30_000
    assert len(calls) == 1 and len(opened) <= 1


# ----------------------------------------------------------------------------- records, samples


def test_records_of_strings_and_dicts():
    frame = postings_from_records(["Cook\nPrepare meals", {"text": "Drive", "employer": "X"}])
    assert frame["description"].tolist() == ["Cook\nPrepare meals", "Drive"]
    assert frame.loc[0, "title"] == "Cook"
    assert frame.loc[1, "company"] == "X"


def test_sample_postings_are_illustrative_and_filtered_by_role():
    everything = sample_postings()
    assert len(everything) >= 20
    assert everything["illustrative"].all()
    assert (everything["company"] == "Example employer").all()
    roles = sample_roles()
    assert len(roles) >= 12 and (roles["title"] != "").all()
    nurses = sample_postings("29-1141.00")
    assert len(nurses) >= 2 and set(nurses["soc_code"]) == {"29-1141.00"}
    assert sample_postings("99-9999.99").empty


# ----------------------------------------------------------------------------- real files


@pytest.mark.shared_data
def test_hahu_csv_reads_all_542_postings(shared_data):
    frame = read_postings(shared_data / "postings/hahu/redacted_hahu_test_with_id.csv")
    assert len(frame) == 542
    assert frame.loc[1, "title"] == "MEAL Coordinator"
    assert frame["description"].str.len().min() >= 300
    assert frame.attrs["columns"]["description"] == "description"


@pytest.mark.shared_data
def test_skillspan_jsonl_reads_text_column_and_derives_titles(shared_data):
    frame = read_postings(shared_data / "skill-benchmarks/skillspan/postings_train_dev.jsonl")
    assert len(frame) == 198
    assert frame.attrs["columns"] == {"description": "text"}
    assert frame.loc[0, "title"].startswith("Senior QA Engineer")
    assert (frame["title"] != "").all()


def test_uploaded_bytes_are_read_like_a_file():
    data = "title;description\nCook;Prepare meals\n".encode("cp1252")
    frame = postings_from_bytes(data, "upload.csv")
    assert frame.loc[0, "title"] == "Cook"
    with pytest.raises(DataError, match=r"empty\.csv"):
        postings_from_bytes(b"", "empty.csv")
