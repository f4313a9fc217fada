# Two commands matter: `make run` and `make test`. Both set everything up from nothing.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
PORT ?= 8000
AREA ?= kainuu-koillismaa
CHROMIUM := /usr/bin/chromium
# Tests run in one worker per core (pytest-xdist); TEST_WORKERS=0 runs them in this process.
TEST_WORKERS ?= auto

.PHONY: run test setup python assets messages chromium migrate load lint format clean

setup: python assets messages

python: $(VENV)/.synced

$(VENV)/.synced: pyproject.toml uv.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	test -x $(UV) || $(VENV)/bin/pip install --quiet uv
	$(UV) sync --frozen --quiet
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: build/static/css/main.css

build/static/css/main.css: node_modules/.installed frontend/build.mjs $(wildcard frontend/scss/*.scss)
	npm run --silent build

messages: python
	@command -v msgfmt >/dev/null || apt-get install -y -q gettext >/dev/null
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0

migrate: setup
	@mkdir -p var
	$(PY) manage.py migrate --noinput -v 0

load: migrate
	$(PY) manage.py load_area data/areas/$(AREA)
	$(PY) manage.py load_subsidy_rates
	$(PY) manage.py load_occupations
	$(PY) manage.py load_road_distances
	$(PY) manage.py load_competence_areas
	$(PY) manage.py load_change_checklists
	$(PY) manage.py load_plan_texts
	$(PY) manage.py create_demo_accounts
	$(PY) manage.py generate_population --seed 1
	$(PY) manage.py generate_meetings --seed 1
	$(PY) manage.py generate_cases --seed 1
	$(PY) manage.py generate_vacancies --seed 1
	$(PY) manage.py generate_competence --seed 1
	$(PY) manage.py generate_cooperation --seed 1
	$(PY) manage.py generate_planning --seed 1
# Example StatFin months (6/2023, 7/2023, 8/2022 beside the plan's 8/2023) so the time series has a line to draw;
# loaded last, so the population above is still generated from the plan's Table 1.
	$(PY) manage.py import_statistics labour_market/fixtures/statfin_12r5_kainuu_koillismaa.px --strict

run: load
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

chromium:
	@test -x $(CHROMIUM) || (apt-get update -q && apt-get install -y -q chromium)

test: setup chromium
	$(PY) -m pytest -n $(TEST_WORKERS) --dist worksteal

lint: python
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: python
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

clean:
	rm -rf $(VENV) node_modules build var
