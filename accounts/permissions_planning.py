"""Who may read and run planning (capacity, scenarios), keep the shared phone service's staffing and the structural
change registry, flag change-security customers, and generate and edit the plan document: the planning part of
accounts.permissions, built on its core predicates."""

from accounts.enums import Role
from accounts.permissions import (
    can_administer,
    can_edit_jobseeker,
    has_role,
    is_staff_member,
    jobseeker_scope,
    leads_municipality,
)

# --- Planning (suunnittelu): capacity, workload, scenarios ------------------------------------------------------------
#
# Numbers per municipality and team, never a person. The area's management and administrators see the whole area; a
# supervisor sees the unit that serves their home municipality. Scenarios are the management's: they write them, a
# supervisor reads and runs them within their municipality.


def can_view_planning(user) -> bool:
    return has_role(user, Role.AREA_MANAGER) or leads_municipality(user) or can_administer(user)


def planning_municipality(user) -> str | None:
    """The municipality code a planning page is limited to, or None for the whole area."""
    if has_role(user, Role.SUPERVISOR) and not can_administer(user):
        return user.home_municipality.code
    return None


def can_manage_scenarios(user) -> bool:
    return has_role(user, Role.AREA_MANAGER) or can_administer(user)


# The shared phone service's staffing: call volumes and the rota are numbers, read by the planning roles; the area's
# management (and administrators) store weeks of volumes and keep the rota.
def can_manage_phone_service(user) -> bool:
    return has_role(user, Role.AREA_MANAGER) or can_administer(user)


# Structural change (rakennemuutos, plan §6): the registry of change situations names employers, not persons, and is
# open to all staff; the structural-change working group (management, supervisors, employer services) keeps it and
# its checklists. Counsellors and supervisors mark their clients as change-security customers (muutosturva) within
# the job seeker's scope. Who is flagged is seen by a counsellor for their own clients, by a supervisor for their
# municipality and by administrators; everyone else – the area's management included – sees counts only.
def can_view_change_situations(user) -> bool:
    return is_staff_member(user)


def can_manage_change_situations(user) -> bool:
    return has_role(user, Role.AREA_MANAGER, Role.EMPLOYER_SERVICES) or leads_municipality(user) or can_administer(user)


def can_flag_change_security(user, jobseeker=None) -> bool:
    return can_edit_jobseeker(user, jobseeker)


def change_security_people_scope(user):
    """A filter on planning.ChangeSecurityCustomer for the customers the user may see by name, or None.

    A counsellor's own: their clients, and the people they flagged whose job search has since ended (the outcome of
    their work), both within the counsellor's job-seeker scope."""
    from django.db.models import Q

    people = jobseeker_scope(user)
    if people is None or not (has_role(user, Role.COUNSELLOR) or leads_municipality(user) or can_administer(user)):
        return None
    in_scope = Q(jobseeker__in=_jobseekers(people))
    if has_role(user, Role.COUNSELLOR):
        return in_scope & (Q(jobseeker__responsible_counsellor_id=user.pk) | Q(flagged_by_id=user.pk))
    return in_scope


def _jobseekers(scope):
    from django.apps import apps

    return apps.get_model("jobseekers", "Jobseeker").objects.filter(scope).values("pk")


# --- Plan document (suunnitelma työvoimapalveluiden järjestämiseksi) ---------------------------------------------
#
# The plan names nobody, but each generated version is stored and compared with the next as the area's own record, so
# generating, previewing and listing versions belong to the area's management, who own the plan, and administrators.
# The narrative of its six sections is the management's text to keep, edited by the same roles.


def can_generate_plan(user) -> bool:
    return has_role(user, Role.AREA_MANAGER) or can_administer(user)


def can_edit_plan_texts(user) -> bool:
    return has_role(user, Role.AREA_MANAGER) or can_administer(user)
