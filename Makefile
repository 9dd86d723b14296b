# planmonitor: the two commands are `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8501

.PHONY: run test test-fast bench lint format data clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.runtime: requirements.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

## Install and start the dashboard on the bundled default data.
run: $(VENV)/.runtime
	$(BIN)/streamlit run dashboard.py --server.port $(PORT)

## Install and run the whole test suite (unit, AppTest, browser).
test: $(VENV)/.dev
	$(BIN)/python -m pytest -q -n 2 --dist loadgroup

## Unit and AppTest layers only (no browser).
test-fast: $(VENV)/.dev
	$(BIN)/python -m pytest -q -m "not e2e"

## Speed and memory, measured side by side.
bench: $(VENV)/.dev
	$(BIN)/python bench/bench.py

lint: $(VENV)/.dev
	$(BIN)/ruff check . && $(BIN)/ruff format --check .

format: $(VENV)/.dev
	$(BIN)/ruff format . && $(BIN)/ruff check --fix .

## Rebuild the bundled workbooks from data/source/.
data: $(VENV)/.runtime
	$(BIN)/python scripts/build_default_data.py

clean:
	rm -rf $(VENV) .pytest_cache screenshots
