"""Vacancies in the neighbouring centres outside the area (docs/decisions/0011): the distance is to the centre, the
card, the matches page and the API say the place and "outside the area", the mobility report has the centre as a
destination, and the arrays are kept per area and rebuilt when the place changes."""

import pytest
from django.db.models import Q
from django.urls import reverse
from rest_framework.test import APIClient

from employers import services as employer_services
from employers.models import RoadDistance, Vacancy
from matching import arrays, selectors, services
from tests.employers.factories import EmployerFactory
from tests.matching.factories import nurse, vacancy
from tests.organisation.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db

KAJAANI_OULU_KM = 183


def oulu_job(**fields):
    return vacancy(
        "205", title="Sairaanhoitaja Oulu", workplace_outside_area="564", workplace_outside_area_name="Oulu", **fields
    )


@pytest.fixture
def willing(setting, kajaani_counsellor):
    """A Kajaani nurse who would commute 200 km."""
    return nurse(with_counsellor=kajaani_counsellor, last_name="Pendelöijä", max_commute_km=200)


def test_a_willing_person_gets_the_oulu_job_with_its_distance(willing, kajaani_counsellor, today):
    job = oulu_job()
    home_job = vacancy("205", title="Sairaanhoitaja Kajaani")
    found = selectors.vacancy_matches(kajaani_counsellor, willing, limit=10, today=today)
    assert [match.vacancy.pk for match in found] == [home_job.pk, job.pk]
    outside = found[1]
    assert (outside.distance_km, outside.place, outside.outside_area, outside.other_municipality) == (
        KAJAANI_OULU_KM,
        "Oulu",
        True,
        True,
    )
    location = next(component for component in outside.components if component.key == "location")
    assert location.reason == f"{KAJAANI_OULU_KM} km, enimmäistyömatka 200 km"
    assert (found[0].place, found[0].outside_area, found[0].distance_km) == ("Kajaani", False, 0)


def test_beyond_the_commute_the_oulu_job_is_excluded_unless_relocation_or_remote(setting, kajaani_counsellor, today):
    job = oulu_job()
    staying = nurse(with_counsellor=kajaani_counsellor, last_name="Paikallinen", max_commute_km=50)
    moving = nurse(
        with_counsellor=kajaani_counsellor, last_name="Muuttaja", max_commute_km=50, willing_to_relocate=True
    )

    def found_for(person):
        return [match.vacancy.pk for match in selectors.vacancy_matches(kajaani_counsellor, person, today=today)]

    assert found_for(staying) == []
    assert selectors.explain(staying, job, today).reason == "distance"
    assert found_for(moving) == [job.pk]
    remote = oulu_job(remote_possible=True)
    assert found_for(staying) == [remote.pk]
    match = selectors.vacancy_matches(kajaani_counsellor, staying, today=today)[0]
    assert match.distance_km == KAJAANI_OULU_KM and match.outside_area


def test_the_card_and_the_matches_page_mark_the_place_outside_the_area(client, willing, kajaani_counsellor):
    oulu_job()
    client.force_login(kajaani_counsellor)
    for url in (reverse("jobseekers:card", args=[willing.pk]), reverse("matching:jobseeker", args=[willing.pk])):
        page = client.get(url).content.decode()
        assert "Sairaanhoitaja Oulu" in page and "Oulu" in page
        assert "alueen ulkopuolella" in page and f"{KAJAANI_OULU_KM} km" in page


def test_the_api_result_says_the_place_and_outside_the_area(willing, kajaani_counsellor):
    job = oulu_job()
    api = APIClient()
    api.force_authenticate(kajaani_counsellor)
    body = api.get(f"/api/v1/jobseekers/{willing.pk}/matches/").json()
    (row,) = body["results"]
    assert row["id"] == job.pk
    assert (row["place"], row["outside_area"], row["workplace_outside_area"], row["municipality"]) == (
        "Oulu",
        True,
        "564",
        "205",
    )
    assert (row["distance_km"], row["other_municipality"]) == (KAJAANI_OULU_KM, True)


def test_an_offer_to_oulu_crosses_the_border_and_is_a_mobility_row(client, willing, kajaani_counsellor, today):
    job = oulu_job()
    offer = services.make_offer(jobseeker=willing, vacancy=job, kind="job_offer", by=kajaani_counsellor)
    assert offer.crosses_border and offer.distance_km == KAJAANI_OULU_KM
    assert "(Oulu)" in willing.journal_entries.get().text
    services.record_outcome(offer, outcome="hired", outcome_date=today, by=kajaani_counsellor)
    found = selectors.mobility(kajaani_counsellor)
    assert [(f.home, f.workplace, f.offers, f.hires, f.distance_km, f.outside_area) for f in found.flows] == [
        ("Kajaani", "Oulu", 1, 1, KAJAANI_OULU_KM, True)
    ]
    assert (found.across_offers, found.across_hires) == (1, 1)
    client.force_login(kajaani_counsellor)
    export = client.get(reverse("matching:mobility_export", args=["kuntaparit"]) + "?format=csv").content.decode()
    assert export.strip().splitlines()[1:] == [f"Kajaani,Oulu,1,1,{KAJAANI_OULU_KM},alueen ulkopuolella"]


def test_changing_the_place_rebuilds_the_arrays(willing, kajaani_counsellor, today):
    job = vacancy("205")
    before = arrays.vacancies(today, area_id=job.employer.area_id)
    assert before.place[0] == arrays.places().of("205")
    employer_services.update_vacancy(job, {"workplace_outside_area": "Iisalmi"}, by=kajaani_counsellor)
    after = arrays.vacancies(today, area_id=job.employer.area_id)
    assert after is not before and after.place[0] == arrays.places().of("140")
    match = selectors.vacancy_matches(kajaani_counsellor, willing, today=today)[0]
    assert (match.place, match.distance_km) == ("Iisalmi", arrays.places().km("205", "140"))


def test_another_areas_vacancy_is_not_suggested(setting, kajaani_counsellor, today):
    mover = nurse(with_counsellor=kajaani_counsellor, willing_to_relocate=True)
    elsewhere = MunicipalityFactory(code="950")
    foreign = Vacancy.objects.create(
        employer=EmployerFactory(area=elsewhere.area, municipality=elsewhere, business_id="0109862-8"),
        title="Sairaanhoitaja",
        occupation="3221",
        municipality=elsewhere,
        workplace_outside_area="564",
        workplace_outside_area_name="Oulu",
        working_time="full_time",
        employment_type="permanent",
    )
    own = oulu_job()
    assert list(arrays.vacancies(today).ids) == sorted([foreign.pk, own.pk])
    assert list(arrays.vacancies(today, area_id=mover.area_id).ids) == [own.pk]
    assert [m.vacancy.pk for m in selectors.vacancy_matches(kajaani_counsellor, mover, today=today)] == [own.pk]
    assert list(arrays.seekers(today, area_id=elsewhere.area_id).ids) == []


def test_a_vacancy_whose_centre_left_the_distance_table_has_no_distance_and_no_error(
    willing, kajaani_counsellor, today
):
    job = oulu_job()
    services.make_offer(jobseeker=willing, vacancy=job, kind="job_offer", by=kajaani_counsellor)
    RoadDistance.objects.filter(Q(from_code="564") | Q(to_code="564")).delete()
    assert selectors.candidates(kajaani_counsellor, job, view="test", purpose="test", today=today).total == 0
    other = nurse(with_counsellor=kajaani_counsellor, last_name="Toinen", willing_to_relocate=True)
    offer = services.make_offer(jobseeker=other, vacancy=job, kind="referral", by=kajaani_counsellor)
    assert (offer.score, offer.excluded_by, offer.distance_km) == (None, "distance", None)
    api = APIClient()
    api.force_authenticate(kajaani_counsellor)
    assert api.get(f"/api/v1/vacancies/{job.pk}/matches/").status_code == 200
    # The report names the centre as the vacancy stored it, not by its bare code.
    assert [(flow.workplace, flow.offers) for flow in selectors.mobility(kajaani_counsellor).flows] == [("Oulu", 2)]


def test_a_vacancys_candidates_come_from_its_own_area_only(setting, kajaani_counsellor, today):
    from django.utils import timezone

    from jobseekers.models import Jobseeker

    job = oulu_job()
    person = nurse(with_counsellor=kajaani_counsellor, willing_to_relocate=True)
    found = selectors.candidates(kajaani_counsellor, job, view="test", purpose="test", today=today)
    assert [candidate.jobseeker.pk for candidate in found.shown] == [person.pk]
    elsewhere = MunicipalityFactory(code="950")
    # A bulk update skips auto_now: the arrays' version reads updated_at, so it is set here as the demo does.
    Jobseeker.objects.filter(pk=person.pk).update(
        area=elsewhere.area, municipality=elsewhere, updated_at=timezone.now()
    )
    moved = selectors.candidates(kajaani_counsellor, job, view="test", purpose="test", today=today)
    assert (moved.shown, moved.hidden_count) == ([], 0)


def test_the_candidates_page_says_where_the_work_is(client, willing, kajaani_counsellor):
    job = oulu_job()
    client.force_login(kajaani_counsellor)
    lead = client.get(reverse("matching:vacancy", args=[job.pk])).content.decode().split('class="lead">')[1]
    lead = lead.split("</p>")[0]
    assert "Kajaani → Oulu" in lead and "alueen ulkopuolella" in lead
