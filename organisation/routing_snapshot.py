"""The organisation as routing sees it: municipalities, offices, teams and service arrangements (plan §1, §3, §4).

Everything about the area comes in as an `OrganisationSnapshot` built from the database (organisation/snapshots.py)
or the area data folder; no municipality is named here, so another employment area is new data, not new code. The
enums mirror organisation.enums by value (this module must not import Django); a test keeps the two in step.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class TargetGroup(StrEnum):
    ALL = "all"
    YOUTH = "youth"
    ADULTS = "adults"
    FOREIGN_LANGUAGE = "foreign_language"
    MULTISECTORAL = "multisectoral"
    EMPLOYER_SERVICES = "employer_services"
    INTERNATIONAL = "international"


class ArrangementRole(StrEnum):
    PRIMARY = "primary"
    SUPPLEMENTARY = "supplementary"


class MeetingPlace(StrEnum):
    SERVED_MUNICIPALITY_OFFICE = "served_municipality_office"
    PROVIDER_OFFICE = "provider_office"
    NAMED_OFFICE = "named_office"
    NOT_STATED = "not_stated"


@dataclass(frozen=True)
class Municipality:
    code: str
    name_fi: str
    name_sv: str = ""

    def name(self, language: str) -> str:
        return self.name_sv if language == "sv" and self.name_sv else self.name_fi


@dataclass(frozen=True)
class Office:
    key: str
    name: str
    municipality_code: str
    street_address: str
    postal_code: str
    post_town: str
    customer_groups: tuple[TargetGroup, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "customer_groups", tuple(TargetGroup(g) for g in self.customer_groups))

    @property
    def full_address(self) -> str:
        return f"{self.street_address}, {self.postal_code} {self.post_town}"


@dataclass(frozen=True)
class Team:
    key: str
    municipality_code: str
    name: str
    target_group: TargetGroup
    office_key: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "target_group", TargetGroup(self.target_group))


@dataclass(frozen=True)
class ServiceArrangement:
    key: str
    provider_municipality_code: str
    served_municipality_codes: frozenset[str]
    description: str
    source: str
    target_group: TargetGroup = TargetGroup.ALL
    role: ArrangementRole = ArrangementRole.PRIMARY
    meeting_place: MeetingPlace = MeetingPlace.SERVED_MUNICIPALITY_OFFICE
    provider_team_key: str | None = None
    meeting_office_key: str | None = None
    # The plan gives the arrangement only as an example ("esim."): the default until the area decides otherwise.
    plan_example: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "served_municipality_codes", frozenset(self.served_municipality_codes))
        object.__setattr__(self, "target_group", TargetGroup(self.target_group))
        object.__setattr__(self, "role", ArrangementRole(self.role))
        object.__setattr__(self, "meeting_place", MeetingPlace(self.meeting_place))
        if self.meeting_place == MeetingPlace.NAMED_OFFICE and self.meeting_office_key is None:
            raise ValueError(f"palvelujärjestely {self.key}: nimetty toimipiste puuttuu")


@dataclass(frozen=True)
class OrganisationSnapshot:
    """The organisation as routing needs it; indexes are built once so that routing a batch stays cheap."""

    municipalities: tuple[Municipality, ...]
    offices: tuple[Office, ...]
    teams: tuple[Team, ...]
    arrangements: tuple[ServiceArrangement, ...]
    _municipality: dict[str, Municipality] = field(init=False, repr=False, compare=False)
    _office: dict[str, Office] = field(init=False, repr=False, compare=False)
    _team: dict[str, Team] = field(init=False, repr=False, compare=False)
    _arrangement: dict[str, ServiceArrangement] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("municipalities", "offices", "teams", "arrangements"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        object.__setattr__(self, "_municipality", _index(self.municipalities, "code", "kunta"))
        object.__setattr__(self, "_office", _index(self.offices, "key", "toimipiste"))
        object.__setattr__(self, "_team", _index(self.teams, "key", "tiimi"))
        object.__setattr__(self, "_arrangement", _index(self.arrangements, "key", "palvelujärjestely"))
        self._check_references()

    def _check_references(self) -> None:
        def require(known: dict, key: str | None, owner: str, what: str) -> None:
            if key is not None and key not in known:
                raise ValueError(f"{owner}: {what} {key} puuttuu")

        for office in self.offices:
            require(self._municipality, office.municipality_code, f"toimipiste {office.key}", "kunta")
        for team in self.teams:
            require(self._municipality, team.municipality_code, f"tiimi {team.key}", "kunta")
            require(self._office, team.office_key, f"tiimi {team.key}", "toimipiste")
        for arrangement in self.arrangements:
            owner = f"palvelujärjestely {arrangement.key}"
            require(self._municipality, arrangement.provider_municipality_code, owner, "kunta")
            for code in sorted(arrangement.served_municipality_codes):
                require(self._municipality, code, owner, "kunta")
            require(self._team, arrangement.provider_team_key, owner, "tiimi")
            require(self._office, arrangement.meeting_office_key, owner, "toimipiste")

    def municipality(self, code: str) -> Municipality:
        try:
            return self._municipality[code]
        except KeyError:
            raise ValueError(f"kotikunta: kunta {code} ei kuulu työllisyysalueeseen") from None

    def office(self, key: str) -> Office:
        return self._office[key]

    def team(self, key: str) -> Team:
        return self._team[key]

    def arrangement(self, key: str) -> ServiceArrangement:
        return self._arrangement[key]

    def offices_of(self, municipality_code: str) -> list[Office]:
        return [office for office in self.offices if office.municipality_code == municipality_code]

    def teams_of(self, municipality_code: str) -> list[Team]:
        return [team for team in self.teams if team.municipality_code == municipality_code]


def _index(items: Iterable, attribute: str, label: str) -> dict:
    index = {}
    for item in items:
        key = getattr(item, attribute)
        if key in index:
            raise ValueError(f"{label} {key} on kahteen kertaan")
        index[key] = item
    return index
