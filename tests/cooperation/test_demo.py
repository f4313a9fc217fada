"""The demo's cooperation data: each part made through the services, visible to the demo accounts, idempotent."""

from datetime import date

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cooperation.models import (
    AgendaItem,
    Consent,
    EventParticipant,
    InfoContact,
    IntegrationPlan,
    LanguageTraining,
    PartnerReferral,
    PlaceReferral,
    Procurement,
    RecruitmentCase,
    RecruitmentEvent,
    ServiceNeed,
    Spouse,
    TypClient,
    TypReferral,
    YouthPointVisit,
)
from cooperation.selectors import procurement as procurement_selectors
from cooperation.selectors import typ as typ_selectors
from tests.cooperation.factories import make_vacancy

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(area, settings):
    settings.SERVICE_MODEL_TODAY = "2026-03-02"
    call_command("create_demo_accounts", "--demo")
    call_command("generate_population", "--month", "2023-08", "--scale", "0.3", "--municipality", "205", "--demo")
    make_vacancy()


def counts():
    return (
        ServiceNeed.objects.count(),
        AgendaItem.objects.count(),
        Procurement.objects.count(),
        PlaceReferral.objects.count(),
        TypClient.objects.count(),
        Consent.objects.count(),
        RecruitmentCase.objects.count(),
        Spouse.objects.count(),
        YouthPointVisit.objects.count(),
        PartnerReferral.objects.count(),
        IntegrationPlan.objects.count(),
        LanguageTraining.objects.count(),
        InfoContact.objects.count(),
        RecruitmentEvent.objects.count(),
        EventParticipant.objects.count(),
    )


def test_every_part_is_made_and_a_new_run_replaces_it(demo, capsys):
    from accounts.models import User

    call_command("generate_cooperation", "--seed", "1", "--demo")
    assert "yhteistyöpalvelut:" in capsys.readouterr().out
    first = counts()
    assert all(first), first
    counsellor = User.objects.get(username="ohjaaja")
    waiting = AgendaItem.objects.filter(handling="", need__raised_by=counsellor)
    assert waiting.exists(), "the demo counsellor's need waits on the working group's agenda"
    assert AgendaItem.objects.filter(handling="rejected").exclude(reason="").exists()
    withdrawn = Consent.objects.get(withdrawn_on__isnull=False)
    assert TypReferral.objects.filter(consent=withdrawn).exists()
    assert typ_selectors.clients(counsellor).exists()
    assert Spouse.objects.filter(follow_ups__outcome="employed").exists()
    assert PartnerReferral.objects.filter(via_youth_point=True).count() == PartnerReferral.objects.count()
    assert procurement_selectors.report(Procurement.objects.get().area)
    assert InfoContact.objects.filter(jobseeker__isnull=False).count() == 1
    assert RecruitmentEvent.objects.filter(vacancies__isnull=False).exists()
    assert all(plan.jobseeker.is_foreign_language for plan in IntegrationPlan.objects.select_related("jobseeker"))
    assert LanguageTraining.objects.exists()
    for training in LanguageTraining.objects.all():
        # A course that has ended is no longer only started or referred; one long under way is not still referred.
        if training.ends_on and training.ends_on < date(2026, 3, 2):
            assert training.outcome not in ("started", "referred"), training
        if training.starts_on < date(2026, 2, 2):
            assert training.outcome != "referred", training
    call_command("generate_cooperation", "--seed", "1", "--demo")
    assert counts() == first


def test_refused_outside_demo_mode(area, settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError):
        call_command("generate_cooperation")
