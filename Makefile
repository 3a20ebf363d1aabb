# careerkit — the two commands a person needs: `make lab` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8866
# pytest workers: both cores by default; `make test JOBS=1` for a quiet machine
JOBS ?= 2

.PHONY: venv lab app test lint bench data clean help

help:
	@echo "make lab    create .venv, install, open the workbook in JupyterLab"
	@echo "make app    run the workbook as a Voila app on port $(PORT)"
	@echo "make test   install, lint and run every test (notebooks included)"
	@echo "make bench  run the benchmarks and print their figures"
	@echo "make data   rebuild data/ from ../shared/data/onet (maintainers)"

# The extractor's compiled whole-word search (careerkit/skills/_walk.py): built when a C
# compiler is here, else the extractor uses its pure-Python engine (same results, slower).
CC ?= cc
WALK := careerkit/skills/libckwalk.so
$(WALK): careerkit/skills/_walk.c
	@$(CC) -O2 -shared -fPIC -o $@ $< 2>/dev/null \
	  && echo "built $@ (the skill extractor's compiled search)" \
	  || echo "no C compiler: the skill extractor uses its pure-Python engine (slower)"

venv: $(VENV)/.installed $(WALK)

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# JupyterLab refuses to run as root unless told; containers often are root
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: venv
	$(VENV)/bin/jupyter lab $(ALLOW_ROOT) notebooks/00_start_here.ipynb

app: venv
	@echo "Open http://localhost:$(PORT)/voila/render/00_start_here.ipynb"
	$(VENV)/bin/voila notebooks --port=$(PORT) --no-browser --Voila.ip=127.0.0.1 \
	  --KernelManager.transport=ipc

lint: venv
	$(VENV)/bin/ruff check .

# Everything but the browser tests on $(JOBS) workers, then the browser tests one at a time:
# Voila pages in a headless Chromium drew screens without their widgets now and then when
# two workers ran browsers, Voila servers and kernels at once on two cores.
test: lint
	CAREERKIT_HOME=$$(mktemp -d) $(VENV)/bin/pytest -n $(JOBS) --dist loadfile -m "not browser" \
	  tests notebooks --nbval-lax --sanitize-with tests/nbval_sanitize.cfg
	CAREERKIT_HOME=$$(mktemp -d) $(VENV)/bin/pytest -m browser tests

bench: venv
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

data: venv
	$(PY) scripts/build_data.py --onet ../shared/data/onet
	$(PY) scripts/derive_fit_bands.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
