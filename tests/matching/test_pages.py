"""The pages: the card's vacancies, the matches page with offers and outcomes, a vacancy's candidates, scoping and
the read audit."""

from datetime import timedelta

import pytest
from django.db.models import Max
from django.urls import reverse

from audit.models import PersonalDataAccess
from matching import services
from matching.models import JobOffer
from tests.matching.factories import nurse, vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(setting, kajaani_counsellor, make_staff):
    """A Kajaani nurse of the counsellor, a Sotkamo nurse of Sotkamo's team, vacancies in Kajaani and Sotkamo."""
    own = nurse(with_counsellor=kajaani_counsellor, last_name="Omanen", max_commute_km=60)
    sotkamo_counsellor = make_staff(role="counsellor", municipality_code="765", team="sotkamo")
    other = nurse(municipality="765", with_counsellor=sotkamo_counsellor, last_name="Vieraskuntainen")
    kajaani_job = vacancy("205", title="Sairaanhoitaja Kajaani")
    sotkamo_job = vacancy("765", title="Sairaanhoitaja Sotkamo", required_languages=["fi"])
    return own, other, kajaani_job, sotkamo_job


def test_the_card_shows_explained_matches_with_another_municipalitys_job(client, people, kajaani_counsellor):
    own, _other, _kajaani_job, _sotkamo_job = people
    client.force_login(kajaani_counsellor)
    page = client.get(reverse("jobseekers:card", args=[own.pk])).content.decode()
    assert "Sopivat työpaikat" in page
    assert "Sairaanhoitaja Kajaani" in page and "Sairaanhoitaja Sotkamo" in page
    assert "toisen kunnan työpaikka" in page
    assert "Ammatti 50/50" in page and "sama ammattiryhmä kuin haettu 3221" in page
    assert "38 km" in page and "enimmäistyömatka 60 km" in page
    assert reverse("matching:jobseeker", args=[own.pk]) in page


def test_the_matches_page_makes_an_offer_and_records_its_outcome(client, people, kajaani_counsellor, today):
    own, _other, _kajaani_job, sotkamo_job = people
    client.force_login(kajaani_counsellor)
    url = reverse("matching:jobseeker", args=[own.pk])
    assert "Tee työtarjous" in client.get(url).content.decode()
    response = client.post(
        reverse("matching:make_offer", args=[own.pk]), {"vacancy": sotkamo_job.pk, "kind": "job_offer"}, follow=True
    )
    assert "Työtarjous tehty: Sairaanhoitaja Sotkamo" in response.content.decode()
    offer = JobOffer.objects.get()
    response = client.post(
        reverse("matching:record_outcome", args=[offer.pk]),
        {"outcome": "applied", "outcome_date": (today + timedelta(days=1)).isoformat()},
        follow=True,
    )
    assert "Tuloksen päivä: Päivä on tulevaisuudessa" in response.content.decode()
    client.post(
        reverse("matching:record_outcome", args=[offer.pk]), {"outcome": "applied", "outcome_date": today.isoformat()}
    )
    offer.refresh_from_db()
    assert offer.outcome == "applied"
    assert "haki paikkaa" in client.get(url).content.decode()


def test_an_offer_of_a_vacancy_out_of_reach_names_the_field(client, people, kajaani_counsellor):
    own, *_rest = people
    client.force_login(kajaani_counsellor)
    response = client.post(
        reverse("matching:make_offer", args=[own.pk]), {"vacancy": 999999, "kind": "job_offer"}, follow=True
    )
    assert "Avoin työpaikka: Työpaikkaa ei löydy." in response.content.decode()
    assert not JobOffer.objects.exists()


def test_a_counsellor_sees_names_of_own_pool_and_counts_of_the_rest(client, people, kajaani_counsellor):
    own, other, _kajaani_job, sotkamo_job = people
    client.force_login(kajaani_counsellor)
    before = PersonalDataAccess.objects.aggregate(last=Max("pk"))["last"] or 0
    page = client.get(reverse("matching:vacancy", args=[sotkamo_job.pk])).content.decode()
    assert "Testi Omanen" in page and "Vieraskuntainen" not in page
    assert "1 sopiva työnhakija, jonka tietoja et voi nähdä" in page
    assert "Sotkamo: 1" in page
    logged = PersonalDataAccess.objects.filter(pk__gt=before)
    assert set(logged.values_list("subject_id", flat=True)) == {str(own.pk)}
    assert logged.get().view == "matching:vacancy"
    assert str(other.pk) not in set(PersonalDataAccess.objects.values_list("subject_id", flat=True))


def test_employer_services_see_counts_only(client, people, make_staff):
    _own, _other, _kajaani_job, sotkamo_job = people
    client.force_login(make_staff(role="employer_services", municipality_code="205"))
    for url in (
        reverse("matching:vacancy", args=[sotkamo_job.pk]),
        reverse("employers:vacancy", args=[sotkamo_job.pk]),
    ):
        page = client.get(url).content.decode()
        assert "Omanen" not in page and "Vieraskuntainen" not in page
        assert "2 sopivaa työnhakijaa, joiden tietoja et voi nähdä" in page
        assert "Kajaani: 1" in page and "Sotkamo: 1" in page
    assert not PersonalDataAccess.objects.exists()


def test_roles_without_candidates_are_refused(client, people, make_staff):
    _own, _other, _kajaani_job, sotkamo_job = people
    client.force_login(make_staff(role="area_manager", municipality_code="205"))
    assert client.get(reverse("matching:vacancy", args=[sotkamo_job.pk])).status_code == 403
    assert (
        "Sopivimmat työnhakijat" not in client.get(reverse("employers:vacancy", args=[sotkamo_job.pk])).content.decode()
    )


def test_another_municipalitys_counsellor_gets_404_and_a_refused_row(client, people, make_staff):
    own, *_rest = people
    outsider = make_staff(role="counsellor", municipality_code="305", team="kuusamo")
    client.force_login(outsider)
    assert client.get(reverse("matching:jobseeker", args=[own.pk])).status_code == 404
    refused = PersonalDataAccess.objects.get(user=outsider)
    assert refused.outcome == PersonalDataAccess.Outcome.DENIED and refused.subject_id == str(own.pk)


def test_the_matches_page_logs_the_read(client, people, kajaani_counsellor):
    own, *_rest = people
    client.force_login(kajaani_counsellor)
    client.get(reverse("matching:jobseeker", args=[own.pk]))
    row = PersonalDataAccess.objects.get(user=kajaani_counsellor)
    assert (row.subject_id, row.view, row.outcome) == (str(own.pk), "matching:jobseeker", "granted")


def test_mobility_report_counts_offers_and_hires_across_borders(client, people, kajaani_counsellor, today):
    own, _other, kajaani_job, sotkamo_job = people
    across = services.make_offer(jobseeker=own, vacancy=sotkamo_job, kind="job_offer", by=kajaani_counsellor)
    services.record_outcome(across, outcome="hired", outcome_date=today, by=kajaani_counsellor)
    services.make_offer(jobseeker=own, vacancy=kajaani_job, kind="referral", by=kajaani_counsellor)
    client.force_login(kajaani_counsellor)
    page = client.get(reverse("matching:mobility")).content.decode()
    assert "Työtarjoukset ja palkkaukset yli kuntarajan" in page and "Pendelöinti" in page
    export = client.get(reverse("matching:mobility_export", args=["kuntaparit"]) + "?format=csv")
    lines = export.content.decode().strip().splitlines()
    assert lines[0].startswith("Kotikunta,Työpaikan kunta,Työtarjouksia,Palkattuja")
    assert lines[1:] == ["Kajaani,Sotkamo,1,1,38,alueella"]
    assert client.get(reverse("matching:mobility_export", args=["kuntaparit"]) + "?format=xlsx").status_code == 200
    refused = client.get(reverse("matching:mobility"), {"since": "2025-06-02", "until": "2025-01-01"})
    assert refused.status_code == 400 and "Päättymispäivä on ennen alkamispäivää" in refused.content.decode()


def test_the_card_adds_the_best_job_elsewhere_when_the_best_are_all_at_home(client, setting, kajaani_counsellor):
    person = nurse(with_counsellor=kajaani_counsellor, max_commute_km=60)
    for number in range(6):
        vacancy("205", title=f"Kätilö {number}", occupation="3222")
    vacancy("765", title="Sairaanhoitaja Vuokatti", occupation="3221", start_date=None)
    vacancy("205", title="Toinen sairaanhoitaja", occupation="3221")
    client.force_login(kajaani_counsellor)
    page = client.get(reverse("jobseekers:card", args=[person.pk])).content.decode()
    assert "Sairaanhoitaja Vuokatti" in page
    assert "paras toisen kunnan työpaikka, sija 8" in page


def test_the_mobility_export_follows_the_period(client, people, kajaani_counsellor, today):
    own, _other, _kajaani_job, sotkamo_job = people
    services.make_offer(jobseeker=own, vacancy=sotkamo_job, kind="job_offer", by=kajaani_counsellor)
    client.force_login(kajaani_counsellor)
    page = client.get(reverse("matching:mobility"), {"since": "2025-01-01", "until": "2025-05-31"}).content.decode()
    assert "kuntaparit/?since=2025-01-01&amp;until=2025-05-31&amp;format=csv" in page
    export = client.get(
        reverse("matching:mobility_export", args=["kuntaparit"]), {"since": "2025-01-01", "until": "2025-05-31"}
    )
    assert export.content.decode().strip().splitlines()[1:] == []
    whole = client.get(reverse("matching:mobility_export", args=["kuntaparit"]))
    assert whole.content.decode().strip().splitlines()[1:] == ["Kajaani,Sotkamo,1,0,38,alueella"]


def test_an_ended_job_search_keeps_its_offers_on_the_card_but_gets_no_matches(client, people, kajaani_counsellor):
    own, _other, _kajaani_job, sotkamo_job = people
    services.make_offer(jobseeker=own, vacancy=sotkamo_job, kind="job_offer", by=kajaani_counsellor)
    own.job_search_ended_on = own.job_search_started_on
    own.job_search_end_reason = "employed"
    own.save()
    client.force_login(kajaani_counsellor)
    page = client.get(reverse("jobseekers:card", args=[own.pk])).content.decode()
    assert "Työnhaku on päättynyt: työpaikkoja ei ehdoteta." in page
    assert "Sairaanhoitaja Sotkamo, Kainuun Testi" in page and "Sairaanhoitaja Kajaani" not in page


def test_a_vacancy_id_over_a_thousand_is_posted_back_unformatted(client, people, kajaani_counsellor):
    # With the thousands separator on, a bare {{ pk }} would render "12 345", and the offer form refuse it.
    own = people[0]
    vacancy("205", title="Sairaanhoitaja Suuri", pk=12345)
    client.force_login(kajaani_counsellor)
    page = client.get(reverse("matching:jobseeker", args=[own.pk])).content.decode()
    assert 'name="vacancy" value="12345"' in page
