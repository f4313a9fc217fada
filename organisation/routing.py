"""Which municipality, team, counsellor pool and office serve a job seeker (plan §1, §3, §4).

The pure core: it takes a `JobseekerProfile` and an `OrganisationSnapshot` (organisation/routing_snapshot.py) and
returns a `RoutingDecision` whose `reasons` say why, as codes with parameters; organisation/routing_texts.py renders
them through gettext. The registry (jobseekers) and the arrangements page (organisation/tables.py) both call it.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from organisation.pools import Pool
from organisation.routing_snapshot import (
    ArrangementRole,
    MeetingPlace,
    Municipality,
    Office,
    OrganisationSnapshot,
    ServiceArrangement,
    TargetGroup,
    Team,
)

# Not foreign-language (vieraskielinen) customers: Finnish, Swedish and the Sámi languages, as Statistics Finland
# counts them (North Sámi has the ISO 639-1 code se; Inari and Skolt Sámi only the ISO 639-3 codes smn and sms).
DOMESTIC_LANGUAGES = frozenset({"fi", "sv", "se", "smn", "sms"})
# Youth services (Ohjaamo, youth guarantee) serve customers under 30; the one definition of "young".
YOUTH_AGE_LIMIT = 30


@dataclass(frozen=True)
class JobseekerProfile:
    """What routing needs to know about a job seeker; the age is counted by the caller on the day routed."""

    municipality_code: str
    service_language: str
    age: int
    multisectoral: bool = False

    def __post_init__(self) -> None:
        if self.age < 0:
            raise ValueError("ikä: ikä ei voi olla negatiivinen")
        object.__setattr__(self, "service_language", self.service_language.strip().lower())


class ReasonCode(StrEnum):
    # Why the target group: exactly one of these four.
    FOREIGN_SERVICE_LANGUAGE = "foreign_service_language"  # language
    MULTISECTORAL_CLIENT = "multisectoral_client"
    UNDER_YOUTH_AGE_LIMIT = "under_youth_age_limit"  # age_limit
    AT_OR_OVER_YOUTH_AGE_LIMIT = "at_or_over_youth_age_limit"  # age_limit
    # Who serves: an arrangement (arrangement, serving) or, without one, the home municipality (serving).
    ARRANGEMENT = "arrangement"
    NO_ARRANGEMENT = "no_arrangement"
    # Among whom the counsellor is chosen: a team (team) or all of a municipality's counsellors (serving).
    TEAM_POOL = "team_pool"
    MUNICIPALITY_POOL = "municipality_pool"
    # Where they meet (office, which may be None; meeting_place when an arrangement decided it).
    MEETING_OFFICE = "meeting_office"


@dataclass(frozen=True)
class Reason:
    code: ReasonCode
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class SupplementaryService:
    arrangement: ServiceArrangement
    provider: Municipality
    office: Office | None


@dataclass(frozen=True)
class RoutingDecision:
    home_municipality: Municipality
    target_group: TargetGroup
    serving_municipality: Municipality
    team: Team | None
    pool: Pool
    meeting_office: Office | None
    arrangement: ServiceArrangement | None
    reasons: tuple[Reason, ...]
    also_available: tuple[SupplementaryService, ...] = ()

    @property
    def is_fallback(self) -> bool:
        return self.arrangement is None


def derive_target_group(profile: JobseekerProfile, youth_age_limit: int = YOUTH_AGE_LIMIT) -> TargetGroup:
    # Language comes first: foreign-language customers are served together with integration services whatever
    # their age or multisectoral status (plan §1 Kajaani, §4).
    if profile.service_language not in DOMESTIC_LANGUAGES:
        return TargetGroup.FOREIGN_LANGUAGE
    if profile.multisectoral:
        return TargetGroup.MULTISECTORAL
    if profile.age < youth_age_limit:
        return TargetGroup.YOUTH
    return TargetGroup.ADULTS


def route(
    profile: JobseekerProfile,
    organisation: OrganisationSnapshot,
    youth_age_limit: int = YOUTH_AGE_LIMIT,
) -> RoutingDecision:
    home = organisation.municipality(profile.municipality_code)
    target_group = derive_target_group(profile, youth_age_limit)
    arrangement = _primary_arrangement(organisation, home.code, target_group)
    if arrangement is None:
        serving = home
        team = _matching_team(organisation.teams_of(home.code), target_group)
        office = _office_for(organisation.offices_of(home.code), target_group)
        service = Reason(ReasonCode.NO_ARRANGEMENT, {"serving": serving})
        meeting = Reason(ReasonCode.MEETING_OFFICE, {"office": office})
    else:
        serving = organisation.municipality(arrangement.provider_municipality_code)
        if arrangement.provider_team_key is not None:
            team = organisation.team(arrangement.provider_team_key)
        else:
            team = _matching_team(organisation.teams_of(serving.code), target_group)
        office = meeting_office(organisation, arrangement, home.code, target_group)
        service = Reason(ReasonCode.ARRANGEMENT, {"serving": serving, "arrangement": arrangement})
        meeting = Reason(ReasonCode.MEETING_OFFICE, {"office": office, "meeting_place": arrangement.meeting_place})
    if team is not None:
        pool, pool_reason = Pool("team", team.key), Reason(ReasonCode.TEAM_POOL, {"team": team})
    else:
        pool, pool_reason = (
            Pool("municipality", serving.code),
            Reason(ReasonCode.MUNICIPALITY_POOL, {"serving": serving}),
        )
    return RoutingDecision(
        home_municipality=home,
        target_group=target_group,
        serving_municipality=serving,
        team=team,
        pool=pool,
        meeting_office=office,
        arrangement=arrangement,
        reasons=(_target_group_reason(profile, target_group, youth_age_limit), service, pool_reason, meeting),
        also_available=_supplementary(organisation, home, target_group),
    )


def meeting_office(
    organisation: OrganisationSnapshot,
    arrangement: ServiceArrangement,
    home_code: str,
    target_group: TargetGroup,
) -> Office | None:
    """Where a customer of `home_code` in `target_group` meets the counsellors of the arrangement; None where the
    plan does not say (no office is guessed)."""
    if arrangement.meeting_place == MeetingPlace.NOT_STATED:
        return None
    if arrangement.meeting_office_key is not None:
        return organisation.office(arrangement.meeting_office_key)
    if arrangement.meeting_place == MeetingPlace.PROVIDER_OFFICE:
        return _office_for(organisation.offices_of(arrangement.provider_municipality_code), target_group)
    return _office_for(organisation.offices_of(home_code), target_group)


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


def _supplementary(
    organisation: OrganisationSnapshot, home: Municipality, target_group: TargetGroup
) -> tuple[SupplementaryService, ...]:
    return tuple(
        SupplementaryService(
            arrangement=arrangement,
            provider=organisation.municipality(arrangement.provider_municipality_code),
            office=meeting_office(organisation, arrangement, home.code, target_group),
        )
        for arrangement in sorted(organisation.arrangements, key=lambda a: a.key)
        if arrangement.role == ArrangementRole.SUPPLEMENTARY and _covers(arrangement, home.code, target_group)
    )


def _target_group_reason(profile: JobseekerProfile, target_group: TargetGroup, youth_age_limit: int) -> Reason:
    if target_group == TargetGroup.FOREIGN_LANGUAGE:
        return Reason(ReasonCode.FOREIGN_SERVICE_LANGUAGE, {"language": profile.service_language})
    if target_group == TargetGroup.MULTISECTORAL:
        return Reason(ReasonCode.MULTISECTORAL_CLIENT)
    if target_group == TargetGroup.YOUTH:
        return Reason(ReasonCode.UNDER_YOUTH_AGE_LIMIT, {"age_limit": youth_age_limit})
    return Reason(ReasonCode.AT_OR_OVER_YOUTH_AGE_LIMIT, {"age_limit": youth_age_limit})
