"""Reads for the subsidy reports: plain rows with no person in them (municipality, kind, days, amounts), handed to
the pure subsidies.reports. Only for the report roles (accounts.permissions_subsidies.can_view_subsidy_reports)."""

from django.utils import timezone

from accounts import permissions_subsidies
from subsidies import reports
from subsidies.enums import ApplicationState, DecisionKind, Outcome, PaymentState
from subsidies.models import Application, Decision, PaymentRequest


def decision_rows(user) -> list[reports.DecisionRow]:
    if not permissions_subsidies.can_view_subsidy_reports(user):
        return []
    rows = Decision.objects.values_list(
        "municipality__name_fi", "application__kind", "decided_at", "outcome", "kind", "total"
    )
    return [
        reports.DecisionRow(
            municipality,
            kind,
            timezone.localdate(decided_at),
            outcome == Outcome.GRANTED,
            decision_kind == DecisionKind.RECTIFICATION,
            total,
        )
        for municipality, kind, decided_at, outcome, decision_kind, total in rows
    ]


def payment_rows(user) -> list[reports.PaymentRow]:
    """Approved and paid payments, by the deciding municipality and the month their period starts."""
    if not permissions_subsidies.can_view_subsidy_reports(user):
        return []
    rows = PaymentRequest.objects.filter(state__in=(PaymentState.APPROVED, PaymentState.EXPORTED)).values_list(
        "application__serving_municipality__name_fi", "application__kind", "period_start", "state", "amount"
    )
    return [
        reports.PaymentRow(municipality, kind, start, state == PaymentState.EXPORTED, amount)
        for municipality, kind, start, state, amount in rows
    ]


def processing_rows(user) -> list[reports.Processing]:
    """Each application's receipt and its first decision's day (the rectification's is not the processing time)."""
    if not permissions_subsidies.can_view_subsidy_reports(user):
        return []
    first = {
        application_id: timezone.localdate(decided_at)
        for application_id, decided_at in Decision.objects.filter(kind=DecisionKind.DECISION).values_list(
            "application_id", "decided_at"
        )
    }
    rows = Application.objects.values_list("pk", "serving_municipality__name_fi", "kind", "received_on", "state")
    return [
        reports.Processing(municipality, kind, received_on, first.get(pk), state == ApplicationState.CLOSED)
        for pk, municipality, kind, received_on, state in rows
    ]
