"""The report's sections for the optional steps: work values, jobs like my last one; the
cohort's value means and the values chart."""

from __future__ import annotations

import re

import pandas as pd
import pytest

import careerkit as ck
from careerkit.cohort import values_table
from careerkit.report import render_html
from careerkit.report._demo import demo_workbook
from careerkit.values import VALUE_NAMES, value_profile

RATINGS = {"achievement": 5, "independence": 4, "support": 3, "recognition": 2,
           "relationships": 3, "working_conditions": 1}


def _section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    end = html.index("</section>", start)
    return html[start:end]


def _text(fragment: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", fragment))


@pytest.fixture
def wb(tmp_path):
    return demo_workbook(tmp_path)


def test_optional_steps_not_started_leave_no_section(wb, no_browser):
    html = render_html(wb, charts="text")
    assert 'id="values"' not in html and 'id="past-job"' not in html
    wb.values.ratings = RATINGS
    wb.past_job.soc_code = "15-1232.00"
    html = render_html(wb, charts="text")
    assert 'href="#values"' in html and 'href="#past-job"' in html


def test_the_values_section_shows_the_profile_and_the_combined_matches(wb, no_browser):
    wb.values.ratings = RATINGS
    wb.values.values_weight = 0.3
    html = render_html(wb, charts="text")
    section = _text(_section(html, "values"))
    assert "What matters most to me: Achievement." in section
    assert "Working Conditions" in section and "1 — hardly matters to me" in section
    assert "0.7 × interest fit + 0.3 × value fit" in section
    profile = ck.interests.score(wb.interests.responses)
    expected = ck.values.match_with_values(profile, RATINGS, values_weight=0.3,
                                           job_zones=wb.interests.job_zones or None, top=10)
    rows = re.findall(r"<tr><td>([^<]+) <span", _section(html, "values"))
    assert rows == [t.replace("'", "&#39;") for t in expected["title"]]
    assert "Work values, most important first: Achievement 5" in section  # the chart's words


def test_a_ranking_and_a_flat_rating_are_reported_plainly(wb, no_browser):
    wb.values.method = "rank"
    wb.values.ranking = ["independence", "support", "achievement", "recognition",
                         "relationships", "working_conditions"]
    section = _text(_section(render_html(wb, charts="text"), "values"))
    assert "I put the six values in order." in section and "1 of 6" in section
    wb.values.method = "rate"
    wb.values.ranking = []
    wb.values.ratings = dict.fromkeys(RATINGS, 4)
    section = _text(_section(render_html(wb, charts="text"), "values"))
    assert "You gave every value the same rating (4)" in section


def test_without_interests_the_values_section_uses_values_only(tmp_path, no_browser):
    wb = ck.Workbook.create("vals-only", tmp_path)
    wb.values.ratings = RATINGS
    section = _text(_section(render_html(wb, charts="text"), "values"))
    assert "Occupations that fit my values" in section
    assert "uses values only" in section


@pytest.mark.shared_data
def test_the_past_job_section_lists_onets_related_occupations(wb, onet_dir, no_browser):
    raw = pd.read_csv(onet_dir / "db_29_2_converted_tsv" / "Related Occupations.txt",
                      sep="\t", dtype=str)
    wb.past_job.soc_code = "15-1232.00"
    html = render_html(wb, charts="text")
    part = _section(html, "past-job")
    listed = re.findall(r"\((\d\d-\d{4}\.\d\d)\)</span></td><td>", part)
    expected = raw[raw["O*NET-SOC Code"] == "15-1232.00"]["Related O*NET-SOC Code"].head(10)
    assert listed == expected.tolist()
    text = _text(part)
    # the demo's target role (Web Developers) is compared with the past job
    assert "Moving to Web Developers: what carries over and what is new" in text
    overlap = ck.occupations.skill_overlap("15-1232.00", "15-1254.00")
    counts = overlap.attrs["counts"]
    assert f"{counts['shared']} I have used already" in text
    assert f"{counts['new']} would be new" in text


def test_an_unknown_past_job_is_a_line_in_its_section(wb, no_browser):
    wb.past_job.soc_code = "99-9999.99"
    text = _text(_section(render_html(wb, charts="text"), "past-job"))
    assert "could not be worked out" in text and "99-9999.99" in text


def test_typed_text_in_the_new_sections_is_escaped(wb, no_browser):
    wb.past_job.soc_code = "<script>x</script>"
    html = render_html(wb, charts="text")
    assert "<script>x</script>" not in html


def test_the_cohort_shows_value_means_only_for_groups_of_k(tmp_path):
    for n in range(5):
        wb = ck.Workbook.create(f"p{n}", tmp_path)
        wb.give_consent("v1", ["store", "share_with_counselor", "cohort_statistics"])
        wb.values.ratings = {**RATINGS, "support": n + 1}
        wb.save()
    lone = ck.Workbook.create("nostats", tmp_path)
    lone.give_consent("v1", ["store", "share_with_counselor"])
    lone.values.ratings = dict.fromkeys(RATINGS, 1)
    lone.save()
    cohort = ck.cohort.load(tmp_path)
    table = values_table(cohort, k=5).set_index("group")
    assert table.loc["Support", "mean"] == pytest.approx(3.0)
    assert table.loc["Achievement", "n"] == 5  # the one without statistics consent is left out
    hidden = values_table(cohort, k=6)
    assert hidden["mean"].isna().all() and set(hidden["shown"]) == {"<6"}
    assert "at least 6 people" in hidden.attrs["note"]


def test_the_values_chart_puts_the_most_important_value_on_top():
    profile = value_profile(RATINGS)
    row = ck.values.value_fit(profile).iloc[0]
    fig = ck.charts.values_chart(profile, row)
    assert list(fig.data[0].y)[-1] == VALUE_NAMES["achievement"]
    assert len(fig.data) == 2 and row["title"] in fig.data[1].name
    assert "Achievement 5" in ck.charts.summary(fig)


@pytest.mark.browser
def test_the_values_chart_is_drawn_as_svg(wb, chromium, monkeypatch):
    monkeypatch.setenv("CAREERKIT_CHROMIUM", chromium)
    wb.values.ratings = RATINGS
    part = _section(render_html(wb, charts="svg"), "values")
    assert '<figure class="chart" id="chart-values">' in part and "<svg" in part


def test_unfinished_ratings_are_explained_in_the_values_section(wb, no_browser):
    wb.values.ratings = {"achievement": 5}
    text = _text(_section(render_html(wb, charts="text"), "values"))
    assert "could not be worked out" in text and "Working Conditions" in text
