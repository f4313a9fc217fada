"""Recruitment fairs and events: an event with its employers and the vacancies they presented, participant counts and
outcomes (hires never over participants), job seekers linked only by a user who reads them and shown only to such
users (logged), the pages, the export, the report and the API."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from audit.models import PersonalDataAccess
from cooperation.models import EventParticipant, RecruitmentEvent
from cooperation.selectors import report
from cooperation.services import events as services
from tests.cooperation.factories import area, make_event, make_vacancy
from tests.cooperation.locking import first_statement, takes_the_write_lock
from tests.employers.factories import EmployerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(settings):
    settings.SERVICE_MODEL_TODAY = "2025-06-02"


def test_an_event_with_employers_vacancies_and_outcomes(staff):
    vacancy = make_vacancy()
    event = make_event(staff["employer_services"], employers=[vacancy.employer], vacancies=[vacancy], hires=3)
    assert list(event.employers.all()) == [vacancy.employer] and list(event.vacancies.all()) == [vacancy]
    row = next(r for r in report.rows(area()) if r.code == "205")
    assert (row.figures["events"], row.figures["event_participants"], row.figures["event_hires"]) == (1, 40, 3)


def test_bad_input_names_each_field_and_writes_nothing(staff):
    other = make_vacancy()
    with pytest.raises(ValidationError) as refused:
        services.create_event(
            area=area(),
            name="",
            kind="party",
            held_on=None,
            place="",
            municipality="999",
            organiser="",
            employers=[],
            vacancies=[other.pk],
            participants=-1,
            job_offers="x",
            hires=0,
            notes="",
            by=staff["employer_services"],
        )
    assert set(refused.value.message_dict) == {
        "name",
        "kind",
        "held_on",
        "place",
        "municipality",
        "organiser",
        "employers",
        "vacancies",
        "participants",
        "job_offers",
    }
    with pytest.raises(ValidationError) as refused:
        make_event(staff["employer_services"], participants=2, hires=3)
    assert set(refused.value.message_dict) == {"hires"}
    assert not RecruitmentEvent.objects.exists()


def test_the_management_cannot_record_an_event(staff):
    with pytest.raises(ValidationError) as refused:
        make_event(staff["manager"])
    assert "__all__" in refused.value.message_dict


def test_participants_are_linked_within_scope_and_shown_only_to_readers(client, staff, client_of, make_staff):
    event = make_event(staff["employer_services"], participants=0, hires=0)
    with pytest.raises(ValidationError) as refused:
        services.add_participant(event, jobseeker=client_of.pk, by=make_staff("counsellor", "305"))
    assert set(refused.value.message_dict) == {"jobseeker"}
    services.add_participant(event, jobseeker=client_of.pk, by=staff["counsellor"])
    event.refresh_from_db()
    assert event.participants == 1
    with pytest.raises(ValidationError):
        services.add_participant(event, jobseeker=client_of.pk, by=staff["counsellor"])
    with pytest.raises(ValidationError) as refused:
        services.update_event(
            event,
            name=event.name,
            kind=event.kind,
            held_on=event.held_on,
            place=event.place,
            municipality="205",
            organiser=event.organiser,
            employers=list(event.employers.values_list("pk", flat=True)),
            vacancies=[],
            participants=0,
            job_offers=0,
            hires=0,
            notes="",
            by=staff["employer_services"],
        )
    assert set(refused.value.message_dict) == {"participants"}
    url = reverse("cooperation:event", args=[event.pk])
    client.force_login(staff["counsellor"])
    card = reverse("jobseekers:card", args=[client_of.pk])
    assert card in client.get(url).content.decode()
    assert PersonalDataAccess.objects.filter(user=staff["counsellor"], subject_id=str(client_of.pk)).exists()
    outsider = make_staff("counsellor", "305")
    client.force_login(outsider)
    page = client.get(url).content.decode()
    assert card not in page and "1 muu työnhakija" in page


def test_the_pages_record_edit_and_export_an_event(client, staff):
    vacancy = make_vacancy(title="Lähihoitaja")
    client.force_login(staff["employer_services"])
    create = reverse("cooperation:event_create")
    refused = client.post(create, {"name": "Messut", "kind": "fair"})
    assert refused.status_code == 400 and "id_employers-error" in refused.content.decode()
    data = {
        "name": "Kainuun rekrytointimessut",
        "kind": "fair",
        "held_on": "2025-06-02",
        "place": "Kaupungintalo",
        "municipality": "205",
        "organiser": "Työnantajapalvelut",
        "employers": [str(vacancy.employer.pk)],
        "vacancies": [str(vacancy.pk)],
        "participants": "120",
        "job_offers": "8",
        "hires": "2",
    }
    done = client.post(create, data)
    event = RecruitmentEvent.objects.get()
    assert done.status_code == 302 and done["Location"] == reverse("cooperation:event", args=[event.pk])
    page = client.get(done["Location"]).content.decode()
    assert "Lähihoitaja" in page and vacancy.employer.name in page
    assert client.post(done["Location"], {**data, "hires": "4"}).status_code == 302
    event.refresh_from_db()
    assert event.hires == 4
    listing = client.get(reverse("cooperation:events")).content.decode()
    assert "Kainuun rekrytointimessut" in listing
    export = client.get(reverse("cooperation:export", args=["rekrytointitapahtumat"]) + "?format=csv").content
    assert "Kainuun rekrytointimessut" in export.decode()
    client.force_login(staff["manager"])
    assert client.get(create).status_code == 403
    assert client.post(done["Location"], data).status_code == 403
    assert client.get(reverse("cooperation:event", args=[event.pk])).status_code == 200


def test_the_participant_form_links_a_person(client, staff, client_of):
    event = make_event(staff["employer_services"], participants=0, hires=0)
    client.force_login(staff["counsellor"])
    url = reverse("cooperation:event_participant_add", args=[event.pk])
    assert client.post(url, {"jobseeker": "999999"}).status_code == 400
    assert client.post(url, {"jobseeker": str(client_of.pk)}).status_code == 302
    assert EventParticipant.objects.filter(event=event, jobseeker=client_of).exists()
    client.force_login(staff["employer_services"])
    assert client.post(url, {"jobseeker": str(client_of.pk)}).status_code == 403


def test_the_event_page_empty_states(client, staff):
    client.force_login(staff["manager"])
    assert "Ei tapahtumia." in client.get(reverse("cooperation:events")).content.decode()
    assert client.get(reverse("cooperation:event", args=[12345])).status_code == 404


def test_the_api_lists_reads_and_records_events(staff):
    client = APIClient()
    client.force_authenticate(staff["employer_services"])
    employer = EmployerFactory()
    refused = client.post(
        "/api/v1/cooperation/events/",
        {
            "name": "Messut",
            "kind": "fair",
            "held_on": "2025-06-02",
            "place": "Kajaani",
            "municipality": "205",
            "organiser": "TP",
            "employers": [],
            "participants": 1,
            "hires": 2,
        },
        format="json",
    )
    assert refused.status_code == 400 and {"employers", "hires"} <= set(refused.json())
    made = client.post(
        "/api/v1/cooperation/events/",
        {
            "name": "Messut",
            "kind": "fair",
            "held_on": "2025-06-02",
            "place": "Kajaani",
            "municipality": "205",
            "organiser": "TP",
            "employers": [employer.pk],
            "participants": 30,
            "hires": 2,
        },
        format="json",
    )
    assert made.status_code == 201 and made.json()["employers"] == [employer.pk]
    assert client.get(f"/api/v1/cooperation/events/{made.json()['id']}/").json()["participants"] == 30
    assert client.get("/api/v1/cooperation/events/").json()["count"] == 1
    manager = APIClient()
    manager.force_authenticate(staff["manager"])
    assert manager.post("/api/v1/cooperation/events/", {}, format="json").status_code == 403


def test_an_employer_id_beyond_the_databases_integers_is_refused_on_its_field(staff):
    """Found by the API fuzz: an id over 64 bits reached the database and ended in a 500."""
    client = APIClient()
    client.force_authenticate(staff["employer_services"])
    answer = client.post(
        "/api/v1/cooperation/events/",
        {
            "name": "Messut",
            "kind": "fair",
            "held_on": "2025-06-02",
            "place": "Kajaani",
            "municipality": "205",
            "organiser": "TP",
            "employers": [394583954113751881702617120768],
            "vacancies": [2**63],
        },
        format="json",
    )
    assert answer.status_code == 400 and {"employers", "vacancies"} <= set(answer.json())


def test_linking_a_participant_takes_the_write_lock_before_it_reads(staff, client_of):
    event = make_event(staff["employer_services"], participants=0, hires=0)
    first = first_statement(lambda: services.add_participant(event, jobseeker=client_of.pk, by=staff["counsellor"]))
    assert takes_the_write_lock(first), first


def test_the_list_sorts_by_its_column_headers(client, staff):
    make_event(staff["employer_services"], name="Aamun messut", participants=10, hires=1)
    make_event(staff["employer_services"], name="Baarin ilta", participants=90, hires=4)
    make_event(staff["employer_services"], name="Cafén tapahtuma", participants=50, hires=2)
    client.force_login(staff["manager"])
    url = reverse("cooperation:events")

    def order(query):
        page = client.get(url + query).content.decode()
        return tuple(sorted(("Aamun", "Baarin", "Cafén"), key=page.index)), page

    assert order("?sort=name")[0] == ("Aamun", "Baarin", "Cafén")
    names, page = order("?sort=-name")
    assert names == ("Cafén", "Baarin", "Aamun")
    assert 'aria-sort="descending"' in page and 'href="?sort=hires"' in page
    assert order("?sort=hires")[0] == ("Aamun", "Cafén", "Baarin")
    assert order("?sort=-participants")[0] == ("Baarin", "Cafén", "Aamun")
    assert client.get(url + "?sort=pk;drop").status_code == 200
