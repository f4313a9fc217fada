"""Migration 0002 reads the core's former English sentences back into reason codes, and writes them again going back."""

import importlib

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from service_model.reasons import ReasonCode

migration = importlib.import_module("service_model.migrations.0002_reason_codes")

SENTENCES = [
    ("initial interview within 10 working days", "initial_interview", {"days": 10}),
    ("previous job search ended less than 6 months ago", "returning_discussion", {"months": 6}),
    (
        "job-search discussion 3 months after the previous one (2026-01-05)",
        "job_search_discussion",
        {"months": 3, "previous": "2026-01-05"},
    ),
    (
        "intensive start: a discussion every 14 days during the first 3 months",
        "intensive_start",
        {"days": 14, "months": 3},
    ),
    (
        "long-term intensified period from 2025-07-01: 2 discussions 14 days apart",
        "long_term_period",
        {"begins": "2025-07-01", "discussions": 2, "days": 14},
    ),
    ("general rule", "obligation_general", {}),
    ("part-time work", "obligation_part_time", {}),
    ("self-motivated study", "obligation_student", {}),
    ("employed: no unemployment benefit", "obligation_employed", {}),
    (
        "laid off for less than 3 months; obligation from 2026-03-01",
        "obligation_laid_off_grace",
        {"months": 3, "begins": "2026-03-01"},
    ),
    ("laid off for at least 3 months", "obligation_laid_off", {"months": 3}),
]


@pytest.mark.parametrize(("sentence", "code", "params"), SENTENCES)
def test_a_former_sentence_becomes_its_code_and_back(sentence, code, params):
    assert migration._code(sentence) == (code, params)
    assert migration._prose(code, params) == sentence


def test_every_code_the_migration_writes_is_a_code_of_the_core():
    assert {code for _s, code, _p in SENTENCES} <= {code.value for code in ReasonCode}


def test_an_unknown_sentence_keeps_no_code():
    assert migration._code("something else") == ("", {})


@pytest.mark.django_db(transaction=True)
def test_the_migration_runs_backwards_and_forwards():
    executor = MigrationExecutor(connection)
    executor.migrate([("service_model", "0001_initial")])
    executor.loader.build_graph()
    executor.migrate([("service_model", "0002_reason_codes")])
    call_command("migrate", verbosity=0)
