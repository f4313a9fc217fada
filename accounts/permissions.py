"""The one place where access is decided.

Predicates take the user (and the object when there is one) and answer yes or no. Views, API permission classes
and templates ask these functions; nothing else compares roles.
"""

from accounts.enums import Role

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
