import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by fixtures around it are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytest_plugins = ["pytester", "tests.browser", "tests.logscan"]

# Speed is measured in benchmarks, never in tests: on a shared two-core machine Hypothesis' per-example deadline and
# its too-slow health check fail properties that hold.
hypothesis_settings.register_profile("project", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("project")

AREA_DIR = Path(django_settings.BASE_DIR) / "data" / "areas" / "kainuu-koillismaa"
TEST_PASSWORD = "Testi-salasana-123"


def pytest_collection_modifyitems(config, items):
    """Tests that race real connections run only on PostgreSQL (see tests/concurrency.py); deselected elsewhere."""
    from django.db import connection

    if connection.vendor == "postgresql":
        return
    kept = [item for item in items if item.get_closest_marker("postgresql") is None]
    deselected = [item for item in items if item.get_closest_marker("postgresql") is not None]
    if deselected:
        config.hook.pytest_deselected(items=deselected)
        items[:] = kept


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Tests create users by the hundred; the production hasher's deliberate slowness would dominate the run."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _finnish_by_default(settings):
    settings.LANGUAGE_CODE = "fi"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts from an empty cache: what one test's data put there (the area's name) is not another's."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def area(db):
    """The Kainuu-Koillismaa area data as `make run` loads it."""
    from organisation.area_data import load_area
    from organisation.models import EmploymentArea

    load_area(AREA_DIR)
    return EmploymentArea.objects.get()


@pytest.fixture
def make_user(db):
    from accounts.models import User
    from organisation.models import Municipality

    def make(role="counsellor", municipality_code=None, username=None, **extra):
        municipality = Municipality.objects.get(code=municipality_code) if municipality_code else None
        return User.objects.create_user(
            username=username or f"{role}-{municipality_code or 'none'}-{User.objects.count()}",
            password=TEST_PASSWORD,
            role=role,
            home_municipality=municipality,
            **extra,
        )

    return make


@pytest.fixture
def make_staff(make_user):
    """A user of a role in a municipality, placed in a team by key (counsellors serve their team's pool)."""
    from organisation.models import Team

    def make(role="counsellor", municipality_code="205", team=None, **extra):
        team_obj = Team.objects.get(key=team) if team else None
        return make_user(role=role, municipality_code=municipality_code, team=team_obj, **extra)

    return make
