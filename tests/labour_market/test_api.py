import io
import json

import pytest
from django.core.management import call_command

from accounts import permissions
from www import navigation  # noqa: F401  (imported before any test patches the predicates it holds)

pytestmark = pytest.mark.django_db

URLS = ["/api/v1/statistics/municipal/", "/api/v1/statistics/commuting/", "/api/v1/statistics/consistency/"]


def test_anonymous_is_refused(client, db):
    for url in URLS:
        assert client.get(url).status_code in (401, 403), url


def test_the_permission_is_asked(client_in, monkeypatch):
    # Every signed-in staff member may read statistics today, so the refusal is reached by changing the predicate.
    monkeypatch.setattr(permissions, "can_view_statistics", lambda user: False)
    for url in URLS:
        assert client_in.get(url).status_code == 403, url


def test_municipal_figures_of_one_month_and_municipality(client_in):
    data = client_in.get("/api/v1/statistics/municipal/?month=2023-08&municipality=205&limit=50").json()
    assert data["count"] == 12
    by_indicator = {row["indicator"]: row for row in data["results"]}
    assert by_indicator["TYOTOSUUS"] == {
        "table": "suunnitelma-taulukko-1",
        "municipality": "205",
        "month": "2023-08",
        "indicator": "TYOTOSUUS",
        "status": "published",
        "value": "8.3",
        "decimals": 1,
    }


def test_suppressed_zero_and_area_rows(client_in):
    rows = client_in.get("/api/v1/statistics/municipal/?municipality=105&indicator=TYOTTOMAT25").json()["results"]
    assert [(r["status"], r["value"]) for r in rows] == [("suppressed", None)]
    zero = client_in.get("/api/v1/statistics/municipal/?municipality=105&indicator=TYOTTOMAT20").json()["results"]
    assert [(r["status"], r["value"]) for r in zero] == [("zero", "0")]
    totals = client_in.get("/api/v1/statistics/municipal/?table=suunnitelma-taulukko-1&indicator=TYOTTOMATLOPUSSA")
    area_rows = [r for r in totals.json()["results"] if r["municipality"] is None]
    assert [r["value"] for r in area_rows] == ["321"]


def test_bad_month_is_a_400(client_in):
    response = client_in.get("/api/v1/statistics/municipal/?month=elokuu")
    assert response.status_code == 400 and "month" in response.json()


def test_commuting_with_recomputed_self_sufficiency(client_in):
    rows = {r["municipality"]: r for r in client_in.get("/api/v1/statistics/commuting/").json()["results"]}
    assert rows["765"]["job_self_sufficiency"] == "105"
    assert rows["765"]["job_self_sufficiency_recomputed"] == "104.456"
    assert rows[None]["labour_force"] == 38802


def test_consistency_has_the_same_findings_as_the_command(client_in):
    from_api = client_in.get("/api/v1/statistics/consistency/").json()
    out = io.StringIO()
    call_command("check_statistics", "--json", stdout=out)
    assert from_api == json.loads(out.getvalue())
    assert len(from_api) == 16
