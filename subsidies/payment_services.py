"""Writes of subsidy payments: recording a payment request, approving or rejecting it, and exporting the approved
ones for the finance system.

One transaction each, every problem collected and raised naming its field, nothing written on a refusal. A request is
checked by the pure core (subsidies.payments) against its decision and the application's other live requests while
the application row is locked, so two requests for the same month cannot both pass. An export takes the approved,
not yet exported requests of the user's finance under row locks and marks them exported with the file in the same
transaction: a second export finds nothing left to pay, and an application whose last month is then paid is closed
in it (subsidies.closing). Whoever recorded a request never approves it (four eyes).
"""

import hashlib
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions_subsidies
from common.errors import Errors
from common.locks import serialize_on
from common.tables import csv_response
from subsidies import closing, payment_selectors, payments, tables, texts
from subsidies.enums import ApplicationState, Outcome, PaymentState, SubsidyKind
from subsidies.models import Application, Decision, PaymentExport, PaymentRequest


def _problems(assessment: payments.Assessment, errors: Errors) -> None:
    for problem in assessment.problems:
        errors.add(problem.field, texts.payment_problem_text(problem))


def _grant(decision: Decision, errors: Errors) -> payments.Grant | None:
    grant = payment_selectors.grant_of(decision)
    if grant is None:
        errors.add(NON_FIELD_ERRORS, _("Päätöksen sääntöä %(rule)s ei löydy.") % {"rule": decision.rule_key})
    return grant


def record_payment(
    decision_id,
    *,
    by,
    received_on,
    period_start,
    period_end,
    amount: Decimal | None,
    pay_costs: Decimal | None = None,
    pay_slip_reference: str = "",
) -> PaymentRequest:
    errors = Errors()
    with transaction.atomic():
        decision = Decision.objects.filter(pk=decision_id).first()
        if decision is not None:
            # The application's row is the lock: the month check below sees every request committed before.
            application = Application.objects.select_for_update().get(pk=decision.application_id)
            payer = payment_selectors.paying_municipality_id(application)
        if decision is None or not permissions_subsidies.can_handle_subsidy_payments(by, payer):
            errors.add(NON_FIELD_ERRORS, _("Maksatusta käsittelee maksavan kunnan maksatuskäsittelijä."))
            errors.raise_if_any()
        if application.state == ApplicationState.CLOSED:
            errors.add(NON_FIELD_ERRORS, _("Hakemuksen käsittely on päättynyt: sen jälkeen ei makseta."))
            errors.raise_if_any()
        if (
            application.state != ApplicationState.NOTIFIED
            or payment_selectors.latest_decision(application) != decision
            or decision.outcome != Outcome.GRANTED
        ):
            errors.add(
                NON_FIELD_ERRORS, _("Maksaa voidaan vain voimassa olevan myönteisen päätöksen tiedoksiannon jälkeen.")
            )
            errors.raise_if_any()
        if received_on is None or received_on > timezone.localdate():
            errors.add("received_on", _("Saapumispäivä ei voi olla tulevaisuudessa."))
        start_up = application.kind == SubsidyKind.START_UP_GRANT
        if not start_up and not pay_slip_reference.strip():
            errors.add("pay_slip_reference", _("Palkkatuen maksatukseen tarvitaan palkkalaskelman viite."))
        for name, value in (("period_start", period_start), ("period_end", period_end), ("amount", amount)):
            if value is None:
                errors.add(name, _("Pakollinen tieto."))
        grant = _grant(decision, errors)
        if grant is not None and None not in (period_start, period_end, amount):
            claim = payments.Claim(period_start, period_end, amount, None if start_up else pay_costs)
            _problems(payments.assess(grant, claim, payment_selectors.live_claims(application)), errors)
        errors.raise_if_any()
        return PaymentRequest.objects.create(
            application=application,
            decision=decision,
            paying_municipality_id=payer,
            received_on=received_on,
            period_start=period_start,
            period_end=period_end,
            amount=amount,
            pay_costs=None if start_up else pay_costs,
            pay_slip_reference=pay_slip_reference.strip(),
            recorded_by=by,
        )


def _locked_request(pk, by, errors: Errors) -> PaymentRequest:
    row = (
        PaymentRequest.objects.select_for_update(of=("self",))
        .select_related("application", "decision")
        .filter(pk=pk)
        .first()
    )
    if row is None or not permissions_subsidies.can_handle_subsidy_payments(by, row.paying_municipality_id):
        errors.add(NON_FIELD_ERRORS, _("Maksatusta käsittelee maksavan kunnan maksatuskäsittelijä."))
    elif row.state != PaymentState.SUBMITTED:
        errors.add(
            NON_FIELD_ERRORS,
            _("Maksatushakemus on jo käsitelty (%(state)s).") % {"state": row.get_state_display()},
        )
    errors.raise_if_any()
    return row


def approve_payment(pk, *, by) -> PaymentRequest:
    """Approved for payment when it still fits the decision (checked again: the figures are what is paid)."""
    errors = Errors()
    with transaction.atomic():
        row = _locked_request(pk, by, errors)
        application = Application.objects.select_for_update().get(pk=row.application_id)
        if row.recorded_by_id == by.pk:
            # Four eyes: whoever entered the figures does not also release the money.
            errors.add(
                "recorded_by",
                _("Et voi hyväksyä maksatushakemusta, jonka olet itse kirjannut: hyväksyjän on oltava eri henkilö."),
            )
        if application.state == ApplicationState.CLOSED:
            errors.add(NON_FIELD_ERRORS, _("Hakemuksen käsittely on päättynyt: sen jälkeen ei makseta."))
        errors.raise_if_any()
        grant = _grant(row.decision, errors)
        if grant is not None:
            claim = payments.Claim(row.period_start, row.period_end, row.amount, row.pay_costs)
            others = payment_selectors.live_claims(application, excluding=row.pk)
            _problems(payments.assess(grant, claim, others), errors)
        errors.raise_if_any()
        row.state = PaymentState.APPROVED
        row.handled_by, row.handled_at = by, timezone.now()
        row.save(update_fields=["state", "handled_by", "handled_at"])
        return row


def reject_payment(pk, *, by, reasons: str) -> PaymentRequest:
    errors = Errors()
    with transaction.atomic():
        row = _locked_request(pk, by, errors)
        if not reasons.strip():
            errors.add("reasons", _("Hylkäys tarvitsee perustelut."))
        errors.raise_if_any()
        row.state = PaymentState.REJECTED
        row.handled_by, row.handled_at = by, timezone.now()
        row.rejection_reasons = reasons.strip()
        row.save(update_fields=["state", "handled_by", "handled_at", "rejection_reasons"])
        return row


def export_payments(*, by) -> PaymentExport:
    """The approved payments of the user's finance as one CSV file, each marked exported with it."""
    errors = Errors()
    if not permissions_subsidies.can_handle_subsidy_payments(by):
        errors.add(NON_FIELD_ERRORS, _("Maksuaineiston laatii maksatuskäsittelijä."))
        errors.raise_if_any()
    municipality_id = by.home_municipality_id
    with transaction.atomic():
        serialize_on(f"subsidies.payment_export:{municipality_id}")
        rows = list(
            payment_selectors.awaiting_export(by)
            .select_for_update(of=("self",))
            .select_related("paying_municipality")
            .order_by("pk")
        )
        if not rows:
            errors.add(NON_FIELD_ERRORS, _("Maksuun hyväksyttyjä, siirtämättömiä maksuja ei ole."))
            errors.raise_if_any()
        export = PaymentExport.objects.create(
            paying_municipality_id=municipality_id,
            created_by=by,
            count=len(rows),
            total=sum((row.amount for row in rows), Decimal(0)),
            content=b"",
            content_sha256="",
        )
        content = csv_response(tables.payment_file_table(rows, export)).content
        PaymentExport.objects.filter(pk=export.pk).update(
            content=content, content_sha256=hashlib.sha256(content).hexdigest()
        )
        PaymentRequest.objects.filter(pk__in=[row.pk for row in rows]).update(
            state=PaymentState.EXPORTED, export=export
        )
        closing.close_if_paid([row.application_id for row in rows], by=by)
    export.refresh_from_db()
    return export
