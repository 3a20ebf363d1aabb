#!/usr/bin/env bash
# The lowest declared versions: install every dependency at the lower bound pyproject.toml
# declares (its `>=`), in a venv of its own, and run the tests without a browser.
# pip has no "lowest" resolution: the bounds become a constraints file (`name==bound`) used
# with `pip install -c`; dependencies of dependencies resolve as usual.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=${LOWEST_VENV:-.venv-lowest}
JOBS=${JOBS:-2}

test -x "$VENV/bin/python" || "$PYTHON" -m venv "$VENV"
"$VENV/bin/python" - > "$VENV/lowest-constraints.txt" <<'PY'
import re
import tomllib

project = tomllib.load(open("pyproject.toml", "rb"))["project"]
requirements = list(project["dependencies"])
for extra in project.get("optional-dependencies", {}).values():
    requirements += extra
pins = {}
for requirement in requirements:
    match = re.fullmatch(r"\s*([A-Za-z0-9_.-]+)(?:\[[^]]*\])?\s*>=\s*([^,;\s]+)\s*", requirement)
    if match and match[1] != "careerkit":
        name = re.sub(r"[-_.]+", "-", match[1]).lower()
        bound = tuple(int(part) for part in re.findall(r"\d+", match[2]))
        if name not in pins or bound > pins[name][0]:  # declared twice: the higher bound
            pins[name] = (bound, match[2])
print("\n".join(f"{name}=={version}" for name, (_, version) in sorted(pins.items())))
PY
echo "lowest declared versions:"; sed 's/^/  /' "$VENV/lowest-constraints.txt"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet -c "$VENV/lowest-constraints.txt" -e '.[test]'
# the package as installed must be the lower bound, not a newer one pulled in by another
"$VENV/bin/python" -m pip check
CAREERKIT_HOME=$(mktemp -d) "$VENV/bin/pytest" -n "$JOBS" --dist loadfile -m "not browser" \
  --durations=5 tests
