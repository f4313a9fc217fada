"""Writes of a counsellor's working hours, checked by the agenda core."""

from datetime import time

from django.db import transaction
from django.utils.translation import gettext as _

from accounts import permissions
from common.errors import Errors
from service_model import agenda
from service_model.agenda_texts import hours_message
from service_model.models import WorkingHours


@transaction.atomic
def set_working_hours(*, counsellor, start: time | None, end: time | None, by) -> WorkingHours:
    """Set the hours a counsellor is bookable on working days; refuses times outside 6–20, off the 15-minute steps,
    or an end not after the start, naming the field."""
    errors = Errors()
    if not permissions.may_counsel(counsellor):
        errors.add("counsellor", _("Ohjaaja: työajan voi asettaa vain aktiiviselle työllisyysohjaajalle."))
    if start is None:
        errors.add("start", hours_message("start", agenda.Problem.OUTSIDE_DAY))
    if end is None:
        errors.add("end", hours_message("end", agenda.Problem.OUTSIDE_DAY))
    if start is not None and end is not None:
        for field, problem in agenda.hours_problems(start, end):
            errors.add(field, hours_message(field, problem))
    errors.raise_if_any()
    hours, _created = WorkingHours.objects.update_or_create(
        counsellor=counsellor, defaults={"starts_at": start, "ends_at": end, "updated_by": by}
    )
    return hours
