# Two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1:8000

.PHONY: install run test test-fast messages bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test,bench]"
	touch $@

install: $(VENV)/.installed

## The embedded default: SQLite, eager tasks, database search, demo content.
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py seed_demo
	$(PY) manage.py runserver $(HOST)

## The whole suite. DATABASE_URL / REDIS_URL select PostgreSQL / Redis when set.
test: install
	$(PY) -m pytest -n 2 --dist loadfile

## Hebrew catalogues: core strings (cms/locale) and the plugin admin (plugins/locale).
messages:
	$(PY) manage.py makemessages -l he --ignore ".venv/*" --ignore "tests/*" --ignore "bench/*" --ignore "plugins/*"
	cd plugins && ../$(PY) ../manage.py makemessages -l he --ignore "plugin_template/*" --ignore "management/*"
	$(PY) manage.py compilemessages -l he --ignore ".venv/*"

bench: install
	$(PY) bench/http_load.py

clean:
	rm -rf $(VENV) .pytest_cache .test-media
