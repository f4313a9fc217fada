"""The synthetic counsellors: user accounts made from the plan's staff positions doing customer work."""

import random
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from accounts.enums import Role
from accounts.models import User
from demo import population
from organisation import enums as org_enums
from organisation.models import EmploymentArea, Municipality, ServiceArrangement, StaffPosition, Team

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
