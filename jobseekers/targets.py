"""The plan's caseload targets (clients per counsellor FTE) by team and by municipality, read once per page or batch."""

from dataclasses import dataclass
from decimal import Decimal

from organisation.caseload_bounds import Bound, Bounds
from organisation.models import CaseloadTarget, Team


@dataclass(frozen=True)
class Target:
    min_clients: int | None
    max_clients: int | None
    wording: str
    source: str
    bound: Bound = Bound.RANGE
    tolerance_percent: Decimal | None = None

    @property
    def bounds(self) -> Bounds:
        """The target as the one rule of organisation/caseload_bounds.py reads it ("alle", "noin", a range)."""
        return Bounds(self.min_clients, self.max_clients, self.bound, self.tolerance_percent)


class Targets:
    """Caseload targets by team and by municipality, as the plan gives them."""

    def __init__(self):
        self.by_team: dict[int, Target] = {}
        self.by_municipality: dict[int, Target] = {}
        for t in CaseloadTarget.objects.all():
            target = Target(t.min_clients, t.max_clients, t.wording, t.source, Bound(t.bound), t.tolerance_percent)
            if t.team_id:
                self.by_team[t.team_id] = target
            else:
                self.by_municipality[t.municipality_id] = target

    def for_team(self, team: Team | None, municipality_id: int | None) -> Target | None:
        if team is not None and team.pk in self.by_team:
            return self.by_team[team.pk]
        municipality_id = team.municipality_id if team is not None else municipality_id
        return self.by_municipality.get(municipality_id)
