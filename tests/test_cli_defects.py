"""Command-line defects: a closed pipe, a group without its subcommand, deleting nothing."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

import careerkit as ck
from careerkit.cli import main

RUN = "import sys; from careerkit.cli import main; sys.exit(main({argv!r}))"


def test_data_info_into_a_closed_pipe_ends_without_a_traceback() -> None:
    # `careerkit data info | head -0`: the reader is gone before anything is written
    process = subprocess.Popen(
        [sys.executable, "-c", RUN.format(argv=["data", "info"])],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode()
    process.wait(60)
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err
    assert process.returncode == 141


def test_skills_alone_shows_the_skills_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["skills"]) == 2
    out = capsys.readouterr().out
    assert out.startswith("usage: careerkit skills")
    assert "extract" in out


def test_delete_says_the_file_does_not_exist_before_asking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    asked = []
    monkeypatch.setattr("builtins.input", lambda prompt="": asked.append(prompt) or "yes")
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    assert main(["delete", str(tmp_path / "nobody-1.json")]) == 1
    assert asked == []
    assert "There is no workbook at" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{"notes": "a\tb"}', "Invalid control character"),
        ('{"notes": "ab', "Unterminated string"),
    ],
)
def test_json_messages_say_where_without_at_at(
    text: str, problem: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "river-42.json"
    path.write_text(text, encoding="utf-8")
    assert main(["report", str(path), "-o", str(tmp_path / "r.html")]) == 1
    err = capsys.readouterr().err
    assert f"not valid JSON ({problem}, line 1, column 1" in err
    assert "at at" not in err
    from careerkit import skills

    with pytest.raises(ck.DataError) as caught:
        skills.postings_from_bytes(text.replace("notes", "description").encode(), "p.json")
    assert f"not valid JSON: {problem}, line 1, column " in str(caught.value)
    assert "at at" not in str(caught.value)
