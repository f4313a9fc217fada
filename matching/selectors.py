"""Reads of matches, candidates, job offers and the mobility figures, always through the user.

A person's vacancies are read after the person (the card's view or `jobseeker` here has logged that read). A vacancy's
candidates name only the people the user may read (accounts.permissions.jobseeker_scope), each such listing logged as
a read of them; the rest are counted by home municipality. The mobility figures are counts by municipality pair.
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from accounts import permissions
from audit.services import log_access
from common.today import service_today
from employers.models import Vacancy
from jobseekers import selectors as jobseeker_selectors
from jobseekers.models import Jobseeker
from labour_market import selectors as labour_market_selectors
from matching import arrays, engine, enums, texts
from matching.models import JobOffer
from organisation import selectors as organisation_selectors

CARD_LIMIT = 5
PAGE_LIMIT = 20
MAX_LIMIT = 100
# How far down the list the card looks for another municipality's job when the best ones are all at home.
ELSEWHERE_WITHIN = 50


@dataclass(frozen=True)
class Component:
    key: str
    label: str
    points: float
    maximum: float
    reason: str


@dataclass(frozen=True)
class VacancyMatch:
    vacancy: Vacancy
    score: float
    components: list[Component]
    distance_km: float | None
    other_municipality: bool
    open_offer: JobOffer | None = None

    @property
    def outside_area(self) -> bool:
        return self.vacancy.is_outside_area

    @property
    def place(self) -> str:
        """Where the work is done: the centre outside the area, or the vacancy's municipality."""
        return self.vacancy.workplace_name


@dataclass(frozen=True)
class Candidate:
    jobseeker: Jobseeker
    score: float
    components: list[Component]
    distance_km: float | None
    other_municipality: bool


@dataclass(frozen=True)
class Candidates:
    shown: list[Candidate]
    hidden_count: int
    hidden_by_municipality: list[tuple[str, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.shown) + self.hidden_count


def jobseeker(user, pk, *, view: str, purpose: str) -> Jobseeker:
    """The person whose matches are asked for, if the user may read them (the read or the refusal logged)."""
    found = jobseeker_selectors.get_jobseeker(user, pk, view=view, purpose=purpose)
    if not permissions.can_view_matches(user, found):
        raise Http404
    return found


def _maxima(weights: engine.Weights) -> dict[str, float]:
    return {"occupation": weights.occupation_unit, "location": weights.location, "start": weights.start}


def _components(match: engine.Match, weights: engine.Weights, reasons: dict[str, str]) -> list[Component]:
    maxima = _maxima(weights)
    return [
        Component(
            key, texts.component_label(key), round(match.components.get(key, 0.0), 1), maxima[key], reasons.get(key, "")
        )
        for key in engine.COMPONENTS
    ]


def _distance(match: engine.Match) -> float | None:
    return None if match.distance_km is None else round(float(match.distance_km), 1)


def _elsewhere(person: Jobseeker, vacancy: Vacancy) -> bool:
    """The work is done outside the person's home municipality. A centre outside the area is never an area
    municipality (employers.services), so comparing ids is enough and reads no municipality row."""
    return vacancy.is_outside_area or vacancy.municipality_id != person.municipality_id


def _reasons(
    person: Jobseeker, vacancy: Vacancy, distance_km, today: date, labels: dict[str, str], weights: engine.Weights
) -> dict:
    after = arrays.AVAILABLE_AFTER_DAYS.get(person.status, 0)
    return {
        "occupation": texts.occupation_reason(person.occupations, vacancy.occupation, labels),
        "location": texts.location_reason(
            distance_km=distance_km,
            same_municipality=not _elsewhere(person, vacancy),
            remote=vacancy.remote_possible,
            max_commute_km=person.max_commute_km,
            relocates=person.willing_to_relocate,
            default_max_commute_km=weights.default_max_commute_km,
        ),
        "start": texts.start_reason(
            start=vacancy.start_date, available_from=texts.available_from(today, after), today=today
        ),
    }


def _engine_matches(person: Jobseeker, limit: int, today: date):
    """The engine's top `limit` for the person (through the kept index of the open vacancies), the vacancies' arrays
    and the places."""
    places = arrays.places()
    vacancies, index = arrays.indexed_vacancies(today, places, person.area_id)
    found = engine.matches_for_seeker(
        arrays.seeker(person, today, places), 0, vacancies, places.distances, arrays.weights(), limit, index=index
    )
    return found, vacancies, places


def _vacancy_rows(person: Jobseeker, found: list[engine.Match], today: date) -> list[VacancyMatch]:
    weights = arrays.weights()
    vacancies = Vacancy.objects.select_related("employer", "municipality").in_bulk([m.id for m in found])
    labels = labour_market_selectors.occupation_labels(set(person.occupations))
    offers = {offer.vacancy_id: offer for offer in open_offers(person).filter(vacancy_id__in=list(vacancies))}
    rows = []
    for match in found:
        vacancy = vacancies.get(match.id)
        if vacancy is None:
            continue
        distance = _distance(match)
        rows.append(
            VacancyMatch(
                vacancy=vacancy,
                score=round(match.score, 1),
                components=_components(match, weights, _reasons(person, vacancy, distance, today, labels, weights)),
                distance_km=distance,
                other_municipality=_elsewhere(person, vacancy),
                open_offer=offers.get(vacancy.pk),
            )
        )
    return rows


def vacancy_matches(user, person: Jobseeker, *, limit: int = CARD_LIMIT, today: date | None = None):
    """The best open vacancies for a person the caller has read, best first, with each component explained."""
    if not permissions.can_view_matches(user, person):
        return []
    today = today or service_today()
    return _vacancy_rows(person, _engine_matches(person, limit, today)[0], today)


def card_matches(
    user, person: Jobseeker, *, limit: int = CARD_LIMIT, within: int = ELSEWHERE_WITHIN, today: date | None = None
) -> tuple[list[VacancyMatch], tuple[int, VacancyMatch] | None]:
    """The card's best `limit` vacancies and, when they are all in the home municipality, the best one elsewhere
    among the first `within` with its rank (the plan's mobility goal). Only the rows shown are read and explained:
    the card is on every visit to a person."""
    if not permissions.can_view_matches(user, person):
        return [], None
    today = today or service_today()
    found, vacancies, places = _engine_matches(person, within, today)
    home = places.index.get(person.municipality.code)
    elsewhere = [(rank, match) for rank, match in enumerate(found, start=1) if vacancies.place[match.index] != home]
    shown = found[:limit]
    extra = elsewhere[0] if elsewhere and elsewhere[0][0] > limit else None
    rows = _vacancy_rows(person, shown + ([extra[1]] if extra else []), today)
    if extra and rows and rows[-1].vacancy.pk == extra[1].id:
        return rows[:-1], (extra[0], rows[-1])
    return rows, None


def candidates(
    user, vacancy: Vacancy, *, limit: int = PAGE_LIMIT, view: str, purpose: str, today: date | None = None
) -> Candidates:
    """The best job seekers for a vacancy: named when the user may read them (logged), otherwise counted."""
    if not permissions.can_view_candidates(user):
        return Candidates([], 0)
    today = today or service_today()
    weights = arrays.weights()
    places = arrays.places()
    one = arrays.vacancy(vacancy, today, places)
    if not len(one.ids):
        # Its centre outside the area has left the road-distance table (docs/decisions/0011): no place, no distance.
        return Candidates([], 0)
    found = engine.matches_for_vacancy(
        one,
        0,
        arrays.seekers(today, places, vacancy.employer.area_id),
        places.distances,
        weights,
        limit,
    )
    ids = [match.id for match in found]
    visible = jobseeker_selectors.jobseekers(user).in_bulk(ids)
    shown_people = [visible[pk] for pk in ids if pk in visible]
    if shown_people:
        jobseeker_selectors.log_listing(user, shown_people, view=view, purpose=purpose)
    labels = labour_market_selectors.occupation_labels({code for p in shown_people for code in p.occupations})
    shown = []
    for match in found:
        person = visible.get(match.id)
        if person is None:
            continue
        distance = _distance(match)
        shown.append(
            Candidate(
                jobseeker=person,
                score=round(match.score, 1),
                components=_components(match, weights, _reasons(person, vacancy, distance, today, labels, weights)),
                distance_km=distance,
                other_municipality=_elsewhere(person, vacancy),
            )
        )
    hidden = [pk for pk in ids if pk not in visible]
    by_municipality = (
        Jobseeker.objects.filter(pk__in=hidden)
        .values_list("municipality__name_fi")
        .annotate(count=Count("pk"))
        .order_by("municipality__name_fi")
    )
    return Candidates(shown, len(hidden), list(by_municipality))


def explain(person: Jobseeker, vacancy: Vacancy, today: date | None = None) -> engine.Match | engine.Exclusion:
    """The engine's verdict on one pair, for storing with an offer (callers have checked access)."""
    today = today or service_today()
    places = arrays.places()
    one = arrays.vacancy(vacancy, today, places)
    if not len(one.ids):
        # A centre outside the area no longer in the road-distance table: the distance is unknown, so beyond reach.
        return engine.Exclusion("distance")
    return engine.explain(
        arrays.seeker(person, today, places),
        0,
        one,
        0,
        places.distances,
        arrays.weights(),
    )


# --- Job offers -------------------------------------------------------------------------------------------------------


def open_offers(person: Jobseeker) -> QuerySet:
    return JobOffer.objects.filter(jobseeker=person, outcome="")


def offers_of(user, person: Jobseeker) -> QuerySet:
    """A person's offers for a user who has read the person; none for anyone else."""
    if not permissions.can_view_matches(user, person):
        return JobOffer.objects.none()
    return (
        JobOffer.objects.filter(jobseeker=person)
        .select_related("vacancy__employer", "vacancy__municipality", "made_by", "outcome_recorded_by")
        .order_by("-made_on", "-made_at", "-pk")
    )


def offers(user) -> QuerySet:
    """The offers of every person the user may read (the caller logs the people it shows)."""
    scope = permissions.jobseeker_scope(user)
    if scope is None or not permissions.can_view_matches(user):
        return JobOffer.objects.none()
    people = Jobseeker.objects.filter(scope).values("pk")
    return (
        JobOffer.objects.filter(jobseeker__in=people)
        .select_related("jobseeker", "vacancy__employer", "vacancy__municipality", "made_by", "outcome_recorded_by")
        .order_by("-made_on", "-made_at", "-pk")
    )


def get_offer(user, pk, *, view: str, purpose: str) -> JobOffer:
    """One offer of a person the user may read, that read logged; otherwise 404 and the refusal logged."""
    offer = JobOffer.objects.select_related("jobseeker").filter(pk=pk).first() if str(pk).isdigit() else None
    if offer is None:
        raise Http404
    jobseeker(user, offer.jobseeker_id, view=view, purpose=purpose)
    return offers(user).get(pk=offer.pk)


def log_offers(user, found, *, view: str, purpose: str) -> None:
    people = {offer.jobseeker_id: offer.jobseeker for offer in found}
    if people:
        log_access(user, list(people.values()), view=view, purpose=purpose)


# --- Mobility ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Flow:
    home: str
    workplace: str
    offers: int
    hires: int
    distance_km: float | None
    outside_area: bool = False


@dataclass(frozen=True)
class Mobility:
    flows: list[Flow]  # across a municipal border, the most offers first
    offers: int
    hires: int
    across_offers: int
    across_hires: int


def mobility(user, *, since: date | None = None, until: date | None = None) -> Mobility:
    """Offers and hires by home → workplace municipality (as when made) in the user's area; counts only. A workplace
    outside the area is the vacancy's centre (Oulu, Iisalmi, …), marked `outside_area`."""
    if not permissions.can_view_mobility_report(user):
        return Mobility([], 0, 0, 0, 0)
    area = organisation_selectors.area(user)
    found = JobOffer.objects.filter(jobseeker__area=area)
    if since:
        found = found.filter(made_on__gte=since)
    if until:
        found = found.filter(made_on__lte=until)
    hired = Count("pk", filter=Q(outcome=enums.Outcome.HIRED))
    pairs = found.values(
        "home_municipality__code",
        "workplace_municipality__code",
        "vacancy__workplace_outside_area",
        "vacancy__workplace_outside_area_name",
    ).annotate(offers=Count("pk"), hires=hired)
    # Offers to one centre outside the area may be owned by different area municipalities: one pair all the same.
    counted: dict[tuple[str, str, bool], list[int]] = {}
    # The name stored with the vacancy, for a centre the road-distance table no longer names.
    stored_names: dict[str, str] = {}
    for row in pairs:
        outside = row["vacancy__workplace_outside_area"]
        if outside:
            stored_names[outside] = row["vacancy__workplace_outside_area_name"]
        key = (row["home_municipality__code"], outside or row["workplace_municipality__code"], bool(outside))
        totals = counted.setdefault(key, [0, 0])
        totals[0] += row["offers"]
        totals[1] += row["hires"]
    places = arrays.places()
    flows, offers, hires, across_offers, across_hires = [], 0, 0, 0, 0
    for (home, workplace, outside), (pair_offers, pair_hires) in counted.items():
        offers += pair_offers
        hires += pair_hires
        if home == workplace:
            continue
        across_offers += pair_offers
        across_hires += pair_hires
        flows.append(
            Flow(
                places.names.get(home, home),
                places.names.get(workplace) or stored_names.get(workplace, workplace),
                pair_offers,
                pair_hires,
                places.km(home, workplace),
                outside,
            )  # fmt: skip
        )
    flows.sort(key=lambda flow: (-flow.offers, -flow.hires, flow.home, flow.workplace))
    return Mobility(flows, offers, hires, across_offers, across_hires)
