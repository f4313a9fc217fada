"""Road distances between the file and the database: the load (all or nothing, idempotent) and the table the pure
core (employers/distances.py) looks distances up in."""

from dataclasses import fields
from pathlib import Path

from django.db import transaction

from common.data_files import LoadSummary
from common.locks import serialize_on
from employers import distances
from employers.models import RoadDistance
from organisation.models import Municipality

STORED = [field.name for field in fields(distances.Distance)]


def load(path: Path) -> LoadSummary:
    rows = distances.read(path)
    report = LoadSummary()
    with transaction.atomic():
        serialize_on("employers:load_road_distances")
        existing = {(row.from_code, row.to_code): row for row in RoadDistance.objects.all()}
        for row in rows:
            values = {name: getattr(row, name) for name in STORED}
            stored = existing.pop((row.from_code, row.to_code), None)
            if stored is None:
                RoadDistance.objects.create(**values)
                report.added += 1
            elif any(getattr(stored, name) != value for name, value in values.items()):
                RoadDistance.objects.filter(pk=stored.pk).update(**values)
                report.changed += 1
            else:
                report.unchanged += 1
        report.removed = len(existing)
        RoadDistance.objects.filter(pk__in=[row.pk for row in existing.values()]).delete()
    return report


def as_distance(row: RoadDistance) -> distances.Distance:
    return distances.Distance(**{name: getattr(row, name) for name in STORED})


def road_distances() -> distances.RoadDistances:
    """Every stored distance as the pure core's table. Not scoped by a user: road distances are public facts."""
    return distances.RoadDistances(as_distance(row) for row in RoadDistance.objects.all())


def neighbouring_centres(area_id) -> dict[str, str]:
    """The centres outside the area that the table knows (code → name): the places a vacancy's workplace outside the
    area may be. The area's own municipalities are left out, whatever the table holds."""
    own = set(Municipality.objects.filter(area_id=area_id).values_list("code", flat=True))
    return {code: name for code, name in road_distances().names.items() if code not in own}
