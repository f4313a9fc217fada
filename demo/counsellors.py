"""The synthetic counsellors: user accounts for all the counsellor FTE of the plan's staffing (customer work)."""

import random
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction

from django.db.models import Count

from accounts.enums import Role
from accounts.models import User
from demo.names import Names
from jobseekers.models import Jobseeker
from organisation import enums as org_enums
from organisation.models import (
    CaseloadTarget,
    EmploymentArea,
    Municipality,
    ServiceArrangement,
    StaffPosition,
    Team,
)
from organisation.pools import team_pool
from planning import selectors as planning_selectors

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


@dataclass(frozen=True)
class CounsellorSpec:
    username: str
    municipality_id: int
    team_id: int | None
    fte: Decimal
    languages: tuple[str, ...]


def unplaced_state_fte(area: EmploymentArea) -> Decimal:
    """The part of the plan's area-wide estimate of transferring customer-work staff (area_staff.yaml) that no
    municipal row places, as the planning pages count it (docs/decisions/0007)."""
    share = planning_selectors.unplaced_share(area)
    return share.fte if share is not None else Decimal(0)


def plan_fte(area: EmploymentArea) -> dict[tuple[int, int | None], Decimal]:
    """Counsellor FTE by (municipality, team) as the plan's staffing holds it, before it is split into persons.

    * Every customer-work position at its lower bound (fte_min), plus the unplaced share of the state's transferring
      customer-work staff at the responsible municipality (unplaced_state_fte).
    * A municipality's FTE without a team (Kajaani's: "the plan does not say which target group team") is shared by
      its customer teams in half FTEs, in proportion to each team's clients over its target maximum, as a supervisor
      would staff them; equally when there are no clients yet.
    * A team that provides a service arrangement but got no FTE (Suomussalmi's foreign-language guidance: "one of the
      counsellors is responsible") takes one FTE from the municipality's largest team.
    """
    teams = list(Team.objects.filter(area=area).select_related("municipality").order_by("key"))
    customer_teams = defaultdict(list)
    for team in teams:
        if team.target_group in CLIENT_TARGET_GROUPS:
            customer_teams[team.municipality_id].append(team)
    fte: dict[tuple[int, int | None], Decimal] = defaultdict(Decimal)
    unteamed: dict[int, Decimal] = defaultdict(Decimal)
    for position in StaffPosition.objects.filter(area=area, customer_work=True).order_by("pk"):
        if position.team_id is not None:
            fte[(position.municipality_id, position.team_id)] += position.fte_min
        else:
            unteamed[position.municipality_id] += position.fte_min
    unplaced = unplaced_state_fte(area)
    if unplaced and area.responsible_municipality_id:
        unteamed[area.responsible_municipality_id] += unplaced
    for municipality_id, total in unteamed.items():
        if not customer_teams[municipality_id]:
            fte[(municipality_id, None)] += total
            continue
        for team, share in zip(
            customer_teams[municipality_id], _workload_shares(customer_teams[municipality_id], total), strict=True
        ):
            fte[(municipality_id, team.pk)] += share
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
    return dict(fte)


def _workload_shares(teams: list[Team], total: Decimal) -> list[Decimal]:
    """`total` apportioned to the teams in half FTEs by the largest remainder, by clients over target maximum."""
    clients = dict(
        Jobseeker.objects.filter(pool__in=[team_pool(t.key) for t in teams])
        .values_list("pool")
        .annotate(n=Count("pk"))
        .order_by()
    )
    targets = {t.team_id: t.max_clients for t in CaseloadTarget.objects.filter(team__in=teams)}
    municipal = (
        CaseloadTarget.objects.filter(municipality_id=teams[0].municipality_id, team__isnull=True)
        .values_list("max_clients", flat=True)
        .first()
    )
    weights = [Fraction(clients.get(team_pool(t.key), 0), targets.get(t.pk) or municipal or 1) for t in teams]
    if not any(weights):
        weights = [Fraction(1)] * len(teams)
    halves = int(total * 2)
    exact = [w * halves / sum(weights) for w in weights]
    given = [int(e) for e in exact]
    by_remainder = sorted(range(len(teams)), key=lambda i: (exact[i] - given[i], -i), reverse=True)
    for i in by_remainder[: halves - sum(given)]:
        given[i] += 1
    shares = [Decimal(g) / 2 for g in given]
    # A quarter FTE or other fraction below a half stays with the first team rather than being lost.
    shares[0] += total - sum(shares)
    return shares


def staff_plan(area: EmploymentArea, multiplier: int = 1) -> list[CounsellorSpec]:
    """Synthetic counsellors for the plan's counsellor FTE (plan_fte) that the real counsellors do not already hold.

    A real (non-synthetic) active counsellor in a team – the demo account `ohjaaja` – takes their FTE out of the
    team's synthetic FTE, so that the team's FTE stays the plan's. Each team's FTE is split into full-time persons
    and one part-time person for the rest, times `multiplier`.
    """
    fte = plan_fte(area)
    real = (
        User.objects.filter(role=Role.COUNSELLOR, is_active=True, team__area=area)
        .exclude(username__startswith=SYNTHETIC_USERNAME_PREFIX)
        .values_list("team__municipality_id", "team_id", "fte")
    )
    for municipality_id, team_id, held in real:
        key = (municipality_id, team_id)
        if key in fte:
            fte[key] = max(Decimal(0), fte[key] - held / multiplier)
    team_by_id = {team.pk: team for team in Team.objects.filter(area=area)}
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


def ensure_counsellors(specs: list[CounsellorSpec], names: Names) -> dict:
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
