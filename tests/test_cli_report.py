"""``careerkit report WORKBOOK -o out.html|out.pdf``."""

from __future__ import annotations

from pathlib import Path

import pytest

import careerkit as ck
from careerkit.cli import main
from careerkit.report._demo import demo_workbook


def test_report_to_html_from_a_workbook_file(tmp_path: Path, capsys) -> None:
    wb = demo_workbook(tmp_path / "wbs")
    out = tmp_path / "out.html"
    assert main(["report", str(wb.path), "-o", str(out), "--charts", "interactive"]) == 0
    page = out.read_text(encoding="utf-8")
    from plotly.offline import get_plotlyjs  # its own source may name newPlot too

    assert "river-42" in page and "My Holland code: ICR" in page
    assert page.replace(get_plotlyjs(), "").count("Plotly.newPlot(") == 5
    assert f"Report written to {out}" in capsys.readouterr().out


def test_report_by_pseudonym_defaults_to_an_html_file_here(
    careerkit_home: Path, tmp_path: Path, monkeypatch, no_browser
) -> None:
    demo_workbook(careerkit_home, "ana-1")
    monkeypatch.chdir(tmp_path)
    assert main(["report", "Ana-1"]) == 0
    page = (tmp_path / "ana-1-report.html").read_text(encoding="utf-8")
    assert "no web browser (Chromium) was available" in page


def test_missing_workbook_is_a_plain_error(tmp_path: Path, capsys) -> None:
    assert main(["report", str(tmp_path / "nobody.json"), "-o", str(tmp_path / "r.html")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("careerkit: No workbook file at")
    assert "Traceback" not in err
    assert not (tmp_path / "r.html").exists()


def test_wrong_output_ending_is_a_plain_error(tmp_path: Path, capsys) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    assert main(["report", str(wb.path), "-o", str(tmp_path / "r.docx")]) == 1
    assert "must end in .html or .pdf; got 'r.docx'" in capsys.readouterr().err


def test_pdf_with_interactive_charts_is_refused(tmp_path: Path, capsys) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    code = main(["report", str(wb.path), "-o", str(tmp_path / "r.pdf"), "--charts", "interactive"])
    assert code == 1
    assert "A PDF always shows the charts as pictures" in capsys.readouterr().err


def test_pdf_without_chromium_says_how_to_install_it(tmp_path: Path, capsys, no_browser) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    assert main(["report", str(wb.path), "-o", str(tmp_path / "r.pdf")]) == 1
    assert "apt-get install chromium" in capsys.readouterr().err
    assert not (tmp_path / "r.pdf").exists()


def test_bad_charts_choice_is_rejected_by_the_parser(tmp_path: Path, capsys) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    with pytest.raises(SystemExit) as exit_info:
        main(["report", str(wb.path), "--charts", "png"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'png'" in capsys.readouterr().err


@pytest.mark.browser
def test_report_to_pdf(tmp_path: Path, chromium) -> None:
    wb = demo_workbook(tmp_path / "wbs")
    out = tmp_path / "river-42.pdf"
    assert main(["report", str(wb.path), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


@pytest.mark.browser
def test_report_to_html_with_svg_charts(tmp_path: Path, chromium) -> None:
    wb = demo_workbook(tmp_path / "wbs")
    out = tmp_path / "river-42.html"
    assert main(["report", str(wb.path), "-o", str(out), "--charts", "svg"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<script" not in page
    assert page.count('<svg role="img"') == 5
