"""The matching engine's score, one component at a time, its exclusions, ordering and edge cases (pure, no database)."""

import math

import numpy as np
import pytest

from matching import engine
from matching.engine import Exclusion, Match, Weights
from matching.index import VacancyIndex

DAY = 20_000  # days since 1970-01-01
W = Weights()


def seekers(*people: dict) -> engine.Seekers:
    """Job seekers from dicts; defaults: one occupation 2512 at place 0, commute not stated, available on DAY."""
    rows = [
        {
            "id": index + 1,
            "codes": (2512,),
            "place": 0,
            "commute": math.nan,
            "relocate": False,
            "qualifications": 0,
            "languages": 0,
            "available": DAY,
        }
        | person
        for index, person in enumerate(people)
    ]
    k = max([len(row["codes"]) for row in rows], default=1)
    codes = np.full((len(rows), k), -1, dtype=np.int16)
    for index, row in enumerate(rows):
        codes[index, : len(row["codes"])] = row["codes"]
    return engine.Seekers(
        ids=np.array([row["id"] for row in rows], dtype=np.int64),
        occupations=codes,
        place=np.array([row["place"] for row in rows], dtype=np.int32),
        max_commute_km=np.array([row["commute"] for row in rows], dtype=np.float32),
        relocate=np.array([row["relocate"] for row in rows], dtype=bool),
        qualifications=np.array([row["qualifications"] for row in rows], dtype=np.uint64),
        languages=np.array([row["languages"] for row in rows], dtype=np.uint64),
        available_from=np.array([row["available"] for row in rows], dtype=np.int32),
    )


def vacancies(*jobs: dict) -> engine.Vacancies:
    """Vacancies from dicts; defaults: 2512 at place 0, no requirements, on site, starting DAY."""
    rows = [
        {"id": index + 1, "code": 2512, "place": 0, "qualifications": 0, "languages": 0, "remote": False, "start": DAY}
        | job
        for index, job in enumerate(jobs)
    ]
    return engine.Vacancies(
        ids=np.array([row["id"] for row in rows], dtype=np.int64),
        occupation=np.array([row["code"] for row in rows], dtype=np.int16),
        place=np.array([row["place"] for row in rows], dtype=np.int32),
        required_qualifications=np.array([row["qualifications"] for row in rows], dtype=np.uint64),
        required_languages=np.array([row["languages"] for row in rows], dtype=np.uint64),
        remote=np.array([row["remote"] for row in rows], dtype=bool),
        start=np.array([row["start"] for row in rows], dtype=np.int32),
    )


def road(km: float) -> np.ndarray:
    """Two places `km` apart (place 0 is the person's, place 1 the vacancy's when the test says so)."""
    return np.array([[0, km], [km, 0]], dtype=np.float32)


def pair(person: dict, job: dict, km: float = 0.0, weights: Weights = W) -> Match | Exclusion:
    return engine.explain(seekers(person), 0, vacancies(job), 0, road(km), weights)


# Occupation ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "points"),
    [(2512, 50.0), (2511, 35.0), (2521, 20.0), (2611, 10.0)],
    ids=["unit group", "minor group", "sub-major group", "major group"],
)
def test_occupation_points_by_level(code, points):
    match = pair({"codes": (2512,)}, {"code": code})
    assert match.components == {"occupation": points, "location": 30.0, "start": 20.0}
    assert match.score == points + 50.0


def test_a_different_major_group_excludes():
    assert pair({"codes": (2512,)}, {"code": 5223}) == Exclusion("occupation")


def test_a_person_without_an_occupation_is_excluded():
    assert pair({"codes": ()}, {"code": 5223}) == Exclusion("occupation")
    assert pair({"codes": (-1, -1)}, {"code": 110}) == Exclusion("occupation")


def test_the_nearest_of_several_occupations_counts():
    assert pair({"codes": (5223, 2611, 2511)}, {"code": 2512}).components["occupation"] == 35.0


def test_codes_with_a_leading_zero_keep_their_groups():
    """Armed forces 0110 and 0210 share only the major group 0; 0110 and 1120 share nothing."""
    assert pair({"codes": (110,)}, {"code": 210}).components["occupation"] == 10.0
    assert pair({"codes": (110,)}, {"code": 1120}) == Exclusion("occupation")


def test_occupation_codes_beyond_four_digits_are_refused():
    with pytest.raises(ValueError, match="4 digits"):
        engine.occupation_keys(np.array([25120]))


# Location -----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("km", "points"), [(0, 30.0), (10, 22.5), (30, 7.5), (40, 0.0)])
def test_location_falls_linearly_to_zero_at_the_commute(km, points):
    match = pair({"commute": 40.0}, {"place": 1}, km)
    assert match.components["location"] == pytest.approx(points)
    assert match.distance_km == km


def test_beyond_the_commute_is_excluded():
    assert pair({"commute": 40.0}, {"place": 1}, 40.5) == Exclusion("distance")


def test_an_unstated_commute_is_the_default():
    assert pair({}, {"place": 1}, 25).components["location"] == pytest.approx(15.0)
    assert pair({}, {"place": 1}, 51) == Exclusion("distance")
    assert pair({}, {"place": 1}, 51, Weights(default_max_commute_km=60)).components["location"] == pytest.approx(4.5)


def test_a_zero_commute_accepts_only_the_same_place():
    assert pair({"commute": 0.0}, {"place": 0}).components["location"] == 30.0
    assert pair({"commute": 0.0}, {"place": 1}, 1) == Exclusion("distance")


def test_a_remote_job_earns_full_location_points_at_any_distance():
    match = pair({"commute": 10.0}, {"place": 1, "remote": True}, 500)
    assert match.components["location"] == 30.0
    assert match.distance_km == 500


def test_relocation_earns_its_points_beyond_the_commute_and_never_fewer_inside_it():
    assert pair({"commute": 40.0, "relocate": True}, {"place": 1}, 300).components["location"] == 5.0
    # Linear points at 38 km would be 1.5: a person willing to move gets at least the relocation points.
    assert pair({"commute": 40.0, "relocate": True}, {"place": 1}, 38).components["location"] == 5.0
    assert pair({"commute": 40.0, "relocate": True}, {"place": 1}, 10).components["location"] == pytest.approx(22.5)


def test_an_unknown_distance_is_beyond_any_commute():
    assert pair({"commute": 1000.0}, {"place": 1}, math.inf) == Exclusion("distance")
    match = pair({"relocate": True}, {"place": 1}, math.inf)
    assert match.components["location"] == 5.0
    assert match.distance_km is None


# Start --------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("late", "points"), [(-30, 20.0), (0, 20.0), (45, 10.0), (90, 0.0), (400, 0.0)])
def test_start_points_fall_over_the_window_of_lateness(late, points):
    match = pair({"available": DAY + late}, {"start": DAY})
    assert match.components["start"] == pytest.approx(points)


def test_a_zero_window_gives_nothing_for_any_lateness():
    weights = Weights(start_window_days=0)
    assert pair({"available": DAY}, {"start": DAY}, weights=weights).components["start"] == 20.0
    assert pair({"available": DAY + 1}, {"start": DAY}, weights=weights).components["start"] == 0.0


# Hard requirements --------------------------------------------------------------------------------------------------

LICENCES = engine.Vocabulary(["B", "C", "CE", "hygiene"])
LANGUAGES = engine.Vocabulary(["fi", "sv", "en"])


def test_a_missing_qualification_excludes_and_a_held_one_does_not():
    job = {"qualifications": LICENCES.mask(["C", "hygiene"])}
    assert pair({"qualifications": LICENCES.mask(["B", "C"])}, job) == Exclusion("qualification")
    assert isinstance(pair({"qualifications": LICENCES.mask(["B", "C", "hygiene"])}, job), Match)


def test_a_missing_language_excludes():
    job = {"languages": LANGUAGES.mask(["fi"])}
    assert pair({"languages": LANGUAGES.mask(["sv", "en"])}, job) == Exclusion("language")
    assert isinstance(pair({"languages": LANGUAGES.mask(["fi"])}, job), Match)


def test_explain_names_the_first_reason_in_order():
    job = {"code": 5223, "qualifications": 1, "languages": 1, "place": 1}
    assert pair({}, job, 500) == Exclusion("occupation")
    assert pair({}, job | {"code": 2512}, 500) == Exclusion("qualification")
    assert pair({"qualifications": 1}, job | {"code": 2512}, 500) == Exclusion("language")
    assert pair({"qualifications": 1, "languages": 1}, job | {"code": 2512}, 500) == Exclusion("distance")
    assert tuple(engine.EXCLUSION_REASONS) == ("occupation", "qualification", "language", "distance")


def test_vocabulary_round_trip_and_errors():
    assert LICENCES.codes(LICENCES.mask(["hygiene", "B"])) == ["B", "hygiene"]
    with pytest.raises(ValueError, match="unknown code 'D'"):
        LICENCES.mask(["D"])
    with pytest.raises(ValueError, match="at most 64"):
        engine.Vocabulary(str(code) for code in range(65))


@pytest.mark.parametrize("field", ["occupation_unit", "location", "start_window_days"])
def test_weights_refuse_negative_values_naming_the_field(field):
    with pytest.raises(ValueError, match=field):
        Weights(**{field: -1})


# Ordering, limits, empty inputs -------------------------------------------------------------------------------------


def tied() -> tuple[engine.Seekers, engine.Vacancies, np.ndarray]:
    people = seekers({"id": 7}, {"id": 3, "codes": (2511,)})
    jobs = vacancies(
        {"id": 5},  # 100 points for the first person
        {"id": 3},  # 100, smaller id
        {"id": 9, "code": 2511},  # 85
        {"id": 4, "code": 2511},  # 85, smaller id
        {"id": 1, "code": 9112},  # excluded
    )
    return people, jobs, road(0)


def test_order_is_score_descending_then_id_ascending():
    people, jobs, distances = tied()
    rows, scores = engine.top_vacancies(people, jobs, distances, W, 3)
    assert rows[0].tolist() == [1, 0, 3]
    assert scores[0].tolist() == [100.0, 100.0, 85.0]
    found = engine.matches_for_seeker(people, 0, jobs, distances, W, 10)
    assert [match.id for match in found] == [3, 5, 4, 9]
    assert [match.index for match in found] == [1, 0, 3, 2]


def test_a_vacancys_people_are_ordered_the_same_way():
    people, jobs, distances = tied()
    found = engine.matches_for_vacancy(jobs, 0, people, distances, W, 10)
    assert [(match.id, match.index, match.score) for match in found] == [(7, 0, 100.0), (3, 1, 85.0)]
    assert found[1].components == {"occupation": 35.0, "location": 30.0, "start": 20.0}


def test_a_limit_beyond_the_candidates_pads():
    people, jobs, distances = tied()
    rows, scores = engine.top_vacancies(people, jobs, distances, W, 6)
    assert rows[0].tolist() == [1, 0, 3, 2, -1, -1]
    assert np.isnan(scores[0, 4:]).all()
    assert len(engine.matches_for_seeker(people, 0, jobs, distances, W, 6)) == 4


def test_empty_inputs_and_a_zero_limit():
    people, jobs, distances = tied()
    none = seekers()
    rows, scores = engine.top_vacancies(none, jobs, distances, W, 5)
    assert rows.shape == (0, 5) and scores.shape == (0, 5)
    rows, scores = engine.top_vacancies(people, vacancies(), distances, W, 5)
    assert (rows == -1).all() and np.isnan(scores).all()
    assert engine.top_vacancies(people, jobs, distances, W, 0)[0].shape == (2, 0)
    assert engine.matches_for_seeker(people, 0, vacancies(), distances, W, 5) == []
    assert engine.matches_for_vacancy(jobs, 0, none, distances, W, 5) == []
    assert engine.brute_force_scores(none, jobs, distances, W).shape == (0, 5)


def test_a_negative_or_fractional_limit_is_refused():
    people, jobs, distances = tied()
    with pytest.raises(ValueError, match="limit"):
        engine.top_vacancies(people, jobs, distances, W, -1)
    with pytest.raises(ValueError, match="limit"):
        engine.matches_for_seeker(people, 0, jobs, distances, W, 2.5)


def test_columns_of_different_lengths_are_refused():
    with pytest.raises(ValueError, match="differ in length"):
        engine.Vacancies(*(np.zeros(2) for _ in range(6)), np.zeros(3))


def test_the_index_serves_one_person_as_the_full_run_does():
    people, jobs, distances = tied()
    index = VacancyIndex(jobs, distances)
    for person in range(len(people)):
        assert engine.matches_for_seeker(people, person, jobs, distances, W, 3, index=index) == (
            engine.matches_for_seeker(people, person, jobs, distances, W, 3)
        )


def test_a_place_outside_the_distance_matrix_is_refused():
    people, jobs, distances = tied()
    with pytest.raises(ValueError, match="Seekers.place"):
        engine.top_vacancies(seekers({"place": 2}), jobs, distances, W, 3)
    with pytest.raises(ValueError, match="Vacancies.place"):
        engine.top_vacancies(people, vacancies({"place": -1}), distances, W, 3)
    with pytest.raises(ValueError, match="square"):
        engine.top_vacancies(people, jobs, np.zeros((2, 3), dtype=np.float32), W, 3)
