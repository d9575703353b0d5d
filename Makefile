# The README's first two commands: `make demo` and `make test`.
# Both need only Python >= 3.11 and make; they build .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev

.PHONY: demo test lint typecheck chromium tesseract bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "looseleaf needs Python >= 3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

demo: $(STAMP) tesseract
	$(BIN)/looseleaf --registry demo-registry/looseleaf.db demo --fresh

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check looseleaf tests benchmarks
	$(BIN)/lint-imports

typecheck: $(STAMP)
	$(BIN)/mypy

# The browser tests drive Debian's Chromium (never a downloaded one). Installed
# here when missing, if apt-get is there and we are root; otherwise say why not
# (outside CI those tests then skip with the same reason; in CI they fail).
CHROMIUM := /usr/bin/chromium
chromium:
	@if [ -x $(CHROMIUM) ]; then :; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
	  echo "make: no apt-get here, so $(CHROMIUM) is not installed: browser tests will be skipped"; \
	elif [ "$$(id -u)" != 0 ]; then \
	  echo "make: not root, so $(CHROMIUM) is not installed: browser tests will be skipped" \
	    "(sudo apt-get install chromium chromium-driver)"; \
	else \
	  echo "make: installing Debian's chromium and chromium-driver for the browser tests"; \
	  apt-get install -y chromium chromium-driver >/dev/null 2>&1 \
	    || { apt-get update >/dev/null 2>&1 && apt-get install -y chromium chromium-driver >/dev/null 2>&1; } \
	    || echo "make: chromium could not be installed: browser tests will be skipped"; \
	fi

# Scans are read by Debian's Tesseract with the archive's languages, installed
# the same way (outside CI the OCR tests skip, saying why, when it is missing).
OCR_PACKAGES := tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus tesseract-ocr-ukr \
  tesseract-ocr-bel tesseract-ocr-deu tesseract-ocr-pol tesseract-ocr-fra
tesseract:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx rus; then :; \
	elif ! command -v apt-get >/dev/null 2>&1; then \
	  echo "make: no apt-get here, so Tesseract is not installed: OCR tests will be skipped"; \
	elif [ "$$(id -u)" != 0 ]; then \
	  echo "make: not root, so Tesseract is not installed: OCR tests will be skipped" \
	    "(sudo apt-get install $(OCR_PACKAGES))"; \
	else \
	  echo "make: installing Debian's Tesseract and its language packs for OCR"; \
	  apt-get install -y $(OCR_PACKAGES) >/dev/null 2>&1 \
	    || { apt-get update >/dev/null 2>&1 && apt-get install -y $(OCR_PACKAGES) >/dev/null 2>&1; } \
	    || echo "make: Tesseract could not be installed: OCR tests will be skipped"; \
	fi

test: lint typecheck chromium tesseract
	$(BIN)/pytest -n 2 --cov=looseleaf --cov-report=term:skip-covered

bench: $(STAMP)
	$(BIN)/python benchmarks/ingest.py

clean:
	rm -rf $(VENV) demo-registry .pytest_cache .mypy_cache .ruff_cache
