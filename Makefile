# geonews: `make run` (no root needed) and `make test` (installs system packages with apt-get when missing).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
DB     ?= data/geonews.duckdb
PORT   ?= 8501
PYTEST_ARGS ?=

.PHONY: install run ingest dashboard test system-deps bench screenshots clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "geonews needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed

ingest: install
	$(BIN)/geonews etl run --input data/sample --db $(DB)

dashboard: install
	$(BIN)/geonews dashboard --db $(DB) --port $(PORT)

run: ingest dashboard

# Debian's Chromium (Playwright tests, kaleido exports) and CJK fonts (Chinese text in PNG exports).
system-deps:
	@if [ -x /usr/bin/chromium ] && fc-list :lang=zh 2>/dev/null | grep -q .; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null; then SUDO=sudo; \
	else echo "make test needs root (or sudo) to apt-get install chromium fonts-noto-cjk" >&2; exit 1; fi; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium fonts-noto-cjk fontconfig >/dev/null

test: install system-deps
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/etl.py
	$(BIN)/python bench/extract.py
	$(BIN)/python bench/dashboard.py

screenshots: install
	$(BIN)/python bench/screenshots.py

clean:
	rm -rf $(VENV) build *.egg-info data/geonews.duckdb data/geonews.duckdb.*
