"""Quality floors of the extractor on real labelled postings (see benchmarks/eval_extractor.py
for the protocol and the printed figures)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from careerkit.skills import SkillExtractor, Taxonomy

ROOT = Path(__file__).resolve().parents[1]


def _load_eval():
    spec = importlib.util.spec_from_file_location(
        "eval_extractor", ROOT / "benchmarks" / "eval_extractor.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


E = _load_eval()


@pytest.fixture(scope="module")
def module_home(tmp_path_factory: pytest.TempPathFactory):
    """A CAREERKIT_HOME for the module's shared extractor (module fixtures are built before
    the per-test home is set), so the on-disk cache never lands in the user's."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CAREERKIT_HOME", str(tmp_path_factory.mktemp("module_home")))
        yield


@pytest.fixture(scope="module")
def esco(shared_data: Path, module_home) -> SkillExtractor:
    return SkillExtractor(
        Taxonomy.from_esco(shared_data / "esco/skills_en_slim_v1.1.1_northstar.csv")
    )


@pytest.mark.parametrize("split", ["tech", "house"])
def test_label_level_precision_and_f1_beat_a_plain_dictionary(esco, shared_data, split):
    res = E.label_level(esco, split, shared_data / "skill-benchmarks/esco-sentences")
    assert res["p"] >= 0.55, res
    assert res["f1"] >= E.DICTIONARY[split]["f1"], res


# Recall is guarded too, so fewer false positives cannot be bought with more misses unseen.
# Before issue 12: tech R 0.252 (P 0.750), house R 0.214 (P 0.700); after: tech 0.397 (0.812),
# house 0.298 (0.722). The floors sit a little under the figures after.
RECALL_FLOOR = {"tech": 0.38, "house": 0.28}


@pytest.mark.parametrize("split", ["tech", "house"])
def test_label_level_recall_does_not_fall_and_precision_stays_high(esco, shared_data, split):
    res = E.label_level(esco, split, shared_data / "skill-benchmarks/esco-sentences")
    assert res["r"] >= RECALL_FLOOR[split], res
    assert res["p"] >= 0.70, res


def test_span_level_precision_on_skillspan_dev(esco, shared_data):
    data = E.skillspan_dev(shared_data / "skill-benchmarks/skillspan")
    res = E.span_level(esco, data)["loose"]
    # the plain dictionary's loose precision on SkillSpan is about 0.49 (shared data README)
    assert res["p"] >= 0.5, res
    default = E.span_level(SkillExtractor(Taxonomy.default()), data)["loose"]  # per-test home
    assert default["p"] >= 0.5, default


def test_span_level_precision_on_green2022(esco, shared_data):
    data = E.green2022(shared_data / "skill-benchmarks/green2022")
    assert len(data) == 336
    res = E.span_level(esco, data)["loose"]
    assert res["p"] >= 0.6, res
