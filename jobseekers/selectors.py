"""Reads of the job-seeker registry. Every function takes the user; access is asked from accounts.permissions.

Functions that hand a person's data to a page or an API response write the personal-data access log themselves
(`get_jobseeker`, `find_by_hetu`, `log_listing`), so a view cannot show a person without leaving a row behind.
"""

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from fractions import Fraction
from typing import NamedTuple

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext

from accounts import permissions
from accounts.models import User
from audit.services import log_access
from common.languages import in_language
from jobseekers import hetu_store, names, organisation_adapter
from jobseekers.enums import STATUS_CONCEPTS, CaseloadStatus, CounsellorPurpose
from jobseekers.models import CaseloadCount, CounsellorAssignment, Jobseeker, JobseekerChange
from jobseekers.targets import Target, Targets
from organisation import caseload_bounds
from organisation.models import Municipality, Team
from organisation.pools import Pool, counsellor_pool, municipality_pool, team_pool
from organisation.routing_snapshot import TargetGroup

SUBJECT_TYPE = Jobseeker._meta.label_lower

SORTS = {
    "name": ("last_name", "first_name", "pk"),
    "-name": ("-last_name", "-first_name", "-pk"),
    "municipality": ("municipality__name_fi", "last_name", "first_name", "pk"),
    "-municipality": ("-municipality__name_fi", "last_name", "first_name", "pk"),
    "status": ("status", "last_name", "first_name", "pk"),
    "-status": ("-status", "last_name", "first_name", "pk"),
    "started": ("job_search_started_on", "pk"),
    "-started": ("-job_search_started_on", "-pk"),
}


def jobseekers(user) -> QuerySet:
    scope = permissions.jobseeker_scope(user)
    queryset = Jobseeker.objects.select_related(
        "municipality", "serving_municipality", "team", "meeting_office", "responsible_counsellor"
    )
    if scope is None:
        return queryset.none()
    return queryset.filter(scope)


def search(
    user,
    *,
    name: str = "",
    birth_date: date | None = None,
    municipality: str = "",
    status: str = "",
    concept: str = "",
    counsellor=None,
    overdue_on: date | None = None,
    without_plan: bool = False,
    sort: str = "name",
):
    """The user's job seekers matching every given filter; `name` forgives order, commas, case and diacritics.
    `status` is one exact status; `concept` a group of them (enums.STATUS_CONCEPTS: "unemployed" is Statistics
    Finland's, the unemployed and the fully laid off)."""
    queryset = jobseekers(user)
    # The query is folded like the stored search name (jobseekers.names), so a plain LIKE answers the same on
    # SQLite and PostgreSQL, and on PostgreSQL the trigram index of migration 0004 serves it.
    for term in names.query_terms(name):
        queryset = queryset.filter(search_name__contains=term)
    if birth_date is not None:
        queryset = queryset.filter(birth_date=birth_date)
    if municipality:
        queryset = queryset.filter(municipality__code=municipality)
    if status:
        queryset = queryset.filter(status=status)
    if concept:
        queryset = queryset.filter(status__in=STATUS_CONCEPTS[concept])
    if counsellor:
        queryset = queryset.filter(responsible_counsellor_id=counsellor)
    # The stored deadline and the employment plan are the service model's rows about the person; they are read
    # through the person's relations, so the registry does not import the layer above it.
    if overdue_on is not None:
        queryset = queryset.filter(deadline__due_on__lt=overdue_on)
    if without_plan:
        queryset = queryset.filter(employment_plan__isnull=True)
    return queryset.order_by(*SORTS.get(sort, SORTS["name"]))


def my_clients(user) -> QuerySet:
    if not permissions.has_own_clients(user):
        return Jobseeker.objects.none()
    return jobseekers(user).filter(responsible_counsellor=user).order_by(*SORTS["name"])


def get_jobseeker(user, pk, *, view: str, purpose: str) -> Jobseeker:
    """The record if the user may read it (logged as granted); otherwise 404 and a denied row – no existence leak."""
    jobseeker = jobseekers(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if jobseeker is None:
        if permissions.is_staff_member(user):
            log_access(user, [str(pk)[:60]], view=view, purpose=purpose, granted=False, subject_type=SUBJECT_TYPE)
        raise Http404
    log_access(user, [jobseeker], view=view, purpose=purpose)
    return jobseeker


def find_by_hetu(user, codes: list[str], *, view: str, purpose: str) -> list[Jobseeker]:
    """Exact match by the keyed hash within the user's scope; the codes (the readings of one typed value,
    hetu.readings) must already be validated. Several matches are shown to nobody and so logged as nobody's read:
    the caller asks for the code with its century sign instead."""
    digests = [hetu_store.lookup_hash(code) for code in codes]
    found = list(jobseekers(user).filter(hetu_hash__in=digests).order_by("pk"))
    hidden = list(
        Jobseeker.objects.filter(hetu_hash__in=digests)
        .exclude(pk__in=[j.pk for j in found])
        .values_list("pk", flat=True)
    )
    if hidden:
        log_access(user, hidden, view=view, purpose=purpose, granted=False, subject_type=SUBJECT_TYPE)
    if len(found) == 1:
        log_access(user, found, view=view, purpose=purpose)
    return found


def log_listing(user, people, *, view: str, purpose: str) -> None:
    """A list that shows people (names) is a read of each of them."""
    log_access(user, list(people), view=view, purpose=purpose)


def counsellor_history(jobseeker: Jobseeker) -> QuerySet:
    return CounsellorAssignment.objects.filter(jobseeker=jobseeker).select_related("counsellor", "assigned_by")


def changes_of(jobseeker: Jobseeker) -> QuerySet:
    """The record's change history, newest first (read after get_jobseeker has checked and logged the read)."""
    return JobseekerChange.objects.filter(jobseeker=jobseeker).select_related("changed_by")


# --- Which counsellors may take a job seeker ---------------------------------------------------------------------
#
# One answer per purpose; every purpose starts from the active counsellors (permissions.may_counsel):
#
# * MEETING – whoever may read the job seeker as a counsellor: the counsellors of the job seeker's pool, and their
#   responsible counsellor wherever that one sits (a counsellor keeps their clients after a re-routing).
# * REASSIGNMENT – a supervisor may give the job seeker to any counsellor of the serving municipality with FTE > 0,
#   also from another team (youth → adults), so not only the routed pool. Without a job seeker (the supervisor's
#   balancing of several clients at once) the counsellors of the given serving municipality.
# * BATCH_ASSIGNMENT and REGISTRATION – a counsellor with FTE > 0 in the job seeker's pool: the batch spreads the
#   pool's clients over exactly these, and a registering counsellor becomes responsible only if they are one of them.
#   Without a job seeker (the batch over all pools) every counsellor with FTE > 0 who has a pool.

_IN_POOL_PURPOSES = frozenset({CounsellorPurpose.BATCH_ASSIGNMENT, CounsellorPurpose.REGISTRATION})


def _in_pool(pool_id: str) -> Q:
    pool = Pool.parse(pool_id)
    if pool.kind == "team":
        return Q(team__key=pool.key)
    return Q(team__isnull=True, home_municipality__code=pool.key)


def counsellors_for(
    jobseeker: Jobseeker | None, purpose: CounsellorPurpose, *, serving_municipality_id: int | None = None
) -> QuerySet:
    """The users who may take `jobseeker` for `purpose` (see above), by name; the batch's by id."""
    purpose = CounsellorPurpose(purpose)
    queryset = User.objects.filter(permissions.counsellors_filter()).select_related(
        "team", "home_municipality", "team__municipality"
    )
    if purpose == CounsellorPurpose.MEETING:
        queryset = queryset.filter(_in_pool(jobseeker.pool) | Q(pk=jobseeker.responsible_counsellor_id))
    elif purpose == CounsellorPurpose.REASSIGNMENT:
        if jobseeker is not None:
            serving_municipality_id = jobseeker.serving_municipality_id
        queryset = queryset.filter(fte__gt=0, home_municipality_id=serving_municipality_id)
    elif purpose in _IN_POOL_PURPOSES:
        queryset = queryset.filter(fte__gt=0)
        if jobseeker is not None:
            queryset = queryset.filter(_in_pool(jobseeker.pool))
        else:
            queryset = queryset.filter(Q(team__isnull=False) | Q(home_municipality__isnull=False))
    if purpose == CounsellorPurpose.BATCH_ASSIGNMENT:
        return queryset.order_by("pk")
    return queryset.order_by("last_name", "first_name", "pk")


def may_take(user: User, jobseeker: Jobseeker, purpose: CounsellorPurpose) -> bool:
    return user is not None and counsellors_for(jobseeker, purpose).filter(pk=user.pk).exists()


# --- Caseloads: numbers only, no job seeker named ----------------------------------------------------------------


@dataclass
class Caseload:
    key: str
    name: str
    municipality: str
    team: str
    fte: Decimal
    clients: int
    unassigned: int
    target: Target | None
    residents: int | None = None
    note: str = ""
    served_elsewhere: bool = False

    @property
    def per_fte(self) -> Decimal | None:
        if not self.fte:
            return None
        return (Decimal(self.clients) / self.fte).quantize(Decimal("0.1"), ROUND_HALF_EVEN)

    @property
    def status(self) -> CaseloadStatus:
        if self.served_elsewhere:
            return CaseloadStatus.SERVED_ELSEWHERE
        if self.target is None or self.target.max_clients is None and self.target.min_clients is None:
            return CaseloadStatus.NO_TARGET if self.fte or not self.clients else CaseloadStatus.NO_STAFF
        if not self.fte:
            return CaseloadStatus.NO_STAFF if self.clients else CaseloadStatus.NO_CLIENTS
        # The plan's wording ("alle" strict, "noin" with the area's tolerance) read by the one rule planning uses too.
        verdict = caseload_bounds.verdict(Fraction(self.clients) / Fraction(self.fte), self.target.bounds)
        return CaseloadStatus(verdict.value)

    @property
    def over(self) -> bool:
        return self.status.is_over

    @property
    def fte_needed(self) -> Decimal | None:
        """FTE missing to meet the target's upper end as the plan words it (strict "alle", "noin" with tolerance):
        the rule the planning pages use (caseload_bounds.missing_fte)."""
        if self.target is None or not self.target.max_clients or not self.over:
            return None
        return caseload_bounds.missing_fte(self.clients, self.fte, self.target.bounds)


_EVERYWHERE = Q()  # no condition: every count group, every counsellor


def client_count_groups(within: Q = _EVERYWHERE) -> list[tuple]:
    """(responsible counsellor id or None, pool, serving municipality id, home municipality id, searching job seekers)
    – from the counts the database keeps on every write (CaseloadCount), a few thousand rows at national scale;
    `within` narrows them to the groups a page shows."""
    groups = CaseloadCount.objects.filter(within, clients__gt=0).values_list(
        "counsellor_id", "pool", "serving_municipality_id", "municipality_id", "clients"
    )
    return [(counsellor or None, *rest) for counsellor, *rest in groups]


def client_count_groups_recounted() -> list[tuple]:
    """The same groups counted from the job seekers themselves (one grouped scan of the registry): the check of the
    kept counts."""
    groups = Jobseeker.objects.searching().values_list(
        "responsible_counsellor", "pool", "serving_municipality", "municipality"
    )
    return list(groups.annotate(n=Count("id")).order_by())


def _client_counts(within: Q = _EVERYWHERE) -> tuple[dict, dict, dict, dict]:
    """Clients per responsible counsellor, per pool and per serving municipality (with the unassigned), and residents
    per home municipality – of the groups `within`."""
    by_counsellor: dict = defaultdict(int)
    pools: dict = defaultdict(lambda: {"clients": 0, "unassigned": 0})
    serving: dict = defaultdict(lambda: {"clients": 0, "unassigned": 0})
    residents: dict = defaultdict(int)
    for counsellor, pool, serving_municipality, municipality, count in client_count_groups(within):
        if counsellor is not None:
            by_counsellor[counsellor] += count
        for row in (pools[pool], serving[serving_municipality]):
            row["clients"] += count
            row["unassigned"] += count if counsellor is None else 0
        residents[municipality] += count
    return dict(by_counsellor), dict(pools), dict(serving), dict(residents)


class _Counsellor(NamedTuple):
    """What the dashboard reads of a counsellor: thousands at national scale, so a row rather than a model instance."""

    pk: int
    first_name: str
    last_name: str
    username: str
    is_active: bool
    fte: Decimal
    team_id: int | None
    home_municipality_id: int | None

    def __str__(self):  # as User.__str__
        return f"{self.first_name} {self.last_name}".strip() or self.username


class CounsellorCaseloads(Sequence):
    """The counsellors' caseload rows, each built when it is read: the page's Paginator counts them and builds the
    hundred it shows, where building all of a country's thousands was most of the dashboard's time."""

    def __init__(self, people: list[_Counsellor], build):
        self._people, self._build = people, build

    def __len__(self) -> int:
        return len(self._people)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._build(person) for person in self._people[index]]
        return self._build(self._people[index])


def _counsellors(within: Q = _EVERYWHERE) -> list[_Counsellor]:
    """Every counsellor `within` (also inactive ones), by municipality, team and name."""
    rows = (
        User.objects.filter(permissions.counsellors_filter(active_only=False))
        .filter(within)
        .order_by("home_municipality__name_fi", "team__name", "last_name", "first_name", "pk")
        .values_list(*_Counsellor._fields)
    )
    return [_Counsellor(*row) for row in rows]


def _fte_sums(people: list[_Counsellor], place) -> dict:
    """The active counsellors' FTE summed by `place(team_id, home_municipality_id)`, counted once per combination."""
    by_combination: dict[tuple, Decimal] = defaultdict(Decimal)
    for person in people:
        if person.is_active:
            by_combination[person.team_id, person.home_municipality_id] += person.fte
    sums: dict = defaultdict(Decimal)
    for (team_id, home_id), fte in by_combination.items():
        key = place(team_id, home_id)
        if key is not None:
            sums[key] += fte
    return sums


def caseloads(user, *, municipality_code: str = "") -> dict:
    """Clients per counsellor, team and serving municipality against the plan's targets; empty without access.
    "counsellors" is a CounsellorCaseloads (a sequence whose rows are built when read), the others lists."""
    if not permissions.can_view_caseloads(user):
        return {"municipalities": [], "teams": [], "counsellors": []}
    targets = Targets()
    teams_by_id = {team.pk: team for team in Team.objects.select_related("municipality")}
    places = {municipality.pk: municipality for municipality in Municipality.objects.all()}
    if municipality_code:
        # A municipality's page (a supervisor's by default) reads only its counsellors – those at home there or in one
        # of its teams – and the count groups its tables use: a fraction of a country's rows.
        at_home_or_in_team = Q(home_municipality__code=municipality_code) | Q(
            team__municipality__code=municipality_code
        )
        everyone = _counsellors(at_home_or_in_team)
        team_pools = [team_pool(t.key) for t in teams_by_id.values() if t.municipality.code == municipality_code]
        place_ids = [pk for pk, place in places.items() if place.code == municipality_code]
        counts = _client_counts(
            Q(counsellor_id__in=User.objects.filter(at_home_or_in_team).values("pk"))
            | Q(serving_municipality_id__in=place_ids)
            | Q(municipality_id__in=place_ids)
            | Q(pool__in=team_pools)
        )
    else:
        everyone = _counsellors()
        counts = _client_counts()
    by_counsellor, pools, serving, residents = counts
    shown = [u for u in everyone if u.is_active or by_counsellor.get(u.pk)]
    shown_names = {pk: in_language(place) for pk, place in places.items()}
    if any(shown_names[pk] != place.name_fi for pk, place in places.items()):
        # The database orders by the Finnish name; a page in another language re-sorts by the names it shows (stable,
        # so team and name order stay within a municipality), each name read once rather than once per counsellor.
        shown.sort(key=lambda u: (u.home_municipality_id is None, shown_names.get(u.home_municipality_id, "")))

    def counsellor_row(u: _Counsellor) -> Caseload:
        team = teams_by_id.get(u.team_id)
        municipality = team.municipality if team else places.get(u.home_municipality_id)
        return Caseload(
            key=f"user:{u.pk}",
            name=str(u),
            municipality=in_language(municipality) if municipality else "",
            team=team.name if team else "",
            fte=u.fte if u.is_active else Decimal(0),
            clients=by_counsellor.get(u.pk, 0),
            unassigned=0,
            target=targets.for_team(team, u.home_municipality_id),
            note="" if u.is_active else gettext("ei aktiivinen"),
        )

    counsellors = CounsellorCaseloads(shown, counsellor_row)

    def pool_of(team_id, home_id):
        return counsellor_pool(
            team_key=teams_by_id[team_id].key if team_id is not None else None,
            municipality_code=places[home_id].code if home_id is not None else None,
        )

    team_fte = _fte_sums(everyone, pool_of)
    teams = []
    # The teams and municipalities read above, in the order the tables show them.
    for team in sorted(teams_by_id.values(), key=lambda team: (in_language(team.municipality), team.name)):
        if municipality_code and team.municipality.code != municipality_code:
            continue
        pool = team_pool(team.key)
        row = pools.get(pool, {"clients": 0, "unassigned": 0})
        if not row["clients"] and not team_fte.get(pool):
            continue
        teams.append(
            Caseload(
                key=pool,
                name=team.name,
                municipality=in_language(team.municipality),
                team=team.name,
                fte=team_fte.get(pool, Decimal(0)),
                clients=row["clients"],
                unassigned=row["unassigned"],
                target=targets.for_team(team, team.municipality_id),
            )
        )

    municipality_fte = _fte_sums(
        everyone, lambda team_id, home_id: teams_by_id[team_id].municipality_id if team_id is not None else home_id
    )
    municipalities = []
    served_by = None  # read only for a municipality without clients or counsellors of its own: it builds the routing
    places_by_code = {place.code: place for place in places.values()}
    for m in sorted(places.values(), key=in_language):
        if municipality_code and m.code != municipality_code:
            continue
        row = serving.get(m.pk, {"clients": 0, "unassigned": 0})
        note = ""
        elsewhere = False
        if not row["clients"] and not municipality_fte.get(m.pk):
            served_by = _served_by() if served_by is None else served_by
            elsewhere = m.pk in served_by
        if elsewhere:
            serving_municipality = in_language(places_by_code[served_by[m.pk]])
            note = gettext("asukkaita palvelee %(municipality)s") % {"municipality": serving_municipality}
        municipalities.append(
            Caseload(
                key=municipality_pool(m.code),
                name=in_language(m),
                municipality=in_language(m),
                team="",
                fte=municipality_fte.get(m.pk, Decimal(0)),
                clients=row["clients"],
                unassigned=row["unassigned"],
                target=targets.by_municipality.get(m.pk),
                residents=residents.get(m.pk, 0),
                note=note,
                served_elsewhere=elsewhere,
            )
        )
    return {"municipalities": municipalities, "teams": teams, "counsellors": counsellors}


def _served_by() -> dict[int, str]:
    """Municipality id → the code of the municipality whose counsellors serve its adult residents, when it is another
    one."""
    try:
        organisation = organisation_adapter.build()
    except Exception:  # noqa: BLE001 - no area loaded: no notes
        return {}
    result = {}
    for code, pk in organisation.municipality_ids.items():
        serving = organisation.decision_for(code, TargetGroup.ADULTS).serving_municipality
        if serving.code != code:
            result[pk] = serving.code
    return result


# --- The supervisor's balancing: several clients to another counsellor at once ----------------------------------


def municipality_id(code: str) -> int | None:
    return Municipality.objects.filter(code=code).values_list("pk", flat=True).first()


def balancing_municipality(chosen: str) -> str:
    """The municipality an administrator balances: the one chosen if it exists, else the area's responsible
    municipality (the same on every page language, whose order of names the choices follow)."""
    codes = Municipality.objects.values_list("code", flat=True)
    if chosen and codes.filter(code=chosen).exists():
        return chosen
    responsible = codes.filter(pk=F("area__responsible_municipality")).first()
    return responsible or codes.order_by("code").first() or ""


def balancing_clients(user, municipality_code: str, counsellor: str = "") -> QuerySet:
    """The searching job seekers served by the municipality that the user may reassign, by name; `counsellor` is a
    responsible counsellor's id, or "none" for those without one."""
    scope = permissions.assignment_scope(user)
    if scope is None or not permissions.can_reassign(user):
        return Jobseeker.objects.none()
    queryset = jobseekers(user).searching().filter(scope, serving_municipality__code=municipality_code)
    if counsellor == "none":
        queryset = queryset.filter(responsible_counsellor__isnull=True)
    elif counsellor.isdigit():
        queryset = queryset.filter(responsible_counsellor_id=int(counsellor))
    return queryset.order_by(*SORTS["name"])
