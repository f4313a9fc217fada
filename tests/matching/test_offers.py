"""Job offers: making one from a match, its outcome, their journal entries, and the refusals naming the field."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from jobseekers.models import JournalEntry
from matching import services
from matching.models import JobOffer
from tests.matching.factories import nurse, vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(setting, kajaani_counsellor):
    person = nurse(with_counsellor=kajaani_counsellor, max_commute_km=50)
    return person, vacancy("765"), kajaani_counsellor


def test_an_offer_keeps_the_match_and_writes_the_journal(pair, today):
    person, job, counsellor = pair
    offer = services.make_offer(jobseeker=person, vacancy=job, kind="job_offer", by=counsellor, today=today)
    assert offer.score == pytest.approx(sum(offer.components.values()), abs=0.2)
    assert set(offer.components) == {"occupation", "location", "start"}
    assert offer.components["occupation"] == 50
    assert offer.distance_km == 38
    assert offer.home_municipality.code == "205" and offer.workplace_municipality.code == "765"
    assert offer.crosses_border
    entry = JournalEntry.objects.get(jobseeker=person)
    assert entry.entry_date == today
    assert "Työtarjous: Sairaanhoitaja" in entry.text and "Sotkamo" in entry.text and "38 km" in entry.text


def test_an_excluded_pair_can_be_offered_and_says_why(pair, today):
    person, _job, counsellor = pair
    cook = vacancy("205", occupation="5120", required_cards=["hygiene_passport"])
    offer = services.make_offer(jobseeker=person, vacancy=cook, kind="referral", by=counsellor, today=today)
    assert offer.score is None and offer.excluded_by == "occupation"
    assert "vertailu sulki" in JournalEntry.objects.get(jobseeker=person).text


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "tarjous"}, "kind"),
        ({"note": "x" * 2001}, "note"),
    ],
)
def test_bad_input_is_refused_by_field(pair, today, change, field):
    person, job, counsellor = pair
    values = {"jobseeker": person, "vacancy": job, "kind": "job_offer", "by": counsellor, "today": today, **change}
    with pytest.raises(ValidationError) as error:
        services.make_offer(**values)
    assert field in error.value.message_dict
    assert not JobOffer.objects.exists() and not JournalEntry.objects.exists()


def test_only_an_open_vacancy_is_offered(pair, today):
    person, _job, counsellor = pair
    closed = vacancy("205", closed=True)
    with pytest.raises(ValidationError) as error:
        services.make_offer(jobseeker=person, vacancy=closed, kind="job_offer", by=counsellor, today=today)
    assert "avoinna" in error.value.message_dict["vacancy"][0]


def test_one_open_offer_per_person_and_vacancy(pair, today):
    person, job, counsellor = pair
    first = services.make_offer(jobseeker=person, vacancy=job, kind="job_offer", by=counsellor, today=today)
    with pytest.raises(ValidationError) as error:
        services.make_offer(jobseeker=person, vacancy=job, kind="referral", by=counsellor, today=today)
    assert "avoin työtarjous" in error.value.message_dict["vacancy"][0]
    services.record_outcome(first, outcome="no_response", outcome_date=today, by=counsellor, today=today)
    again = services.make_offer(jobseeker=person, vacancy=job, kind="referral", by=counsellor, today=today)
    assert again.is_open


def test_an_ended_job_search_gets_no_offer(pair, today):
    person, job, counsellor = pair
    person.job_search_ended_on = today
    person.job_search_end_reason = "employed"
    person.save()
    with pytest.raises(ValidationError) as error:
        services.make_offer(jobseeker=person, vacancy=job, kind="job_offer", by=counsellor, today=today)
    assert "jobseeker" in error.value.message_dict


def test_the_outcome_is_recorded_once_and_journaled(pair, today):
    person, job, counsellor = pair
    offer = services.make_offer(
        jobseeker=person, vacancy=job, kind="job_offer", by=counsellor, today=today - timedelta(days=10)
    )
    recorded = services.record_outcome(
        offer, outcome="hired", outcome_date=today - timedelta(days=2), by=counsellor, today=today
    )
    assert recorded.outcome == "hired" and recorded.outcome_recorded_by == counsellor
    entry = JournalEntry.objects.filter(jobseeker=person).order_by("-pk").first()
    assert entry.entry_date == today - timedelta(days=2)
    assert "palkattiin" in entry.text
    with pytest.raises(ValidationError) as error:
        services.record_outcome(offer, outcome="refused", outcome_date=today, by=counsellor, today=today)
    assert "jo kirjattu" in error.value.message_dict["outcome"][0]


@pytest.mark.parametrize(
    ("outcome", "days", "field", "words"),
    [
        ("hired", -1, "outcome_date", "ennen työtarjousta"),
        ("hired", 11, "outcome_date", "tulevaisuudessa"),
        ("maybe", 0, "outcome", "Valitse tulos"),
    ],
)
def test_a_bad_outcome_is_refused_by_field(pair, today, outcome, days, field, words):
    person, job, counsellor = pair
    made_on = today - timedelta(days=10)
    offer = services.make_offer(jobseeker=person, vacancy=job, kind="job_offer", by=counsellor, today=made_on)
    with pytest.raises(ValidationError) as error:
        services.record_outcome(
            offer, outcome=outcome, outcome_date=made_on + timedelta(days=days), by=counsellor, today=today
        )
    assert words in error.value.message_dict[field][0]
    offer.refresh_from_db()
    assert offer.is_open and JournalEntry.objects.filter(jobseeker=person).count() == 1
