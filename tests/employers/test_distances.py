"""The road-distance core, directly (no Django), and the area's file."""

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from common.data_files import DataFileError
from employers import distances

FILE = Path(__file__).resolve().parents[2] / "data" / "areas" / "kainuu-koillismaa" / "road-distances.csv"
AREA = ["105", "205", "290", "305", "578", "620", "697", "765", "777", "832"]
NEIGHBOURS = ["564", "140", "541", "615", "320", "785", "762"]
TABLE = distances.RoadDistances(distances.read(FILE))
CODES = st.sampled_from(AREA + NEIGHBOURS + ["091"])


@given(CODES, CODES)
def test_distance_is_symmetric(a, b):
    assert distances.distance(TABLE, a, b) == distances.distance(TABLE, b, a)


@given(CODES)
def test_distance_to_itself_is_zero(a):
    assert distances.distance(TABLE, a, a) == 0


def test_unknown_pair_is_none():
    assert distances.distance(TABLE, "205", "091") is None


def test_the_file_covers_the_area_and_its_neighbours():
    for a in AREA:
        for b in AREA + NEIGHBOURS:
            assert distances.distance(TABLE, a, b) is not None, (a, b)
    assert distances.distance(TABLE, "205", "564") == 183  # Kajaani–Oulu, published by Visit Kajaani


def test_bad_rows_are_refused_with_their_lines(tmp_path):
    path = tmp_path / "d.csv"
    path.write_text(
        ",".join(distances.HEADER)
        + "\n205,Kajaani,765,Sotkamo,38,false,vt 6,x\n765,Sotkamo,205,Kajaani,39,false,vt 6,x\n"
        + "205,Kajaana,578,Paltamo,abc,maybe,,\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as raised:
        distances.read(path)
    reasons = [(problem.line, problem.message.split(":")[0]) for problem in raised.value.problems]
    assert (3, "pari 205–765 on jo rivillä 2") in [(p.line, p.message) for p in raised.value.problems]
    assert (4, "source") in reasons and (4, "km") in reasons and (4, "approximate") in reasons
