"""The engine's arrays built from the database (matching/arrays.py)."""

import numpy as np
import pytest

from matching import arrays
from tests.matching.factories import nurse, vacancy

pytestmark = pytest.mark.django_db


def test_places_are_the_area_and_the_neighbouring_centres(setting):
    places = arrays.places()
    assert {"205", "765", "578", "564", "140"} <= set(places.codes)
    assert places.km("205", "205") == 0
    assert places.km("205", "765") == 38
    assert places.km("765", "205") == 38
    kajaani, oulu = places.of("205"), places.of("564")
    assert places.distances[kajaani, oulu] == 183
    assert places.names["564"] == "Oulu"


def test_an_unknown_pair_is_infinitely_far(setting):
    places = arrays.places()
    unknown = [
        (a, b) for a in places.codes for b in places.codes if np.isinf(places.distances[places.of(a), places.of(b)])
    ]
    assert unknown, "the table has pairs without a distance (neighbouring centres among themselves)"
    assert places.km(*unknown[0]) is None


def test_vacancy_arrays_hold_the_open_vacancies_with_their_requirements(setting, today):
    wanted = vacancy(
        "765", required_driving_licences=["B"], required_cards=["pharmacotherapy"], required_languages=["fi"]
    )
    remote = vacancy("205", occupation="5120", remote_possible=True)
    vacancy("205", closed=True)
    found = arrays.vacancies(today)
    assert list(found.ids) == [wanted.pk, remote.pk]
    assert list(found.occupation) == [3221, 5120]
    assert arrays.QUALIFICATIONS.codes(found.required_qualifications[0]) == ["B", "pharmacotherapy"]
    assert arrays.LANGUAGES.codes(found.required_languages[0]) == ["fi"]
    assert list(found.remote) == [False, True]
    assert found.place[0] == arrays.places().of("765")
    assert found.start[0] == arrays.days(today)


def test_seeker_arrays_widen_licences_and_default_languages(setting, today):
    person = nurse(driving_licences=["CE"], cards=["hygiene_passport"], max_commute_km=40)
    foreign = nurse(foreign_language=True, languages=["ru", "fi"], employed=True)
    found = arrays.seekers(today)
    assert list(found.ids) == [person.pk, foreign.pk]
    held = arrays.QUALIFICATIONS.codes(found.qualifications[0])
    assert {"CE", "C", "C1", "BE", "B", "hygiene_passport"} <= set(held)
    # No languages recorded: the mother tongue and the service language count.
    assert arrays.LANGUAGES.codes(found.languages[0]) == ["fi"]
    assert arrays.LANGUAGES.codes(found.languages[1]) == ["fi", "ru"]
    assert found.max_commute_km[0] == 40
    assert np.isnan(found.max_commute_km[1])
    assert found.occupations[0, 0] == 3221
    # Employed: available after a month's notice.
    assert found.available_from[1] == arrays.days(today) + 30


def test_arrays_are_rebuilt_when_a_row_changes(setting, today):
    first = vacancy("205")
    assert list(arrays.vacancies(today).ids) == [first.pk]
    assert arrays.vacancies(today) is arrays.vacancies(today)
    second = vacancy("765")
    assert list(arrays.vacancies(today).ids) == [first.pk, second.pk]
    first.status = "closed"
    first.save()
    assert list(arrays.vacancies(today).ids) == [second.pk]


def test_an_ended_job_search_leaves_the_arrays(setting, today):
    person = nurse()
    assert list(arrays.seekers(today).ids) == [person.pk]
    person.job_search_ended_on = today
    person.job_search_end_reason = "employed"
    person.save()
    assert list(arrays.seekers(today).ids) == []
