"""Reads for planning: numbers per municipality and team, never a person. Access is asked from accounts.permissions.

A unit is a serving municipality (the one whose counsellors serve a home municipality's adults; Hyrynsalmi and
Ristijärvi fold into Paltamo) or, with the registry as the source, a team. Its FTE is the plan's customer-work staff
positions; its clients come from the registry or, planning ahead, from the statistics.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q

from accounts import permissions_planning
from common.dates import months_before
from common.today import service_today
from jobseekers import organisation_adapter
from jobseekers.enums import UNEMPLOYED_STATUSES, JobseekerStatus, TargetGroup
from jobseekers.models import Jobseeker
from jobseekers.targets import Target as StoredTarget
from jobseekers.targets import Targets
from labour_market import figures
from labour_market.models import MunicipalStatistic
from organisation.models import AreaStaffFact, EmploymentArea, Municipality, StaffPosition, Team
from planning import capacity, scenarios, workload
from planning.enums import Basis, Source
from planning.models import Scenario

# Employed job seekers, and those outside the labour force, have no statutory follow-up (service_model.adapter).
_NOT_FOLLOWED = (JobseekerStatus.EMPLOYED, JobseekerStatus.OUTSIDE_LABOUR_FORCE)


def area(user) -> EmploymentArea | None:
    if not permissions_planning.can_view_planning(user):
        return None
    return organisation_adapter.area_of(user)


def serving_codes(area_object: EmploymentArea) -> dict[str, str]:
    """Home municipality code → the code of the municipality whose counsellors serve its adults (the routing's)."""
    organisation = organisation_adapter.build(area_object)
    return {
        code: organisation.decision_for(code, TargetGroup.ADULTS).serving_municipality.code
        for code in organisation.municipality_ids
    }


def _target(stored: StoredTarget | None) -> capacity.Target | None:
    if stored is None:
        return None
    return capacity.Target(
        stored.min_clients, stored.max_clients, stored.wording, stored.bound, stored.tolerance_percent
    )


def _staffing(positions) -> dict:
    """(municipality code, team key or None) → Staffing, and the same summed per municipality under team None."""
    sums: dict = {}
    for position in positions:
        for key in {
            (position.municipality.code, None),
            (position.municipality.code, position.team and position.team.key),
        }:
            filled, low, high = sums.get(key, (Decimal(0), Decimal(0), Decimal(0)))
            is_filled = position.status == "filled"
            sums[key] = (
                filled + (position.fte_min if is_filled else 0),
                low + position.fte_min,
                high + position.fte_max,
            )
    return {key: capacity.Staffing(*values) for key, values in sums.items()}


@dataclass(frozen=True)
class UnitData:
    """A unit's inputs: the capacity core's unit, its client mix for the workload and the statistics month used."""

    unit: capacity.Unit
    mix: workload.ClientMix


@dataclass(frozen=True)
class PlanningData:
    area: EmploymentArea
    source: str
    today: date
    statistics_month: date | None
    municipalities: list[UnitData]
    teams: list[UnitData]
    scoped_to: str | None
    unplaced: capacity.UnplacedShare | None = None


# Rows that may be transfers from the state (transfer_or_recruited counts as a transfer: docs/decisions/0007).
TRANSFERRING = ("state_transfer", "transfer_or_recruited")


def unplaced_share(area_object: EmploymentArea) -> capacity.UnplacedShare | None:
    """The unplaced share read from the area's data alone: the one source the demo's counsellors use too."""
    return _unplaced_share(area_object, StaffPosition.objects.filter(area=area_object, customer_work=True))


def _unplaced_share(area_object, positions) -> capacity.UnplacedShare | None:
    """The state's customer-work FTE the plan gives for the whole area (area_staff.yaml) but places in no
    municipality; None when the area data gives no such estimate or has no responsible municipality."""
    facts = [
        fact
        for fact in AreaStaffFact.objects.filter(area=area_object, origin="state_transfer")
        if fact.customer_work_fte is not None
    ]
    responsible = area_object.responsible_municipality
    if not facts or responsible is None:
        return None
    placed = sum((p.fte_min for p in positions if p.origin in TRANSFERRING), Decimal(0))
    return capacity.UnplacedShare(
        estimate=sum((fact.customer_work_fte for fact in facts), Decimal(0)),
        placed=placed,
        municipality_code=responsible.code,
        municipality_name=responsible.name_fi,
        source="; ".join(fact.source for fact in facts),
    )


def _registry_mixes(area_object, today: date, key: str) -> dict[str, workload.ClientMix]:
    new_since = months_before(today, 1)
    long_term_before = months_before(today, scenarios.LONG_TERM_AFTER_MONTHS)
    unemployed = Q(status__in=sorted(UNEMPLOYED_STATUSES))
    new = Q(job_search_started_on__gt=new_since)
    rows = (
        Jobseeker.objects.searching()
        .filter(area=area_object)
        .values(key)
        .annotate(
            clients=Count("id"),
            followed=Count("id", filter=~Q(status__in=_NOT_FOLLOWED)),
            new=Count("id", filter=new),
            new_unemployed=Count("id", filter=new & unemployed),
            long_term=Count("id", filter=unemployed & Q(job_search_started_on__lte=long_term_before)),
        )
        .order_by()
    )
    return {
        row[key]: workload.ClientMix(
            row["clients"], row["followed"], row["new"], row["new_unemployed"], row["long_term"]
        )
        for row in rows
        if row[key] is not None
    }


def statistics_months(area_object) -> list[date]:
    return sorted(
        set(
            MunicipalStatistic.objects.filter(
                area=area_object, indicator__concept=figures.Concept.UNEMPLOYED, municipality__isnull=False
            ).values_list("month", flat=True)
        )
    )


def _statistics_mixes(area_object, month, serving, parameters, clients_per_unemployed) -> dict[str, workload.ClientMix]:
    values: dict[tuple[str, str], Decimal] = {}
    for code, concept, value in MunicipalStatistic.objects.filter(
        area=area_object,
        month=month,
        municipality__isnull=False,
        indicator__concept__in=[figures.Concept.UNEMPLOYED, figures.Concept.LONG_TERM_UNEMPLOYED],
    ).values_list("municipality__code", "indicator__concept", "value"):
        # A suppressed figure ("...", at most a few people) counts as none; the page says where the figures are from.
        unit = serving.get(code, code)
        values[(unit, concept)] = values.get((unit, concept), Decimal(0)) + (value or 0)
    mixes = {}
    for unit in {unit for unit, _ in values}:
        unemployed = int(values.get((unit, figures.Concept.UNEMPLOYED), 0))
        clients = capacity.clients_from_unemployed(unemployed, clients_per_unemployed)
        long_term = int(values.get((unit, figures.Concept.LONG_TERM_UNEMPLOYED), 0))
        mixes[unit] = workload.mix_from_statistics(clients, unemployed, long_term, parameters)
    return mixes


def planning_data(
    user,
    *,
    source: str = Source.REGISTRY,
    statistics_month: date | None = None,
    parameters: workload.Parameters = workload.DEFAULTS,
    clients_per_unemployed: Decimal = capacity.CLIENTS_PER_UNEMPLOYED,
) -> PlanningData | None:
    """Units of the user's area (a supervisor: their own municipality's) with their clients, FTE and targets."""
    area_object = area(user)
    if area_object is None:
        return None
    today = service_today()
    serving = serving_codes(area_object)
    units_codes = sorted(set(serving.values()))
    scoped_to = permissions_planning.planning_municipality(user)
    if scoped_to is not None:
        scoped_to = serving.get(scoped_to, scoped_to)
        units_codes = [code for code in units_codes if code == scoped_to]
    targets = Targets()
    positions = StaffPosition.objects.filter(area=area_object, customer_work=True).select_related(
        "municipality", "team"
    )
    staffing = _staffing(positions)
    unplaced = _unplaced_share(area_object, positions)
    if unplaced is not None:
        key = (unplaced.municipality_code, None)
        staffing[key] = capacity.with_unplaced(
            staffing.get(key, capacity.Staffing(Decimal(0), Decimal(0), Decimal(0))), unplaced
        )
    nobody = capacity.Staffing(Decimal(0), Decimal(0), Decimal(0))
    empty = workload.ClientMix(0, 0, 0, 0, 0)
    municipalities_by_code = {m.code: m for m in Municipality.objects.filter(area=area_object)}

    if source == Source.STATISTICS:
        months = statistics_months(area_object)
        if statistics_month not in months:
            statistics_month = months[-1] if months else None
        mixes = (
            _statistics_mixes(area_object, statistics_month, serving, parameters, clients_per_unemployed)
            if statistics_month
            else {}
        )
        team_mixes: dict = {}
    else:
        statistics_month = None
        mixes = _registry_mixes(area_object, today, "serving_municipality__code")
        team_mixes = _registry_mixes(area_object, today, "team__key")

    municipalities = []
    for code in units_codes:
        m = municipalities_by_code[code]
        mix = mixes.get(code, empty)
        unit = capacity.Unit(
            key=f"municipality:{code}",
            name=m.name_fi,
            municipality_code=code,
            clients=mix.clients,
            staffing=staffing.get((code, None), nobody),
            target=_target(targets.by_municipality.get(m.pk)),
        )
        municipalities.append(UnitData(unit, mix))

    teams = []
    if source == Source.REGISTRY:
        for team in Team.objects.filter(area=area_object, municipality__code__in=units_codes).select_related(
            "municipality"
        ):
            mix = team_mixes.get(team.key, empty)
            team_staff = staffing.get((team.municipality.code, team.key), nobody)
            if not mix.clients and team_staff == nobody:
                continue
            unit = capacity.Unit(
                key=f"team:{team.key}",
                name=team.name,
                municipality_code=team.municipality.code,
                clients=mix.clients,
                staffing=team_staff,
                target=_target(targets.for_team(team, team.municipality_id)),
                team=team.key,
            )
            teams.append(UnitData(unit, mix))
    return PlanningData(area_object, source, today, statistics_month, municipalities, teams, scoped_to, unplaced)


def fte_of(staffing: capacity.Staffing, basis: str) -> Decimal:
    return {Basis.FILLED: staffing.filled, Basis.PLANNED_HIGH: staffing.planned_high}.get(basis, staffing.planned_low)


def baselines(data: PlanningData, basis: str = Basis.PLANNED_LOW) -> list[scenarios.Baseline]:
    return [
        scenarios.Baseline(
            code=d.unit.municipality_code,
            name=d.unit.name,
            mix=d.mix,
            fte=fte_of(d.unit.staffing, basis),
            target=d.unit.target,
        )
        for d in data.municipalities
    ]


# --- Scenarios --------------------------------------------------------------------------------------------------------


def scenario_list(user):
    area_object = area(user)
    if area_object is None:
        return Scenario.objects.none()
    return Scenario.objects.filter(area=area_object).order_by("-created_at", "-pk")


def get_scenario(user, pk) -> Scenario | None:
    return scenario_list(user).prefetch_related("changes__municipality").filter(pk=pk).first()


def as_changes(scenario: Scenario) -> list[scenarios.Change]:
    return [change.as_core() for change in scenario.changes.all()]


@dataclass(frozen=True)
class Comparison:
    data: PlanningData
    rows: list[scenarios.Row]
    baseline: list[scenarios.Row]


def compare(user, scenario: Scenario, *, source: str = Source.REGISTRY, basis: str = Basis.PLANNED_LOW) -> Comparison:
    """The scenario and its baseline for 24 months from the scenario's start month, in the user's scope."""
    data = planning_data(user, source=source)
    units = baselines(data, basis)
    serving = serving_codes(data.area)
    changes = as_changes(scenario)
    return Comparison(
        data=data,
        rows=scenarios.project(units, changes, scenario.start_month, serving),
        baseline=scenarios.project(units, [], scenario.start_month, serving),
    )
