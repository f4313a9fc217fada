"""The statistics' "unemployed" is Statistics Finland's: the unemployed and the fully laid off, by a documented
parameter of the API and a definition on the pages."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/statistics/municipal/"


def test_concept_unemployed_selects_the_unemployed_job_seekers(client_in):
    data = client_in.get(URL, {"concept": "unemployed", "month": "2023-08", "municipality": "205"}).json()
    assert [(row["indicator"], row["value"]) for row in data["results"]] == [("TYOTTOMATLOPUSSA", "1384")]


def test_concept_is_combined_with_the_other_filters(client_in):
    data = client_in.get(URL, {"concept": "unemployed", "month": "2023-08", "limit": 50}).json()
    assert {row["indicator"] for row in data["results"]} == {"TYOTTOMATLOPUSSA"}
    municipalities = {row["municipality"] for row in data["results"]}
    assert len(municipalities - {None}) == 10 and None in municipalities  # the area's published rows beside them


def test_an_unknown_concept_is_refused_by_name(client_in):
    response = client_in.get(URL, {"concept": "tyottomat"})
    assert response.status_code == 400
    message = response.json()["concept"][0]
    assert "unemployed" in message and "labour_force" in message


def test_the_parameter_is_documented(client_in):
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    parameters = {p["name"]: p for p in schema["paths"][URL]["get"]["parameters"]}
    assert "unemployed" in parameters["concept"]["schema"]["enum"]
    assert "kokoaikaisesti lomautetut" in parameters["concept"]["description"]


def test_the_pages_print_the_definition(client_in):
    for url in ("/tilastot/", "/tilastot/aikasarjat/"):
        body = client_in.get(url).content.decode()
        assert "Tilastokeskuksen määritelmän mukaan: työttömät ja kokoaikaisesti lomautetut" in body, url
