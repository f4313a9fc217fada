"""Loading the competence areas and the scale from data/competence/areas.yaml: all entries checked, then one write.

Each problem names the file, the line and the reason; the write is one transaction and an upsert by the area's key
and the scale's level, so loading the same file again changes nothing. Areas no longer in the file are kept (answers
refer to them).
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common.data_files import LoadSummary, Problem
from common.locks import serialize_on
from common.yaml_reader import read_checked
from competence.models import CompetenceArea, ScaleLevel

DEFAULT_FILE = Path(settings.BASE_DIR) / "data" / "competence" / "areas.yaml"
SECTIONS = {"scale": (ScaleLevel, "level"), "areas": (CompetenceArea, "key")}
FIELDS = {ScaleLevel: {"level", "name", "description"}, CompetenceArea: {"key", "group", "name", "source"}}


def _rows(data) -> tuple[list, list[Problem]]:
    if not isinstance(data, dict) or set(data) != set(SECTIONS):
        message = _("tiedostossa on oltava osiot %(sections)s") % {"sections": ", ".join(SECTIONS)}
        return [], [Problem(getattr(data, "line", None), message)]
    rows, problems = [], []
    for section, (model, natural_key) in SECTIONS.items():
        seen = set()
        entries = data[section]
        if not isinstance(entries, list):
            problems.append(Problem(data.line, _("osion %(section)s on oltava luettelo") % {"section": section}))
            continue
        for position, entry in enumerate(entries):
            line = getattr(entry, "line", None)
            if not isinstance(entry, dict) or set(entry) != FIELDS[model]:
                fields = ", ".join(sorted(FIELDS[model]))
                problems.append(Problem(line, _("kohdassa on oltava kentät %(fields)s") % {"fields": fields}))
                continue
            if entry[natural_key] in seen:
                problems.append(Problem(line, _("%(key)s on annettu kahdesti") % {"key": entry[natural_key]}))
                continue
            seen.add(entry[natural_key])
            row = model(**entry, **({"position": position} if model is CompetenceArea else {}))
            try:
                row.full_clean(validate_unique=False)
            except ValidationError as error:
                problems.extend(
                    Problem(line, f"{name}: {message}")
                    for name, messages in error.message_dict.items()
                    for message in messages
                )
                continue
            rows.append((model, natural_key, row))
    if not problems and sorted(row.level for model, _key, row in rows if model is ScaleLevel) != [0, 1, 2, 3, 4]:
        problems.append(Problem(data.line, _("asteikon tasojen on oltava 0, 1, 2, 3 ja 4")))
    return rows, problems


def load_areas(path: Path = DEFAULT_FILE) -> LoadSummary:
    rows = read_checked(path, _rows)
    summary = LoadSummary()
    with transaction.atomic():
        serialize_on("competence.load_areas")
        for model, natural_key, row in rows:
            fields = [f.name for f in model._meta.concrete_fields if f.name != "id"]
            existing = model.objects.filter(**{natural_key: getattr(row, natural_key)}).first()
            if existing is None:
                row.save()
                summary.added += 1
            elif any(getattr(existing, name) != getattr(row, name) for name in fields):
                row.pk = existing.pk
                row.save()
                summary.changed += 1
            else:
                summary.unchanged += 1
    return summary
