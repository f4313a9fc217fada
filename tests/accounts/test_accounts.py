import pytest

from accounts import permissions
from accounts.enums import Role

pytestmark = pytest.mark.django_db


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
