"""The job seeker's working languages and cards (jobseekers 0006): registered, edited on the page and through the
API like the driving licences, refused by field name when unknown, and shown on the card."""

import pytest
from django.core.exceptions import ValidationError

from jobseekers import organisation_adapter, services
from tests.jobseekers.factories import make_jobseeker, registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def counsellor(area, make_staff):
    return make_staff(team="kajaani-aikuiset")


def test_registration_orders_and_keeps_languages_and_cards(area):
    person = make_jobseeker(languages=["EN", "fi"], cards=["hot_work", "hygiene_passport"])
    assert person.languages == ["fi", "en"]
    assert person.cards == ["hygiene_passport", "hot_work"]
    assert person.working_languages == ["fi", "en"]
    assert person.languages_display == "suomi, englanti"


def test_without_languages_the_mother_tongue_and_service_language_count(area):
    person = make_jobseeker(service_language="en", preferred_language="ar")
    assert person.languages == []
    assert person.working_languages == ["ar", "en"]


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [("languages", ["fi", "xx"], "Tuntematon kielikoodi: xx"), ("cards", ["passi"], "Tuntematon kortti: passi")],
)
def test_unknown_codes_are_refused_by_field(area, field, value, words):
    with pytest.raises(ValidationError) as error:
        services.clean_registration(
            registration(**{field: value}), organisation=organisation_adapter.build(), allow_temporary=True
        )
    assert words in error.value.message_dict[field][0]


def test_the_edit_page_and_the_card(client, counsellor):
    person = make_jobseeker(with_counsellor=counsellor)
    client.force_login(counsellor)
    url = f"/asiakkaat/{person.pk}/muokkaa/"
    form = client.get(url).context["form"]
    assert {"languages", "cards"} <= set(form.fields)
    data = {name: form[name].value() for name in form.fields if form[name].value() not in (None, False, [])}
    data = {name: (value if isinstance(value, list) else str(value)) for name, value in data.items()}
    data.update(languages=["fi", "sv"], cards=["first_aid"], reason="Kielitaito ja ensiapukortti")
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    person.refresh_from_db()
    assert (person.languages, person.cards) == (["fi", "sv"], ["first_aid"])
    card = client.get(f"/asiakkaat/{person.pk}/").content.decode()
    assert "suomi, ruotsi" in card and "ensiapukortti (EA 1)" in card


def test_the_api_reads_and_patches_them(client, counsellor):
    person = make_jobseeker(with_counsellor=counsellor)
    client.force_login(counsellor)
    response = client.patch(
        f"/api/v1/jobseekers/{person.pk}/",
        {"languages": ["en"], "cards": ["forklift"]},
        content_type="application/json",
    )
    assert response.status_code == 200, response.json()
    assert (response.json()["languages"], response.json()["cards"]) == (["en"], ["forklift"])
    refused = client.patch(f"/api/v1/jobseekers/{person.pk}/", {"cards": ["x"]}, content_type="application/json")
    assert refused.status_code == 400 and "cards" in refused.json()
