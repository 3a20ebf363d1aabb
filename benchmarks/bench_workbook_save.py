"""Save time of a workbook with 60 answers and 20 goals: careerkit's safe save vs. naive writes.

Run: ``.venv/bin/python benchmarks/bench_workbook_save.py [--repeat N] [--folder DIR]``

Each save changes one answer first (what a screen does after every click). Measured:

- ``wb.save()``, this copy the only writer (the file on disk is the one it last wrote);
- ``wb.save()`` with two copies taking turns, so every save reads, validates and merges the
  other copy's version first (two browser tabs);
- naive: ``json.dump`` of the model into the file (no lock, no merge, no temp file, no fsync:
  a crash mid-write leaves half a file, and two tabs overwrite each other);
- naive + fsync: the same plus ``os.fsync`` (durable, still neither atomic nor merged).

Figures are medians (and 90th percentiles) of ``--repeat`` saves, in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from careerkit.goals import Goal
from careerkit.workbook import Workbook

ITEMS = [f"{area}{n:02d}" for area in "RIASEC" for n in range(1, 11)]


def build(folder: Path) -> Workbook:
    wb = Workbook.create("bench-1", folder)
    wb.interests.responses.update({item: i % 5 + 1 for i, item in enumerate(ITEMS)})
    for n in range(20):
        wb.goals.goals.append(
            Goal(text=f"Goal {n}: finish module {n} of the data course by June 2027")
        )
    wb.notes = "Notes of a realistic length. " * 20
    wb.save()
    return wb


def timed(action: Callable[[int], None], repeat: int) -> list[float]:
    times = []
    for i in range(repeat):
        start = time.perf_counter()
        action(i)
        times.append((time.perf_counter() - start) * 1000)
    return times


def report(name: str, times: list[float]) -> None:
    p90 = statistics.quantiles(times, n=10)[-1]
    print(f"  {name:<44} median {statistics.median(times):7.3f} ms   p90 {p90:7.3f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=300)
    parser.add_argument(
        "--folder", type=Path, default=None, help="where to write (default: a temporary folder)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(dir=args.folder) as tmp:
        folder = Path(tmp)
        wb = build(folder)
        size = wb.path.stat().st_size
        print(
            f"Workbook: {len(wb.interests.responses)} answers, {len(wb.goals.goals)} goals, "
            f"{size / 1024:.1f} KiB on disk; {args.repeat} saves each; folder {folder}"
        )

        def change(target: Workbook, i: int) -> None:
            target.interests.responses[ITEMS[i % len(ITEMS)]] = (i % 5) + 1

        def safe(i: int) -> None:
            change(wb, i)
            wb.save()

        other = Workbook.open(wb.path)
        copies = (wb, other)

        def two_tabs(i: int) -> None:
            target = copies[i % 2]
            change(target, i)
            target.save()

        naive_path = folder / "naive.json"

        def naive(i: int) -> None:
            change(wb, i)
            with open(naive_path, "w", encoding="utf-8") as fh:
                json.dump(wb.model_dump(mode="json"), fh)

        def naive_fsync(i: int) -> None:
            change(wb, i)
            with open(naive_path, "w", encoding="utf-8") as fh:
                json.dump(wb.model_dump(mode="json"), fh)
                fh.flush()
                os.fsync(fh.fileno())

        results = {
            "careerkit save (one window)": timed(safe, args.repeat),
            "careerkit save (two windows, merge each time)": timed(two_tabs, args.repeat),
            "naive json.dump": timed(naive, args.repeat),
            "naive json.dump + fsync": timed(naive_fsync, args.repeat),
        }
        for name, times in results.items():
            report(name, times)
        final = Workbook.open(wb.path)
        assert len(final.interests.responses) == len(ITEMS)
        assert len(final.goals.goals) == 20


if __name__ == "__main__":
    main()
