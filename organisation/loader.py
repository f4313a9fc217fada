"""The organisation section of an area data folder (plan §1–§4, §6).

Every file is read and checked before anything is written, and writing mirrors the files: rows are matched by their
natural keys, updated in place when a value differs, and removed when they are no longer in the files.
"""

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError, TextChoices
from django.utils.translation import gettext as _

from organisation import enums, models
from organisation.area_data import AreaDataError, LoadContext, LoadSummary

AREA = "area.yaml"
MUNICIPALITIES = "municipalities.yaml"
OFFICES = "offices.yaml"
TEAMS = "teams.yaml"
STAFF_POSITIONS = "staff_positions.yaml"
CASELOAD_TARGETS = "caseload_targets.yaml"
SERVICE_ARRANGEMENTS = "service_arrangements.yaml"
CENTRALISED_SERVICES = "centralised_services.yaml"
DELEGATIONS = "delegations.yaml"
BODIES = "bodies.yaml"
PARTNERS = "partners.yaml"


# --- Reading YAML with line numbers -----------------------------------------------------------------------------


class _Mapping(dict):
    """A YAML mapping that remembers its first line, so that a problem can point at the entry."""

    line = 0


class _DuplicateField(Exception):
    def __init__(self, name, line):
        super().__init__(name, line)
        self.name = name
        self.line = line


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader, node):
    # PyYAML keeps the last of two equal keys silently; in a data file that is almost always a typing mistake.
    loader.flatten_mapping(node)
    mapping = _Mapping()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            duplicate = key in mapping
        except TypeError:
            raise yaml.constructor.ConstructorError(None, None, "unhashable key", key_node.start_mark) from None
        if duplicate:
            raise _DuplicateField(key, key_node.start_mark.line + 1)
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _line_entry(line) -> str:
    return _("rivi %(line)s") % {"line": line}


def read_yaml(directory: Path, file_name: str):
    path = directory / file_name
    if not path.is_file():
        raise AreaDataError(file_name, "-", _("tiedosto puuttuu kansiosta %(directory)s") % {"directory": directory})
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise AreaDataError(file_name, "-", _("tiedosto ei ole UTF-8-merkistöä")) from error
    try:
        # A SafeLoader subclass: it builds only plain data, never Python objects.
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506
    except _DuplicateField as error:
        raise AreaDataError(
            file_name,
            _line_entry(error.line),
            _("kenttä %(field)s on annettu kahdesti samassa kohteessa") % {"field": error.name},
        ) from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else "?"
        problem = getattr(error, "problem", None) or str(error)
        raise AreaDataError(
            file_name,
            _line_entry(line),
            _("YAML-muoto on virheellinen rivillä %(line)s: %(problem)s") % {"line": line, "problem": problem},
        ) from error


# --- Field parsers: each returns the clean value or raises _Invalid with the reason ------------------------------


class _Invalid(Exception):
    pass


def _text(model, name, blank=False) -> Callable:
    max_length = model._meta.get_field(name).max_length

    def parse(value):
        if not isinstance(value, str):
            raise _Invalid(_("pitää olla tekstiä, nyt %(value)r") % {"value": value})
        value = value.strip()
        if not value and not blank:
            raise _Invalid(_("ei saa olla tyhjä"))
        if max_length and len(value) > max_length:
            raise _Invalid(
                _("on liian pitkä: %(length)s merkkiä, enintään %(max)s") % {"length": len(value), "max": max_length}
            )
        return value

    return parse


_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")


def _slug(model, name="key") -> Callable:
    as_text = _text(model, name)

    def parse(value):
        value = as_text(value)
        if not _SLUG.match(value):
            raise _Invalid(
                _(
                    "pitää olla tunniste, jossa on vain kirjaimia a–z, numeroita, väliviivoja ja alaviivoja, "
                    "nyt %(value)r"
                )
                % {"value": value}
            )
        return value

    return parse


def _digits(count: int, example: str) -> Callable:
    pattern = re.compile(rf"^[0-9]{{{count}}}$")

    def parse(value):
        text = str(value) if isinstance(value, int) and not isinstance(value, bool) else value
        if not isinstance(text, str) or not pattern.match(text):
            raise _Invalid(
                _('pitää olla %(count)s numeroa lainausmerkeissä (esim. "%(example)s"), nyt %(value)r')
                % {"count": count, "example": example, "value": value}
            )
        return text

    return parse


_municipality_code = _digits(3, "205")
_postal_code = _digits(5, "87100")


def _fte(value) -> Decimal:
    """A value for DecimalField(max_digits=5, decimal_places=2), the shape of every FTE field."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Invalid(_("pitää olla luku (desimaalierottimena piste, esim. 0.5), nyt %(value)r") % {"value": value})
    try:
        number = Decimal(str(value))
    except InvalidOperation as error:
        raise _Invalid(_("pitää olla luku, nyt %(value)r") % {"value": value}) from error
    if not number.is_finite():
        raise _Invalid(_("pitää olla luku, nyt %(value)r") % {"value": value})
    if number < 0:
        raise _Invalid(_("ei saa olla negatiivinen, nyt %(value)s") % {"value": value})
    if number.as_tuple().exponent < -2:
        raise _Invalid(_("saa olla enintään kaksi desimaalia, nyt %(value)s") % {"value": value})
    if number >= 1000:
        raise _Invalid(_("on liian suuri, nyt %(value)s") % {"value": value})
    return number


def _count(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise _Invalid(_("pitää olla kokonaisluku, nyt %(value)r") % {"value": value})
    if value < 0:
        raise _Invalid(_("ei saa olla negatiivinen, nyt %(value)s") % {"value": value})
    return value


def _boolean(value) -> bool:
    if not isinstance(value, bool):
        raise _Invalid(_("pitää olla true tai false, nyt %(value)r") % {"value": value})
    return value


def _choice(choices: type[TextChoices]) -> Callable:
    def parse(value):
        if value not in choices.values:
            raise _Invalid(
                _("arvo %(value)r ei ole sallittu; sallitut arvot: %(allowed)s")
                % {"value": value, "allowed": ", ".join(choices.values)}
            )
        return value

    return parse


def _list_of(item: Callable, allow_empty: bool) -> Callable:
    def parse(value):
        if not isinstance(value, list):
            raise _Invalid(_("pitää olla luettelo, esim. [a, b], nyt %(value)r") % {"value": value})
        if not value and not allow_empty:
            raise _Invalid(_("luettelo ei saa olla tyhjä"))
        parsed = []
        for element in value:
            clean = item(element)
            if clean in parsed:
                raise _Invalid(_("arvo %(value)r on luettelossa kahdesti") % {"value": clean})
            parsed.append(clean)
        return parsed

    return parse


@dataclass(frozen=True)
class Field:
    parse: Callable
    required: bool = True
    default: object = None


def _optional(parse: Callable, default=None) -> Field:
    return Field(parse, required=False, default=default)


# --- Schemas: the fields each file's entries may have -----------------------------------------------------------

AREA_SCHEMA = {
    "slug": Field(_slug(models.EmploymentArea, "slug")),
    "name_fi": Field(_text(models.EmploymentArea, "name_fi")),
    "name_sv": _optional(_text(models.EmploymentArea, "name_sv", blank=True), ""),
    "name_en": _optional(_text(models.EmploymentArea, "name_en", blank=True), ""),
    "responsible_municipality": _optional(_municipality_code),
    "source": Field(_text(models.EmploymentArea, "source")),
}

MUNICIPALITY_SCHEMA = {
    "code": Field(_municipality_code),
    "name_fi": Field(_text(models.Municipality, "name_fi")),
    "name_sv": Field(_text(models.Municipality, "name_sv")),
    "region": Field(_text(models.Municipality, "region")),
    "wellbeing_services_county": Field(_text(models.Municipality, "wellbeing_services_county")),
    "source": Field(_text(models.Municipality, "source")),
}

OFFICE_SCHEMA = {
    "key": Field(_slug(models.Office)),
    "name": Field(_text(models.Office, "name")),
    "municipality": Field(_municipality_code),
    "street_address": Field(_text(models.Office, "street_address")),
    "postal_code": Field(_postal_code),
    "post_town": Field(_text(models.Office, "post_town")),
    "customer_groups": _optional(_list_of(_choice(enums.TargetGroup), allow_empty=True), []),
    "services": _optional(_text(models.Office, "services", blank=True), ""),
    "notes": _optional(_text(models.Office, "notes", blank=True), ""),
    "source": Field(_text(models.Office, "source")),
}

TEAM_SCHEMA = {
    "key": Field(_slug(models.Team)),
    "municipality": Field(_municipality_code),
    "name": Field(_text(models.Team, "name")),
    "target_group": Field(_choice(enums.TargetGroup)),
    "office": _optional(_slug(models.Office)),
    "source": Field(_text(models.Team, "source")),
}

STAFF_POSITION_SCHEMA = {
    "municipality": Field(_municipality_code),
    "title": Field(_text(models.StaffPosition, "title")),
    "role": Field(_choice(enums.StaffRole)),
    "fte": _optional(_fte),
    "fte_min": _optional(_fte),
    "fte_max": _optional(_fte),
    "origin": Field(_choice(enums.StaffOrigin)),
    "status": _optional(_choice(enums.PositionStatus), enums.PositionStatus.PLANNED.value),
    "customer_work": _optional(_boolean, False),
    "team": _optional(_slug(models.Team)),
    "notes": _optional(_text(models.StaffPosition, "notes", blank=True), ""),
    "source": Field(_text(models.StaffPosition, "source")),
}

CASELOAD_TARGET_SCHEMA = {
    "municipality": Field(_municipality_code),
    "team": _optional(_slug(models.Team)),
    "min_clients": _optional(_count),
    "max_clients": _optional(_count),
    "wording": Field(_text(models.CaseloadTarget, "wording")),
    "notes": _optional(_text(models.CaseloadTarget, "notes", blank=True), ""),
    "source": Field(_text(models.CaseloadTarget, "source")),
}

SERVICE_ARRANGEMENT_SCHEMA = {
    "key": Field(_slug(models.ServiceArrangement)),
    "provider_municipality": Field(_municipality_code),
    "provider_team": _optional(_slug(models.Team)),
    "served_municipalities": Field(_list_of(_municipality_code, allow_empty=False)),
    "target_group": _optional(_choice(enums.TargetGroup), enums.TargetGroup.ALL.value),
    "role": _optional(_choice(enums.ArrangementRole), enums.ArrangementRole.PRIMARY.value),
    "meeting_place": _optional(_choice(enums.MeetingPlace), enums.MeetingPlace.SERVED_MUNICIPALITY_OFFICE.value),
    "meeting_office": _optional(_slug(models.Office)),
    "fte": _optional(_fte),
    "description": Field(_text(models.ServiceArrangement, "description")),
    "source": Field(_text(models.ServiceArrangement, "source")),
}

CENTRALISED_SERVICE_SCHEMA = {
    "key": Field(_slug(models.CentralisedService)),
    "name_fi": Field(_text(models.CentralisedService, "name_fi")),
    "name_sv": Field(_text(models.CentralisedService, "name_sv")),
    "name_en": Field(_text(models.CentralisedService, "name_en")),
    "category": Field(_choice(enums.ServiceCategory)),
    "parent": _optional(_slug(models.CentralisedService)),
    "also_purchased": _optional(_boolean, False),
    "source": Field(_text(models.CentralisedService, "source")),
}

DELEGATION_SCHEMA = {
    "municipality": Field(_municipality_code),
    "case_type": Field(_choice(enums.CaseType)),
    "prepares": _optional(_boolean, True),
    "decides": _optional(_boolean, True),
    "payment": _optional(_choice(enums.PaymentArrangement), enums.PaymentArrangement.NOT_APPLICABLE.value),
    "status": _optional(_choice(enums.DelegationStatus), enums.DelegationStatus.PLANNED.value),
    "notes": _optional(_text(models.Delegation, "notes", blank=True), ""),
    "source": Field(_text(models.Delegation, "source")),
}

BODY_SCHEMA = {
    "key": Field(_slug(models.CooperationBody)),
    "name": Field(_text(models.CooperationBody, "name")),
    "kind": Field(_choice(enums.BodyKind)),
    "role": Field(_choice(enums.BodyRole)),
    "purpose": Field(_text(models.CooperationBody, "purpose")),
    "members": _optional(_text(models.CooperationBody, "members", blank=True), ""),
    "source": Field(_text(models.CooperationBody, "source")),
}

PARTNER_SCHEMA = {
    "key": Field(_slug(models.Partner)),
    "name": Field(_text(models.Partner, "name")),
    "kind": Field(_choice(enums.PartnerKind)),
    "cooperation": Field(_text(models.Partner, "cooperation")),
    "source": Field(_text(models.Partner, "source")),
}


# --- Checking entries --------------------------------------------------------------------------------------------


@dataclass
class Row:
    """One checked entry: `ident` names it in messages, `values` holds its clean fields by their file names."""

    file: str
    ident: str
    values: dict

    def __getitem__(self, name):
        return self.values[name]

    def error(self, problem: str) -> AreaDataError:
        return AreaDataError(self.file, self.ident, problem)


def _identify(raw, index: int, label: Callable) -> str:
    line = getattr(raw, "line", None)
    name = label(raw) if isinstance(raw, dict) else None
    if name in (None, ""):
        name = _("kohde %(number)s") % {"number": index}
    if line is None:
        return str(name)
    return _("%(name)s (rivi %(line)s)") % {"name": name, "line": line}


def _clean(file_name: str, raw, ident: str, schema: dict) -> Row:
    if not isinstance(raw, dict):
        raise AreaDataError(
            file_name, ident, _("kohteen pitää olla kenttiä (avain: arvo), nyt %(value)r") % {"value": raw}
        )
    unknown = [name for name in raw if name not in schema]
    if unknown:
        raise AreaDataError(
            file_name,
            ident,
            _("tuntematon kenttä %(field)s; sallitut kentät: %(allowed)s")
            % {"field": unknown[0], "allowed": ", ".join(schema)},
        )
    values = {}
    for name, spec in schema.items():
        value = raw.get(name)
        if value is None:
            if spec.required:
                raise AreaDataError(file_name, ident, _("pakollinen kenttä %(field)s puuttuu") % {"field": name})
            values[name] = list(spec.default) if isinstance(spec.default, list) else spec.default
            continue
        try:
            values[name] = spec.parse(value)
        except _Invalid as error:
            raise AreaDataError(
                file_name, ident, _("kenttä %(field)s: %(problem)s") % {"field": name, "problem": error}
            ) from error
    return Row(file_name, ident, values)


def _rows(directory: Path, file_name: str, schema: dict, label: Callable) -> list[Row]:
    data = read_yaml(directory, file_name)
    if data is None:
        return []
    if not isinstance(data, list):
        raise AreaDataError(file_name, "-", _("tiedoston pitää olla luettelo kohteita (YAML-lista, rivit alkavat -)"))
    return [_clean(file_name, raw, _identify(raw, index, label), schema) for index, raw in enumerate(data, start=1)]


def _label(*names) -> Callable:
    def label(raw):
        return " ".join(str(raw[name]) for name in names if raw.get(name) not in (None, ""))

    return label


_key = _label("key")


def _unique(rows: list[Row], natural_key: Callable, problem: str) -> None:
    seen = {}
    for row in rows:
        key = natural_key(row)
        if key in seen:
            raise row.error(problem % {"key": " / ".join(str(part) for part in key), "other": seen[key].ident})
        seen[key] = row


def _unique_keys(rows: list[Row]) -> None:
    _unique(rows, lambda row: (row["key"],), _("tunniste %(key)s on jo käytössä kohteessa %(other)s"))


def _known_municipality(row: Row, name: str, codes, value=None) -> None:
    code = row[name] if value is None else value
    if code not in codes:
        raise row.error(
            _("kentässä %(field)s on tuntematon kuntanumero %(code)s; alueen kunnat ovat tiedostossa %(file)s")
            % {"field": name, "code": code, "file": MUNICIPALITIES}
        )


def _known_key(row: Row, name: str, known: dict, file_name: str) -> Row | None:
    key = row[name]
    if key is None:
        return None
    if key not in known:
        raise row.error(
            _("kentässä %(field)s on tuntematon tunniste %(key)s; sitä ei ole tiedostossa %(file)s")
            % {"field": name, "key": key, "file": file_name}
        )
    return known[key]


def _same_municipality(row: Row, name: str, target: Row | None, municipality: str) -> None:
    if target is not None and target["municipality"] != municipality:
        raise row.error(
            _("kentän %(field)s kohde %(key)s on kunnassa %(other)s, ei kunnassa %(municipality)s")
            % {"field": name, "key": row[name], "other": target["municipality"], "municipality": municipality}
        )


def _min_not_above_max(row: Row, low_name: str, high_name: str) -> None:
    low, high = row[low_name], row[high_name]
    if low is not None and high is not None and low > high:
        raise row.error(
            _("%(low_field)s (%(low)s) on suurempi kuin %(high_field)s (%(high)s)")
            % {"low_field": low_name, "low": low, "high_field": high_name, "high": high}
        )


@dataclass
class OrganisationData:
    area: Row
    municipalities: list[Row]
    offices: list[Row]
    teams: list[Row]
    staff_positions: list[Row]
    caseload_targets: list[Row]
    service_arrangements: list[Row]
    centralised_services: list[Row]
    delegations: list[Row]
    bodies: list[Row]
    partners: list[Row]


def _check_area(directory: Path, codes: set) -> Row:
    data = read_yaml(directory, AREA)
    if not isinstance(data, dict):
        raise AreaDataError(AREA, "-", _("tiedoston pitää olla kenttiä (avain: arvo), ei luettelo"))
    row = _clean(AREA, data, _("työllisyysalue"), AREA_SCHEMA)
    if row["responsible_municipality"] is not None:
        _known_municipality(row, "responsible_municipality", codes)
    return row


def _check_municipalities(directory: Path) -> list[Row]:
    rows = _rows(directory, MUNICIPALITIES, MUNICIPALITY_SCHEMA, _label("code", "name_fi"))
    if not rows:
        raise AreaDataError(MUNICIPALITIES, "-", _("alueella pitää olla vähintään yksi kunta"))
    _unique(rows, lambda row: (row["code"],), _("kuntanumero %(key)s on jo kohteessa %(other)s"))
    return rows


def _check_offices(directory: Path, codes: set) -> list[Row]:
    rows = _rows(directory, OFFICES, OFFICE_SCHEMA, _key)
    _unique_keys(rows)
    _unique(
        rows,
        lambda row: (row["name"], row["street_address"]),
        _("toimipiste %(key)s on jo kohteessa %(other)s (sama nimi ja katuosoite)"),
    )
    for row in rows:
        _known_municipality(row, "municipality", codes)
    return rows


def _check_teams(directory: Path, codes: set, offices: dict) -> list[Row]:
    rows = _rows(directory, TEAMS, TEAM_SCHEMA, _key)
    _unique_keys(rows)
    for row in rows:
        _known_municipality(row, "municipality", codes)
        office = _known_key(row, "office", offices, OFFICES)
        _same_municipality(row, "office", office, row["municipality"])
    return rows


def _check_staff_positions(directory: Path, codes: set, teams: dict) -> list[Row]:
    rows = _rows(directory, STAFF_POSITIONS, STAFF_POSITION_SCHEMA, _label("municipality", "title"))
    for row in rows:
        _known_municipality(row, "municipality", codes)
        team = _known_key(row, "team", teams, TEAMS)
        _same_municipality(row, "team", team, row["municipality"])
        if row["fte"] is not None:
            if row["fte_min"] is not None or row["fte_max"] is not None:
                raise row.error(_("anna joko fte tai fte_min ja fte_max, ei molempia"))
            row.values["fte_min"] = row.values["fte_max"] = row["fte"]
        elif row["fte_min"] is None or row["fte_max"] is None:
            raise row.error(_("htv puuttuu: anna fte (yksi luku) tai fte_min ja fte_max (vaihteluväli)"))
        _min_not_above_max(row, "fte_min", "fte_max")
    _unique(
        rows,
        lambda row: (row["municipality"], row["title"], row["origin"]),
        _(
            "kunta, nimike ja alkuperä %(key)s ovat jo kohteessa %(other)s; "
            "erota rivit tarkentamalla nimikettä tai yhdistä ne"
        ),
    )
    return rows


def _check_caseload_targets(directory: Path, codes: set, teams: dict) -> list[Row]:
    rows = _rows(
        directory,
        CASELOAD_TARGETS,
        CASELOAD_TARGET_SCHEMA,
        _label("municipality", "team"),
    )
    for row in rows:
        _known_municipality(row, "municipality", codes)
        team = _known_key(row, "team", teams, TEAMS)
        _same_municipality(row, "team", team, row["municipality"])
        if row["min_clients"] is None and row["max_clients"] is None:
            raise row.error(_("anna min_clients, max_clients tai molemmat"))
        _min_not_above_max(row, "min_clients", "max_clients")
    _unique(
        rows,
        lambda row: (row["municipality"], row["team"] or "-"),
        _("kunnalla ja tiimillä %(key)s on jo tavoite kohteessa %(other)s"),
    )
    return rows


def _check_service_arrangements(directory: Path, codes: set, offices: dict, teams: dict) -> list[Row]:
    rows = _rows(directory, SERVICE_ARRANGEMENTS, SERVICE_ARRANGEMENT_SCHEMA, _key)
    _unique_keys(rows)
    for row in rows:
        _known_municipality(row, "provider_municipality", codes)
        team = _known_key(row, "provider_team", teams, TEAMS)
        _same_municipality(row, "provider_team", team, row["provider_municipality"])
        for code in row["served_municipalities"]:
            _known_municipality(row, "served_municipalities", codes, value=code)
        _known_key(row, "meeting_office", offices, OFFICES)
        named = row["meeting_place"] == enums.MeetingPlace.NAMED_OFFICE
        if named and row["meeting_office"] is None:
            raise row.error(_("meeting_place on named_office, joten kenttä meeting_office tarvitaan"))
        if not named and row["meeting_office"] is not None:
            raise row.error(
                _("kenttä meeting_office annetaan vain, kun meeting_place on named_office (nyt %(place)s)")
                % {"place": row["meeting_place"]}
            )
    return rows


def _check_centralised_services(directory: Path) -> list[Row]:
    """Returns the services parents first, so that a part can be written after the service it belongs to."""
    rows = _rows(directory, CENTRALISED_SERVICES, CENTRALISED_SERVICE_SCHEMA, _key)
    _unique_keys(rows)
    by_key = {row["key"]: row for row in rows}
    for row in rows:
        _known_key(row, "parent", by_key, CENTRALISED_SERVICES)
    ordered, placed = [], set()
    for row in rows:
        chain, key = [], row["key"]
        while key is not None and key not in placed:
            if key in chain:
                raise row.error(_("kenttä parent muodostaa kehän: %(chain)s") % {"chain": " → ".join([*chain, key])})
            chain.append(key)
            key = by_key[key]["parent"]
        for key in reversed(chain):
            ordered.append(by_key[key])
            placed.add(key)
    return ordered


def _check_delegations(directory: Path, codes: set) -> list[Row]:
    rows = _rows(directory, DELEGATIONS, DELEGATION_SCHEMA, _label("municipality", "case_type"))
    for row in rows:
        _known_municipality(row, "municipality", codes)
    _unique(
        rows,
        lambda row: (row["municipality"], row["case_type"]),
        _("kunnalla ja asiaryhmällä %(key)s on jo delegointi kohteessa %(other)s"),
    )
    return rows


def _check_keyed(directory: Path, file_name: str, schema: dict) -> list[Row]:
    rows = _rows(directory, file_name, schema, _key)
    _unique_keys(rows)
    return rows


def check(directory: Path) -> OrganisationData:
    municipalities = _check_municipalities(directory)
    codes = {row["code"] for row in municipalities}
    area = _check_area(directory, codes)
    offices = _check_offices(directory, codes)
    offices_by_key = {row["key"]: row for row in offices}
    teams = _check_teams(directory, codes, offices_by_key)
    teams_by_key = {row["key"]: row for row in teams}
    return OrganisationData(
        area=area,
        municipalities=municipalities,
        offices=offices,
        teams=teams,
        staff_positions=_check_staff_positions(directory, codes, teams_by_key),
        caseload_targets=_check_caseload_targets(directory, codes, teams_by_key),
        service_arrangements=_check_service_arrangements(directory, codes, offices_by_key, teams_by_key),
        centralised_services=_check_centralised_services(directory),
        delegations=_check_delegations(directory, codes),
        bodies=_check_keyed(directory, BODIES, BODY_SCHEMA),
        partners=_check_keyed(directory, PARTNERS, PARTNER_SCHEMA),
    )


# --- Writing -----------------------------------------------------------------------------------------------------


def _fields(row: Row, schema: dict, skip=frozenset()) -> dict:
    """The row's values that are model fields of the same name."""
    return {name: row[name] for name in schema if name not in skip}


def _apply(instance, values: dict) -> bool:
    changed = False
    for name, value in values.items():
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed = True
    if changed:
        instance.save()
    return changed


class _Writer:
    """Writes one checked folder; the maps from natural keys to database ids fill up file by file."""

    def __init__(self, data: OrganisationData):
        self.data = data
        self.summary = LoadSummary()
        self.kept = defaultdict(set)
        self.municipalities = {}
        self.offices = {}
        self.teams = {}
        self.services = {}

    def run(self, context: LoadContext) -> LoadSummary:
        area = context.area = self._area()
        for row in self.data.municipalities:
            self.municipalities[row["code"]] = self._municipality(area, row).pk
        self._set_responsible(area)
        for row in self.data.offices:
            self.offices[row["key"]] = self._office(area, row).pk
        for row in self.data.teams:
            self.teams[row["key"]] = self._team(area, row).pk
        for row in self.data.staff_positions:
            self._staff_position(area, row)
        for row in self.data.caseload_targets:
            self._caseload_target(area, row)
        for row in self.data.service_arrangements:
            self._arrangement(area, row)
        for row in self.data.centralised_services:
            self.services[row["key"]] = self._centralised_service(area, row).pk
        for row in self.data.delegations:
            self._delegation(area, row)
        for row in self.data.bodies:
            self._save(row, area.bodies, {"area": area, "key": row["key"]}, _fields(row, BODY_SCHEMA))
        for row in self.data.partners:
            self._save(row, area.partners, {"area": area, "key": row["key"]}, _fields(row, PARTNER_SCHEMA))
        self._remove_stale(area)
        return self.summary

    def _upsert(self, row: Row, queryset, lookup: dict, values: dict, narrowing=None):
        """Matches on `lookup` (and `narrowing`, which only narrows the match) and returns (instance, created,
        changed) without counting, so that a caller can add changes its row's own fields do not show."""
        instance = queryset.filter(**lookup, **(narrowing or {})).first()
        try:
            if instance is None:
                instance = queryset.model.objects.create(**{**lookup, **values})
                created, changed = True, False
            else:
                created, changed = False, _apply(instance, values)
        except IntegrityError as error:
            raise row.error(_("tietokanta ei hyväksynyt tietoa: %(error)s") % {"error": error}) from error
        self.kept[queryset.model].add(instance.pk)
        return instance, created, changed

    def _save(self, row: Row, queryset, lookup: dict, values: dict, narrowing=None):
        instance, created, changed = self._upsert(row, queryset, lookup, values, narrowing)
        self.summary.count(created, changed)
        return instance

    def _municipality_id(self, code):
        return self.municipalities[code] if code else None

    def _office_id(self, key):
        return self.offices[key] if key else None

    def _team_id(self, key):
        return self.teams[key] if key else None

    def _area(self):
        row = self.data.area
        # The responsible municipality is set once the municipalities exist; the area is counted then.
        instance, self._area_created, self._area_changed = self._upsert(
            row,
            models.EmploymentArea.objects,
            {"slug": row["slug"]},
            _fields(row, AREA_SCHEMA, skip={"slug", "responsible_municipality"}),
        )
        return instance

    def _set_responsible(self, area):
        changed = _apply(
            area, {"responsible_municipality_id": self._municipality_id(self.data.area["responsible_municipality"])}
        )
        self.summary.count(self._area_created, self._area_changed or changed)

    def _municipality(self, area, row: Row):
        other = models.Municipality.objects.filter(code=row["code"]).exclude(area=area).select_related("area").first()
        if other is not None:
            raise row.error(
                _("kuntanumero %(code)s kuuluu jo työllisyysalueeseen %(area)s")
                % {"code": row["code"], "area": other.area.name_fi}
            )
        return self._save(
            row,
            models.Municipality.objects,
            {"code": row["code"]},
            {"area_id": area.pk, **_fields(row, MUNICIPALITY_SCHEMA, skip={"code"})},
        )

    def _office(self, area, row: Row):
        lookup = {"area": area, "key": row["key"]}
        # Name and address are unique too: an office whose key was renamed is the same office, not a new one.
        if not area.offices.filter(**lookup).exists():
            renamed = area.offices.filter(name=row["name"], street_address=row["street_address"]).first()
            if renamed is not None:
                lookup = {"area": area, "key": renamed.key}
        values = _fields(row, OFFICE_SCHEMA, skip={"municipality"})
        values["municipality_id"] = self._municipality_id(row["municipality"])
        return self._save(row, area.offices, lookup, values)

    def _team(self, area, row: Row):
        values = _fields(row, TEAM_SCHEMA, skip={"key", "municipality", "office"})
        values["municipality_id"] = self._municipality_id(row["municipality"])
        values["office_id"] = self._office_id(row["office"])
        return self._save(row, area.teams, {"area": area, "key": row["key"]}, values)

    def _staff_position(self, area, row: Row):
        lookup = {
            "area": area,
            "municipality_id": self._municipality_id(row["municipality"]),
            "title": row["title"],
            "origin": row["origin"],
        }
        values = _fields(row, STAFF_POSITION_SCHEMA, skip={"municipality", "title", "origin", "fte", "team"})
        values["team_id"] = self._team_id(row["team"])
        self._save(row, area.staff_positions, lookup, values)

    def _caseload_target(self, area, row: Row):
        lookup = {
            "area": area,
            "municipality_id": self._municipality_id(row["municipality"]),
            "team_id": self._team_id(row["team"]),
        }
        values = _fields(row, CASELOAD_TARGET_SCHEMA, skip={"municipality", "team"})
        self._save(row, area.caseload_targets, lookup, values)

    def _arrangement(self, area, row: Row):
        values = _fields(
            row,
            SERVICE_ARRANGEMENT_SCHEMA,
            skip={"key", "provider_municipality", "provider_team", "served_municipalities", "meeting_office"},
        )
        values["provider_municipality_id"] = self._municipality_id(row["provider_municipality"])
        values["provider_team_id"] = self._team_id(row["provider_team"])
        values["meeting_office_id"] = self._office_id(row["meeting_office"])
        instance, created, changed = self._upsert(
            row, area.service_arrangements, {"area": area, "key": row["key"]}, values
        )
        served = {self._municipality_id(code) for code in row["served_municipalities"]}
        if set(instance.served_municipalities.values_list("pk", flat=True)) != served:
            instance.served_municipalities.set(served)
            changed = True
        self.summary.count(created, changed)

    def _centralised_service(self, area, row: Row):
        values = _fields(row, CENTRALISED_SERVICE_SCHEMA, skip={"key", "parent"})
        values["parent_id"] = self.services[row["parent"]] if row["parent"] else None
        return self._save(row, area.centralised_services, {"area": area, "key": row["key"]}, values)

    def _delegation(self, area, row: Row):
        lookup = {
            "area": area,
            "municipality_id": self._municipality_id(row["municipality"]),
            "case_type": row["case_type"],
        }
        values = _fields(row, DELEGATION_SCHEMA, skip={"municipality", "case_type"})
        # A delegation to a named official is made in the system, not in the plan's files, so the files leave it be.
        self._save(row, area.delegations, lookup, values, narrowing={"official__isnull": True})

    def _remove_stale(self, area) -> None:
        # Dependants go before what they refer to, so that a PROTECT reference inside the area never blocks removal.
        for model, file_name in (
            (models.ServiceArrangement, SERVICE_ARRANGEMENTS),
            (models.CaseloadTarget, CASELOAD_TARGETS),
            (models.StaffPosition, STAFF_POSITIONS),
            (models.Delegation, DELEGATIONS),
            (models.CentralisedService, CENTRALISED_SERVICES),
            (models.CooperationBody, BODIES),
            (models.Partner, PARTNERS),
            (models.Team, TEAMS),
            (models.Office, OFFICES),
            (models.Municipality, MUNICIPALITIES),
        ):
            stale = model.objects.filter(area=area).exclude(pk__in=self.kept[model])
            if model is models.Delegation:
                stale = stale.filter(official__isnull=True)
            for instance in stale:
                try:
                    instance.delete()
                except (ProtectedError, RestrictedError) as error:
                    referring = getattr(error, "protected_objects", None) or error.restricted_objects
                    kinds = sorted({str(item._meta.verbose_name) for item in referring})
                    raise AreaDataError(
                        file_name,
                        str(instance),
                        _(
                            "kohde on poistettu tiedostosta, mutta sitä ei voi poistaa tietokannasta, "
                            "koska siihen viitataan: %(kinds)s"
                        )
                        % {"kinds": ", ".join(kinds)},
                    ) from error
                self.summary.removed += 1


class OrganisationSection:
    """The area, its municipalities and everything the plan says about how the area is organised."""

    name = "organisation"

    def validate(self, context: LoadContext) -> OrganisationData:
        data = check(Path(context.directory))
        context.municipality_codes = {row["code"] for row in data.municipalities}
        return data

    def write(self, context: LoadContext, parsed: OrganisationData) -> LoadSummary:
        return _Writer(parsed).run(context)
