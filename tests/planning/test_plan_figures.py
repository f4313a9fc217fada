"""The plan's own statements reproduced from the plan's data files (staff positions, targets, Table 1)."""

from decimal import Decimal

import pytest

from planning import capacity, selectors
from planning.enums import Source

pytestmark = pytest.mark.django_db


@pytest.fixture
def leader(area, make_user):
    return make_user(role="area_manager", municipality_code="205")


def _units(leader):
    data = selectors.planning_data(leader, source=Source.STATISTICS)
    return {d.unit.name: capacity.capacity(d.unit) for d in data.municipalities}, data


def test_units_are_the_serving_municipalities(leader):
    units, data = _units(leader)
    assert f"{data.statistics_month:%Y-%m}" == "2023-08"
    # Hyrynsalmi and Ristijärvi are served by the Paltamo team (plan §1): their unemployed are Paltamo's clients.
    assert "Hyrynsalmi" not in units and "Ristijärvi" not in units
    assert units["Paltamo"].unit.clients == capacity.clients_from_unemployed(104 + 78 + 34)


def test_kuusamo_as_the_plan_states_it(leader):
    kuusamo = _units(leader)[0]["Kuusamo"]
    assert kuusamo.unit.staffing.planned_low == Decimal(9)
    assert kuusamo.planned_low.per_fte == Decimal("140.3")
    assert kuusamo.planned_low.status == capacity.Status.WITHIN


def test_paltamo_four_counsellors_at_current_client_numbers(leader):
    """Plan §1 Paltamo: 4 counsellors "arvioituna tämän hetken asiakasmäärillä", 100–150 each – consistent."""
    paltamo = _units(leader)[0]["Paltamo"]
    assert paltamo.unit.staffing.planned_low == Decimal(4)
    assert paltamo.planned_low.per_fte == Decimal("112.2")
    assert paltamo.planned_low.status == capacity.Status.WITHIN


@pytest.mark.parametrize(
    ("name", "status", "gap"),
    [
        # Kajaani: 1 384 × 2,08 = 2 879 clients / 150 − (3 municipal + 15,5 unplaced state) FTE, rounded up.
        ("Kajaani", capacity.Status.OVER, Decimal("0.70")),
        # Taivalkoski: 368 clients on 2,5 FTE against "noin 100", met up to 110 per FTE (±10 %).
        ("Taivalkoski", capacity.Status.OVER, Decimal("0.85")),
        ("Kuhmo", capacity.Status.WITHIN, Decimal(0)),
        ("Suomussalmi", capacity.Status.UNDER, Decimal(0)),
        ("Puolanka", capacity.Status.UNDER, Decimal(0)),
        ("Sotkamo", capacity.Status.NO_TARGET, Decimal(0)),
    ],
)
def test_where_the_plan_reaches_its_targets(leader, name, status, gap):
    unit = _units(leader)[0][name]
    assert (unit.planned_low.status, unit.planned_low.gap) == (status, gap)


def test_suomussalmi_counts_its_own_staff_once(leader):
    """Plan §1 Suomussalmi: the target "mukaan lukien" the municipality's own 1 + 1 FTE is 1 supervisor + 7–8
    counsellors; the own counsellor is one of the 7–8 (staff_positions.yaml records the reading)."""
    unit = _units(leader)[0]["Suomussalmi"]
    staffing = unit.unit.staffing
    assert (staffing.filled, staffing.planned_low, staffing.planned_high) == (Decimal(1), Decimal(7), Decimal(8))


def test_the_states_unplaced_customer_work_fte_is_kajaanis_on_both_pages(leader, client):
    """§1: about 80 FTE move from the state, about half (40) in customer work (area_staff.yaml). The municipal sections
    place 24,5 (Sotkamo 5, Kuusamo 5, Kuhmo 3,5, Suomussalmi 6, Paltamo 2, Puolanka 3); the other 15,5 are counted
    at the responsible municipality, as the demo's counsellors on the caseload page are (decisions/0007)."""
    from demo.counsellors import unplaced_state_fte

    units, data = _units(leader)
    share = data.unplaced
    assert (share.estimate, share.placed, share.fte, share.municipality_code) == (
        Decimal(40),
        Decimal("24.5"),
        Decimal("15.5"),
        "205",
    )
    assert share.fte == unplaced_state_fte(data.area)
    staffing = units["Kajaani"].unit.staffing
    assert (staffing.filled, staffing.planned_low, staffing.planned_high) == (3, Decimal("18.5"), Decimal("18.5"))
    client.force_login(leader)
    page = client.get("/suunnittelu/").content.decode()
    assert 'id="sijoittamaton-htv"' in page and "15,5 htv" in page and "noin 40 htv" in page and "24,5 htv" in page


def test_the_demos_unplaced_fte_reads_the_area_data_not_a_constant(area):
    """One source: a changed estimate in area_staff.yaml moves the demo's counsellors with the planning pages."""
    from demo.counsellors import unplaced_state_fte
    from organisation.models import AreaStaffFact

    AreaStaffFact.objects.filter(area=area, key="valtiolta-siirtyva-henkilosto").update(customer_work_fte=41)
    assert unplaced_state_fte(area) == Decimal("16.5")
    AreaStaffFact.objects.filter(area=area).delete()
    assert unplaced_state_fte(area) == 0
