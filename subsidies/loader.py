"""Loading the subsidy rules from data/subsidies/rates.yaml: every entry is checked before anything is written.

Entries are validated by the models themselves (the same checks as the admin's), each problem named with the file, the
line and the field; the write is one transaction and an upsert by the rule's id, so loading the same file again changes
nothing. Rules an administrator added in the admin (ids not in the file) are kept.
"""

from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common.data_files import LoadSummary, Problem
from common.locks import serialize_on
from common.yaml_reader import read_checked
from subsidies.models import EmployerRestriction, PaySubsidyRate, StartUpGrantRate

DEFAULT_FILE = Path(settings.BASE_DIR) / "data" / "subsidies" / "rates.yaml"
SECTIONS = {
    "pay_subsidy": PaySubsidyRate,
    "employer_restrictions": EmployerRestriction,
    "start_up_grant": StartUpGrantRate,
}


def _field_names(model) -> set[str]:
    """The keys an entry may have: the model's fields, with the rule's key written as `id` as decisions name it."""
    return {f.name for f in model._meta.concrete_fields} - {"key"}


def _entries(data) -> tuple[list, list[Problem]]:
    """(model, line, values) for every entry, and the problems found."""
    problems, entries, seen = [], [], set()
    if not isinstance(data, dict):
        message = _("tiedoston on oltava kuvaus, jossa on osiot %(sections)s") % {"sections": ", ".join(SECTIONS)}
        return [], [Problem(None, message)]
    for name in sorted(set(data) - set(SECTIONS)):
        problems.append(Problem(data.line, _("tuntematon osio %(section)s") % {"section": name}))
    for section, model in SECTIONS.items():
        listed = data.get(section)
        listed = [] if listed is None else listed
        if not isinstance(listed, list):
            problems.append(Problem(data.line, _("osion %(section)s on oltava luettelo") % {"section": section}))
            continue
        for entry in listed:
            line = getattr(entry, "line", None)
            if not isinstance(entry, dict):
                problems.append(Problem(line, _("osion %(section)s kohdan on oltava kuvaus") % {"section": section}))
                continue
            unknown = sorted(set(entry) - _field_names(model))
            if unknown:
                problems.append(Problem(line, _("tuntemattomat kentät: %(fields)s") % {"fields": ", ".join(unknown)}))
                continue
            values = dict(entry)
            key = values.pop("id", None)
            if key in seen:
                problems.append(Problem(line, _("tunniste %(key)s on annettu kahdesti") % {"key": key}))
                continue
            seen.add(key)
            entries.append((model, line, key, values))
    return entries, problems


def _validated(model, line, key, values) -> tuple[object, list[Problem]]:
    row = model(key=key, **values)
    try:
        # Uniqueness of the key is the upsert's business, not an error: the row may already be loaded.
        row.full_clean(validate_unique=False)
    except ValidationError as error:
        return row, [
            Problem(line, f"{name}: {message}") for name, messages in error.message_dict.items() for message in messages
        ]
    return row, []


def _rows(data) -> tuple[list, list[Problem]]:
    entries, problems = _entries(data)
    rows = []
    for model, line, key, values in entries:
        row, found = _validated(model, line, key, values)
        problems.extend(found)
        rows.append((model, row))
    return rows, problems


def load_rates(path: Path = DEFAULT_FILE) -> LoadSummary:
    rows = read_checked(path, _rows)
    summary = LoadSummary()
    with transaction.atomic():
        serialize_on("subsidies.load_rates")
        for model, row in rows:
            fields = [f.name for f in model._meta.concrete_fields if f.name not in ("id", "key")]
            existing = model.objects.filter(key=row.key).first()
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
