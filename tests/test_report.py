"""The report: content, escaping, self-containment, chart modes, PDF, export_many.

Demo workbooks are filled through the public API (``careerkit.report._demo``). Tests that need
Chromium use the ``chromium`` fixture (skip locally without it, fail under CI=true).
"""

from __future__ import annotations

import html
import http.server
import re
import threading
from datetime import UTC, date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest

import careerkit as ck
from careerkit import report
from careerkit.report import _browser
from careerkit.report._demo import demo_workbook

TODAY = date(2026, 11, 21)
NOW = datetime(2026, 11, 21, 23, 40, tzinfo=UTC)
HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


class _Outline(HTMLParser):
    """Headings (h1–h3) and the text of elements with an id, whitespace-normalised."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[str] = []
        self.by_id: dict[str, str] = {}
        self._stack: list[tuple[str, str | None, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "meta", "img", "hr", "input", "link"}:
            return
        self._stack.append((tag, dict(attrs).get("id"), []))

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            name, ident, parts = self._stack.pop()
            text = " ".join("".join(parts).split())
            if self._stack:
                self._stack[-1][2].append("".join(parts))
            if name in {"h1", "h2", "h3"}:
                self.headings.append(f"{name}: {text}")
            if ident:
                self.by_id[ident] = text
            if name == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._stack:
            self._stack[-1][2].append(data)


def outline(page: str) -> _Outline:
    parser = _Outline()
    parser.feed(page)
    return parser



@pytest.fixture
def demo(tmp_path: Path):
    return demo_workbook(tmp_path / "wbs", today=TODAY)


@pytest.fixture
def hostile(tmp_path: Path):
    return demo_workbook(tmp_path / "wbs", "hostile-1", text=HOSTILE, today=TODAY)


# --------------------------------------------------------------------------- content


def test_report_outline_and_key_figures_of_a_filled_workbook(demo) -> None:
    page = report.render_html(demo, charts="text", today=TODAY, now=NOW)
    shape = outline(page)
    assert shape.headings == [
        "h1: My career workbook",
        "h2: 1. My interests",
        "h3: My Holland code: ICR",
        "h3: Occupations that fit my interests",
        "h2: 2. My skills gap",
        "h3: My target role: Web Developers",
        "h3: Job postings I read",
        "h3: What the postings ask for",
        "h3: My gap",
        "h3: My strengths",
        "h2: 3. My goals",
        "h3: My plan on a timeline",
        "h3: My answer to “What are your career goals?”",
        "h2: My notes",
        "h2: Counselor comments",
    ]
    assert shape.by_id["pseudonym"] == "river-42"
    profile = ck.interests.score(demo.interests.responses)
    assert profile.code == "ICR"
    scores = shape.by_id["scores"]
    for letter in "RIASEC":
        assert f"{profile.scores[letter]:g} of 40" in scores
    # Bands and the missing norms are stated, in our words.
    text = html.unescape(page)
    assert "careerkit's own labels" in text
    assert "no norms" in text
    matches = shape.by_id["matches"]
    top = ck.interests.match_occupations(profile, top=10)
    assert top.iloc[0]["title"] in matches
    assert f"{top.iloc[0]['fit']:.2f}" in matches
    assert "Web Developers" in shape.by_id["target"]
    assert "Spring workshop 2026" in page
    assert "2026-11-21" in page


def test_goals_section_shows_smart_verdicts_milestones_and_comments(demo) -> None:
    page = report.render_html(demo, charts="text", today=TODAY, now=NOW)
    shape = outline(page)
    first, second = shape.by_id["goal-1"], shape.by_id["goal-2"]
    assert "Complete a JavaScript course" in first
    verdict = ck.goals.check_smart(demo.goals.goals[0], TODAY).verdict
    assert f"SMART check: {verdict}" in first
    assert "Finish the course" in first and "2027-02-28" in first
    assert "Good first step." in first
    assert "SMART check: not SMART" in second  # "someday" has no deadline
    assert "someday" in shape.by_id["goal-2"]
    assert shape.by_id["interview"].startswith("In the short term")
    assert "Ask about evening courses." in shape.by_id["notes-text"]
    assert "Well done so far." in page


def test_gap_tables_follow_the_ratings(demo) -> None:
    page = report.render_html(demo, charts="text", today=TODAY, now=NOW)
    shape = outline(page)
    need = ck.skills.occupation_requirements(ck.report._demo.DEMO_SOC)
    table = ck.skills.gap(
        {k: v for k, v in demo.skills.ratings.items() if k in set(need["element_id"])}, need
    )
    assert table.onet.iloc[0]["element_name"] in shape.by_id["gap-onet"]
    assert not table.strengths.empty
    assert table.strengths.iloc[0]["element_name"] in shape.by_id["strengths"]


def test_steps_not_done_say_so_plainly(tmp_path: Path) -> None:
    wb = ck.Workbook.create("empty-1", tmp_path)
    page = report.render_html(wb, charts="interactive", today=TODAY, now=NOW)
    assert "The interests step is not done yet" in page
    assert "The skills step is not done yet" in page
    assert "The goals step is not done yet" in page
    assert "No notes." in page and "No comments from a counselor yet." in page
    # No charts, so no plotly.js either: the file stays small.
    assert "<script" not in page
    assert len(page) < 30_000


def test_flat_profile_gets_no_code_and_says_why(tmp_path: Path) -> None:
    wb = ck.Workbook.create("flat-1", tmp_path)
    for item_id in ck.interests.load_inventory().item_ids:
        wb.interests.responses[item_id] = 3
    wb.save()
    page = report.render_html(wb, charts="text")
    assert "do not show a preference yet" in page
    assert "My Holland code" not in page


def test_incomplete_interests_say_what_is_missing(tmp_path: Path) -> None:
    wb = ck.Workbook.create("part-1", tmp_path)
    for item_id in ck.interests.load_inventory().item_ids[:20]:
        wb.interests.responses[item_id] = 5
    wb.save()
    text = html.unescape(report.render_html(wb, charts="text"))
    assert "20 of 60 activities answered." in text
    assert "not enough answers yet" in text
    assert "Some areas do not have enough answers yet (Realistic, Investigative," in text
    assert "My Holland code" not in text
    assert "do not show a preference" not in text
    assert "Occupations that fit my interests" not in text


def test_missing_counselor_inventory_is_reported_in_its_section(tmp_path: Path) -> None:
    wb = demo_workbook(tmp_path / "wbs")
    wb.interests.inventory_path = str(tmp_path / "gone.csv")
    wb.save()
    text = html.unescape(report.render_html(wb, charts="text"))
    assert "The interest scores could not be worked out" in text
    assert "gone.csv" in text
    assert "My target role: Web Developers" in text  # the other steps still report


def test_filling_the_demo_twice_gives_the_same_report(tmp_path: Path) -> None:
    first = report.render_html(demo_workbook(tmp_path), charts="text", today=TODAY, now=NOW)
    again = report.render_html(demo_workbook(tmp_path), charts="text", today=TODAY, now=NOW)
    strip = re.compile(r"Workbook last changed</dt><dd>[^<]*")
    assert strip.sub("", first) == strip.sub("", again)


def test_ties_are_reported(tmp_path: Path) -> None:
    wb = ck.Workbook.create("ties-1", tmp_path)
    answers = {"R": 1, "I": 5, "A": 5, "S": 3, "E": 2, "C": 1}
    for row in ck.interests.load_inventory().items.itertuples(index=False):
        wb.interests.responses[row.item_id] = answers[row.scale]
    wb.save()
    shape = outline(report.render_html(wb, charts="text"))
    assert "I = A" in shape.by_id["ties"]


def test_tied_second_letters_give_the_code_and_consistency_as_ranges(tmp_path: Path) -> None:
    # R strongly liked; I and S tied second: RIS (adjacent) or RSI (opposite)
    wb = ck.Workbook.create("ties-2", tmp_path)
    answers = {"R": 5, "I": 4, "A": 1, "S": 4, "E": 1, "C": 2}
    for row in ck.interests.load_inventory().items.itertuples(index=False):
        wb.interests.responses[row.item_id] = answers[row.scale]
    wb.save()
    text = html.unescape(report.render_html(wb, charts="text"))
    shape = outline(report.render_html(wb, charts="text"))
    assert shape.by_id["holland-code"] == "My Holland code: RIS or RSI (tied scores)"
    assert "Realistic, Investigative = Social" in text
    assert "from adjacent to opposite" in text
    assert "sit next to each other" not in text  # never the tie-broken "adjacent" alone


def test_report_says_results_are_not_for_selection(demo) -> None:
    shape = outline(report.render_html(demo, charts="text"))
    assert shape.by_id["not-for-selection"] == ck.datasets.NOT_FOR_SELECTION
    assert "select, hire, screen" in ck.datasets.NOT_FOR_SELECTION


def test_footer_credits_onet_and_names_version_and_time(demo) -> None:
    page = report.render_html(demo, charts="text", now=NOW)
    text = html.unescape(page)
    for line in ck.datasets.credit().splitlines():
        assert line in text
    assert f"careerkit {ck.__version__}" in page
    assert "2026-11-21 23:40 UTC" in page


# --------------------------------------------------------------------------- escaping


def test_typed_text_is_escaped_everywhere(hostile) -> None:
    hostile.skills.postings[0].company = HOSTILE
    hostile.save()
    for mode in ("text", "interactive"):
        page = report.render_html(hostile, charts=mode, today=TODAY)
        assert "<img" not in page
        assert "alert(1)</script>" not in page
        assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 6  # goal, milestone, …
    text_page = report.render_html(hostile, charts="text", today=TODAY)
    assert "<script" not in text_page


def test_interactive_charts_embed_plotly_once_and_data_cannot_close_the_script(hostile) -> None:
    page = report.render_html(hostile, charts="interactive", today=TODAY)
    from plotly.offline import get_plotlyjs

    assert page.count(get_plotlyjs()[:200]) == 1
    charts = page.replace(get_plotlyjs(), "").count("Plotly.newPlot(")
    assert charts == 5  # hexagon, fit, two gap charts, timeline
    assert page.count("<script") == 1 + charts
    assert "\\u003cscript\\u003ealert(1)" in page
    assert "The charts in this report are interactive (they need JavaScript" in page


def test_the_file_fetches_nothing(demo) -> None:
    from plotly.offline import get_plotlyjs

    for mode in ("text", "interactive"):
        # plotly.js itself names its CDN for maps (topojson), which no careerkit chart uses.
        page = report.render_html(demo, charts=mode).replace(get_plotlyjs(), "")
        assert not re.search(r"""<(script|img|link|iframe)\b[^>]*\b(src|href)\s*=""", page)
        assert "cdn.plot.ly" not in page


# --------------------------------------------------------------------------- without a browser


def test_without_chromium_charts_are_interactive_and_the_report_says_so(demo, no_browser) -> None:
    assert report.find_chromium() is None
    page = report.render_html(demo)
    assert "no web browser (Chromium) was available" in page
    from plotly.offline import get_plotlyjs  # its own source may name newPlot too

    assert page.replace(get_plotlyjs(), "").count("Plotly.newPlot(") == 5


def test_without_chromium_pdf_and_svg_say_how_to_install_it(demo, no_browser, tmp_path) -> None:
    with pytest.raises(ck.CareerkitError, match="apt-get install chromium"):
        report.export(demo, tmp_path / "r.pdf")
    with pytest.raises(ck.CareerkitError, match="needs the Chromium web browser"):
        report.render_html(demo, charts="svg")
    assert not (tmp_path / "r.pdf").exists()


def test_chromium_setting_that_points_nowhere_is_an_error(demo, monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("CAREERKIT_CHROMIUM", str(tmp_path / "no-such-chromium"))
    with pytest.raises(ck.CareerkitError, match="CAREERKIT_CHROMIUM is set to"):
        report.render_html(demo, charts="auto")


def test_bad_arguments_are_clear_errors(demo, tmp_path) -> None:
    with pytest.raises(ck.InputError, match=r"must end in \.html or \.pdf; got 'r\.docx'"):
        report.export(demo, tmp_path / "r.docx")
    with pytest.raises(ck.InputError, match="charts must be"):
        report.render_html(demo, charts="png")
    with pytest.raises(ck.InputError, match="engine must be"):
        report.render_html(demo, engine="wkhtmltopdf")
    with pytest.raises(ck.InputError, match="format must be 'html' or 'pdf'"):
        report.export_many([demo], tmp_path, format="docx")


def test_export_html_writes_one_file(demo, tmp_path) -> None:
    out = report.export(demo, tmp_path / "out" / "river.html", charts="interactive")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "river-42" in text


def test_export_many_skips_bad_workbooks_with_the_reason(tmp_path) -> None:
    folder = tmp_path / "cohort"
    good = [demo_workbook(folder, name) for name in ("ana-1", "ben-2")]
    broken = folder / "broken-3.json"
    broken.write_text("{not json", encoding="utf-8")
    result = report.export_many(
        [good[0], broken, folder / "missing-4.json", 42, good[1]],
        tmp_path / "reports",
        format="html",
        charts="text",
    )
    assert [p.name for p in result.written] == ["ana-1.html", "ben-2.html"]
    assert all(p.read_text(encoding="utf-8").count("<h2") == 5 for p in result.written)
    names = [name for name, _ in result.skipped]
    assert names == ["broken-3.json", "missing-4.json", "42"]
    reasons = dict(result.skipped)
    assert "missing-4.json" in reasons["missing-4.json"]
    assert "not a workbook" in reasons["42"]
    assert all(m.startswith(n) for m, n in zip(result.messages(), names, strict=True))


# --------------------------------------------------------------------------- with Chromium


@pytest.mark.browser
def test_svg_report_is_static_and_self_contained(demo, chromium) -> None:
    page = report.render_html(demo, charts="svg", today=TODAY)
    assert "<script" not in page
    assert page.count("<svg") >= 4
    assert page.count('<svg role="img" aria-label=') == 5
    assert not re.search(r"""\b(src|href)\s*=\s*["']?(https?:|//)""", page)
    shape = outline(page)
    assert shape.by_id["pseudonym"] == "river-42"


@pytest.mark.browser
def test_svg_charts_keep_hostile_text_as_text(hostile, chromium) -> None:
    page = report.render_html(hostile, charts="svg", today=TODAY)
    assert "<script" not in page
    assert "<img" not in page
    assert "onerror=alert(2)" in page  # still there, as text


@pytest.mark.browser
def test_kaleido_engine_draws_the_same_charts(demo, chromium) -> None:
    page = report.render_html(demo, charts="svg", engine="kaleido", today=TODAY)
    assert page.count('<svg role="img" aria-label=') == 5
    assert "<script" not in page


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-z])", data))


def _pdf_title(data: bytes) -> str:
    found = re.search(rb"/Title\s*<FEFF([0-9A-Fa-f]*)>", data)
    if found:
        return bytes.fromhex(found.group(1).decode()).decode("utf-16-be")
    found = re.search(rb"/Title\s*\((.*?)\)", data)
    return found.group(1).decode("latin-1") if found else ""


@pytest.mark.browser
def test_pdf_is_a_pdf_with_a_sensible_length_and_the_pseudonym(demo, chromium, tmp_path) -> None:
    out = report.export(demo, tmp_path / "river-42.pdf", today=TODAY)
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert 4 <= _pdf_pages(data) <= 20
    assert "river-42" in _pdf_title(data)
    import pypdf

    text = "".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert "river-42" in text
    assert "My skills gap" in text


@pytest.mark.browser
def test_empty_workbook_pdf_is_short(tmp_path, chromium) -> None:
    wb = ck.Workbook.create("empty-2", tmp_path)
    data = report.render_pdf(wb)
    assert data.startswith(b"%PDF")
    assert 1 <= _pdf_pages(data) <= 5


@pytest.mark.browser
def test_export_many_pdf_uses_one_browser_and_names_files_by_pseudonym(tmp_path, chromium) -> None:
    folder = tmp_path / "cohort"
    wbs = [demo_workbook(folder, name) for name in ("ana-1", "ben-2")]
    result = report.export_many([*wbs, folder / "nobody.json"], tmp_path / "pdf")
    assert sorted(p.name for p in result.written) == ["ana-1.pdf", "ben-2.pdf"]
    assert all(p.read_bytes().startswith(b"%PDF") for p in result.written)
    assert [n for n, _ in result.skipped] == ["nobody.json"]


class _Counter(http.server.BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        _Counter.hits.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.browser
def test_browser_fetches_nothing_while_printing(chromium) -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Counter)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}"
    page = (
        f"<!DOCTYPE html><html><head><link rel='stylesheet' href='{url}/style.css'>"
        f"<script src='{url}/app.js'></script></head><body><h1>river-42</h1>"
        f"<img src='{url}/pixel.png'><iframe src='{url}/frame'></iframe></body></html>"
    )
    try:

        def work():
            with _browser.Browser() as browser:
                return browser.pdf(page), list(browser.blocked)

        data, blocked = _browser.in_thread(work)
    finally:
        server.shutdown()
        server.server_close()
    assert data.startswith(b"%PDF")
    assert _Counter.hits == []
    assert {u.rsplit("/", 1)[1] for u in blocked} >= {"style.css", "app.js", "pixel.png"}


@pytest.mark.browser
def test_report_rendering_requests_nothing(demo, chromium) -> None:
    def work():
        with _browser.Browser() as browser:
            html_text = report._render(demo, "svg", "playwright", browser, TODAY, None)
            browser.pdf(html_text)
            return browser.blocked

    assert _browser.in_thread(work) == []


@pytest.mark.browser
def test_svg_and_pdf_work_inside_a_running_event_loop(demo, chromium) -> None:
    # Jupyter kernels run an asyncio loop; Playwright's sync API and kaleido refuse to nest in one.
    import asyncio

    async def in_kernel() -> tuple[str, str, bytes]:
        return (
            report.render_html(demo, charts="svg"),
            report.render_html(demo, charts="svg", engine="kaleido"),
            report.render_pdf(demo),
        )

    playwright_page, kaleido_page, pdf = asyncio.run(in_kernel())
    assert playwright_page.count('<svg role="img"') == 5
    assert kaleido_page.count('<svg role="img"') == 5
    assert pdf.startswith(b"%PDF")


@pytest.mark.browser
def test_interactive_report_draws_its_charts_offline(demo, chromium) -> None:
    page_html = report.render_html(demo, charts="interactive")

    def work() -> tuple[int, list[str]]:
        with _browser.Browser() as browser:
            page = browser._page
            page.set_content(page_html, wait_until="load")
            page.wait_for_function("document.querySelectorAll('.chart-live .main-svg').length >= 5")
            drawn = page.evaluate("document.querySelectorAll('.chart-live .main-svg').length")
            return drawn, list(browser.blocked)

    drawn, blocked = _browser.in_thread(work)
    assert drawn >= 5
    assert blocked == []
