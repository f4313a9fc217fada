"""The planning pages and the caseload page read the plan's caseload wording alike (organisation/caseload_bounds.py):
99, 100 and 101 clients per FTE under each wording of the loaded area data."""

from decimal import Decimal

import pytest

from jobseekers.enums import CaseloadStatus
from jobseekers.selectors import Caseload
from jobseekers.targets import Targets
from organisation.models import Municipality, Team
from planning import capacity, selectors

pytestmark = pytest.mark.django_db

WITHIN, OVER, UNDER = "within", "over", "under"


def stored_target(code, team=None):
    targets = Targets()
    if team:
        return targets.for_team(Team.objects.get(key=team), None)
    return targets.by_municipality[Municipality.objects.get(code=code).pk]


@pytest.mark.parametrize(
    ("code", "team", "wording", "expected"),
    [
        ("205", None, "keskimäärin 100–150", (UNDER, WITHIN, WITHIN)),
        ("205", "kajaani-typ", "alle 100", (WITHIN, OVER, OVER)),
        ("290", None, "alle sata", (WITHIN, OVER, OVER)),
        ("620", None, "n. 100", (WITHIN, WITHIN, WITHIN)),
        ("832", None, "noin 100", (WITHIN, WITHIN, WITHIN)),
    ],
)
def test_99_100_101_clients_per_fte_under_each_wording(area, code, team, wording, expected):
    stored = stored_target(code, team)
    assert wording in stored.wording
    for clients, status in zip((99, 100, 101), expected, strict=True):
        caseload = Caseload("k", "n", code, team or "", Decimal(1), clients, 0, stored)
        planned = capacity.assess(clients, Decimal(1), selectors._target(stored))
        assert (caseload.status, planned.status) == (CaseloadStatus(status), capacity.Status(status)), clients


@pytest.mark.parametrize(("code", "clients", "status"), [("620", 89, UNDER), ("620", 110, WITHIN), ("832", 111, OVER)])
def test_about_100_ends_at_the_documented_tolerance(area, code, clients, status):
    stored = stored_target(code)
    assert (stored.bound, stored.tolerance_percent) == ("about", Decimal(10))
    assert Caseload("k", "n", code, "", Decimal(1), clients, 0, stored).status == CaseloadStatus(status)
    assert capacity.assess(clients, Decimal(1), selectors._target(stored)).status == capacity.Status(status)


@pytest.mark.parametrize(
    ("code", "team", "clients", "missing"),
    [
        # exactly at "alle 100" is over: one hundredth more brings it under
        ("205", "kajaani-typ", 100, Decimal("0.01")),
        ("205", "kajaani-typ", 150, Decimal("0.51")),
        # "noin 100" is over only above 110, and the missing FTE is counted to 110
        ("832", None, 121, Decimal("0.10")),
        ("205", None, 151, Decimal("0.01")),
    ],
)
def test_the_caseload_page_and_planning_give_the_same_missing_fte(area, code, team, clients, missing):
    stored = stored_target(code, team)
    caseload = Caseload("k", "n", code, team or "", Decimal(1), clients, 0, stored)
    planned = capacity.assess(clients, Decimal(1), selectors._target(stored))
    assert caseload.status == CaseloadStatus.OVER
    assert caseload.fte_needed == planned.gap == missing
