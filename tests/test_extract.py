"""The skill extractor: boundaries, ambiguous aliases, employer, spans, sections, cache."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from careerkit.errors import InputError
from careerkit.skills import SkillExtractor, SkillMatch
from careerkit.skills._taxonomy import Taxonomy, cache_dir


@pytest.fixture(scope="module")
def module_home(tmp_path_factory: pytest.TempPathFactory):
    """A CAREERKIT_HOME for objects shared by a module's tests (module fixtures are built
    before the per-test home is set), so the on-disk cache never lands in the user's."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CAREERKIT_HOME", str(tmp_path_factory.mktemp("module_home")))
        yield


@pytest.fixture(scope="module")
def ex(module_home) -> SkillExtractor:
    return SkillExtractor(Taxonomy.default())


def labels(matches: list[SkillMatch]) -> list[str]:
    return [m.label for m in matches]


def found(ex: SkillExtractor, text: str, **kw) -> list[str]:
    return [text[m.start : m.end] for m in ex.extract(text, **kw)]


# ------------------------------------------------------------------ boundaries
def test_c_cplusplus_and_csharp_are_told_apart(ex):
    matches = ex.extract("Languages: C, C++, C# and Java.")
    assert labels(matches) == ["C", "C++", "C#", "Oracle Java"]
    assert [m.text for m in matches] == ["C", "C++", "C#", "Java"]


def test_dotnet_nodejs_and_cicd_are_single_tokens(ex):
    text = "We use .NET, Node.js and CI/CD pipelines; ASP.NET is a plus."
    assert found(ex, text) == [".NET", "Node.js", "CI/CD", "ASP.NET"]
    assert "Node.js" in labels(ex.extract("Node.js"))


def test_no_match_inside_a_longer_word_or_hyphenated_token(ex):
    assert ex.extract("Pythonic code and Javanese culture") == []
    assert found(ex, "T-SQL stored procedures") == ["T-SQL"]
    assert "Structured query language SQL" not in labels(ex.extract("T-SQL"))


def test_sentence_full_stop_ends_a_word(ex):
    assert found(ex, "We need Python.") == ["Python"]


# ------------------------------------------------------------------ ambiguous aliases
def test_r_and_d_is_not_the_r_language(ex):
    assert ex.extract("Our R & D team in S.C. is growing; R&D budget.") == []
    assert labels(ex.extract("Statistical analysis in R and Python")) == ["R", "Python"]


def test_go_the_verb_is_not_the_go_language(ex):
    assert ex.extract("Go to the office. You will go through the files.") == []
    assert ex.extract("We go the extra mile.") == []
    assert labels(ex.extract("Backend services in Go, Python and SQL.")) == [
        "Go",
        "Python",
        "Structured query language SQL",
    ]
    assert labels(ex.extract("Golang experience")) == ["Go"]


def test_excel_at_is_not_microsoft_excel(ex):
    got = ex.extract("You excel at communication and Excel in teamwork.")
    assert [m.label for m in got] == ["Communication", "Teamwork"]
    assert labels(ex.extract("Advanced Excel skills; pivot tables in MS Excel.")) == [
        "Microsoft Excel",
        "Microsoft Excel",
    ]
    assert labels(ex.extract("Proficient in Excel")) == ["Microsoft Excel"]


def test_access_to_is_not_microsoft_access(ex):
    assert ex.extract("Access to training. Staff have access to the building.") == []
    assert labels(ex.extract("Databases in Microsoft Access and MS Access.")) == [
        "Microsoft Access",
        "Microsoft Access",
    ]
    assert labels(ex.extract("Knowledge of Access databases")) == ["Microsoft Access"]


def test_lower_case_ambiguous_words_are_not_tools(ex):
    assert ex.extract("a swift response, a word of thanks, a spark of joy") == []


def test_company_names_alone_are_not_skills(ex):
    assert ex.extract("We partner with Google, Microsoft and Amazon.") == []
    assert labels(ex.extract("Google Analytics and Microsoft Excel")) == [
        "Google Analytics",
        "Microsoft Excel",
    ]


def test_generic_words_are_blocked(shared_data: Path):
    esco = SkillExtractor(Taxonomy.from_esco(shared_data / "esco/digitalSkillsCollection_en.csv"))
    text = "Enter the data on the form each term."
    assert esco.extract(text) == []


def test_languages_need_a_language_cue(ex):
    assert ex.extract("Our French office and Spanish cuisine") == []
    assert labels(ex.extract("Fluent in French and Spanish")) == ["French", "Spanish"]


# ------------------------------------------------------------------ employer
def test_the_employer_is_never_a_skill(ex):
    text = "Oracle is hiring a Salesforce administrator; Oracle Database experience."
    got = labels(ex.extract(text, employer="Salesforce"))
    assert "Salesforce software" not in got
    assert got == ["Oracle Database"]
    # without the employer given, the same word is a tool
    assert "Salesforce software" in labels(ex.extract(text))


def test_employer_can_be_several_names(ex):
    text = "Tableau and Docker"
    assert ex.extract(text, employer=["Tableau", "Docker Inc"]) != []
    assert labels(ex.extract(text, employer=["Tableau", "Docker"])) == []


# ------------------------------------------------------------------ spans
def test_spans_index_the_original_text(ex):
    text = "Requirements:\n  * Kubernetes, Docker and PostgreSQL\n"
    for m in ex.extract(text):
        assert text[m.start : m.end] == m.text


def test_spans_survive_non_ascii_text(ex):
    text = "Straße – naïve “Python” • Größe: Docker’s Kubernetes, 日本語 SQL ß Java"
    got = ex.extract(text)
    assert [text[m.start : m.end] for m in got] == ["Python", "Docker", "Kubernetes", "SQL", "Java"]
    assert all(text[m.start : m.end] == m.text for m in got)


def test_spans_survive_html_tags_and_entities(ex):
    text = (
        "<h3>Nice&nbsp;to have</h3><ul><li>Kubernetes &amp; Docker</li>"
        "<li>C&#43;&#43; and caf&eacute; <b>Python</b></li></ul>"
    )
    got = ex.extract(text)
    spans = [text[m.start : m.end] for m in got]
    assert spans == ["Kubernetes", "Docker", "C&#43;&#43;", "Python"]
    assert labels(got) == ["Kubernetes", "Docker", "C++", "Python"]
    assert {m.strength for m in got} == {"preferred"}


def test_html_tags_do_not_glue_or_split_words(ex):
    assert labels(ex.extract("<p>Python</p><p>Java</p>")) == ["Python", "Oracle Java"]
    assert labels(ex.extract("<script>var Python = 1;</script>Docker")) == ["Docker"]


def test_anonymisation_placeholders_are_text_not_tags(ex):
    text = "<ORGANIZATION> uses Python"
    m = ex.extract(text)[0]
    assert text[m.start : m.end] == "Python"


# ------------------------------------------------------------------ strength
def test_strength_from_sections(ex):
    text = (
        "About us\nWe build tools in Java.\n\n"
        "Minimum qualifications:\n- Python\n- SQL\n\n"
        "Nice to have\n- Docker\n\n"
        "Responsibilities\n- Maintain Kubernetes clusters\n"
    )
    got = {m.text: m.strength for m in ex.extract(text)}
    assert got == {
        "Java": "unspecified",
        "Python": "required",
        "SQL": "required",
        "Docker": "preferred",
        "Kubernetes": "unspecified",
    }


def test_strength_from_inline_cues(ex):
    text = "Experience with Python is required. Knowledge of Docker is a plus. We use Git daily."
    got = {m.text: m.strength for m in ex.extract(text)}
    assert got["Python"] == "required"
    assert got["Docker"] == "preferred"


def test_preferred_cue_overrides_requirements_section(ex):
    text = "Requirements\n- Python\n- Tableau preferred\n"
    got = {m.text: m.strength for m in ex.extract(text)}
    assert got == {"Python": "required", "Tableau": "preferred"}


def test_a_word_in_a_sentence_is_not_a_heading(ex):
    text = "Our requirements are changing quickly with Python and Docker in production."
    assert {m.strength for m in ex.extract(text)} == {"unspecified"}


# ------------------------------------------------------------------ input, cache, results
def test_non_text_input_is_refused(ex):
    with pytest.raises(InputError, match="string"):
        ex.extract(None)
    assert ex.extract("") == []


def test_extractor_needs_a_taxonomy():
    with pytest.raises(InputError, match="Taxonomy"):
        SkillExtractor("default")


def test_compiled_taxonomy_is_cached_on_disk(tmp_path: Path):
    path = tmp_path / "mine.csv"
    path.write_text("label,kind,aliases\nForklift operation,technical,forklift\n")
    tax = Taxonomy.from_csv(path)
    first = SkillExtractor(tax)
    cached = list(cache_dir().glob(f"compiled-*-{tax.digest()}.pkl"))
    assert len(cached) == 1
    stamp = cached[0].stat().st_mtime_ns
    second = SkillExtractor(tax)
    assert cached[0].stat().st_mtime_ns == stamp  # read, not rebuilt
    text = "Forklift licence; forklift driving"
    assert first.extract(text) == second.extract(text)
    assert [m.label for m in second.extract(text)] == ["Forklift operation"] * 2


def test_matches_are_immutable_records(ex):
    m = ex.extract("Python")[0]
    assert m == SkillMatch(m.skill_id, "Python", "software", 0, 6, "unspecified", "Python")
    with pytest.raises(AttributeError):
        m.label = "x"
    assert json.loads(json.dumps(m.to_dict()))["label"] == "Python"


def test_real_postings_spans_always_point_at_their_evidence(ex, shared_data: Path):
    path = shared_data / "skill-benchmarks/skillspan/postings_train_dev.jsonl"
    with path.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh][:40]
    n = 0
    for text in texts:
        for variant in (text, "\n".join(f"<p>{html.escape(x)}</p>" for x in text.split("\n"))):
            for m in ex.extract(variant):
                n += 1
                assert variant[m.start : m.end] == m.text
                assert m.strength in ("required", "preferred", "unspecified")
    assert n > 100


def test_aliases_with_non_ascii_letters_match_exactly(tmp_path: Path):
    path = tmp_path / "mine.csv"
    path.write_text("label,kind,aliases\nCafé management,technical,gestión de café\n", "utf-8")
    ex = SkillExtractor(Taxonomy.from_csv(path))
    text = "Über uns: CAFÉ MANAGEMENT, cafè management, Gestión de café."
    got = ex.extract(text)
    assert [m.text for m in got] == ["CAFÉ MANAGEMENT", "Gestión de café"]
    assert all(text[m.start : m.end] == m.text for m in got)


@pytest.fixture(scope="module")
def esco(shared_data: Path, module_home) -> SkillExtractor:
    return SkillExtractor(
        Taxonomy.from_esco(shared_data / "esco/skills_en_slim_v1.1.1_northstar.csv")
    )


def test_a_rejected_ambiguous_match_does_not_hide_the_next_skill(esco):
    # "enjoy working" (a vague alternative label) is rejected; "working independently",
    # which starts inside it, is still found
    got = esco.extract("You enjoy working independently and in teams.")
    assert [(m.text, m.label) for m in got] == [("working independently", "work independently")]


def test_a_longer_name_that_is_not_a_whole_word_leaves_the_shorter_one(esco, ex):
    # ESCO lists "JavaScript framework": in "JavaScript frameworks" that longer name ends
    # inside a word, and "JavaScript", which starts at the same place, is the skill asked for
    text = "Knowledge of JavaScript frameworks (React, Vue) and SQL Server 2012+."
    assert [m.text for m in esco.extract(text)] == ["JavaScript", "SQL Server"]
    # the same rule with the default taxonomy: "English language" is an alias
    got = ex.extract("Fluency in Amharic and English languages is required.")
    assert [(m.text, m.label) for m in got if m.label == "English"] == [("English", "English")]


def test_a_skill_name_is_safe_even_when_another_skill_lists_it(esco):
    assert [m.label for m in esco.extract("ruby sql heroku")] == ["SQL"]


def test_common_suffixes_after_a_hyphen_keep_the_skill(ex):
    assert found(ex, "Python-based tooling and Excel-savvy analysts") == ["Python", "Excel"]
    assert ex.extract("SQL-like query languages") == []


def test_certification_acronyms_need_a_cue(ex):
    assert ex.extract("Prepares the performance monitoring plan (PMP) each quarter.") == []
    got = ex.extract("PMP certification is a plus; CPA holder.")
    assert [(m.text, m.strength) for m in got] == [("PMP", "preferred"), ("CPA", "unspecified")]


def test_windows_line_ends_and_br_tags_still_mark_sections(ex):
    text = "Requirements\r\n- Python\r\nNice to have\r\n- Docker\r\n"
    assert {m.text: m.strength for m in ex.extract(text)} == {
        "Python": "required",
        "Docker": "preferred",
    }
    html_text = "<b>Requirements</b><br>Python<br><b>Nice to have</b><br>Docker"
    got = ex.extract(html_text)
    assert {m.text: m.strength for m in got} == {"Python": "required", "Docker": "preferred"}
    assert all(html_text[m.start : m.end] == m.text for m in got)

