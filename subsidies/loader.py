"""Loading the subsidy rules from data/subsidies/rates.yaml: every entry is checked before anything is written.

Entries are validated by the models themselves (the same checks as the admin's), each problem named with the file, the
line and the field; the write is one transaction and an upsert by the rule's id, so loading the same file again changes
nothing. Rules an administrator added in the admin (ids not in the file) are kept.
"""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from common.locks import serialize_on
from common.yaml_reader import YamlFileError, read_yaml
from subsidies.models import EmployerRestriction, PaySubsidyRate, StartUpGrantRate

DEFAULT_FILE = Path(settings.BASE_DIR) / "data" / "subsidies" / "rates.yaml"
SECTIONS = {
    "pay_subsidy": PaySubsidyRate,
    "employer_restrictions": EmployerRestriction,
    "start_up_grant": StartUpGrantRate,
}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int | None
    problem: str

    def __str__(self):
        return f"{self.file}: {self.line or '-'}: {self.problem}"


class RateDataError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass
class Summary:
    added: int = 0
    changed: int = 0
    unchanged: int = 0


def _field_names(model) -> set[str]:
    """The keys an entry may have: the model's fields, with the rule's key written as `id` as decisions name it."""
    return {f.name for f in model._meta.concrete_fields} - {"key"}


def _entries(data, file: str) -> tuple[list, list[Problem]]:
    """(model, line, values) for every entry, and the problems found."""
    problems, entries, seen = [], [], set()
    if not isinstance(data, dict):
        message = _("tiedoston on oltava kuvaus, jossa on osiot %(sections)s") % {"sections": ", ".join(SECTIONS)}
        return [], [Problem(file, None, message)]
    for name in sorted(set(data) - set(SECTIONS)):
        problems.append(Problem(file, data.line, _("tuntematon osio %(section)s") % {"section": name}))
    for section, model in SECTIONS.items():
        listed = data.get(section)
        listed = [] if listed is None else listed
        if not isinstance(listed, list):
            problems.append(Problem(file, data.line, _("osion %(section)s on oltava luettelo") % {"section": section}))
            continue
        for entry in listed:
            line = getattr(entry, "line", None)
            if not isinstance(entry, dict):
                problems.append(
                    Problem(file, line, _("osion %(section)s kohdan on oltava kuvaus") % {"section": section})
                )
                continue
            unknown = sorted(set(entry) - _field_names(model))
            if unknown:
                problems.append(
                    Problem(file, line, _("tuntemattomat kentät: %(fields)s") % {"fields": ", ".join(unknown)})
                )
                continue
            values = dict(entry)
            key = values.pop("id", None)
            if key in seen:
                problems.append(Problem(file, line, _("tunniste %(key)s on annettu kahdesti") % {"key": key}))
                continue
            seen.add(key)
            entries.append((model, line, key, values))
    return entries, problems


def _validated(model, line, key, values, file) -> tuple[object, list[Problem]]:
    row = model(key=key, **values)
    try:
        # Uniqueness of the key is the upsert's business, not an error: the row may already be loaded.
        row.full_clean(validate_unique=False)
    except ValidationError as error:
        return row, [
            Problem(file, line, f"{name}: {message}")
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return row, []


def load_rates(path: Path = DEFAULT_FILE) -> Summary:
    path = Path(path)
    file = path.name
    try:
        data = read_yaml(path, file)
    except YamlFileError as error:
        raise RateDataError([Problem(error.file, error.line, error.problem)]) from error
    entries, problems = _entries(data, file)
    rows = []
    for model, line, key, values in entries:
        row, found = _validated(model, line, key, values, file)
        problems.extend(found)
        rows.append((model, row))
    if problems:
        raise RateDataError(problems)
    summary = Summary()
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
