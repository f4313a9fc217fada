"""Scenarios through the API and the pages: stored whole or not at all, run beside the baseline, scoped."""

from decimal import Decimal

import pytest
from django.urls import reverse

from planning.models import Scenario, ScenarioChange

pytestmark = pytest.mark.django_db

LAYOFF = {
    "kind": "layoff",
    "municipality": "765",
    "month": "2026-12",
    "people": 300,
    "share_registering": 0.6,
    "employer": "Sotkamon Kaivos Oy",
}


@pytest.fixture
def leader(area, make_user):
    return make_user(role="area_manager", municipality_code="205")


def test_post_and_run_a_scenario(client, leader):
    client.force_login(leader)
    created = client.post(
        "/api/v1/planning/scenarios/",
        {"name": "Kaivos", "start_month": "2026-11", "changes": [LAYOFF]},
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    run = client.post(f"/api/v1/planning/scenarios/{created.json()['id']}/run/", content_type="application/json")
    body = run.json()
    assert run.status_code == 200
    sotkamo = [r for r in body["months"] if r["municipality"] == "765"]
    base = [r for r in body["baseline"] if r["municipality"] == "765"]
    assert len(sotkamo) == 24 and sotkamo[0]["month"] == "2026-11"
    assert sotkamo[0]["clients"] == base[0]["clients"]
    assert sotkamo[1]["clients"] == base[1]["clients"] + 180
    assert set(sotkamo[1]) == {"month", "municipality", "clients", "fte", "clients_per_fte", "meeting_hours", "fte_gap"}


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"changes": []}, "name"),
        ({"name": "x", "changes": "no"}, "changes"),
        ({"name": "x", "changes": [{**LAYOFF, "kind": "flood"}]}, "changes[0].kind"),
        ({"name": "x", "changes": [{**LAYOFF, "municipality": "091"}]}, "changes[0].municipality"),
        ({"name": "x", "changes": [{**LAYOFF, "month": "2026-13"}]}, "changes[0].month"),
        ({"name": "x", "changes": [LAYOFF, {**LAYOFF, "share_registering": 1.5}]}, "changes[1].share_registering"),
        ({"name": "x", "changes": [{**LAYOFF, "people": 0}]}, "changes[0].people"),
        (
            {"name": "x", "changes": [{"kind": "unemployment_change", "municipality": "205", "month": "2027-01"}]},
            "changes[0].percent",
        ),
        (
            {
                "name": "x",
                "changes": [{"kind": "staffing_change", "municipality": "205", "month": "2027-01", "fte": "a"}],
            },
            "changes[0].fte",
        ),
        ({"name": "x", "start_month": "11/2026", "changes": []}, "start_month"),
    ],
)
def test_bad_input_is_refused_naming_the_field_and_nothing_is_written(client, leader, payload, field):
    client.force_login(leader)
    response = client.post("/api/v1/planning/scenarios/", payload, content_type="application/json")
    assert response.status_code == 400
    assert field in response.json()
    assert not Scenario.objects.exists() and not ScenarioChange.objects.exists()


def test_a_supervisor_runs_but_does_not_store_and_sees_only_their_municipality(client, leader, make_user):
    scenario = Scenario.objects.create(
        area=leader.home_municipality.area, name="S", start_month="2026-11-01", created_by=leader
    )
    supervisor = make_user(role="supervisor", municipality_code="105")
    client.force_login(supervisor)
    refused = client.post("/api/v1/planning/scenarios/", {"name": "x", "changes": []}, content_type="application/json")
    assert refused.status_code == 403
    run = client.post(f"/api/v1/planning/scenarios/{scenario.pk}/run/", content_type="application/json").json()
    # A Hyrynsalmi supervisor's unit is the Paltamo team that serves Hyrynsalmi.
    assert {r["municipality"] for r in run["months"]} == {"578"}
    page = client.get(reverse("planning:capacity"))
    assert [row["name"] for row in page.context["municipal"].rows] == ["Paltamo"]


def test_the_scenario_form_stores_and_shows_the_comparison(client, leader):
    client.force_login(leader)
    response = client.post(
        reverse("planning:scenarios"),
        {
            "name": "Kaivos",
            "start_month": "2026-11",
            "c0-kind": "layoff",
            "c0-municipality": "765",
            "c0-month": "2026-12",
            "c0-people": "300",
            "c0-share_registering": "0,6",
        },
    )
    scenario = Scenario.objects.get()
    assert response.status_code == 302 and scenario.changes.get().people == 300
    page = client.get(reverse("planning:scenario", args=[scenario.pk]))
    assert page.status_code == 200 and len(page.context["table"].rows) == 24 * 8
    export = client.get(reverse("planning:export", args=["skenaario"]), {"skenaario": scenario.pk, "format": "csv"})
    assert export.status_code == 200 and export.content.decode().count("\r\n") == 24 * 8 + 1


def test_the_scenario_form_names_the_row_and_field(client, leader):
    client.force_login(leader)
    response = client.post(
        reverse("planning:scenarios"),
        {"name": "", "c1-kind": "layoff", "c1-municipality": "765", "c1-month": "2026-12", "c1-people": "x"},
    )
    assert response.status_code == 400
    assert "Anna skenaariolle nimi." in response.content.decode()
    assert response.context["change_forms"][1].errors["people"] == ["Anna kokonaisluku."]
    assert response.context["change_forms"][1].errors["share_registering"] == ["Pakollinen tieto puuttuu."]
    assert not Scenario.objects.exists()


def test_capacity_and_workload_pages_with_exports(client, leader):
    client.force_login(leader)
    page = client.get(reverse("planning:capacity"), {"source": "statistics"})
    assert page.status_code == 200
    kajaani = next(r for r in page.context["municipal"].rows if r["name"] == "Kajaani")
    # 2 879 clients / 150 − (3 municipal + 15,5 unplaced state FTE: area_staff.yaml, decisions/0007).
    assert kajaani["short"] and kajaani["gap"] == Decimal("0.70")
    assert "1\xa0384" not in page.content.decode()  # clients, not unemployed, are shown
    workload = client.get(reverse("planning:workload"), {"source": "statistics", "month": "2025-06"})
    assert workload.status_code == 200
    assert {r["rule_set"] for r in workload.context["table"].rows} == {"nordic_2022"}
    for table in ("kunnat", "tiimit", "tyomaara"):
        export = client.get(reverse("planning:export", args=[table]), {"format": "xlsx", "source": "statistics"})
        assert export.status_code == 200
