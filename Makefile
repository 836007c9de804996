# Wijkkoers: `make run` to try it, `make test` to check it. Everything else is optional.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
HOST ?= 127.0.0.1
PORT ?= 8000
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test setup lint format messages lock browser vnu migrate demo clean help bench

help:
	@echo "make run    - set up, load the method and a demo project, serve on http://$(HOST):$(PORT)"
	@echo "make test   - set up and run every test (browser tests included) on SQLite"
	@echo "make lint   - ruff: lint and format check"
	@echo "make bench  - load benchmark on PostgreSQL beside a bare Django view (bench/README.md)"

# The environment is rebuilt only when the lock file or pyproject.toml changes.
$(VENV)/.installed: requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

setup: $(VENV)/.installed

migrate: setup
	$(PY) manage.py migrate --no-input

demo: migrate
	$(PY) manage.py load_method
	SITE_URL=http://$(HOST):$(PORT) $(PY) manage.py setup_demo

# Links in mails (and the demo's printed addresses) follow the port: make run PORT=8123.
run: demo
	DEBUG=1 SITE_URL=http://$(HOST):$(PORT) $(PY) manage.py runserver $(HOST):$(PORT)

browser: setup
	@scripts/ensure-browser

vnu:
	@scripts/ensure-vnu >/dev/null

test: setup browser vnu
	$(BIN)/pytest $(PYTEST_ARGS)

bench: setup
	$(PY) bench/run.py

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: setup
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: setup
	PY=$(PY) scripts/messages.sh

lock:
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv && .lockenv/bin/pip install --quiet -e ".[dev]"
	(echo "# Exact versions of every dependency (direct ones are listed in pyproject.toml)."; \
	 echo "# Regenerate with: make lock"; .lockenv/bin/pip freeze --exclude-editable) > requirements.lock
	rm -rf .lockenv

clean:
	rm -rf $(VENV) data/static .cache
