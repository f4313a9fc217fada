"""The planning demo of `make run` (demo/planning.py): baseline and layoff scenarios, two change situations with
checklists partly done and change-security customers, a week of phone volumes with a rota; a second run adds nothing."""

from datetime import date

import pytest
from django.core.management import call_command

from planning.models import (
    ChangeSecurityCustomer,
    ChangeSituation,
    ChecklistItem,
    PhoneRotaEntry,
    PhoneVolume,
    PhoneVolumeWeek,
    Scenario,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(area, settings):
    settings.SERVICE_MODEL_TODAY = date(2026, 3, 2)
    call_command("create_demo_accounts", "--demo")
    call_command(
        "generate_population",
        "--month",
        "2023-08",
        "--scale",
        "0.1",
        "--municipality",
        "765",
        "--municipality",
        "205",
        "--demo",
    )


def counts():
    return [
        model.objects.count()
        for model in (Scenario, ChangeSituation, ChecklistItem, ChangeSecurityCustomer, PhoneVolumeWeek, PhoneRotaEntry)
    ]


def test_the_demo_has_every_part_once(demo, capsys):
    call_command("generate_planning", "--seed", "1", "--demo")
    assert "muutosturva-asiakasta" in capsys.readouterr().out
    baseline = Scenario.objects.get(name="Perusura")
    assert not baseline.changes.exists() and baseline.created_by.username == "johto"
    layoff = Scenario.objects.get(name="Sotkamon Malmi Oy:n lomautukset")
    assert {c.municipality.code for c in layoff.changes.all()} == {"765"}
    assert sum(c.people for c in layoff.changes.all()) == 420
    situations = {s.employer_name: s for s in ChangeSituation.objects.all()}
    assert set(situations) == {"Sotkamon Malmi Oy", "Kajaanin Puutuote Oy"}
    for situation in situations.values():
        done = situation.items.filter(done_on__isnull=False).count()
        assert 0 < done < situation.items.count()
        customers = ChangeSecurityCustomer.objects.filter(situation=situation)
        assert customers.exists()
        assert all(c.jobseeker.municipality_id == situation.municipality_id for c in customers)
        assert all(c.flagged_by_id == c.jobseeker.responsible_counsellor_id for c in customers)
    week = PhoneVolumeWeek.objects.get()
    assert PhoneVolume.objects.filter(week=week).count() == 5 * 8
    assert set(PhoneRotaEntry.objects.values_list("municipality__code", flat=True)) == {
        "205",
        "305",
        "765",
        "777",
        "290",
    }
    first = counts()
    call_command("generate_planning", "--seed", "1", "--demo")
    assert counts() == first


def test_the_demo_is_refused_outside_demo_mode(area, settings):
    settings.DEMO_MODE = False
    with pytest.raises(Exception, match="esittelytilassa"):
        call_command("generate_planning")
    assert not Scenario.objects.exists()
