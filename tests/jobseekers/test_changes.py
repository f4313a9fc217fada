"""Editing a job seeker, status changes, ending a job search and reopening it (jobseekers/changes.py, services.py)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from jobseekers import changes, enums, organisation_adapter, selectors, services, signals
from jobseekers.models import CounsellorAssignment, Jobseeker, JobseekerChange
from service_model import selectors as service_selectors
from service_model.models import Deadline
from service_model.reasons import ReasonCode
from tests.jobseekers.factories import make_jobseeker, registration, synthetic_hetu

pytestmark = pytest.mark.django_db


@pytest.fixture
def counsellor(area, make_staff):
    return make_staff(team="kajaani-aikuiset")


@pytest.fixture
def client_of(counsellor):
    return make_jobseeker(with_counsellor=counsellor, first_name="Aino", last_name="Ahonen")


def test_an_edit_changes_the_given_fields_and_keeps_each_in_the_history(client_of, counsellor):
    result = changes.update_jobseeker(
        client_of,
        {"phone": "040 123 4567", "occupations": "5223, 9112", "driving_licences": ["B"], "max_commute_km": 40,
         "reduced_work_ability": True, "reason": "Asiakas soitti"},
        by=counsellor,
    )  # fmt: skip
    client_of.refresh_from_db()
    assert client_of.phone == "040 123 4567"
    assert client_of.occupations == ["5223", "9112"]
    assert client_of.driving_licences == ["B"]
    assert client_of.max_commute_km == 40 and client_of.reduced_work_ability
    rows = {row.field: row for row in result.changes}
    assert set(rows) == {"phone", "occupations", "driving_licences", "max_commute_km", "reduced_work_ability"}
    assert rows["phone"].old_value == "" and rows["phone"].new_value == "040 123 4567"
    assert all(row.changed_by == counsellor and row.reason == "Asiakas soitti" for row in result.changes)
    assert result.route_change is None
    assert JobseekerChange.objects.filter(jobseeker=client_of).count() == 5


def test_an_edit_that_changes_nothing_writes_nothing(client_of, counsellor):
    result = changes.update_jobseeker(client_of, {"first_name": "Aino", "occupations": ""}, by=counsellor)
    assert result.changes == []
    assert not JobseekerChange.objects.exists()


def test_bad_input_names_each_field_and_writes_nothing(client_of, counsellor):
    with pytest.raises(ValidationError) as raised:
        changes.update_jobseeker(
            client_of,
            {"phone": "soita illalla", "email": "ei-osoite", "first_name": "", "municipality": "999",
             "status": "retired", "hetu": "131052-308T"},
            by=counsellor,
        )  # fmt: skip
    errors = raised.value.message_dict
    assert set(errors) == {"phone", "email", "first_name", "municipality", "status", "hetu"}
    assert "999" in errors["municipality"][0]
    assert "131052" not in str(errors)
    client_of.refresh_from_db()
    assert client_of.phone == "" and client_of.first_name == "Aino"
    assert not JobseekerChange.objects.exists()


def test_a_status_change_takes_effect_on_its_day_and_moves_the_start_of_unemployment(client_of, counsellor):
    today = timezone.localdate()
    day = today - timedelta(days=10)
    changes.update_jobseeker(client_of, {"status": "employed", "status_effective_on": day}, by=counsellor)
    client_of.refresh_from_db()
    assert client_of.status == "employed" and client_of.unemployed_since is None
    status = JobseekerChange.objects.get(kind=enums.ChangeKind.STATUS)
    assert (status.old_value, status.new_value, status.effective_on) == ("unemployed", "employed", day)
    assert JobseekerChange.objects.get(field="unemployed_since").new_value is None

    back = today - timedelta(days=2)
    changes.update_jobseeker(client_of, {"status": "fully_laid_off", "status_effective_on": back}, by=counsellor)
    client_of.refresh_from_db()
    assert client_of.unemployed_since == back


def test_a_status_change_date_is_checked(client_of, counsellor):
    today = timezone.localdate()
    for day, expected in [
        (today + timedelta(days=1), "tulevaisuudessa"),
        (client_of.job_search_started_on - timedelta(days=1), "ennen työnhaun alkamista"),
    ]:
        with pytest.raises(ValidationError) as raised:
            changes.update_jobseeker(client_of, {"status": "employed", "status_effective_on": day}, by=counsellor)
        assert expected in raised.value.message_dict["status_effective_on"][0]
    changes.update_jobseeker(client_of, {"status": "employed", "status_effective_on": today}, by=counsellor)
    with pytest.raises(ValidationError) as raised:
        changes.update_jobseeker(
            client_of, {"status": "unemployed", "status_effective_on": today - timedelta(days=5)}, by=counsellor
        )
    assert "edellistä tilan muutosta" in raised.value.message_dict["status_effective_on"][0]
    client_of.refresh_from_db()
    assert client_of.status == "employed"


def test_moving_to_another_municipality_routes_again_and_recomputes_the_counsellor(client_of, counsellor, make_staff):
    kuhmo = make_staff(municipality_code="290", team="kuhmo")
    result = changes.update_jobseeker(client_of, {"municipality": "290"}, by=counsellor)
    client_of.refresh_from_db()
    assert client_of.pool == "team:kuhmo" and client_of.serving_municipality.code == "290"
    assert client_of.responsible_counsellor == kuhmo
    assert result.route_change.old_pool == "team:kajaani-aikuiset"
    assert result.route_change.new_counsellor == kuhmo and result.route_change.old_counsellor == counsellor
    assert "Kuhmo" in result.route_change.message and str(kuhmo) in result.route_change.message
    periods = CounsellorAssignment.objects.filter(jobseeker=client_of).order_by("started_at", "pk")
    assert [(p.counsellor, p.ended_at is None) for p in periods] == [(counsellor, False), (kuhmo, True)]
    assert JobseekerChange.objects.filter(kind=enums.ChangeKind.ROUTING, old_value="team:kajaani-aikuiset").exists()
    assert Deadline.objects.get(jobseeker=client_of).counsellor_id == kuhmo.pk


def test_a_move_without_counsellors_in_the_new_pool_leaves_the_person_unassigned(client_of, counsellor):
    result = changes.update_jobseeker(client_of, {"municipality": "290"}, by=counsellor)
    assert result.jobseeker.responsible_counsellor is None
    assert "ilman vastuuohjaajaa" in result.route_change.message


def test_a_counsellor_serving_the_new_pool_is_kept(area, make_staff):
    paltamo = make_staff(municipality_code="578", team="paltamo-pienet-kunnat")
    person = make_jobseeker(with_counsellor=paltamo, municipality="105")
    result = changes.update_jobseeker(person, {"municipality": "697"}, by=paltamo)
    assert result.route_change is None  # Hyrynsalmi and Ristijärvi are served by the same team
    assert result.jobseeker.responsible_counsellor == paltamo


def test_a_stale_form_is_a_conflict(client_of, counsellor):
    seen = changes.version(client_of)
    changes.update_jobseeker(client_of, {"phone": "040 1"}, by=counsellor)
    with pytest.raises(changes.Conflict):
        changes.update_jobseeker(client_of, {"phone": "040 2"}, by=counsellor, seen_version=seen)
    client_of.refresh_from_db()
    assert client_of.phone == "040 1"


# --- Ending a job search -----------------------------------------------------------------------------------------


def test_ending_a_job_search_takes_the_person_off_the_worklist_and_caseload(client_of, counsellor):
    today = timezone.localdate()
    assert [row.jobseeker.pk for row in service_selectors.worklist(counsellor, today, 3650)] == [client_of.pk]
    assert Deadline.objects.get(jobseeker=client_of).due_on is not None

    change = changes.end_job_search(client_of, ended_on=today, reason="employed", note="Sai työpaikan", by=counsellor)

    client_of.refresh_from_db()
    assert (client_of.job_search_ended_on, client_of.job_search_end_reason) == (today, "employed")
    assert client_of.responsible_counsellor is None
    assert CounsellorAssignment.objects.get(jobseeker=client_of).ended_at is not None
    assert change.kind == enums.ChangeKind.JOB_SEARCH_ENDED and change.reason == "Sai työpaikan"
    deadline = Deadline.objects.get(jobseeker=client_of)
    assert deadline.due_on is None and deadline.counsellor_id is None
    assert service_selectors.worklist(counsellor, today, 3650) == []
    assert not selectors.my_clients(counsellor).exists()
    kajaani = next(c for c in selectors.caseloads(counsellor)["municipalities"] if c.name == "Kajaani")
    assert kajaani.clients == 0 and kajaani.unassigned == 0


def test_an_overdue_deadline_closes_with_the_job_search(area, make_staff, make_user):
    counsellor = make_staff(team="kajaani-aikuiset")
    supervisor = make_user(role="supervisor", municipality_code="205")
    started = timezone.localdate() - timedelta(days=120)
    person = make_jobseeker(with_counsellor=counsellor, job_search_started_on=started, today=timezone.localdate())
    today = timezone.localdate()
    assert service_selectors.overview_total(supervisor, today).overdue == 1
    changes.end_job_search(person, ended_on=today, reason="no_contact", by=counsellor)
    assert service_selectors.overview_total(supervisor, today).overdue == 0


def test_the_batch_assignment_leaves_an_ended_job_search_alone(area, make_staff, make_user):
    from jobseekers import batch

    person = make_jobseeker()
    changes.end_job_search(person, ended_on=timezone.localdate(), reason="moved_away", by=make_user(role="supervisor"))
    make_staff(team="kajaani-aikuiset")
    report = batch.assign_unassigned()
    person.refresh_from_db()
    assert report.assigned == 0 and person.responsible_counsellor is None


def test_ending_twice_in_the_future_or_before_the_start_is_refused_by_field(client_of, counsellor):
    today = timezone.localdate()
    cases = [
        ({"ended_on": today + timedelta(days=1), "reason": "employed"}, "ended_on", "tulevaisuudessa"),
        ({"ended_on": client_of.job_search_started_on - timedelta(days=1), "reason": "employed"}, "ended_on",
         "ennen työnhaun alkamista"),
        ({"ended_on": None, "reason": "employed"}, "ended_on", "Pakollinen"),
        ({"ended_on": today, "reason": "bored"}, "reason", "Valitse päättymisen syy"),
    ]  # fmt: skip
    for data, name, text in cases:
        with pytest.raises(ValidationError) as raised:
            changes.end_job_search(client_of, by=counsellor, **data)
        assert text in raised.value.message_dict[name][0], data
    client_of.refresh_from_db()
    assert client_of.job_search_ended_on is None and not JobseekerChange.objects.exists()

    changes.end_job_search(client_of, ended_on=today, reason="employed", by=counsellor)
    with pytest.raises(ValidationError) as raised:
        changes.end_job_search(client_of, ended_on=today, reason="employed", by=counsellor)
    assert "jo päättynyt" in raised.value.message_dict["ended_on"][0]
    assert JobseekerChange.objects.filter(kind=enums.ChangeKind.JOB_SEARCH_ENDED).count() == 1


def test_an_ended_job_search_is_not_edited(client_of, counsellor):
    changes.end_job_search(client_of, ended_on=timezone.localdate(), reason="employed", by=counsellor)
    with pytest.raises(ValidationError) as raised:
        changes.update_jobseeker(client_of, {"phone": "040 1"}, by=counsellor)
    assert "job_search_ended_on" in raised.value.message_dict


def test_an_ended_job_search_gets_no_new_counsellor(client_of, counsellor, make_staff):
    changes.end_job_search(client_of, ended_on=timezone.localdate(), reason="employed", by=counsellor)
    other = make_staff(team="kajaani-aikuiset", username="toinen")
    supervisor = make_staff(role="supervisor", username="esihenkilo")
    ended = Jobseeker.objects.get(pk=client_of.pk)
    with pytest.raises(ValidationError) as raised:
        services.reassign(jobseeker=ended, counsellor=other, note="Tasaus tiimissä", by=supervisor)
    assert "jobseeker" in raised.value.message_dict
    assert not CounsellorAssignment.objects.filter(jobseeker=client_of, counsellor=other).exists()


# --- Re-registration ---------------------------------------------------------------------------------------------


def _register(code, started, by=None, **extra):
    return services.register_jobseeker(
        registration(hetu=code, job_search_started_on=started, **extra),
        registered_by=by,
        organisation=organisation_adapter.build(),
        today=timezone.localdate(),
        allow_temporary=True,
    )


def test_a_re_registration_reopens_the_record_and_feeds_the_new_initial_interview_rule(area, make_staff):
    counsellor = make_staff(team="kajaani-aikuiset")
    today = timezone.localdate()
    code = synthetic_hetu()
    first = _register(code, today - timedelta(days=200), by=counsellor, first_name="Eino")
    ended = today - timedelta(days=30)
    changes.end_job_search(first, ended_on=ended, reason="employed", by=counsellor)

    again = _register(code, today - timedelta(days=3), by=counsellor, first_name="Eino", phone="040 9")
    assert again.pk == first.pk and Jobseeker.objects.count() == 1
    again.refresh_from_db()
    assert again.job_search_ended_on is None and again.job_search_end_reason == ""
    assert again.previous_job_search_ended_on == ended
    assert again.job_search_started_on == today - timedelta(days=3)
    assert again.responsible_counsellor == counsellor
    # Ended less than six months ago: no new initial interview, a returning discussion instead.
    assert Deadline.objects.get(jobseeker=again).reason_code == ReasonCode.RETURNING_DISCUSSION
    kinds = list(JobseekerChange.objects.filter(jobseeker=again).values_list("kind", "field"))
    assert (enums.ChangeKind.JOB_SEARCH_REOPENED, "job_search_started_on") in kinds
    assert (enums.ChangeKind.FIELD, "phone") in kinds


def test_a_long_break_means_a_new_initial_interview(area, make_user):
    today = timezone.localdate()
    code = synthetic_hetu()
    first = _register(code, today - timedelta(days=500))
    changes.end_job_search(first, ended_on=today - timedelta(days=300), reason="employed", by=make_user())
    _register(code, today)
    assert Deadline.objects.get(jobseeker=first).reason_code == ReasonCode.INITIAL_INTERVIEW


def test_a_searching_person_is_still_a_duplicate_and_a_restart_before_the_end_is_refused(area, make_user):
    today = timezone.localdate()
    code = synthetic_hetu()
    first = _register(code, today - timedelta(days=100))
    with pytest.raises(ValidationError) as raised:
        _register(code, today)
    assert services.DUPLICATE_MESSAGE in raised.value.message_dict["hetu"]
    changes.end_job_search(first, ended_on=today - timedelta(days=10), reason="employed", by=make_user())
    with pytest.raises(ValidationError) as raised:
        _register(code, today - timedelta(days=20))
    assert "edellinen työnhaku päättyi" in raised.value.message_dict["job_search_started_on"][0]
    first.refresh_from_db()
    assert first.job_search_ended_on == today - timedelta(days=10)
    assert first.job_search_started_on == today - timedelta(days=100)


def test_an_end_before_the_last_status_change_is_refused_naming_its_day(client_of, counsellor):
    today = timezone.localdate()
    changed_on = today - timedelta(days=5)
    changes.update_jobseeker(
        client_of, {"status": "employed", "status_effective_on": changed_on}, by=counsellor, today=today
    )
    with pytest.raises(ValidationError) as raised:
        changes.end_job_search(client_of, ended_on=changed_on - timedelta(days=1), reason="employed", by=counsellor)
    [message] = raised.value.message_dict["ended_on"]
    assert "ennen edellistä tilan muutosta" in message and f"{changed_on.day}.{changed_on.month}." in message
    client_of.refresh_from_db()
    assert client_of.job_search_ended_on is None
    assert not JobseekerChange.objects.filter(kind=enums.ChangeKind.JOB_SEARCH_ENDED).exists()
    changes.end_job_search(client_of, ended_on=changed_on, reason="employed", by=counsellor)


def test_a_stale_end_form_is_a_conflict_and_ends_nothing(client_of, counsellor):
    seen = changes.version(client_of)
    changes.update_jobseeker(client_of, {"phone": "040 1"}, by=counsellor)
    with pytest.raises(changes.Conflict):
        changes.end_job_search(
            client_of, ended_on=timezone.localdate(), reason="employed", by=counsellor, seen_version=seen
        )
    client_of.refresh_from_db()
    assert client_of.job_search_ended_on is None
    changes.end_job_search(
        client_of,
        ended_on=timezone.localdate(),
        reason="employed",
        by=counsellor,
        seen_version=changes.version(client_of),
    )


def test_the_apps_above_hear_of_the_end_inside_its_transaction_and_can_refuse_it(client_of, counsellor):
    heard = []

    def refuse(sender, jobseeker, by, **kwargs):
        heard.append((jobseeker.pk, by, jobseeker.job_search_ended_on))
        raise ValidationError({"meetings": ["Ei voi perua."]})

    signals.job_search_ending.connect(refuse, dispatch_uid="test.refuse")
    try:
        with pytest.raises(ValidationError):
            changes.end_job_search(client_of, ended_on=timezone.localdate(), reason="employed", by=counsellor)
    finally:
        signals.job_search_ending.disconnect(dispatch_uid="test.refuse")
    # Heard after the checks and before the save; the refusal rolled the whole end back.
    assert heard == [(client_of.pk, counsellor, None)]
    client_of.refresh_from_db()
    assert client_of.job_search_ended_on is None and client_of.responsible_counsellor == counsellor
    assert not JobseekerChange.objects.exists()
