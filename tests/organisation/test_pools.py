import pytest
from hypothesis import given
from hypothesis import strategies as st

from organisation.pools import Pool, counsellor_pool, municipality_pool, team_pool

keys = st.from_regex(r"[a-z0-9][a-z0-9-]{0,30}", fullmatch=True)


def test_a_counsellor_is_in_their_teams_pool_else_their_municipalitys():
    assert counsellor_pool(team_key="kajaani-nuoret", municipality_code="205") == "team:kajaani-nuoret"
    assert counsellor_pool(team_key=None, municipality_code="777") == "municipality:777"
    assert counsellor_pool(team_key=None, municipality_code=None) is None


@given(key=keys)
def test_pool_ids_parse_back(key):
    assert Pool.parse(team_pool(key)) == Pool("team", key)
    assert Pool.parse(municipality_pool(key)) == Pool("municipality", key)


@pytest.mark.parametrize("pool_id", ["", "team:", "kunta:205", "205"])
def test_malformed_pool_ids_are_refused(pool_id):
    with pytest.raises(ValueError):
        Pool.parse(pool_id)
