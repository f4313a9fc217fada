"""Who may read and work with the cooperation services (procurement, TYP, integration, youth point, international
recruitment and events): the cooperation part of accounts.permissions, built on its core predicates."""

from accounts.enums import Role
from accounts.permissions import (
    JOBSEEKER_EDIT_ROLES,
    can_administer,
    can_see_personal_data,
    can_view_jobseeker,
    has_role,
    is_staff_member,
)

# --- Cooperation services (yhteistyöpalvelut): procurement, TYP, international recruitment --------------------------
#
# Service needs, the procurement working group's agendas, procurements and the cooperation report name nobody: all
# staff read them. Needs are raised from the customer interface (plan §4): counsellors, supervisors and employer
# services. The area has no working-group membership of its own, so supervisors and the area's management act as the
# procurement working group (docs/decisions/0010-cooperation-roles.md). A job seeker's bought place, TYP assessment,
# consents and referrals are the person's data: whoever reads the person reads them, the customer-work roles write
# them. International recruitment is centralised employer work (plan §2, §5): employer services, counsellors,
# supervisors and administrators; a spouse who is a registered job seeker is shown only to whoever reads that person.

NEED_RAISERS = frozenset({Role.COUNSELLOR, Role.SUPERVISOR, Role.EMPLOYER_SERVICES})
PROCUREMENT_GROUP = frozenset({Role.SUPERVISOR, Role.AREA_MANAGER})
RECRUITMENT_ROLES = frozenset({Role.COUNSELLOR, Role.SUPERVISOR, Role.EMPLOYER_SERVICES})


def can_view_cooperation(user) -> bool:
    return is_staff_member(user)


def can_raise_service_need(user) -> bool:
    return has_role(user, *NEED_RAISERS) or can_administer(user)


def can_act_as_procurement_group(user) -> bool:
    return has_role(user, *PROCUREMENT_GROUP) or can_administer(user)


def can_view_cooperation_clients(user, jobseeker=None) -> bool:
    if jobseeker is None:
        return can_see_personal_data(user)
    return can_view_jobseeker(user, jobseeker)


def can_work_with_cooperation_clients(user, jobseeker=None) -> bool:
    """Referring to a bought place, the TYP assessment, consents and referrals: customer work within scope."""
    allowed = has_role(user, *JOBSEEKER_EDIT_ROLES) or can_administer(user)
    if not allowed or jobseeker is None:
        return allowed
    return can_view_jobseeker(user, jobseeker)


def can_work_on_recruitment(user) -> bool:
    return has_role(user, *RECRUITMENT_ROLES) or can_administer(user)
