"""A synthetic job-seeker population that realises the plan's Table 1 (or any month of municipal statistics).

For each municipality the unemployed job seekers are generated so that their numbers – in total, by sex, under 20,
under 25, long-term and foreign – equal the published figures of the month (times --scale). A suppressed cell
("...", a small number hidden for confidentiality) gets a value drawn inside the table's suppressed range (1–4 for
Table 1). Job seekers who are not unemployed are added so that all clients per municipality are realistic:

    all clients = unemployed × CLIENTS_PER_UNEMPLOYED (2,1)

The ratio is the plan's own: Kuusamo's 9 htv would have "n. 140 asiakasta/virkailija" at current client numbers
(§1), i.e. ≈ 1 260 clients for 607 unemployed (2,08); nationally ≈ 700 000 registered job seekers for ≈ 330 000
unemployed (DOMAIN.md) gives the same. Figures are "at the end of the month": ages, long-term unemployment and the
routing are computed on `as_of` (default: the month's last day), so the population is exactly Table 1 on that day.

Unemployed here means the statistics' unemployed job seekers: status unemployed or fully laid off (enums.py).
Everyone gets a temporary-range identity code (900–999), which no real person has. Codes are unique in the area:
50 odd and 50 even numbers per birth date, then the 2023 alternative century signs (Y–U, B–F), so 700 000 people
fit many times over. Names come from Faker's fi_FI lists (and a few other locales for foreign-language people),
drawn with the run's own random.Random(seed), so a seed gives the same people every time (demo/names.py).

It touches no database: demo/people.py writes what this decides, and demo/counsellors.py staffs it from the plan.
Everything here is deterministic for a seed, month, scale and as_of.
"""

import random
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal

from common.dates import add_years, months_before
from demo.names import Names, Weighted, address_part
from jobseekers import enums, hetu
from organisation import routing

CLIENTS_PER_UNEMPLOYED = 2.1
FULLY_LAID_OFF_SHARE = 0.08
# Job seekers who are not unemployed, by status (shares of them).
OTHER_STATUS_SHARES = {
    enums.JobseekerStatus.EMPLOYED: 0.28,
    enums.JobseekerStatus.PART_TIME: 0.12,
    enums.JobseekerStatus.PARTLY_LAID_OFF: 0.05,
    enums.JobseekerStatus.IN_SERVICES: 0.35,
    enums.JobseekerStatus.STUDENT: 0.12,
    enums.JobseekerStatus.OUTSIDE_LABOUR_FORCE: 0.08,
}
# Plan §1: 253 foreign unemployed in the area, but 734 foreign-language job seekers in Kainuu alone – many foreign-
# language job seekers are Finnish citizens. These two shares reproduce that proportion.
FOREIGN_LANGUAGE_SHARE_OF_FOREIGNERS = 0.9
FOREIGN_LANGUAGE_SHARE_OF_CITIZENS = 0.06
FOREIGN_LANGUAGES = {
    "ru": 0.26,
    "uk": 0.22,
    "ar": 0.13,
    "en": 0.11,
    "et": 0.09,
    "so": 0.06,
    "vi": 0.05,
    "tr": 0.04,
    "pl": 0.04,
}
CITIZENSHIP_OF_LANGUAGE = {
    "ru": ("RU",),
    "uk": ("UA",),
    "ar": ("SY", "IQ"),
    "en": ("GB", "US", "IN", "PH"),
    "et": ("EE",),
    "so": ("SO",),
    "vi": ("VN",),
    "tr": ("TR",),
    "pl": ("PL",),
    "fi": ("SE", "EE", "RU"),
    "sv": ("SE",),
}
SWEDISH_SHARE = 0.01
MULTISECTORAL_SHARE = {"long_term": 0.25, "unemployed": 0.04, "other": 0.02}
REDUCED_WORK_ABILITY_SHARE = {"long_term": 0.18, "unemployed": 0.08, "other": 0.05}
EDUCATION_SHARES = {
    enums.EducationLevel.BASIC: 0.2,
    enums.EducationLevel.UPPER_SECONDARY: 0.46,
    enums.EducationLevel.SHORT_TERTIARY: 0.08,
    enums.EducationLevel.BACHELOR: 0.16,
    enums.EducationLevel.MASTER: 0.08,
    enums.EducationLevel.DOCTORAL: 0.005,
    enums.EducationLevel.UNKNOWN: 0.015,
}
CHANNEL_SHARES = {
    enums.Channel.ONLINE: 0.6,
    enums.Channel.EMAIL: 0.15,
    enums.Channel.PHONE: 0.15,
    enums.Channel.LETTER: 0.05,
    enums.Channel.IN_PERSON: 0.05,
}
# ISCO-08 unit groups common among job seekers in a rural region.
OCCUPATIONS = [
    "5223", "9112", "8332", "7212", "5322", "5321", "4110", "2512", "7115", "9329", "6210", "8341", "5120", "9412",
    "7231", "3313", "2221", "2341", "5414", "5131", "4321", "7411", "7126", "8322", "9333", "5311", "3343", "2431",
]  # fmt: skip
COMMUTE_KM = [None, 10, 20, 30, 50, 80, 100]
# The cards a job seeker of a sought occupation has for it (employers.enums.Card): the hygiene passport of food work,
# the occupational safety card of building sites, and so on. Derived, not drawn, so a seed gives the same people.
OCCUPATION_CARDS = {
    "5120": ("hygiene_passport",),
    "5131": ("hygiene_passport", "alcohol_passport"),
    "9412": ("hygiene_passport",),
    "7115": ("occupational_safety",),
    "7126": ("occupational_safety", "hot_work"),
    "7411": ("electrical_safety", "occupational_safety"),
    "8332": ("professional_driver",),
    "8322": ("professional_driver",),
    "8341": ("occupational_safety",),
    "5414": ("security_guard",),
    "5321": ("pharmacotherapy", "first_aid"),
    "5322": ("pharmacotherapy", "first_aid"),
    "3221": ("pharmacotherapy",),
    "2221": ("pharmacotherapy",),
}


@dataclass(frozen=True)
class UnemployedTargets:
    """How many unemployed job seekers of each kind one municipality gets."""

    total: int
    men: int
    women: int
    under_20: int
    under_25: int
    long_term: int
    foreigners: int
    suppressed: tuple[str, ...] = ()


@dataclass(frozen=True)
class PublishedRow:
    """One municipality's figures of the month; None is a suppressed cell."""

    unemployed: int | None
    men: int | None
    women: int | None
    under_20: int | None
    under_25: int | None
    long_term: int | None
    foreigners: int | None


CONCEPTS = {
    "unemployed": "unemployed",
    "unemployed_men": "men",
    "unemployed_women": "women",
    "unemployed_under_20": "under_20",
    "unemployed_under_25": "under_25",
    "long_term_unemployed": "long_term",
    "foreign_unemployed": "foreigners",
}


def scaled(value: int, scale: Decimal) -> int:
    return int((Decimal(value) * scale).quantize(Decimal(1), ROUND_HALF_EVEN))


def resolve_targets(row: PublishedRow, scale: Decimal, rng: random.Random, low: int, high: int) -> UnemployedTargets:
    """Concrete numbers for a row: suppressed cells drawn in [low, high] consistently with the published ones."""
    if row.unemployed is None:
        raise ValueError("työttömien määrä puuttuu")
    suppressed = []
    total = row.unemployed
    men = row.men
    women = row.women
    if men is None and women is None:
        men = total // 2
        suppressed += ["men", "women"]
    if men is None:
        men = total - women
    if women is None:
        women = total - men
    women = total - men  # the sexes add up to the total even if a printed pair does not
    under_25 = row.under_25
    under_20 = row.under_20
    if under_25 is None:
        under_25 = rng.randint(max(low, under_20 or 0), high)
        suppressed.append("under_25")
    if under_20 is None:
        under_20 = rng.randint(min(low, under_25), min(high, under_25))
        suppressed.append("under_20")
    foreigners = row.foreigners
    if foreigners is None:
        foreigners = rng.randint(low, high)
        suppressed.append("foreigners")
    long_term = row.long_term
    if long_term is None:
        long_term = rng.randint(low, high)
        suppressed.append("long_term")

    total_s = scaled(total, scale)
    men_s = min(total_s, scaled(men, scale))
    under_25_s = min(total_s, scaled(under_25, scale))
    return UnemployedTargets(
        total=total_s,
        men=men_s,
        women=total_s - men_s,
        under_20=min(under_25_s, scaled(under_20, scale)),
        under_25=under_25_s,
        long_term=min(total_s - under_25_s, scaled(long_term, scale)),
        foreigners=min(total_s, scaled(foreigners, scale)),
        suppressed=tuple(suppressed),
    )


def largest_remainder(total: int, shares: dict) -> dict:
    """Split `total` into whole numbers in proportion to `shares`, summing exactly to `total`."""
    weight = sum(shares.values())
    exact = {key: total * share / weight for key, share in shares.items()}
    counts = {key: int(value) for key, value in exact.items()}
    rest = total - sum(counts.values())
    for key in sorted(exact, key=lambda k: (-(exact[k] - counts[k]), str(k)))[:rest]:
        counts[key] += 1
    return counts


@dataclass
class Person:
    """A synthetic job seeker before it becomes a model row."""

    municipality_code: str
    sex: str
    birth_date: date
    status: str
    unemployed_since: date | None
    job_search_started_on: date
    citizenship: str
    service_language: str
    preferred_language: str
    multisectoral: bool
    reduced_work_ability: bool
    first_name: str = ""
    last_name: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def target_group(self) -> routing.TargetGroup:
        return self.extra["target_group"]


class HetuAllocator:
    """Unique temporary-range codes: per birth date and sex the next free number, then the alternative signs."""

    def __init__(self, taken: set[str], digest: Callable[[str], str]):
        self.taken = taken
        self.digest = digest
        self.next_index: dict[tuple[date, str], int] = defaultdict(int)

    def allocate(self, birth_date: date, sex: str) -> tuple[str, str]:
        signs = hetu.CENTURY_SIGNS[birth_date.year // 100 * 100]
        first = 901 if sex == "male" else 900
        key = (birth_date, sex)
        while True:
            index = self.next_index[key]
            self.next_index[key] = index + 1
            sign_index, number_index = divmod(index, 50)
            if sign_index >= len(signs):
                raise ValueError("synteettiset henkilötunnukset loppuivat syntymäpäivältä")
            code = hetu.synthetic(birth_date, first + 2 * number_index, century_sign=signs[sign_index])
            digest = self.digest(code)
            if digest not in self.taken:
                self.taken.add(digest)
                return code, digest


def generate_municipality(
    code: str,
    targets: UnemployedTargets,
    *,
    rng: random.Random,
    as_of: date,
    clients_per_unemployed: float = CLIENTS_PER_UNEMPLOYED,
) -> Iterator[Person]:
    """The municipality's people: first the unemployed (matching `targets` exactly), then the other job seekers."""
    n = targets.total
    year_ago = months_before(as_of, 12)
    long_term_min_days = (as_of - year_ago).days
    sexes = ["male"] * targets.men + ["female"] * targets.women
    rng.shuffle(sexes)
    bands = ["u20"] * targets.under_20 + ["u25"] * (targets.under_25 - targets.under_20)
    bands += ["adult"] * (n - targets.under_25)
    rng.shuffle(bands)
    adults = [i for i, band in enumerate(bands) if band == "adult"]
    long_term = set(rng.sample(adults, min(targets.long_term, len(adults))))
    foreigners = set(rng.sample(range(n), targets.foreigners))
    short_term = [i for i in range(n) if i not in long_term]
    laid_off = set(rng.sample(short_term, round(len(short_term) * FULLY_LAID_OFF_SHARE)))

    for i in range(n):
        band = bands[i]
        if i in long_term:
            age = rng.randint(30, 64)
            days = rng.randint(long_term_min_days, 5 * 365)
            kind = "long_term"
        else:
            age = {"u20": (16, 19), "u25": (20, 24), "adult": (25, 64)}[band]
            age = rng.randint(*age)
            days = rng.randint(0, long_term_min_days - 1)
            kind = "unemployed"
        birth_date = _birth_date(rng, as_of, age)
        unemployed_since = max(as_of - timedelta(days=days), add_years(birth_date, 16))
        if i in long_term and unemployed_since > year_ago:
            unemployed_since = year_ago
        started = max(unemployed_since - timedelta(days=rng.choice((0, 0, 0, 14, 30, 60))), add_years(birth_date, 15))
        status = enums.JobseekerStatus.FULLY_LAID_OFF if i in laid_off else enums.JobseekerStatus.UNEMPLOYED
        yield _person(code, sexes[i], birth_date, status, unemployed_since, started, i in foreigners, kind, rng)

    others = round(n * (clients_per_unemployed - 1))
    counts = largest_remainder(others, OTHER_STATUS_SHARES)
    statuses = [status for status, count in counts.items() for _ in range(count)]
    rng.shuffle(statuses)
    men_share = targets.men / n if n else 0.5
    foreign_share = targets.foreigners / n if n else 0.0
    for status in statuses:
        sex = "male" if rng.random() < men_share else "female"
        age = rng.randint(18, 29) if status == enums.JobseekerStatus.STUDENT else rng.randint(18, 64)
        birth_date = _birth_date(rng, as_of, age)
        started = max(as_of - timedelta(days=rng.randint(0, 3 * 365)), add_years(birth_date, 16))
        foreign = rng.random() < foreign_share
        yield _person(code, sex, birth_date, status, None, started, foreign, "other", rng)


def _birth_date(rng: random.Random, as_of: date, age: int) -> date:
    latest = add_years(as_of, -age)
    earliest = add_years(as_of, -age - 1) + timedelta(days=1)
    return earliest + timedelta(days=rng.randint(0, (latest - earliest).days))


_FOREIGN_LANGUAGE = Weighted(FOREIGN_LANGUAGES)


def _person(code, sex, birth_date, status, unemployed_since, started, foreigner, kind, rng) -> Person:
    if foreigner:
        foreign_language = rng.random() < FOREIGN_LANGUAGE_SHARE_OF_FOREIGNERS
    else:
        foreign_language = rng.random() < FOREIGN_LANGUAGE_SHARE_OF_CITIZENS
    if foreign_language:
        language = _FOREIGN_LANGUAGE(rng)
    elif rng.random() < SWEDISH_SHARE:
        language = "sv"
    else:
        language = "fi"
    citizenship = rng.choice(CITIZENSHIP_OF_LANGUAGE[language]) if foreigner else "FI"
    # A few foreign-language customers are served in English although their own language is another one.
    service_language = (
        "en" if foreign_language and language not in ("en", "ru", "uk", "ar") and rng.random() < 0.3 else language
    )
    return Person(
        municipality_code=code,
        sex=sex,
        birth_date=birth_date,
        status=status,
        unemployed_since=unemployed_since,
        job_search_started_on=started,
        citizenship=citizenship,
        service_language=service_language,
        preferred_language=language,
        multisectoral=rng.random() < MULTISECTORAL_SHARE[kind],
        reduced_work_ability=rng.random() < REDUCED_WORK_ABILITY_SHARE[kind],
    )


_EDUCATION = Weighted(EDUCATION_SHARES)
_CHANNEL = Weighted(CHANNEL_SHARES)


def details(person: Person, rng: random.Random, names: Names, serial: int) -> dict:
    """Contact details and job-search preferences; synthetic addresses and example.fi e-mail only."""
    first, last = names.name(person.sex, person.preferred_language)
    person.first_name, person.last_name = first, last
    local = f"{address_part(first.split()[0])}.{address_part(last)}"
    occupations = sorted(set(rng.sample(OCCUPATIONS, rng.choice((1, 1, 2, 3)))))
    licences = []
    if rng.random() < 0.75:
        licences.append("B")
        if rng.random() < 0.1:
            licences += ["C", "CE"]
    return {
        "first_name": first,
        "last_name": last,
        "email": f"{local}.{serial}@example.fi",
        "street_address": f"{rng.choice(names.streets)} {rng.randint(1, 80)}",
        "preferred_channel": _CHANNEL(rng),
        "occupations": occupations,
        "education_level": _EDUCATION(rng),
        "driving_licences": licences,
        "languages": [],
        "cards": sorted({card for code in occupations for card in OCCUPATION_CARDS.get(code, ())}),
        "willing_to_relocate": rng.random() < 0.1,
        "max_commute_km": rng.choice(COMMUTE_KM),
    }


def target_group(person: Person, as_of: date) -> routing.TargetGroup:
    profile = routing.JobseekerProfile(
        municipality_code=person.municipality_code,
        service_language=person.service_language,
        age=hetu.age_on(person.birth_date, as_of),
        multisectoral=person.multisectoral,
    )
    return routing.derive_target_group(profile)
