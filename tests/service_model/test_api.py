"""The service-model API: the deadline calculator, meetings and the plan under a job seeker, the worklist;
scoping (404 for another pool's counsellor) and the access log."""

from datetime import date, timedelta

import pytest

from audit.models import PersonalDataAccess
from service_model.models import Meeting
from service_model.workdays import add_working_days, is_working_day
from tests.service_model.conftest import at
from tests.service_model.factories import MeetingFactory

pytestmark = pytest.mark.django_db

CALCULATOR = "/api/v1/service-model/deadlines/"


@pytest.fixture
def api(client, counsellor):
    client.force_login(counsellor)
    return client


@pytest.mark.parametrize(
    ("start", "rule_set", "interview", "discussions"),
    [
        # 2022 rules: 5 working days; the intensive start every 2 weeks for 3 months (21.4.2025 is Easter Monday);
        # job-search discussions every 3 months from the interview; from 6 months (3.9.) a period of two
        # discussions 14 days apart (10.9. and 24.9.); the period from 3.3.2026 would begin under the 2026 rules.
        ("2025-03-03", "nordic_2022", "2025-03-10",
         ["2025-03-24", "2025-04-07", "2025-04-22", "2025-05-06", "2025-05-20", "2025-06-03", "2025-06-10",
          "2025-09-10", "2025-09-24", "2025-12-10"]),
        # 31.12.2025: the interview under the 2022 rules, everything after it (2026) under the 2026 rules.
        ("2025-12-31", "nordic_2022", "2026-01-09", ["2026-04-09", "2026-07-09", "2026-10-09"]),
        # 1.1.2026: 10 working days (1.1. and 6.1. are holidays), then every 3 months.
        ("2026-01-01", "nordic_2026", "2026-01-16", ["2026-04-16", "2026-07-16", "2026-10-16"]),
        # Midsummer: 19.6.2026 is Midsummer Eve.
        ("2026-06-15", "nordic_2026", "2026-06-30", ["2026-09-30", "2026-12-30", "2027-03-30"]),
    ],
)  # fmt: skip
def test_calculator_gives_the_statutory_dates(api, start, rule_set, interview, discussions):
    response = api.get(CALCULATOR, {"job_search_started_on": start})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["rule_set"]["id"] == rule_set
    assert data["initial_interview_due"] == interview
    assert data["next_discussions"] == discussions


@pytest.mark.parametrize("day", [date(2022, 5, 2) + timedelta(days=97 * i) for i in range(16)])
def test_calculator_interview_is_the_nth_working_day(api, day):
    data = api.get(CALCULATOR, {"job_search_started_on": day.isoformat()}).json()
    working_days = 5 if day < date(2026, 1, 1) else 10
    due = date.fromisoformat(data["initial_interview_due"])
    assert due == add_working_days(day, working_days) and is_working_day(due)
    assert data["rule_set"]["effective_from"] == ("2022-05-02" if day < date(2026, 1, 1) else "2026-01-01")
    assert all(is_working_day(date.fromisoformat(d)) for d in data["next_discussions"])


def test_calculator_opens_with_a_discussion_soon_after_a_previous_job_search(api):
    fresh = api.get(CALCULATOR, {"job_search_started_on": "2026-02-02"}).json()
    soon = api.get(
        CALCULATOR, {"job_search_started_on": "2026-02-02", "previous_job_search_ended_on": "2025-11-28"}
    ).json()
    assert soon["initial_interview_due"] is None
    assert soon["schedule"][0] == {**fresh["schedule"][0], "meeting_type": "job_search_discussion"}
    assert soon["next_discussions"] == fresh["next_discussions"]
    long_ago = {"job_search_started_on": "2026-02-02", "previous_job_search_ended_on": "2025-08-02"}
    assert api.get(CALCULATOR, long_ago).json()["initial_interview_due"] == fresh["initial_interview_due"]
    after = api.get(CALCULATOR, {"job_search_started_on": "2026-02-02", "previous_job_search_ended_on": "2026-02-03"})
    assert after.status_code == 400
    assert "uuden työnhaun alkamisen jälkeen" in after.json()["previous_job_search_ended_on"][0]


def test_calculator_status_and_errors(api):
    employed = api.get(CALCULATOR, {"job_search_started_on": "2026-02-02", "status": "employed"}).json()
    assert (employed["initial_interview_due"], employed["next_discussions"]) == ("2026-02-16", [])
    for query, field in [
        ({"job_search_started_on": "2022-05-01"}, "job_search_started_on"),
        ({"job_search_started_on": "31.12.2025"}, "job_search_started_on"),
        ({}, "job_search_started_on"),
        ({"job_search_started_on": "2026-01-01", "status": "retired"}, "status"),
        ({"job_search_started_on": "9999-12-31"}, "job_search_started_on"),
    ]:
        response = api.get(CALCULATOR, query)
        assert response.status_code == 400 and field in response.json(), (query, response.content)


def test_book_and_record_through_the_api(api, client_of, counsellor, today):
    jobseeker = client_of(started=date(2026, 2, 16))
    url = f"/api/v1/jobseekers/{jobseeker.pk}/meetings/"
    planned = at(today, 13).isoformat()
    created = api.post(url, {"meeting_type": "initial_interview", "channel": "phone", "planned_at": planned},
                       content_type="application/json")  # fmt: skip
    assert created.status_code == 201, created.content
    meeting = created.json()
    assert (meeting["state"], meeting["counsellor"]["id"], meeting["due_on"]) == ("planned", counsellor.pk, None)
    clash = api.post(url, {"meeting_type": "other", "channel": "video", "planned_at": planned},
                     content_type="application/json")  # fmt: skip
    assert clash.status_code == 400 and "planned_at" in clash.json()

    held_url = f"{url}{meeting['id']}/held/"
    assert {"plan_review", "plan_goal"} <= set(api.post(held_url, {}, content_type="application/json").json())
    held = api.post(
        held_url, {"plan_review": "Suunnitelma laadittu.", "plan_goal": "Hoitoala."}, content_type="application/json"
    )
    assert held.status_code == 200
    assert api.get(f"/api/v1/jobseekers/{jobseeker.pk}/plan/").json()["goal"] == "Hoitoala."
    assert (held.json()["state"], held.json()["due_on"], held.json()["on_time"]) == ("held", "2026-03-02", True)
    assert api.get(url).json()["count"] == 1
    worklist = api.get("/api/v1/worklist/", {"paiva": today.isoformat(), "horizon": 120}).json()
    assert [(r["jobseeker"]["id"], r["next_meeting_type"], r["due_on"]) for r in worklist["results"]] == [
        (jobseeker.pk, "job_search_discussion", "2026-06-02")
    ]


def test_worklist_api_order_and_validation(api, client_of, today):
    later = client_of(started=date(2026, 2, 20), last_name="Myöhempi")
    earlier = client_of(started=date(2026, 1, 20), last_name="Aiempi")
    results = api.get("/api/v1/worklist/").json()["results"]
    assert [(r["jobseeker"]["id"], r["bucket"]) for r in results] == [
        (earlier.pk, "overdue"), (later.pk, "this_week"),
    ]  # fmt: skip
    assert results[0]["days_overdue"] == (today - date(2026, 2, 3)).days
    assert PersonalDataAccess.objects.filter(view="api:worklist-list", subject_id=str(earlier.pk)).exists()
    for bad in ({"paiva": "eilen"}, {"horizon": "-1"}, {"horizon": "1000"}, {"paiva": "2019-01-01"}):
        assert api.get("/api/v1/worklist/", bad).status_code == 400, bad


def test_plan_through_the_api(api, client_of, today):
    jobseeker = client_of()
    base = f"/api/v1/jobseekers/{jobseeker.pk}/plan/"
    assert api.get(base).status_code == 404
    created = api.put(base, {"goal": "Työ kaupan alalta."}, content_type="application/json")
    assert created.status_code == 201
    assert created.json()["obligations"][0]["applications"] == 4
    assert created.json()["obligation_status"]["required"] == 4
    assert api.put(base, {"goal": "Työ logistiikasta."}, content_type="application/json").status_code == 200
    task = api.post(f"{base}tasks/", {"title": "Päivitä CV"}, content_type="application/json").json()
    done = api.patch(f"{base}tasks/{task['id']}/", {"status": "done"}, content_type="application/json").json()
    assert (done["status"], done["completed_on"]) == ("done", today.isoformat())
    lowered = api.post(f"{base}obligations/", {"applications": 1, "period_months": 1, "starts_on": "2026-03-03"},
                       content_type="application/json")  # fmt: skip
    assert lowered.status_code == 400 and "lowered_reason" in lowered.json()
    reported = api.post(
        f"{base}applications/",
        {"applied_on": today.isoformat(), "employer": "Terrafame Oy", "job_title": "prosessinhoitaja"},
        content_type="application/json",
    )
    assert reported.status_code == 201
    assert api.get(base).json()["obligation_status"]["reported"] == 1


def test_another_pools_counsellor_gets_404_and_a_denied_row(client, client_of, make_staff, today):
    jobseeker = client_of()
    meeting_id = MeetingFactory(jobseeker=jobseeker, meeting_type="other").pk
    client.force_login(make_staff(municipality_code="578", team="paltamo-pienet-kunnat"))
    for url in (
        f"/api/v1/jobseekers/{jobseeker.pk}/meetings/",
        f"/api/v1/jobseekers/{jobseeker.pk}/meetings/{meeting_id}/",
        f"/api/v1/jobseekers/{jobseeker.pk}/plan/",
        f"/api/v1/jobseekers/{jobseeker.pk}/plan/applications/",
        f"/palvelumalli/asiakas/{jobseeker.pk}/",
        f"/palvelumalli/tapaaminen/{meeting_id}/",
    ):
        assert client.get(url).status_code == 404, url
    assert client.post(
        f"/api/v1/jobseekers/{jobseeker.pk}/meetings/",
        {"meeting_type": "other", "channel": "phone", "planned_at": at(today + timedelta(days=2)).isoformat()},
        content_type="application/json",
    ).status_code == 404  # fmt: skip
    denied = PersonalDataAccess.objects.filter(subject_id=str(jobseeker.pk), outcome="denied")
    assert denied.count() == 7
    assert Meeting.objects.filter(jobseeker=jobseeker).count() == 1


def test_reading_meetings_and_plan_is_logged(api, client_of, counsellor):
    jobseeker = client_of()
    api.get(f"/api/v1/jobseekers/{jobseeker.pk}/meetings/")
    api.get(f"/palvelumalli/asiakas/{jobseeker.pk}/")
    rows = PersonalDataAccess.objects.filter(user=counsellor, subject_id=str(jobseeker.pk), outcome="granted")
    assert set(rows.values_list("view", flat=True)) == {"api:jobseeker-meeting-list", "service_model:client"}


def test_decision_maker_reads_but_cannot_book(client, client_of, make_staff, today):
    jobseeker = client_of()
    client.force_login(make_staff(role="decision_maker"))
    assert client.get(f"/api/v1/jobseekers/{jobseeker.pk}/meetings/").status_code == 200
    response = client.post(
        f"/api/v1/jobseekers/{jobseeker.pk}/meetings/",
        {"meeting_type": "other", "channel": "phone", "planned_at": at(today + timedelta(days=2)).isoformat()},
        content_type="application/json",
    )
    assert response.status_code == 403
