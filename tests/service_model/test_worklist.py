"""The counsellor's week, the supervisor's overview and the monthly on-time rate: order, scope and figures."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from audit.models import PersonalDataAccess
from service_model import on_time_selectors, selectors
from service_model.services import meetings
from tests.service_model.conftest import at
from tests.service_model.factories import MeetingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def week(client_of, counsellor, today):
    """Five clients: two overdue (the older first), one due today, one in 5 days, one in 3 weeks, one beyond."""
    people = {
        "overdue_old": client_of(started=date(2026, 1, 12), last_name="Aalto"),  # due 26.1.
        "overdue_new": client_of(started=date(2026, 2, 2), last_name="Bäck"),  # due 16.2.
        "today": client_of(started=date(2026, 2, 16), last_name="Cederberg"),  # due 2.3.
        "soon": client_of(started=date(2026, 2, 20), last_name="Dahl"),  # due 6.3.
        "upcoming": client_of(started=date(2026, 3, 2), last_name="Eskola"),  # due 16.3.
    }
    later = client_of(started=date(2025, 12, 1), last_name="Forsman")
    meetings.record_meeting(
        jobseeker=later, meeting_type="initial_interview", channel="phone", held_at=at(date(2026, 2, 27)),
        counsellor=counsellor, by=counsellor, plan_goal="Työllistyminen.", plan_review="Laadittu.",
    )  # fmt: skip
    people["later"] = later  # due 27.5.: beyond the four-week horizon
    return people


def test_order_is_overdue_then_this_week_then_upcoming(week, counsellor, today):
    rows = selectors.worklist(counsellor, today)
    assert [(r.jobseeker.last_name, r.bucket) for r in rows] == [
        ("Aalto", "overdue"),
        ("Bäck", "overdue"),
        ("Cederberg", "this_week"),
        ("Dahl", "this_week"),
        ("Eskola", "upcoming"),
    ]
    assert [r.days_overdue for r in rows[:2]] == [35, 14]
    assert rows[3].days_until == 4
    assert selectors.bucket_counts(counsellor, today) == {"overdue": 2, "this_week": 2, "upcoming": 1}
    assert len(selectors.worklist(counsellor, today, horizon_days=120)) == 6


def test_booked_meeting_shows_on_the_row(week, counsellor, today):
    meeting = meetings.book_meeting(
        jobseeker=week["overdue_old"], meeting_type="initial_interview", channel="phone",
        planned_at=at(today + timedelta(days=1)), counsellor=counsellor, by=counsellor,
    )  # fmt: skip
    row = selectors.worklist(counsellor, today)[0]
    assert (row.booked.pk, row.booked.planned_at, row.booked.meeting_type) == (
        meeting.pk, meeting.planned_at, "initial_interview",
    )  # fmt: skip


def test_another_counsellor_sees_none_of_these(week, make_staff, today):
    colleague = make_staff(team="kajaani-aikuiset")
    assert selectors.worklist(colleague, today) == []
    supervisor = make_staff(role="supervisor")
    assert selectors.worklist(supervisor, today) == []


def test_my_week_page_lists_and_logs_each_person(client, week, counsellor, today):
    client.force_login(counsellor)
    response = client.get("/palvelumalli/viikko/")
    assert response.status_code == 200
    text = response.content.decode()
    assert text.index("Aalto") < text.index("Bäck") < text.index("Cederberg") < text.index("Eskola")
    assert "myöhässä 35 pv" in text
    logged = set(
        PersonalDataAccess.objects.filter(user=counsellor, view="service_model:my_week").values_list(
            "subject_id", flat=True
        )
    )
    assert logged == {str(week[key].pk) for key in ("overdue_old", "overdue_new", "today", "soon", "upcoming")}
    shifted = client.get("/palvelumalli/viikko/?paiva=17.3.2026").content.decode()
    assert "Näytetään tilanne päivänä 17.3.2026" in shifted
    export = client.get("/palvelumalli/viikko/vienti/?format=csv")
    assert export["Content-Type"].startswith("text/csv")
    assert export.content.decode().splitlines()[1] == '"Aalto, Testi",Kajaani,myöhässä,alkuhaastattelu,2026-01-26,35,'


def test_supervisor_overview_per_counsellor_and_municipality(week, counsellor, make_staff, today):
    meetings.record_meeting(
        jobseeker=week["overdue_new"], meeting_type="initial_interview", channel="phone", held_at=at(today),
        counsellor=counsellor, by=counsellor, plan_goal="Työllistyminen.", plan_review="Laadittu myöhässä.",
    )  # fmt: skip
    supervisor = make_staff(role="supervisor")
    overview = selectors.supervisor_overview(supervisor, today)
    [row] = overview.counsellors
    # Overdue now: Aalto. Due this week: Cederberg, Dahl. Fell due in the last 90 days (from 2.12.2025): Forsman's
    # interview (due 8.12.2025, held 27.2.) and Bäck's (due 16.2., held today) met late, Aalto's still missed.
    assert (row.name, row.overdue, row.due_this_week) == ("Olli Ohjaaja", 1, 2)
    assert (row.met, row.on_time, row.missed) == (2, 0, 1)
    assert row.on_time_share == Decimal("0.0")
    [municipality] = overview.municipalities
    assert (municipality.name, municipality.overdue) == ("Kajaani", 1)

    elsewhere = make_staff(role="supervisor", municipality_code="290")
    nothing = selectors.supervisor_overview(elsewhere, today)
    assert nothing.counsellors == [] and nothing.municipalities == []
    manager = make_staff(role="area_manager")
    assert selectors.supervisor_overview(manager, today).total.overdue == 1
    assert selectors.supervisor_overview(counsellor, today).counsellors == []


def test_on_time_rate_per_month(client_of, counsellor, today):
    on_time = client_of(started=date(2026, 1, 12))  # due 26.1.
    late = client_of(started=date(2026, 1, 13))  # due 27.1.
    client_of(started=date(2026, 2, 2))  # due 16.2., still open
    meetings.record_meeting(
        jobseeker=on_time, meeting_type="initial_interview", channel="phone", held_at=at(date(2026, 1, 20)),
        counsellor=counsellor, by=counsellor, plan_goal="Työllistyminen.", plan_review="Laadittu.",
    )  # fmt: skip
    meetings.record_meeting(
        jobseeker=late, meeting_type="initial_interview", channel="phone", held_at=at(date(2026, 2, 3)),
        counsellor=counsellor, by=counsellor, plan_goal="Työllistyminen.", plan_review="Laadittu.",
    )  # fmt: skip
    rows = {row.month: row for row in on_time_selectors.on_time_rate(counsellor, 3, today)}
    assert list(rows) == [date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1)]
    january, february = rows[date(2026, 1, 1)], rows[date(2026, 2, 1)]
    assert (january.due, january.on_time, january.late, january.rate) == (2, 1, 1, Decimal("50.0"))
    assert (february.due, february.missed, february.rate) == (1, 1, Decimal("0.0"))
    assert rows[date(2026, 3, 1)].rate is None
    assert on_time_selectors.on_time_rate(counsellor, 3, today, municipality_code="290")[0].due == 0


def test_overview_and_on_time_pages(client, week, make_staff, counsellor, today):
    client.force_login(make_staff(role="supervisor"))
    page = client.get("/palvelumalli/seuranta/")
    assert page.status_code == 200 and "Olli Ohjaaja" in page.content.decode()
    csv = client.get("/palvelumalli/seuranta/vienti/palvelumalli-kunnat/?format=csv").content.decode()
    assert csv.splitlines()[1].startswith("Kajaani,2,")
    assert client.get("/palvelumalli/seuranta/vienti/tuntematon/").status_code == 404
    chart = client.get("/palvelumalli/ajallaan/")
    assert chart.status_code == 200 and 'id="on-time-chart"' in chart.content.decode()
    xlsx = client.get("/palvelumalli/ajallaan/vienti/?format=xlsx")
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    client.force_login(counsellor)
    assert client.get("/palvelumalli/seuranta/").status_code == 403


@pytest.mark.parametrize(
    ("trait", "listed"),
    [("planned", True), ("held", False), ("did_not_attend", False), ("cancelled", False)],
)
def test_only_a_booked_meeting_whose_day_has_come_waits_to_be_recorded(client_of, counsellor, today, trait, listed):
    jobseeker = client_of()
    meeting = MeetingFactory(jobseeker=jobseeker, planned_at=at(today - timedelta(days=1)), **{trait: True})
    MeetingFactory(jobseeker=jobseeker, planned_at=at(today + timedelta(days=1)))  # its day has not come
    assert [row[0] for row in selectors.unrecorded_meetings(counsellor, today)] == ([meeting.pk] if listed else [])
