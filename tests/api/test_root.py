"""The API root lists every endpoint, also those outside the list routes (the worklist, the deadline calculator)."""

import re

import pytest
from django.urls import reverse

from common.api_root import uri_template
from tyollisyysalue import api_urls

pytestmark = pytest.mark.django_db

ROOT = "/api/v1/"


def _endpoints():
    return [pattern for pattern in api_urls.urlpatterns if pattern.name != "api-root"]


def test_every_endpoint_is_listed_in_the_root(client, counsellor):
    client.force_login(counsellor)
    listed = set(client.get(ROOT).json().values())
    missing = []
    for pattern in _endpoints():
        numbers = dict.fromkeys(pattern.pattern.regex.groupindex, 7)
        # the endpoint reversed with a number for each parameter; the listed URI template filled with the same numbers
        url = "http://testserver" + reverse(pattern.name, kwargs=numbers)
        filled = {
            template.format(**numbers) for template in listed if set(re.findall(r"{(\w+)}", template)) == set(numbers)
        }
        if url not in filled:
            missing.append(str(pattern.pattern))
    assert missing == []


def test_the_actions_outside_the_list_routes_are_there(client, counsellor):
    client.force_login(counsellor)
    root = client.get(ROOT).json()
    assert root["worklist"] == "http://testserver/api/v1/worklist/"
    assert root["service-model/deadlines"] == "http://testserver/api/v1/service-model/deadlines/"
    assert root["subsidies/calculate"] == "http://testserver/api/v1/subsidies/calculate/"
    assert root["jobseekers/{jobseeker_pk}/meetings"] == "http://testserver/api/v1/jobseekers/{jobseeker_pk}/meetings/"
    assert root["statistics/municipal"] == "http://testserver/api/v1/statistics/municipal/"  # DRF's key kept


def test_a_listed_template_is_an_url_of_the_api(client, counsellor):
    client.force_login(counsellor)
    for key, url in client.get(ROOT).json().items():
        assert url == f"http://testserver{ROOT}{key}/"


@pytest.mark.parametrize(
    ("regex", "template"),
    [
        ("^worklist/$", "worklist/"),
        ("^jobseekers/(?P<pk>[^/.]+)/$", "jobseekers/{pk}/"),
        ("^jobseekers/(?P<jobseeker_pk>[0-9]+)/meetings/(?P<pk>[0-9]+)/held/$",
         "jobseekers/{jobseeker_pk}/meetings/{pk}/held/"),
    ],
)  # fmt: skip
def test_uri_template(regex, template):
    assert uri_template(regex) == template


def test_the_root_needs_a_signed_in_user(client, db):
    assert client.get(ROOT).status_code in (401, 403)
