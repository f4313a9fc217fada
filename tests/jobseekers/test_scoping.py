"""Who sees which job seeker – by every URL and API call – and the access log row each read leaves behind."""

from datetime import date

import pytest

from accounts import permissions
from accounts.enums import Role
from audit.models import PersonalDataAccess
from jobseekers import selectors
from jobseekers.enums import CounsellorPurpose
from jobseekers.models import Jobseeker
from tests.jobseekers.factories import make_jobseeker, synthetic_hetu

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(area):
    """A Hyrynsalmi resident (served by Paltamo's team) and a Kajaani adult."""
    return {
        "hyrynsalmi": make_jobseeker(municipality="105", first_name="Hilkka", last_name="Hyrynen"),
        "kajaani": make_jobseeker(municipality="205", first_name="Kalle", last_name="Kajaanilainen"),
    }


@pytest.fixture
def staff(make_staff):
    return {
        "paltamo_counsellor": make_staff(municipality_code="578", team="paltamo-pienet-kunnat"),
        "kajaani_counsellor": make_staff(municipality_code="205", team="kajaani-aikuiset"),
        "kuhmo_counsellor": make_staff(municipality_code="290", team="kuhmo"),
        "paltamo_supervisor": make_staff(role="supervisor", municipality_code="578"),
        "kajaani_supervisor": make_staff(role="supervisor", municipality_code="205"),
        "paltamo_decider": make_staff(role="decision_maker", municipality_code="578"),
        "area_manager": make_staff(role="area_manager", municipality_code="205"),
        "payment": make_staff(role="payment_handler", municipality_code="205"),
        "employer_services": make_staff(role="employer_services", municipality_code="205"),
        "admin": make_staff(role="administrator", municipality_code="205"),
    }


VISIBLE = {
    "paltamo_counsellor": {"hyrynsalmi"},
    "kajaani_counsellor": {"kajaani"},
    "kuhmo_counsellor": set(),
    "paltamo_supervisor": {"hyrynsalmi"},
    "kajaani_supervisor": {"kajaani"},
    "paltamo_decider": {"hyrynsalmi"},
    "area_manager": set(),
    "payment": set(),
    "employer_services": set(),
    "admin": {"hyrynsalmi", "kajaani"},
}


def urls(jobseeker):
    return [f"/asiakkaat/{jobseeker.pk}/", f"/api/v1/jobseekers/{jobseeker.pk}/"]


def test_every_role_sees_exactly_its_scope_by_page_and_api(client, people, staff):
    for who, user in staff.items():
        client.force_login(user)
        for name, jobseeker in people.items():
            allowed = name in VISIBLE[who]
            for url in urls(jobseeker):
                status = client.get(url).status_code
                assert status == (200 if allowed else 404), f"{who} {url}: {status}"
            assert permissions.can_view_jobseeker(user, jobseeker) is allowed, who
        scope = permissions.jobseeker_scope(user)
        listed = set() if scope is None else set(Jobseeker.objects.filter(scope).values_list("pk", flat=True))
        assert listed == {people[name].pk for name in VISIBLE[who]}, f"{who}: the filter and the predicate agree"
        client.logout()


def test_out_of_scope_is_404_and_logged_as_denied(client, people, staff):
    user = staff["kuhmo_counsellor"]
    target = people["kajaani"]
    client.force_login(user)
    assert client.get(f"/asiakkaat/{target.pk}/").status_code == 404
    assert client.get(f"/api/v1/jobseekers/{target.pk}/").status_code == 404
    assert client.get(f"/asiakkaat/{target.pk}/vastuuohjaaja/").status_code == 403
    rows = PersonalDataAccess.objects.filter(user=user)
    assert [(r.subject_id, r.outcome) for r in rows] == [(str(target.pk), "denied")] * 2
    assert {r.subject_type for r in rows} == {"jobseekers.jobseeker"}
    body = client.get(f"/asiakkaat/{target.pk}/").content.decode()
    assert "Kajaanilainen" not in body


def test_area_manager_gets_aggregates_only(client, people, staff):
    client.force_login(staff["area_manager"])
    assert client.get("/asiakkaat/").status_code == 403
    assert client.get("/api/v1/jobseekers/").status_code == 403
    assert client.get(f"/asiakkaat/{people['kajaani'].pk}/").status_code == 404
    assert client.get("/asiakkaat/uusi/").status_code == 403
    caseloads = client.get("/asiakkaat/asiakasmaarat/")
    assert caseloads.status_code == 200
    assert "Kajaanilainen" not in caseloads.content.decode()
    assert client.get("/api/v1/caseloads/").status_code == 200


def test_every_read_writes_one_row_per_person(client, people, staff):
    admin = staff["admin"]
    client.force_login(admin)
    client.get("/asiakkaat/")
    client.get(f"/asiakkaat/{people['kajaani'].pk}/")
    client.get("/api/v1/jobseekers/")
    client.get(f"/api/v1/jobseekers/{people['hyrynsalmi'].pk}/")
    rows = PersonalDataAccess.objects.filter(user=admin).order_by("pk")
    assert [(r.view, r.subject_id) for r in rows] == [
        ("jobseekers:search", str(people["hyrynsalmi"].pk)),
        ("jobseekers:search", str(people["kajaani"].pk)),
        ("jobseekers:card", str(people["kajaani"].pk)),
        ("api:jobseeker-list", str(people["hyrynsalmi"].pk)),
        ("api:jobseeker-list", str(people["kajaani"].pk)),
        ("api:jobseeker-detail", str(people["hyrynsalmi"].pk)),
    ]
    assert all(r.outcome == "granted" for r in rows)


def test_hetu_search_does_not_reveal_someone_out_of_scope(client, area, staff):
    code = synthetic_hetu(date(1977, 7, 7))
    hidden = make_jobseeker(hetu=code, municipality="290")
    user = staff["kajaani_counsellor"]
    client.force_login(user)
    response = client.post("/asiakkaat/", {"hetu": code}, follow=True)
    assert "Henkilötunnuksella ei löytynyt asiakasta" in response.content.decode()
    assert PersonalDataAccess.objects.get(user=user).outcome == "denied"
    api = client.post("/api/v1/jobseekers/hetu-search/", {"hetu": code}, content_type="application/json")
    assert api.status_code == 404
    assert str(hidden.pk) not in api.content.decode()


def test_a_counsellor_keeps_seeing_their_own_client_moved_to_another_pool(area, staff):
    counsellor = staff["kajaani_counsellor"]
    jobseeker = make_jobseeker(municipality="205", registered_by=counsellor)
    Jobseeker.objects.filter(pk=jobseeker.pk).update(pool="team:kajaani-nuoret")
    jobseeker.refresh_from_db()
    assert permissions.can_view_jobseeker(counsellor, jobseeker)
    assert not permissions.can_view_jobseeker(staff["paltamo_counsellor"], jobseeker)


def test_my_clients_lists_only_own_clients_and_logs_them(client, area, staff):
    counsellor = staff["kajaani_counsellor"]
    mine = make_jobseeker(municipality="205", registered_by=counsellor)
    make_jobseeker(municipality="205")  # same pool, no counsellor yet
    client.force_login(counsellor)
    response = client.get("/asiakkaat/omat/")
    assert list(response.context["page"].object_list) == [mine]
    assert PersonalDataAccess.objects.filter(view="jobseekers:my_clients").count() == 1
    client.force_login(staff["kajaani_supervisor"])
    assert client.get("/asiakkaat/omat/").status_code == 403


def test_reassignment_is_for_the_supervisor_of_the_serving_municipality(client, people, staff, make_staff):
    target = people["hyrynsalmi"]
    new_counsellor = staff["paltamo_counsellor"]
    client.force_login(staff["kajaani_supervisor"])
    assert client.get(f"/asiakkaat/{target.pk}/vastuuohjaaja/").status_code == 404
    client.force_login(staff["paltamo_counsellor"])
    assert client.get(f"/asiakkaat/{target.pk}/vastuuohjaaja/").status_code == 403
    client.force_login(staff["paltamo_supervisor"])
    response = client.post(
        f"/asiakkaat/{target.pk}/vastuuohjaaja/", {"counsellor": new_counsellor.pk, "note": "Asiakkaan toive"}
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert target.responsible_counsellor == new_counsellor
    assert not selectors.may_take(staff["kajaani_counsellor"], target, CounsellorPurpose.REASSIGNMENT)


def test_roles_without_a_municipality_see_nobody(area, people, make_user):
    for role in (Role.COUNSELLOR, Role.SUPERVISOR, Role.DECISION_MAKER):
        user = make_user(role=role)
        assert (
            permissions.jobseeker_scope(user) is None
            or not Jobseeker.objects.filter(permissions.jobseeker_scope(user)).exists()
        )
