"""The one reading of the plan's caseload wording: a range includes its ends, "alle" is strict, "noin" has the area's
documented tolerance (data/areas/kainuu-koillismaa/caseload_targets.yaml)."""

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from organisation.caseload_bounds import Bound, Bounds, Verdict, as_number, missing_fte, verdict

RANGE = Bounds(100, 150)
BELOW = Bounds(None, 100, Bound.BELOW)
ABOUT = Bounds(100, 100, Bound.ABOUT, Decimal(10))
WITHIN, OVER, UNDER = Verdict.WITHIN, Verdict.OVER, Verdict.UNDER
TARGETS = Path(__file__).resolve().parents[2] / "data" / "areas" / "kainuu-koillismaa" / "caseload_targets.yaml"


@pytest.mark.parametrize(
    ("bounds", "ratio", "expected"),
    [
        # "100–150"
        (RANGE, 99, UNDER),
        (RANGE, 100, WITHIN),
        (RANGE, 101, WITHIN),
        (RANGE, 150, WITHIN),
        (RANGE, Fraction(1501, 10), OVER),
        # "alle 100": 100 itself is over
        (BELOW, 99, WITHIN),
        (BELOW, Fraction(999, 10), WITHIN),
        (BELOW, 100, OVER),
        (BELOW, 101, OVER),
        (BELOW, 0, WITHIN),
        # "n. 100" / "noin 100" with ±10 %
        (ABOUT, 89, UNDER),
        (ABOUT, 90, WITHIN),
        (ABOUT, 99, WITHIN),
        (ABOUT, 100, WITHIN),
        (ABOUT, 101, WITHIN),
        (ABOUT, 110, WITHIN),
        (ABOUT, Fraction(1101, 10), OVER),
    ],
)
def test_verdict_table(bounds, ratio, expected):
    assert verdict(ratio, bounds) == expected


@pytest.mark.parametrize(
    ("bounds", "lowest", "highest"),
    [(RANGE, 100, 150), (BELOW, None, 100), (ABOUT, 90, 110), (Bounds(90, 120, Bound.ABOUT, Decimal(5)), 85.5, 126)],
)
def test_the_ends_as_shown(bounds, lowest, highest):
    shown = (as_number(bounds.lowest), as_number(bounds.highest))
    assert shown == (None if lowest is None else Decimal(str(lowest)), Decimal(str(highest)))


@pytest.mark.parametrize(
    ("values", "problem"),
    [
        ({"minimum": 90, "maximum": 100, "bound": "below"}, "vain yläraja"),
        ({"minimum": None, "maximum": None, "bound": "below"}, "vain yläraja"),
        ({"minimum": 100, "maximum": 100, "bound": "about"}, "toleranssi"),
        ({"minimum": 100, "maximum": 100, "bound": "about", "tolerance_percent": Decimal(-1)}, "toleranssi"),
        ({"minimum": None, "maximum": 100, "bound": "about", "tolerance_percent": Decimal(10)}, "ala- ja yläraja"),
        ({"minimum": 150, "maximum": 100}, "alaraja on suurempi"),
        ({"minimum": 1, "maximum": 2, "bound": "roughly"}, "roughly"),
    ],
)
def test_a_target_that_cannot_be_read_is_refused(values, problem):
    with pytest.raises(ValueError, match=problem):
        Bounds(**values)


@given(st.integers(min_value=1, max_value=400), st.fractions(min_value=0, max_value=500))
def test_alle_is_within_exactly_when_the_range_up_to_the_figure_is_and_the_figure_is_not_reached(figure, ratio):
    strict = verdict(ratio, Bounds(None, figure, Bound.BELOW))
    inclusive = verdict(ratio, Bounds(None, figure))
    assert (strict == WITHIN) == (inclusive == WITHIN and ratio != figure)


@given(st.integers(min_value=1, max_value=400), st.integers(min_value=0, max_value=50), st.fractions(0, 800))
def test_noin_is_within_exactly_when_the_ratio_is_within_the_tolerance(figure, tolerance, ratio):
    found = verdict(ratio, Bounds(figure, figure, Bound.ABOUT, Decimal(tolerance)))
    assert (found == WITHIN) == (abs(ratio - figure) * 100 <= figure * tolerance)


def test_the_data_file_reads_alle_as_below_and_noin_with_a_documented_tolerance():
    text = TARGETS.read_text(encoding="utf-8")
    assert "Miksi ±10 %" in text
    rows = yaml.safe_load(text)
    for row in rows:
        wording = row["wording"].lower()
        if wording.startswith("alle"):
            assert row.get("bound") == "below", row
        elif wording.startswith(("n. ", "noin ")) and "–" not in wording:
            assert (row.get("bound"), row.get("tolerance_percent")) == ("about", 10), row
        else:
            assert row.get("bound", "range") == "range", row
    about = {row["municipality"] for row in rows if row.get("bound") == "about"}
    assert about == {"620", "832"}  # Puolanka "n. 100", Taivalkoski "noin 100"


@pytest.mark.parametrize(
    ("bounds", "clients", "fte", "expected"),
    [
        (BELOW, 100, 1, Decimal("0.01")),
        (BELOW, 99, 1, Decimal(0)),
        (BELOW, 200, 1, Decimal("1.01")),
        (BELOW, 0, 0, Decimal(0)),
        (RANGE, 150, 1, Decimal(0)),
        (RANGE, 151, 1, Decimal("0.01")),
        (ABOUT, 110, 1, Decimal(0)),
        (ABOUT, 111, 1, Decimal("0.01")),
        (Bounds(100, None), 500, 1, Decimal(0)),
    ],
)
def test_missing_fte_reads_the_wording(bounds, clients, fte, expected):
    assert missing_fte(clients, Decimal(fte), bounds) == expected


@given(
    st.sampled_from([RANGE, BELOW, ABOUT]),
    st.integers(min_value=0, max_value=5000),
    st.decimals(min_value=0, max_value=40, places=2),
)
def test_adding_the_missing_fte_is_enough_and_a_hundredth_less_is_not(bounds, clients, fte):
    missing = missing_fte(clients, fte, bounds)
    assert verdict(Fraction(clients) / Fraction(fte + missing), bounds) != OVER if fte + missing else clients == 0
    less = fte + missing - Decimal("0.01")
    if missing and less > 0:
        assert verdict(Fraction(clients) / Fraction(less), bounds) == OVER
