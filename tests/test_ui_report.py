"""The report screen: preview, HTML and PDF downloads, plain messages."""

from __future__ import annotations

import base64
import html
import re
from pathlib import Path

import pytest

import careerkit as ck
from careerkit.report._demo import demo_workbook
from careerkit.ui.report import TEXT, ReportScreen


def _download(screen: ReportScreen) -> tuple[str, bytes]:
    found = re.search(
        r'download="([^"]+)"[^>]*href="data:[^;]+;base64,([^"]+)"', screen.download_area.value
    )
    assert found, screen.download_area.value
    return found.group(1), base64.b64decode(found.group(2))


def test_every_button_has_a_label(tmp_path: Path, no_browser) -> None:
    screen = ReportScreen(ck.Workbook.create("river-42", tmp_path), preview=False)
    for button in (screen.refresh_button, screen.html_button, screen.pdf_button):
        assert button.description and button.tooltip


def test_preview_without_browser_shows_the_report_with_charts_in_words(
    tmp_path: Path, no_browser
) -> None:
    screen = ReportScreen(demo_workbook(tmp_path))
    assert TEXT["preview_no_browser"] in screen.preview.value
    assert 'sandbox=""' in screen.preview.value
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', screen.preview.value).group(1))
    assert "river-42" in page and "My Holland code: ICR" in page
    assert "<script" not in page
    assert screen.message.value == ""


def test_preview_shows_answers_saved_elsewhere_after_update(tmp_path: Path, no_browser) -> None:
    wb = ck.Workbook.create("river-42", tmp_path)
    screen = ReportScreen(wb)
    assert "The goals step is not done yet" in html.unescape(screen.preview.value)
    other = ck.Workbook.open(wb.path)  # another notebook, same workbook
    other.notes = "Saved in the goals notebook"
    other.save()
    screen.refresh_button.click()
    assert "Saved in the goals notebook" in html.unescape(screen.preview.value)


def test_download_html_gives_a_link_to_the_whole_report(tmp_path: Path, no_browser) -> None:
    wb = demo_workbook(tmp_path)
    screen = ReportScreen(wb, preview=False)
    screen.html_button.click()
    name, data = _download(screen)
    assert name == "river-42-report.html"
    page = data.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "river-42" in page
    assert "no web browser (Chromium) was available" in page
    assert "ready" in screen.message.value


def test_pdf_without_browser_says_so_plainly(tmp_path: Path, no_browser) -> None:
    screen = ReportScreen(demo_workbook(tmp_path), preview=False)
    screen.pdf_button.click()
    assert "apt-get install chromium" in screen.message.value
    assert "Traceback" not in screen.message.value
    assert screen.download_area.value == ""


@pytest.mark.browser
def test_download_pdf_with_chromium(tmp_path: Path, chromium) -> None:
    screen = ReportScreen(demo_workbook(tmp_path), preview=False)
    screen.pdf_button.click()
    name, data = _download(screen)
    assert name == "river-42-report.pdf"
    assert data.startswith(b"%PDF")


@pytest.mark.browser
def test_preview_with_chromium_draws_charts_as_pictures(tmp_path: Path, chromium) -> None:
    screen = ReportScreen(demo_workbook(tmp_path))
    page = html.unescape(re.search(r'srcdoc="([^"]*)"', screen.preview.value).group(1))
    assert page.count('<svg role="img"') == 5
    assert TEXT["preview_no_browser"] not in screen.preview.value
