"""The demo's cooperation data: each part made through the services, visible to the demo accounts, idempotent."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cooperation.models import (
    AgendaItem,
    Consent,
    PartnerReferral,
    PlaceReferral,
    Procurement,
    RecruitmentCase,
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
    call_command("generate_cooperation", "--seed", "1", "--demo")
    assert counts() == first


def test_refused_outside_demo_mode(area, settings):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError):
        call_command("generate_cooperation")
