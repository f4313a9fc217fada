"""Reads of subsidy applications. Every function takes the user; access is asked from accounts.permissions.

An application shows a person, so a read is a read of the job seeker: `get_application` and `log_listing` write the
personal-data access log (the job seeker as the subject), and a refused application is a 404 and a denied row.
"""

from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from django.http import Http404

from accounts import permissions, permissions_subsidies
from audit.services import log_access
from jobseekers import selectors as jobseeker_selectors
from subsidies import assessment, texts
from subsidies.enums import OPEN_STATES, Action, ApplicationState, CaseType
from subsidies.models import Application, Attachment, Transition

SUBJECT_TYPE = jobseeker_selectors.SUBJECT_TYPE
# Who took these steps prepared the application and may not decide it.
PREPARATION_ACTIONS = (Action.START_PREPARATION, Action.PROPOSE)


def decision_scope(user) -> Q | None:
    """The applications the user may decide (their delegations), as a filter, or None."""
    rights = [
        (m, case_type)
        for m, case_type in permissions_subsidies.subsidy_decision_rights(user)
        if case_type in CaseType.values
    ]
    if not rights:
        return None
    return reduce(
        or_,
        (
            Q(serving_municipality_id=municipality, kind__in=CaseType(case_type).kinds())
            for municipality, case_type in rights
        ),
    )


def applications(user) -> QuerySet:
    rows = Application.objects.select_related("jobseeker", "serving_municipality", "preparer")
    if not permissions_subsidies.can_view_subsidy_applications(user):
        return rows.none()
    scope = Q(jobseeker__in=jobseeker_selectors.jobseekers(user).values("pk"))
    deciding = decision_scope(user)
    return rows.filter(scope | deciding if deciding is not None else scope)


def get_application(user, pk, *, view: str, purpose: str) -> Application:
    """The application if the user may read it (its person's read logged); otherwise 404 and a denied row."""
    if not str(pk).isdigit():
        raise Http404
    application = applications(user).filter(pk=pk).first()
    if application is None:
        if permissions.is_staff_member(user):
            # The refused person is logged by who they are, when the application exists at all.
            jobseeker_id = Application.objects.filter(pk=pk).values_list("jobseeker_id", flat=True).first()
            log_access(
                user,
                [jobseeker_id if jobseeker_id is not None else f"subsidies.application:{pk}"],
                view=view,
                purpose=purpose,
                granted=False,
                subject_type=SUBJECT_TYPE,
            )
        raise Http404
    log_access(user, [application.jobseeker], view=view, purpose=purpose)
    return application


def attachments(application: Application) -> QuerySet:
    """The application's files without their content (shown once the application itself was read)."""
    return application.attachments.defer("content").select_related("uploaded_by").order_by("uploaded_at", "pk")


def get_attachment(user, pk, attachment_pk, *, view: str, purpose: str) -> Attachment:
    """A file of an application the user may read, with its content: the same permission as the application, and
    the read logged as a read of its person; otherwise 404 (and a denied row)."""
    application = get_application(user, pk, view=view, purpose=purpose)
    attachment = application.attachments.filter(pk=attachment_pk).first() if str(attachment_pk).isdigit() else None
    if attachment is None:
        raise Http404
    return attachment


def log_listing(user, rows, *, view: str, purpose: str) -> None:
    """A list of applications shows their people: a read of each."""
    log_access(user, [row.jobseeker for row in rows], view=view, purpose=purpose)


def queue(user, *, state: str = "", kind: str = "", open_only: bool = False) -> QuerySet:
    rows = applications(user)
    if state:
        rows = rows.filter(state=state)
    if kind:
        rows = rows.filter(kind=kind)
    if open_only:
        rows = rows.filter(state__in=OPEN_STATES)
    return rows.order_by("received_on", "pk")


def awaiting_decision(user) -> QuerySet:
    """Proposals waiting for this user's decision: within their delegations, not ones they prepared themselves.
    Showing the rows is a read of the people: call log_listing."""
    scope = decision_scope(user)
    if scope is None:
        return Application.objects.none()
    return (
        Application.objects.filter(scope, state=ApplicationState.PROPOSED)
        .exclude(pk__in=Transition.objects.filter(by=user, action__in=PREPARATION_ACTIONS).values("application_id"))
        .select_related("jobseeker", "serving_municipality", "preparer")
        .order_by("received_on", "pk")
    )


def working_group_agenda(user) -> QuerySet:
    """Applications waiting for a working group's statement, within the user's scope."""
    return queue(user, state=ApplicationState.STATEMENT_REQUESTED)


def checklist(application: Application) -> dict:
    """The eligibility checks computed from the data the system holds, each with its rule's source."""
    result = assessment.assess(application)
    return {
        "result": result,
        "rule": texts.rule_text(result.rule) if result.rule else "",
        "amount": texts.amount_text(result) if result.total is not None else "",
        "checks": [
            {
                "text": texts.check_text(check),
                "status": check.status.value,
                "status_text": texts.status_text(check.status),
                "source": check.source,
                "rule_id": check.rule_id,
            }
            for check in result.checks
        ],
    }


def history(application: Application) -> QuerySet:
    return application.transitions.select_related("by").order_by("at", "pk")


DECIDER_STEPS = frozenset({Action.DECIDE, Action.RETURN_TO_PREPARATION, Action.DECIDE_RECTIFICATION})


def available_steps(user, application: Application) -> list[Action]:
    """The steps the user may take now (the services decide again, with reasons, when a step is taken)."""
    prepares = permissions_subsidies.can_prepare_subsidy(user, application)
    decides = (
        permissions_subsidies.can_decide_subsidy(user, application)
        and not application.transitions.filter(by=user, action__in=PREPARATION_ACTIONS).exists()
    )

    def allowed(action: Action) -> bool:
        if action in DECIDER_STEPS:
            return decides
        if action == Action.NOTIFY:
            return prepares or decides
        return prepares

    return [action for action in Action if application.state in action.moves[0] and allowed(action)]
