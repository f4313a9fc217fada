"""Which municipality, team, counsellor pool and office serve a job seeker (plan §1, §3, §4).

Everything about the area comes in as an `OrganisationSnapshot` built from the database or the area data folder;
no municipality is named here, so another employment area is new data, not new code. The enums mirror
organisation.enums by value (this module must not import Django); a test keeps the two in step.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Literal

from jobseekers.hetu import age_on

DOMESTIC_LANGUAGES = frozenset({"fi", "sv"})
DEFAULT_YOUTH_AGE_LIMIT = 30


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

    def __post_init__(self) -> None:
        for name in ("municipalities", "offices", "teams", "arrangements"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        object.__setattr__(self, "_municipality", _index(self.municipalities, "code", "kunta"))
        object.__setattr__(self, "_office", _index(self.offices, "key", "toimipiste"))
        object.__setattr__(self, "_team", _index(self.teams, "key", "tiimi"))
        _index(self.arrangements, "key", "palvelujärjestely")
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


@dataclass(frozen=True)
class JobseekerProfile:
    """What routing needs to know about a job seeker; `birth_date` wins over `age` when both are given."""

    municipality_code: str
    service_language: str
    reference_date: date
    birth_date: date | None = None
    age: int | None = None
    multisectoral: bool = False

    def __post_init__(self) -> None:
        if self.birth_date is None and self.age is None:
            raise ValueError("ikä: syntymäaika tai ikä puuttuu")
        object.__setattr__(self, "service_language", self.service_language.strip().lower())

    def age_on_reference_date(self) -> int:
        if self.birth_date is not None:
            return age_on(self.birth_date, self.reference_date)
        return self.age


@dataclass(frozen=True)
class Pool:
    """The counsellors a job seeker is assigned among: a team, or all of a municipality's counsellors."""

    kind: Literal["team", "municipality"]
    key: str

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.key}"


@dataclass(frozen=True)
class Explanation:
    fi: str
    sv: str
    en: str


@dataclass(frozen=True)
class SupplementaryService:
    arrangement: ServiceArrangement
    provider: Municipality
    office: Office | None
    explanation: Explanation


@dataclass(frozen=True)
class RoutingDecision:
    target_group: TargetGroup
    serving_municipality: Municipality
    team: Team | None
    pool: Pool
    meeting_office: Office | None
    arrangement: ServiceArrangement | None
    explanation: Explanation
    also_available: tuple[SupplementaryService, ...] = ()

    @property
    def is_fallback(self) -> bool:
        return self.arrangement is None


TARGET_GROUP_NAMES: dict[TargetGroup, Explanation] = {
    TargetGroup.ALL: Explanation("kaikki asiakkaat", "alla kunder", "all customers"),
    TargetGroup.YOUTH: Explanation("nuoret", "unga", "young people"),
    TargetGroup.ADULTS: Explanation("aikuiset", "vuxna", "adults"),
    TargetGroup.FOREIGN_LANGUAGE: Explanation("vieraskieliset", "främmandespråkiga", "foreign-language customers"),
    TargetGroup.MULTISECTORAL: Explanation(
        "monialainen palvelu (TYP)", "sektorsövergripande samservice (TYP)", "multisectoral service (TYP)"
    ),
    TargetGroup.EMPLOYER_SERVICES: Explanation(
        "työnantaja- ja yrityspalvelut", "arbetsgivar- och företagstjänster", "employer and business services"
    ),
    TargetGroup.INTERNATIONAL: Explanation(
        "kansainväliset palvelut", "internationella tjänster", "international services"
    ),
}

MEETING_PLACE_NAMES: dict[MeetingPlace, Explanation] = {
    MeetingPlace.SERVED_MUNICIPALITY_OFFICE: Explanation(
        "asiakkaan oman kunnan toimipiste",
        "verksamhetsställe i kundens hemkommun",
        "an office of the customer's home municipality",
    ),
    MeetingPlace.PROVIDER_OFFICE: Explanation(
        "palvelun tuottavan kunnan toimipiste",
        "verksamhetsställe i den kommun som producerar tjänsten",
        "an office of the providing municipality",
    ),
    MeetingPlace.NAMED_OFFICE: Explanation(
        "järjestelyssä nimetty toimipiste",
        "verksamhetsställe som anges i arrangemanget",
        "the office named in the arrangement",
    ),
}


def derive_target_group(profile: JobseekerProfile, youth_age_limit: int = DEFAULT_YOUTH_AGE_LIMIT) -> TargetGroup:
    # Language comes first: foreign-language customers are served together with integration services whatever
    # their age or multisectoral status (plan §1 Kajaani, §4).
    if profile.service_language not in DOMESTIC_LANGUAGES:
        return TargetGroup.FOREIGN_LANGUAGE
    if profile.multisectoral:
        return TargetGroup.MULTISECTORAL
    if profile.age_on_reference_date() < youth_age_limit:
        return TargetGroup.YOUTH
    return TargetGroup.ADULTS


def route(
    profile: JobseekerProfile,
    organisation: OrganisationSnapshot,
    youth_age_limit: int = DEFAULT_YOUTH_AGE_LIMIT,
) -> RoutingDecision:
    home = organisation.municipality(profile.municipality_code)
    target_group = derive_target_group(profile, youth_age_limit)
    arrangement = _primary_arrangement(organisation, home.code, target_group)
    if arrangement is None:
        serving = home
        team = _matching_team(organisation.teams_of(home.code), target_group)
        meeting_office = _office_for(organisation.offices_of(home.code), target_group)
    else:
        serving = organisation.municipality(arrangement.provider_municipality_code)
        if arrangement.provider_team_key is not None:
            team = organisation.team(arrangement.provider_team_key)
        else:
            team = _matching_team(organisation.teams_of(serving.code), target_group)
        meeting_office = _meeting_office(organisation, arrangement, home, target_group)
    pool = Pool("team", team.key) if team is not None else Pool("municipality", serving.code)
    group_reason = _target_group_reason(profile, target_group, youth_age_limit)
    explanation = _explain(home, target_group, group_reason, serving, arrangement, team, meeting_office)
    return RoutingDecision(
        target_group=target_group,
        serving_municipality=serving,
        team=team,
        pool=pool,
        meeting_office=meeting_office,
        arrangement=arrangement,
        explanation=explanation,
        also_available=_supplementary(organisation, home, target_group),
    )


def _covers(arrangement: ServiceArrangement, municipality_code: str, target_group: TargetGroup) -> bool:
    return municipality_code in arrangement.served_municipality_codes and arrangement.target_group in (
        target_group,
        TargetGroup.ALL,
    )


def _primary_arrangement(
    organisation: OrganisationSnapshot, municipality_code: str, target_group: TargetGroup
) -> ServiceArrangement | None:
    candidates = [
        a
        for a in organisation.arrangements
        if a.role == ArrangementRole.PRIMARY and _covers(a, municipality_code, target_group)
    ]
    if not candidates:
        return None
    # A target-group-specific arrangement overrides the general one; the key only breaks ties between
    # overlapping arrangements so that the answer never depends on the order the data was read in.
    return min(candidates, key=lambda a: (a.target_group != target_group, a.key))


def _matching_team(teams: list[Team], target_group: TargetGroup) -> Team | None:
    for wanted in (target_group, TargetGroup.ALL):
        matching = sorted((t for t in teams if t.target_group == wanted), key=lambda t: t.key)
        if matching:
            return matching[0]
    return None


def _office_for(offices: list[Office], target_group: TargetGroup) -> Office | None:
    # Offices keep the snapshot's order (the database orders them by name), so "the first" is stable.
    for wanted in (target_group, TargetGroup.ALL):
        for office in offices:
            if wanted in office.customer_groups:
                return office
    return offices[0] if offices else None


def _meeting_office(
    organisation: OrganisationSnapshot,
    arrangement: ServiceArrangement,
    home: Municipality,
    target_group: TargetGroup,
) -> Office | None:
    if arrangement.meeting_office_key is not None:
        return organisation.office(arrangement.meeting_office_key)
    if arrangement.meeting_place == MeetingPlace.PROVIDER_OFFICE:
        return _office_for(organisation.offices_of(arrangement.provider_municipality_code), target_group)
    return _office_for(organisation.offices_of(home.code), target_group)


def _supplementary(
    organisation: OrganisationSnapshot, home: Municipality, target_group: TargetGroup
) -> tuple[SupplementaryService, ...]:
    services = []
    for arrangement in sorted(organisation.arrangements, key=lambda a: a.key):
        if arrangement.role != ArrangementRole.SUPPLEMENTARY or not _covers(arrangement, home.code, target_group):
            continue
        provider = organisation.municipality(arrangement.provider_municipality_code)
        office = _meeting_office(organisation, arrangement, home, target_group)
        services.append(
            SupplementaryService(
                arrangement=arrangement,
                provider=provider,
                office=office,
                explanation=_explain_supplementary(arrangement, provider, office),
            )
        )
    return tuple(services)


def _target_group_reason(profile: JobseekerProfile, target_group: TargetGroup, youth_age_limit: int) -> Explanation:
    if target_group == TargetGroup.FOREIGN_LANGUAGE:
        language = profile.service_language
        return Explanation(f"asiointikieli {language}", f"ärendespråk {language}", f"service language {language}")
    if target_group == TargetGroup.MULTISECTORAL:
        return Explanation("TYP-asiakas", "TYP-kund", "multisectoral (TYP) client")
    if target_group == TargetGroup.YOUTH:
        return Explanation(
            f"alle {youth_age_limit}-vuotias", f"under {youth_age_limit} år", f"under {youth_age_limit} years of age"
        )
    return Explanation(
        f"{youth_age_limit} vuotta täyttänyt", f"fyllt {youth_age_limit} år", f"aged {youth_age_limit} or over"
    )


# Descriptions of arrangements are Finnish data, so only the Finnish text quotes them.
_PHRASES = {
    "fi": {
        "person": "Kotikunta: {home}. Kohderyhmä: {group} ({reason}).",
        "arranged": "Palveleva kunta: {serving} palvelujärjestelyn {key} mukaan (kohderyhmä: {covered}; "
        "lähde: {source}). {description}",
        "fallback": "Palveleva kunta: {serving}. Kotikunnalle ja kohderyhmälle ei löytynyt palvelujärjestelyä, "
        "joten palvelu kuuluu kotikunnalle.",
        "team": "Ohjaajaryhmä: tiimi {team}.",
        "municipality_pool": "Ohjaajaryhmä: kaikki ohjaajat (kunta: {serving}).",
        "meeting": "Tapaamispaikka: {office}{place}.",
        "no_office": "toimipistettä ei ole kirjattu",
        "supplementary": "Lisäksi saatavilla: {description} Järjestäjä: {provider}, {office} "
        "(palvelujärjestely {key}; lähde: {source}).",
    },
    "sv": {
        "person": "Hemkommun: {home}. Målgrupp: {group} ({reason}).",
        "arranged": "Betjänande kommun: {serving} enligt servicearrangemanget {key} (målgrupp: {covered}; "
        "källa: {source}).",
        "fallback": "Betjänande kommun: {serving}. Inget servicearrangemang hittades för hemkommunen och "
        "målgruppen, så tjänsten hör till hemkommunen.",
        "team": "Rådgivargrupp: teamet {team}.",
        "municipality_pool": "Rådgivargrupp: alla rådgivare i {serving}.",
        "meeting": "Mötesplats: {office}{place}.",
        "no_office": "inget verksamhetsställe registrerat",
        "supplementary": "Dessutom tillgängligt: servicearrangemanget {key} i {provider}, {office} (källa: {source}).",
    },
    "en": {
        "person": "Home municipality: {home}. Target group: {group} ({reason}).",
        "arranged": "Serving municipality: {serving} under service arrangement {key} (target group: {covered}; "
        "source: {source}).",
        "fallback": "Serving municipality: {serving}. No service arrangement was found for the home municipality "
        "and target group, so the home municipality serves the customer.",
        "team": "Counsellor pool: team {team}.",
        "municipality_pool": "Counsellor pool: all counsellors of {serving}.",
        "meeting": "Meeting place: {office}{place}.",
        "no_office": "no office on record",
        "supplementary": "Also available: service arrangement {key} in {provider}, {office} (source: {source}).",
    },
}


def _sentence(text: str) -> str:
    return text.strip().rstrip(".") + "."


def _office_text(office: Office | None, language: str) -> str:
    if office is None:
        return _PHRASES[language]["no_office"]
    return f"{office.name}, {office.full_address}"


def _in_languages(build: Callable[[str, dict[str, str]], str]) -> Explanation:
    return Explanation(**{language: build(language, _PHRASES[language]) for language in ("fi", "sv", "en")})


def _explain(
    home: Municipality,
    target_group: TargetGroup,
    group_reason: Explanation,
    serving: Municipality,
    arrangement: ServiceArrangement | None,
    team: Team | None,
    meeting_office: Office | None,
) -> Explanation:
    def build(language: str, phrases: dict[str, str]) -> str:
        person = phrases["person"].format(
            home=home.name(language),
            group=getattr(TARGET_GROUP_NAMES[target_group], language),
            reason=getattr(group_reason, language),
        )
        if arrangement is None:
            service = phrases["fallback"].format(serving=serving.name(language))
            place = ""
        else:
            service = phrases["arranged"].format(
                serving=serving.name(language),
                key=arrangement.key,
                covered=getattr(TARGET_GROUP_NAMES[arrangement.target_group], language),
                source=arrangement.source,
                description=_sentence(arrangement.description),
            )
            place = f" ({getattr(MEETING_PLACE_NAMES[arrangement.meeting_place], language)})"
        if team is not None:
            pool = phrases["team"].format(team=team.name)
        else:
            pool = phrases["municipality_pool"].format(serving=serving.name(language))
        meeting = phrases["meeting"].format(office=_office_text(meeting_office, language), place=place)
        return " ".join((person, service.strip(), pool, meeting))

    return _in_languages(build)


def _explain_supplementary(
    arrangement: ServiceArrangement, provider: Municipality, office: Office | None
) -> Explanation:
    return _in_languages(
        lambda language, phrases: phrases["supplementary"].format(
            description=_sentence(arrangement.description),
            provider=provider.name(language),
            office=_office_text(office, language),
            key=arrangement.key,
            source=arrangement.source,
        )
    )
