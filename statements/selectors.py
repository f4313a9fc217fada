"""Reads of statements. Every function takes the user; access is asked from accounts.permissions.

A statement is its job seeker's personal data: `get_statement` finds it by id and then reads the person through the
registry's `get_jobseeker`, which logs the read (or the refusal, with a 404 that does not tell whether the statement
exists). A list that shows people logs each of them (`log_listing`).
"""

from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from accounts import permissions
from jobseekers import selectors as jobseeker_selectors
from statements import assessment, enums, rules
from statements.models import Statement

SORTS = {
    "conduct": ("conduct_on", "pk"),
    "-conduct": ("-conduct_on", "-pk"),
    "created": ("created_at", "pk"),
    "-created": ("-created_at", "-pk"),
    "name": ("jobseeker__last_name", "jobseeker__first_name", "pk"),
    "-name": ("-jobseeker__last_name", "-jobseeker__first_name", "-pk"),
    "state": ("state", "-created_at", "-pk"),
    "-state": ("-state", "-created_at", "-pk"),
}
DEFAULT_SORT = "-created"


@dataclass(frozen=True)
class StatementFilters:
    state: str = ""
    case_type: str = ""
    jobseeker: int | None = None
    sort: str = DEFAULT_SORT


def statements(user) -> QuerySet:
    """The statements of the job seekers the user may read."""
    if not permissions.can_view_statements(user):
        return Statement.objects.none()
    people = jobseeker_selectors.jobseekers(user).values("pk")
    return Statement.objects.filter(jobseeker__in=people).select_related(
        "jobseeker", "drafted_by", "proposed_by", "decided_by"
    )


def statement_list(user, filters: StatementFilters = StatementFilters()) -> QuerySet:
    found = statements(user)
    if filters.state:
        found = found.filter(state=filters.state)
    if filters.case_type:
        found = found.filter(case_type=filters.case_type)
    if filters.jobseeker is not None:
        found = found.filter(jobseeker_id=filters.jobseeker)
    return found.order_by(*SORTS.get(filters.sort, SORTS[DEFAULT_SORT]))


def approved(user) -> QuerySet:
    """The approved statements the user may read, newest decision first: the export's rows."""
    return statements(user).filter(state=enums.StatementState.APPROVED).order_by("-decided_on", "-pk")


def awaiting_decision(user) -> QuerySet:
    """The statements waiting for this decision maker's approval: in their municipality and not their own (nobody
    approves what they drafted or proposed). The page that shows names logs them with `log_listing`."""
    scope = permissions.statement_approval_scope(user)
    if scope is None:
        return Statement.objects.none()
    return (
        statements(user)
        .filter(scope, state=enums.StatementState.AWAITING_APPROVAL)
        .exclude(drafted_by=user)
        .exclude(proposed_by=user)
        .order_by("updated_at", "pk")
    )


def get_statement(user, pk, *, view: str, purpose: str) -> Statement:
    """The statement if the user may read its job seeker (logged); otherwise 404 (a refusal logged for the person)."""
    statement = Statement.objects.filter(pk=pk).select_related("jobseeker").first() if str(pk).isdigit() else None
    if statement is None:
        raise Http404
    jobseeker = jobseeker_selectors.get_jobseeker(user, statement.jobseeker_id, view=view, purpose=purpose)
    if not permissions.can_view_statements(user, jobseeker):
        raise Http404
    return statements(user).get(pk=statement.pk)


def get_jobseeker(user, pk, *, view: str, purpose: str):
    """The job seeker a statement is drafted for (the read logged, 404 out of scope)."""
    return jobseeker_selectors.get_jobseeker(user, pk, view=view, purpose=purpose)


def log_listing(user, shown, *, view: str, purpose: str) -> None:
    """A list of statements shows their people: a read of each."""
    jobseeker_selectors.log_listing(user, [statement.jobseeker for statement in shown], view=view, purpose=purpose)


def of_jobseeker(user, jobseeker) -> QuerySet:
    """A job seeker's statements, for their card (whose view logged the read)."""
    if not permissions.can_view_statements(user, jobseeker):
        return Statement.objects.none()
    return Statement.objects.filter(jobseeker=jobseeker).order_by("-created_at", "-pk")


def transitions(statement: Statement) -> QuerySet:
    return statement.transitions.select_related("by").order_by("at", "pk")


def preview(statement: Statement) -> rules.Assessment | None:
    """What approving now would state: the rules' answer with today's approved history (None before a finding)."""
    if statement.valid_reason is None:
        return None
    return assessment.assess(statement)
