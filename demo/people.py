"""Writes the synthetic population of a month (demo/population.py decides who the people are).

`generate` is idempotent per month: it deletes the month's synthetic job seekers (only those, never a registered
person) with everything that references them, inserts the new ones through the bulk writer, creates or updates the
synthetic counsellors from the plan's staffing (demo/counsellors.py), and runs the batch assignment so that everyone
has a responsible counsellor.
"""

import random
import time
from collections import defaultdict
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache

from django.db import connection, transaction
from django.db.models import Count, Q

from common import bulk
from common.bulk import INSERT_BATCH, RowWriter
from common.dates import add_years, month_end, months_before
from demo import counsellors, erase, forked, meetings, population
from jobseekers import batch, enums, hetu_store, organisation_adapter
from jobseekers.models import CounsellorAssignment, Jobseeker
from jobseekers.names import words
from labour_market.enums import FigureStatus
from labour_market.models import MunicipalStatistic, StatisticsTable
from organisation.models import EmploymentArea, Municipality, Office

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


def latest_month(area: EmploymentArea) -> date | None:
    """The newest month with municipal figures for a population, or None when no statistics are loaded."""
    return (
        MunicipalStatistic.objects.filter(
            area=area, municipality__isnull=False, indicator__concept__in=list(population.CONCEPTS)
        )
        .order_by("-month")
        .values_list("month", flat=True)
        .first()
    )


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
        known = figure.status in (FigureStatus.PUBLISHED, FigureStatus.ZERO)
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


# --- The population ---------------------------------------------------------------------------------------------


def delete_month(area: EmploymentArea, month: date, codes: list[str] | None = None) -> int:
    """Remove a month's synthetic people and what references them (set-wise: they were bulk-inserted and are not
    audited one by one)."""
    where = "area_id = %s AND synthetic_month = %s"
    params = [area.pk, connection.ops.adapt_datefield_value(month)]
    if codes:
        ids = list(Municipality.objects.filter(area=area, code__in=codes).values_list("pk", flat=True))
        if not ids:
            return 0
        where += f" AND municipality_id IN ({', '.join(['%s'] * len(ids))})"
        params += ids
    return erase.delete(Jobseeker, where, params)


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
    with transaction.atomic(), ExitStack() as deferred:
        report.deleted = delete_month(area, month, municipality_codes)
        taken = set(Jobseeker.objects.filter(area=area).values_list("hetu_hash", flat=True))
        # Rebuilt once the people and their counsellors are written (common/bulk.py): in the same transaction.
        deferred.enter_context(bulk.indexes_and_keys_deferred(Jobseeker, CounsellorAssignment))
        allocator = population.HetuAllocator(taken, hetu_store.hasher())
        seal = hetu_store.encrypter()
        names = population.Names(random.Random(f"names:{seed}"), seed)
        resolved = {}
        for code in sorted(rows):
            rng = random.Random(f"{seed}:{month:%Y-%m}:{code}:targets")
            resolved[code] = population.resolve_targets(rows[code], scale, rng, low, high)
        expected = sum(round(t.total * population.CLIENTS_PER_UNEMPLOYED) for t in resolved.values())
        writer = RowWriter(Jobseeker)

        def make():
            """The rows, encoded INSERT_BATCH at a time, each municipality's result after its people."""
            serial = 0
            routing_cache = {}
            # jobseekers.names.search_key, with the folding of each name done once: 675 000 people share a few
            # thousand first and last names.
            folded = cache(words)
            batch = []
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
                    "job_search_ended_on": None,
                    "job_search_end_reason": "",
                }
                rng = random.Random(f"{seed}:{month:%Y-%m}:{code}:people")
                names.rng = rng
                clients = 0
                for person in population.generate_municipality(code, resolved[code], rng=rng, as_of=as_of):
                    serial += 1
                    clients += 1
                    group = population.target_group(person, as_of)
                    if (code, group) not in routing_cache:
                        decision = organisation.decision_for(code, group)
                        routing_cache[(code, group)] = organisation.routing_fields(decision)
                    code_text, digest = allocator.allocate(person.birth_date, person.sex)
                    contact = population.details(person, rng, names, serial)
                    batch.append(
                        writer.row(
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
                                **contact,
                                "search_name": " ".join(folded(contact["first_name"]) + folded(contact["last_name"])),
                                **routing_cache[(code, group)],
                            }
                        )
                    )
                    if len(batch) == INSERT_BATCH:
                        yield writer.encode(batch), len(batch)
                        batch = []
                if batch:
                    yield writer.encode(batch), len(batch)
                    batch = []
                yield MunicipalityResult(code, municipality.name_fi, resolved[code], clients)

        # Made and encoded in another process while this one writes: the people are drawn one after another from the
        # seed (their identity codes too), so only writing them can go beside making them.
        serial = 0
        for item in forked.made_apart(make, "the population's process"):
            if isinstance(item, MunicipalityResult):
                report.municipalities.append(item)
                continue
            encoded, count = item
            writer.add_encoded(encoded, count)
            serial += count
            if progress:
                progress("työnhakijat", serial, expected)
        writer.flush()
        _analyze(Jobseeker)
        report.created = serial
        if progress:
            progress("työnhakijat", serial, serial)
        report.seconds["population"] = time.perf_counter() - clock

        clock = time.perf_counter()
        multiplier = max(1, int(scale.to_integral_value()))
        report.counsellors = counsellors.ensure_counsellors(counsellors.staff_plan(area, multiplier), names)
        report.seconds["counsellors"] = time.perf_counter() - clock

        # In the same transaction: a run stopped at any point leaves the previous population as it was.
        if assign:
            clock = time.perf_counter()
            report.assignment = batch.assign_unassigned(scope=Q(area=area), progress=progress)
            # While the assignments' indexes are deferred: the meetings would otherwise move them chunk by chunk. The
            # update joins the periods to the people, planned from statistics of the rows just written.
            _analyze(CounsellorAssignment)
            meetings.move_first_periods(Jobseeker.objects.filter(area=area, synthetic_month=month))
            report.seconds["assignment"] = time.perf_counter() - clock
        clock = time.perf_counter()
        deferred.close()
        report.seconds["indexes"] = time.perf_counter() - clock
    return report


def _analyze(model) -> None:
    """Give PostgreSQL statistics of the rows just written in this transaction (ANALYZE sees them): without them it
    takes the table for a few rows and scans it whole for every batch of the assignment that follows, hundreds of
    times at a national scale."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


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
