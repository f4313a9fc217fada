"""The one place where access is decided.

Predicates take the user (and the object when there is one) and answer yes or no. Views, API permission classes
and templates ask these functions; nothing else compares roles. This module holds the core predicates and the
job-seeker scoping; the predicates of subsidies, planning and the cooperation services, built on these, are in
accounts/permissions_subsidies.py, permissions_planning.py and permissions_cooperation.py.
"""

from accounts.enums import Role
from organisation import pools

PERSONAL_DATA_ROLES = frozenset({Role.COUNSELLOR, Role.SUPERVISOR, Role.DECISION_MAKER, Role.ADMINISTRATOR})


def is_staff_member(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def has_role(user, *roles: Role) -> bool:
    return is_staff_member(user) and user.role in roles


def can_view_organisation(user) -> bool:
    """The plan's organisation (municipalities, offices, staffing, targets) is open to every signed-in staff member."""
    return is_staff_member(user)


def can_view_statistics(user) -> bool:
    return is_staff_member(user)


def can_export_tables(user) -> bool:
    return is_staff_member(user)


def can_administer(user) -> bool:
    return has_role(user, Role.ADMINISTRATOR) or bool(is_staff_member(user) and user.is_superuser)


def can_see_personal_data(user) -> bool:
    """Aggregate-only roles (area management, payment, employer services) never see a job seeker's card."""
    return has_role(user, *PERSONAL_DATA_ROLES) or can_administer(user)


def needs_second_factor(user) -> bool:
    """Every staff role handles personal or decision data, so each must have passed TOTP when it is required."""
    return is_staff_member(user) and not user.is_verified()


# --- Job seekers (henkilöasiakkaat) ----------------------------------------------------------------------------------
#
# Who sees which job seeker, decided here and nowhere else. Selectors filter with `jobseeker_scope`, views and the
# API check single records with `can_view_jobseeker`; the two say the same thing (tests/jobseekers/test_scoping.py).
#
# * Counsellor: the customers of the pools they serve – their team's pool ("team:<key>"; e.g. the Paltamo team serves
#   Paltamo, Hyrynsalmi and Ristijärvi residents), or, without a team, their home municipality's pool
#   ("municipality:<code>", used where the serving municipality has no team for the target group) – plus their own
#   clients wherever those are routed now.
# * Supervisor and decision maker: the job seekers whose serving municipality is their home municipality (a supervisor
#   leads that municipality's counsellors; pay-subsidy and start-up grant decisions are made in the municipality that
#   was delegated the power, plan §2). Without a home municipality: none.
# * Administrator (and superuser): every job seeker of the area, for support; every read is logged like anyone's.
# * Area manager, payment handler, employer services: no job seeker at all – aggregates (caseload numbers) only.

JOBSEEKER_EDIT_ROLES = frozenset({Role.COUNSELLOR, Role.SUPERVISOR})
MUNICIPALITY_SCOPED_ROLES = frozenset({Role.SUPERVISOR, Role.DECISION_MAKER})


def may_counsel(user) -> bool:
    """An active counsellor: may be a job seeker's responsible counsellor and be booked for their meetings."""
    return has_role(user, Role.COUNSELLOR)


def counsellors_filter(*, active_only: bool = True):
    """may_counsel as a filter on accounts.User, for selectors that list counsellors (inactive ones on request)."""
    from django.db.models import Q

    return Q(role=Role.COUNSELLOR, is_active=True) if active_only else Q(role=Role.COUNSELLOR)


def counsellor_pool(user) -> str | None:
    """The pool a counsellor-role user belongs to (organisation.pools), whether or not they are active now."""
    if user.role != Role.COUNSELLOR:
        return None
    return pools.counsellor_pool(
        team_key=user.team.key if user.team_id is not None else None,
        municipality_code=user.home_municipality.code if user.home_municipality_id is not None else None,
    )


def counsellor_pools(user) -> frozenset[str]:
    """The counsellor pools an active counsellor serves, as the routing core names them (Pool.id)."""
    pool = counsellor_pool(user) if may_counsel(user) else None
    return frozenset({pool}) if pool else frozenset()


def jobseeker_scope(user):
    """A filter on jobseekers.Jobseeker for the records the user may read, or None when they may read none."""
    from django.db.models import Q

    if not can_see_personal_data(user):
        return None
    if can_administer(user):
        return Q(area_id=user.home_municipality.area_id) if user.home_municipality_id else Q()
    if user.role == Role.COUNSELLOR:
        return Q(pool__in=sorted(counsellor_pools(user))) | Q(responsible_counsellor_id=user.pk)
    if user.role in MUNICIPALITY_SCOPED_ROLES and user.home_municipality_id is not None:
        return Q(serving_municipality_id=user.home_municipality_id)
    return None


def can_view_jobseeker(user, jobseeker) -> bool:
    if not can_see_personal_data(user):
        return False
    if can_administer(user):
        return user.home_municipality_id is None or user.home_municipality.area_id == jobseeker.area_id
    if user.role == Role.COUNSELLOR:
        return jobseeker.pool in counsellor_pools(user) or jobseeker.responsible_counsellor_id == user.pk
    if user.role in MUNICIPALITY_SCOPED_ROLES and user.home_municipality_id is not None:
        return jobseeker.serving_municipality_id == user.home_municipality_id
    return False


def can_search_jobseekers(user) -> bool:
    return can_see_personal_data(user)


def can_register_jobseeker(user) -> bool:
    """Registration is customer work: counsellors and supervisors (and administrators)."""
    return has_role(user, *JOBSEEKER_EDIT_ROLES) or can_administer(user)


def can_edit_jobseeker(user, jobseeker=None) -> bool:
    """Editing a job seeker's details and status, and ending their job search: customer work, within scope."""
    allowed = can_register_jobseeker(user)
    if not allowed or jobseeker is None:
        return allowed
    return can_view_jobseeker(user, jobseeker)


def can_preview_route(user) -> bool:
    """Reception staff ask where a person would be served; the preview reads nobody's data."""
    return can_see_personal_data(user)


def has_own_clients(user) -> bool:
    return has_role(user, Role.COUNSELLOR)


def can_reassign(user, jobseeker=None) -> bool:
    """A supervisor (or administrator) changes a responsible counsellor, with a reason, within their scope."""
    allowed = can_assign_batch(user)
    if not allowed or jobseeker is None:
        return allowed
    return can_view_jobseeker(user, jobseeker)


def can_assign_batch(user) -> bool:
    return has_role(user, Role.SUPERVISOR) or can_administer(user)


def assignment_scope(user):
    """The job seekers a user's batch assignment may touch: a supervisor's municipality, an administrator's area."""
    from django.db.models import Q

    if can_administer(user):
        return Q(area_id=user.home_municipality.area_id) if user.home_municipality_id else Q()
    if has_role(user, Role.SUPERVISOR) and user.home_municipality_id is not None:
        return Q(serving_municipality_id=user.home_municipality_id)
    return None


def leads_municipality(user) -> bool:
    """A supervisor with a home municipality: caseload pages start from that municipality's teams."""
    return has_role(user, Role.SUPERVISOR) and user.home_municipality_id is not None


def can_view_caseloads(user) -> bool:
    """Caseloads are numbers of clients per counsellor, team and municipality – no job seeker's name – for all staff."""
    return is_staff_member(user)


# --- Client journal (asiakaskertomus) ---------------------------------------------------------------------------------
#
# The journal is the job seeker's personal data: whoever may read the person reads their journal, the customer-work
# roles (counsellor, supervisor, administrator) write in it. An entry is never changed; a correction replaces its text
# for every reader except the author's supervisor (a supervisor of the municipality the author worked for when
# writing) and administrators, who still read the original.


def can_view_journal(user, jobseeker=None) -> bool:
    if jobseeker is None:
        return can_see_personal_data(user)
    return can_view_jobseeker(user, jobseeker)


def can_write_journal(user, jobseeker=None) -> bool:
    allowed = can_register_jobseeker(user)
    if not allowed or jobseeker is None:
        return allowed
    return can_view_jobseeker(user, jobseeker)


def can_export_journal(user, jobseeker) -> bool:
    return can_export_tables(user) and can_view_journal(user, jobseeker)


def sees_corrected_original(user, entry) -> bool:
    """The original text of a corrected journal entry: for the author's supervisor and administrators only."""
    if can_administer(user):
        return True
    return (
        has_role(user, Role.SUPERVISOR)
        and user.home_municipality_id is not None
        and user.home_municipality_id == entry.author_municipality_id
    )


def corrected_original_scope(user):
    """sees_corrected_original as a filter on jobseekers.JournalEntry, or None when the user sees no original."""
    from django.db.models import Q

    if can_administer(user):
        return Q()
    if has_role(user, Role.SUPERVISOR) and user.home_municipality_id is not None:
        return Q(author_municipality_id=user.home_municipality_id)
    return None


# --- Service model: meetings, employment plans, deadlines, worklists --------------------------------------------------
#
# A job seeker's meetings and plan are their personal data: whoever may read the job seeker (can_view_jobseeker) may
# read them, and the customer-work roles (counsellor, supervisor, administrator) may book and record. The worklist
# ("my week") is a counsellor's own clients. The supervisor's overview holds counts per counsellor and municipality,
# no names: a supervisor sees their municipality, the area's management and the administrator the whole area. The
# monthly on-time rate of the area and the deadline calculator are numbers and rules only, for all staff.


def can_view_meetings(user, jobseeker=None) -> bool:
    if jobseeker is None:
        return can_see_personal_data(user)
    return can_view_jobseeker(user, jobseeker)


def can_manage_meetings(user, jobseeker=None) -> bool:
    allowed = can_register_jobseeker(user)
    if not allowed or jobseeker is None:
        return allowed
    return can_view_jobseeker(user, jobseeker)


def can_view_worklist(user) -> bool:
    return has_own_clients(user)


def can_view_agenda(user, counsellor=None) -> bool:
    """A counsellor's day agenda and working hours: the counsellor's own, and those of the counsellors a supervisor
    leads (same home municipality). Without a counsellor: whether the user has any agenda to open."""
    if counsellor is None:
        return has_own_clients(user) or leads_municipality(user)
    if counsellor.role != Role.COUNSELLOR:
        return False
    if has_own_clients(user):
        return counsellor.pk == user.pk
    return leads_municipality(user) and counsellor.home_municipality_id == user.home_municipality_id


def can_edit_working_hours(user, counsellor) -> bool:
    return can_view_agenda(user, counsellor)


def can_view_service_overview(user) -> bool:
    return has_role(user, Role.SUPERVISOR, Role.AREA_MANAGER) or can_administer(user)


def service_overview_scope(user):
    """A filter on rows carrying `serving_municipality` (deadlines, meetings) for the overview, or None for none."""
    from django.db.models import Q

    if not can_view_service_overview(user):
        return None
    if has_role(user, Role.SUPERVISOR):
        return Q(serving_municipality_id=user.home_municipality_id) if user.home_municipality_id else None
    if user.home_municipality_id is not None:
        return Q(serving_municipality__area_id=user.home_municipality.area_id)
    return Q()


def can_view_on_time_rate(user) -> bool:
    return is_staff_member(user)


def can_use_deadline_calculator(user) -> bool:
    return is_staff_member(user)


# --- Correspondence: invitations and the plan as a letter to the client ----------------------------------------------
#
# Sending a message is customer work recorded in the journal: whoever books the person's meetings and writes their
# journal may preview, download and send it. Both rules are the same today; asking both keeps sending from outliving
# a change to either.


def can_send_to_client(user, jobseeker=None) -> bool:
    return can_manage_meetings(user, jobseeker) and can_write_journal(user, jobseeker)


def can_view_access_log(user) -> bool:
    """The personal-data access log is read by administrators only; nobody can change or delete it."""
    return can_administer(user)


# --- Unemployment-security statements (työvoimapoliittiset lausunnot) -----------------------------------------------
#
# A statement is the job seeker's personal data: whoever may read the person reads their statements. The roles that
# work with clients (counsellor, supervisor, decision maker, administrator) draft, hear and propose; only a decision
# maker approves or returns, and only for a job seeker whose serving municipality is their home municipality. The
# area's delegations (organisation.Delegation) name no statement case type, so the serving municipality's decision
# maker decides (docs/decisions/0008-statements-app.md). That nobody approves a statement they drafted or proposed is
# a rule of the statement (statements/services.py), not an access right.

STATEMENT_DRAFTERS = frozenset({Role.COUNSELLOR, Role.SUPERVISOR, Role.DECISION_MAKER})


def can_view_statements(user, jobseeker=None) -> bool:
    if jobseeker is None:
        return can_see_personal_data(user)
    return can_view_jobseeker(user, jobseeker)


def can_draft_statement(user, jobseeker=None) -> bool:
    allowed = has_role(user, *STATEMENT_DRAFTERS) or can_administer(user)
    if not allowed or jobseeker is None:
        return allowed
    return can_view_jobseeker(user, jobseeker)


def can_approve_statements(user) -> bool:
    return has_role(user, Role.DECISION_MAKER) and user.home_municipality_id is not None


def can_approve_statement(user, statement) -> bool:
    return can_approve_statements(user) and statement.jobseeker.serving_municipality_id == user.home_municipality_id


def statement_approval_scope(user):
    """can_approve_statement as a filter on statements.Statement, or None when the user approves none."""
    from django.db.models import Q

    if not can_approve_statements(user):
        return None
    return Q(jobseeker__serving_municipality_id=user.home_municipality_id)


def can_export_statements(user) -> bool:
    return can_export_tables(user) and can_view_statements(user)


# --- Employers and vacancies (työnantajat, avoimet työpaikat) ---------------------------------------------------------
#
# Employers and vacancies are not personal data: every staff member reads them (counsellors offer the jobs). Employer
# services (centralised for the whole area, plan §2) and the administrator create and edit employers and their
# vacancies and open, fill, close and cancel them. Contact persons are work contacts shown with the employer; see
# docs/decisions/0009-employers-app.md.


def can_view_employers(user) -> bool:
    return is_staff_member(user)


def can_manage_employers(user) -> bool:
    return has_role(user, Role.EMPLOYER_SERVICES) or can_administer(user)


def can_manage_vacancies(user) -> bool:
    return has_role(user, Role.EMPLOYER_SERVICES) or can_administer(user)


# --- Matching, job offers and mobility (työnvälitys, työtarjoukset, liikkuvuus) ---------------------------------------
#
# A person's matches and job offers are their personal data: whoever reads the person reads them, and the customer-work
# roles (counsellor, supervisor, administrator) make offers and record their outcomes. A vacancy's candidates are for
# employer services and the roles that see job seekers; each candidate is named only to a user who may read that
# person (can_view_jobseeker), the others are counted – so employer services, who read nobody, see counts only. The
# mobility report counts offers and hires by municipality pair and names nobody: every staff member reads it.


def can_view_matches(user, jobseeker=None) -> bool:
    if jobseeker is None:
        return can_see_personal_data(user)
    return can_view_jobseeker(user, jobseeker)


def can_make_job_offer(user, jobseeker=None) -> bool:
    allowed = has_role(user, *JOBSEEKER_EDIT_ROLES) or can_administer(user)
    if not allowed or jobseeker is None:
        return allowed
    return can_view_jobseeker(user, jobseeker)


def can_view_candidates(user) -> bool:
    return has_role(user, Role.EMPLOYER_SERVICES) or can_see_personal_data(user)


def can_view_mobility_report(user) -> bool:
    return is_staff_member(user)


# --- Competence survey (osaamiskartoitus) -------------------------------------------------------------------------
#
# Every staff member answers for themselves. Individual answers are seen by the person, their supervisor (a supervisor
# whose home municipality is the person's) and administrators; the supervisor adds their own assessment. Everyone else
# – the area's management included – sees aggregates, in which a group of fewer than three people is not shown
# (competence.gaps.MINIMUM_GROUP). Importing the answers of staff without accounts is the administrator's.


def can_answer_competence_survey(user) -> bool:
    return is_staff_member(user) and user.home_municipality_id is not None


def can_view_competence_aggregates(user) -> bool:
    return is_staff_member(user)


def can_view_competence_answers(user, respondent=None) -> bool:
    """Without a respondent: whether the user sees anyone's answers besides their own."""
    if can_administer(user):
        return True
    if respondent is None:
        return leads_municipality(user)
    if is_staff_member(user) and respondent.user_id == user.pk:
        return True
    return leads_municipality(user) and respondent.municipality_id == user.home_municipality_id


def competence_answers_scope(user):
    """can_view_competence_answers as a filter on competence.Respondent, or None when the user sees none but own."""
    from django.db.models import Q

    if can_administer(user):
        return Q(survey_round__area_id=user.home_municipality.area_id) if user.home_municipality_id else Q()
    if leads_municipality(user):
        return Q(municipality_id=user.home_municipality_id)
    return None


def can_assess_competence(user, respondent) -> bool:
    """The supervisor's assessment: the person's supervisor, never of their own answers."""
    return (
        leads_municipality(user)
        and respondent.municipality_id == user.home_municipality_id
        and respondent.user_id != user.pk
    )


def can_import_competence(user) -> bool:
    return can_administer(user)
