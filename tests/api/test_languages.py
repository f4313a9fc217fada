"""API error messages follow Accept-Language: DRF's own validation messages and the project's."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fi", "Syötä kelvollinen kokonaisluku."),
        ("sv", "Ett giltigt heltal krävs."),
        ("en", "A valid integer is required."),
    ],
)
def test_drf_validation_messages(client, counsellor, today, language, message):
    client.force_login(counsellor)
    response = client.get("/api/v1/worklist/", {"horizon": "viikko"}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert response.json() == {"horizon": [message]}


@pytest.mark.parametrize(
    ("language", "start"),
    [("fi", "Tuntematon parametri. Sallitut:"), ("sv", "Okänd parameter. Tillåtna:"), ("en", "Unknown parameter.")],
)
def test_the_projects_own_messages(client, counsellor, language, start):
    client.force_login(counsellor)
    response = client.get("/api/v1/occupations/", {"taso": "4"}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert response.json()["taso"][0].startswith(start)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fi", "Kuukauden muoto on VVVV-KK, esimerkiksi 2023-08."),
        ("sv", "Månaden anges i formen ÅÅÅÅ-MM, till exempel 2023-08."),
        ("en", "The month is given as YYYY-MM, for example 2023-08."),
    ],
)
def test_the_statistics_messages(client, counsellor, language, message):
    client.force_login(counsellor)
    response = client.get("/api/v1/statistics/municipal/", {"month": "elokuu"}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert response.json() == {"month": [message]}


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("fi", "Päivän on oltava väliltä 2.5.2022–31.12.2100."),
        ("sv", "Dagen ska vara mellan 2.5.2022 och 31.12.2100."),
        ("en", "The date must be between 2.5.2022 and 31.12.2100."),
    ],
)
def test_the_worklist_refuses_a_day_out_of_range_in_the_callers_language(client, counsellor, language, message):
    client.force_login(counsellor)
    response = client.get("/api/v1/worklist/", {"paiva": "2200-01-01"}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 400
    assert response.json() == {"paiva": [message]}
