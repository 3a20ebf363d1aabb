"""The extractor's two engines: the compiled whole-word search and the pure-Python automaton.

``make`` builds the compiled search when a C compiler is there (CI installs one); both engines
must report exactly the same matches, on hand-made cases and on every real posting.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pandas as pd
import pytest
from conftest import _missing

from careerkit.skills import SkillExtractor, Taxonomy, _walk

CASES = [
    "Languages: C, C++, C# and Java. Node.js and .NET a plus.",
    "R&D and R & D teams; we use R, Python and SQL. Go to the office; Go and Rust preferred.",
    "Excel at customer service. Access to a car. Advanced Microsoft Excel and Word required.",
    "Knowledge of JavaScript frameworks (React, Vue) and SQL Server 2012+.",
    "Fluency in Amharic and English languages; T-SQL and PL/SQL; Python-based tooling.",
    "<p>Requirements:</p><ul><li>Docker &amp; Kubernetes</li><li>Café-grade espresso</li></ul>",
    "Nice to have: problem-solving, machine learning. Minimum qualifications: project management.",
    "Oracle is hiring: Oracle Database and Java experience.",
]


def _engine(monkeypatch: pytest.MonkeyPatch, taxonomy: Taxonomy, compiled: bool) -> SkillExtractor:
    monkeypatch.setenv(_walk.PURE_ENV, "0" if compiled else "1")
    ex = SkillExtractor(taxonomy)
    assert (ex._walker is not None) is compiled
    return ex


@pytest.fixture
def compiled_available() -> None:
    if _walk.library() is None:
        _missing("the compiled search is not built (no C compiler?); `make venv` builds it")


def _matches(ex: SkillExtractor, texts: list[str], employer=None) -> list[tuple]:
    return [(*m, i) for i, t in enumerate(texts) for m in ex.extract(t, employer=employer)]


def test_the_pure_python_switch_turns_the_compiled_search_off(monkeypatch):
    monkeypatch.setenv(_walk.PURE_ENV, "1")
    assert _walk.library() is None
    assert SkillExtractor(Taxonomy.default())._walker is None


def test_both_engines_agree_on_hand_made_cases(monkeypatch, compiled_available):
    tax = Taxonomy.default()
    fast = _engine(monkeypatch, tax, True)
    pure = _engine(monkeypatch, tax, False)
    for text in CASES:
        assert fast.extract(text, employer="Oracle") == pure.extract(text, employer="Oracle")
    got = [m.text for m in fast.extract(CASES[0])]
    assert "C++" in got and "C#" in got and "Node.js" in got


def test_the_search_reports_whole_words_only(compiled_available):
    # the trie holds "sql" and "sql server"; "mysql" and "sqlite" are not "sql"
    trie = _walk.build([b" sql", b" sql server", b" c++"])
    walker = _walk.Walker(trie, _walk.library())
    text = b" mysql sqlite sql server. sql c++ sql. "
    flat = walker.find(text, 0, len(text))
    triples = list(zip(flat[0::3], flat[1::3], flat[2::3], strict=True))
    assert [text[s + 1 : e] for _, s, e in triples] == [b"sql server", b"sql", b"c++", b"sql"]


def test_both_engines_agree_on_every_real_posting(monkeypatch, shared_data, compiled_available):
    hahu = pd.read_csv(shared_data / "postings/hahu/redacted_hahu_test_with_id.csv")
    texts = [t for t in hahu["description"].fillna("") if t]
    path = shared_data / "skill-benchmarks/skillspan/postings_train_dev.jsonl"
    with path.open(encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh]
    as_html = ["\n".join(f"<p>{html.escape(x)}</p>" for x in t.split("\n")) for t in texts[:60]]
    texts += as_html
    esco = shared_data / "esco/skills_en_slim_v1.1.1_northstar.csv"
    for tax in (Taxonomy.default(), Taxonomy.from_esco(esco)):
        fast = _matches(_engine(monkeypatch, tax, True), texts, employer="Ethio Telecom")
        pure = _matches(_engine(monkeypatch, tax, False), texts, employer="Ethio Telecom")
        assert len(fast) > 1000
        assert fast == pure


def test_the_compiled_search_is_built_in_ci():
    """CI installs a C compiler and `make` builds the search: the fast engine is what runs."""
    if _walk.library() is None:
        _missing("the compiled search is not built; `make venv` builds it with a C compiler")
    assert Path(_walk.__file__).with_name("libckwalk.so").exists()
