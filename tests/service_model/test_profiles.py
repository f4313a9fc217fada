"""The job-search profile duty from 1.9.2026: the flag on the card, and recording the publication."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from service_model import profiles
from service_model.models import JobSearchProfile

pytestmark = pytest.mark.django_db

AFTER = date(2026, 11, 30)


@pytest.fixture
def after(settings):
    settings.SERVICE_MODEL_TODAY = AFTER
    return AFTER


def test_the_duty_begins_on_1_september_2026(client_of):
    person = client_of(started=date(2026, 3, 2))
    assert profiles.status(person, date(2026, 8, 31)).duty is None
    assert profiles.status(person, date(2026, 9, 1)).missing


def test_a_recorded_publication_clears_the_flag_and_an_ended_search_has_no_duty(client_of, counsellor):
    person = client_of(started=date(2026, 3, 2))
    profiles.record(jobseeker=person, published_on=date(2026, 9, 3), published_by="jobseeker", by=counsellor,
                    today=AFTER)  # fmt: skip
    assert not profiles.status(person, AFTER).missing
    other = client_of(started=date(2026, 3, 2))
    other.job_search_ended_on = date(2026, 10, 1)
    assert profiles.status(other, AFTER).duty is None


@pytest.mark.parametrize(
    ("published_on", "published_by", "field"),
    [
        (date(2026, 12, 1), "jobseeker", "published_on"),
        (date(2026, 3, 1), "authority", "published_on"),
        (date(2026, 9, 3), "neighbour", "published_by"),
    ],
)
def test_a_bad_publication_is_refused_naming_the_field(client_of, counsellor, published_on, published_by, field):
    person = client_of(started=date(2026, 3, 2))
    with pytest.raises(ValidationError) as refused:
        profiles.record(jobseeker=person, published_on=published_on, published_by=published_by, by=counsellor,
                        today=AFTER)  # fmt: skip
    assert field in refused.value.message_dict
    assert not JobSearchProfile.objects.exists()


def test_the_card_flags_a_missing_profile_and_the_counsellor_records_it(client, client_of, counsellor, after):
    person = client_of(started=date(2026, 3, 2))
    client.force_login(counsellor)
    card = client.get(f"/asiakkaat/{person.pk}/").content.decode()
    assert "Työnhakuprofiilia ei ole kirjattu julkaistuksi" in card
    response = client.post(
        f"/palvelumalli/asiakas/{person.pk}/",
        {"action": "profile", "published_on": "2026-09-03", "published_by": "authority"},
    )
    assert response.status_code == 302
    assert JobSearchProfile.objects.get(jobseeker=person).published_by == "authority"
    assert "Työnhakuprofiili julkaistu 3.9.2026" in client.get(f"/asiakkaat/{person.pk}/").content.decode()


def test_a_future_date_on_the_page_is_a_field_error(client, client_of, counsellor, after):
    person = client_of(started=date(2026, 3, 2))
    client.force_login(counsellor)
    response = client.post(
        f"/palvelumalli/asiakas/{person.pk}/",
        {"action": "profile", "published_on": "2027-01-01", "published_by": "jobseeker"},
    )
    assert response.status_code == 400
    assert "Julkaisupäivä on tulevaisuudessa." in response.content.decode()
    assert not JobSearchProfile.objects.exists()


def test_a_role_without_the_client_cannot_record(client, client_of, make_staff, after):
    person = client_of(started=date(2026, 3, 2))
    client.force_login(make_staff(role="area_manager"))
    response = client.post(
        f"/palvelumalli/asiakas/{person.pk}/",
        {"action": "profile", "published_on": "2026-09-03", "published_by": "jobseeker"},
    )
    assert response.status_code in (403, 404)
    assert not JobSearchProfile.objects.exists()
