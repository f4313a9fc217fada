"""Writes of planning: a scenario with its changes, all checked before anything is stored, in one transaction."""

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import permissions_planning
from common.errors import Errors
from common.today import service_today
from organisation.models import Municipality
from planning import selectors
from planning.models import Scenario, ScenarioChange
from planning.scenarios import Kind

MAX_CHANGES = 100
MAX_PEOPLE = 100_000
MAX_FTE = Decimal(100)
MAX_PERCENT = Decimal(1000)
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(value) -> date | None:
    """YYYY-MM between 2000 and 2100, as the month's first day."""
    match = _MONTH.match(str(value).strip()) if isinstance(value, str) else None
    if not match or not 1 <= int(match[2]) <= 12 or not 2000 <= int(match[1]) <= 2100:
        return None
    return date(int(match[1]), int(match[2]), 1)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def parse_number(value) -> Decimal | None:
    """A number from JSON or a form (decimal comma allowed); None when it is not one."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str, Decimal)):
        return None
    try:
        number = Decimal(str(value).strip().replace(",", ".").replace("\u00a0", "").replace(" ", ""))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


@dataclass
class _Reader:
    """Reads one change's fields, reporting each problem under the field's full name (changes[2].people)."""

    errors: Errors
    prefix: str
    data: dict

    def name(self, field: str) -> str:
        return f"{self.prefix}.{field}"

    def number(self, field, *, required, low=None, high=None, integer=False, message=""):
        value = self.data.get(field)
        if _blank(value):
            if required:
                self.errors.add(self.name(field), _("Pakollinen tieto puuttuu."))
            return None
        number = parse_number(value)
        if number is None or (integer and number != number.to_integral_value()):
            self.errors.add(self.name(field), _("Anna kokonaisluku.") if integer else _("Anna luku."))
            return None
        if (low is not None and number < low) or (high is not None and number > high):
            self.errors.add(self.name(field), message)
            return None
        return int(number) if integer else number


def _change(errors: Errors, index: int, data, municipalities: dict[str, Municipality]) -> ScenarioChange | None:
    prefix = f"changes[{index}]"
    if not isinstance(data, dict):
        errors.add(prefix, _("Muutoksen on oltava olio."))
        return None
    read = _Reader(errors, prefix, data)
    kind = data.get("kind")
    if kind not in set(Kind):
        errors.add(read.name("kind"), _("Valitse muutoksen laji."))
    municipality = municipalities.get(str(data.get("municipality") or "").strip())
    if municipality is None:
        errors.add(read.name("municipality"), _("Valitse alueen kunta (kuntanumero)."))
    month = parse_month(data.get("month"))
    if month is None:
        errors.add(read.name("month"), _("Anna kuukausi muodossa VVVV-KK."))
    employer = str(data.get("employer") or "").strip()
    if len(employer) > 200:
        errors.add(read.name("employer"), _("Enintään 200 merkkiä."))
    share = _("Anna osuus väliltä 0–1.")
    values = {}
    if kind in (Kind.LAYOFF, Kind.HIRING):
        values["people"] = read.number(
            "people", required=True, low=1, high=MAX_PEOPLE, integer=True, message=_("Anna 1–100 000 henkilöä.")
        )
        values["share_registering"] = read.number(
            "share_registering", required=kind == Kind.LAYOFF, low=0, high=1, message=share
        )
        if kind == Kind.LAYOFF:
            values["monthly_outflow"] = read.number("monthly_outflow", required=False, low=0, high=1, message=share)
    elif kind == Kind.UNEMPLOYMENT_CHANGE:
        values["percent"] = read.number(
            "percent", required=True, low=-100, high=MAX_PERCENT, message=_("Anna muutos väliltä −100 … 1 000 %.")
        )
    elif kind == Kind.STAFFING_CHANGE:
        values["fte"] = read.number(
            "fte", required=True, low=-MAX_FTE, high=MAX_FTE, message=_("Anna htv-muutos väliltä −100 … 100.")
        )
        if values["fte"] == 0:
            errors.add(read.name("fte"), _("Htv-muutos ei voi olla nolla."))
    if kind not in set(Kind) or municipality is None or month is None:
        return None
    return ScenarioChange(kind=kind, municipality=municipality, month=month, employer=employer, **values)


def create_scenario(user, *, name, changes, start_month=None) -> Scenario:
    """Store a scenario; every problem is reported at once under its field and nothing is written on any."""
    if not permissions_planning.can_manage_scenarios(user):
        raise PermissionDenied
    area = selectors.area(user)
    errors = Errors()
    name = name.strip() if isinstance(name, str) else ""
    if not name:
        errors.add("name", _("Anna skenaariolle nimi."))
    elif len(name) > 200:
        errors.add("name", _("Enintään 200 merkkiä."))
    start = service_today().replace(day=1)
    if not _blank(start_month):
        start = parse_month(start_month)
        if start is None:
            errors.add("start_month", _("Anna kuukausi muodossa VVVV-KK."))
    rows = []
    if not isinstance(changes, list):
        errors.add("changes", _("Muutosten on oltava luettelo."))
    elif len(changes) > MAX_CHANGES:
        errors.add("changes", _("Enintään 100 muutosta."))
    else:
        municipalities = {m.code: m for m in Municipality.objects.filter(area=area)}
        rows = [_change(errors, index, data, municipalities) for index, data in enumerate(changes)]
    errors.raise_if_any()
    with transaction.atomic():
        scenario = Scenario.objects.create(area=area, name=name, start_month=start, created_by=user)
        for row in rows:
            row.scenario = scenario
        ScenarioChange.objects.bulk_create(rows)
    return scenario
