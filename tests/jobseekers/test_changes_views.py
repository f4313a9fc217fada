"""The pages that change job seekers: edit, end a job search, the card's history, and the supervisor's balancing."""

from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import PersonalDataAccess
from jobseekers import batch, changes, services
from jobseekers.models import CounsellorAssignment, JobseekerChange
from tests.jobseekers.factories import make_jobseeker

pytestmark = pytest.mark.django_db


@pytest.fixture
def counsellor(area, make_staff):
    return make_staff(team="kajaani-aikuiset")


@pytest.fixture
def person(counsellor):
    return make_jobseeker(with_counsellor=counsellor, first_name="Aino", last_name="Ahonen")


def _form(client, url):
    """The form's initial values as the browser would send them back."""
    form = client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if isinstance(value, list):
            data[name] = value
        elif isinstance(value, bool):
            if value:
                data[name] = "on"
        elif value is not None:
            data[name] = str(value)
    return data


def test_the_edit_form_saves_changes_and_the_card_shows_the_history(client, counsellor, person):
    client.force_login(counsellor)
    url = f"/asiakkaat/{person.pk}/muokkaa/"
    data = _form(client, url)
    data.update(phone="040 765 4321", status="in_services", status_effective_on=timezone.localdate().isoformat(),
                reason="Aloitti kuntouttavan työtoiminnan")  # fmt: skip
    response = client.post(url, data, follow=True)
    assert response.redirect_chain[-1][0] == f"/asiakkaat/{person.pk}/"
    body = response.content.decode()
    assert "Tallennettiin 3 muutosta." in body  # phone, status and the start of unemployment
    assert "Muutoshistoria" in body and "Aloitti kuntouttavan työtoiminnan" in body
    assert "palveluissa" in body and "040 765 4321" in body
    person.refresh_from_db()
    assert person.status == "in_services" and person.unemployed_since is None
    assert PersonalDataAccess.objects.filter(user=counsellor, view="jobseekers:edit").exists()


def test_the_edit_form_shows_errors_by_field_and_saves_nothing(client, counsellor, person):
    client.force_login(counsellor)
    url = f"/asiakkaat/{person.pk}/muokkaa/"
    data = _form(client, url)
    data.update(email="ei osoite", status="employed",
                status_effective_on=(timezone.localdate() + timedelta(days=3)).isoformat())  # fmt: skip
    response = client.post(url, data)
    assert response.status_code == 400
    assert response.context["form"].errors.keys() >= {"email", "status_effective_on"}
    assert not JobseekerChange.objects.exists()


def test_a_move_is_shown_to_the_user(client, counsellor, person, make_staff):
    kuhmo = make_staff(municipality_code="290", team="kuhmo")
    client.force_login(counsellor)
    url = f"/asiakkaat/{person.pk}/muokkaa/"
    data = _form(client, url)
    data["municipality"] = "290"
    response = client.post(url, data, follow=True)
    # The counsellor no longer serves the person: back to their own list, with the move explained.
    assert response.redirect_chain[-1][0] == "/asiakkaat/omat/"
    body = response.content.decode()
    assert "ohjaajaryhmään" in body and str(kuhmo) in body


def test_ending_a_job_search_from_the_card(client, counsellor, person):
    client.force_login(counsellor)
    card = client.get(f"/asiakkaat/{person.pk}/").content.decode()
    assert f"/asiakkaat/{person.pk}/paata-tyonhaku/" in card
    url = f"/asiakkaat/{person.pk}/paata-tyonhaku/"
    today = timezone.localdate()
    response = client.post(url, {"ended_on": today.isoformat(), "reason": "employed", "note": "Vakituinen työ"})
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.job_search_ended_on == today
    card = client.get(f"/asiakkaat/{person.pk}/").content.decode()
    assert "Työnhaku päättyi" in card and "työllistyi" in card
    assert f"/asiakkaat/{person.pk}/muokkaa/" not in card

    again = client.post(url, {"ended_on": today.isoformat(), "reason": "employed"})
    assert again.status_code == 400
    assert "jo päättynyt" in str(again.context["form"].errors["ended_on"])


def test_the_end_form_names_missing_fields(client, counsellor, person):
    client.force_login(counsellor)
    response = client.post(f"/asiakkaat/{person.pk}/paata-tyonhaku/", {})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"ended_on", "reason"}


def test_wrong_role_and_wrong_municipality_cannot_change(client, area, person, make_user, make_staff):
    decision_maker = make_user(role="decision_maker", municipality_code="205")
    client.force_login(decision_maker)
    assert client.get(f"/asiakkaat/{person.pk}/muokkaa/").status_code == 403
    assert client.post(f"/asiakkaat/{person.pk}/paata-tyonhaku/", {"reason": "employed"}).status_code == 403
    outsider = make_staff(municipality_code="290", team="kuhmo")
    client.force_login(outsider)
    today = timezone.localdate().isoformat()
    assert client.get(f"/asiakkaat/{person.pk}/muokkaa/").status_code == 404
    assert (
        client.post(f"/asiakkaat/{person.pk}/paata-tyonhaku/", {"ended_on": today, "reason": "employed"}).status_code
        == 404
    )
    person.refresh_from_db()
    assert person.job_search_ended_on is None
    assert PersonalDataAccess.objects.filter(user=outsider, outcome=PersonalDataAccess.Outcome.DENIED).exists()


# --- The supervisor's balancing ----------------------------------------------------------------------------------


@pytest.fixture
def kajaani(area, make_user, make_staff):
    supervisor = make_user(role="supervisor", municipality_code="205")
    busy = make_staff(team="kajaani-aikuiset", first_name="Kiire", last_name="Kallio")
    free = make_staff(team="kajaani-aikuiset", first_name="Vapaa", last_name="Virta")
    people = [make_jobseeker(with_counsellor=busy, last_name=f"Asiakas{i}") for i in range(3)]
    return supervisor, busy, free, people


def seen(people, counsellor) -> dict:
    """Each listed client's responsible counsellor as the balancing page shows it in its hidden field."""
    return {f"nahty-{person.pk}": str(counsellor.pk) if counsellor else "" for person in people}


def test_the_supervisor_moves_several_clients_at_once(client, kajaani):
    supervisor, busy, free, people = kajaani
    client.force_login(supervisor)
    page = client.get("/asiakkaat/asiakasmaarat/tasaus/", {"ohjaaja": str(busy.pk)})
    body = page.content.decode()
    assert page.status_code == 200 and "Asiakas0" in body and "Kiire Kallio" in body
    assert "3 asiakasta" in body  # the counsellor's current caseload beside their name
    assert PersonalDataAccess.objects.filter(user=supervisor, view="jobseekers:balance").count() == 3
    response = client.post(
        f"/asiakkaat/asiakasmaarat/tasaus/?ohjaaja={busy.pk}",
        {
            "jobseekers": [str(people[0].pk), str(people[1].pk)],
            **seen(people, busy),
            "counsellor": str(free.pk),
            "note": "Tasaus",
        },
        follow=True,
    )
    assert "2 asiakasta siirrettiin" in response.content.decode()
    for person in people:
        person.refresh_from_db()
    assert [p.responsible_counsellor for p in people] == [free, free, busy]
    assert CounsellorAssignment.objects.filter(counsellor=free, note="Tasaus", assigned_by=supervisor).count() == 2


def test_balancing_is_all_or_nothing_with_each_refusal_named(client, kajaani):
    supervisor, busy, free, people = kajaani
    client.force_login(supervisor)
    response = client.post(
        "/asiakkaat/asiakasmaarat/tasaus/",
        {"jobseekers": [str(p.pk) for p in people], **seen(people, busy), "counsellor": str(busy.pk), "note": "x"},
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "note" in errors and len(errors["jobseekers"]) == 3
    assert "Asiakas0" in str(errors["jobseekers"])
    assert not CounsellorAssignment.objects.filter(reason="manual").exists()


def test_balancing_is_for_supervisors_of_the_municipality(client, kajaani, make_user, make_staff):
    supervisor, busy, free, people = kajaani
    client.force_login(busy)
    assert client.get("/asiakkaat/asiakasmaarat/tasaus/").status_code == 403
    other = make_user(role="supervisor", municipality_code="290")
    client.force_login(other)
    page = client.get("/asiakkaat/asiakasmaarat/tasaus/")
    assert "Asiakas0" not in page.content.decode()
    response = client.post(
        "/asiakkaat/asiakasmaarat/tasaus/",
        {"jobseekers": [str(people[0].pk)], "counsellor": str(free.pk), "note": "Ei kuulu minulle"},
    )
    assert response.status_code == 400
    people[0].refresh_from_db()
    assert people[0].responsible_counsellor == busy


def test_batch_assignment_warns_only_of_the_supervisors_own_pools(client, area, make_user, make_staff):
    make_jobseeker(municipality="290")  # Kuhmo: a pool without counsellors
    make_jobseeker(municipality="205")  # Kajaani adults: no counsellors either
    supervisor = make_user(role="supervisor", municipality_code="205")
    report = batch.assign_unassigned(scope=Q_of(supervisor))
    assert report.messages and all("Kuhmo" not in message for message in report.messages)
    assert any("Kajaani" in message for message in report.messages)
    client.force_login(supervisor)
    response = client.post("/asiakkaat/asiakasmaarat/jako/", follow=True)
    assert "Kuhmo" not in " ".join(str(m) for m in response.context["messages"])


def Q_of(user):
    from accounts import permissions

    return permissions.assignment_scope(user)


def test_the_balancing_page_carries_each_clients_counsellor_as_shown(client, kajaani):
    supervisor, busy, free, people = kajaani
    client.force_login(supervisor)
    body = client.get("/asiakkaat/asiakasmaarat/tasaus/").content.decode()
    assert f'name="nahty-{people[0].pk}" value="{busy.pk}"' in body


def test_a_client_moved_by_someone_else_meanwhile_is_a_named_conflict_and_nobody_moves(client, kajaani, make_user):
    supervisor, busy, free, people = kajaani
    other = make_user(role="supervisor", municipality_code="205", username="toinen-esihenkilo")
    services.reassign(jobseeker=people[1], counsellor=free, note="Toisen siirto", by=other)
    client.force_login(supervisor)
    # The page was opened before that move: it showed `busy` for everyone, filtered by `busy`.
    response = client.post(
        f"/asiakkaat/asiakasmaarat/tasaus/?ohjaaja={busy.pk}",
        {"jobseekers": [str(p.pk) for p in people], **seen(people, busy), "counsellor": str(free.pk), "note": "Tasaus"},
    )
    assert response.status_code == 400
    [error] = response.context["form"].errors["jobseekers"]
    assert "Asiakas1" in error and "Toinen käyttäjä vaihtoi" in error
    assert list(CounsellorAssignment.objects.filter(note="Tasaus").values_list("pk", flat=True)) == []
    for person in people:
        person.refresh_from_db()
    assert [p.responsible_counsellor for p in people] == [busy, free, busy]


def test_a_balancing_post_without_the_shown_counsellors_is_refused(client, kajaani):
    supervisor, busy, free, people = kajaani
    client.force_login(supervisor)
    response = client.post(
        "/asiakkaat/asiakasmaarat/tasaus/",
        {"jobseekers": [str(people[0].pk)], "counsellor": str(free.pk), "note": "Tasaus"},
    )
    assert response.status_code == 400 and "vanhentunut" in str(response.context["form"].errors["jobseekers"])
    assert not CounsellorAssignment.objects.filter(note="Tasaus").exists()


def test_a_stale_end_form_is_a_conflict(client, counsellor, person):
    client.force_login(counsellor)
    url = f"/asiakkaat/{person.pk}/paata-tyonhaku/"
    data = _form(client, url) | {"reason": "employed"}
    changes.update_jobseeker(person, {"phone": "040 9"}, by=counsellor)
    response = client.post(url, data)
    assert response.status_code == 409
    assert "Toinen käyttäjä muutti" in str(response.context["form"].non_field_errors())
    person.refresh_from_db()
    assert person.job_search_ended_on is None
    assert client.post(url, _form(client, url) | {"reason": "employed"}).status_code == 302


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_an_administrator_balances_the_responsible_municipality_unless_another_is_chosen(
    client, area, make_user, language
):
    client.force_login(make_user(role="administrator"))
    page = client.get("/asiakkaat/asiakasmaarat/tasaus/", HTTP_ACCEPT_LANGUAGE=language)
    assert page.status_code == 200 and page.context["municipality"] == "205"  # Kajaani, whatever comes first by name
    chosen = client.get("/asiakkaat/asiakasmaarat/tasaus/?kunta=290", HTTP_ACCEPT_LANGUAGE=language)
    assert chosen.context["municipality"] == "290"
    unknown = client.get("/asiakkaat/asiakasmaarat/tasaus/?kunta=999", HTTP_ACCEPT_LANGUAGE=language)
    assert unknown.context["municipality"] == "205"
