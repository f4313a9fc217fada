import pytest


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """These tests create many users; the production hasher's deliberate slowness would dominate their time."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def make_staff(make_user):
    """A user of a role in a municipality, placed in a team by key (counsellors serve their team's pool)."""
    from organisation.models import Team

    def make(role="counsellor", municipality_code="205", team=None, **extra):
        team_obj = Team.objects.get(key=team) if team else None
        return make_user(role=role, municipality_code=municipality_code, team=team_obj, **extra)

    return make
