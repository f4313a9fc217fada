"""The header's language selector and links, built once per process, are those of the page's language."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_language_selector_offers_each_language_in_its_own_name_with_the_pages_selected(client, language):
    response = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    html = response.content.decode()
    options = re.findall(r'<option value="(\w+)" lang="(\w+)"( selected)?>([^<]+)</option>', html)
    assert options == [
        ("fi", "fi", " selected" if language == "fi" else "", "suomi"),
        ("sv", "sv", " selected" if language == "sv" else "", "svenska"),
        ("en", "en", " selected" if language == "en" else "", "English"),
    ]


def test_the_header_links_lead_where_they_did(client, make_user):
    client.force_login(make_user(role="counsellor", username="ohjaaja"))
    html = client.get("/").content.decode()
    assert '<a class="brand" href="/">' in html
    assert '<form action="/i18n/setlang/" method="post">' in html
    assert 'href="/api/docs/"' in html
    assert '<form action="/accounts/kirjaudu-ulos/" method="post">' in html
