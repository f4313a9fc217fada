"""Writes the synthetic population of a month (jobseekers/population.py decides who the people are).

`generate` is idempotent per month: it deletes the month's synthetic job seekers (only those, never a registered
person) and inserts the new ones with bulk inserts, creates or updates the synthetic counsellors from the plan's
staffing, and runs the batch assignment so that everyone has a responsible counsellor.
"""

import random
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_FLOOR, Decimal

from django.db import connection, transaction
from django.db.models import Count, Q

from accounts.enums import Role
from accounts.models import User
from common.bulk import INSERT_BATCH, RowWriter
from common.dates import add_years, month_end, months_before
from jobseekers import batch, enums, hetu_store, organisation_adapter, population, signals
from jobseekers.models import CounsellorAssignment, Jobseeker
from labour_market.models import MunicipalStatistic, StatisticsTable
from organisation import enums as org_enums
from organisation.models import EmploymentArea, Municipality, Office, ServiceArrangement, StaffPosition, Team

SYNTHETIC_USERNAME_PREFIX = "synt-"
CLIENT_TARGET_GROUPS = {
    org_enums.TargetGroup.ALL,
    org_enums.TargetGroup.YOUTH,
    org_enums.TargetGroup.ADULTS,
    org_enums.TargetGroup.FOREIGN_LANGUAGE,
    org_enums.TargetGroup.MULTISECTORAL,
}
FOREIGN_TEAM_LANGUAGES = ["ru", "ar", "uk", "so"]
COUNSELLOR_FIELDS = ["role", "home_municipality_id", "team_id", "fte", "languages", "is_active"]

Progress = Callable[[str, int, int], None]


class GenerationError(Exception):
    pass


@dataclass
class MunicipalityResult:
    code: str
    name: str
    targets: population.UnemployedTargets
    clients: int


@dataclass
class GenerationReport:
    month: date
    as_of: date
    seed: int
    scale: Decimal
    table: str
    deleted: int = 0
    created: int = 0
    municipalities: list[MunicipalityResult] = field(default_factory=list)
    counsellors: dict = field(default_factory=dict)
    assignment: batch.BatchReport | None = None
    seconds: dict = field(default_factory=dict)


# --- Table 1 ------------------------------------------------------------------------------------------------------


def read_published(area: EmploymentArea, month: date) -> tuple[StatisticsTable, dict[str, population.PublishedRow]]:
    """The month's municipal figures from the labour_market app: the table with the most municipalities."""
    figures = (
        MunicipalStatistic.objects.filter(
            area=area, month=month, municipality__isnull=False, indicator__concept__in=list(population.CONCEPTS)
        )
        .select_related("indicator", "municipality", "table")
        .order_by("table__position", "table__key")
    )
    by_table: dict[int, dict[str, dict]] = defaultdict(lambda: defaultdict(dict))
    tables = {}
    for figure in figures:
        tables[figure.table_id] = figure.table
        known = figure.status in ("published", "zero")
        value = int(figure.value) if known else None
        by_table[figure.table_id][figure.municipality.code][population.CONCEPTS[figure.indicator.concept]] = value
    if not by_table:
        raise GenerationError(
            f"Kuukauden {month:%Y-%m} kuntalukuja ei ole ladattu. Lataa alueen tiedot: manage.py load_area."
        )
    table_id = max(by_table, key=lambda t: (len(by_table[t]), -tables[t].position))
    rows = {}
    for code, values in by_table[table_id].items():
        rows[code] = population.PublishedRow(**{name: values.get(name) for name in population.CONCEPTS.values()})
    return tables[table_id], rows


# --- Counsellors from the staffing data ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CounsellorSpec:
    username: str
    municipality_id: int
    team_id: int | None
    fte: Decimal
    languages: tuple[str, ...]


def staff_plan(area: EmploymentArea, multiplier: int = 1) -> list[CounsellorSpec]:
    """Counsellors from the plan's staff positions doing customer work (fte_min of each position).

    * A position with a team goes to that team. Without a team (Kajaani's 3 htv: "the plan does not say which target
      group team") its FTE is shared equally by the municipality's customer teams.
    * A team that provides a service arrangement but got no FTE (Suomussalmi's foreign-language guidance: "one of the
      counsellors is responsible") takes one FTE from the municipality's largest team.
    * Each team's FTE is split into full-time persons and one part-time person for the rest, times `multiplier`.
    """
    teams = list(Team.objects.filter(area=area).select_related("municipality").order_by("key"))
    customer_teams = defaultdict(list)
    for team in teams:
        if team.target_group in CLIENT_TARGET_GROUPS:
            customer_teams[team.municipality_id].append(team)
    fte: dict[tuple[int, int | None], Decimal] = defaultdict(Decimal)
    positions = StaffPosition.objects.filter(area=area, customer_work=True).select_related("team").order_by("pk")
    for position in positions:
        if position.team_id is not None:
            fte[(position.municipality_id, position.team_id)] += position.fte_min
        elif customer_teams[position.municipality_id]:
            share = position.fte_min / len(customer_teams[position.municipality_id])
            for team in customer_teams[position.municipality_id]:
                fte[(position.municipality_id, team.pk)] += share
        else:
            fte[(position.municipality_id, None)] += position.fte_min
    providers = set(
        ServiceArrangement.objects.filter(area=area, provider_team__isnull=False).values_list(
            "provider_team", flat=True
        )
    )
    for team in teams:
        key = (team.municipality_id, team.pk)
        if team.pk in providers and team.target_group in CLIENT_TARGET_GROUPS and not fte.get(key):
            donors = [k for k in fte if k[0] == team.municipality_id and fte[k] > 0]
            if donors:
                donor = max(donors, key=lambda k: (fte[k], -(k[1] or 0)))
                moved = min(Decimal(1), fte[donor])
                fte[donor] -= moved
                fte[key] += moved

    team_by_id = {team.pk: team for team in teams}
    codes = dict(Municipality.objects.filter(area=area).values_list("pk", "code"))
    specs = []
    for (municipality_id, team_id), total in sorted(fte.items(), key=lambda item: (item[0][0], item[0][1] or 0)):
        total = (total * multiplier).quantize(Decimal("0.01"), ROUND_FLOOR)
        team = team_by_id.get(team_id)
        prefix = f"{SYNTHETIC_USERNAME_PREFIX}{team.key if team else 'kunta-' + codes[municipality_id]}"
        persons = [Decimal(1)] * int(total) + ([total - int(total)] if total - int(total) >= Decimal("0.05") else [])
        for index, person_fte in enumerate(persons, start=1):
            username = f"{prefix}-{index:03d}"
            rng = random.Random(f"counsellor:{username}")
            languages = ["fi"]
            if rng.random() < 0.7:
                languages.append("en")
            if rng.random() < 0.1:
                languages.append("sv")
            if team is not None and team.target_group == org_enums.TargetGroup.FOREIGN_LANGUAGE:
                languages = ["fi", "en", FOREIGN_TEAM_LANGUAGES[(index - 1) % len(FOREIGN_TEAM_LANGUAGES)]]
            specs.append(CounsellorSpec(username, municipality_id, team_id, person_fte, tuple(languages)))
    return specs


def ensure_counsellors(specs: list[CounsellorSpec], names: population.Names) -> dict:
    """Create or update the synthetic counsellors; those no longer in the plan are deactivated, never deleted."""
    existing = {u.username: u for u in User.objects.filter(username__startswith=SYNTHETIC_USERNAME_PREFIX)}
    wanted = {spec.username for spec in specs}
    created, changed = [], []
    for spec in specs:
        user = existing.get(spec.username)
        values = {
            "role": Role.COUNSELLOR,
            "home_municipality_id": spec.municipality_id,
            "team_id": spec.team_id,
            "fte": spec.fte,
            "languages": list(spec.languages),
            "is_active": True,
        }
        if user is None:
            rng = random.Random(f"counsellor-name:{spec.username}")
            first, last = names.name(rng.choice(("male", "female")), "fi", rng)
            user = User(username=spec.username, first_name=first, last_name=last, **values)
            user.set_unusable_password()
            created.append(user)
        elif any(getattr(user, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(user, k, v)
            changed.append(user)
    User.objects.bulk_create(created, batch_size=500)
    User.objects.bulk_update(changed, COUNSELLOR_FIELDS, batch_size=500)
    retired = User.objects.filter(username__startswith=SYNTHETIC_USERNAME_PREFIX, is_active=True).exclude(
        username__in=wanted
    )
    retired_count = retired.update(is_active=False)
    return {"created": len(created), "updated": len(changed), "deactivated": retired_count, "total": len(specs)}


# --- The population ---------------------------------------------------------------------------------------------


def delete_month(area: EmploymentArea, month: date, codes: list[str] | None = None) -> int:
    """Remove a month's synthetic people (raw deletes: the rows were bulk-inserted and are not audited one by one)."""
    people = Jobseeker.objects.filter(area=area, synthetic_month=month)
    if codes:
        people = people.filter(municipality__code__in=codes)
    count = people.count()
    if count:
        signals.people_deleting.send(sender=Jobseeker, pks=people.values("pk"))
        CounsellorAssignment.objects.filter(jobseeker__in=people.values("pk"))._raw_delete(connection.alias)
        Jobseeker.objects.filter(pk__in=people.values("pk"))._raw_delete(connection.alias)
    return count


def generate(
    area: EmploymentArea,
    month: date,
    *,
    seed: int = 1,
    scale: Decimal = Decimal(1),
    as_of: date | None = None,
    municipality_codes: list[str] | None = None,
    assign: bool = True,
    progress: Progress | None = None,
) -> GenerationReport:
    month = month.replace(day=1)
    as_of = as_of or month_end(month)
    scale = Decimal(scale)
    table, rows = read_published(area, month)
    if municipality_codes:
        unknown = sorted(set(municipality_codes) - set(rows))
        if unknown:
            raise GenerationError(f"Kunnille {', '.join(unknown)} ei ole kuukauden {month:%Y-%m} lukuja.")
        rows = {code: rows[code] for code in municipality_codes}
    report = GenerationReport(month=month, as_of=as_of, seed=seed, scale=scale, table=table.name)
    organisation = organisation_adapter.build(area)
    municipalities = {m.code: m for m in Municipality.objects.filter(area=area)}
    offices = {}
    for office in Office.objects.filter(area=area).order_by("name", "pk"):
        offices.setdefault(office.municipality_id, office)
    low, high = table.suppressed_min, table.suppressed_max or table.suppressed_min + 3

    clock = time.perf_counter()
    with transaction.atomic():
        report.deleted = delete_month(area, month, municipality_codes)
        taken = set(Jobseeker.objects.filter(area=area).values_list("hetu_hash", flat=True))
        allocator = population.HetuAllocator(taken, hetu_store.hasher())
        seal = hetu_store.encrypter()
        names = population.Names(random.Random(f"names:{seed}"), seed)
        resolved = {}
        for code in sorted(rows):
            rng = random.Random(f"{seed}:{month:%Y-%m}:{code}:targets")
            resolved[code] = population.resolve_targets(rows[code], scale, rng, low, high)
        expected = sum(round(t.total * population.CLIENTS_PER_UNEMPLOYED) for t in resolved.values())
        writer = RowWriter(Jobseeker)
        serial = 0
        routing_cache = {}
        for code in sorted(rows):
            municipality = municipalities[code]
            office = offices.get(municipality.pk)
            fixed = {
                "area_id": area.pk,
                "municipality_id": municipality.pk,
                "postal_code": office.postal_code if office else "",
                "post_town": office.post_town if office else "",
                "routed_on": as_of,
                "synthetic_month": month,
                "phone": "",
                "responsible_counsellor_id": None,
                "previous_job_search_ended_on": None,
            }
            rng = random.Random(f"{seed}:{month:%Y-%m}:{code}:people")
            names.rng = rng
            clients = 0
            for person in population.generate_municipality(code, resolved[code], rng=rng, as_of=as_of):
                serial += 1
                clients += 1
                group = population.target_group(person, as_of)
                if (code, group) not in routing_cache:
                    routing_cache[(code, group)] = organisation.routing_fields(organisation.decision_for(code, group))
                code_text, digest = allocator.allocate(person.birth_date, person.sex)
                writer.add(
                    {
                        **fixed,
                        "hetu_ciphertext": seal(code_text),
                        "hetu_hash": digest,
                        "birth_date": person.birth_date,
                        "sex": person.sex,
                        "citizenship": person.citizenship,
                        "preferred_language": person.preferred_language,
                        "service_language": person.service_language,
                        "job_search_started_on": person.job_search_started_on,
                        "unemployed_since": person.unemployed_since,
                        "status": person.status,
                        "reduced_work_ability": person.reduced_work_ability,
                        "multisectoral": person.multisectoral,
                        **population.details(person, rng, names, serial),
                        **routing_cache[(code, group)],
                    }
                )
                if progress and serial % INSERT_BATCH == 0:
                    progress("työnhakijat", serial, expected)
            report.municipalities.append(MunicipalityResult(code, municipality.name_fi, resolved[code], clients))
        writer.flush()
        report.created = serial
        if progress:
            progress("työnhakijat", serial, serial)
        report.seconds["population"] = time.perf_counter() - clock

        clock = time.perf_counter()
        multiplier = max(1, int(scale.to_integral_value()))
        report.counsellors = ensure_counsellors(staff_plan(area, multiplier), names)
        report.seconds["counsellors"] = time.perf_counter() - clock

        # In the same transaction: a run stopped at any point leaves the previous population as it was.
        if assign:
            clock = time.perf_counter()
            report.assignment = batch.assign_unassigned(scope=Q(area=area), progress=progress)
            report.seconds["assignment"] = time.perf_counter() - clock
    return report


# --- Comparison with the published figures ------------------------------------------------------------------------


def population_figures(area: EmploymentArea, month: date, as_of: date | None = None) -> dict[str, dict[str, int]]:
    """Counts of the month's synthetic population in Table 1's terms, per municipality code, on `as_of`."""
    month = month.replace(day=1)
    as_of = as_of or month_end(month)
    unemployed = Q(status__in=sorted(enums.UNEMPLOYED_STATUSES))
    rows = (
        Jobseeker.objects.filter(area=area, synthetic_month=month)
        .values("municipality__code")
        .annotate(
            clients=Count("pk"),
            unemployed=Count("pk", filter=unemployed),
            men=Count("pk", filter=unemployed & Q(sex=enums.Sex.MALE)),
            women=Count("pk", filter=unemployed & Q(sex=enums.Sex.FEMALE)),
            under_20=Count("pk", filter=unemployed & Q(birth_date__gt=add_years(as_of, -20))),
            under_25=Count("pk", filter=unemployed & Q(birth_date__gt=add_years(as_of, -25))),
            long_term=Count("pk", filter=unemployed & Q(unemployed_since__lte=months_before(as_of, 12))),
            foreigners=Count("pk", filter=unemployed & ~Q(citizenship="FI")),
            assigned=Count("pk", filter=Q(responsible_counsellor__isnull=False)),
        )
    )
    return {row.pop("municipality__code"): row for row in rows}
