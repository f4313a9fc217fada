import os

import pytest

# Playwright's sync API runs an event loop in the test thread; the ORM calls made by fixtures around it are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(autouse=True)
def _finnish_by_default(settings):
    settings.LANGUAGE_CODE = "fi"
