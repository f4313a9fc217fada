import pytest

from accounts import permissions
from accounts.enums import Role
from tests.accounts.factories import UserFactory
from tests.organisation.factories import TeamFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", Role.values)
def test_one_trait_per_role(role):
    assert UserFactory(**{role: True}).role == role


def test_a_team_member_lives_in_the_teams_municipality_and_serves_its_pool():
    team = TeamFactory()
    counsellor = UserFactory(team=team)
    assert counsellor.home_municipality == team.municipality
    assert permissions.counsellor_pools(counsellor) == {f"team:{team.key}"}
    assert permissions.may_counsel(counsellor)


def test_an_inactive_counsellor_counsels_nobody_and_can_sign_in_with_the_test_password():
    user = UserFactory(inactive=True)
    assert not permissions.may_counsel(user) and permissions.counsellor_pools(user) == frozenset()
    assert user.check_password("Testi-salasana-123")
