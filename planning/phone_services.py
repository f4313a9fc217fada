"""Writes and inputs of the shared phone service's staffing: a week of hourly call volumes (CSV), the rota, the API.

CSV format of a week (docs/planning.md): a header row `weekday,hour,calls` (or `viikonpäivä;tunti;puhelut`), comma
or semicolon separated, UTF-8; one row per hour with calls: weekday 1–7 (1 = Monday) or ma, ti, ke, to, pe, la, su;
hour 0–23 (the hour starting then, "8" or "08:00"); calls ≥ 0 (decimal comma allowed). Hours not given have no
calls. Every bad row is reported with its line and reason, and nothing is stored unless the whole file is good.
"""

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import permissions_planning
from common.errors import Errors
from organisation.models import Municipality
from planning import erlang, selectors
from planning.models import PhoneRotaEntry, PhoneVolume, PhoneVolumeWeek
from planning.services import parse_number

# Far above any employment area's shared line (thousands of calls an hour would be a national service); the bound also
# keeps one request's Erlang C work in seconds: it grows with the offered load of every hour asked for.
MAX_CALLS = Decimal(5_000)
MAX_HANDLING_SECONDS = 3600
MAX_ANSWER_SECONDS = 3600
MAX_SHRINKAGE = Decimal("0.95")
MAX_HOURS = 7 * 24 * 5
MAX_FILE_BYTES = 1_000_000
WEEKDAYS = {"ma": 1, "ti": 2, "ke": 3, "to": 4, "pe": 5, "la": 6, "su": 7}
WEEKDAYS.update({"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7})
HEADERS = (("weekday", "hour", "calls"), ("viikonpäivä", "tunti", "puhelut"), ("viikonpaiva", "tunti", "puhelut"))
_HOUR = re.compile(r"^(\d{1,2})(?::00)?$")


@dataclass(frozen=True)
class Volume:
    weekday: int
    hour: int
    calls: Decimal


def _weekday(value: str) -> int | None:
    value = value.strip().lower().rstrip(".")
    if value.isdigit() and 1 <= int(value) <= 7:
        return int(value)
    return WEEKDAYS.get(value)


def _hour(value: str) -> int | None:
    match = _HOUR.match(value.strip())
    return int(match[1]) if match and int(match[1]) <= 23 else None


def parse_volumes(text: str) -> list[Volume]:
    """A week's hourly volumes from CSV text; every problem as "rivi N: reason" under `volumes`, or the rows."""
    errors = Errors()
    lines = text.splitlines()
    first = next((n for n, line in enumerate(lines) if line.strip()), None)
    if first is None:
        errors.add("volumes", _("Tiedosto on tyhjä."))
        errors.raise_if_any()
    delimiter = ";" if ";" in lines[first] else ","
    rows = list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    header = tuple(cell.strip().lower() for cell in rows[first])
    if header not in HEADERS:
        errors.add("volumes", _("rivi %(line)s: otsikkorivin on oltava weekday,hour,calls.") % {"line": first + 1})
        errors.raise_if_any()
    volumes, seen = [], {}
    for index in range(first + 1, len(rows)):
        cells, line = rows[index], index + 1
        if not any(cell.strip() for cell in cells):
            continue

        def problem(message, line=line):
            errors.add("volumes", _("rivi %(line)s: %(problem)s") % {"line": line, "problem": message})

        if len(cells) != 3:
            problem(_("rivillä on oltava kolme saraketta (weekday, hour, calls), nyt %(n)s.") % {"n": len(cells)})
            continue
        weekday, hour, calls = _weekday(cells[0]), _hour(cells[1]), parse_number(cells[2])
        if weekday is None:
            problem(
                _("weekday: anna viikonpäivä 1–7 (1 = maanantai) tai ma–su, nyt ”%(value)s”.") % {"value": cells[0]}
            )
        if hour is None:
            problem(_("hour: anna tunti 0–23, nyt ”%(value)s”.") % {"value": cells[1]})
        if calls is None or not 0 <= calls <= MAX_CALLS:
            problem(_("calls: anna puhelumäärä 0–5 000, nyt ”%(value)s”.") % {"value": cells[2]})
        if weekday is None or hour is None or calls is None or not 0 <= calls <= MAX_CALLS:
            continue
        if (weekday, hour) in seen:
            problem(_("sama viikonpäivä ja tunti on jo rivillä %(other)s.") % {"other": seen[(weekday, hour)]})
            continue
        seen[(weekday, hour)] = line
        volumes.append(Volume(weekday, hour, calls))
    if not volumes and not errors:
        errors.add("volumes", _("Tiedostossa ei ole yhtään tuntia."))
    if len(volumes) > MAX_HOURS:
        errors.add("volumes", _("Enintään %(n)s riviä.") % {"n": MAX_HOURS})
    errors.raise_if_any()
    return volumes


def read_upload(upload) -> str:
    """An uploaded file as text, or a ValidationError under `file` saying why it cannot be read."""
    if upload.size > MAX_FILE_BYTES:
        raise ValidationError({"file": [_("Tiedosto on liian suuri (enintään 1 Mt).")]})
    try:
        return upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError({"file": [_("Tiedoston on oltava UTF-8-merkistöä.")]}) from error


@dataclass(frozen=True)
class Targets:
    average_handling_seconds: Decimal
    target_answer_seconds: Decimal
    target_service_level: Decimal
    shrinkage: Decimal


def _read(errors: Errors, data: dict, field: str, *, low, high, required=True, integer=False, message: str):
    value = data.get(field)
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            errors.add(field, _("Pakollinen tieto puuttuu."))
        return None
    number = parse_number(value)
    if number is None or (integer and number != number.to_integral_value()) or not low <= number <= high:
        errors.add(field, message)
        return None
    return number


def read_targets(errors: Errors, data: dict) -> Targets | None:
    """The service-level target's fields, each problem under its own name; None if any is missing or bad."""
    values = {
        "average_handling_seconds": _read(
            errors,
            data,
            "average_handling_seconds",
            low=1,
            high=MAX_HANDLING_SECONDS,
            message=_("Anna käsittelyaika sekunteina 1–3 600."),
        ),
        "target_answer_seconds": _read(
            errors,
            data,
            "target_answer_seconds",
            low=0,
            high=MAX_ANSWER_SECONDS,
            message=_("Anna vastausaikatavoite sekunteina 0–3 600."),
        ),
        "target_service_level": _read(
            errors,
            data,
            "target_service_level",
            low=0,
            high=1,
            message=_("Anna palvelutaso osuutena 0–1."),
        ),
        "shrinkage": _read(
            errors,
            data,
            "shrinkage",
            low=0,
            high=MAX_SHRINKAGE,
            required=False,
            message=_("Anna poissaolokerroin osuutena 0–0,95."),
        ),
    }
    if values["shrinkage"] is None:
        values["shrinkage"] = Decimal(0)
    if any(value is None for value in values.values()):
        return None
    return Targets(**values)


def demand(targets: Targets, calls) -> erlang.Demand:
    return erlang.Demand(
        calls_per_hour=calls,
        average_handling_seconds=targets.average_handling_seconds,
        target_answer_seconds=targets.target_answer_seconds,
        target_service_level=targets.target_service_level,
        shrinkage=targets.shrinkage,
    )


def staffing_request(data) -> erlang.Staffing | list[erlang.Staffing]:
    """The API's input (one hour's calls or a list of hours) → the agents needed, each problem under its field."""
    errors = Errors()
    if not isinstance(data, dict):
        errors.add("non_field_errors", _("Odotettiin JSON-oliota."))
        errors.raise_if_any()
    targets = read_targets(errors, data)
    calls = data.get("calls_per_hour")
    message = _("Anna puhelumäärä tunnissa 0–5 000.")
    if isinstance(calls, list):
        if not 1 <= len(calls) <= MAX_HOURS:
            errors.add("calls_per_hour", _("Anna 1–%(n)s tunnin puhelumäärät.") % {"n": MAX_HOURS})
        hours = [
            _read(
                errors, {f"calls_per_hour[{n}]": value}, f"calls_per_hour[{n}]", low=0, high=MAX_CALLS, message=message
            )
            for n, value in enumerate(calls[:MAX_HOURS])
        ]
    else:
        hours = _read(errors, data, "calls_per_hour", low=0, high=MAX_CALLS, message=message)
    errors.raise_if_any()
    if isinstance(hours, list):
        return [erlang.agents_needed(demand(targets, value)) for value in hours]
    return erlang.agents_needed(demand(targets, hours))


def import_week(user, *, name, text: str, targets: dict) -> PhoneVolumeWeek:
    """Store a week of volumes with its target: the name, every target field and every CSV row checked first."""
    if not permissions_planning.can_manage_phone_service(user):
        raise PermissionDenied
    errors = Errors()
    name = name.strip() if isinstance(name, str) else ""
    if not name or len(name) > 200:
        errors.add("name", _("Anna viikolle nimi (enintään 200 merkkiä)."))
    checked = read_targets(errors, targets)
    # The API takes fractions of a second, but a stored week keeps whole seconds: refuse rather than truncate.
    for field in ("average_handling_seconds", "target_answer_seconds"):
        value = getattr(checked, field, None)
        if value is not None and value != value.to_integral_value():
            errors.add(field, _("Anna kokonainen määrä sekunteja."))
    volumes = []
    try:
        volumes = parse_volumes(text)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            for message in messages:
                errors.add(field, message)
    errors.raise_if_any()
    with transaction.atomic():
        week = PhoneVolumeWeek.objects.create(
            area=selectors.area(user),
            name=name,
            average_handling_seconds=int(checked.average_handling_seconds),
            target_answer_seconds=int(checked.target_answer_seconds),
            target_service_level=checked.target_service_level,
            shrinkage=checked.shrinkage,
            created_by=user,
        )
        PhoneVolume.objects.bulk_create(
            PhoneVolume(week=week, weekday=v.weekday, hour=v.hour, calls=v.calls) for v in volumes
        )
    return week


def add_rota_entry(user, data) -> PhoneRotaEntry:
    """A municipality's agents on the line on a weekday from one hour to another; every field checked."""
    if not permissions_planning.can_manage_phone_service(user):
        raise PermissionDenied
    area = selectors.area(user)
    errors = Errors()
    municipality = Municipality.objects.filter(area=area, code=str(data.get("municipality") or "").strip()).first()
    if municipality is None:
        errors.add("municipality", _("Valitse alueen kunta."))
    weekday = _weekday(str(data.get("weekday") or ""))
    if weekday is None:
        errors.add("weekday", _("Valitse viikonpäivä."))
    start = _read(errors, data, "start_hour", low=0, high=23, integer=True, message=_("Anna alkutunti 0–23."))
    end = _read(errors, data, "end_hour", low=1, high=24, integer=True, message=_("Anna päättymistunti 1–24."))
    if start is not None and end is not None and start >= end:
        errors.add("end_hour", _("Päättymistunnin on oltava alkutunnin jälkeen."))
    agents = _read(errors, data, "agents", low=1, high=500, integer=True, message=_("Anna vastaajien määrä 1–500."))
    errors.raise_if_any()
    return PhoneRotaEntry.objects.create(
        area=area,
        municipality=municipality,
        weekday=weekday,
        start_hour=int(start),
        end_hour=int(end),
        agents=int(agents),
    )


def remove_rota_entry(user, pk) -> None:
    if not permissions_planning.can_manage_phone_service(user):
        raise PermissionDenied
    PhoneRotaEntry.objects.filter(area=selectors.area(user), pk=pk).delete()
