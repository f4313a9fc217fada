"""Structural change: the checklist templates, recording a situation with its plan, the plan's actions, flagging
change-security customers from the card (scoped, read-logged) and the report (counts for all, names only in scope)."""

from datetime import date

import pytest
from django.urls import reverse

from audit.models import PersonalDataAccess
from common.data_files import DataFileError
from jobseekers import changes
from planning import change_security, checklists
from planning.models import ChangeSecurityCustomer, ChangeSituation, ChecklistItem, ChecklistTemplateItem
from tests.jobseekers.factories import make_jobseeker

pytestmark = pytest.mark.django_db

SITUATION = {
    "employer_name": "Kainuun Kaivos Oy",
    "business_id": "0112038-9",
    "municipality": "765",
    "kind": "layoff",
    "people_affected": "300",
    "notice_date": "2.11.2026",
    "schedule": "Lomautukset 1.1.–30.4.2027",
    "sources": "https://example.org/tiedote\nYhtiön tiedote 2.11.2026",
}


@pytest.fixture
def templates(db):
    checklists.load_checklists()


@pytest.fixture
def leader(area, make_user):
    return make_user(role="area_manager", municipality_code="205")


@pytest.fixture
def situation(leader, templates, client):
    client.force_login(leader)
    client.post(reverse("planning:change_situations"), SITUATION)
    client.logout()
    return ChangeSituation.objects.get()


@pytest.mark.parametrize(
    ("ended", "reason", "status", "expected"),
    [
        (False, "", "unemployed", "registered"),
        (False, "", "fully_laid_off", "registered"),
        (False, "", "in_services", "in_services"),
        (False, "", "employed", "employed"),
        (True, "employed", "unemployed", "employed"),
        (True, "moved_away", "unemployed", "ended_otherwise"),
    ],
)
def test_status_from_the_registry(ended, reason, status, expected):
    assert change_security.status(job_search_ended=ended, end_reason=reason, registry_status=status) == expected


def test_the_templates_load_once_and_refuse_a_bad_file(db, tmp_path):
    first = checklists.load_checklists()
    assert first.added == ChecklistTemplateItem.objects.count() > 0
    assert set(ChecklistTemplateItem.objects.values_list("kind", flat=True)) == {
        "change_negotiations",
        "closure",
        "layoff",
        "large_recruitment",
    }
    again = checklists.load_checklists()
    assert (again.added, again.changed, again.unchanged) == (0, 0, first.added)
    bad = tmp_path / "c.yaml"
    bad.write_text("kinds:\n  layoff:\n  - key: a\n    title: A\n    owner: B\n    due_days: soon\n  flood: []\n")
    with pytest.raises(DataFileError) as refused:
        checklists.load_checklists(bad)
    text = str(refused.value)
    assert "c.yaml: 3: due_days" in text and "flood" in text
    assert ChecklistTemplateItem.objects.count() == first.added


def test_a_key_that_is_no_slug_or_too_long_is_refused_before_the_database(db, tmp_path):
    bad = tmp_path / "c.yaml"
    entry = "  - key: {key}\n    title: A\n    owner: B\n    due_days: 1\n"
    bad.write_text("kinds:\n  layoff:\n" + entry.format(key="kaksi sanaa") + entry.format(key="x" * 81))
    with pytest.raises(DataFileError) as refused:
        checklists.load_checklists(bad)
    assert [problem.line for problem in refused.value.problems] == [3, 7]
    assert all("key:" in problem.message for problem in refused.value.problems)
    assert not ChecklistTemplateItem.objects.exists()


def test_a_situation_gets_its_kinds_checklist_dated_from_the_notice(situation):
    items = list(situation.items.all())
    templates = list(ChecklistTemplateItem.objects.filter(kind="layoff"))
    assert [i.title for i in items] == [t.title for t in templates]
    assert items[0].due_on == date(2026, 11, 2).fromordinal(date(2026, 11, 2).toordinal() + templates[0].due_days)
    assert situation.business_id == "0112038-9" and situation.source_lines()[0] == "https://example.org/tiedote"


def test_bad_situation_input_is_refused_naming_each_field(client, leader, templates):
    client.force_login(leader)
    response = client.post(
        reverse("planning:change_situations"),
        {**SITUATION, "employer_name": "", "business_id": "1234567-8", "people_affected": "0", "notice_date": "x"},
    )
    assert response.status_code == 400
    assert set(response.context["errors"]) == {"employer_name", "business_id", "people_affected", "notice_date"}
    assert not ChangeSituation.objects.exists() and not ChecklistItem.objects.exists()


def test_a_counsellor_reads_the_registry_but_does_not_record(client, area, make_staff, templates):
    client.force_login(make_staff(role="counsellor", team="kajaani-aikuiset"))
    assert client.get(reverse("planning:change_situations")).status_code == 200
    assert client.post(reverse("planning:change_situations"), SITUATION).status_code == 403
    assert not ChangeSituation.objects.exists()


def test_the_plans_actions_are_marked_done_and_added(client, leader, situation):
    client.force_login(leader)
    item = situation.items.first()
    url = reverse("planning:change_situation", args=[situation.pk])
    done = client.post(
        url, {"action": "item", "item": item.pk, "owner": "Työnantajapalvelut", "done": "1", "due_on": "10.11.2026"}
    )
    item.refresh_from_db()
    assert done.status_code == 302 and item.done_on is not None and item.done_by == leader
    assert item.due_on == date(2026, 11, 10)
    client.post(url, {"action": "item", "item": item.pk, "owner": "Työnantajapalvelut", "due_on": "10.11.2026"})
    item.refresh_from_db()
    assert item.done_on is None and item.done_by is None
    bad = client.post(url, {"action": "item", "item": item.pk, "due_on": "huomenna"})
    assert bad.status_code == 400 and "due_on" in bad.context["errors"]
    client.post(url, {"action": "add_item", "title": "Lisätoimenpide", "owner": "Johto"})
    assert situation.items.last().title == "Lisätoimenpide"
    assert client.post(url, {"action": "status", "status": "active"}).status_code == 302
    situation.refresh_from_db()
    assert situation.status == "active"
    page = client.get(url)
    assert page.context["situation"].done_count == 0 and page.context["situation"].item_count == items_of(situation)


def items_of(situation) -> int:
    return ChecklistItem.objects.filter(situation=situation).count()


@pytest.fixture
def counsellor(area, make_staff):
    return make_staff(role="counsellor", team="kajaani-aikuiset")


def test_a_counsellor_flags_their_client_from_the_card(client, situation, counsellor):
    person = make_jobseeker(with_counsellor=counsellor, last_name="Muutoksinen")
    client.force_login(counsellor)
    card = client.get(reverse("jobseekers:card", args=[person.pk]))
    assert "Merkitse muutosturva-asiakkaaksi" in card.content.decode()
    flag = reverse("planning:change_security_flag", args=[person.pk])
    assert client.post(flag, {"situation": situation.pk}).status_code == 302
    flagged = ChangeSecurityCustomer.objects.get()
    assert (flagged.jobseeker, flagged.situation, flagged.flagged_by) == (person, situation, counsellor)
    assert PersonalDataAccess.objects.filter(
        user=counsellor, subject_id=str(person.pk), view="planning:change_security_flag", outcome="granted"
    ).exists()
    again = client.post(flag, {"situation": situation.pk}, follow=True)
    assert "on jo tämän tilanteen muutosturva-asiakas" in again.content.decode()
    assert ChangeSecurityCustomer.objects.count() == 1
    assert (
        "Muutosturva-asiakas: Kainuun Kaivos Oy"
        in client.get(reverse("jobseekers:card", args=[person.pk])).content.decode()
    )
    client.post(flag, {"situation": situation.pk, "action": "remove"})
    assert not ChangeSecurityCustomer.objects.exists()


def test_flagging_outside_ones_scope_is_refused_and_logged(client, situation, counsellor, make_staff, leader):
    person = make_jobseeker(with_counsellor=counsellor)
    flag = reverse("planning:change_security_flag", args=[person.pk])
    outsider = make_staff(role="counsellor", municipality_code="765", team="sotkamo")
    client.force_login(outsider)
    assert client.post(flag, {"situation": situation.pk}).status_code == 404
    assert PersonalDataAccess.objects.filter(user=outsider, outcome="denied", subject_id=str(person.pk)).exists()
    client.force_login(leader)
    assert client.post(flag, {"situation": situation.pk}).status_code == 403
    assert not ChangeSecurityCustomer.objects.exists()


@pytest.fixture
def flagged(situation, counsellor, make_staff):
    """Three customers of the layoff: two flagged by `counsellor` (one employed since, so no longer their client), one
    by a colleague in the same team for their own client."""
    colleague = make_staff(role="counsellor", team="kajaani-aikuiset")
    own = make_jobseeker(with_counsellor=counsellor, last_name="Omanen")
    employed = make_jobseeker(with_counsellor=counsellor, last_name="Tyollistynyt")
    other = make_jobseeker(with_counsellor=colleague, last_name="Toisenen", status="in_services")
    changes.end_job_search(
        employed, ended_on=date(2025, 6, 1), reason="employed", by=counsellor, today=date(2025, 6, 2)
    )
    for person, by in ((own, counsellor), (employed, counsellor), (other, colleague)):
        ChangeSecurityCustomer.objects.create(
            situation=situation, jobseeker=person, flagged_by=by, flagged_on=date(2026, 11, 5)
        )
    return own, employed, other


def test_the_leadership_sees_counts_never_persons(client, leader, situation, flagged):
    client.force_login(leader)
    before = PersonalDataAccess.objects.count()
    for url in (
        reverse("planning:change_security"),
        reverse("planning:change_situation", args=[situation.pk]),
        reverse("planning:change_export", args=["asiakkaat"]),
        reverse("planning:change_export", args=["muutosturva"]),
    ):
        response = client.get(url)
        text = response.content.decode()
        assert response.status_code == 200
        assert not any(name in text for name in ("Omanen", "Tyollistynyt", "Toisenen")), url
    report = client.get(reverse("planning:change_security"))
    row = report.context["status_table"].rows[0]
    assert (row["registered"], row["in_services"], row["employed"], row["total"]) == (1, 1, 1, 3)
    assert report.context["sees_people"] is False
    assert PersonalDataAccess.objects.count() == before


def test_a_counsellor_sees_their_own_clients_and_the_reads_are_logged(client, counsellor, flagged):
    own, employed, other = flagged
    client.force_login(counsellor)
    response = client.get(reverse("planning:change_security"))
    text = response.content.decode()
    assert "Omanen" in text and "Tyollistynyt" in text and "Toisenen" not in text
    statuses = {row["name"].split()[0]: row["status"] for row in response.context["customers"].rows}
    assert statuses == {"Omanen": "työnhakijana", "Tyollistynyt": "työllistynyt"}
    logged = set(
        PersonalDataAccess.objects.filter(user=counsellor, view="planning:change_security").values_list(
            "subject_id", flat=True
        )
    )
    assert logged == {str(own.pk), str(employed.pk)}


def test_a_supervisor_sees_their_municipalitys_customers_only(client, make_user, flagged):
    client.force_login(make_user(role="supervisor", municipality_code="205"))
    text = client.get(reverse("planning:change_security")).content.decode()
    assert all(name in text for name in ("Omanen", "Tyollistynyt", "Toisenen"))
    client.force_login(make_user(role="supervisor", municipality_code="765"))
    text = client.get(reverse("planning:change_security")).content.decode()
    assert not any(name in text for name in ("Omanen", "Tyollistynyt", "Toisenen"))


@pytest.mark.parametrize(("language", "day"), [("fi", "2.11.2026"), ("sv", "2.11.2026"), ("en", "2 Nov 2026")])
def test_the_list_writes_the_notice_day_in_the_pages_language(client, leader, situation, language, day):
    client.force_login(leader)
    client.cookies["django_language"] = language
    page = client.get(reverse("planning:change_situations")).content.decode()
    assert f">{day}<" in page


@pytest.mark.parametrize("language", ["fi", "en"])
def test_the_export_writes_the_notice_day_as_iso_whatever_the_language(client, leader, situation, language):
    # Data is not localised (decision 0012): the page's language must not reach the CSV.
    client.force_login(leader)
    client.cookies["django_language"] = language
    export = client.get(reverse("planning:change_export", args=["tilanteet"]), {"format": "csv"}).content.decode()
    assert ",2026-11-02," in export.splitlines()[1], export


@pytest.mark.parametrize(("language", "day"), [("fi", "5.11.2026"), ("en", "5 Nov 2026")])
def test_the_customers_page_writes_the_flagged_day_in_the_pages_language(client, counsellor, flagged, language, day):
    client.force_login(counsellor)
    client.cookies["django_language"] = language
    text = client.get(reverse("planning:change_security")).content.decode()
    assert f">{day}<" in text
    export = client.get(reverse("planning:change_export", args=["asiakkaat"]), {"format": "csv"}).content.decode()
    assert ",2026-11-05" in export
