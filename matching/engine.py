"""Matching job seekers and vacancies: the score, its parts, and the top N on either side. Pure: numpy and stdlib.

A pair's score is the sum of three components (points):

* occupation – how close the vacancy's ISCO-08 unit group is to the nearest of the person's occupations: the same
  unit group (4 digits) 50, the same minor group (3) 35, sub-major group (2) 20, major group (1) 10. A different major
  group (or a person without any occupation) excludes the pair: the classification's major groups are skill levels
  and fields far enough apart that a counsellor would not offer the job. Occupation carries half of the maximum
  because it is what the vacancy is about; each step up the hierarchy keeps roughly two thirds of the previous step,
  so a neighbouring unit group close by outranks the person's own unit group 80 km away only when the commute is
  long.
* location – 30 at 0 km (or when the job can be done remotely), falling linearly to 0 at the person's maximum
  commute (50 km when they have stated none: the Unemployment Security Act counts a commute of up to three hours a
  day as reasonable, which in practice means 50–80 km by car in Kainuu). Beyond it, or when the road distance is
  unknown, the pair is excluded unless the person is willing to relocate; then it earns 5 points (and a relocating
  person never gets fewer than 5 for a job inside the commute either, so the points never rise with distance).
* start – 20 when the person is available by the vacancy's start, falling linearly to 0 over 90 days of lateness
  (a quarter of a year, the usual horizon of an open vacancy); never excluding.

Hard requirements exclude the pair: a driving licence or card the vacancy requires and the person lacks, a language
the vacancy requires and the person lacks. Ordering everywhere is score descending, ties by id ascending, so "the top
N" is a well-defined set and the fast paths are checked against `brute_force_scores` exactly.

`top_vacancies` scores every person at once without looking at all 60 000 × 700 000 pairs: see `matching.index`.
"""

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields

import numpy as np

COMPONENTS = ("occupation", "location", "start")

EXCLUSION_REASONS = ("occupation", "qualification", "language", "distance")


@dataclass(frozen=True)
class Weights:
    """Points of each component (the defaults and their reasons: the module docstring); settings.MATCHING_WEIGHTS
    overrides them by name."""

    occupation_unit: float = 50.0  # same ISCO-08 unit group (4 digits)
    occupation_minor: float = 35.0  # same minor group (3)
    occupation_sub_major: float = 20.0  # same sub-major group (2)
    occupation_major: float = 10.0  # same major group (1); a different one excludes
    location: float = 30.0  # at 0 km or remote, linearly to 0 at the person's maximum commute
    start: float = 20.0  # available by the start, linearly to 0 over start_window_days late
    start_window_days: int = 90
    default_max_commute_km: float = 50.0  # when the person has stated none
    relocation_location_points: float = 5.0  # beyond the commute, for a person willing to relocate

    def __post_init__(self):
        for field in fields(self):
            value = getattr(self, field.name)
            if not np.isfinite(value) or value < 0:
                raise ValueError(f"{field.name}: must be a finite number ≥ 0, got {value!r}")

    def occupation_table(self) -> np.ndarray:
        """Points by level: 0 = different major group (excluded), 1 = major … 4 = unit group."""
        return np.array(
            [-np.inf, self.occupation_major, self.occupation_sub_major, self.occupation_minor, self.occupation_unit]
        )

    @property
    def maximum(self) -> float:
        """The largest score any pair can reach."""
        return float(
            max(self.occupation_unit, self.occupation_minor, self.occupation_sub_major, self.occupation_major)
            + max(self.location, self.relocation_location_points)
            + self.start
        )


class Vocabulary:
    """Codes (driving licences, cards, languages) ↔ bit positions of a uint64 bit set."""

    def __init__(self, codes: Iterable[str]):
        self._codes = list(dict.fromkeys(codes))
        if len(self._codes) > 64:
            raise ValueError(f"a vocabulary holds at most 64 codes, got {len(self._codes)}")
        self._bits = {code: position for position, code in enumerate(self._codes)}

    def __len__(self) -> int:
        return len(self._codes)

    def __contains__(self, code: str) -> bool:
        return code in self._bits

    def mask(self, codes: Iterable[str]) -> int:
        bits = 0
        for code in codes:
            if code not in self._bits:
                raise ValueError(f"unknown code {code!r}; known: {', '.join(self._codes)}")
            bits |= 1 << self._bits[code]
        return bits

    def codes(self, mask: int) -> list[str]:
        return [code for position, code in enumerate(self._codes) if int(mask) >> position & 1]


def _check_rows(name: str, columns: dict[str, np.ndarray]) -> None:
    lengths = {key: len(value) for key, value in columns.items()}
    if len(set(lengths.values())) > 1:
        raise ValueError(f"{name}: columns differ in length: {lengths}")


@dataclass(frozen=True)
class Seekers:
    """Job seekers, columnar (n rows): occupations (n, k) int16 ISCO-08 unit groups, -1 none; place an index into
    the distance matrix; max_commute_km NaN when not stated; qualifications and languages uint64 bit sets (see
    Vocabulary); available_from in days since 1970-01-01."""

    ids: np.ndarray
    occupations: np.ndarray
    place: np.ndarray
    max_commute_km: np.ndarray
    relocate: np.ndarray
    qualifications: np.ndarray
    languages: np.ndarray
    available_from: np.ndarray

    def __post_init__(self):
        if np.ndim(self.occupations) != 2:
            raise ValueError("Seekers.occupations: must be two-dimensional (n, k)")
        _check_rows("Seekers", {field.name: getattr(self, field.name) for field in fields(self)})

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class Vacancies:
    """Vacancies, columnar (m rows): occupation int16 unit group; required bit sets; start in days since 1970-01-01
    (the day of matching when the vacancy has none)."""

    ids: np.ndarray
    occupation: np.ndarray
    place: np.ndarray
    required_qualifications: np.ndarray
    required_languages: np.ndarray
    remote: np.ndarray
    start: np.ndarray

    def __post_init__(self):
        _check_rows("Vacancies", {field.name: getattr(self, field.name) for field in fields(self)})

    def __len__(self) -> int:
        return len(self.ids)


@dataclass(frozen=True)
class Match:
    """A scored pair, naming the other side's row and id; components add up to the score."""

    index: int
    id: int
    score: float
    components: dict[str, float]
    distance_km: float | None


@dataclass(frozen=True)
class Exclusion:
    """Why a pair is not a match: one of EXCLUSION_REASONS."""

    reason: str


# ---------------------------------------------------------------------------------------------------------------
# The kernel: elementwise over broadcastable arrays. Every path (brute force, the index, one person, explain) goes
# through these functions, so equal inputs give bit-identical floats and "equals brute force" can be exact.


PERSON_WITHOUT_CODE = 0xF000
VACANCY_WITHOUT_CODE = 0xE000


def occupation_keys(codes, missing: int = PERSON_WITHOUT_CODE) -> np.ndarray:
    """ISCO-08 unit groups as uint16 with one hexadecimal digit per decimal digit (2512 → 0x2512).

    Two codes share a group of level L exactly when the XOR of their keys is below 16 ** (4 - L), so the level of a
    pair is one XOR and one table look-up. A missing code (< 0) gets `missing`, whose XOR with any code or with the
    other side's missing key is ≥ 0x1000 (no common major group)."""
    c = np.asarray(codes).astype(np.int32)
    if c.size and c.max(initial=-1) > 9999:
        raise ValueError(f"occupation codes: ISCO-08 unit groups have 4 digits, got {int(c.max())}")
    key = (c // 1000) << 12 | (c // 100 % 10) << 8 | (c // 10 % 10) << 4 | (c % 10)
    return np.where(c >= 0, key, missing).astype(np.uint16)


# The lowest XOR of two keys at each level: 0 same unit group, 1–0xF minor, 0x10–0xFF sub-major, 0x100–0xFFF major.
LEVEL_FLOOR = {4: 0, 3: 0x1, 2: 0x10, 1: 0x100}


@functools.lru_cache(maxsize=16)
def occupation_table(weights: "Weights") -> np.ndarray:
    """Points by XOR of two occupation keys (65 536 entries): -inf when the major groups differ."""
    xor = np.arange(1 << 16)
    level = np.select([xor == 0, xor < 0x10, xor < 0x100, xor < 0x1000], [4, 3, 2, 1], 0)
    table = weights.occupation_table()[level]
    table.flags.writeable = False
    return table


def occupation_points_by_code(person_keys, vacancy_key, weights: "Weights") -> np.ndarray:
    """Points of the vacancy for each of the person's k codes: (..., k), -inf for a different major group."""
    return occupation_table(weights)[np.bitwise_xor(person_keys, np.asarray(vacancy_key)[..., None])]


def occupation_points(person_keys, vacancy_key, weights: "Weights") -> np.ndarray:
    """The best of the person's codes (keys from occupation_keys): points, -inf when excluded."""
    by_code = occupation_points_by_code(person_keys, vacancy_key, weights)
    return best_of(by_code[..., slot] for slot in range(by_code.shape[-1]))


def best_of(points: Iterable[np.ndarray]) -> np.ndarray:
    """Elementwise maximum (exact whatever the order, so every path may take it column by column)."""
    return functools.reduce(np.maximum, points, -np.inf)


def commute_km(max_commute_km, weights: Weights) -> np.ndarray:
    commute = np.asarray(max_commute_km, dtype=np.float64)
    return np.where(np.isnan(commute), weights.default_max_commute_km, commute)


def location_points(distance, commute, relocate, remote, weights: Weights) -> np.ndarray:
    """Points (-inf when excluded). `commute` already has the default filled in (see commute_km)."""
    d = np.asarray(distance, dtype=np.float64)
    known = np.isfinite(d)
    within = known & (d <= commute)
    positive = commute > 0
    linear = weights.location * (1.0 - np.where(known, d, 0.0) / np.where(positive, commute, 1.0))
    near = np.where(positive, linear, weights.location)
    base = np.where(remote, weights.location, np.where(within, near, -np.inf))
    return np.where(relocate, np.maximum(base, weights.relocation_location_points), base)


def start_points(available_from, start, weights: Weights) -> np.ndarray:
    late = (np.asarray(available_from, dtype=np.int64) - np.asarray(start, dtype=np.int64)).astype(np.float64)
    window = float(weights.start_window_days)
    fraction = np.maximum(0.0, 1.0 - late / window) if window > 0 else np.zeros_like(late)
    return weights.start * np.where(late <= 0, 1.0, fraction)


def requirements_met(held_qualifications, required_qualifications, held_languages, required_languages):
    return ((required_qualifications & ~held_qualifications) == 0) & ((required_languages & ~held_languages) == 0)


def pair_scores(
    occupation, commute, relocate, qualifications, languages, available_from, required_qualifications,
    required_languages, remote, start, distance, weights: Weights,
) -> np.ndarray:  # fmt: skip
    """Scores (-inf when excluded) of pairs given their columns (broadcastable) and occupation points."""
    return combine(
        occupation,
        location_points(distance, commute, relocate, remote, weights),
        start_points(available_from, start, weights),
        requirements_met(qualifications, required_qualifications, languages, required_languages),
    )


def combine(occupation, location, start, met) -> np.ndarray:
    """The score from its components, in this order (so that every path adds the same floats the same way)."""
    return np.where(met, occupation + location + start, -np.inf)


def _pairs(seekers, seeker_rows, vacancies, vacancy_rows, distances, weights) -> np.ndarray:
    """Scores of the pairs (seeker_rows[x], vacancy_rows[x]); the index arrays broadcast ((n, 1) × (1, m) for all)."""
    seeker_rows, vacancy_rows = np.asarray(seeker_rows), np.asarray(vacancy_rows)
    occupation = occupation_points(
        occupation_keys(seekers.occupations[seeker_rows]),
        occupation_keys(vacancies.occupation[vacancy_rows], VACANCY_WITHOUT_CODE),
        weights,
    )
    return pair_scores(
        occupation=occupation,
        commute=commute_km(seekers.max_commute_km[seeker_rows], weights),
        relocate=seekers.relocate[seeker_rows],
        qualifications=seekers.qualifications[seeker_rows],
        languages=seekers.languages[seeker_rows],
        available_from=seekers.available_from[seeker_rows],
        required_qualifications=vacancies.required_qualifications[vacancy_rows],
        required_languages=vacancies.required_languages[vacancy_rows],
        remote=vacancies.remote[vacancy_rows],
        start=vacancies.start[vacancy_rows],
        distance=distances[seekers.place[seeker_rows], vacancies.place[vacancy_rows]],
        weights=weights,
    )


def brute_force_scores(
    seekers: Seekers, vacancies: Vacancies, distances: np.ndarray, weights: Weights, chunk: int = 0
) -> np.ndarray:
    """Every pair's score, (n, m), -inf where excluded: the reference the fast paths are checked against."""
    n, m = len(seekers), len(vacancies)
    out = np.empty((n, m), dtype=np.float64)
    step = chunk or max(1, 2_000_000 // max(1, m))
    columns = np.arange(m)[None, :]
    for begin in range(0, n, step):
        rows = np.arange(begin, min(n, begin + step))[:, None]
        out[begin : begin + len(rows)] = _pairs(seekers, rows, vacancies, columns, distances, weights)
    return out


def id_ranks(ids: np.ndarray) -> np.ndarray:
    """Position of each row in id order (ties by row), so that ordering by rank is ordering by id."""
    order = np.argsort(ids, kind="stable")
    ranks = np.empty(len(ids), dtype=np.int64)
    ranks[order] = np.arange(len(ids))
    return ranks


def top_of_rows(scores: np.ndarray, ranks: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    """Top `limit` columns of each row of a dense score matrix (score descending, rank ascending), -1/NaN padded."""
    n, m = scores.shape
    indices = np.full((n, limit), -1, dtype=np.int64)
    values = np.full((n, limit), np.nan)
    if n == 0 or m == 0 or limit == 0:
        return indices, values
    if m > limit:
        cut = np.partition(scores, m - limit, axis=1)[:, m - limit]
        keep = (scores >= cut[:, None]) & (scores > -np.inf)
    else:
        keep = scores > -np.inf
    rows, cols = np.nonzero(keep)
    picked = scores[rows, cols]
    order = np.lexsort((ranks[cols], -picked, rows))
    rows, cols, picked = rows[order], cols[order], picked[order]
    starts = np.searchsorted(rows, np.arange(n))
    position = np.arange(len(rows)) - starts[rows]
    take = position < limit
    indices[rows[take], position[take]] = cols[take]
    values[rows[take], position[take]] = picked[take]
    return indices, values


def top_vacancies_brute_force(seekers, vacancies, distances, weights, limit) -> tuple[np.ndarray, np.ndarray]:
    """The reference for top_vacancies: every pair scored, each row's top N taken."""
    ranks = id_ranks(vacancies.ids)
    n, m = len(seekers), len(vacancies)
    indices = np.full((n, limit), -1, dtype=np.int64)
    values = np.full((n, limit), np.nan)
    step = max(1, 4_000_000 // max(1, m))
    for begin in range(0, n, step):
        rows = np.arange(begin, min(n, begin + step))
        scores = _pairs(seekers, rows[:, None], vacancies, np.arange(m)[None, :], distances, weights)
        indices[rows], values[rows] = top_of_rows(scores, ranks, limit)
    return indices, values


def top_vacancies(
    seekers: Seekers, vacancies: Vacancies, distances: np.ndarray, weights: Weights, limit: int
) -> tuple[np.ndarray, np.ndarray]:
    """Every person's top `limit` vacancies: (n, limit) vacancy rows (-1 padding) and scores (NaN padding)."""
    _check_limit(limit)
    from matching.index import VacancyIndex  # noqa: PLC0415 – the index builds on this module's kernel

    return VacancyIndex(vacancies, distances).top(seekers, weights, limit)


def _check_limit(limit: int) -> None:
    if int(limit) != limit or limit < 0:
        raise ValueError(f"limit: must be a whole number ≥ 0, got {limit!r}")


def _occupation(seekers, i, vacancies, j, weights) -> float:
    keys = occupation_keys(seekers.occupations[i])
    return float(occupation_points(keys, occupation_keys(vacancies.occupation[j], VACANCY_WITHOUT_CODE), weights))


def _components(seekers, i, vacancies, j, distances, weights) -> tuple[dict[str, float], float | None]:
    distance = float(distances[seekers.place[i], vacancies.place[j]])
    occupation = _occupation(seekers, i, vacancies, j, weights)
    commute = commute_km(seekers.max_commute_km[i], weights)
    components = {
        "occupation": float(occupation),
        "location": float(location_points(distance, commute, seekers.relocate[i], vacancies.remote[j], weights)),
        "start": float(start_points(seekers.available_from[i], vacancies.start[j], weights)),
    }
    return components, (distance if np.isfinite(distance) else None)


def _matches(seekers, vacancies, distances, weights, pairs, values, vacancy_side: bool) -> list[Match]:
    """Matches of the chosen pairs, each naming the other side (the vacancy when vacancy_side)."""
    matches = []
    for (i, j), score in zip(pairs, values, strict=True):
        components, distance = _components(seekers, i, vacancies, j, distances, weights)
        index, identifier = (j, vacancies.ids[j]) if vacancy_side else (i, seekers.ids[i])
        matches.append(Match(int(index), int(identifier), float(score), components, distance))
    return matches


def matches_for_seeker(seekers, i, vacancies, distances, weights, limit, index=None) -> list[Match]:
    """One person's top `limit` vacancies with their components.

    `index` (a matching.index.VacancyIndex of these vacancies and distances, built once and kept) makes this a few
    milliseconds at national scale; without it every vacancy is scored."""
    _check_limit(limit)
    if index is not None:
        top, values = index.top_for(seekers, [i], weights, limit)
    else:
        scores = _pairs(seekers, np.array([i]), vacancies, np.arange(len(vacancies)), distances, weights)
        top, values = top_of_rows(scores[None, :], id_ranks(vacancies.ids), limit)
    found = top[0] >= 0
    pairs = [(i, int(j)) for j in top[0][found]]
    return _matches(seekers, vacancies, distances, weights, pairs, values[0][found], vacancy_side=True)


def matches_for_vacancy(vacancies, j, seekers, distances, weights, limit) -> list[Match]:
    """One vacancy's top `limit` job seekers with their components.

    Only people with an occupation in the vacancy's major group can match: they are picked first with one integer
    comparison, and only they are scored (a fifth of the country, typically)."""
    _check_limit(limit)
    code = int(vacancies.occupation[j])
    codes = seekers.occupations
    rows = np.flatnonzero(((codes >= 0) & (codes // 1000 == code // 1000)).any(axis=1)) if code >= 0 else []
    rows = np.asarray(rows, dtype=np.int64)
    scores = _pairs(seekers, rows, vacancies, np.array([j]), distances, weights)
    top, values = top_of_rows(scores[None, :], id_ranks(seekers.ids[rows]), limit)
    found = top[0] >= 0
    pairs = [(int(rows[i]), j) for i in top[0][found]]
    return _matches(seekers, vacancies, distances, weights, pairs, values[0][found], vacancy_side=False)


def explain(seekers, i, vacancies, j, distances, weights) -> Match | Exclusion:
    """The pair's components, or the first reason it is excluded (occupation, qualification, language, distance)."""
    occupation = _occupation(seekers, i, vacancies, j, weights)
    if occupation == -np.inf:
        return Exclusion("occupation")
    if vacancies.required_qualifications[j] & ~seekers.qualifications[i]:
        return Exclusion("qualification")
    if vacancies.required_languages[j] & ~seekers.languages[i]:
        return Exclusion("language")
    components, distance = _components(seekers, i, vacancies, j, distances, weights)
    if components["location"] == -np.inf:
        return Exclusion("distance")
    score = float(_pairs(seekers, np.array([i]), vacancies, np.array([j]), distances, weights)[0])
    return Match(int(j), int(vacancies.ids[j]), score, components, distance)


__all__: Sequence[str] = (
    "COMPONENTS",
    "EXCLUSION_REASONS",
    "Exclusion",
    "Match",
    "Seekers",
    "Vacancies",
    "Vocabulary",
    "Weights",
    "brute_force_scores",
    "explain",
    "matches_for_seeker",
    "matches_for_vacancy",
    "top_vacancies",
)
