"""Integration work: a foreign-language customer's integration plan and language training (only for foreign-language
customers, within scope, read-logged), the card's section, International Info's contacts as anonymous counts or for a
person, the report's figures per municipality, and the API."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from audit.models import PersonalDataAccess
from cooperation.models import InfoContact, IntegrationPlan, LanguageTraining
from cooperation.selectors import integration as selectors
from cooperation.selectors import report
from cooperation.services import integration as services
from tests.cooperation.factories import area, make_plan, make_training
from tests.jobseekers.factories import TODAY, make_jobseeker

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(settings):
    settings.SERVICE_MODEL_TODAY = "2025-06-02"


@pytest.fixture
def foreign_counsellor(area, make_staff):
    return make_staff("counsellor", "205", team="kajaani-vieraskieliset")


@pytest.fixture
def newcomer(foreign_counsellor):
    """A Russian-speaking Kajaani job seeker of the foreign-language team's counsellor."""
    return make_jobseeker(foreign_language=True, with_counsellor=foreign_counsellor, last_name="Kotoutuja")


def office():
    return selectors.info_offices(area().pk).get()


def test_international_info_is_the_datas_kaupungintalo(area):
    assert office().key == "kajaani-kaupungintalo"


def test_a_plan_and_its_training_are_recorded_and_corrected(foreign_counsellor, newcomer):
    plan = make_plan(foreign_counsellor, newcomer)
    training = make_training(foreign_counsellor, newcomer, plan=plan, outcome="started")
    assert (plan.municipality, training.plan) == (newcomer.municipality, plan)
    services.update_plan(
        plan,
        drawn_up_on=plan.drawn_up_on,
        drawn_up_by=plan.drawn_up_by,
        valid_until=plan.valid_until,
        reviewed_on=TODAY + timedelta(days=90),
        summary="Tarkistettu: ammatillinen koulutus syksyllä.",
        status="in_force",
        by=foreign_counsellor,
    )
    plan.refresh_from_db()
    assert plan.reviewed_on == date(2025, 8, 31) and plan.summary.startswith("Tarkistettu")
    row = next(r for r in report.rows(area()) if r.code == "205")
    assert (row.figures["integration_plans"], row.figures["language_trainings"], row.figures["language_going"]) == (
        1,
        1,
        1,
    )


def test_bad_plan_input_names_each_field_and_writes_nothing(foreign_counsellor, newcomer):
    with pytest.raises(ValidationError) as refused:
        services.record_plan(
            newcomer,
            drawn_up_on=TODAY,
            drawn_up_by="",
            valid_until=TODAY - timedelta(days=1),
            reviewed_on=TODAY - timedelta(days=2),
            summary=" ",
            status="maybe",
            by=foreign_counsellor,
        )
    assert set(refused.value.message_dict) == {"drawn_up_by", "valid_until", "reviewed_on", "summary", "status"}
    assert not IntegrationPlan.objects.exists()


def test_bad_training_input_names_each_field(foreign_counsellor, newcomer):
    other = make_jobseeker(foreign_language=True, with_counsellor=foreign_counsellor)
    others_plan = make_plan(foreign_counsellor, other)
    with pytest.raises(ValidationError) as refused:
        services.record_training(
            newcomer,
            plan=others_plan.pk,
            provider="",
            course="",
            level="",
            starts_on=TODAY,
            ends_on=TODAY - timedelta(days=1),
            outcome="x",
            by=foreign_counsellor,
        )
    assert set(refused.value.message_dict) == {"plan", "provider", "course", "ends_on", "outcome"}
    assert not LanguageTraining.objects.exists()


def test_only_foreign_language_customers_have_integration_records(staff, client_of):
    with pytest.raises(ValidationError) as refused:
        make_plan(staff["counsellor"], client_of)
    assert "vieraskielisille" in str(refused.value.message_dict["__all__"])


def test_a_counsellor_outside_the_persons_scope_cannot_record(staff, newcomer):
    with pytest.raises(ValidationError) as refused:
        make_plan(staff["counsellor"], newcomer)
    assert "__all__" in refused.value.message_dict


def test_the_card_shows_the_section_only_for_foreign_language_customers(client, staff, newcomer, client_of):
    make_plan(staff["supervisor"], newcomer)
    client.force_login(staff["supervisor"])
    card = client.get(reverse("jobseekers:card", args=[newcomer.pk])).content.decode()
    assert 'id="integration-heading"' in card and reverse("cooperation:integration_person", args=[newcomer.pk]) in card
    domestic = client.get(reverse("jobseekers:card", args=[client_of.pk])).content.decode()
    assert 'id="integration-heading"' not in domestic


def test_the_person_page_records_a_plan_and_a_training(client, foreign_counsellor, newcomer):
    client.force_login(foreign_counsellor)
    page = reverse("cooperation:integration_person", args=[newcomer.pk])
    assert "Ei kotoutumissuunnitelmaa." in client.get(page).content.decode()
    assert PersonalDataAccess.objects.filter(user=foreign_counsellor, subject_id=str(newcomer.pk)).exists()
    refused = client.post(reverse("cooperation:integration_plan_create", args=[newcomer.pk]), {"status": "in_force"})
    assert refused.status_code == 400 and "id_summary-error" in refused.content.decode()
    done = client.post(
        reverse("cooperation:integration_plan_create", args=[newcomer.pk]),
        {
            "drawn_up_on": "2025-06-02",
            "drawn_up_by": "Vieraskielisten tiimi",
            "summary": "Kielikoulutus ja työkokeilu.",
            "status": "in_force",
        },
    )
    assert done.status_code == 302
    plan = IntegrationPlan.objects.get()
    client.post(
        reverse("cooperation:language_training_create", args=[newcomer.pk]),
        {
            "plan": plan.pk,
            "provider": "KAO",
            "course": "Suomea hoiva-alalle",
            "level": "A2.2",
            "starts_on": "2025-06-09",
            "outcome": "referred",
        },
    )
    training = LanguageTraining.objects.get()
    edit = reverse("cooperation:language_training", args=[training.pk])
    assert (
        client.post(
            edit, {"provider": "KAO", "course": "Suomea hoiva-alalle", "starts_on": "2025-06-09", "outcome": "started"}
        ).status_code
        == 302
    )
    training.refresh_from_db()
    assert training.outcome == "started" and training.plan is None
    listing = client.get(reverse("cooperation:integration")).content.decode()
    assert "Kotoutuja" in listing


def test_another_municipality_gets_404_and_a_domestic_person_has_no_page(
    client, newcomer, client_of, staff, make_staff
):
    outsider = make_staff("supervisor", "305")
    client.force_login(outsider)
    assert client.get(reverse("cooperation:integration_person", args=[newcomer.pk])).status_code == 404
    assert PersonalDataAccess.objects.filter(
        user=outsider, subject_id=str(newcomer.pk), outcome=PersonalDataAccess.Outcome.DENIED
    ).exists()
    plan = make_plan(staff["supervisor"], newcomer)
    assert client.get(reverse("cooperation:integration_plan", args=[plan.pk])).status_code == 404
    client.force_login(staff["supervisor"])
    assert client.get(reverse("cooperation:integration_person", args=[client_of.pk])).status_code == 404
    client.force_login(staff["manager"])
    assert client.get(reverse("cooperation:integration_person", args=[newcomer.pk])).status_code == 403
    assert "Ei kotoutumissuunnitelmia asiakkaillasi." in client.get(reverse("cooperation:integration")).content.decode()


def test_info_contacts_as_counts_and_for_a_person(foreign_counsellor, newcomer, staff):
    services.record_contact(
        area=area(),
        office=office().pk,
        contacted_on=TODAY,
        municipality="765",
        language="UK",
        topic="work",
        contacts=4,
        by=foreign_counsellor,
    )
    named = services.record_contact(
        area=area(),
        office=office().pk,
        contacted_on=TODAY,
        municipality="",
        language="",
        topic="language",
        contacts=1,
        jobseeker=newcomer.pk,
        by=foreign_counsellor,
    )
    assert (named.municipality, named.language) == (newcomer.municipality, "ru")
    figures = selectors.figures(area())
    assert figures[newcomer.municipality_id]["info_contacts"] == 1
    assert sum(f.get("info_contacts", 0) for f in figures.values()) == 5
    with pytest.raises(ValidationError) as refused:
        services.record_contact(
            area=area(),
            office=0,
            contacted_on=None,
            municipality="999",
            language="fi",
            topic="?",
            contacts=0,
            by=foreign_counsellor,
        )
    assert set(refused.value.message_dict) == {
        "office",
        "contacted_on",
        "municipality",
        "language",
        "topic",
        "contacts",
    }
    with pytest.raises(ValidationError) as refused:
        services.record_contact(
            area=area(),
            office=office().pk,
            contacted_on=TODAY,
            municipality="",
            language="",
            topic="work",
            contacts=2,
            jobseeker=newcomer.pk,
            by=staff["counsellor"],
        )
    assert "jobseeker" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.record_contact(
            area=area(),
            office=office().pk,
            contacted_on=TODAY,
            municipality="",
            language="",
            topic="work",
            contacts=2,
            jobseeker=newcomer.pk,
            by=foreign_counsellor,
        )
    assert set(refused.value.message_dict) == {"contacts"}
    assert InfoContact.objects.count() == 2


def test_the_info_page_records_and_corrects_a_count(client, staff):
    client.force_login(staff["counsellor"])
    url = reverse("cooperation:international_info")
    assert "Ei yhteydenottoja." in client.get(url).content.decode()
    assert client.post(url, {"office": office().pk, "contacted_on": "2025-06-02"}).status_code == 400
    data = {
        "office": office().pk,
        "contacted_on": "2025-06-02",
        "municipality": "205",
        "language": "ar",
        "topic": "settling",
        "contacts": "3",
    }
    assert client.post(url, data).status_code == 302
    contact = InfoContact.objects.get()
    edit = reverse("cooperation:info_contact", args=[contact.pk])
    assert client.post(edit, {**data, "contacts": "5"}).status_code == 302
    assert "5 yhteydenottoa kirjattu." in client.get(url).content.decode()
    export = client.get(reverse("cooperation:export", args=["international-info"]) + "?format=csv")
    assert "arabia" in export.content.decode() or ",ar," in export.content.decode()
    client.force_login(staff["manager"])
    assert client.post(url, data).status_code == 403
    assert client.get(edit).status_code == 403


def test_the_api_reads_and_adds_for_a_foreign_language_person(foreign_counsellor, newcomer, client_of):
    client = APIClient()
    client.force_authenticate(foreign_counsellor)
    url = f"/api/v1/cooperation/integration/{newcomer.pk}/"
    assert client.get(url).json()["plans"] == []
    refused = client.post(
        f"{url}plans/",
        {"drawn_up_on": "2025-06-02", "drawn_up_by": "Tiimi", "summary": "x", "valid_until": "2025-01-01"},
        format="json",
    )
    assert refused.status_code == 400 and "valid_until" in refused.json()
    made = client.post(
        f"{url}trainings/", {"provider": "OSAO", "course": "Suomi 2", "starts_on": "2025-06-09"}, format="json"
    )
    assert made.status_code == 201 and made.json()["trainings"][0]["outcome"] == "referred"
    contact = client.post(
        "/api/v1/cooperation/international-info/",
        {"office": office().pk, "contacted_on": "2025-06-02", "municipality": "205", "language": "so", "topic": "work"},
        format="json",
    )
    assert contact.status_code == 201 and contact.json()["named"] is False
    assert client.get(f"/api/v1/cooperation/integration/{client_of.pk}/").status_code == 404
    rows = client.get("/api/v1/cooperation/report/").json()
    row = next(r for r in rows if r["code"] == "205")
    assert row["figures"]["language_trainings"] == 1 and row["figures"]["info_contacts"] == 1


def test_the_lists_sort_by_their_column_headers(client, foreign_counsellor, newcomer):
    other = make_jobseeker(foreign_language=True, with_counsellor=foreign_counsellor, last_name="Aaltonen")
    make_plan(foreign_counsellor, newcomer)
    make_plan(foreign_counsellor, other)
    client.force_login(foreign_counsellor)
    url = reverse("cooperation:integration")
    by_name = client.get(url + "?sort=name").content.decode()
    assert by_name.index("Aaltonen") < by_name.index("Kotoutuja") and 'aria-sort="ascending"' in by_name
    reversed_names = client.get(url + "?sort=-name").content.decode()
    assert reversed_names.index("Kotoutuja") < reversed_names.index("Aaltonen")
    for count in (3, 7):
        services.record_contact(
            area=area(),
            office=office().pk,
            contacted_on=TODAY,
            municipality="765" if count == 3 else "205",
            language="uk",
            topic="work",
            contacts=count,
            by=foreign_counsellor,
        )
    info = reverse("cooperation:international_info")
    most = client.get(info + "?sort=-contacts").content.decode()
    assert most.index(">7<") < most.index(">3<") and 'href="?sort=contacts"' in most
    fewest = client.get(info + "?sort=contacts").content.decode()
    assert fewest.index(">3<") < fewest.index(">7<")


def test_a_plan_past_its_end_date_is_not_counted_in_force(foreign_counsellor, newcomer):
    make_plan(foreign_counsellor, newcomer, drawn_up_on=TODAY - timedelta(days=400), valid_until=TODAY - timedelta(1))
    make_plan(foreign_counsellor, newcomer, drawn_up_on=TODAY - timedelta(days=30), valid_until=None)
    make_plan(foreign_counsellor, newcomer, drawn_up_on=TODAY - timedelta(days=10), valid_until=TODAY)
    row = next(r for r in report.rows(area()) if r.code == "205")
    assert row.figures["integration_plans"] == 2
