"""Cohort view of 1,000 workbooks: ``ck.cohort`` vs. a naive per-file loop.

Run: ``.venv/bin/python benchmarks/bench_cohort.py [--n 1000] [--repeat 2]``

The folder is built once: one workbook is made through the public API (consent, 60 answers,
a target role with its skills rated, two goals), then copied with a new pseudonym, random
answers, one of 20 target roles and random ratings (written as JSON directly, which is much
faster than 1,000 saves and gives the same files). 5 % are damaged files.

Measured, each the median of ``--repeat`` runs (seconds):

- ours: ``load(folder)`` (bundled inventory and each role's O*NET requirements read once),
  ``summary(k=5)``, ``reliability()``, and ``export`` to CSV and to XLSX;
- naive: a loop that opens each file with ``Workbook.open``, scores it with ``score()``, reads
  the target role's requirements with ``occupation_requirements`` and ranks the gap with
  ``gap()``, checks each goal with ``check_smart``, then ``value_counts`` and
  ``DataFrame.to_csv`` — what a counselor would write by hand, without consent checks,
  suppression or formula guarding.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd

import careerkit as ck
from careerkit.goals import Goal, Links, Obstacle, check_smart
from careerkit.interests import load_inventory, score
from careerkit.skills import gap, items_to_rate, occupation_requirements
from careerkit.workbook import Workbook

SCOPES = ["store", "share_with_counselor", "cohort_statistics"]


def _roles(n: int = 20) -> list[tuple[str, str, list[str]]]:
    roles = []
    for soc, title in zip(
        ck.datasets.occupations()["soc_code"], ck.datasets.occupations()["title"], strict=True
    ):
        need = occupation_requirements(soc)
        items = list(items_to_rate(need)["element_id"])
        if items:
            roles.append((soc, title, items))
        if len(roles) == n:
            return roles
    return roles


def build(folder: Path, n: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    template = Workbook.create("template", folder, workshop="spring")
    template.give_consent("v1", SCOPES)
    template.goals.goals.append(
        Goal(
            text="I will attend 4 local meetups by March 2027 and talk to 10 analysts",
            category="network",
            confidence=8,
            resources=["meetup list"],
            obstacles=[Obstacle(obstacle="shy", strategy="go with a friend")],
            links=Links(target_title="Registered Nurses"),
        )
    )
    template.goals.goals.append(Goal(text="Get better at networking", category="network"))
    template.save()
    base = json.loads(template.path.read_text())
    template.path.unlink()
    template.path.with_name("template.json.bak").unlink(missing_ok=True)
    items = list(load_inventory().items["item_id"])
    roles = _roles()
    for i in range(n):
        name = f"p{i:05d}"
        path = folder / f"{name}.json"
        if i % 20 == 19:
            path.write_text('{"format": "careerkit.workbook", "schema', encoding="utf-8")
            continue
        data = json.loads(json.dumps(base))
        data["participant"]["pseudonym"] = name
        data["participant"]["workshop"] = rng.choice(["spring", "autumn", "=evening"])
        data["interests"]["responses"] = {item: rng.randint(1, 5) for item in items}
        soc, title, rate = rng.choice(roles)
        data["skills"]["target_soc_code"] = soc
        data["skills"]["target_title"] = title
        data["skills"]["ratings"] = {e: rng.randint(1, 5) for e in rate}
        if i % 10 == 0:
            data["consent"]["withdrawn"] = True
        path.write_text(json.dumps(data), encoding="utf-8")


def ours(folder: Path, out: Path) -> None:
    cohort = ck.cohort.load(folder)
    cohort.summary(k=5)
    cohort.reliability()
    cohort.export(out / "ours.csv")
    cohort.export(out / "ours.xlsx")


def naive(folder: Path, out: Path) -> None:
    rows = []
    for path in sorted(folder.glob("*.json")):
        try:
            wb = Workbook.open(path)
        except ck.CareerkitError:
            continue
        profile = score(wb.interests.responses)
        soc = wb.skills.target_soc_code
        top: list[str] = []
        if soc:
            table = gap(wb.skills.ratings, occupation_requirements(soc))
            top = list(table.onet[table.onet["gap"] > 0]["element_name"].head(3))
        verdicts = [check_smart(g).verdict for g in wb.goals.goals]
        rows.append(
            {
                "pseudonym": wb.pseudonym,
                "workshop": wb.participant.workshop,
                "code": profile.code,
                "target": wb.skills.target_title,
                "gaps": "; ".join(top),
                "goals": len(verdicts),
                "smart": verdicts.count("SMART"),
            }
        )
    frame = pd.DataFrame(rows)
    frame["code"].str[0].value_counts()
    frame["target"].value_counts()
    frame["gaps"].str.split("; ").explode().value_counts()
    frame.to_csv(out / "naive.csv", index=False)


def timed(func: Callable[[], None], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, out = Path(tmp) / "submitted", Path(tmp) / "out"
        folder.mkdir()
        out.mkdir()
        start = time.perf_counter()
        build(folder, args.n)
        print(f"built {args.n} files in {time.perf_counter() - start:.1f} s")
        # warm the bundled data caches once for both (first read of the parquet tables)
        occupation_requirements(_roles(1)[0][0])
        results = {}
        # Interleaved, so both see the same machine load.
        for _ in range(args.repeat):
            results.setdefault("ours", []).extend(timed(lambda: ours(folder, out), 1))
            results.setdefault("naive", []).extend(timed(lambda: naive(folder, out), 1))
        cohort = ck.cohort.load(folder)
        print(
            f"{len(cohort.members)} read, {len(cohort.excluded)} excluded by consent, "
            f"{len(cohort.skipped)} skipped (damaged)"
        )
        for name, times in results.items():
            median = statistics.median(times)
            print(
                f"{name:6s} median {median:6.2f} s  ({median / args.n * 1e3:5.2f} ms per "
                f"workbook; runs: {', '.join(f'{t:.2f}' for t in times)})"
            )
        ratio = statistics.median(results["naive"]) / statistics.median(results["ours"])
        print(f"naive / ours: {ratio:.2f}×")


if __name__ == "__main__":
    main()
