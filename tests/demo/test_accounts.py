"""The demo accounts: one per role, idempotent, refused outside demo mode."""

import pytest
from django.core.management import CommandError, call_command

from accounts.enums import Role
from accounts.models import User
from demo.management.commands.create_demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def test_demo_accounts_one_per_role_and_idempotent(area):
    call_command("create_demo_accounts")
    call_command("create_demo_accounts")
    assert User.objects.count() == len(DEMO_ACCOUNTS)
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    counsellor = User.objects.get(username="ohjaaja")
    assert counsellor.check_password(DEMO_PASSWORD)
    assert counsellor.home_municipality.code == "205"
    assert counsellor.team is not None and counsellor.team.target_group == "adults"


def test_demo_accounts_refused_outside_demo_mode(settings, area):
    settings.DEMO_MODE = False
    with pytest.raises(CommandError, match="demo mode"):
        call_command("create_demo_accounts")
    assert not User.objects.exists()
    call_command("create_demo_accounts", demo=True)
    assert User.objects.count() == len(DEMO_ACCOUNTS)
