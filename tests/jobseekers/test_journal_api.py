"""API of the client journal: GET/POST /api/v1/jobseekers/{id}/journal/ and POST …/journal/{entry_id}/correct/."""

# The shared fixtures are imported by name, and pytest passes them back as arguments of the same name.
# ruff: noqa: F401, F811

from datetime import timedelta

import pytest
from django.utils import timezone

from audit.models import PersonalDataAccess
from jobseekers.models import JournalEntry
from tests.jobseekers.journal_fixtures import meeting_of, other_person, person, staff, write

pytestmark = pytest.mark.django_db


def url(jobseeker, entry=None):
    base = f"/api/v1/jobseekers/{jobseeker.pk}/journal/"
    return f"{base}{entry.pk}/correct/" if entry else base


def post(client, address, data):
    return client.post(address, data, content_type="application/json")


def test_create_list_and_correct(client, person, staff):
    client.force_login(staff["counsellor"])
    meeting = meeting_of(person, staff["counsellor"])
    created = post(client, url(person), {"kind": "phone_call", "text": "Soitto.", "meeting": meeting.pk})
    assert created.status_code == 201
    body = created.json()
    assert (body["kind"], body["text"], body["meeting"], body["entry_date"]) == (
        "phone_call",
        "Soitto.",
        meeting.pk,
        timezone.localdate().isoformat(),
    )
    entry = JournalEntry.objects.get(pk=body["id"])
    corrected = post(client, url(person, entry), {"text": "Soitto, korjattu."})
    assert corrected.status_code == 201
    assert (corrected.json()["corrects"], corrected.json()["kind"], corrected.json()["meeting"]) == (
        entry.pk,
        "phone_call",
        meeting.pk,
    )
    listed = client.get(url(person)).json()
    assert listed["count"] == 2
    by_id = {row["id"]: row for row in listed["results"]}
    assert by_id[entry.pk]["text"] == "Soitto, korjattu." and by_id[entry.pk]["corrected"] is True
    assert by_id[entry.pk]["current"] == corrected.json()["id"]
    assert PersonalDataAccess.objects.filter(
        user=staff["counsellor"], subject_id=str(person.pk), view="api:jobseeker-journal-list"
    ).exists()


def test_correcting_twice_names_the_field(client, person, staff):
    entry = write(person, staff["counsellor"])
    client.force_login(staff["counsellor"])
    assert post(client, url(person, entry), {"text": "Yksi."}).status_code == 201
    again = post(client, url(person, entry), {"text": "Kaksi."})
    assert again.status_code == 400 and set(again.json()) == {"corrects"}


def test_a_null_meeting_removes_the_link_on_correction(client, person, staff):
    entry = write(person, staff["counsellor"], meeting_id=meeting_of(person, staff["counsellor"]).pk)
    client.force_login(staff["counsellor"])
    assert post(client, url(person, entry), {"text": "Ilman tapaamista.", "meeting": None}).json()["meeting"] is None


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"text": "x"}, "kind"),
        ({"kind": "fax", "text": "x"}, "kind"),
        ({"kind": "note"}, "text"),
        ({"kind": "note", "text": "x", "entry_date": "30.11.2026"}, "entry_date"),
        ({"kind": "note", "text": "x", "entry_date": "2100-01-01"}, "entry_date"),
        ({"kind": "note", "text": "x", "meeting": 999_999}, "meeting"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(client, person, staff, data, field):
    client.force_login(staff["counsellor"])
    response = post(client, url(person), data)
    assert response.status_code == 400 and field in response.json()
    assert not JournalEntry.objects.exists()


def test_a_meeting_of_another_person_is_refused(client, person, other_person, staff):
    client.force_login(staff["counsellor"])
    theirs = meeting_of(other_person, staff["counsellor"])
    response = post(client, url(person), {"kind": "note", "text": "x", "meeting": theirs.pk})
    assert response.status_code == 400 and set(response.json()) == {"meeting"}


def test_filters_and_bad_query_parameters(client, person, staff):
    today = timezone.localdate()
    write(person, staff["counsellor"], kind="email", text="Sähköposti.", entry_date=today - timedelta(days=5))
    write(person, staff["counsellor"], kind="note", text="Muistiinpano.")
    client.force_login(staff["counsellor"])
    assert [r["text"] for r in client.get(url(person), {"kind": "email"}).json()["results"]] == ["Sähköposti."]
    assert [r["text"] for r in client.get(url(person), {"text": "muistii"}).json()["results"]] == ["Muistiinpano."]
    assert client.get(url(person), {"until": (today - timedelta(days=1)).isoformat()}).json()["count"] == 1
    assert [r["text"] for r in client.get(url(person), {"limit": 1}).json()["results"]] == ["Muistiinpano."]
    for query, field in [
        ({"nimi": "x"}, "nimi"),
        ({"kind": "fax"}, "kind"),
        ({"since": "eilen"}, "since"),
        ({"since": today.isoformat(), "until": (today - timedelta(days=1)).isoformat()}, "until"),
        ({"limit": "abc"}, "limit"),
    ]:
        response = client.get(url(person), query)
        assert response.status_code == 400 and field in response.json(), query


def test_an_entry_of_another_person_is_not_found(client, person, other_person, staff):
    theirs = write(other_person, staff["counsellor"])
    client.force_login(staff["counsellor"])
    assert post(client, url(person, theirs), {"text": "x"}).status_code == 404


@pytest.mark.parametrize("name", ["outsider", "other_supervisor"])
def test_out_of_scope_gets_404_and_writes_nothing(client, person, staff, name):
    entry = write(person, staff["counsellor"])
    client.force_login(staff[name])
    assert client.get(url(person)).status_code == 404
    assert post(client, url(person), {"kind": "note", "text": "x"}).status_code == 404
    assert post(client, url(person, entry), {"text": "x"}).status_code == 404
    assert JournalEntry.objects.count() == 1
    assert (
        PersonalDataAccess.objects.filter(
            user=staff[name], subject_id=str(person.pk), outcome=PersonalDataAccess.Outcome.DENIED
        ).count()
        == 3
    )


def test_an_aggregate_only_role_is_refused(client, person, staff):
    client.force_login(staff["area_manager"])
    assert client.get(url(person)).status_code == 403
    assert post(client, url(person), {"kind": "note", "text": "x"}).status_code == 403
    assert not JournalEntry.objects.exists()


def test_a_decision_maker_reads_but_may_not_write(client, person, staff):
    entry = write(person, staff["counsellor"])
    client.force_login(staff["decider"])
    assert client.get(url(person)).status_code == 200
    assert post(client, url(person), {"kind": "note", "text": "x"}).status_code == 403
    assert post(client, url(person, entry), {"text": "x"}).status_code == 403
    assert JournalEntry.objects.count() == 1
