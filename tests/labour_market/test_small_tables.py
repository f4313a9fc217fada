"""The statistics pages and selectors on small tables built by factories, in an area of their own."""

from decimal import Decimal

import pytest

from labour_market import enums, selectors
from labour_market.figures import Concept
from tests.labour_market.factories import (
    CommutingStatisticFactory,
    IndicatorFactory,
    MunicipalStatisticFactory,
    StatisticsTableFactory,
)
from tests.organisation.factories import EmploymentAreaFactory, MunicipalityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def municipalities():
    area = EmploymentAreaFactory()
    return MunicipalityFactory(area=area, name_fi="Aa"), MunicipalityFactory(area=area, name_fi="Bee")


@pytest.fixture
def signed_in(client, make_user, municipalities):
    user = make_user(role="counsellor", municipality_code=municipalities[0].code)
    client.force_login(user)
    return client, user


def test_a_total_off_by_ten_and_a_bounded_total(signed_in, municipalities):
    client, _user = signed_in
    first, second = municipalities
    table = StatisticsTableFactory()
    unemployed = IndicatorFactory(concept=Concept.UNEMPLOYED)
    foreign = IndicatorFactory(concept=Concept.FOREIGN_UNEMPLOYED)
    MunicipalStatisticFactory(table=table, indicator=unemployed, municipality=first, value=Decimal(100))
    MunicipalStatisticFactory(table=table, indicator=unemployed, municipality=second, value=Decimal(50))
    MunicipalStatisticFactory(table=table, indicator=unemployed, municipality=None, area=first.area, value=160)
    MunicipalStatisticFactory(table=table, indicator=foreign, municipality=first, value=Decimal(5))
    MunicipalStatisticFactory(table=table, indicator=foreign, municipality=second, suppressed=True)
    MunicipalStatisticFactory(table=table, indicator=foreign, municipality=None, area=first.area, value=7)

    body = client.get("/tilastot/tarkistus/").content.decode()

    assert "Tarkistus löysi 1 ristiriidan ja 1 huomion." in body
    assert "kuntien lukujen summa on 150" in body
    assert "ei tarkistettavissa tarkasti: 1 salattua solua" in body


def test_the_commuting_page_marks_an_inconsistency(signed_in, municipalities):
    client, _user = signed_in
    first, second = municipalities
    row = CommutingStatisticFactory(municipality=first, job_self_sufficiency=Decimal("98.9"))
    CommutingStatisticFactory(table=row.table, municipality=second)

    body = client.get("/tilastot/pendelointi/").content.decode()

    assert '<span class="badge badge-alert">ristiriita</span> Aa, työpaikkaomavaraisuus, %:' in body
    assert "= 88,889" in body


def test_only_tables_with_figures_of_the_area_are_offered(signed_in, municipalities):
    _client, user = signed_in
    own = MunicipalStatisticFactory(municipality=municipalities[0]).table
    MunicipalStatisticFactory()  # a table of another area
    StatisticsTableFactory(commuting=True)  # no figures at all

    area = selectors.area(user)
    assert selectors.tables_with_data(user, area, enums.TableKind.MUNICIPAL) == [own]
    assert selectors.tables_with_data(user, area, enums.TableKind.COMMUTING) == []


def test_a_suppressed_missing_and_zero_figure_are_shown_as_printed(signed_in, municipalities):
    client, _user = signed_in
    first, second = municipalities
    table = StatisticsTableFactory()
    MunicipalStatisticFactory(table=table, municipality=first, zero=True)
    MunicipalStatisticFactory(table=table, municipality=second, indicator__code="TOINEN", suppressed=True)
    MunicipalStatisticFactory(table=table, municipality=second, missing=True)

    rows = client.get("/tilastot/").context["municipal"].rows

    assert [row["municipality"] for row in rows[:2]] == ["Aa", "Bee"]
    assert "..." in rows[1].values() and Decimal(0) in rows[0].values()
