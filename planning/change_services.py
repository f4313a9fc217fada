"""Writes of the structural-change registry: a change situation with its preparedness checklist, the checklist's
actions, and the job seekers flagged as its change-security customers. Every field checked, errors named, one
transaction each."""

from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import ytunnus

from accounts import permissions_planning
from common.errors import Errors
from common.today import service_today
from organisation.models import Municipality
from planning import change_selectors
from planning.enums import SituationKind, SituationStatus
from planning.models import ChangeSecurityCustomer, ChangeSituation, ChecklistItem, ChecklistTemplateItem

MAX_PEOPLE = 100_000
MAX_TEXT = 4000


def parse_date(value) -> date | None:
    """A date as 2026-11-30 or 30.11.2026; None when it is neither."""
    text = str(value or "").strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _text(errors: Errors, data: dict, field: str, *, limit: int, required=False) -> str:
    value = str(data.get(field) or "").strip()
    if required and not value:
        errors.add(field, _("Pakollinen tieto puuttuu."))
    elif len(value) > limit:
        errors.add(field, _("Enintään %(n)s merkkiä.") % {"n": limit})
    return value


def _business_id(errors: Errors, value: str) -> str:
    if not value:
        return ""
    try:
        return ytunnus.format(ytunnus.validate(value))
    except StdnumError:
        errors.add("business_id", _("Y-tunnus ei kelpaa (muoto 1234567-8, tarkiste)."))
        return ""


def create_situation(user, data: dict) -> ChangeSituation:
    """Record a situation; its checklist is its kind's template (planning.checklists), dated from the notice."""
    if not permissions_planning.can_manage_change_situations(user):
        raise PermissionDenied
    area = change_selectors.area(user)
    errors = Errors()
    employer = _text(errors, data, "employer_name", limit=200, required=True)
    business_id = _business_id(errors, _text(errors, data, "business_id", limit=20))
    municipality = Municipality.objects.filter(area=area, code=str(data.get("municipality") or "").strip()).first()
    if municipality is None:
        errors.add("municipality", _("Valitse alueen kunta."))
    kind = data.get("kind")
    if kind not in SituationKind.values:
        errors.add("kind", _("Valitse tilanteen laji."))
    people = str(data.get("people_affected") or "").strip()
    if not people.isdigit() or not 1 <= int(people) <= MAX_PEOPLE:
        errors.add("people_affected", _("Anna henkilömäärä 1–100 000."))
    notice = parse_date(data.get("notice_date"))
    if notice is None:
        errors.add("notice_date", _("Anna päivämäärä muodossa 30.11.2026."))
    schedule = _text(errors, data, "schedule", limit=MAX_TEXT)
    sources = _text(errors, data, "sources", limit=MAX_TEXT)
    errors.raise_if_any()
    with transaction.atomic():
        situation = ChangeSituation.objects.create(
            area=area,
            employer_name=employer,
            business_id=business_id,
            municipality=municipality,
            kind=kind,
            people_affected=int(people),
            notice_date=notice,
            schedule=schedule,
            sources=sources,
            created_by=user,
        )
        ChecklistItem.objects.bulk_create(
            ChecklistItem(
                situation=situation,
                position=template.position,
                title=template.title,
                owner=template.owner,
                due_on=notice + timedelta(days=template.due_days),
            )
            for template in ChecklistTemplateItem.objects.filter(kind=kind).order_by("position")
        )
    return situation


def set_status(user, situation: ChangeSituation, status) -> ChangeSituation:
    if not permissions_planning.can_manage_change_situations(user):
        raise PermissionDenied
    errors = Errors()
    if status not in SituationStatus.values:
        errors.add("status", _("Valitse tila."))
    errors.raise_if_any()
    situation.status = status
    situation.save(update_fields=["status"])
    return situation


def _item_fields(errors: Errors, data: dict) -> dict:
    due_on = None
    if str(data.get("due_on") or "").strip():
        due_on = parse_date(data.get("due_on"))
        if due_on is None:
            errors.add("due_on", _("Anna päivämäärä muodossa 30.11.2026."))
    return {"owner": _text(errors, data, "owner", limit=200), "due_on": due_on}


def update_item(user, item: ChecklistItem, data: dict) -> ChecklistItem:
    """Change an action's owner and due date, and mark it done (today, by the user) or not done."""
    if not permissions_planning.can_manage_change_situations(user):
        raise PermissionDenied
    errors = Errors()
    fields = _item_fields(errors, data)
    errors.raise_if_any()
    done = str(data.get("done") or "") in ("1", "on", "true")
    with transaction.atomic():
        item.owner, item.due_on = fields["owner"], fields["due_on"]
        if done and item.done_on is None:
            item.done_on, item.done_by = service_today(), user
        elif not done:
            item.done_on, item.done_by = None, None
        item.save()
    return item


def add_item(user, situation: ChangeSituation, data: dict) -> ChecklistItem:
    if not permissions_planning.can_manage_change_situations(user):
        raise PermissionDenied
    errors = Errors()
    title = _text(errors, data, "title", limit=300, required=True)
    fields = _item_fields(errors, data)
    errors.raise_if_any()
    last = situation.items.order_by("-position").values_list("position", flat=True).first()
    return ChecklistItem.objects.create(
        situation=situation, position=(last or 0) + 1, title=title, owner=fields["owner"], due_on=fields["due_on"]
    )


def flag(user, jobseeker, situation_pk) -> ChangeSecurityCustomer:
    """Mark a job seeker (already read through jobseekers.selectors.get_jobseeker) as the situation's
    change-security customer; a second mark in the same situation is refused under `situation`."""
    if not permissions_planning.can_flag_change_security(user, jobseeker):
        raise PermissionDenied
    errors = Errors()
    situation = (
        change_selectors.open_situations(user).filter(pk=situation_pk).first()
        if str(situation_pk or "").isdigit()
        else None
    )
    if situation is None:
        errors.add("situation", _("Valitse muutostilanne."))
    errors.raise_if_any()
    try:
        with transaction.atomic():
            return ChangeSecurityCustomer.objects.create(
                situation=situation, jobseeker=jobseeker, flagged_by=user, flagged_on=service_today()
            )
    except IntegrityError:
        errors.add("situation", _("Henkilö on jo tämän tilanteen muutosturva-asiakas."))
        errors.raise_if_any()


def unflag(user, jobseeker, situation_pk) -> None:
    if not permissions_planning.can_flag_change_security(user, jobseeker):
        raise PermissionDenied
    if str(situation_pk or "").isdigit():
        ChangeSecurityCustomer.objects.filter(jobseeker=jobseeker, situation_id=int(situation_pk)).delete()


FLAGGED = gettext_lazy("Merkitty muutosturva-asiakkaaksi.")
UNFLAGGED = gettext_lazy("Muutosturva-asiakkuus poistettu.")
