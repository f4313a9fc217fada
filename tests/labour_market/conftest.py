from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parents[2] / "labour_market" / "fixtures"
PX_FILE = FIXTURES / "statfin_12r5_kainuu_koillismaa.px"
JSON_FILE = FIXTURES / "statfin_12r5_kainuu_koillismaa.json"
CSV_FILE = FIXTURES / "esimerkki-paikalliset-luvut.csv"


@pytest.fixture
def counsellor(area, make_user):
    return make_user(role="counsellor", municipality_code="205")


@pytest.fixture
def client_in(client, counsellor):
    client.force_login(counsellor)
    return client
