"""The routing snapshot (organisation/routing_snapshot.py) built from the database, with the database ids of its keys.

Building it reads six small tables; the registry builds it once per request or batch (jobseekers), the arrangements
page once per area.
"""

from dataclasses import dataclass

from organisation import models
from organisation.routing_snapshot import Municipality, Office, OrganisationSnapshot, ServiceArrangement, Team


@dataclass(frozen=True)
class LoadedSnapshot:
    snapshot: OrganisationSnapshot
    municipality_ids: dict[str, int]
    team_ids: dict[str, int]
    office_ids: dict[str, int]


def load(area: models.EmploymentArea) -> LoadedSnapshot:
    municipalities = list(models.Municipality.objects.filter(area=area).order_by("code"))
    offices = list(
        models.Office.objects.filter(area=area)
        .select_related("municipality")
        .order_by("municipality__name_fi", "name", "pk")
    )
    teams = list(models.Team.objects.filter(area=area).select_related("municipality", "office").order_by("key"))
    arrangements = list(
        models.ServiceArrangement.objects.filter(area=area)
        .select_related("provider_municipality", "provider_team", "meeting_office")
        .prefetch_related("served_municipalities")
        .order_by("key")
    )
    snapshot = OrganisationSnapshot(
        municipalities=[Municipality(m.code, m.name_fi, m.name_sv) for m in municipalities],
        offices=[
            Office(
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
            Team(
                key=t.key,
                municipality_code=t.municipality.code,
                name=t.name,
                target_group=t.target_group,
                office_key=t.office.key if t.office else None,
            )
            for t in teams
        ],
        arrangements=[
            ServiceArrangement(
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
                plan_example=a.plan_example,
            )
            for a in arrangements
        ],
    )
    return LoadedSnapshot(
        snapshot=snapshot,
        municipality_ids={m.code: m.pk for m in municipalities},
        team_ids={t.key: t.pk for t in teams},
        office_ids={o.key: o.pk for o in offices},
    )
