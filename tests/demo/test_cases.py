"""The demo's statements and subsidy applications: every state reached through the services, idempotent, and only
about synthetic people."""

from collections import Counter

import pytest
from django.core.management import call_command
from django.db.models import F

from accounts.models import User
from statements.models import Statement
from subsidies import file_types
from subsidies.models import Application, Attachment, Decision, PaymentExport, PaymentRequest
from tests.jobseekers.factories import make_jobseeker

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(area, today):
    call_command("create_demo_accounts")
    call_command("load_subsidy_rates")
    call_command("generate_population", "--month", "2023-08", "--scale", "0.3", "--municipality", "205")
    call_command("generate_meetings", "--seed", "1")


def snapshot():
    statements = sorted(Statement.objects.values_list("jobseeker__hetu_hash", "case_type", "conduct_on", "state"))
    applications = sorted(Application.objects.values_list("jobseeker__hetu_hash", "kind", "state", "received_on"))
    return statements, applications


def test_cases_in_every_state_replaced_on_a_new_run(demo, capsys):
    registered = make_jobseeker(municipality="205")
    call_command("generate_cases", "--seed", "1")
    out = capsys.readouterr().out
    assert "lausunnot:" in out and "tukihakemukset:" in out and "hyväksytty" in out and "tiedoksi annettu" in out
    assert "notified" not in out
    first = snapshot()
    assert set(Counter(state for *_, state in first[0])) == {"draft", "hearing", "awaiting_approval", "approved"}
    assert {"received", "in_preparation", "proposed", "decided", "notified", "rectification_requested"} <= set(
        state for _person, _kind, state, _received in first[1]
    )
    assert PaymentRequest.objects.filter(state="approved").exists()
    assert Application.objects.filter(state="closed").exists()
    attached = Attachment.objects.filter(application__state="in_preparation").first()
    assert attached is not None and file_types.detect(attached.name, bytes(attached.content), 10**6).kind is not None
    # Four eyes: no payment was approved by whoever recorded it.
    assert not PaymentRequest.objects.filter(handled_by=F("recorded_by")).filter(state__in=["approved", "exported"])
    assert Decision.objects.filter(decided_by__username="paattaja").exists()
    assert not Statement.objects.filter(jobseeker=registered).exists()
    assert not Application.objects.filter(jobseeker=registered).exists()

    exports = PaymentExport.objects.count()
    assert exports

    call_command("generate_cases", "--seed", "1")
    assert snapshot() == first
    # The earlier run's payment files went with the invented payments they listed.
    assert PaymentExport.objects.count() == exports
    assert not PaymentExport.objects.filter(requests__isnull=True).exists()


def test_a_decision_maker_without_any_delegation_gets_no_subsidy_to_decide(demo):
    from accounts import permissions_subsidies

    call_command("generate_cases", "--seed", "1")
    without = User.objects.get(username="paattaja2")
    assert not permissions_subsidies.can_decide_subsidy(without)
    assert permissions_subsidies.can_decide_subsidy(User.objects.get(username="paattaja"))


def test_refused_outside_demo_mode_unless_asked(area, settings):
    from django.core.management.base import CommandError

    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="esittelytilassa"):
        call_command("generate_cases")


def test_the_competence_round_is_answered_by_the_synthetic_staff_and_shows_bottlenecks(demo, today):
    from competence.models import Respondent

    call_command("load_competence_areas")
    call_command("generate_competence", "--seed", "1")
    call_command("generate_competence", "--seed", "1")
    respondents = Respondent.objects.all()
    assert respondents.count() == User.objects.filter(username__startswith="synt-", is_active=True).count() > 0
    assert not respondents.filter(user__username="ohjaaja").exists()
    eures = respondents.filter(assessments__competence_area__key="eures", assessments__self_level__gte=3).count()
    everyday = respondents.filter(
        assessments__competence_area__key="alkuhaastattelu", assessments__self_level__gte=3
    ).count()
    assert eures < everyday
