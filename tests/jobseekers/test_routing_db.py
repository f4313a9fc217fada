"""Routing through the database: the snapshot built from the loaded area, registration, and the route preview API."""

from datetime import date

import pytest
from django.utils import timezone

from jobseekers import organisation_adapter
from jobseekers.enums import TargetGroup
from organisation.models import Office, Team
from tests.jobseekers.factories import TODAY, make_jobseeker, synthetic_hetu

pytestmark = pytest.mark.django_db

ADULT = date(1980, 5, 17)
YOUNG = date(2001, 9, 3)  # 23 years old on the test day

# The plan's cases (§1, §3, §4): home municipality, language, birth date, TYP → serving municipality, team, office.
CASES = [
    ("105", "fi", ADULT, False, "578", "paltamo-pienet-kunnat", "Laskutie 1"),
    ("697", "fi", YOUNG, False, "578", "paltamo-pienet-kunnat", "Aholantie 25"),
    ("578", "fi", ADULT, True, "578", "paltamo-pienet-kunnat", "Salmelankuja 1"),
    # The smaller municipalities' foreign-language customers: Suomussalmi is the plan's example, which does not say
    # where they are met, so no office is chosen (None). Puolanka and Taivalkoski count as smaller (table 1).
    ("105", "ru", ADULT, False, "777", "suomussalmi-vieraskieliset", None),
    ("697", "ar", YOUNG, False, "777", "suomussalmi-vieraskieliset", None),
    ("620", "so", ADULT, False, "777", "suomussalmi-vieraskieliset", None),
    ("205", "fi", YOUNG, False, "205", "kajaani-nuoret", "Kalliokatu 4"),
    ("205", "fi", ADULT, False, "205", "kajaani-aikuiset", "Kalliokatu 4"),
    ("205", "sv", ADULT, True, "205", "kajaani-typ", "Kalliokatu 4"),
    ("205", "ar", YOUNG, True, "205", "kajaani-vieraskieliset", "Pohjolankatu 13"),
    ("305", "en", ADULT, False, "305", "kuusamo", "Keskuskuja 6"),
    ("765", "fi", YOUNG, True, "765", "sotkamo", "Markkinatie 1"),
    ("777", "uk", ADULT, False, "777", "suomussalmi-vieraskieliset", "Kauppakatu 20"),
    ("777", "fi", ADULT, False, "777", "suomussalmi", "Kauppakatu 20"),
    ("290", "so", ADULT, False, "290", "kuhmo", "Kainuuntie 82"),
    ("620", "fi", ADULT, False, "620", "puolanka", "Maaherrankatu 7"),
    ("832", "fi", YOUNG, False, "832", "taivalkoski", "Kirkkotie 6"),
]


def test_registration_routes_the_plans_cases_through_the_database(area):
    # One test for all cases: loading the area dominates the time of each test.
    for home, language, birth, typ, serving, team, street in CASES:
        case = f"{home} {language} {birth} TYP={typ}"
        jobseeker = make_jobseeker(
            hetu=synthetic_hetu(birth), municipality=home, service_language=language, multisectoral=typ
        )
        assert jobseeker.serving_municipality.code == serving, case
        assert jobseeker.team == Team.objects.get(key=team), case
        assert jobseeker.pool == f"team:{team}", case
        assert getattr(jobseeker.meeting_office, "street_address", None) == street, case
        assert jobseeker.routed_on == TODAY


def test_snapshot_mirrors_the_loaded_area(area):
    organisation = organisation_adapter.build()
    assert len(organisation.snapshot.municipalities) == 10
    assert len(organisation.snapshot.offices) == Office.objects.count() == 13
    assert set(organisation.team_ids) == set(Team.objects.values_list("key", flat=True))


def test_snapshot_is_built_once_per_request(area, django_assert_max_num_queries):
    class Request:
        user = None

    request = Request()
    first = organisation_adapter.for_request(request)
    with django_assert_max_num_queries(0):
        assert organisation_adapter.for_request(request) is first


@pytest.fixture
def reception(client, area, make_user):
    client.force_login(make_user(role="counsellor", municipality_code="205"))
    return client


def preview(client, **data):
    return client.post("/api/v1/jobseekers/route-preview/", data, content_type="application/json")


def test_route_preview_answers_the_plans_cases(reception):
    for home, language, birth, typ, serving, team, street in CASES:
        case = f"{home} {language} {birth} TYP={typ}"
        response = preview(
            reception, municipality=home, service_language=language, birth_date=birth.isoformat(), multisectoral=typ
        )
        assert response.status_code == 200, response.content
        body = response.json()
        team_row = Team.objects.get(key=team)
        assert body["serving_municipality"] == serving, case
        assert body["team"]["id"] == team_row.pk, case
        assert body["team"]["target_group"] == team_row.target_group, case
        if street is None:
            assert body["office"] is None, case
        else:
            assert street in body["office"]["address"], case
            assert body["office"]["id"] == Office.objects.get(street_address=street).pk, case
        assert body["explanation"].startswith("Kotikunta: "), case
        assert set(body["explanations"]) == {"fi", "sv", "en"}


def test_route_preview_explains_why_paltamo_serves_hyrynsalmi(reception):
    body = preview(reception, municipality="105", service_language="fi", birth_date="1970-01-01").json()
    explanation = body["explanation"]
    assert "Kotikunta: Hyrynsalmi" in explanation
    assert "Palveleva kunta: Paltamo" in explanation
    assert "paltamo-pienet-kunnat" in explanation
    assert "Laskutie 1, 89400 Hyrynsalmi" in explanation
    assert body["arrangement"] == "paltamo-pienet-kunnat"


def test_route_preview_offers_international_info_to_foreign_language_customers(reception):
    body = preview(reception, municipality="697", service_language="ar", birth_date="1990-01-01").json()
    assert [s["arrangement"] for s in body["also_available"]] == ["international-info"]
    assert "Pohjolankatu 13" in body["also_available"][0]["office"]["address"]


def test_route_preview_uses_the_request_language(reception):
    body = reception.post(
        "/api/v1/jobseekers/route-preview/",
        {"municipality": "205", "service_language": "fi", "birth_date": "1970-01-01"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    ).json()
    assert body["explanation"].startswith("Home municipality: Kajaani")


def test_youth_boundary_is_the_thirtieth_birthday(reception):
    today = timezone.localdate()
    turned_30 = (
        today.replace(year=today.year - 30)
        if not (today.month == 2 and today.day == 29)
        else date(today.year - 30, 2, 28)
    )
    young = date.fromordinal(turned_30.toordinal() + 1)
    assert (
        preview(reception, municipality="205", service_language="fi", birth_date=young.isoformat()).json()["team"][
            "target_group"
        ]
        == "youth"
    )
    assert (
        preview(reception, municipality="205", service_language="fi", birth_date=turned_30.isoformat()).json()["team"][
            "target_group"
        ]
        == "adults"
    )


BAD_PREVIEWS = [
    ({"municipality": "999", "service_language": "fi", "birth_date": "1980-01-01"}, "municipality"),
    ({"municipality": "205", "service_language": "xx", "birth_date": "1980-01-01"}, "service_language"),
    ({"municipality": "205", "service_language": "fi", "birth_date": "2999-01-01"}, "birth_date"),
    ({"municipality": "205", "service_language": "fi", "birth_date": "31.2.1980"}, "birth_date"),
    ({"service_language": "fi", "birth_date": "1980-01-01"}, "municipality"),
]


def test_route_preview_refuses_bad_input_with_the_field_name(reception):
    for data, field in BAD_PREVIEWS:
        response = preview(reception, **data)
        assert response.status_code == 400, data
        assert list(response.json()) == [field], data


def test_route_preview_is_for_customer_staff_only(client, area, make_user):
    client.force_login(make_user(role="area_manager", municipality_code="205"))
    response = preview(client, municipality="205", service_language="fi", birth_date="1980-01-01")
    assert response.status_code == 403


def test_the_arrangements_page_and_the_registry_name_the_same_meeting_office(area, make_user):
    from organisation import tables

    organisation = organisation_adapter.build()
    person_of = {"all": TargetGroup.ADULTS, **{group.value: group for group in TargetGroup}}
    compared = 0
    for entry in tables.who_serves(make_user(role="counsellor", municipality_code="205")):
        group = person_of.get(entry["target_group_code"])
        if not entry["is_primary"] or group is None:
            continue
        decision = organisation.decision_for(entry["municipality"].code, group)
        if decision.arrangement is None or decision.arrangement.key != entry["key"]:
            continue  # a more specific arrangement serves this group; the entry is about another one
        assert entry["office"] == decision.meeting_office, entry
        compared += 1
    assert compared >= 10
