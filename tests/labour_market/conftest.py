from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "labour_market" / "fixtures"
PX_FILE = FIXTURES / "statfin_12r5_kainuu_koillismaa.px"
JSON_FILE = FIXTURES / "statfin_12r5_kainuu_koillismaa.json"
CSV_FILE = FIXTURES / "esimerkki-paikalliset-luvut.csv"
OCCUPATIONS_FILE = Path(__file__).resolve().parents[2] / "data" / "classifications" / "isco-08.csv"


@pytest.fixture
def counsellor(area, make_user):
    return make_user(role="counsellor", municipality_code="205")


@pytest.fixture
def client_in(client, counsellor):
    client.force_login(counsellor)
    return client


@pytest.fixture
def occupations(db):
    """The whole ISCO-08 classification as `make load` loads it."""
    from labour_market.services import load_occupations

    load_occupations(OCCUPATIONS_FILE)
