# Two commands for a fresh machine with Python 3.11+, git and make:
#   make demo   opens the demo case on the session board
#   make test   runs the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench lint clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/facilitator demo

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

# Style, strict types, and the import layers of pyproject.toml (textual only under tui/).
lint: $(STAMP)
	$(BIN)/ruff check facilitator tests benchmarks tools
	$(BIN)/ruff format --check facilitator tests benchmarks tools
	$(BIN)/mypy --strict facilitator
	$(BIN)/lint-imports

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
