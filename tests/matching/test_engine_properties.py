"""Properties of the matching engine on random small instances: every fast path equals a plain reference ordering of
brute_force_scores, scores stay within their bounds, explain() adds up."""

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from matching import engine
from matching.engine import Exclusion, Match, Weights
from matching.index import VacancyIndex

# Few codes, places and distances, so that every level, the commute's edge, unknown distances and ties all occur.
CODES = [110, 210, 2511, 2512, 2519, 2521, 2611, 5223, -1]
DISTANCES = [0.0, 5.0, 10.0, 30.0, 50.0, 80.0, math.inf]
COMMUTES = [math.nan, 0.0, 10.0, 30.0, 80.0]
DAY = 20_000

weights_strategy = st.one_of(
    st.just(Weights()),
    st.builds(
        Weights,
        occupation_unit=st.floats(0, 100),
        occupation_minor=st.floats(0, 100),
        occupation_sub_major=st.floats(0, 100),
        occupation_major=st.floats(0, 100),
        location=st.floats(0, 100),
        start=st.floats(0, 100),
        start_window_days=st.integers(0, 200),
        default_max_commute_km=st.sampled_from([0.0, 10.0, 50.0]),
        relocation_location_points=st.floats(0, 100),
    ),
)


@st.composite
def instances(draw):
    n = draw(st.integers(0, 10))
    m = draw(st.integers(0, 40))
    p = draw(st.integers(1, 4))
    k = draw(st.integers(1, 3))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    upper = rng.choice(DISTANCES, (p, p))
    distances = np.triu(upper, 1) + np.triu(upper, 1).T
    seekers = engine.Seekers(
        ids=rng.permutation(n).astype(np.int64) * 3,
        occupations=rng.choice(CODES, (n, k)).astype(np.int16),
        place=rng.integers(0, p, n).astype(np.int32),
        max_commute_km=rng.choice(COMMUTES, n).astype(np.float32),
        relocate=rng.random(n) < 0.3,
        qualifications=rng.integers(0, 8, n).astype(np.uint64),
        languages=rng.integers(0, 4, n).astype(np.uint64),
        available_from=(DAY + rng.integers(-5, 120, n)).astype(np.int32),
    )
    vacancies = engine.Vacancies(
        ids=rng.integers(0, max(1, m // 2), m).astype(np.int64),  # repeated ids: ties fall back to the row
        occupation=rng.choice(CODES[:-1], m).astype(np.int16),
        place=rng.integers(0, p, m).astype(np.int32),
        required_qualifications=np.where(rng.random(m) < 0.2, rng.integers(0, 8, m), 0).astype(np.uint64),
        required_languages=np.where(rng.random(m) < 0.2, rng.integers(0, 4, m), 0).astype(np.uint64),
        remote=rng.random(m) < 0.15,
        start=(DAY + rng.choice([0, 0, 0, 3, 30], m)).astype(np.int32),
    )
    return seekers, vacancies, distances.astype(np.float32), draw(weights_strategy), draw(st.integers(0, 12))


def reference(scores: np.ndarray, ids: np.ndarray, limit: int) -> list[list[tuple[int, float]]]:
    """Each row's best `limit` columns by a plain sort: score descending, id ascending, then column."""
    return [
        [(j, s) for s, _, j in sorted((-s, ids[j], j) for j, s in enumerate(row) if s > -np.inf)[:limit]]
        for row in scores
    ]


def as_lists(rows: np.ndarray, values: np.ndarray) -> list[list[tuple[int, float]]]:
    return [
        [(int(j), -float(v)) for j, v in zip(r, s, strict=True) if j >= 0] for r, s in zip(rows, values, strict=True)
    ]


@settings(max_examples=150, deadline=None)
@given(instances())
def test_top_vacancies_equals_the_brute_force(instance):
    seekers, vacancies, distances, weights, limit = instance
    scores = engine.brute_force_scores(seekers, vacancies, distances, weights)
    rows, values = engine.top_vacancies(seekers, vacancies, distances, weights, limit)
    assert rows.shape == values.shape == (len(seekers), limit)
    assert np.isnan(values[rows < 0]).all()
    assert as_lists(rows, values) == reference(scores, vacancies.ids, limit)


@settings(max_examples=80, deadline=None)
@given(instances())
def test_one_person_and_one_vacancy_equal_the_brute_force(instance):
    seekers, vacancies, distances, weights, limit = instance
    scores = engine.brute_force_scores(seekers, vacancies, distances, weights)
    expected = reference(scores, vacancies.ids, limit)
    index = VacancyIndex(vacancies, distances)
    for i in range(len(seekers)):
        for kept in (None, index):
            found = engine.matches_for_seeker(seekers, i, vacancies, distances, weights, limit, index=kept)
            assert [(match.index, -match.score) for match in found] == expected[i]
            assert [match.id for match in found] == [int(vacancies.ids[j]) for j, _ in expected[i]]
    by_vacancy = reference(scores.T, seekers.ids, limit)
    for j in range(len(vacancies)):
        found = engine.matches_for_vacancy(vacancies, j, seekers, distances, weights, limit)
        assert [(match.index, -match.score) for match in found] == by_vacancy[j]


@settings(max_examples=100, deadline=None)
@given(instances())
def test_scores_stay_within_the_weights_and_explain_adds_up(instance):
    seekers, vacancies, distances, weights, _ = instance
    scores = engine.brute_force_scores(seekers, vacancies, distances, weights)
    eligible = scores[scores > -np.inf]
    assert (eligible >= 0).all()
    assert (eligible <= weights.maximum).all()
    for i in range(len(seekers)):
        for j in range(len(vacancies)):
            result = engine.explain(seekers, i, vacancies, j, distances, weights)
            if scores[i, j] == -np.inf:
                assert isinstance(result, Exclusion)
                assert result.reason in engine.EXCLUSION_REASONS
                continue
            assert isinstance(result, Match)
            assert result.score == scores[i, j]
            assert sum(result.components[name] for name in engine.COMPONENTS) == result.score


def test_many_ties_at_the_largest_score_in_one_place():
    """Hundreds of vacancies at the largest score: the first round reads only the head of each place by id."""
    rng = np.random.default_rng(7)
    n, m = 50, 600
    seekers = engine.Seekers(
        ids=np.arange(n, dtype=np.int64),
        occupations=rng.choice([2511, 2512], (n, 2)).astype(np.int16),
        place=rng.integers(0, 2, n).astype(np.int32),
        max_commute_km=np.full(n, np.nan, dtype=np.float32),
        relocate=rng.random(n) < 0.3,
        qualifications=rng.integers(0, 2, n).astype(np.uint64),
        languages=np.ones(n, dtype=np.uint64),
        available_from=np.where(rng.random(n) < 0.5, DAY, DAY + 10).astype(np.int32),
    )
    vacancies = engine.Vacancies(
        ids=rng.permutation(m).astype(np.int64),
        occupation=rng.choice([2511, 2512], m).astype(np.int16),
        place=rng.integers(0, 2, m).astype(np.int32),
        required_qualifications=(rng.random(m) < 0.5).astype(np.uint64),
        required_languages=np.ones(m, dtype=np.uint64),
        remote=rng.random(m) < 0.1,
        start=np.full(m, DAY, dtype=np.int32),
    )
    distances = np.array([[0, 20], [20, 0]], dtype=np.float32)
    for weights in (Weights(), Weights(start_window_days=10**12)):  # the second merges nearly equal scores' keys
        for limit in (1, 5, 20):
            scores = engine.brute_force_scores(seekers, vacancies, distances, weights)
            rows, values = engine.top_vacancies(seekers, vacancies, distances, weights, limit)
            assert as_lists(rows, values) == reference(scores, vacancies.ids, limit)


def test_a_place_whose_first_vacancies_are_closed_to_the_person_is_read_in_full():
    """The first round reads only the head of a place's vacancies by id; when the head holds too few at the largest
    score (here none: they all require a card the person lacks) the tail must still be read."""
    m = 200
    seekers = engine.Seekers(
        ids=np.array([1], dtype=np.int64),
        occupations=np.array([[2512]], dtype=np.int16),
        place=np.zeros(1, dtype=np.int32),
        max_commute_km=np.array([np.nan], dtype=np.float32),
        relocate=np.zeros(1, dtype=bool),
        qualifications=np.zeros(1, dtype=np.uint64),
        languages=np.zeros(1, dtype=np.uint64),
        available_from=np.full(1, DAY, dtype=np.int32),
    )
    vacancies = engine.Vacancies(
        ids=np.arange(m, 0, -1, dtype=np.int64),
        occupation=np.full(m, 2512, dtype=np.int16),
        place=np.zeros(m, dtype=np.int32),
        required_qualifications=(np.arange(m, 0, -1) <= 60).astype(np.uint64),
        required_languages=np.zeros(m, dtype=np.uint64),
        remote=np.zeros(m, dtype=bool),
        start=np.full(m, DAY, dtype=np.int32),
    )
    distances = np.zeros((1, 1), dtype=np.float32)
    rows, values = engine.top_vacancies(seekers, vacancies, distances, Weights(), 5)
    assert vacancies.ids[rows[0]].tolist() == [61, 62, 63, 64, 65]
    assert values[0].tolist() == [100.0] * 5
