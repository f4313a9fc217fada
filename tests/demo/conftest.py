from datetime import date

import pytest

# The reference day of the generated histories: a Monday in the 2026 rules (SERVICE_MODEL_TODAY pins "today").
TODAY = date(2026, 3, 2)


@pytest.fixture
def today(settings):
    settings.SERVICE_MODEL_TODAY = TODAY
    return TODAY
