"""The client journal's pages: on the card, the whole journal with its search, correcting, the export; who may do
what, and the access-log row each read leaves."""

# The shared fixtures are imported by name, and pytest passes them back as arguments of the same name.
# ruff: noqa: F401, F811

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from audit.models import PersonalDataAccess
from jobseekers import journal
from jobseekers.models import JournalEntry
from tests.jobseekers.journal_fixtures import meeting_of, other_person, person, staff, write

pytestmark = pytest.mark.django_db


def journal_url(jobseeker):
    return reverse("jobseekers:journal", kwargs={"pk": jobseeker.pk})


def test_the_card_shows_the_latest_entries_and_adds_one(client, person, staff):
    write(person, staff["counsellor"], text="Vanha merkintä.")
    client.force_login(staff["counsellor"])
    card = client.get(reverse("jobseekers:card", kwargs={"pk": person.pk})).content.decode()
    assert "Vanha merkintä." in card and journal_url(person) in card and 'name="palaa" value="kortti"' in card
    response = client.post(
        journal_url(person),
        {
            "kind": "phone_call",
            "entry_date": timezone.localdate().isoformat(),
            "text": "Soitin asiakkaalle.",
            "palaa": "kortti",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("jobseekers:card", kwargs={"pk": person.pk}) + "#asiakaskertomus"
    entry = JournalEntry.objects.get(text="Soitin asiakkaalle.")
    assert (entry.kind, entry.author) == ("phone_call", staff["counsellor"])
    assert "Soitin asiakkaalle." in client.get(response["Location"]).content.decode()


def test_a_future_date_is_refused_on_the_page_naming_the_field(client, person, staff):
    client.force_login(staff["counsellor"])
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = client.post(journal_url(person), {"kind": "note", "entry_date": tomorrow.isoformat(), "text": "x"})
    assert response.status_code == 400
    assert "Päivä on tulevaisuudessa" in response.content.decode()
    assert not JournalEntry.objects.exists()


def test_the_page_lists_searches_and_paginates_newest_first(client, person, staff):
    today = timezone.localdate()
    for day in range(25):
        write(person, staff["counsellor"], text=f"Merkintä numero {day}.", entry_date=today - timedelta(days=day))
    client.force_login(staff["counsellor"])
    first = client.get(journal_url(person)).content.decode()
    assert "25 merkintää" in first
    assert first.index("Merkintä numero 0.") < first.index("Merkintä numero 1.")
    assert "Merkintä numero 24." not in first and "sivu=2" in first
    found = client.get(journal_url(person), {"text": "numero 24"}).content.decode()
    assert "1 merkintä" in found and "Merkintä numero 24." in found
    bad = client.get(
        journal_url(person), {"since": today.isoformat(), "until": (today - timedelta(days=1)).isoformat()}
    )
    assert bad.status_code == 400 and "Päättymispäivä on ennen alkamispäivää" in bad.content.decode()


def test_correcting_on_the_page(client, person, staff):
    original = write(person, staff["counsellor"], text="Väärä tieto.")
    client.force_login(staff["counsellor"])
    url = reverse("jobseekers:journal_correct", kwargs={"pk": person.pk, "entry_pk": original.pk})
    form = client.get(url).content.decode()
    assert "Väärä tieto." in form
    response = client.post(
        url,
        {"kind": "phone_call", "entry_date": original.entry_date.isoformat(), "text": "Oikea tieto.", "meeting": ""},
    )
    assert response.status_code == 302
    page = client.get(journal_url(person)).content.decode()
    assert "Väärä tieto." not in page and page.count("Oikea tieto.") == 2 and "korjattu" in page
    again = client.post(url, {"kind": "note", "entry_date": original.entry_date.isoformat(), "text": "Kolmas."})
    assert again.status_code == 400 and "Merkintä on jo korjattu" in again.content.decode()
    client.force_login(staff["supervisor"])
    assert "Väärä tieto." in client.get(journal_url(person)).content.decode()


def test_an_entry_of_another_person_is_not_found_through_this_persons_url(client, person, other_person, staff):
    theirs = write(other_person, staff["counsellor"])
    client.force_login(staff["counsellor"])
    url = reverse("jobseekers:journal_correct", kwargs={"pk": person.pk, "entry_pk": theirs.pk})
    assert client.get(url).status_code == 404


def test_a_decision_maker_reads_but_does_not_write(client, person, staff):
    write(person, staff["counsellor"], text="Luettava.")
    client.force_login(staff["decider"])
    page = client.get(journal_url(person))
    assert (
        page.status_code == 200
        and "Luettava." in page.content.decode()
        and "Tallenna merkintä" not in page.content.decode()
    )
    response = client.post(
        journal_url(person), {"kind": "note", "entry_date": timezone.localdate().isoformat(), "text": "x"}
    )
    assert response.status_code == 403
    assert JournalEntry.objects.count() == 1


@pytest.mark.parametrize("name", ["outsider", "other_supervisor", "area_manager"])
def test_out_of_scope_is_a_logged_404_with_nothing_written(client, person, staff, name):
    entry = write(person, staff["counsellor"], text="Ei kuulu muille.")
    user = staff[name]
    client.force_login(user)
    urls = [
        journal_url(person),
        reverse("jobseekers:journal_export", kwargs={"pk": person.pk}),
        reverse("jobseekers:journal_correct", kwargs={"pk": person.pk, "entry_pk": entry.pk}),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404 and "Ei kuulu muille." not in response.content.decode()
    assert (
        client.post(urls[0], {"kind": "note", "text": "x", "entry_date": timezone.localdate().isoformat()}).status_code
        == 404
    )
    assert JournalEntry.objects.count() == 1
    if name != "area_manager":  # aggregate-only roles are refused before any person is looked at
        denied = PersonalDataAccess.objects.filter(user=user, outcome=PersonalDataAccess.Outcome.DENIED)
        assert denied.filter(subject_id=str(person.pk)).count() == len(urls) + 1


def test_every_read_is_logged_with_its_view(client, person, staff):
    write(person, staff["counsellor"])
    client.force_login(staff["counsellor"])
    client.get(journal_url(person))
    client.get(reverse("jobseekers:journal_export", kwargs={"pk": person.pk}))
    rows = PersonalDataAccess.objects.filter(user=staff["counsellor"], subject_id=str(person.pk))
    assert {(row.view, row.outcome) for row in rows} >= {
        ("jobseekers:journal", PersonalDataAccess.Outcome.GRANTED),
        ("jobseekers:journal_export", PersonalDataAccess.Outcome.GRANTED),
    }


def test_the_export_shows_what_the_reader_sees(client, person, staff):
    meeting = meeting_of(person, staff["counsellor"])
    original = write(person, staff["counsellor"], text="Alkuperäinen.", meeting_id=meeting.pk)
    journal.correct_entry(original, text="Korjattu.", by=staff["counsellor"])
    write(person, staff["counsellor"], text="Sähköposti lähetetty.", kind="email")
    url = reverse("jobseekers:journal_export", kwargs={"pk": person.pk})
    client.force_login(staff["counsellor"])
    csv = client.get(url, {"format": "csv"}).content.decode()
    assert "Alkuperäinen." not in csv and csv.count("Korjattu.") == 2
    assert client.get(url, {"kind": "email"}).content.decode().count("\r\n") == 2  # header and one entry
    client.force_login(staff["supervisor"])
    sheet = load_workbook(io.BytesIO(client.get(url, {"format": "xlsx"}).content)).active
    texts = [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(texts) == ["Alkuperäinen.", "Korjattu.", "Sähköposti lähetetty."]
    bad = client.get(url, {"kind": "fax"})
    assert bad.status_code == 400 and "Laji" in bad.content.decode()
