# Silta developer commands. `make run` and `make test` set everything up themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint migrate demo messages browser-test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(DEV_STAMP): requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $(STAMP) $@

## run: install, migrate, load the curriculum, quizzes, municipalities and demo users, serve on 127.0.0.1:8000
## (with the background-task worker beside the server; both stop together)
run: export DEBUG ?= 1
run: $(STAMP)
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_curriculum
	$(BIN)/python manage.py load_quizzes
	$(BIN)/python manage.py load_municipalities
	$(BIN)/python manage.py create_demo_users
	$(BIN)/python manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT; trap 'exit 130' INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

## test: install dev tools, lint (ruff, hadolint), check, and run the whole test suite
test: export DEBUG = 0
test: export SECRET_KEY ?= test-only-secret-key
test: $(DEV_STAMP) lint
	DJANGO_SETTINGS_MODULE=config.test_settings $(BIN)/python manage.py check
	DJANGO_SETTINGS_MODULE=config.test_settings $(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/pytest $(PYTEST_ARGS)

lint: $(DEV_STAMP)
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/hadolint Dockerfile

## messages: refresh the catalogues (needs GNU gettext); the compiled .mo files are committed
messages: $(DEV_STAMP)
	DEBUG=1 $(BIN)/python manage.py makemessages -l fi -l sv -l en --ignore=.venv --ignore=var --ignore="tests/*"
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv

## bench: load-test learner pages under gunicorn against the budgets in docs/architecture.md; writes var/bench.json
.PHONY: bench  # a folder is also called bench
bench: $(DEV_STAMP)
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var
