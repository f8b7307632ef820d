# Next Step: `make test` installs everything the tests need and runs them.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: test test-python test-extension system-deps deps npm bench demo clean help

help:
	@echo "make test   install what the tests need (system packages, .venv, npm) and run every test"
	@echo "make demo   run Next Step on a bundled sample mailbox"
	@echo "make bench  run the benchmarks and print one table"

test: system-deps deps npm test-python test-extension

test-python: deps
	$(BIN)/python -m pytest

test-extension: deps npm
	@if [ -f package.json ]; then node --test tests/extension/; fi

system-deps:
	@bash scripts/system-deps.sh

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

deps: $(STAMP)

npm:
	@if [ -f package.json ]; then npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error; fi

bench: deps
	@bash scripts/system-deps.sh --bench
	$(BIN)/python bench/run_all.py

demo: deps
	$(BIN)/nextstep demo

clean:
	rm -rf $(VENV) node_modules .pytest_cache build *.egg-info
