# careerkit — the two commands a person needs: `make lab` and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8866
# pytest workers: both cores by default; `make test JOBS=1` for a quiet machine
JOBS ?= 2

.PHONY: venv lab app workshop workshop-env test test-lowest lint bench data clean help

help:
	@echo "make lab    create .venv, install, open the workbook in JupyterLab"
	@echo "make app    run the workbook as a Voila app on port $(PORT)"
	@echo "make workshop  a JupyterHub on this machine: one server per participant, sign-in codes"
	@echo "make test   install, lint and run every test (notebooks included)"
	@echo "make test-lowest  the tests on the lowest declared dependency versions"
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

# `make lab` installs what a participant needs (careerkit[lab]); `make venv`/`make test` add the
# test tools (careerkit[test] = [lab] + pytest, ruff, build ...).
venv: $(VENV)/.installed $(WALK)

$(VENV)/.installed-lab: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[lab]'
	touch $@

$(VENV)/.installed: $(VENV)/.installed-lab
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# JupyterLab refuses to run as root unless told; containers often are root
ALLOW_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root,)

lab: $(VENV)/.installed-lab $(WALK)
	$(VENV)/bin/jupyter lab $(ALLOW_ROOT) notebooks/00_start_here.ipynb

# The participant app: one page (notebooks/app.ipynb), one kernel per open page, served alone
# so counselor pages and step notebooks are not reachable from participants' browsers.
# careerkit/_voila: the template (no CDN), freeing kernels of closed pages, idle culling.
app: $(VENV)/.installed-lab $(WALK)
	@echo "Open http://localhost:$(PORT)/"
	$(VENV)/bin/voila notebooks/app.ipynb --port=$(PORT) --no-browser --Voila.ip=127.0.0.1 \
	  --KernelManager.transport=ipc --Voila.config_file_paths=careerkit/_voila/config

# A workshop JupyterHub (deploy/hub/): one Voila app server per participant, signed in with
# one-time codes. The first run writes $(CODES) codes to deploy/hub/state/codes-to-hand-out.txt;
# more with `careerkit workshop codes -n 10`. As root each participant is a system user of
# their own; see deploy/README.md for what each mode protects.
HUB := deploy/hub
CHP := $(HUB)/node_modules/.bin/configurable-http-proxy
CODES ?= 30
WORKSHOP_PORT ?= 8000
WORKSHOP_IP ?= 127.0.0.1
$(CHP): $(HUB)/package.json $(HUB)/package-lock.json
	npm ci --prefix $(HUB) --no-audit --no-fund --loglevel=error
	touch $@

# As root, the hub and the participants' servers run in $(HUB)/env, made from a Python every
# system user can run (the project's .venv may sit on a Python under /root, closed to them).
WORKSHOP_PYTHON ?= /usr/bin/python3
ifeq ($(shell id -u),0)
HUB_ENV := $(HUB)/env
else
HUB_ENV := $(VENV)
endif
$(HUB)/env/.installed: pyproject.toml
	test -x $(HUB)/env/bin/python || $(WORKSHOP_PYTHON) -m venv $(HUB)/env
	$(HUB)/env/bin/python -m pip install --quiet --upgrade pip
	$(HUB)/env/bin/python -m pip install --quiet -e '.[workshop]'
	touch $@

workshop-env: $(HUB_ENV)/.installed $(CHP)

workshop: venv workshop-env
	@mkdir -p -m 700 $(HUB)/state
	@test -s $(HUB)/state/codes.json || { \
	  (umask 077; $(VENV)/bin/careerkit workshop codes -n $(CODES) --state $(HUB)/state \
	    > $(HUB)/state/codes-to-hand-out.txt) \
	  && echo "$(CODES) sign-in codes: $(HUB)/state/codes-to-hand-out.txt (print, hand out, delete)"; }
	@echo "Open http://$(WORKSHOP_IP):$(WORKSHOP_PORT)/ and sign in with a workshop code"
	CAREERKIT_WORKSHOP_IP=$(WORKSHOP_IP) CAREERKIT_WORKSHOP_PORT=$(WORKSHOP_PORT) \
	  $(HUB_ENV)/bin/jupyterhub -f $(HUB)/jupyterhub_config.py

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy

# Everything but the browser tests on $(JOBS) workers, then the browser tests one at a time:
# Voila pages in a headless Chromium drew screens without their widgets now and then when
# two workers ran browsers, Voila servers and kernels at once on two cores.
test: lint
	CAREERKIT_HOME=$$(mktemp -d) $(VENV)/bin/pytest -n $(JOBS) --dist loadfile -m "not browser" \
	  tests notebooks --nbval-lax --sanitize-with tests/nbval_sanitize.cfg
	CAREERKIT_HOME=$$(mktemp -d) $(VENV)/bin/pytest -m browser tests

# Every dependency at the lowest version pyproject.toml declares, in its own venv (.venv-lowest),
# running the tests without a browser (scripts/lowest_versions.sh; run by .ci/run).
test-lowest:
	JOBS=$(JOBS) PYTHON=$(PYTHON) bash scripts/lowest_versions.sh

bench: venv
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

data: venv
	$(PY) scripts/build_data.py --onet ../shared/data/onet
	$(PY) scripts/derive_fit_bands.py

clean:
	rm -rf $(VENV) .venv-lowest build dist .pytest_cache .ruff_cache
