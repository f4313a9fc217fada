"""Writes two users can race on: exactly one wins, the other sees a clear conflict or finds the work done."""

import pytest

from labour_market import enums
from labour_market.models import MunicipalStatistic, StatisticsTable
from labour_market.services import import_figures, read_file, table_key_for
from tests.concurrency import race

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]

PX_FILE = "labour_market/fixtures/statfin_12r5_kainuu_koillismaa.px"


def test_two_imports_of_the_same_file_write_each_figure_once(area):
    before = MunicipalStatistic.objects.count()
    first, second = read_file(PX_FILE), read_file(PX_FILE)
    # The table already exists (an earlier import), so nothing but the figures themselves can collide.
    StatisticsTable.objects.create(
        key=table_key_for(first, None),
        name="12r5",
        kind=enums.TableKind.MUNICIPAL,
        origin=enums.TableOrigin.IMPORT,
        source="test",
    )
    outcomes = race(lambda: import_figures(first), lambda: import_figures(second))
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    reports = sorted((o.value for o in outcomes), key=lambda r: r.added)
    assert reports[0].added == 0 and reports[0].changed == 0
    assert reports[1].added > 0
    assert MunicipalStatistic.objects.count() == before + reports[1].added
