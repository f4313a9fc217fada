from decimal import Decimal

import pytest

from organisation import enums, models
from tests.organisation.constraints import refused
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
    refused("staff_position_fte_not_negative", StaffPositionFactory, fte_min=Decimal("-0.5"), fte_max=Decimal("1"))


def test_fte_minimum_above_maximum_is_refused():
    refused("staff_position_fte_min_le_max", StaffPositionFactory, fte_min=Decimal("9"), fte_max=Decimal("8"))


def test_negative_arrangement_fte_is_refused():
    refused("arrangement_fte_not_negative", ServiceArrangementFactory, fte=Decimal("-0.1"))


def test_caseload_minimum_above_maximum_is_refused():
    refused("caseload_target_min_le_max", CaseloadTargetFactory, min_clients=151, max_clients=150)


def test_caseload_target_may_be_open_ended():
    target = CaseloadTargetFactory(min_clients=None, max_clients=100, wording="alle 100")
    assert target.pk is not None


def test_one_caseload_target_per_municipality_and_per_team():
    municipality = MunicipalityFactory()
    team = TeamFactory(municipality=municipality)
    CaseloadTargetFactory(municipality=municipality)
    CaseloadTargetFactory(municipality=municipality, team=team)

    refused("caseload_target_unique_per_municipality", CaseloadTargetFactory, municipality=municipality)
    refused("caseload_target_unique_per_team", CaseloadTargetFactory, municipality=municipality, team=team)


def test_duplicate_municipality_code_is_refused_even_in_another_area():
    MunicipalityFactory(code="205")
    refused("unique:code", MunicipalityFactory, code="205", area=EmploymentAreaFactory())


@pytest.mark.parametrize("code", ["20", "2050", "2O5", "", "205\n", "\n205"])
def test_municipality_code_must_be_three_digits(code):
    refused("municipality_code_three_digits", MunicipalityFactory, code=code)


@pytest.mark.parametrize("postal_code", ["8940", "894000", "8940A", ""])
def test_bad_postal_code_is_refused(postal_code):
    refused("office_postal_code_digits", OfficeFactory, postal_code=postal_code)


def test_office_key_is_unique_within_the_area_only():
    office = OfficeFactory(key="kunnantalo")
    OfficeFactory(key="kunnantalo")
    refused("office_key_unique_in_area", OfficeFactory, key="kunnantalo", municipality=office.municipality)


def test_office_name_and_address_are_unique():
    office = OfficeFactory()
    refused("office_unique_name_address", OfficeFactory, name=office.name, street_address=office.street_address)


def test_named_meeting_place_needs_the_office():
    named_without_office = {"meeting_place": enums.MeetingPlace.NAMED_OFFICE, "meeting_office": None}
    refused("arrangement_named_office_given", ServiceArrangementFactory, **named_without_office)


def test_responsible_municipality_and_full_address():
    office = OfficeFactory(street_address="Laskutie 1", postal_code="89400", post_town="Hyrynsalmi")
    area = office.municipality.area
    other = MunicipalityFactory(area=area)
    area.responsible_municipality = office.municipality
    area.save()

    assert office.full_address == "Laskutie 1, 89400 Hyrynsalmi"
    assert office.municipality.is_responsible
    assert not other.is_responsible


def test_refused_tells_one_constraint_from_another():
    with pytest.raises(AssertionError):
        refused("staff_position_fte_min_le_max", StaffPositionFactory, fte_min=Decimal("-0.5"), fte_max=Decimal("1"))
