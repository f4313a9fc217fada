"""Every page and API operation that shows a person writes a PersonalDataAccess row; every refusal does too.

Generic over the permission matrix's RULES (which cover every URL, see test_permission_matrix): each URL is requested
by every role it admits, with one marked job seeker in the user's scope and on the counsellor's own list. Whatever
response carries the person's name – HTML, JSON, CSV or XLSX – must have logged a read of that person by that user,
with the view and purpose filled in. A new view that shows people without logging fails here without anyone adding
it to a list. Users of another municipality asking for the person's object must leave a refused row.
"""

import io
import zipfile

import pytest
from django.urls import reverse

from accounts.enums import Role
from audit.models import PersonalDataAccess
from tests.security.test_permission_matrix import (
    HOME_MUNICIPALITY,
    OTHER_MUNICIPALITY,
    RULES,
    request,
    resolve_url,
    scoped_jobseeker,
)

pytestmark = pytest.mark.django_db

# Set on the job seeker so that the person is recognisable in any response; no other test data carries it.
MARKER = "Kirjausvarmistus"


def readable_text(response) -> str:
    """The response as text; an XLSX workbook is unpacked (its strings are stored compressed)."""
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if body.startswith(b"PK"):
        with zipfile.ZipFile(io.BytesIO(body)) as workbook:
            return " ".join(
                workbook.read(name).decode("utf-8", "replace") for name in workbook.namelist() if name.endswith(".xml")
            )
    return body.decode("utf-8", "replace")


@pytest.fixture
def setting(area, make_user):
    """The marked job seeker, on the list of a counsellor of the serving team with a deadline and a booked meeting."""
    from organisation.models import Team
    from service_model.services.deadlines import recompute_deadline
    from tests.security.test_permission_matrix import scoped_meeting, scoped_plan

    team = Team.objects.filter(municipality__code=HOME_MUNICIPALITY).order_by("key").first()
    users = {role: make_user(role=role, municipality_code=HOME_MUNICIPALITY, team=team) for role in Role}
    jobseeker = scoped_jobseeker()
    jobseeker.first_name = MARKER
    jobseeker.responsible_counsellor = users[Role.COUNSELLOR]
    jobseeker.team = team
    jobseeker.save()
    scoped_meeting()
    scoped_plan()
    recompute_deadline(jobseeker)
    return jobseeker, users


def new_rows(since: int):
    return PersonalDataAccess.objects.filter(pk__gt=since)


def last_pk() -> int:
    return PersonalDataAccess.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


@pytest.mark.parametrize("name", sorted(RULES))
def test_a_response_showing_a_person_logged_the_read(client, setting, name):
    jobseeker, users = setting
    rule = RULES[name]
    url = resolve_url(name, rule)
    for role in sorted(rule.roles):
        user = users[role]
        client.force_login(user)
        before = last_pk()
        response = request(client, url, rule)
        client.logout()
        if MARKER not in readable_text(response):
            continue
        rows = new_rows(before).filter(user=user, subject_id=str(jobseeker.pk))
        assert rows.exists(), f"{name} as {role} ({url}) showed the person but wrote no access-log row"
        for row in rows:
            assert row.outcome == PersonalDataAccess.Outcome.GRANTED
            assert row.view and row.purpose, f"{name}: access-log row without view or purpose"
            assert row.subject_type == "jobseekers.jobseeker"


def test_the_person_is_found_where_expected(client, setting):
    """The check above only bites if the marker is seen: the card, the lists and the APIs must all show it."""
    _jobseeker, users = setting
    expected = {
        "jobseekers:card",
        "jobseekers:journal",
        "jobseekers:my_clients",
        "jobseekers:reassign",
        "jobseeker-detail",
        "jobseeker-list",
        "jobseeker-hetu-search",
        "service_model:client",
        "service_model:my_week",
        "service_model:my_week_export",
        "worklist-list",
    }
    seen = set()
    for name in expected:
        rule = RULES[name]
        url = resolve_url(name, rule)
        for role in sorted(rule.roles):
            client.force_login(users[role])
            if MARKER in readable_text(request(client, url, rule)):
                seen.add(name)
            client.logout()
    assert expected <= seen, f"the marked person was not shown by {sorted(expected - seen)}"


@pytest.mark.parametrize("name", sorted(n for n, rule in RULES.items() if rule.scoped))
def test_a_refused_request_for_a_person_is_logged(client, setting, make_user, name):
    from organisation.models import Team

    jobseeker, _users = setting
    rule = RULES[name]
    url = resolve_url(name, rule)
    other_team = Team.objects.filter(municipality__code=OTHER_MUNICIPALITY).order_by("key").first()
    for role in sorted(rule.scoped):
        outsider = make_user(role=role, municipality_code=OTHER_MUNICIPALITY, team=other_team)
        client.force_login(outsider)
        before = last_pk()
        response = request(client, url, rule)
        client.logout()
        assert response.status_code == 404
        assert MARKER not in readable_text(response)
        refused = new_rows(before).filter(user=outsider, outcome=PersonalDataAccess.Outcome.DENIED)
        if rule.subject != "jobseeker":
            refused = refused.filter(subject_type=rule.subject)
        else:
            refused = refused.filter(subject_id=str(jobseeker.pk))
        assert refused.exists(), (
            f"{name} refused {role} of another municipality without logging it (rows: {list(refused)})"
        )
        assert not new_rows(before).filter(user=outsider, outcome=PersonalDataAccess.Outcome.GRANTED).exists()


def test_the_log_cannot_be_changed_through_the_admin(client, setting):
    _jobseeker, users = setting
    row = PersonalDataAccess.objects.order_by("pk").first() or PersonalDataAccess.objects.create(
        user=users[Role.ADMINISTRATOR], subject_type="jobseekers.jobseeker", subject_id="1", view="v", purpose="p"
    )
    admin = users[Role.ADMINISTRATOR]
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client.force_login(admin)
    change = reverse("admin:audit_personaldataaccess_change", args=[row.pk])
    delete = reverse("admin:audit_personaldataaccess_delete", args=[row.pk])
    assert client.post(change, {"view": "muutettu"}).status_code == 403
    assert client.post(delete, {"post": "yes"}).status_code == 403
    row.refresh_from_db()
    assert row.view != "muutettu"
