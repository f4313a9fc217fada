import pytest
from django.core.management import CommandError, call_command

from accounts import permissions
from accounts.enums import Role
from accounts.management.commands.create_demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from accounts.models import User

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


def test_anonymous_and_inactive_users_have_no_access(make_user):
    from django.contrib.auth.models import AnonymousUser

    inactive = make_user(is_active=False)
    for user in (AnonymousUser(), inactive, None):
        assert not permissions.can_view_organisation(user)
        assert not permissions.can_see_personal_data(user)


@pytest.mark.parametrize(
    ("role", "personal_data"),
    [
        (Role.COUNSELLOR, True),
        (Role.SUPERVISOR, True),
        (Role.DECISION_MAKER, True),
        (Role.ADMINISTRATOR, True),
        (Role.PAYMENT_HANDLER, False),
        (Role.EMPLOYER_SERVICES, False),
        (Role.AREA_MANAGER, False),
    ],
)
def test_personal_data_only_for_case_working_roles(make_user, role, personal_data):
    user = make_user(role=role)
    assert permissions.can_view_organisation(user)
    assert permissions.can_see_personal_data(user) is personal_data
