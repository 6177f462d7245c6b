# Two commands do all set-up: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# Every absolute link (emails, PDFs, QR codes, calendars, page URLs) is built from SITE_URL,
# so `make run PORT=9201` links to where it serves.
SITE_URL ?= http://$(HOST):$(PORT)

.PHONY: run test install install-test migrate seed serve lint bench bench-reports worker clean

$(VENV)/bin/activate:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "Python 3.11 is needed ($(PYTHON) not found)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml $(VENV)/bin/activate
	$(PIP) install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/bin/activate
	$(PIP) install --quiet -e ".[test]"
	@touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

migrate: install
	SITE_URL=$(SITE_URL) $(PY) manage.py sync_site_url
	SITE_URL=$(SITE_URL) $(PY) manage.py migrate --no-input
	$(PY) manage.py createcachetable  # the shared cache without Redis (migrate makes it too)

seed: migrate
	SITE_URL=$(SITE_URL) $(PY) manage.py seed_demo

run: seed
	@echo "Serving on http://$(HOST):$(PORT)/ (Ctrl-C to stop)"
	SITE_URL=$(SITE_URL) $(PY) manage.py runserver $(HOST):$(PORT)

test: install-test
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install-test
	$(VENV)/bin/ruff check .
	$(PY) manage.py makemigrations --check --dry-run

# run_worker: django-tasks' db_worker with a heartbeat (a dead worker's task is requeued)
# and reconnection when the database restarts. WORKER_ID: stable across restarts.
WORKER_ID ?= $(shell hostname)-1
worker: install
	TASKS_BACKEND=database SITE_URL=$(SITE_URL) $(PY) manage.py run_worker --worker-id $(WORKER_ID)

bench: install-test
	@command -v wrk >/dev/null 2>&1 || { echo "The benchmark drives the server with wrk: apt-get install wrk"; exit 1; }
	$(PY) tests/perf/bench.py $(BENCH_ARGS)

bench-reports: install-test
	$(PY) tests/perf/bench_reports.py

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-* media staticfiles sent-mail
