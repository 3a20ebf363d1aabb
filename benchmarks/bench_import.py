"""How fast careerkit starts and loads its bundled tables, and how big the wheel is.

    .venv/bin/python benchmarks/bench_import.py [--runs 11]

Figures (medians over fresh interpreter processes unless said otherwise):

* ``import careerkit`` beside bare interpreter start-up and ``import pandas``;
* wheel size (built offline with ``python -m build --wheel --no-isolation``);
* loading the bundled occupations table, cold (a new process) and cached (same process), and
  the skills/knowledge ratings;
* a naive baseline beside it: building the same occupations frame from the raw O*NET text files
  with plain pandas (read, pivot, merge), and the same through ``careerkit.onet``.
  Module imports (pandas, careerkit) happen before the clock starts in these figures.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONET = ROOT.parent / "shared" / "data" / "onet"

# Imports happen before the clock starts, so the figures compare the loading itself.
TIMED = """
import time
import pandas as pd
{setup}
t0 = time.perf_counter()
{body}
print(time.perf_counter() - t0)
"""

NAIVE = """
S = {onet!r}
rd = lambda p: pd.read_csv(p, sep="\\t", dtype=str, keep_default_na=False)
occ = rd(S + "/db_30_1_text/Occupation Data.txt")[["O*NET-SOC Code", "Title"]]
it = rd(S + "/db_30_1_text/Interests.txt")
oi = it[it["Scale ID"] == "OI"].copy()
oi["letter"] = oi["Element Name"].str[0]
wide = oi.pivot(index="O*NET-SOC Code", columns="letter", values="Data Value").astype(float)
ih = it[it["Scale ID"] == "IH"].copy()
ih["k"] = ih["Element ID"].map({{"1.B.1.g": "h1", "1.B.1.h": "h2", "1.B.1.i": "h3"}})
ih["v"] = ih["Data Value"].astype(float).astype(int).map(dict(enumerate(" RIASEC"))).str.strip()
hp = ih.pivot(index="O*NET-SOC Code", columns="k", values="v")
jz = rd(S + "/db_29_3_derived_tsv/Job Zones.txt").set_index("O*NET-SOC Code")[["Job Zone"]]
frame = occ.merge(wide.join(hp).join(jz).reset_index(), on="O*NET-SOC Code")
assert len(frame) == 923
"""

VIA_ONET = """
S = {onet!r}
r = onet.load_release(S + "/db_30_1_text", job_zones_from=S + "/db_29_3_derived_tsv")
frame = r.interests.merge(r.occupations[["soc_code", "title"]]).merge(r.job_zones)
assert len(frame) == 923
"""


def _seconds(code: str, runs: int) -> float:
    """Median wall time of ``code`` in fresh interpreters (the script prints its own time)."""
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
        )
        times.append(float(out.stdout.strip().splitlines()[-1]))
    return statistics.median(times)


def _process(args: list[str], runs: int) -> float:
    """Median wall time of whole interpreter processes (start-up included)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], check=True, cwd=ROOT, capture_output=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _in_process(func, repeat: int = 50) -> float:
    func()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="fresh processes per figure")
    args = parser.parse_args()
    runs = args.runs
    ms = 1000

    print(f"Python {sys.version.split()[0]}, {runs} fresh processes per figure (median)")
    print("\n== import")
    bare = _process(["-c", "pass"], runs)
    ours = _process(["-c", "import careerkit"], runs)
    pandas = _process(["-c", "import pandas"], runs)
    print(f"interpreter start-up          {bare * ms:8.1f} ms")
    print(f"import careerkit              {ours * ms:8.1f} ms  (+{(ours - bare) * ms:.1f} ms)")
    print(f"import pandas (naive eager)   {pandas * ms:8.1f} ms  (+{(pandas - bare) * ms:.1f} ms)")

    print("\n== wheel")
    with tempfile.TemporaryDirectory() as out:
        built = subprocess.run(
            [
                sys.executable,
                "-m",
                "build",
                "--wheel",
                "--no-isolation",
                "--outdir",
                out,
                str(ROOT),
            ],
            capture_output=True,
            text=True,
        )
        wheels = list(Path(out).glob("*.whl"))
        if built.returncode or not wheels:
            print("wheel build failed (needs `build` and `hatchling` in this environment)")
        else:
            import zipfile

            with zipfile.ZipFile(wheels[0]) as archive:
                infos = archive.infolist()
            data = sum(i.file_size for i in infos if "/_data/" in i.filename)
            total = sum(i.file_size for i in infos)
            print(
                f"wheel {wheels[0].name}: {wheels[0].stat().st_size / 1024:8.0f} KiB "
                f"(unpacked {total / 1024:.0f} KiB, of which bundled data {data / 1024:.0f} KiB)"
            )

    print("\n== loading the bundled occupations (923 rows)")
    ours = "from careerkit import datasets"
    cold = _seconds(TIMED.format(setup=ours, body="datasets.occupations()"), runs)
    ratings = _seconds(TIMED.format(setup=ours, body="datasets.occupation_ratings()"), runs)
    sys.path.insert(0, str(ROOT))
    from careerkit import datasets

    cached = _in_process(datasets.occupations)
    cached_ratings = _in_process(datasets.occupation_ratings)
    print(f"occupations(), cold           {cold * ms:8.1f} ms  (first call in a new process)")
    print(f"occupations(), cached         {cached * ms:8.3f} ms  (a copy of the cached frame)")
    print(f"occupation_ratings(), cold    {ratings * ms:8.1f} ms  (59,772 rows)")
    print(f"occupation_ratings(), cached  {cached_ratings * ms:8.3f} ms")
    if ONET.is_dir():
        naive = _seconds(TIMED.format(setup="", body=NAIVE.format(onet=str(ONET))), runs)
        via = _seconds(
            TIMED.format(setup="from careerkit import onet", body=VIA_ONET.format(onet=str(ONET))),
            runs,
        )
        print(f"naive: raw O*NET text + pandas {naive * ms:7.1f} ms  (same frame, unvalidated)")
        print(f"careerkit.onet from raw text  {via * ms:8.1f} ms  (validated)")
    else:
        print(f"(no {ONET}: naive baseline skipped)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
