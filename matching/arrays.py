"""The engine's columnar arrays (matching/engine.py) built from the database, and kept per process while the rows they
come from are unchanged.

Places are the municipality codes of the area and of every centre in the road-distance table (Oulu, Iisalmi, …), so a
vacancy anywhere the table reaches has a distance; a pair the table lacks is infinitely far (beyond any commute), the
same municipality 0 km. A vacancy's place is its workplace outside the area when it names one (Vacancy.workplace_code),
else its municipality. Vacancies are the open ones of an area's employers, wherever the work is done; job seekers those
of an area whose job search has not ended: the selectors ask for the arrays of the person's or the vacancy's area, so a
card never suggests a vacancy the user could not open. Not scoped by a user: the arrays are the engine's input, and the
selectors (matching/selectors.py) decide who is shown to whom.

A cached set of arrays is keyed by the row count, the newest change and the largest id of its table, read with one
aggregate query per use: a page pays for that query, and for building the arrays only after a change. Past
INDEX_FROM open vacancies they are kept with their VacancyIndex (matching/index.py), so a card asks the index for one
person instead of scoring every vacancy in the country; the index holds the distances, so the cache is keyed by the
places' version too.
"""

import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
from django.conf import settings
from django.db.models import Count, F, Max, Sum

from employers import distance_store
from employers.enums import Card, DrivingLicence, Language, VacancyStatus
from employers.models import RoadDistance, Vacancy
from jobseekers.enums import JobseekerStatus
from jobseekers.languages import working_languages
from jobseekers.models import Jobseeker
from matching import engine
from matching.index import VacancyIndex
from organisation.models import Municipality

EPOCH = date(1970, 1, 1)

# A licence of a higher category covers the lower ones (Directive 2006/126/EC art. 6; in Finland B also covers AM and
# T), so a vacancy requiring B is open to a lorry driver with C: the held licences are widened before masking.
LICENCE_COVERS = {
    "A": ("A2", "A1", "AM"),
    "A2": ("A1", "AM"),
    "A1": ("AM",),
    "B": ("AM", "T"),
    "BE": ("B", "AM", "T"),
    "C1": ("B", "AM", "T"),
    "C1E": ("C1", "BE", "B", "AM", "T"),
    "C": ("C1", "B", "AM", "T"),
    "CE": ("C", "C1", "C1E", "BE", "B", "AM", "T"),
    "D1": ("B", "AM", "T"),
    "D1E": ("D1", "BE", "B", "AM", "T"),
    "D": ("D1", "B", "AM", "T"),
    "DE": ("D", "D1", "D1E", "BE", "B", "AM", "T"),
}

# When a job seeker can start, by status: at once when out of work; after a month's notice when employed or in a
# service (the usual notice period of a short employment, and the end of a course); a student after the term.
AVAILABLE_AFTER_DAYS = {
    JobseekerStatus.EMPLOYED: 30,
    JobseekerStatus.IN_SERVICES: 30,
    JobseekerStatus.STUDENT: 60,
}

# Below this many open vacancies scoring them all is faster than the index (measured for one person's top 50: 1,2 ms
# without and 6,6 ms with it at 1 200 vacancies, as in the area; 17 ms without and 10 ms with it at 60 000).
INDEX_FROM = 10_000

QUALIFICATIONS = engine.Vocabulary([*DrivingLicence.values, *Card.values])
LANGUAGES = engine.Vocabulary(Language.values)


def days(day: date) -> int:
    return (day - EPOCH).days


def weights() -> engine.Weights:
    """The engine's documented defaults, with settings.MATCHING_WEIGHTS overriding any of them by name."""
    return engine.Weights(**getattr(settings, "MATCHING_WEIGHTS", {}))


def qualifications_of(driving_licences: Iterable[str], cards: Iterable[str]) -> list[str]:
    held = set(driving_licences)
    for licence in list(held):
        held.update(LICENCE_COVERS.get(licence, ()))
    return [*(code for code in DrivingLicence.values if code in held), *(code for code in cards if code in Card.values)]


def languages_mask(codes: Iterable[str]) -> int:
    # A person's own language outside the vacancies' list (Vietnamese, Turkish, …) is required by no vacancy.
    return LANGUAGES.mask([code for code in codes if code in Language.values])


def occupation_code(code: str) -> int:
    """An ISCO-08 code as the engine's unit group: a national five-digit extension counts as its unit group."""
    return int(code[:4])


# --- Places -----------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Places:
    codes: list[str]
    index: dict[str, int]
    names: dict[str, str]
    distances: np.ndarray  # float32 (p, p), km; np.inf where the table has no distance
    version: tuple = ()

    def of(self, code: str) -> int:
        return self.index[code]

    def km(self, a: str, b: str) -> float | None:
        value = float(self.distances[self.index[a], self.index[b]]) if a in self.index and b in self.index else None
        return None if value is None or np.isinf(value) else value


def _build_places(version: tuple) -> Places:
    table = distance_store.road_distances()
    names = dict(table.names)
    names.update(Municipality.objects.values_list("code", "name_fi"))
    codes = sorted(names)
    index = {code: i for i, code in enumerate(codes)}
    distances = np.full((len(codes), len(codes)), np.inf, dtype=np.float32)
    for a in codes:
        for b in codes:
            km = table.between(a, b)
            if km is not None:
                distances[index[a], index[b]] = km
    return Places(codes, index, names, distances, version)


# --- Cache ------------------------------------------------------------------------------------------------------------

_lock = threading.Lock()
_cache: dict[str, tuple[tuple, object]] = {}


def _version(queryset, *changed, **named) -> tuple:
    """What changes when a row of `queryset` is added, removed or changed: its count, largest id and `changed`."""
    found = queryset.aggregate(Count("pk"), Max("pk"), *changed, **named)
    return tuple(found.values())


def _cached(name: str, version: tuple, build):
    with _lock:
        hit = _cache.get(name)
        if hit is not None and hit[0] == version:
            return hit[1]
    value = build()
    with _lock:
        _cache[name] = (version, value)
    return value


def clear() -> None:
    with _lock:
        _cache.clear()


def places() -> Places:
    municipalities = tuple(Municipality.objects.order_by("code").values_list("code", flat=True))
    # The load rewrites a changed distance in place (no timestamp): the sum weighted by id changes even when two
    # distances trade values, which the plain sum would not notice.
    version = (_version(RoadDistance.objects.all(), Sum("km"), weighted=Sum(F("km") * F("pk"))), municipalities)
    return _cached("places", version, lambda: _build_places(version))


# --- Vacancies --------------------------------------------------------------------------------------------------------


VACANCY_COLUMNS = (
    "pk",
    "occupation",
    "municipality__code",
    "required_driving_licences",
    "required_cards",
    "required_languages",
    "remote_possible",
    "start_date",
    "workplace_outside_area",
)


def open_vacancies(area_id: int | None = None):
    found = Vacancy.objects.filter(status=VacancyStatus.OPEN)
    return found if area_id is None else found.filter(employer__area_id=area_id)


def _place(row: tuple) -> str:
    """Where the work is done: the centre outside the area when the vacancy names one, else its municipality."""
    return row[8] or row[2]


def _vacancy_arrays(rows: list[tuple], where: Places, today: date) -> engine.Vacancies:
    rows = [row for row in rows if _place(row) in where.index]
    return engine.Vacancies(
        ids=np.array([row[0] for row in rows], dtype=np.int64),
        occupation=np.array([occupation_code(row[1]) for row in rows], dtype=np.int16),
        place=np.array([where.of(_place(row)) for row in rows], dtype=np.int32),
        required_qualifications=np.array([QUALIFICATIONS.mask([*row[3], *row[4]]) for row in rows], dtype=np.uint64),
        required_languages=np.array([languages_mask(row[5]) for row in rows], dtype=np.uint64),
        remote=np.array([bool(row[6]) for row in rows], dtype=bool),
        start=np.array([days(max(row[7] or today, today)) for row in rows], dtype=np.int32),
    )


def _vacancy_row(vacancy: Vacancy) -> tuple:
    return (
        vacancy.pk,
        vacancy.occupation,
        vacancy.municipality.code,
        vacancy.required_driving_licences,
        vacancy.required_cards,
        vacancy.required_languages,
        vacancy.remote_possible,
        vacancy.start_date,
        vacancy.workplace_outside_area,
    )


def indexed_vacancies(
    today: date, where: Places | None = None, area_id: int | None = None
) -> tuple[engine.Vacancies, VacancyIndex | None]:
    """The open vacancies of the area's employers (every area's when `area_id` is None) as the engine's arrays, with
    their index from INDEX_FROM vacancies on; cached per area while no vacancy or distance changes. An edit of any
    column here (the workplace outside the area included) goes through the services, which save `updated_at`."""
    where = where or places()
    found_open = open_vacancies(area_id)

    def build():
        rows = list(found_open.order_by("pk").values_list(*VACANCY_COLUMNS))
        found = _vacancy_arrays(rows, where, today)
        return found, VacancyIndex(found, where.distances) if len(found) >= INDEX_FROM else None

    version = (_version(found_open, Max("updated_at")), where.version, today)
    return _cached(f"vacancies:{area_id}", version, build)


def vacancies(today: date, where: Places | None = None, area_id: int | None = None) -> engine.Vacancies:
    """The open vacancies as the engine's arrays (cached while no vacancy changes)."""
    return indexed_vacancies(today, where, area_id)[0]


def vacancy(vacancy_object: Vacancy, today: date, where: Places | None = None) -> engine.Vacancies:
    """One vacancy (open or not) as a one-row set of arrays: its candidates are asked for whatever its state."""
    return _vacancy_arrays([_vacancy_row(vacancy_object)], where or places(), today)


# --- Job seekers ------------------------------------------------------------------------------------------------------


SEEKER_COLUMNS = (
    "pk",
    "occupations",
    "municipality__code",
    "max_commute_km",
    "willing_to_relocate",
    "driving_licences",
    "cards",
    "languages",
    "preferred_language",
    "service_language",
    "status",
)


def searching(area_id: int | None = None):
    found = Jobseeker.objects.searching()
    return found if area_id is None else found.filter(area_id=area_id)


@lru_cache(maxsize=4096)
def _held_mask(licences: tuple, cards: tuple) -> int:
    return QUALIFICATIONS.mask(qualifications_of(licences, cards))


@lru_cache(maxsize=4096)
def _languages_mask(languages: tuple, preferred: str, service: str) -> int:
    return languages_mask(working_languages(languages, preferred, service))


def _seeker_arrays(rows: list[tuple], where: Places, today: date) -> engine.Seekers:
    # People share a few combinations of licences, cards and languages: each combination is masked once.
    rows = [row for row in rows if row[2] in where.index]
    width = max([1, *(len(row[1]) for row in rows)])
    occupations = np.full((len(rows), width), -1, dtype=np.int16)
    for i, row in enumerate(rows):
        for j, code in enumerate(row[1]):
            occupations[i, j] = occupation_code(code)
    return engine.Seekers(
        ids=np.array([row[0] for row in rows], dtype=np.int64),
        occupations=occupations,
        place=np.array([where.of(row[2]) for row in rows], dtype=np.int32),
        max_commute_km=np.array([np.nan if row[3] is None else row[3] for row in rows], dtype=np.float32),
        relocate=np.array([bool(row[4]) for row in rows], dtype=bool),
        qualifications=np.array([_held_mask(tuple(row[5]), tuple(row[6])) for row in rows], np.uint64),
        languages=np.array([_languages_mask(tuple(row[7]), row[8], row[9]) for row in rows], np.uint64),
        available_from=np.array([days(today) + AVAILABLE_AFTER_DAYS.get(row[10], 0) for row in rows], dtype=np.int32),
    )


def _seeker_row(jobseeker: Jobseeker) -> tuple:
    return tuple(
        jobseeker.municipality.code if name == "municipality__code" else getattr(jobseeker, name)
        for name in SEEKER_COLUMNS
    )


def seekers(today: date, where: Places | None = None, area_id: int | None = None) -> engine.Seekers:
    """The job seekers of the area (every area's when `area_id` is None) whose job search goes on, as the engine's
    arrays (cached per area while no job seeker changes)."""
    where = where or places()
    found_searching = searching(area_id)

    def build():
        rows = list(found_searching.order_by("pk").values_list(*SEEKER_COLUMNS))
        return _seeker_arrays(rows, where, today)

    return _cached(f"seekers:{area_id}", (_version(found_searching, Max("updated_at")), where.codes, today), build)


def seeker(jobseeker: Jobseeker, today: date, where: Places | None = None) -> engine.Seekers:
    """One job seeker as a one-row set of arrays, from the record already read (the card reads no one else)."""
    return _seeker_arrays([_seeker_row(jobseeker)], where or places(), today)
