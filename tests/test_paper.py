"""The paper form: printable inventory, totals or answers typed in from it, the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import careerkit as ck
from careerkit import onet
from careerkit.cli import main
from careerkit.errors import CareerkitError, InputError
from careerkit.interests import (
    SHORT_INVENTORY_ID,
    load_inventory,
    match_occupations,
    occupations_from_release,
    parse_paper_answers,
    parse_totals,
    profile_from_paper,
    read_paper_answers,
    score,
)
from careerkit.report import paper_form_html, paper_results_html, write_paper_form

TOTALS = "R=12,I=30,A=25,S=8,E=14,C=3"


# ------------------------------------------------------------------ the printable form


@pytest.mark.parametrize(("form", "items"), [("long", 60), ("short", 30)])
def test_the_form_numbers_every_item_in_quiz_order_with_five_boxes(form, items, no_browser):
    html = paper_form_html(form)
    inventory = load_inventory(form=form)
    rows = re.findall(r'<tr id="item-(\d+)"><td class="number">\d+</td>\s*'
                      r'<td class="activity">([^<]*)</td>', html)
    assert [int(n) for n, _ in rows] == list(range(1, items + 1))
    assert [t for _, t in rows] == [
        inventory.text_of(i).replace("'", "&#39;") for i in inventory.item_ids
    ]
    assert html.count('class="box"') == 5 * items
    assert "Pseudonym (not your name)" in html and "<script" not in html


def test_the_scoring_page_lists_each_areas_item_numbers(no_browser):
    html = paper_form_html("short")
    inventory = load_inventory(form="short")
    ids = list(inventory.item_ids)
    social = ", ".join(str(ids.index(i) + 1) for i in ids if i.startswith("S"))
    assert re.search(rf'id="area-S">.*?<td class="activity">{social}</td>', html, re.S)
    assert "take away 5" in html and "from 0 to 20" in html
    assert "take away 10" in paper_form_html("long")


def test_the_workshop_name_is_escaped(no_browser):
    html = paper_form_html(workshop="<b>Spring</b>")
    assert "&lt;b&gt;Spring&lt;/b&gt;" in html and "<b>Spring" not in html


def test_an_html_form_needs_no_browser_and_a_pdf_says_it_does(tmp_path, no_browser):
    assert write_paper_form(tmp_path / "form.html").read_text(encoding="utf-8").startswith(
        "<!DOCTYPE html>")
    with pytest.raises(CareerkitError, match="Chromium"):
        write_paper_form(tmp_path / "form.pdf")
    with pytest.raises(InputError, match=r"form\.txt"):
        write_paper_form(tmp_path / "form.txt")


@pytest.mark.browser
def test_the_form_prints_to_pdf(tmp_path, chromium, monkeypatch):
    monkeypatch.setenv("CAREERKIT_CHROMIUM", chromium)
    path = write_paper_form(tmp_path / "form.pdf", form="short")
    assert path.read_bytes().startswith(b"%PDF")


# ------------------------------------------------------------------ totals


def test_totals_from_text_give_the_profile():
    profile = profile_from_paper(totals="R=12, I=30; A=25 S=8 e:14 Conventional=3")
    assert profile.scores == {"R": 12, "I": 30, "A": 25, "S": 8, "E": 14, "C": 3}
    assert profile.code == "IAE" and profile.max_score == 40


def test_short_form_totals_are_scaled_to_the_full_scale():
    profile = profile_from_paper(totals="R=6,I=15,A=12,S=4,E=7,C=1", form="short")
    assert profile.scores["I"] == 30 and profile.max_score == 40


@pytest.mark.parametrize(
    ("totals", "form", "message"),
    [
        ("", "long", r"No totals given"),
        ("R=12,I=30,A", "long", r"Cannot read 'A': write each total as letter=number"),
        ("R=12,X=3", "long", r"Unknown interest area 'X'"),
        ("R=12,R=3", "long", r"total for R \(Realistic\) is given twice"),
        ("R=twelve", "long", r"total for R \(Realistic\) is 'twelve', not a number"),
        ("R=12,I=30", "long", r"Scores for A, S, E, C are missing"),
        ("R=41,I=30,A=25,S=8,E=14,C=3", "long", r"Realistic \(R\) is 41.0; expected 0 to 40"),
        ("R=21,I=3,A=5,S=8,E=14,C=3", "short", r"Realistic \(R\) is 21.0; expected 0 to 20"),
        (TOTALS, "tiny", r"form is 'tiny'"),
    ],
)
def test_bad_totals_get_a_plain_error(totals, form, message):
    with pytest.raises(InputError, match=message):
        profile_from_paper(totals=totals, form=form)


def test_give_totals_or_answers_not_both():
    with pytest.raises(InputError, match="either the six totals or the answers"):
        profile_from_paper()
    with pytest.raises(InputError, match="either the six totals or the answers"):
        profile_from_paper(totals=TOTALS, answers={1: 3})


def test_parse_totals_keeps_the_numbers():
    assert parse_totals("R:1 I:2 A:3 S:4 E:5 C:6")["C"] == 6


# ------------------------------------------------------------------ answers


def _csv(tmp_path: Path, text: str, name="answers.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_answers_by_number_give_the_same_profile_as_the_quiz(tmp_path):
    inventory = load_inventory()
    quiz = {i: (5 if i.startswith("S") else 2) for i in inventory.item_ids}
    lines = ["item,answer"] + [f"{n},{quiz[i]}" for n, i in enumerate(inventory.item_ids, 1)]
    paper = profile_from_paper(answers=_csv(tmp_path, "\n".join(lines) + "\n"))
    assert paper.scores == score(quiz).scores


def test_short_form_answers_by_number_and_id(tmp_path):
    short = load_inventory(form="short")
    ids = list(short.item_ids)
    text = "\n".join(f"{n},4" for n in range(1, 30)) + f"\n{ids[29]},1\n"
    answers = parse_paper_answers(text, "short")
    assert answers[ids[0]] == 4 and answers[ids[29]] == 1 and len(answers) == 30
    assert profile_from_paper(answers={**dict.fromkeys(range(1, 31), 3), 2: 5},
                              form="short").complete


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("item,answer\n", r"answers.csv: no answers found"),
        ("item,answer\n1,4\n2\n", r"answers.csv, line 3: '2' has no answer"),
        ("1,4\n61,3\n", r"answers.csv, line 2: item 61 is not on the long form \(items 1–60\)"),
        ("1,4\nZ9,3\n", r"line 2: item 'Z9' is not on the long form"),
        ("1,4\n1,3\n", r"line 2: item 1 \(R01\) was already given \(answers.csv, line 1\)"),
        ("1,4\n2,7\n", r"line 2: the answer to item 2 is '7'; expected the box ticked"),
        ("1,4\n2,x\n", r"line 2: the answer to item 2 is 'x'"),
    ],
)
def test_bad_answer_files_name_the_line(tmp_path, text, message):
    with pytest.raises(InputError, match=message):
        read_paper_answers(_csv(tmp_path, text))


def test_a_missing_or_binary_answers_file_is_a_plain_error(tmp_path):
    with pytest.raises(InputError, match="Answers file not found"):
        read_paper_answers(tmp_path / "nothing.csv")
    path = tmp_path / "scan.csv"
    path.write_bytes(b"\xff\xfe\x00\x01")
    with pytest.raises(InputError, match=r"scan\.csv: not a UTF-8 text file"):
        read_paper_answers(path)


def test_item_31_is_not_on_the_short_form():
    with pytest.raises(InputError, match=r"item 31 is not on the short form \(items 1–30\)"):
        profile_from_paper(answers={31: 4}, form="short")


@pytest.mark.shared_data
def test_paper_totals_match_real_onet_occupations(onet_dir):
    release = onet.load_release(onet_dir / "db_30_1_text")
    occupations = occupations_from_release(release)
    profile = profile_from_paper(totals=TOTALS)
    from_release = match_occupations(profile, occupations=occupations, top=10)
    bundled = match_occupations(profile, top=10)
    assert from_release["soc_code"].tolist() == bundled["soc_code"].tolist()
    html = paper_results_html(profile, pseudonym="river-42")
    for title in bundled["title"]:
        assert title.replace("'", "&#39;") in html


# ------------------------------------------------------------------ results page and CLI


def test_the_results_page_says_what_it_comes_from_and_escapes(no_browser):
    incomplete = profile_from_paper(answers={1: 4}, form="short")
    html = paper_results_html(incomplete, pseudonym="<x>", form="short", from_totals=False)
    assert "&lt;x&gt;" in html and "<x>" not in html
    assert "from 1 answers typed in from the short form" in html
    assert 'id="message"' in html and "no Holland code" in html


def test_cli_writes_the_form(tmp_path, capsys, no_browser):
    assert main(["paper", "form", "-o", str(tmp_path / "f.html"), "--short"]) == 0
    assert "Paper form (short) written" in capsys.readouterr().out
    assert (tmp_path / "f.html").read_text(encoding="utf-8").count('class="box"') == 150


def test_cli_scores_totals_and_writes_a_report(tmp_path, capsys, no_browser):
    out = tmp_path / "results.html"
    code = main(["paper", "score", "--totals", TOTALS, "--zones", "4", "--top", "3",
                 "--report", str(out), "--pseudonym", "river-42"])
    printed = capsys.readouterr().out
    assert code == 0
    assert "Holland code: IAE" in printed
    assert len(re.findall(r"zone 4 ", printed)) == 3
    assert "river-42" in out.read_text(encoding="utf-8")


def test_cli_puts_paper_answers_into_an_existing_workbook(tmp_path, capsys, careerkit_home):
    wb = ck.Workbook.create("paper-1")
    short = load_inventory(form="short")
    answers = _csv(tmp_path, "\n".join(f"{n},{5 if i[0] == 'C' else 2}"
                                       for n, i in enumerate(short.item_ids, 1)))
    assert main(["paper", "score", "--answers", str(answers), "--short",
                 "--workbook", "paper-1"]) == 0
    assert "Answers (30) saved in workbook" in capsys.readouterr().out
    again = ck.Workbook.open(wb.path)
    assert again.interests.inventory_id == SHORT_INVENTORY_ID
    assert score(again.interests.responses, short).code.startswith("C")
    assert main(["paper", "score", "--answers", str(answers), "--short",
                 "--workbook", "paper-1"]) == 1
    assert "already has 30 interest answers; add --replace" in capsys.readouterr().err
    assert main(["paper", "score", "--answers", str(answers), "--short",
                 "--workbook", "paper-1", "--replace"]) == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--totals", TOTALS, "--zones", "6"], "--zones '6': expected Job Zone numbers 1–5"),
        (["--totals", TOTALS, "--top", "0"], "--top '0': expected a whole number from 1"),
        (["--totals", TOTALS, "--workbook", "x"], "--workbook needs --answers"),
        (["--totals", "R=1"], "Scores for I, A, S, E, C are missing"),
        (["--answers", "nowhere.csv"], "Answers file not found"),
        (["--answers", "__file__", "--workbook", "nobody"], "No workbook"),
    ],
)
def test_cli_bad_input_is_a_plain_error(args, message, capsys, tmp_path):
    if "__file__" in args:
        args[args.index("__file__")] = str(_csv(tmp_path, "1,3\n"))
    assert main(["paper", "score", *args]) == 1
    assert message in capsys.readouterr().err
