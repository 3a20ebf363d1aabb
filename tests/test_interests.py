"""Interests core: inventory, scoring, Holland indices, occupation matching."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import careerkit as ck
from careerkit import datasets
from careerkit.errors import DataError, InputError
from careerkit.interests import (
    DEFAULT_BANDS,
    FIXED_BANDS_BEFORE,
    FlatProfileError,
    InterestAnswers,
    codes_text,
    congruence,
    congruence_range,
    consistency,
    consistency_range,
    differentiation,
    holland_ties,
    load_inventory,
    match_many,
    match_occupations,
    occupations_from_release,
    profile_confidence,
    profile_from_scores,
    score,
)

RIASEC = "RIASEC"


def answers(per_area: dict[str, int | list[int | None]]) -> dict[str, int | None]:
    """Answers to the bundled bank: one value for all ten items of an area, or ten values."""
    out: dict[str, int | None] = {}
    for letter in RIASEC:
        value = per_area.get(letter, 3)
        values = value if isinstance(value, list) else [value] * 10
        for i, v in enumerate(values, start=1):
            out[f"{letter}{i:02d}"] = v
    return out


def write(tmp_path: Path, text: str, name: str = "mine.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- inventory


def test_bundled_bank_has_ten_plain_items_per_area():
    inv = load_inventory()
    assert inv.inventory_id == "riasec_60" and inv.bundled
    assert len(inv) == 60
    assert inv.counts == dict.fromkeys(RIASEC, 10)
    assert inv.items["item_id"].is_unique and inv.items["text"].is_unique
    assert list(inv.items.columns[:3]) == ["item_id", "text", "scale"]
    # Short statements a 15-year-old reads at a glance.
    assert inv.items["text"].str.len().max() <= 80
    # Every page of ten mixes the areas.
    for page in inv.pages():
        assert len({item[0] for item in page}) >= 4


def test_bundled_bank_avoids_gendered_words_and_published_item_texts():
    texts = " ".join(load_inventory().items["text"]).lower()
    for word in ("he", "she", "his", "her", "man", "men", "woman", "women", "boys", "girls",
                 "guy", "wife", "husband", "church", "christmas"):
        assert not re.search(rf"\b{word}\b", texts), word
    # A few O*NET Interest Profiler statements we must not reuse word for word.
    for published in ("build kitchen cabinets", "fix a broken faucet", "draw pictures",
                      "start your own business", "play a musical instrument",
                      "teach children how to read", "develop a spreadsheet"):
        assert published not in texts


def test_counselor_inventory_with_reverse_items_is_loaded(tmp_path):
    rows = ["item_id,text,scale,reverse,notes"]
    for letter in RIASEC:
        rows += [f"{letter}a,Do {letter} thing one,{letter},no,x",
                 f"{letter}b,Do {letter} thing two,{letter},yes,"]
    inv = load_inventory(write(tmp_path, "\n".join(rows) + "\n"))
    assert inv.inventory_id == "mine" and not inv.bundled
    assert inv.counts == dict.fromkeys(RIASEC, 2)
    assert inv.items["reverse"].tolist()[:2] == [False, True]
    profile = score({"Ra": 5, "Rb": 1, "Ia": 1, "Ib": 5}, inv)
    # Reversed: strongly disliking "Rb" counts for R as much as strongly liking "Ra".
    assert profile.scores["R"] == 8 and profile.scores["I"] == 0
    assert profile.max_score == 8


def test_an_inventory_is_read_again_when_its_file_changes_and_copies_are_independent(tmp_path):
    import os

    rows = ["item_id,text,scale"] + [f"{x},Do {x},{x}" for x in RIASEC]
    path = write(tmp_path, "\n".join(rows) + "\n")
    first = load_inventory(path)
    first.items.loc[0, "text"] = "changed by a caller"  # the next load does not see this
    assert load_inventory(path).items.loc[0, "text"] == "Do R"
    # a counselor edits the file: the next load reads the new version
    rows.append("R2,Do another R thing,R")
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    stamp = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(stamp, stamp))
    assert len(load_inventory(path)) == 7 and load_inventory(path).counts["R"] == 2
    path.write_bytes(b"item_id,text,scale\nR1,\xff\xfe,R\n")
    with pytest.raises(DataError, match="not a UTF-8 text CSV"):
        load_inventory(path)


def test_area_names_are_accepted_as_scale(tmp_path):
    rows = ["item_id,text,scale"] + [f"{n},Do {n},{n}" for n in
                                     ("Realistic", "investigative", "Artistic", "Social",
                                      "Enterprising", "Conventional")]
    inv = load_inventory(write(tmp_path, "\n".join(rows)))  # no final newline either
    assert inv.items["scale"].tolist() == list(RIASEC)


def test_unequal_item_counts_are_scored_as_mean_times_ten_and_say_so(tmp_path):
    rows = ["item_id,text,scale"]
    counts = {"R": 4, "I": 5, "A": 5, "S": 6, "E": 5, "C": 5}
    for letter, n in counts.items():
        rows += [f"{letter}{i},Activity {letter}{i},{letter}" for i in range(n)]
    inv = load_inventory(write(tmp_path, "\n".join(rows) + "\n"))
    assert not inv.equal_counts and inv.max_score == 40
    responses = {f"R{i}": 5 for i in range(4)} | {f"S{i}": 4 for i in range(6)}
    responses |= {f"{x}{i}": 2 for x in "IAEC" for i in range(5)}
    profile = score(responses, inv)
    assert profile.scores["R"] == 40.0  # mean 4 × 10
    assert profile.scores["S"] == 30.0  # mean 3 × 10
    assert profile.scores["I"] == 10.0
    assert any("item mean × 10" in note for note in profile.notes)
    assert not any("no norms" in note for note in profile.notes)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("item_id,text,scale\nQ1,Fix things,X\n", r"line 2: field 'scale' of item 'Q1' is 'X'"),
        ("item_id,text,scale\nQ1,Fix things,R\nQ1,Mend things,R\n",
         r"line 3: duplicate item_id 'Q1' \(first on line 2\)"),
        ("item_id,text,scale\nQ1,  ,R\n", r"line 2: field 'text' of item 'Q1' is empty"),
        ("item_id,text,scale\n,Fix things,R\n", r"line 2: field 'item_id' is empty"),
        ("item_id,text\nQ1,Fix things\n", r"missing column 'scale'"),
        ('{"items": [1, 2, 3]}\n', r"not an inventory CSV — missing column 'item_id'"),
        ("", r"the file is empty"),
        ("item_id,text,scale\n", r"no items follow"),
        ("item_id,text,scale\nQ1,Fix things\n", r"line 2: 2 fields where the header has 3"),
        ("item_id,text,scale,reverse\nQ1,Fix things,R,maybe\n",
         r"line 2: field 'reverse' of item 'Q1' is 'maybe'"),
        ("item_id,text,scale\nQ1,Fix things,R\n", r"no items for I \(Investigative\), A"),
    ],
)
def test_malformed_inventory_is_rejected_naming_line_and_field(tmp_path, text, expected):
    with pytest.raises(DataError, match=expected) as info:
        load_inventory(write(tmp_path, text))
    assert "mine.csv" in str(info.value)


def test_binary_or_missing_inventory_file_is_rejected(tmp_path):
    binary = tmp_path / "scan.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    with pytest.raises(DataError, match=r"scan\.csv: not a UTF-8 text CSV"):
        load_inventory(binary)
    with pytest.raises(DataError, match="not found"):
        load_inventory(tmp_path / "nowhere.csv")


# --------------------------------------------------------------------------- scoring


def test_answers_score_zero_to_four_and_sum_per_area():
    profile = score(answers({"R": 5, "I": 4, "A": 3, "S": 2, "E": 1, "C": [1, 2, 3, 4, 5] * 2}))
    assert profile.scores == {"R": 40, "I": 30, "A": 20, "S": 10, "E": 0, "C": 20}
    assert profile.complete and not profile.flat and profile.max_score == 40
    assert profile.code == "RIA"
    assert profile.ties == (("A", "C"),)
    assert profile.codes == ("RIA", "RIC")
    assert any("no norms" in note for note in profile.notes)


def test_up_to_two_missing_items_are_prorated():
    profile = score(answers({"R": [4] * 9 + [None], "I": [5] * 8 + [None, None]}))
    assert profile.scores["R"] == 30.0  # 27 points on 9 items × 10 / 9
    assert profile.scores["I"] == 40.0
    assert profile.prorated == ("R", "I")
    assert profile.missing["R"] == 1 and profile.answered["I"] == 8
    assert profile.complete
    assert sum("prorated" in n for n in profile.notes) == 2


def test_three_missing_items_leave_the_area_incomplete_and_say_so():
    responses = answers({"S": [5] * 7 + [None] * 3, "R": 4})
    profile = score(responses)
    assert profile.scores["S"] is None
    assert profile.incomplete == ("S",) and not profile.complete
    assert any("Social: 3 of 10 items unanswered" in n for n in profile.notes)
    with pytest.raises(InputError, match=r"still need answers: Social \(3 unanswered\)"):
        match_occupations(profile)


def test_no_answers_at_all_is_incomplete_not_an_error():
    profile = score({})
    assert profile.incomplete == tuple(RIASEC)
    assert profile.code == "" and profile.flat


@pytest.mark.parametrize("bad", [0, 6, 2.5, -1, True, "a lot", [3], "7"])
def test_bad_answers_are_refused_naming_the_item(bad):
    with pytest.raises(InputError, match="'A03'"):
        score({"A03": bad})


def test_numeric_text_and_whole_floats_are_accepted_and_blank_is_unanswered():
    profile = score(answers({"R": ["5", 5.0, " 4 ", "", None, 5, 5, 5, 5, 5]}))
    assert profile.scores["R"] == pytest.approx(31 * 10 / 8, abs=0.01)


def test_answers_to_unknown_items_are_refused():
    with pytest.raises(InputError, match="'Z99', which is not in inventory 'riasec_60'"):
        score({"R01": 3, "Z99": 4})


def test_ties_at_the_top_are_reported_and_broken_in_riasec_order_for_display():
    profile = profile_from_scores({"R": 5, "I": 12, "A": 30, "S": 30, "E": 12, "C": 2})
    assert profile.code == "ASI"
    assert profile.ties == (("A", "S"), ("I", "E"))
    assert set(profile.codes) == {"ASI", "ASE", "SAI", "SAE"}
    assert profile.codes[0] == profile.code


def test_profile_from_scores_accepts_another_instrument():
    profile = profile_from_scores({"Realistic": 27, "i": 12, "A": 33, "S": 8, "E": 19, "C": 0})
    assert profile.scores == {"R": 27, "I": 12, "A": 33, "S": 8, "E": 19, "C": 0}
    assert profile.code == "ARE" and profile.inventory_id == "scores"
    partial = profile_from_scores({"R": 5, "I": None, "A": 3, "S": 2, "E": 1, "C": 6},
                                  max_score=7)
    assert partial.incomplete == ("I",)


@pytest.mark.parametrize(
    ("scores", "message"),
    [
        ({"R": 1, "I": 2, "A": 3, "S": 4, "E": 5}, "Scores for C are missing"),
        ({"R": 1, "I": 2, "A": 3, "S": 4, "E": 5, "C": -1}, r"Conventional \(C\) is -1"),
        ({"R": 41, "I": 2, "A": 3, "S": 4, "E": 5, "C": 1}, r"expected 0 to 40"),
        ({"R": "high", "I": 2, "A": 3, "S": 4, "E": 5, "C": 1}, r"Realistic \(R\) is 'high'"),
        ({"X": 1, "R": 1, "I": 2, "A": 3, "S": 4, "E": 5, "C": 1}, "Unknown interest area 'X'"),
    ],
)
def test_bad_scores_from_another_instrument_are_refused(scores, message):
    with pytest.raises(InputError, match=message):
        profile_from_scores(scores)


def test_profile_is_immutable():
    profile = profile_from_scores(dict.fromkeys(RIASEC, 3))
    with pytest.raises(AttributeError):
        profile.max_score = 10  # type: ignore[misc]


# --------------------------------------------------------------------------- indices


@pytest.mark.parametrize(
    ("code", "expected"),
    # Holland (1997): adjacent on the hexagon = high (3), alternate = medium (2),
    # opposite = low (1); the hexagon closes, so C and R are adjacent.
    [("RIA", 3), ("IA", 3), ("CRS", 3), ("SEC", 3), ("RA", 2), ("SIR", 2), ("EA", 2),
     ("RS", 1), ("IE", 1), ("AC", 1)],
)
def test_consistency_follows_the_hexagon(code, expected):
    assert consistency(code) == expected


def test_consistency_rejects_codes_that_are_not_holland_codes():
    with pytest.raises(InputError, match="'X', which is not a Holland letter"):
        consistency("RX")
    with pytest.raises(InputError, match="repeats a letter"):
        consistency("SS")


def test_differentiation_holland_and_iachan():
    """Hand-derived from the published definitions (no printed worked example was found):
    Holland (1997) highest − lowest; Iachan (1984b) highest − mean(2nd, 4th highest).
    Scores sorted: S 36, A 30, I 25, E 18, R 10, C 6 → 36 − 6 = 30; 36 − (30 + 18) / 2 = 12."""
    scores = {"R": 10, "I": 25, "A": 30, "S": 36, "E": 18, "C": 6}
    assert differentiation(scores) == 30
    assert differentiation(scores, method="iachan") == 12
    assert differentiation(profile_from_scores(scores)) == 30
    assert differentiation(dict.fromkeys(RIASEC, 4.5), method="iachan") == 0


def test_differentiation_needs_six_numbers():
    with pytest.raises(InputError, match="C is None"):
        differentiation({"R": 1, "I": 2, "A": 3, "S": 4, "E": 5, "C": None})
    with pytest.raises(InputError, match="Unknown differentiation method"):
        differentiation(dict.fromkeys(RIASEC, 1), method="range")


def test_iachan_congruence_matches_the_published_tie_example():
    """Iachan (1990), "Some extensions of the Iachan congruence index", J. Vocational
    Behavior 36, 176–180, section on ties: a person's code against an occupation whose code
    ties between ESA and ESI: m(1) = 2·W(1,2) + W(3,3) = 21 (with ESA), m(2) = 2·W(1,2) = 20
    (with ESI), and the index for the tie is their average, M = 20.5. The person's code is
    poorly legible in the copy we read ("SE1"); SEA is the only reading that gives both
    printed values with the labels as printed."""
    assert congruence("SEA", "ESA") == 21
    assert congruence("SEA", "ESI") == 20
    assert congruence("SEA", ["ESA", "ESI"]) == 20.5


def test_iachan_congruence_range_and_weights():
    """Iachan (1984) weights [[22,10,4],[10,5,2],[4,2,1]]: identical codes 22+5+1 = 28, no
    shared letter 0 (the R package `holland` documents RIA/RIA as the maximum and RIA/SEC as
    the minimum). SAE vs SEC, hand-derived: S 1st–1st = 22, E 3rd–2nd = 2 → 24."""
    assert congruence("RIA", "RIA") == 28
    assert congruence("RIA", "SEC") == 0
    assert congruence("SAE", "SEC") == 24
    # S is 1st in SAE and 2nd in CSA: W(1,2) = 10; A is 2nd and 3rd: W(2,3) = 2.
    assert congruence("SAE", "CSA") == 12


def test_iachan_two_letter_variant():
    """Iachan (1990) two-letter weights [[5,2],[2,1]], hand-derived: SE/SE = W(1,1) + W(2,2)
    = 6 (the maximum), SE/ES = W(1,2) + W(2,1) = 4, SE/SA = 5, SE/AE = 1, no shared letter 0."""
    assert congruence("SE", "SE") == 6
    assert congruence("SE", "ES") == 4
    assert congruence("SE", "SA") == 5
    assert congruence("SE", "AE") == 1
    assert congruence("SE", "RI") == 0


def test_brown_gore_congruence():
    """Brown & Gore (1994) C = 3·X1 + 2·X2 + X3, X = 3 same, 2 adjacent, 1 alternate,
    0 opposite. Published range 0–18 (RIA/RIA = 18 and RIA/SEC = 0 in the R package
    `holland`'s documented examples). SAE vs SEC, hand-derived: S–S 3, A–E alternate 1,
    E–C adjacent 2 → 9 + 2 + 2 = 13."""
    assert congruence("RIA", "RIA", method="brown_gore") == 18
    assert congruence("RIA", "SEC", method="brown_gore") == 0
    assert congruence("SAE", "SEC", method="brown_gore") == 13
    with pytest.raises(InputError, match="expected 3"):
        congruence("SA", "SE", method="brown_gore")


def test_congruence_of_a_tied_profile_averages_its_codes():
    profile = profile_from_scores({"R": 5, "I": 1, "A": 30, "S": 30, "E": 12, "C": 2})
    assert profile.codes == ("ASE", "SAE")
    assert congruence(profile, "SAE") == (congruence("ASE", "SAE") + 28) / 2


def test_congruence_rejects_bad_codes():
    with pytest.raises(InputError, match="same number of letters"):
        congruence("SAE", "SA")
    with pytest.raises(InputError, match="Unknown congruence method"):
        congruence("SAE", "SAE", method="kappa")


# --------------------------------------------------------------------------- matching


def test_matching_ranks_bundled_occupations_by_pearson_fit():
    scores = {"R": 8, "I": 30, "A": 14, "S": 36, "E": 20, "C": 5}
    result = match_occupations(profile_from_scores(scores), top=None)
    occupations = datasets.occupations().set_index("soc_code")
    assert list(result.columns) == ["soc_code", "title", "job_zone", "fit", "band", "code", "why"]
    assert len(result) > 850
    assert result["fit"].is_monotonic_decreasing
    person = np.array([scores[x] for x in RIASEC], dtype=float)
    for soc in result["soc_code"].iloc[[0, 5, 200, -1]]:
        expected = np.corrcoef(person, occupations.loc[soc, list(RIASEC)].to_numpy(float))[0, 1]
        assert result.set_index("soc_code").loc[soc, "fit"] == pytest.approx(expected, abs=5e-4)
    best = result.iloc[0]
    assert best["band"] == "strong" and best["fit"] >= 0.7
    assert "Social" in best["why"] and best["code"][0] in "SI"


def test_bands_are_ours_and_configurable():
    profile = profile_from_scores({"R": 8, "I": 30, "A": 14, "S": 36, "E": 20, "C": 5})
    result = match_occupations(profile, top=None)
    cut = DEFAULT_BANDS
    for band, low, high in [("strong", cut["strong"], 1.01), ("good", cut["good"], cut["strong"]),
                            ("some", cut["some"], cut["good"]), ("little", -1.01, cut["some"])]:
        fits = result.loc[result["band"] == band, "fit"]
        # fit is shown rounded to three places; the band is decided on the exact value
        assert ((fits >= low - 5e-4) & (fits < high + 5e-4)).all(), band
    assert result.attrs["bands_are_ours"] is True
    assert "careerkit's own" in result.attrs["notes"][0]
    custom = match_occupations(profile, top=None, bands={"close": 0.9, "near": 0.8})
    assert set(custom["band"]) <= {"close", "near", "little"}
    assert (custom.loc[custom["band"] == "close", "fit"] >= 0.9).all()


# --------------------------------------------------------------------------- fit bands: null test


def _random_profiles(n: int, seed: int) -> pd.DataFrame:
    from careerkit.interests._null import random_answer_scores

    return pd.DataFrame(random_answer_scores(n, seed), columns=list(RIASEC))


def test_stored_cut_offs_come_from_the_seeded_null_script():
    from careerkit.interests._null import derive_cutoffs

    stored = datasets.fit_bands()
    assert stored["derived_by"].startswith("scripts/derive_fit_bands.py")
    again = derive_cutoffs(datasets.occupations(), n=stored["settings"]["random_answer_sets"],
                           seed=stored["settings"]["seed"])
    assert again["fit"] == stored["fit"] == DEFAULT_BANDS
    assert again["spread_units"] == stored["spread_units"]
    # the old fixed cut-offs are kept only to compare with
    assert FIXED_BANDS_BEFORE == {"strong": 0.70, "good": 0.50, "some": 0.30}


def test_random_answers_rarely_get_a_strong_match_in_their_top_ten():
    scores = _random_profiles(1500, seed=404)  # not the seed the cut-offs were derived with
    result = match_many(scores, top=10)
    any_strong = result.groupby("person")["band"].apply(lambda b: b.eq("strong").any())
    assert any_strong.reindex(scores.index, fill_value=False).mean() < 0.10
    # with the old fixed cut-off nearly every random answer set had one
    old = (ck.interests.fit_matrix(scores) >= FIXED_BANDS_BEFORE["strong"]).any(axis=1).mean()
    assert old > 0.9


def test_shuffled_occupation_profiles_rarely_give_random_answers_a_strong_match():
    occupations = datasets.occupations()
    rng = np.random.default_rng(5)
    values = occupations[list(RIASEC)].to_numpy(float)
    shuffled = occupations[["soc_code", "title", "job_zone"]].copy()
    shuffled[list(RIASEC)] = np.take_along_axis(
        values, np.argsort(rng.random(values.shape), axis=1), axis=1
    )
    scores = _random_profiles(1000, seed=77)
    result = match_many(scores, shuffled, top=10)
    share = result.groupby("person")["band"].apply(lambda b: b.eq("strong").any()).mean()
    assert share < 0.10


@pytest.mark.parametrize("letter", list(RIASEC))
@pytest.mark.parametrize("elsewhere", [1, 3])
def test_pure_types_still_get_strong_matches_of_their_own_type(letter, elsewhere):
    # "strongly like" every item of one area; "strongly dislike" (1) or "unsure" (3) elsewhere
    profile = score(answers({x: 5 if x == letter else elsewhere for x in RIASEC}))
    result = match_occupations(profile, top=10)
    assert profile_confidence(profile).level == "clear"
    assert result["band"].iloc[0] == "strong"
    assert (result["band"] == "strong").sum() >= 5
    assert letter in result["code"].iloc[0]


def test_one_like_among_unsure_is_near_flat_never_strong_and_says_what_to_try():
    given = answers({})
    given["R01"] = 4  # one "like", 59 "unsure": the example
    profile = score(given)
    result = match_occupations(profile, top=10)
    assert result.attrs["confidence"]["level"] == "near-flat"
    assert set(result["band"]) <= {"some", "little"}
    assert any("close to each other" in n for n in result.attrs["notes"])
    assert result.attrs["suggestions"] and "Job Zone" in " ".join(result.attrs["suggestions"])


def test_moderate_profile_is_capped_at_good_and_low_elevation_cannot_be_strong():
    moderate = profile_from_scores({"R": 30, "I": 25, "A": 22, "S": 20, "E": 18, "C": 15})
    assert profile_confidence(moderate).level == "moderate"
    assert set(match_occupations(moderate, top=20)["band"]) <= {"good", "some", "little"}
    # clear shape but nothing liked: the highest area is below the middle of the 0–40 scale
    low = profile_from_scores({"R": 19, "I": 2, "A": 0, "S": 1, "E": 3, "C": 0})
    confidence = profile_confidence(low)
    assert confidence.elevation_low and confidence.cap == "good"
    assert "strong" not in set(match_occupations(low, top=20)["band"])


def test_match_many_applies_the_same_confidence_caps_as_match_occupations():
    scores = _random_profiles(40, seed=3)
    many = match_many(scores, top=5)
    for person in (0, 7, 31):
        single = match_occupations(scores.loc[person].to_dict(), top=5)
        mine = many[many["person"] == person]
        assert mine["band"].tolist() == single["band"].tolist()


def test_unsuitable_band_file_is_a_clear_data_error(tmp_path, monkeypatch):
    (tmp_path / "fit_bands.json").write_text('{"fit": {"strong": 0.7}}', encoding="utf-8")
    monkeypatch.setattr(datasets, "data_dir", lambda: tmp_path)
    with pytest.raises(DataError, match=r"fit_bands\.json.*expected 'fit' with strong, good, some"):
        datasets.fit_bands()


def test_matches_suggest_choosing_a_job_zone_first_when_none_is_chosen():
    profile = profile_from_scores({"R": 8, "I": 30, "A": 14, "S": 36, "E": 20, "C": 5})
    assert any("Job Zone first" in n for n in match_occupations(profile).attrs["notes"])
    chosen = match_occupations(profile, job_zones=[3])
    assert not any("Job Zone first" in n for n in chosen.attrs["notes"])
    # what each zone holds, whatever the filter, so a screen can offer the zone first
    by_zone = chosen.attrs["by_zone"]
    everything = match_occupations(profile, top=None)
    for zone in (1, 3, 5):
        counts = everything[everything["job_zone"] == zone]["band"].value_counts().to_dict()
        assert {k: v for k, v in by_zone[zone].items() if v} == counts


# --------------------------------------------------------------------------- ties everywhere


def test_tied_second_letters_make_consistency_a_range_not_adjacent():
    profile = profile_from_scores({"R": 36, "I": 28, "A": 5, "S": 28, "E": 3, "C": 2})
    ties = holland_ties(profile)
    assert ties.codes == ("RIS", "RSI") and ties.consistency == (1, 3)
    assert consistency_range(profile) == (1, 3)
    assert "adjacent to opposite" in ties.consistency_text()
    assert ties.code_text() == "RIS or RSI (tied scores)"
    with pytest.raises(InputError, match="consistency is a range"):
        consistency(profile)
    # an untied profile keeps its single value
    clear = profile_from_scores({"R": 36, "I": 28, "A": 5, "S": 20, "E": 3, "C": 2})
    assert consistency(clear) == 3 and holland_ties(clear).consistency == (3, 3)


def test_profile_as_dict_carries_every_tied_code():
    profile = profile_from_scores({"R": 36, "I": 28, "A": 5, "S": 28, "E": 3, "C": 2})
    assert profile.as_dict()["codes"] == ["RIS", "RSI"]
    assert profile_from_scores(dict.fromkeys(RIASEC, 20)).as_dict()["codes"] == []


def test_many_tied_codes_are_listed_with_and_n_more():
    profile = profile_from_scores({"R": 30, "I": 20, "A": 20, "S": 20, "E": 20, "C": 10})
    ties = holland_ties(profile)
    assert len(ties.codes) == 12
    assert ties.code_text().endswith("and 7 more (tied scores)")
    assert codes_text(["RIA", "RIS"]) == "RIA or RIS"
    flat = profile_from_scores(dict.fromkeys(RIASEC, 20))
    assert holland_ties(flat).flat and "no Holland code" in holland_ties(flat).code_text()


def test_congruence_range_spans_the_tied_orders():
    profile = profile_from_scores({"R": 36, "I": 28, "A": 5, "S": 28, "E": 3, "C": 2})
    low, high = congruence_range(profile, "RIS")
    assert (low, high) == (congruence("RSI", "RIS"), congruence("RIS", "RIS"))
    assert low < congruence(profile, "RIS") < high


def test_why_names_tied_areas_as_tied():
    profile = profile_from_scores({"R": 36, "I": 28, "A": 28, "S": 5, "E": 3, "C": 2})
    result = match_occupations(profile, top=None)
    # I and A tie for second: both are among the top three, neither position is fixed
    row = result[result["code"].str.startswith("A")].iloc[0]
    assert "Artistic" in row["why"] and "tied" not in row["why"]
    third = profile_from_scores({"R": 36, "I": 28, "A": 20, "S": 20, "E": 3, "C": 2})
    result = match_occupations(third, top=None)
    row = result[result["code"].str.contains("S")].iloc[0]
    assert "Social" in row["why"] and "Social tied with other areas" in row["why"]
    assert result.attrs["person_codes"] == ["RIA", "RIS"]


def test_job_zone_filter_keeps_only_chosen_zones():
    profile = profile_from_scores({"R": 30, "I": 20, "A": 4, "S": 6, "E": 10, "C": 25})
    result = match_occupations(profile, job_zones=[1, 2], top=None)
    assert set(result["job_zone"].dropna()) <= {1, 2} and result["job_zone"].notna().all()
    assert result.attrs["job_zone_filter"] == "applied"
    assert any("Job Zone 1, 2" in n for n in result.attrs["notes"])
    everything = match_occupations(profile, top=None)
    assert everything.attrs["job_zone_filter"] == "none"
    assert len(everything) > len(result) > 50
    with pytest.raises(InputError, match="Job Zones are whole numbers 1–5"):
        match_occupations(profile, job_zones=[0, 6])


def test_flat_profile_cannot_be_matched():
    profile = score(answers(dict.fromkeys(RIASEC, 3)))
    assert profile.flat and profile.complete
    with pytest.raises(FlatProfileError, match="more decisive") as info:
        match_occupations(profile)
    assert isinstance(info.value, InputError)
    assert "cannot be ranked" in str(info.value)


def test_matching_accepts_a_mapping_and_any_occupation_frame():
    frame = pd.DataFrame({
        "soc_code": ["A", "B", "C"], "title": ["Alpha", "Beta", "Gamma"],
        "R": [7, 1, 4], "I": [6, 2, 4], "A": [1, 7, 4], "S": [1, 6, 4], "E": [2, 3, 4],
        "C": [3, 1, 4],
    })
    result = match_occupations({"R": 1, "I": 2, "A": 6, "S": 5, "E": 3, "C": 1}, frame)
    # Gamma's profile is flat and has no correlation: left out, not ranked.
    assert result["soc_code"].tolist() == ["B", "A"]
    assert result.attrs["job_zone_filter"] == "unavailable"
    assert result["job_zone"].isna().all()
    assert result["code"].tolist() == ["ASE", "RIC"]


def test_bad_occupation_frames_are_rejected_clearly():
    frame = pd.DataFrame({"soc_code": ["A"], "title": ["Alpha"], "R": [1], "I": [2], "A": [3],
                          "S": [4], "E": [5]})
    profile = {"R": 1, "I": 2, "A": 6, "S": 5, "E": 3, "C": 1}
    with pytest.raises(DataError, match="missing column 'C'"):
        match_occupations(profile, frame)
    frame["C"] = ["seven"]
    with pytest.raises(DataError, match=r"row 1 \(A\): C is 'seven'"):
        match_occupations(profile, frame)


def _interests_from_text(folder: Path) -> pd.DataFrame:
    """Our own reading of an O*NET text-edition Interests.txt (independent of careerkit.onet)."""
    raw = pd.read_csv(folder / "Interests.txt", sep="\t", dtype=str)
    oi = raw[raw["Scale ID"] == "OI"].copy()
    oi["letter"] = oi["Element Name"].str[0]
    wide = oi.pivot(index="O*NET-SOC Code", columns="letter", values="Data Value").astype(float)
    titles = pd.read_csv(folder / "Occupation Data.txt", sep="\t", dtype=str)
    wide = wide[list(RIASEC)].reset_index().rename(columns={"O*NET-SOC Code": "soc_code"})
    return wide.merge(titles.rename(columns={"O*NET-SOC Code": "soc_code", "Title": "title"})[
        ["soc_code", "title"]], on="soc_code")


@pytest.mark.shared_data
def test_matching_on_onet_30_1_without_job_zones(onet_dir):
    folder = onet_dir / "db_30_1_text"
    release = ck.onet.load_release(folder)
    profile = profile_from_scores({"R": 8, "I": 30, "A": 14, "S": 36, "E": 20, "C": 5})
    result = match_occupations(profile, release, top=None)
    assert result.attrs["job_zone_filter"] == "unavailable"
    assert any("no Job Zones" in note for note in result.attrs["notes"])
    assert result["job_zone"].isna().all()
    # Asking for zones on data without them is not silently applied: the output says so.
    filtered = match_occupations(profile, release, job_zones=[4])
    assert filtered.attrs["job_zone_filter"] == "unavailable"
    # Same ranking as our own independent reading of the text file.
    own = match_occupations(profile, _interests_from_text(folder), top=None)
    assert len(own) == len(result) == 923
    assert own["soc_code"].head(20).tolist() == result["soc_code"].head(20).tolist()
    np.testing.assert_allclose(own["fit"], result["fit"], atol=1e-9)


@pytest.mark.shared_data
def test_matching_on_onet_30_1_with_29_3_job_zones(onet_dir):
    release = ck.onet.load_release(onet_dir / "db_30_1_text",
                                   job_zones_from=onet_dir / "db_29_3_derived_tsv")
    profile = profile_from_scores({"R": 8, "I": 30, "A": 14, "S": 36, "E": 20, "C": 5})
    result = match_occupations(profile, release, job_zones=[4, 5], top=None)
    assert result.attrs["job_zone_filter"] == "applied"
    assert set(result["job_zone"]) <= {4, 5} and len(result) > 100
    # Joining the zones ourselves gives the same result.
    zones = pd.read_csv(onet_dir / "db_29_3_derived_tsv" / "Job Zones.txt", sep="\t", dtype=str)
    frame = occupations_from_release(
        ck.onet.load_release(onet_dir / "db_30_1_text"),
        job_zones=zones.rename(columns={"O*NET-SOC Code": "soc_code", "Job Zone": "job_zone"})
        .assign(job_zone=lambda f: f["job_zone"].astype(int)),
    )
    again = match_occupations(profile, frame, job_zones=[4, 5], top=None)
    assert again["soc_code"].tolist() == result["soc_code"].tolist()


def test_match_many_agrees_with_match_occupations_for_each_person():
    rng = np.random.default_rng(7)
    cohort = pd.DataFrame(rng.integers(0, 41, size=(25, 6)), columns=list(RIASEC),
                          index=[f"p{i}" for i in range(25)])
    cohort.loc["flat"] = [20] * 6
    result = match_many(cohort, top=5, job_zones=[2, 3, 4])
    assert result.attrs["unmatched"] == ["flat"]
    assert len(result) == 25 * 5
    for person in ("p0", "p13", "p24"):
        single = match_occupations(cohort.loc[person].to_dict(), job_zones=[2, 3, 4], top=5)
        mine = result[result["person"] == person]
        assert mine["rank"].tolist() == [1, 2, 3, 4, 5]
        assert mine["soc_code"].tolist() == single["soc_code"].tolist()
        np.testing.assert_allclose(mine["fit"], single["fit"])


def test_fit_matrix_is_people_by_occupations():
    cohort = pd.DataFrame([[1, 2, 3, 4, 5, 6], [3, 3, 3, 3, 3, 3]], columns=list(RIASEC))
    matrix = ck.interests.fit_matrix(cohort)
    assert matrix.shape == (2, len(datasets.occupations()))
    assert matrix.iloc[1].isna().all() and matrix.iloc[0].notna().sum() > 900


def test_interest_answers_keeps_responses_and_adds_optional_fields():
    section = InterestAnswers()
    assert section.responses == {} and section.inventory_id == "riasec_60"
    assert section.current_page == 0 and section.job_zones == []
    restored = InterestAnswers.model_validate({"responses": {"R01": 4}})
    assert restored.responses == {"R01": 4} and restored.selected_soc_code is None


def test_docstring_examples_hold():
    import doctest

    from careerkit.interests import _indices, _ties

    result = doctest.testmod(_indices)
    assert result.attempted >= 5 and result.failed == 0
    result = doctest.testmod(_ties)
    assert result.attempted >= 3 and result.failed == 0


def test_an_inventory_row_longer_than_its_header_is_refused_with_its_line(tmp_path):
    path = tmp_path / "ours.csv"
    path.write_text("item_id,text,scale\nR1,Fix cars, bikes,R\n", encoding="utf-8")
    with pytest.raises(ck.DataError, match=r"ours.csv, line 2: 4 fields where the header has 3"):
        ck.interests.load_inventory(path)
    rows = "".join(f"{x}1,Activity {x},{x},,\n" for x in "RIASEC")
    path.write_text("item_id,text,scale\n" + rows, encoding="utf-8")
    assert len(ck.interests.load_inventory(path)) == 6  # trailing empty fields are harmless
