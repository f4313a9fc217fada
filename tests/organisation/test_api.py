import pytest

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/municipalities/",
    "/api/v1/offices/",
    "/api/v1/teams/",
    "/api/v1/staff-positions/",
    "/api/v1/caseload-targets/",
    "/api/v1/service-arrangements/",
]


@pytest.fixture
def api(client, area, make_user):
    user = make_user(role="supervisor", municipality_code="578")
    client.force_login(user)
    return client


@pytest.mark.parametrize("url", [*ENDPOINTS, "/api/schema/"])
def test_anonymous_gets_nothing(client, area, url):
    response = client.get(url)
    assert response.status_code in (401, 403)
    assert b"Hyrynsalmi" not in response.content


@pytest.mark.parametrize("url", ENDPOINTS)
def test_lists_are_paginated_with_count(api, url):
    body = api.get(url).json()
    assert body["count"] == len(body["results"]) > 0


def test_municipalities_carry_code_and_names(api):
    results = api.get("/api/v1/municipalities/").json()["results"]
    assert len(results) == 10
    kajaani = next(m for m in results if m["code"] == "205")
    assert (kajaani["name_fi"], kajaani["name_sv"], kajaani["is_responsible"]) == ("Kajaani", "Kajana", True)


def test_municipality_detail_by_code(api):
    assert api.get("/api/v1/municipalities/697/").json()["name_fi"] == "Ristijärvi"
    assert api.get("/api/v1/municipalities/000/").status_code == 404


def test_offices_carry_address_and_municipality_code(api):
    results = api.get("/api/v1/offices/").json()["results"]
    assert len(results) == 13
    hyrynsalmi = next(o for o in results if o["municipality"] == "105")
    assert (hyrynsalmi["street_address"], hyrynsalmi["postal_code"], hyrynsalmi["post_town"]) == (
        "Laskutie 1",
        "89400",
        "Hyrynsalmi",
    )


def test_paltamo_arrangement_serves_three_municipalities(api):
    results = api.get("/api/v1/service-arrangements/").json()["results"]
    served = [set(a["served_municipalities"]) for a in results if a["provider_municipality"] == "578"]
    assert {"578", "105", "697"} in served


def test_api_is_read_only(api):
    response = api.post("/api/v1/municipalities/", {"code": "123", "name_fi": "Uusi"}, content_type="application/json")
    assert response.status_code == 405


def test_schema_lists_the_endpoints(api):
    response = api.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    paths = response.json()["paths"]
    for url in ENDPOINTS:
        assert url in paths
