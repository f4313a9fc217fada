from datetime import date

import pytest

from tests.conftest import AREA_DIR
from tests.employers.factories import COOK, NURSE, make_occupations

TODAY = date(2025, 6, 2)
CLEANER = ("9112", "Toimistosiivoojat ym.", "Cleaners and Helpers in Offices, Hotels and Other Establishments")
CARE = ("5322", "Kotihoitajat ym.", "Home-based Personal Care Workers")


@pytest.fixture(autouse=True)
def _fresh_arrays():
    """The arrays are cached per process: each test starts from its own database."""
    from matching import arrays

    arrays.clear()
    yield
    arrays.clear()


@pytest.fixture
def today(settings):
    settings.SERVICE_MODEL_TODAY = TODAY
    return TODAY


@pytest.fixture
def setting(area, today):
    """Occupations and the road distances of the area, as `make run` loads them."""
    from employers import distance_store

    make_occupations(NURSE, COOK, CLEANER, CARE)
    distance_store.load(AREA_DIR / "road-distances.csv")
    return area


@pytest.fixture
def kajaani_counsellor(setting, make_staff):
    return make_staff(role="counsellor", municipality_code="205", team="kajaani-aikuiset")
