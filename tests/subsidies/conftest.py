import pytest


@pytest.fixture
def rates(db):
    """The rules of data/subsidies/rates.yaml, loaded as `make load` loads them."""
    from subsidies.loader import load_rates

    return load_rates()
