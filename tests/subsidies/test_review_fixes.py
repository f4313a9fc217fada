"""What the review found: the start-up grant's periods and total, appeal instructions on a rectification decision, the
eligibility inputs frozen at receipt, the start date's window, and the decision predicate without an application."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts import permissions_subsidies
from common.documents import read_text
from jobseekers.models import Jobseeker
from organisation.models import Delegation, Municipality, Team
from subsidies import selectors, services
from subsidies.models import Application
from tests.subsidies.factories import advance, make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(area, rates, make_user):
    team = Team.objects.get(key="paltamo-pienet-kunnat")
    return {
        "preparer": make_user(role="counsellor", municipality_code="578", team=team),
        "decider": make_user(role="decision_maker", municipality_code="578"),
    }


def refused(call) -> dict:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict


def _check(application, code_text):
    return [item for item in selectors.checklist(application)["checks"] if code_text in item["text"]]


# --- a. start-up grant: 6-month periods, 12 months in all -----------------------------------------------------------


def test_a_start_up_grant_longer_than_a_period_cannot_be_proposed(people):
    preparer = people["preparer"]
    application = advance(make_application(preparer, kind="start_up_grant", months=7), preparer, to="in_preparation")
    errors = refused(lambda: services.propose(application.pk, by=preparer, outcome="granted", reasons=""))
    assert list(errors) == ["months"]
    assert "6 kuukauden jaksoissa" in errors["months"][0] and "starttiraha-2025" in errors["months"][0]


def test_start_up_grant_months_granted_before_count_towards_twelve(people):
    preparer, decider = people["preparer"], people["decider"]
    first = advance(make_application(preparer, kind="start_up_grant"), preparer, to="decided", decider=decider)
    person = first.jobseeker
    second = make_application(
        preparer, jobseeker=person, kind="start_up_grant", received_on=date(2025, 8, 1), start_date=date(2025, 9, 1)
    )
    advance(second, preparer, to="decided", decider=decider)
    third = make_application(
        preparer,
        jobseeker=person,
        kind="start_up_grant",
        received_on=date(2026, 2, 1),
        start_date=date(2026, 3, 1),
        months=1,
    )
    services.start_preparation(third.pk, by=preparer)
    errors = refused(lambda: services.propose(third.pk, by=preparer, outcome="granted", reasons=""))
    assert list(errors) == ["months"]
    assert "jo myönnetty 12 kuukautta" in errors["months"][0] and "enintään 12" in errors["months"][0]
    assert "starttiraha-2026" in errors["months"][0]


def test_a_grant_turned_down_on_rectification_does_not_count(people):
    preparer, decider = people["preparer"], people["decider"]
    first = advance(make_application(preparer, kind="start_up_grant"), preparer, to="notified", decider=decider)
    services.request_rectification(first.pk, by=preparer, received_on=timezone.localdate(), grounds="Vaatimus.")
    services.decide_rectification(first.pk, by=decider, result="changed", reasons="Edellytykset eivät täyty.")
    later = make_application(
        preparer,
        jobseeker=first.jobseeker,
        kind="start_up_grant",
        received_on=date(2025, 8, 1),
        start_date=date(2025, 9, 1),
    )
    (check,) = [item for item in selectors.checklist(later)["checks"] if "Aiemmin myönnetty" in item["text"]]
    assert check["status"] == "met" and "Aiemmin myönnetty 0 kuukautta" in check["text"]


# --- b. a decision on a rectification request carries appeal instructions --------------------------------------------


def test_the_rectification_decision_tells_how_to_appeal_to_the_administrative_court(people):
    preparer, decider = people["preparer"], people["decider"]
    application = advance(make_application(preparer), preparer, to="notified", decider=decider)
    services.request_rectification(application.pk, by=preparer, received_on=timezone.localdate(), grounds="Vaatimus.")
    decision = services.decide_rectification(application.pk, by=decider, result="upheld", reasons="Oikein.")
    text = read_text(bytes(decision.document))
    assert "Valitusosoitus" in text and "hallinto-oikeuteen 30 päivän kuluessa" in text and "808/2019" in text
    assert "Oikaisuvaatimusohje" not in text and "oikaisuvaatimuksen" not in text.lower().split("valitusosoitus")[1]
    first = read_text(bytes(application.decisions.get(kind="decision").document))
    assert "Oikaisuvaatimusohje" in first and "Valitusosoitus" not in first


# --- c. the eligibility inputs as they were when the application arrived ---------------------------------------------


def test_the_assessment_uses_the_inputs_recorded_at_receipt(people):
    preparer = people["preparer"]
    application = make_application(preparer, kind="reduced_work_ability")
    assert application.reduced_work_ability is False and application.age_at_start == 45
    assert application.unemployed_since == application.jobseeker.unemployed_since
    assert application.long_term_unemployed is False and application.unemployment_months == 0
    # The registry changes afterwards; the application is judged as it was made.
    Jobseeker.objects.filter(pk=application.jobseeker_id).update(reduced_work_ability=True)
    application = Application.objects.get(pk=application.pk)
    assert [item["status"] for item in _check(application, "vajaakuntoiseksi")] == ["not_met"]


def test_the_card_shows_the_recorded_inputs(client, people):
    preparer = people["preparer"]
    application = make_application(preparer)
    client.force_login(preparer)
    page = client.get(f"/tuet/hakemukset/{application.pk}/").content.decode()
    assert "Henkilön tiedot hakemuksen saapuessa" in page
    assert "10.1.2025" in page and "0 kuukautta" in page


def test_the_migration_fills_existing_applications_from_the_job_seeker(people):
    application = make_application(people["preparer"])
    Jobseeker.objects.filter(pk=application.jobseeker_id).update(reduced_work_ability=True)
    Application.objects.filter(pk=application.pk).update(
        age_at_start=None, unemployed_since=None, unemployment_months=None, reduced_work_ability=None,
        long_term_unemployed=None,
    )  # fmt: skip
    migration = importlib.import_module("subsidies.migrations.0003_eligibility_snapshot")
    migration.fill(apps, None)
    application.refresh_from_db()
    person = application.jobseeker
    assert (application.age_at_start, application.unemployed_since, application.unemployment_months) == (
        45,
        person.unemployed_since,
        0,
    )
    assert (application.reduced_work_ability, application.long_term_unemployed) == (True, False)


# --- e. the start date: from receipt, at most 12 months after --------------------------------------------------------


@pytest.mark.parametrize("kind", ["general", "start_up_grant"])
@pytest.mark.parametrize(
    ("start", "message"),
    [
        (date(2025, 1, 31), "aikaisintaan"),
        (date(2026, 2, 2), "viimeistään 1.2.2026"),
    ],
)
def test_a_start_outside_the_window_is_refused_on_its_field(people, kind, start, message):
    errors = refused(lambda: make_application(people["preparer"], kind=kind, start_date=start))
    assert list(errors) == ["start_date"]
    expected = "yritystoimintaan" if kind == "start_up_grant" and message == "aikaisintaan" else message
    assert expected in errors["start_date"][0]
    assert not Application.objects.exists()


@pytest.mark.parametrize("start", [date(2025, 2, 1), date(2026, 2, 1)])
def test_the_window_includes_its_ends(people, start):
    assert make_application(people["preparer"], start_date=start).start_date == start


# --- f. deciding subsidies at all -------------------------------------------------------------------------------------


def test_a_delegation_of_another_case_type_decides_no_subsidy(people, make_user):
    official = make_user(role="decision_maker")
    assert not permissions_subsidies.can_decide_subsidy(official)
    Delegation.objects.create(
        area=Municipality.objects.get(code="578").area,
        municipality=Municipality.objects.get(code="578"),
        case_type="self_motivated_study",
        official=official,
        source="Testi",
    )
    assert permissions_subsidies.subsidy_decision_rights(official)
    assert not permissions_subsidies.can_decide_subsidy(official)
    assert permissions_subsidies.can_decide_subsidy(people["decider"])
