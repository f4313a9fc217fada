"""The preparedness plan's checklist templates per kind of situation, loaded from data/planning/change_checklists.yaml.

Every entry is checked first (file, line, reason) and nothing is written if any has a problem; the write is one
transaction and an upsert by (kind, key), so loading the same file again changes nothing, and an item dropped from the
file is dropped from the template. Situations already recorded keep the checklist they were given.
"""

from pathlib import Path

from django.conf import settings
from django.core.validators import slug_re
from django.db import transaction
from django.utils.translation import gettext as _

from common.data_files import LoadSummary, Problem
from common.locks import serialize_on
from common.yaml_reader import read_checked
from planning.enums import SituationKind
from planning.models import ChecklistTemplateItem

DEFAULT_FILE = Path(settings.BASE_DIR) / "data" / "planning" / "change_checklists.yaml"
FIELDS = {"key", "title", "owner", "due_days"}
KEY_MAX = ChecklistTemplateItem._meta.get_field("key").max_length


def _entry_problem(entry) -> str | None:
    if not isinstance(entry, dict) or set(entry) != FIELDS:
        return _("kohdassa on oltava kentät %(fields)s") % {"fields": ", ".join(sorted(FIELDS))}
    if not isinstance(entry["key"], str) or not slug_re.fullmatch(entry["key"]) or len(entry["key"]) > KEY_MAX:
        return _("key: anna tunniste (kirjaimia a–z, numeroita, - tai _, enintään %(n)s merkkiä)") % {"n": KEY_MAX}
    if not isinstance(entry["title"], str) or not 0 < len(entry["title"].strip()) <= 300:
        return _("title: anna toimenpide (enintään 300 merkkiä)")
    if not isinstance(entry["owner"], str) or len(entry["owner"]) > 200:
        return _("owner: anna vastuutaho (enintään 200 merkkiä)")
    if not isinstance(entry["due_days"], int) or isinstance(entry["due_days"], bool) or abs(entry["due_days"]) > 730:
        return _("due_days: anna kokonaisluku väliltä −730…730")
    return None


def _rows(data) -> tuple[list[ChecklistTemplateItem], list[Problem]]:
    if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict):
        return [], [Problem(getattr(data, "line", None), _("tiedostossa on oltava osio kinds"))]
    rows, problems = [], []
    for kind, entries in data["kinds"].items():
        if kind not in SituationKind.values:
            problems.append(Problem(data.line, _("tuntematon tilanteen laji %(kind)s") % {"kind": kind}))
            continue
        if not isinstance(entries, list):
            problems.append(Problem(data.line, _("lajin %(kind)s on oltava luettelo") % {"kind": kind}))
            continue
        seen = set()
        for position, entry in enumerate(entries):
            line = getattr(entry, "line", None)
            problem = _entry_problem(entry)
            if problem is None and entry["key"] in seen:
                problem = _("%(key)s on annettu kahdesti") % {"key": entry["key"]}
            if problem:
                problems.append(Problem(line, problem))
                continue
            seen.add(entry["key"])
            rows.append(ChecklistTemplateItem(kind=kind, position=position, **entry))
    return rows, problems


def load_checklists(path: Path = DEFAULT_FILE) -> LoadSummary:
    rows = read_checked(path, _rows)
    summary = LoadSummary()
    with transaction.atomic():
        serialize_on("planning.load_checklists")
        existing = {(item.kind, item.key): item for item in ChecklistTemplateItem.objects.all()}
        for row in rows:
            old = existing.pop((row.kind, row.key), None)
            if old is None:
                row.save()
                summary.added += 1
            elif (old.position, old.title, old.owner, old.due_days) != (
                row.position,
                row.title,
                row.owner,
                row.due_days,
            ):
                row.pk = old.pk
                row.save()
                summary.changed += 1
            else:
                summary.unchanged += 1
        summary.removed = len(existing)
        ChecklistTemplateItem.objects.filter(pk__in=[item.pk for item in existing.values()]).delete()
    return summary
