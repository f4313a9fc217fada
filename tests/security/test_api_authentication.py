"""The API answers a missing or wrong password with 401 and a challenge, and a signed-in user without the right with
403, so a client can tell "who are you" from "not for you"."""

import base64

import pytest

from tests.conftest import TEST_PASSWORD

URLS = ("/api/v1/jobseekers/", "/api/v1/municipalities/", "/api/v1/worklist/")


def basic(username: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", URLS)
def test_no_credentials_is_401_with_a_challenge(client, url):
    response = client.get(url)
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")


@pytest.mark.parametrize("url", URLS)
def test_a_wrong_password_is_401_with_a_challenge(area, client, make_user, url):
    user = make_user(role="counsellor", municipality_code="205")
    response = client.get(url, HTTP_AUTHORIZATION=basic(user.username, TEST_PASSWORD + "x"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"].startswith("Basic")


def test_the_right_password_without_the_right_is_403(area, client, make_user):
    user = make_user(role="area_manager", municipality_code="205")
    response = client.get("/api/v1/jobseekers/", HTTP_AUTHORIZATION=basic(user.username, TEST_PASSWORD))
    assert response.status_code == 403
    assert "WWW-Authenticate" not in response
