"""`make load` imports the example StatFin file after generate_population; a second `make load` generates the
population again with the file present, and must read the same figures: the plan's Table 1, not the file's
August 2023 (Makefile)."""

import io
from datetime import date

import pytest
from django.core.management import call_command

from demo import people
from tests.labour_market.conftest import PX_FILE

pytestmark = pytest.mark.django_db


def test_the_example_import_does_not_change_what_the_population_is_generated_from(area):
    before = (people.latest_month(area), people.read_published(area, date(2023, 8, 1)))
    call_command("import_statistics", str(PX_FILE), "--strict", stdout=io.StringIO())
    after = (people.latest_month(area), people.read_published(area, date(2023, 8, 1)))
    assert before[1][0].key == "suunnitelma-taulukko-1"
    assert after == before
