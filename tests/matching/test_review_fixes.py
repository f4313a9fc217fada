"""Regressions found in review: the day an offer is scored on, the reason for a default commute, the caches' keys
(distances that trade values, the demo's bulk language update), the kept index and the card's rows."""

from datetime import date, timedelta

import pytest

from demo import vacancies as demo_vacancies
from employers.models import RoadDistance
from jobseekers.models import Jobseeker
from matching import arrays, selectors, services, texts
from tests.matching.factories import nurse, vacancy

pytestmark = pytest.mark.django_db


def test_an_offer_made_on_an_earlier_day_is_scored_on_that_day(setting, kajaani_counsellor, today):
    # Employed: available 30 days after the day of matching. On the day of the offer that is the start date (full
    # points); scored on the service's today it would be 30 days late.
    person = nurse(with_counsellor=kajaani_counsellor, employed=True)
    job = vacancy("205", start_date=today)
    made_on = today - timedelta(days=30)
    offer = services.make_offer(jobseeker=person, vacancy=job, kind="job_offer", by=kajaani_counsellor, today=made_on)
    assert offer.components["start"] == 20
    assert offer.made_on == made_on


def test_the_location_reason_measures_an_unstated_commute_against_the_default():
    reason = texts.location_reason(
        distance_km=183,
        same_municipality=False,
        remote=False,
        max_commute_km=None,
        relocates=True,
        default_max_commute_km=50,
    )
    assert "valmis muuttamaan" in reason
    within = texts.location_reason(
        distance_km=38,
        same_municipality=False,
        remote=False,
        max_commute_km=None,
        relocates=True,
        default_max_commute_km=50,
    )
    assert within == "38 km"


def test_the_places_follow_distances_that_trade_values(setting):
    first, second = (
        RoadDistance.objects.exclude(km=RoadDistance.objects.order_by("pk").first().km).order_by("pk")[:1].get(),
        RoadDistance.objects.order_by("pk").first(),
    )
    assert arrays.places().km(first.from_code, first.to_code) == first.km
    # As the load rewrites a changed row: in place, without a timestamp; the plain sum of km stays the same.
    RoadDistance.objects.filter(pk=first.pk).update(km=second.km)
    RoadDistance.objects.filter(pk=second.pk).update(km=first.km)
    assert arrays.places().km(first.from_code, first.to_code) == second.km
    assert arrays.places().km(second.from_code, second.to_code) == first.km


def test_the_kept_index_gives_the_same_matches_and_follows_the_distances(
    setting, kajaani_counsellor, today, monkeypatch
):
    person = nurse(with_counsellor=kajaani_counsellor, max_commute_km=60)
    for municipality in ("205", "765", "205", "578"):
        vacancy(municipality)
    without = [(m.vacancy.pk, m.score) for m in selectors.vacancy_matches(kajaani_counsellor, person, limit=10)]
    assert arrays.indexed_vacancies(today)[1] is None
    monkeypatch.setattr(arrays, "INDEX_FROM", 1)
    arrays.clear()
    found, index = arrays.indexed_vacancies(today)
    assert index is not None and arrays.indexed_vacancies(today)[1] is index
    assert [(m.vacancy.pk, m.score) for m in selectors.vacancy_matches(kajaani_counsellor, person, limit=10)] == without
    RoadDistance.objects.filter(from_code="205", to_code="765").update(km=10)
    RoadDistance.objects.filter(from_code="765", to_code="205").update(km=10)
    changed = arrays.indexed_vacancies(today)[1]
    assert changed is not index
    kajaani, sotkamo = arrays.places().of("205"), arrays.places().of("765")
    assert changed.distances[kajaani, sotkamo] == 10
    assert len(found) == 4


def test_the_card_reads_only_the_vacancies_it_shows(setting, kajaani_counsellor, monkeypatch):
    person = nurse(with_counsellor=kajaani_counsellor, max_commute_km=60)
    for number in range(6):
        vacancy("205", title=f"Kätilö {number}", occupation="3222")
    elsewhere = vacancy("765", title="Sairaanhoitaja Vuokatti", occupation="3221", start_date=None)
    vacancy("205", title="Toinen sairaanhoitaja", occupation="3221")
    for number in range(10):
        vacancy("205", title=f"Lastenhoitaja {number}", occupation="3230")
    person = Jobseeker.objects.select_related("municipality").get(pk=person.pk)
    explained = []
    rows = selectors._vacancy_rows
    monkeypatch.setattr(selectors, "_vacancy_rows", lambda *args: explained.append(len(args[1])) or rows(*args))
    shown, extra = selectors.card_matches(kajaani_counsellor, person)
    # Five shown and the best one elsewhere: not the whole list searched for it.
    assert explained == [6]
    assert [row.vacancy.title for row in shown][0] == "Toinen sairaanhoitaja" and len(shown) == 5
    assert extra[0] == 8 and extra[1].vacancy == elsewhere and extra[1].other_municipality
    assert {row.vacancy.title for row in shown} <= {"Toinen sairaanhoitaja", *(f"Kätilö {n}" for n in range(6))}


def test_the_demo_languages_keep_the_service_language_and_reach_the_cached_arrays(setting, today):
    person = nurse(preferred_language="pl", service_language="en")
    Jobseeker.objects.filter(pk=person.pk).update(synthetic_month=date(2023, 8, 1))
    before = arrays.seekers(today)
    assert arrays.LANGUAGES.codes(before.languages[0]) == ["en", "pl"]

    class Always:
        def random(self):
            return 0.0

    demo_vacancies._working_languages(Always())
    person.refresh_from_db()
    assert person.languages == ["fi", "en", "pl"]
    assert arrays.LANGUAGES.codes(arrays.seekers(today).languages[0]) == ["fi", "en", "pl"]
