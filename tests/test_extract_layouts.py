"""Issue 12: requirement strength from real posting layouts, skills postings ask for by
everyday names, sense rules for product names that are common words, and the held-out
posting excerpts (benchmarks/bench_posting_reader.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from careerkit.skills import SkillExtractor, Taxonomy

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def module_home(tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CAREERKIT_HOME", str(tmp_path_factory.mktemp("module_home")))
        yield


@pytest.fixture(scope="module")
def ex(module_home) -> SkillExtractor:
    return SkillExtractor(Taxonomy.default())


def strength(ex: SkillExtractor, text: str) -> dict[str, str]:
    return {m.text: m.strength for m in ex.extract(text)}


# ------------------------------------------------------------------ strength from layouts
@pytest.mark.parametrize(
    "text",
    [
        "Minimum qualifications: experience with Tableau.",
        "About the job. We are growing. Requirements: experience with Tableau.",
        "Must have: Tableau",
        "Mandatory: Tableau",
        "Essential: Tableau",
        "Minimum: Tableau",
        "Must have\n- Tableau\n",
        "Mandatory requirements\n* Tableau\n",
        "Experience with Tableau is mandatory.",
        "Speaking Tableau is COMPULSORY",
        "Knowledge of Tableau is essential.",
        # a posting flattened to one line, as the HaHu postings are
        "We build dashboards for clients Requirements Bachelor's degree Tableau How to Apply "
        "Send your CV",
        "Job Requirement Qualification: BA degree Tableau and SQL Place of work: Head Office",
    ],
)
def test_required_layouts(ex, text):
    assert strength(ex, text)["Tableau"] == "required"


@pytest.mark.parametrize(
    "text",
    [
        "Nice to have: Tableau",
        "Bonus: Tableau",
        "Bonus points for Tableau.",
        "Ideally you know Tableau.",
        "Requirements: Python. Tableau is a plus.",
        "Requirements Python, SQL and Tableau preferred",
        "Requirements\n- Python\n- Tableau would be an advantage\n",
        "Requirements Degree in statistics Excellent SQL skills OCP certification is "
        "advantageous Tableau is advantageous",
        "Competencies: It would be advantageous for you to demonstrate the following: "
        "Tableau, Power BI",
    ],
)
def test_preferred_layouts(ex, text):
    assert strength(ex, text)["Tableau"] == "preferred"


def test_a_preferred_cue_reaches_only_its_own_clause(ex):
    got = strength(ex, "Requirements BA in Marketing and sales, Python, Masters is a plus")
    assert got["Python"] == "required" and got["Marketing"] == "required"
    flat = "Requirements Excellent SQL writing skills OCP certification is advantageous"
    assert strength(ex, flat)["SQL"] == "required"
    assert strength(ex, "Python plus SQL")["Python"] == "unspecified"


@pytest.mark.parametrize(
    "text",
    [
        "<h3>Requirements</h3><ul><li>Python</li><li>Tableau</li></ul>"
        "<h3>Nice to have</h3><ul><li>Docker</li></ul><h3>How to apply</h3><p>Use Git</p>",
        "Requirements\n\u2022 Python\n\u2022 Tableau\nNice to have\n\u2022 Docker\n"
        "How to apply\nUse Git\n",
        "REQUIREMENTS\n1. Python\n2. Tableau\nNICE TO HAVE\n1. Docker\nHOW TO APPLY\nUse Git",
    ],
)
def test_bullets_under_headings_in_html_and_plain_text(ex, text):
    assert strength(ex, text) == {
        "Python": "required",
        "Tableau": "required",
        "Docker": "preferred",
        "Git": "unspecified",
    }


def test_small_words_keep_a_capitalised_phrase_inside_its_sentence(ex):
    text = "Download the Summary of Qualification form and use Tableau"
    assert strength(ex, text)["Tableau"] == "unspecified"


# ------------------------------------------------------------------ fewer misses
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Experience working in an Agile environment", "Agile software development"),
        ("Familiar with agile methodologies and Scrum", "Agile software development"),
        ("Understanding of the SDLC", "Software development life cycle (SDLC)"),
        ("all stages of the software development lifecycle", "Software development life cycle "
         "(SDLC)"),
        ("Excellent communication skills", "Communication"),
        ("Good communicator", "Communication"),
        ("Strong written and verbal communication", "Communication"),
        ("Excellent team player", "Teamwork"),
        ("Committed to teamwork", "Teamwork"),
        ("Ability to work as part of a team", "Teamwork"),
        ("Engage and manage stakeholders effectively", "Stakeholder management"),
        ("Stakeholder management experience", "Stakeholder management"),
        ("Strong leadership skills", "Leadership"),
        ("Strong interpersonal skills", "Interpersonal skills"),
        ("Outstanding organizational skills", "Organisational skills"),
        ("Computer literate", "Computer literacy"),
        ("Basic computer skills", "Computer literacy"),
        ("Speaking Oromifa is required", "Afaan Oromo"),
    ],
)
def test_everyday_names_of_soft_and_method_skills(ex, text, label):
    assert label in [m.label for m in ex.extract(text)]


@pytest.mark.parametrize(
    "text",
    [
        "Please save as a Word document and email it to us.",
        "Submit your CV in Word format",
        "Attach an Excel file with your figures",
        "You will excel at customer service",
        "Staff have access to the building",
        "Ready to go to the field",
        "Experience in R & D",
        "An agile team that moves fast",
    ],
)
def test_common_words_are_not_the_products(ex, text):
    labels = [m.label for m in ex.extract(text)]
    assert not {"Microsoft Word", "Microsoft Excel", "Microsoft Access", "Go", "R",
                "Agile software development"} & set(labels), labels


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Proficient in Word and Excel", "Microsoft Word"),
        ("Proficient in Word and Excel", "Microsoft Excel"),
        ("Experience with Word documents and Excel spreadsheets", "Microsoft Word"),
        ("Proficiency in MS Access databases", "Microsoft Access"),
        ("Python, R and SQL", "R"),
        ("Backend services in Go, Python and SQL", "Go"),
    ],
)
def test_the_products_are_still_found(ex, text, label):
    assert label in [m.label for m in ex.extract(text)]


def test_esco_everyday_names_reach_esco_skills(shared_data, module_home):
    esco = SkillExtractor(
        Taxonomy.from_esco(shared_data / "esco/skills_en_slim_v1.1.1_northstar.csv")
    )
    found = {m.label for m in esco.extract("Team player with problem-solving skills; SDLC.")}
    assert {"work in teams", "solve problems", "systems development life-cycle"} <= found
    # the ESCO-only names are not added to the default taxonomy
    default = Taxonomy.default().skills
    assert "work in teams" not in set(default["label"])


# ------------------------------------------------------------------ held-out excerpts
def _bench():
    spec = importlib.util.spec_from_file_location(
        "bench_posting_reader", ROOT / "benchmarks" / "bench_posting_reader.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_held_out_excerpts_presence_and_strength(shared_data, ex):
    bench = _bench()
    excerpts = bench.load_excerpts(shared_data)
    assert len(excerpts) >= 60
    assert {e["split"] for e in excerpts} == {"dev", "test"}
    test = [e for e in excerpts if e["split"] == "test"]
    res = bench.evaluate(test, bench.rules_reader(ex))
    # measured on the test part: strength 97.6 % on 82 found skills, P 0.95, R 0.75
    assert res["strength"] >= 0.90, res["strength"]
    assert res["p"] >= 0.90 and res["r"] >= 0.70, (res["p"], res["r"])
    naive = bench.evaluate(test, bench.naive_reader(Taxonomy.default()))
    assert res["p"] > naive["p"]
