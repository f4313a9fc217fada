"""The organisation as the routing core sees it: an OrganisationSnapshot built from the database.

Building the snapshot reads six small tables; a page builds it once per request (`for_request`), a batch once per run.
The adapter also maps the core's keys (municipality code, team key, office key) back to database ids.
"""

from dataclasses import dataclass, field
from datetime import date

from jobseekers import routing
from organisation import models as org

_REQUEST_ATTRIBUTE = "_jobseekers_organisation"


@dataclass
class Organisation:
    area: org.EmploymentArea
    snapshot: routing.OrganisationSnapshot
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
        profile = routing.JobseekerProfile(
            municipality_code=municipality_code,
            service_language=service_language,
            reference_date=on,
            birth_date=birth_date,
            age=age,
            multisectoral=multisectoral,
        )
        return routing.route(profile, self.snapshot)

    def decision_for(self, municipality_code: str, target_group: routing.TargetGroup) -> routing.RoutingDecision:
        """The decision for a home municipality and target group, cached: for batches that route thousands."""
        key = (municipality_code, target_group)
        if key not in self._decisions:
            language, age, multisectoral = {
                routing.TargetGroup.FOREIGN_LANGUAGE: ("en", 40, False),
                routing.TargetGroup.MULTISECTORAL: ("fi", 40, True),
                routing.TargetGroup.YOUTH: ("fi", 20, False),
                routing.TargetGroup.ADULTS: ("fi", 40, False),
            }[target_group]
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
    municipalities = list(org.Municipality.objects.filter(area=area).order_by("code"))
    offices = list(
        org.Office.objects.filter(area=area)
        .select_related("municipality")
        .order_by("municipality__name_fi", "name", "pk")
    )
    teams = list(org.Team.objects.filter(area=area).select_related("municipality", "office").order_by("key"))
    arrangements = list(
        org.ServiceArrangement.objects.filter(area=area)
        .select_related("provider_municipality", "provider_team", "meeting_office")
        .prefetch_related("served_municipalities")
        .order_by("key")
    )
    snapshot = routing.OrganisationSnapshot(
        municipalities=[routing.Municipality(m.code, m.name_fi, m.name_sv) for m in municipalities],
        offices=[
            routing.Office(
                key=o.key,
                name=o.name,
                municipality_code=o.municipality.code,
                street_address=o.street_address,
                postal_code=o.postal_code,
                post_town=o.post_town,
                customer_groups=tuple(o.customer_groups),
            )
            for o in offices
        ],
        teams=[
            routing.Team(
                key=t.key,
                municipality_code=t.municipality.code,
                name=t.name,
                target_group=t.target_group,
                office_key=t.office.key if t.office else None,
            )
            for t in teams
        ],
        arrangements=[
            routing.ServiceArrangement(
                key=a.key,
                provider_municipality_code=a.provider_municipality.code,
                served_municipality_codes=frozenset(m.code for m in a.served_municipalities.all()),
                description=a.description,
                source=a.source,
                target_group=a.target_group,
                role=a.role,
                meeting_place=a.meeting_place,
                provider_team_key=a.provider_team.key if a.provider_team else None,
                meeting_office_key=a.meeting_office.key if a.meeting_office else None,
            )
            for a in arrangements
        ],
    )
    return Organisation(
        area=area,
        snapshot=snapshot,
        municipality_ids={m.code: m.pk for m in municipalities},
        team_ids={t.key: t.pk for t in teams},
        office_ids={o.key: o.pk for o in offices},
    )


def for_request(request) -> Organisation:
    """One snapshot per request, however many people the request routes."""
    cached = getattr(request, _REQUEST_ATTRIBUTE, None)
    if cached is None:
        cached = build(area_of(request.user))
        setattr(request, _REQUEST_ATTRIBUTE, cached)
    return cached
