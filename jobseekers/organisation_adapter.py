"""The organisation as the registry routes with it: the database snapshot (organisation/snapshots.py) and the routing
core (organisation/routing.py), with the registry's own inputs (birth date → age) and outputs (the Jobseeker model's
routing columns).

A page builds it once per request (`for_request`), a batch once per run.
"""

from dataclasses import dataclass, field
from datetime import date

from jobseekers.hetu import age_on
from organisation import models as org
from organisation import routing, snapshots
from organisation.routing_snapshot import OrganisationSnapshot, TargetGroup

_REQUEST_ATTRIBUTE = "_jobseekers_organisation"

# A person of each target group, for routing a (municipality, target group) pair without a person.
_REPRESENTATIVE = {
    TargetGroup.FOREIGN_LANGUAGE: ("en", routing.YOUTH_AGE_LIMIT, False),
    TargetGroup.MULTISECTORAL: ("fi", routing.YOUTH_AGE_LIMIT, True),
    TargetGroup.YOUTH: ("fi", routing.YOUTH_AGE_LIMIT - 1, False),
    TargetGroup.ADULTS: ("fi", routing.YOUTH_AGE_LIMIT, False),
}


@dataclass
class Organisation:
    area: org.EmploymentArea
    snapshot: OrganisationSnapshot
    municipality_ids: dict[str, int]
    team_ids: dict[str, int]
    office_ids: dict[str, int]
    _decisions: dict = field(default_factory=dict, repr=False)

    def route(
        self,
        *,
        municipality_code: str,
        service_language: str,
        on: date,
        birth_date: date | None = None,
        age: int | None = None,
        multisectoral: bool = False,
    ) -> routing.RoutingDecision:
        """Route a person on the day `on`; `birth_date` wins over `age` when both are given."""
        if birth_date is not None:
            age = age_on(birth_date, on)
        if age is None:
            raise ValueError("ikä: syntymäaika tai ikä puuttuu")
        profile = routing.JobseekerProfile(
            municipality_code=municipality_code,
            service_language=service_language,
            age=age,
            multisectoral=multisectoral,
        )
        return routing.route(profile, self.snapshot)

    def route_jobseeker(self, jobseeker, on: date) -> routing.RoutingDecision:
        """A registered job seeker's route as the organisation data gives it on `on` (their stored one may be older)."""
        return self.route(
            municipality_code=jobseeker.municipality.code,
            service_language=jobseeker.service_language,
            birth_date=jobseeker.birth_date,
            multisectoral=jobseeker.multisectoral,
            on=on,
        )

    def decision_for(self, municipality_code: str, target_group: TargetGroup) -> routing.RoutingDecision:
        """The decision for a home municipality and target group, cached: for batches that route thousands."""
        key = (municipality_code, target_group)
        if key not in self._decisions:
            language, age, multisectoral = _REPRESENTATIVE[target_group]
            decision = self.route(
                municipality_code=municipality_code,
                service_language=language,
                on=date(2000, 1, 1),
                age=age,
                multisectoral=multisectoral,
            )
            assert decision.target_group == target_group
            self._decisions[key] = decision
        return self._decisions[key]

    def routing_fields(self, decision: routing.RoutingDecision) -> dict:
        """The Jobseeker model's routing columns for a decision."""
        return {
            "target_group": decision.target_group.value,
            "serving_municipality_id": self.municipality_ids[decision.serving_municipality.code],
            "team_id": self.team_ids[decision.team.key] if decision.team else None,
            "pool": decision.pool.id,
            "meeting_office_id": self.office_ids[decision.meeting_office.key] if decision.meeting_office else None,
        }


def area_of(user=None) -> org.EmploymentArea:
    """The user's employment area (through their home municipality), or the deployment's only area."""
    municipality = getattr(user, "home_municipality", None) if user is not None else None
    if municipality is not None:
        return municipality.area
    return org.EmploymentArea.objects.order_by("pk").first()


def build(area: org.EmploymentArea | None = None) -> Organisation:
    area = area or area_of()
    if area is None:
        raise org.EmploymentArea.DoesNotExist("työllisyysalueen tietoja ei ole ladattu (manage.py load_area)")
    loaded = snapshots.load(area)
    return Organisation(
        area=area,
        snapshot=loaded.snapshot,
        municipality_ids=loaded.municipality_ids,
        team_ids=loaded.team_ids,
        office_ids=loaded.office_ids,
    )


def for_request(request) -> Organisation:
    """One snapshot per request, however many people the request routes."""
    cached = getattr(request, _REQUEST_ATTRIBUTE, None)
    if cached is None:
        cached = build(area_of(request.user))
        setattr(request, _REQUEST_ATTRIBUTE, cached)
    return cached
