from decimal import Decimal

import pytest
from django.db import DataError, IntegrityError, transaction

from organisation import enums, models
from tests.organisation.factories import (
    CaseloadTargetFactory,
    EmploymentAreaFactory,
    MunicipalityFactory,
    OfficeFactory,
    ServiceArrangementFactory,
    StaffPositionFactory,
    TeamFactory,
)

pytestmark = pytest.mark.django_db


def refused(factory, **values):
    # A value longer than its column is a DataError on PostgreSQL; SQLite leaves it to the check constraint.
    with pytest.raises((IntegrityError, DataError)), transaction.atomic():
        factory(**values)


def test_factories_build_consistent_rows():
    team = TeamFactory(office=OfficeFactory())
    position = StaffPositionFactory(team=team, municipality=team.municipality)
    arrangement = ServiceArrangementFactory(provider_team=team, provider_municipality=team.municipality)

    assert position.area == team.area == team.municipality.area
    assert list(arrangement.served_municipalities.all()) == [team.municipality]
    assert CaseloadTargetFactory().wording == "100–150 asiakasta per htv"


def test_staff_position_fte_may_be_zero_or_a_range():
    StaffPositionFactory(fte_min=Decimal("0"))
    StaffPositionFactory(fte_min=Decimal("7"), fte_max=Decimal("8"))
    assert models.StaffPosition.objects.count() == 2


def test_negative_fte_is_refused():
    refused(StaffPositionFactory, fte_min=Decimal("-0.5"), fte_max=Decimal("1"))


def test_fte_minimum_above_maximum_is_refused():
    refused(StaffPositionFactory, fte_min=Decimal("9"), fte_max=Decimal("8"))


def test_negative_arrangement_fte_is_refused():
    refused(ServiceArrangementFactory, fte=Decimal("-0.1"))


def test_caseload_minimum_above_maximum_is_refused():
    refused(CaseloadTargetFactory, min_clients=151, max_clients=150)


def test_caseload_target_may_be_open_ended():
    target = CaseloadTargetFactory(min_clients=None, max_clients=100, wording="alle 100")
    assert target.pk is not None


def test_one_caseload_target_per_municipality_and_per_team():
    municipality = MunicipalityFactory()
    team = TeamFactory(municipality=municipality)
    CaseloadTargetFactory(municipality=municipality)
    CaseloadTargetFactory(municipality=municipality, team=team)

    refused(CaseloadTargetFactory, municipality=municipality)
    refused(CaseloadTargetFactory, municipality=municipality, team=team)


def test_duplicate_municipality_code_is_refused_even_in_another_area():
    MunicipalityFactory(code="205")
    refused(MunicipalityFactory, code="205", area=EmploymentAreaFactory())


@pytest.mark.parametrize("code", ["20", "2050", "2O5", ""])
def test_municipality_code_must_be_three_digits(code):
    refused(MunicipalityFactory, code=code)


@pytest.mark.parametrize("postal_code", ["8940", "894000", "8940A", ""])
def test_bad_postal_code_is_refused(postal_code):
    refused(OfficeFactory, postal_code=postal_code)


def test_office_key_is_unique_within_the_area_only():
    office = OfficeFactory(key="kunnantalo")
    OfficeFactory(key="kunnantalo")
    refused(OfficeFactory, key="kunnantalo", municipality=office.municipality)


def test_office_name_and_address_are_unique():
    office = OfficeFactory()
    refused(OfficeFactory, name=office.name, street_address=office.street_address)


def test_named_meeting_place_needs_the_office():
    refused(ServiceArrangementFactory, meeting_place=enums.MeetingPlace.NAMED_OFFICE, meeting_office=None)


def test_responsible_municipality_and_full_address():
    office = OfficeFactory(street_address="Laskutie 1", postal_code="89400", post_town="Hyrynsalmi")
    area = office.municipality.area
    other = MunicipalityFactory(area=area)
    area.responsible_municipality = office.municipality
    area.save()

    assert office.full_address == "Laskutie 1, 89400 Hyrynsalmi"
    assert office.municipality.is_responsible
    assert not other.is_responsible
