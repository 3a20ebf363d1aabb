"""``careerkit delete WORKBOOK``."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

import careerkit as ck
from careerkit.cli import main


def _workbook(folder: Path | None = None) -> Path:
    wb = ck.Workbook.create("river-42", folder)
    wb.notes = "something"
    wb.save()  # so there is a backup too
    return wb.path


def test_delete_with_yes_removes_file_and_backup(tmp_path: Path, capsys) -> None:
    path = _workbook(tmp_path)
    assert main(["delete", str(path), "--yes"]) == 0
    assert list(tmp_path.iterdir()) == []
    assert "river-42.json.bak" in capsys.readouterr().out


def test_delete_by_pseudonym_uses_the_home(careerkit_home: Path, monkeypatch) -> None:
    path = _workbook()
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    assert main(["delete", "River-42"]) == 0
    assert not path.exists()


def test_delete_asks_and_keeps_the_file_unless_yes_is_typed(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    path = _workbook(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO("no\n"))
    assert main(["delete", str(path)]) == 1
    assert path.exists()
    assert "Not deleted" in capsys.readouterr().err


def test_delete_without_an_answer_keeps_the_file(tmp_path: Path, monkeypatch) -> None:
    path = _workbook(tmp_path)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    assert main(["delete", str(path)]) == 1
    assert path.exists()


def test_delete_of_a_missing_workbook_says_so(tmp_path: Path, capsys) -> None:
    assert main(["delete", str(tmp_path / "nobody.json"), "--yes"]) == 1
    assert "nothing was deleted" in capsys.readouterr().err


def test_delete_refuses_other_json_files(tmp_path: Path, capsys) -> None:
    other = tmp_path / "settings.json"
    other.write_text('{"theme": "dark"}')
    assert main(["delete", str(other), "--yes"]) == 1
    assert other.exists()
    assert "not a careerkit workbook" in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["../x", "a b"])
def test_delete_refuses_unsafe_names(bad: str, capsys) -> None:
    assert main(["delete", bad, "--yes"]) == 1
    assert re.search("cannot be used|not a workbook file", capsys.readouterr().err)
