"""Synthetic employers and open vacancies that realise Table 1's open-vacancy column, and a few job offers made from
the matches, so that `make run` shows matching across municipal borders and the mobility report has figures.

Per municipality the number of open vacancies equals the newest month's published "avoimet työpaikat" figure (a
suppressed "..." is drawn inside the table's suppressed range, as demo/population.py does). Each vacancy has one
position. Occupations are drawn from OCCUPATION_WEIGHTS: the region's open vacancies are dominated by care work
(practical and registered nurses, home care – the wellbeing services counties recruit all the time), then services
(cooks, cleaners, shop sales), building and technical trades, transport, forestry and the metal industry; Kuusamo and
Sotkamo (Ruka, Vuokatti) add tourism (TOURISM_WEIGHTS), and Kajaani, the regional centre, office, IT and teaching
work (CENTRE_WEIGHTS). The weights are rough shares of the ministry's vacancy statistics for Kainuu and Koillismaa by
occupation, rounded; they are for a believable demo, not a forecast.

Requirements follow the occupation (a cook needs the hygiene passport, a lorry driver CE and the professional
qualification, …) for REQUIREMENT_SHARE of the vacancies; most require Finnish, tourism English; some IT and office
jobs can be done remotely. Employers are invented, with valid Y-tunnus values from a range of the register (3900000–
3999999) far from the tests' examples. Job offers are made through matching.services, as a counsellor makes them,
and their journal entries with them.

Beside them, OUTSIDE_AREA vacancies in the neighbouring centres the road-distance table knows (Oulu, Iisalmi, …), in
occupations those towns recruit for, each owned by the area municipality nearest to it by road (its employer services
keep the vacancy, docs/decisions/0011). They are not part of Table 1's column, which counts the area's own
municipalities, and are reported apart; a few job offers are made to them (OUTSIDE_OFFERS), to the best candidates
whose commute, relocation or remote work lets the engine suggest them.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from demo import erase
from demo.names import Weighted
from employers import distance_store, enums
from employers.models import Employer, Vacancy
from jobseekers.enums import UNEMPLOYED_STATUSES
from jobseekers.languages import working_languages
from jobseekers.models import Jobseeker
from labour_market.enums import FigureStatus
from labour_market.models import MunicipalStatistic
from matching import arrays as matching_arrays
from matching import engine as matching_engine
from matching import selectors as matching_selectors
from matching import services as matching_services
from matching.enums import JobOfferKind, Outcome
from matching.models import JobOffer
from organisation.models import EmploymentArea, Municipality

SYNTHETIC_PREFIX = "synt-"
SYNTHETIC_VACANCIES = "external_id LIKE 'synt-%%'"
BUSINESS_ID_BASE = 3_900_000
Y_TUNNUS_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)

OCCUPATION_WEIGHTS = {
    "5322": 12,  # home-based personal care workers (kotihoito)
    "5321": 12,  # practical nurses in health care (lähihoitajat)
    "3221": 8,  # nurses (sairaanhoitajat)
    "2221": 2,  # nursing professionals
    "5311": 3,  # child care workers
    "2342": 2,  # early childhood educators
    "5120": 5,  # cooks
    "9412": 3,  # kitchen helpers
    "9112": 6,  # cleaners
    "5223": 6,  # shop sales assistants
    "7115": 3,  # carpenters
    "7126": 2,  # plumbers
    "7411": 3,  # electricians
    "7212": 2,  # welders
    "7233": 3,  # machinery mechanics
    "8332": 4,  # heavy truck drivers
    "8322": 2,  # car and van drivers
    "8341": 2,  # forestry machine operators
    "6210": 2,  # forestry workers
    "9329": 3,  # manufacturing labourers
    "5414": 1,  # security guards
    "4110": 2,  # general office clerks
    "2512": 1,  # software developers
    "2341": 1,  # primary school teachers
}
TOURISM_WEIGHTS = {"5131": 8, "5120": 4, "4224": 5, "5113": 3, "9412": 3, "9112": 3}
CENTRE_WEIGHTS = {"2512": 4, "4110": 4, "2341": 2, "3313": 2, "2431": 1}
TOURISM = {"305", "765"}
CENTRE = {"205"}
TITLES = {
    "5322": "Kotihoidon lähihoitaja",
    "5321": "Lähihoitaja",
    "3221": "Sairaanhoitaja",
    "2221": "Osastonhoitaja",
    "5311": "Lastenhoitaja",
    "2342": "Varhaiskasvatuksen opettaja",
    "5120": "Kokki",
    "9412": "Keittiöapulainen",
    "9112": "Siivooja",
    "5223": "Myyjä",
    "7115": "Kirvesmies",
    "7126": "Putkiasentaja",
    "7411": "Sähköasentaja",
    "7212": "Hitsaaja",
    "7233": "Asentaja",
    "8332": "Yhdistelmäajoneuvon kuljettaja",
    "8322": "Jakelukuljettaja",
    "8341": "Metsäkoneenkuljettaja",
    "6210": "Metsuri",
    "9329": "Tuotantotyöntekijä",
    "5414": "Vartija",
    "4110": "Toimistosihteeri",
    "2512": "Ohjelmistokehittäjä",
    "2341": "Luokanopettaja",
    "5131": "Tarjoilija",
    "4224": "Hotellivirkailija",
    "5113": "Matkailuopas",
    "3313": "Kirjanpitäjä",
    "2431": "Markkinointisuunnittelija",
}
# (driving licences, cards) a vacancy of the occupation asks for, when it asks for any.
REQUIREMENTS = {
    "5322": (["B"], ["pharmacotherapy"]),
    "5321": ([], ["pharmacotherapy"]),
    "3221": ([], ["pharmacotherapy"]),
    "5120": ([], ["hygiene_passport"]),
    "9412": ([], ["hygiene_passport"]),
    "5131": ([], ["hygiene_passport", "alcohol_passport"]),
    "7115": ([], ["occupational_safety"]),
    "7126": ([], ["occupational_safety", "hot_work"]),
    "7411": ([], ["electrical_safety"]),
    "8332": (["CE"], ["professional_driver"]),
    "8322": (["B"], []),
    "8341": (["B"], ["occupational_safety"]),
    "5414": ([], ["security_guard"]),
    "5113": (["B"], ["first_aid"]),
}
REQUIREMENT_SHARE = 0.6
FINNISH_SHARE = 0.7
ENGLISH_IN_TOURISM_SHARE = 0.5
REMOTE = {"2512": 0.6, "4110": 0.3, "2431": 0.5, "3313": 0.3}
VACANCIES_PER_EMPLOYER = 6
INDUSTRY = {"5": "Q", "3": "Q", "2": "P", "9": "N", "7": "F", "8": "H", "6": "A", "4": "N", "1": "M"}
EMPLOYER_WORDS = {
    "Q": "Hoiva",
    "P": "Opetus",
    "N": "Palvelu",
    "F": "Rakennus",
    "H": "Kuljetus",
    "A": "Metsä",
    "M": "Konsultointi",
    "I": "Matkailu",
    "G": "Kauppa",
    "C": "Konepaja",
}
SUFFIXES = ("Oy", "Oy", "Ky", "Osuuskunta", "Oy Ab")
# Job offers made from the matches, and how they ended (the rest are still open).
OFFERS = 40
DEMO_COUNSELLOR = "ohjaaja"
OWN_OFFERS = 10
OUTCOME_WEIGHTS = {
    Outcome.APPLIED: 4,
    Outcome.HIRED: 3,
    Outcome.NOT_SUITABLE: 2,
    Outcome.NO_RESPONSE: 2,
    Outcome.REFUSED: 1,
    "": 3,
}


# Open vacancies in the neighbouring centres, by municipality code: what the towns recruit for (Oulu's hospital and IT
# firms, Iisalmi's food and engineering works, forestry in Nurmes and Pudasjärvi, care everywhere).
OUTSIDE_AREA = {
    "564": ("2512", "3221", "7411", "2512", "5321"),
    "140": ("5321", "8332", "7212"),
    "541": ("8341", "5322"),
    "615": ("5120", "6210"),
    "320": ("7115",),
    "785": ("5322",),
    "762": ("9329",),
}
OUTSIDE_OFFERS = 5
OUTSIDE_INDUSTRY = "N"


@dataclass
class Report:
    month: date | None = None
    vacancies: dict[str, int] = field(default_factory=dict)
    outside_area: dict[str, int] = field(default_factory=dict)
    employers: int = 0
    deleted: int = 0
    offers: int = 0
    across_offers: int = 0
    outcomes: int = 0
    outside_offers: int = 0


class VacancyGenerationError(Exception):
    pass


def y_tunnus(number: int) -> str | None:
    """The Y-tunnus of a seven-digit number with its check digit, or None when the number has none (remainder 1)."""
    digits = f"{number:07d}"
    remainder = sum(int(d) * w for d, w in zip(digits, Y_TUNNUS_WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return None
    return f"{digits}-{0 if remainder == 0 else 11 - remainder}"


def business_ids(count: int) -> list[str]:
    found, number = [], BUSINESS_ID_BASE
    while len(found) < count:
        code = y_tunnus(number)
        if code is not None:
            found.append(code)
        number += 1
    return found


def published_vacancies(area: EmploymentArea, rng: random.Random) -> tuple[date | None, dict[str, int]]:
    """The newest month's open vacancies per municipality code; a suppressed figure drawn in its range."""
    figures = MunicipalStatistic.objects.filter(
        area=area, municipality__isnull=False, indicator__concept="vacancies"
    ).select_related("municipality", "table")
    month = figures.order_by("-month").values_list("month", flat=True).first()
    if month is None:
        return None, {}
    counts = {}
    for figure in figures.filter(month=month).order_by("table__position", "municipality__code"):
        code = figure.municipality.code
        if code in counts:
            continue
        if figure.status in (FigureStatus.PUBLISHED, FigureStatus.ZERO):
            counts[code] = int(figure.value)
        elif figure.status == FigureStatus.SUPPRESSED:
            table = figure.table
            counts[code] = rng.randint(table.suppressed_min, table.suppressed_max or table.suppressed_min + 3)
    return month, counts


def weights_for(code: str) -> dict[str, float]:
    weights = dict(OCCUPATION_WEIGHTS)
    extra = TOURISM_WEIGHTS if code in TOURISM else CENTRE_WEIGHTS if code in CENTRE else {}
    for occupation, weight in extra.items():
        weights[occupation] = weights.get(occupation, 0) + weight
    return weights


def _employer_name(municipality: Municipality, industry: str, serial: int, rng: random.Random) -> str:
    stem = municipality.name_fi.rstrip("i") if municipality.name_fi.endswith("ni") else municipality.name_fi
    return f"{stem}n {EMPLOYER_WORDS.get(industry, 'Palvelu')} {serial} {rng.choice(SUFFIXES)}"


def _vacancy_values(occupation: str, code: str, rng: random.Random, today: date) -> dict:
    licences, cards = REQUIREMENTS.get(occupation, ([], [])) if rng.random() < REQUIREMENT_SHARE else ([], [])
    languages = ["fi"] if rng.random() < FINNISH_SHARE else []
    if occupation in TOURISM_WEIGHTS and code in TOURISM and rng.random() < ENGLISH_IN_TOURISM_SHARE:
        languages.append("en")
    return {
        "title": TITLES[occupation],
        "occupation": occupation,
        "working_time": rng.choice([enums.WorkingTime.FULL_TIME] * 3 + [enums.WorkingTime.PART_TIME]),
        "employment_type": rng.choice([enums.EmploymentType.PERMANENT, enums.EmploymentType.FIXED_TERM]),
        "start_date": today + timedelta(days=rng.choice((0, 7, 14, 30, 45, 60))) if rng.random() < 0.7 else None,
        "application_deadline": today + timedelta(days=rng.randint(7, 45)),
        "required_languages": languages,
        "required_driving_licences": licences,
        "required_cards": cards,
        "remote_possible": rng.random() < REMOTE.get(occupation, 0.0),
        "international_recruitment": occupation in ("5321", "3221") and rng.random() < 0.1,
    }


def delete_synthetic(area: EmploymentArea) -> int:
    """The earlier run's vacancies (with the offers made of them) and the employers left without vacancies."""
    deleted = erase.delete(Vacancy, SYNTHETIC_VACANCIES)
    ids = business_ids(2000)
    Employer.objects.filter(area=area, business_id__in=ids, vacancies__isnull=True).delete()
    return deleted


@transaction.atomic
def generate(*, seed: int, today: date) -> Report:
    area = EmploymentArea.objects.get()
    rng = random.Random(f"vacancies:{seed}")
    report = Report()
    report.deleted = delete_synthetic(area)
    report.month, counts = published_vacancies(area, rng)
    if not counts:
        raise VacancyGenerationError(
            "Avoimien työpaikkojen lukuja ei ole ladattu: lataa alueen tiedot (manage.py load_area)."
        )
    municipalities = {m.code: m for m in Municipality.objects.filter(area=area)}
    ids = iter(business_ids(2000))
    serial = 0
    made: list[Vacancy] = []
    for code in sorted(counts):
        municipality = municipalities.get(code)
        if municipality is None:
            continue
        draw = Weighted(weights_for(code))
        employers: dict[str, list[Employer]] = {}
        for _ in range(counts[code]):
            occupation = draw(rng)
            industry = "I" if code in TOURISM and occupation in TOURISM_WEIGHTS else INDUSTRY[occupation[0]]
            pool = employers.setdefault(industry, [])
            if not pool or rng.random() < 1 / VACANCIES_PER_EMPLOYER:
                pool.append(
                    Employer.objects.create(
                        area=area,
                        name=_employer_name(municipality, industry, len(pool) + 1, rng),
                        business_id=next(ids),
                        municipality=municipality,
                        industry=industry,
                    )
                )
                report.employers += 1
            serial += 1
            made.append(
                Vacancy(
                    employer=rng.choice(pool),
                    municipality=municipality,
                    status=enums.VacancyStatus.OPEN,
                    source=enums.Source.OTHER,
                    external_id=f"{SYNTHETIC_PREFIX}{seed}-{serial}",
                    description="Keksitty työpaikka esittelyä varten.",
                    **_vacancy_values(occupation, code, rng, today),
                )
            )
        report.vacancies[code] = counts[code]
    outside, report.outside_area = _outside_area(area, municipalities, ids, serial, seed, rng, today)
    report.employers += len({vacancy.employer_id for vacancy in outside})
    # Bulk: a thousand invented vacancies need no change-log entry each.
    Vacancy.objects.bulk_create(made + outside, batch_size=1000)
    _working_languages(rng)
    return report


def _outside_area(area, municipalities, ids, serial, seed, rng, today) -> tuple[list[Vacancy], dict[str, int]]:
    """The vacancies in the neighbouring centres the road-distance table knows, each with an employer of its own
    owned by the nearest area municipality; none when the table is not loaded."""
    centres = distance_store.neighbouring_centres(area.pk)
    table = distance_store.road_distances()
    made, counts = [], {}
    for code, occupations in sorted(OUTSIDE_AREA.items()):
        reachable = [(table.between(code, own), own) for own in sorted(municipalities)]
        reachable = [(km, own) for km, own in reachable if km is not None]
        if code not in centres or not reachable:
            continue
        owner = municipalities[min(reachable)[1]]
        employer = Employer.objects.create(
            area=area,
            name=f"{centres[code]} {EMPLOYER_WORDS[OUTSIDE_INDUSTRY]} {rng.choice(SUFFIXES)}",
            business_id=next(ids),
            municipality=owner,
            industry=OUTSIDE_INDUSTRY,
        )
        for occupation in occupations:
            serial += 1
            made.append(
                Vacancy(
                    employer=employer,
                    municipality=owner,
                    workplace_outside_area=code,
                    workplace_outside_area_name=centres[code],
                    status=enums.VacancyStatus.OPEN,
                    source=enums.Source.OTHER,
                    external_id=f"{SYNTHETIC_PREFIX}{seed}-{serial}",
                    description="Keksitty työpaikka alueen ulkopuolella esittelyä varten.",
                    **_vacancy_values(occupation, code, rng, today),
                )
            )
        counts[code] = len(occupations)
    return made, counts


def make_outside_offers(*, seed: int, today: date, count: int = OUTSIDE_OFFERS) -> int:
    """Job offers to vacancies outside the area: each to its best synthetic candidate with a responsible counsellor,
    by that counsellor, as the engine ranks them (a long commute, relocation or remote work)."""
    rng = random.Random(f"outside-offers:{seed}")
    found = list(
        Vacancy.objects.filter(external_id__startswith=SYNTHETIC_PREFIX, status=enums.VacancyStatus.OPEN)
        .exclude(workplace_outside_area="")
        .select_related("employer", "municipality")
        .order_by("pk")
    )
    rng.shuffle(found)
    places = matching_arrays.places()
    made = 0
    for vacancy in found:
        if made >= count:
            break
        candidates = matching_engine.matches_for_vacancy(
            matching_arrays.vacancy(vacancy, today, places),
            0,
            matching_arrays.seekers(today, places, vacancy.employer.area_id),
            places.distances,
            matching_arrays.weights(),
            20,
        )
        people = Jobseeker.objects.filter(
            pk__in=[match.id for match in candidates],
            synthetic_month__isnull=False,
            responsible_counsellor__isnull=False,
            status__in=UNEMPLOYED_STATUSES,
        ).select_related("municipality", "responsible_counsellor")
        by_id = {person.pk: person for person in people}
        person = next((by_id[match.id] for match in candidates if match.id in by_id), None)
        if person is None or JobOffer.objects.filter(jobseeker=person, vacancy=vacancy, outcome="").exists():
            continue
        matching_services.make_offer(
            jobseeker=person,
            vacancy=vacancy,
            kind=JobOfferKind.JOB_OFFER,
            by=person.responsible_counsellor,
            today=today - timedelta(days=rng.randint(1, 20)),
        )
        made += 1
    return made


def _working_languages(rng: random.Random) -> None:
    """Languages beside the mother tongue: half of the foreign-language job seekers work in Finnish too, a third of
    those with a degree in English."""
    changed, now = [], timezone.now()
    for person in Jobseeker.objects.filter(synthetic_month__isnull=False).only(
        "pk", "preferred_language", "service_language", "education_level", "languages"
    ):
        # Left empty, the languages are the mother tongue and the service language (an English-served Pole works in
        # English): those stay, and the languages are recorded only when something is added to them.
        default = working_languages([], person.preferred_language, person.service_language)
        languages = [code for code in default if code in enums.Language.values]
        if person.preferred_language not in ("fi", "sv") and rng.random() < 0.5:
            languages.append("fi")
        if person.education_level in ("bachelor", "master", "doctoral") and rng.random() < 0.33:
            languages.append("en")
        ordered = [code for code in enums.Language.values if code in set(languages)]
        if ordered and set(ordered) != set(default):
            person.languages = ordered
            # bulk_update skips auto_now: without a new updated_at the matching arrays cached by a running server
            # would keep the old languages.
            person.updated_at = now
            changed.append(person)
    Jobseeker.objects.bulk_update(changed, ["languages", "updated_at"], batch_size=1000)


def make_offers(*, seed: int, today: date, count: int = OFFERS) -> tuple[int, int, int]:
    """Job offers of the best matches, other municipalities' jobs first, by each person's responsible counsellor;
    most with an outcome. Returns (offers, across borders, outcomes)."""
    rng = random.Random(f"offers:{seed}")
    people = list(
        Jobseeker.objects.searching()
        .filter(synthetic_month__isnull=False, responsible_counsellor__isnull=False, status__in=UNEMPLOYED_STATUSES)
        .select_related("municipality", "responsible_counsellor")
        .order_by("pk")
    )
    rng.shuffle(people)
    # The demo counsellor's clients first, so `ohjaaja` finds offers (and their outcomes) among their own.
    own = [p for p in people if p.responsible_counsellor.username == DEMO_COUNSELLOR][:OWN_OFFERS]
    people = own + [p for p in people if p not in own]
    draw = Weighted(OUTCOME_WEIGHTS)
    made = across = outcomes = 0
    for person in people:
        if made >= count:
            break
        counsellor = person.responsible_counsellor
        # Two offers in three go to the best job in another municipality among the person's hundred best.
        matches = matching_selectors.vacancy_matches(counsellor, person, limit=100, today=today)
        if not matches:
            continue
        match = next((m for m in matches if m.other_municipality), matches[0]) if made % 3 else matches[0]
        if match.open_offer is not None:
            continue
        made_on = today - timedelta(days=rng.randint(5, 60))
        offer = matching_services.make_offer(
            jobseeker=person,
            vacancy=match.vacancy,
            kind=JobOfferKind.JOB_OFFER if rng.random() < 0.7 else JobOfferKind.REFERRAL,
            by=counsellor,
            today=made_on,
        )
        made += 1
        across += offer.crosses_border
        outcome = draw(rng)
        if outcome:
            matching_services.record_outcome(
                offer,
                outcome=outcome,
                outcome_date=min(made_on + timedelta(days=rng.randint(3, 21)), today),
                by=counsellor,
                today=today,
            )
            outcomes += 1
    return made, across, outcomes


def offers_made() -> int:
    return JobOffer.objects.filter(vacancy__external_id__startswith=SYNTHETIC_PREFIX).count()
