"""Checks across the organisation files (unique natural keys, references to municipalities, offices and teams that
exist, ranges the right way round) and `check`, which reads and checks the whole section before anything is written.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from organisation import enums
from organisation.area_data import AreaDataError, read_data_file
from organisation.loader import schemas
from organisation.loader.rows import Row, clean, key_label, label_of, read_rows


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
            % {"field": name, "code": code, "file": schemas.MUNICIPALITIES}
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


def _in_own_municipality(row: Row, codes, name: str, known: dict, file_name: str, municipality="municipality"):
    """The row's municipality is one of the area's, and what its field `name` refers to (if anything) exists in
    `file_name` and is in the same municipality."""
    _known_municipality(row, municipality, codes)
    _same_municipality(row, name, _known_key(row, name, known, file_name), row[municipality])


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
    area_staff: list[Row]


def _check_area(directory: Path, codes: set) -> Row:
    data = read_data_file(directory / schemas.AREA, schemas.AREA)
    if not isinstance(data, dict):
        raise AreaDataError(schemas.AREA, "-", _("tiedoston pitää olla kenttiä (avain: arvo), ei luettelo"))
    row = clean(schemas.AREA, data, _("työllisyysalue"), schemas.AREA_SCHEMA)
    if row["responsible_municipality"] is not None:
        _known_municipality(row, "responsible_municipality", codes)
    return row


def _check_municipalities(directory: Path) -> list[Row]:
    rows = read_rows(directory, schemas.MUNICIPALITIES, schemas.MUNICIPALITY_SCHEMA, label_of("code", "name_fi"))
    if not rows:
        raise AreaDataError(schemas.MUNICIPALITIES, "-", _("alueella pitää olla vähintään yksi kunta"))
    _unique(rows, lambda row: (row["code"],), _("kuntanumero %(key)s on jo kohteessa %(other)s"))
    return rows


def _check_offices(directory: Path, codes: set) -> list[Row]:
    rows = read_rows(directory, schemas.OFFICES, schemas.OFFICE_SCHEMA, key_label)
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
    rows = read_rows(directory, schemas.TEAMS, schemas.TEAM_SCHEMA, key_label)
    _unique_keys(rows)
    for row in rows:
        _in_own_municipality(row, codes, "office", offices, schemas.OFFICES)
    return rows


def _check_staff_positions(directory: Path, codes: set, teams: dict) -> list[Row]:
    rows = read_rows(
        directory, schemas.STAFF_POSITIONS, schemas.STAFF_POSITION_SCHEMA, label_of("municipality", "title")
    )
    for row in rows:
        _in_own_municipality(row, codes, "team", teams, schemas.TEAMS)
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
    rows = read_rows(
        directory,
        schemas.CASELOAD_TARGETS,
        schemas.CASELOAD_TARGET_SCHEMA,
        label_of("municipality", "team"),
    )
    for row in rows:
        _in_own_municipality(row, codes, "team", teams, schemas.TEAMS)
        if row["min_clients"] is None and row["max_clients"] is None:
            raise row.error(_("anna min_clients, max_clients tai molemmat"))
        _min_not_above_max(row, "min_clients", "max_clients")
        _check_bound(row)
    _unique(
        rows,
        lambda row: (row["municipality"], row["team"] or "-"),
        _("kunnalla ja tiimillä %(key)s on jo tavoite kohteessa %(other)s"),
    )
    return rows


def _check_bound(row: Row) -> None:
    bound = row["bound"]
    if bound == enums.CaseloadBound.ABOUT and (
        row["tolerance_percent"] is None or row["min_clients"] is None or row["max_clients"] is None
    ):
        raise row.error(_("bound about tarvitsee kentät min_clients, max_clients ja tolerance_percent"))
    if bound != enums.CaseloadBound.ABOUT and row["tolerance_percent"] is not None:
        raise row.error(
            _("kenttä tolerance_percent annetaan vain, kun bound on about (nyt %(bound)s)") % {"bound": bound}
        )
    if bound == enums.CaseloadBound.BELOW and (row["max_clients"] is None or row["min_clients"] is not None):
        raise row.error(_("bound below tarvitsee kentän max_clients eikä kenttää min_clients"))


def _check_area_staff(directory: Path) -> list[Row]:
    if not (directory / schemas.AREA_STAFF).is_file():
        return []
    rows = _check_keyed(directory, schemas.AREA_STAFF, schemas.AREA_STAFF_SCHEMA)
    for row in rows:
        if row["customer_work_fte"] is not None and (row["fte"] is None or row["customer_work_fte"] > row["fte"]):
            raise row.error(_("customer_work_fte ei voi olla suurempi kuin fte (eikä ilman sitä)"))
    return rows


def _check_service_arrangements(directory: Path, codes: set, offices: dict, teams: dict) -> list[Row]:
    rows = read_rows(directory, schemas.SERVICE_ARRANGEMENTS, schemas.SERVICE_ARRANGEMENT_SCHEMA, key_label)
    _unique_keys(rows)
    for row in rows:
        _in_own_municipality(row, codes, "provider_team", teams, schemas.TEAMS, municipality="provider_municipality")
        for code in row["served_municipalities"]:
            _known_municipality(row, "served_municipalities", codes, value=code)
        _known_key(row, "meeting_office", offices, schemas.OFFICES)
        named = row["meeting_place"] == enums.MeetingPlace.NAMED_OFFICE
        if row["plan_example"] and row["role"] != enums.ArrangementRole.PRIMARY:
            raise row.error(_("plan_example koskee vain järjestelyä, joka vastaa palvelusta (role primary)"))
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
    rows = read_rows(directory, schemas.CENTRALISED_SERVICES, schemas.CENTRALISED_SERVICE_SCHEMA, key_label)
    _unique_keys(rows)
    by_key = {row["key"]: row for row in rows}
    for row in rows:
        _known_key(row, "parent", by_key, schemas.CENTRALISED_SERVICES)
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
    rows = read_rows(directory, schemas.DELEGATIONS, schemas.DELEGATION_SCHEMA, label_of("municipality", "case_type"))
    for row in rows:
        _known_municipality(row, "municipality", codes)
    _unique(
        rows,
        lambda row: (row["municipality"], row["case_type"]),
        _("kunnalla ja asiaryhmällä %(key)s on jo delegointi kohteessa %(other)s"),
    )
    return rows


def _check_keyed(directory: Path, file_name: str, schema: dict) -> list[Row]:
    rows = read_rows(directory, file_name, schema, key_label)
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
        bodies=_check_keyed(directory, schemas.BODIES, schemas.BODY_SCHEMA),
        partners=_check_keyed(directory, schemas.PARTNERS, schemas.PARTNER_SCHEMA),
        area_staff=_check_area_staff(directory),
    )
