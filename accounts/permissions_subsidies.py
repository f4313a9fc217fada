"""Who may use the subsidy calculator, read, prepare and decide pay-subsidy and start-up grant applications, handle
their payments and read their reports: the subsidy part of accounts.permissions, built on its core predicates."""

from accounts.enums import Role
from accounts.permissions import (
    JOBSEEKER_EDIT_ROLES,
    can_administer,
    can_see_personal_data,
    can_view_jobseeker,
    has_role,
    is_staff_member,
)

# --- Pay subsidy and start-up grant (palkkatuki, starttiraha) ---------------------------------------------------------
#
# The calculator is rules and numbers: every staff member. An application is the job seeker's personal data: whoever
# may read the job seeker reads it, and so does a decision maker who may decide it. Preparation (and recording a
# working group's non-binding statement) is customer work in the job seeker's serving municipality: counsellors and
# supervisors who see the person. A decision is made under a delegation (organisation.Delegation, plan §2): by a
# decision maker whose home municipality holds a delegation for that case type, or by the official a delegation names,
# for applications of the delegation's municipality; what is not delegated the responsible municipality decides.
# The preparer never decides their own case (subsidies.services).


def can_use_subsidy_calculator(user) -> bool:
    return is_staff_member(user)


SUBSIDY_CASE_TYPES = ("pay_subsidy", "startup_grant")


def subsidy_decision_rights(user) -> frozenset[tuple[int, str]]:
    """(municipality id, case type) pairs the user may decide, read from the delegations: the user's own (named
    official) and their home municipality's that name nobody. The responsible municipality is the employment
    authority (Act 380/2023): its decision makers decide what it has not delegated – its own cases and those of
    the municipalities without a delegation for the case type."""
    if not has_role(user, Role.DECISION_MAKER):
        return frozenset()
    rights = set(user.delegations.filter(decides=True).values_list("municipality_id", "case_type"))
    home = user.home_municipality
    if home is None:
        return frozenset(rights)
    rights |= set(
        home.delegations.filter(decides=True, official__isnull=True).values_list("municipality_id", "case_type")
    )
    area = home.area
    if area.responsible_municipality_id == home.pk:
        delegated = set(area.delegations.filter(decides=True).values_list("municipality_id", "case_type"))
        everywhere = {
            (pk, case) for pk in area.municipalities.values_list("pk", flat=True) for case in SUBSIDY_CASE_TYPES
        }
        rights |= everywhere - delegated
    return frozenset(rights)


def can_decide_subsidy(user, application=None) -> bool:
    rights = subsidy_decision_rights(user)
    if application is None:
        # A named official's delegation of another case type (e.g. self-motivated study) decides no subsidy.
        return any(case_type in SUBSIDY_CASE_TYPES for _municipality, case_type in rights)
    return (application.serving_municipality_id, application.case_type) in rights


def can_view_subsidy_applications(user, application=None) -> bool:
    if application is None:
        return can_see_personal_data(user)
    return can_view_jobseeker(user, application.jobseeker) or can_decide_subsidy(user, application)


def can_prepare_subsidy(user, application=None) -> bool:
    allowed = has_role(user, *JOBSEEKER_EDIT_ROLES)
    if not allowed or application is None:
        return allowed
    return can_view_jobseeker(user, application.jobseeker)


# Payments (maksatus): a payment handler records, checks and approves the payment requests and exports them for the
# finance system of their home municipality, when that municipality pays (subsidies.payment_selectors decides which
# municipality pays a decision, from the delegation's payment arrangement). They see of the person only what payment
# needs (name and the decision's figures), never the job seeker's card.


def can_handle_subsidy_payments(user, paying_municipality_id=None) -> bool:
    allowed = has_role(user, Role.PAYMENT_HANDLER) and user.home_municipality_id is not None
    if not allowed or paying_municipality_id is None:
        return allowed
    return user.home_municipality_id == paying_municipality_id


def can_view_subsidy_reports(user) -> bool:
    """Counts and sums by municipality, kind and month, naming nobody: for the area's management and those who lead,
    decide or pay."""
    roles = (Role.AREA_MANAGER, Role.SUPERVISOR, Role.DECISION_MAKER, Role.PAYMENT_HANDLER)
    return has_role(user, *roles) or can_administer(user)
