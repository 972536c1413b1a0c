# Quick start: `make site` builds the site into site/, `make test` runs every test.
# Both create the virtual environment from the lock first (Python 3.11).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: site test serve validate generate lock clean e2e

$(STAMP): requirements.lock
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) not found: install Python 3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	touch $(STAMP)

site: $(STAMP)
	$(BIN)/python -m generator build

validate: $(STAMP)
	$(BIN)/python -m generator validate

generate: $(STAMP)
	$(BIN)/python -m generator generate

serve: $(STAMP)
	$(BIN)/python -m generator generate
	$(BIN)/python -m mkdocs serve --livereload

test: $(STAMP)
	$(BIN)/python -m pytest

e2e: $(STAMP)
	$(BIN)/python -m pytest tests/e2e

# Regenerate the lock from requirements.in (needs pip-tools; not used by site or test).
lock:
	$(BIN)/python -m pip install --quiet pip-tools==7.6.2
	$(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
		--no-emit-index-url --no-emit-find-links -o requirements.lock requirements.in

clean:
	rm -rf site site.new site.old
	$(BIN)/python -c "from generator.write import remove_generated_files; remove_generated_files('content')" 2>/dev/null || true
