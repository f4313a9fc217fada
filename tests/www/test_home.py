"""The front page by role: a counsellor lands on their own deadlines, a supervisor on their scope's figures."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from organisation.models import EmploymentArea
from tests.jobseekers.factories import make_jobseeker
from tests.service_model.factories import DeadlineFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 2)


@pytest.fixture
def counsellor(area, make_staff, settings):
    settings.SERVICE_MODEL_TODAY = TODAY
    return make_staff(team="kajaani-aikuiset", username="olli")


@pytest.fixture
def overdue_clients(counsellor):
    for day in (1, 2):
        person = make_jobseeker(registered_by=counsellor, job_search_started_on=date(2025, 12, day), today=TODAY)
        DeadlineFactory(jobseeker=person, overdue=True)


def _home(client, user):
    client.force_login(user)
    return client.get("/")


def test_a_counsellor_sees_their_own_overdue_count(client, counsellor, overdue_clients):
    response = _home(client, counsellor)
    assert response.context["overdue"] == 2
    assert "Omat määräajat" in response.content.decode()
    assert "overview_total" not in response.context


def test_another_counsellor_sees_none_of_them(client, counsellor, overdue_clients, make_staff):
    other = make_staff(team="kajaani-aikuiset", username="toinen")
    assert _home(client, other).context["overdue"] == 0


def test_a_supervisor_sees_the_overdue_count_of_their_municipality_only(
    client, counsellor, overdue_clients, make_staff
):
    kajaani = make_staff(role="supervisor", municipality_code="205", username="esihenkilo")
    assert _home(client, kajaani).context["overview_total"].overdue == 2
    client.logout()
    kuusamo = make_staff(role="supervisor", municipality_code="305", username="kuusamo")
    total = _home(client, kuusamo).context["overview_total"]
    assert total is None or total.overdue == 0


def test_a_payment_handler_sees_only_the_organisation(client, area, make_staff):
    handler = make_staff(role="payment_handler", username="maksaja")
    response = _home(client, handler)
    assert "overdue" not in response.context
    assert "overview_total" not in response.context
    assert "Omat määräajat" not in response.content.decode()


def test_the_front_page_total_is_the_overviews_total(counsellor, overdue_clients, make_staff):
    from service_model import selectors

    supervisor = make_staff(role="supervisor", municipality_code="205", username="esihenkilo")
    full = selectors.supervisor_overview(supervisor, TODAY).total
    assert selectors.overview_total(supervisor, TODAY) == full
    assert selectors.overview_total(make_staff(role="payment_handler", username="maksaja"), TODAY) is None


def test_a_counsellor_lands_on_todays_meetings_with_the_names_logged(client, counsellor):
    from datetime import datetime, time

    from django.utils import timezone

    from audit.models import PersonalDataAccess
    from tests.service_model.factories import MeetingFactory

    person = make_jobseeker(registered_by=counsellor, last_name="Päiväläinen", today=TODAY)
    MeetingFactory(
        jobseeker=person,
        counsellor=counsellor,
        planned_at=timezone.make_aware(datetime.combine(TODAY, time(10, 30))),
    )
    response = _home(client, counsellor)
    page = response.content.decode()
    assert [item.meeting.jobseeker_id for item in response.context["todays_meetings"]] == [person.pk]
    assert "Päiväläinen" in page and "10.30" in page
    assert PersonalDataAccess.objects.filter(user=counsellor, subject_id=str(person.pk), view="www:home").exists()


def test_a_counsellor_without_meetings_today_is_told_so(client, counsellor):
    assert "Ei tapaamisia tänään." in _home(client, counsellor).content.decode()


def test_a_supervisor_gets_no_day_list(client, area, make_staff):
    supervisor = make_staff(role="supervisor", municipality_code="205", username="esihenkilo")
    assert "todays_meetings" not in _home(client, supervisor).context


def test_a_decision_maker_lands_on_the_statements_awaiting_their_approval(client, counsellor, make_staff):
    from tests.statements.factories import make_statement

    person = make_jobseeker(registered_by=counsellor, today=TODAY)
    before = TODAY - timedelta(days=10)
    make_statement(person, by=counsellor, state="awaiting_approval", today=TODAY, conduct_on=before)
    make_statement(person, by=counsellor, state="draft", today=TODAY, conduct_on=before)
    kajaani = make_staff(role="decision_maker", municipality_code="205", username="paattaja")
    response = _home(client, kajaani)
    assert response.context["statements_awaiting"] == 1
    assert "Odottaa päätöstäsi" in response.content.decode()
    client.logout()
    kuusamo = make_staff(role="decision_maker", municipality_code="305", username="kuusamo")
    assert _home(client, kuusamo).context["statements_awaiting"] == 0
    client.logout()
    assert "statements_awaiting" not in _home(client, counsellor).context


def test_a_decision_maker_sees_the_subsidy_proposals_they_may_decide(client, area, make_staff):
    from subsidies.loader import load_rates
    from tests.subsidies.factories import advance, make_application

    load_rates()
    preparer = make_staff(team="paltamo-pienet-kunnat", municipality_code="578", username="valmistelija")
    advance(make_application(preparer), preparer, to="proposed")
    paltamo = make_staff(role="decision_maker", municipality_code="578", username="paltamo")
    assert _home(client, paltamo).context["subsidies_awaiting"] == 1
    client.logout()
    kuusamo = make_staff(role="decision_maker", municipality_code="305", username="kuusamo")
    assert _home(client, kuusamo).context["subsidies_awaiting"] == 0


@pytest.mark.parametrize(
    ("language", "name"),
    [
        ("fi", "Kainuun ja Koillismaan työllisyysalue"),
        ("sv", "Kajanalands och Koillismaas sysselsättningsområde"),
        ("en", "Kainuu and Koillismaa Employment Area"),
    ],
)
def test_the_header_names_the_area_in_the_page_language(client, counsellor, language, name):
    client.force_login(counsellor)
    html = client.get("/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert f'<span class="area-name">{name}</span>' in html


def test_the_area_name_is_read_once_and_not_on_every_page(client, counsellor):
    client.force_login(counsellor)

    def area_queries():
        with CaptureQueriesContext(connection) as queries:
            assert "Kainuun ja Koillismaan työllisyysalue" in client.get("/").content.decode()
        header = 'SELECT "organisation_employmentarea"."name_fi" AS "name_fi"'
        return [q for q in queries.captured_queries if q["sql"].startswith(header)]

    assert len(area_queries()) == 1
    assert area_queries() == []


def test_the_header_names_the_area_as_soon_as_it_is_loaded(client, make_user):
    client.force_login(make_user(role="administrator", username="asentaja"))
    assert 'class="area-name"' not in client.get("/").content.decode()
    EmploymentArea.objects.create(slug="uusi", name_fi="Uusi työllisyysalue", source="§1")
    assert '<span class="area-name">Uusi työllisyysalue</span>' in client.get("/").content.decode()
