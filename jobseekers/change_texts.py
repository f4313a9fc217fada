"""The change history in words: what changed, from what to what, shown on the client's card and in the API."""

from dataclasses import dataclass
from datetime import date

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from common.formatting import local_date
from jobseekers import batch, enums
from jobseekers.models import Jobseeker, JobseekerChange
from organisation.models import Municipality

EMPTY = "–"


@dataclass
class ChangeRow:
    change: JobseekerChange
    what: str
    old: str
    new: str

    @property
    def kind_label(self) -> str:
        return self.change.get_kind_display()


def _text(name: str, value, municipalities: dict, pools: dict) -> str:
    if value in (None, "", []):
        return EMPTY
    if isinstance(value, bool):
        return _("kyllä") if value else _("ei")
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if name == "municipality":
        return municipalities.get(value, value)
    if name == "pool":
        return pools.get(value, value)
    if name in ("unemployed_since", "job_search_started_on"):
        return local_date(date.fromisoformat(value))
    if name == "job_search_end_reason":
        return str(enums.JobSearchEndReason(value).label)
    choices = dict(Jobseeker._meta.get_field(name).flatchoices)
    return str(choices.get(value, value))


def _what(change: JobseekerChange) -> str:
    if change.kind == enums.ChangeKind.JOB_SEARCH_ENDED:
        return _("Työnhaun päättymisen syy")
    if change.kind == enums.ChangeKind.JOB_SEARCH_REOPENED:
        return _("Työnhaku alkoi uudelleen (edellinen päättyi → uusi alkoi)")
    if change.kind == enums.ChangeKind.ROUTING:
        return _("Ohjaajaryhmä")
    return capfirst(Jobseeker._meta.get_field(change.field).verbose_name)


def describe(changes) -> list[ChangeRow]:
    changes = list(changes)
    municipalities = {}
    if any(change.field == "municipality" for change in changes):
        municipalities = dict(Municipality.objects.values_list("code", "name_fi"))
    pools = batch.pool_names() if any(change.field == "pool" for change in changes) else {}
    rows = []
    for change in changes:
        field = change.field
        if change.kind == enums.ChangeKind.JOB_SEARCH_REOPENED:
            field = "job_search_started_on"
        rows.append(
            ChangeRow(
                change,
                _what(change),
                _text(field, change.old_value, municipalities, pools),
                _text(field, change.new_value, municipalities, pools),
            )
        )
    return rows
