"""The end of the payment phase: an application moves from notified to closed (subsidies.enums.Action.CLOSE).

* By itself, inside the payment export's transaction, when every month of the decision in force is in a payment file
  (subsidies.payments.fully_paid); the transition is attributed to the payment handler who made the file.
* By the preparing municipality's counsellor or supervisor: a granted subsidy once its period has ended and no payment
  request is still waiting (recorded or approved but not in a file); a rejection once the time to request
  rectification has passed. A refusal says which condition holds it open.

A closed application is never paid again: recording a payment requires a notified application, and approving one
checks that its application is not closed.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions_subsidies
from common.errors import Errors
from common.formatting import local_date
from subsidies import documents, payment_selectors, payments, workflow
from subsidies.enums import Action, ApplicationState, Outcome, PaymentState
from subsidies.models import Application, PaymentRequest

PENDING_PAYMENT_STATES = (PaymentState.SUBMITTED, PaymentState.APPROVED)


def close(application_id, *, by, note: str = "") -> Application:
    errors = Errors()
    with transaction.atomic():
        application = workflow.start(application_id, Action.CLOSE, by, errors)
        if not permissions_subsidies.can_prepare_subsidy(by, application):
            errors.add(
                NON_FIELD_ERRORS,
                _("Käsittelyn päättää hakemusta valmistelevan kunnan (%(municipality)s) ohjaaja tai lähiesihenkilö.")
                % {"municipality": application.serving_municipality.name_fi},
            )
            errors.raise_if_any()
        decision = payment_selectors.latest_decision(application)
        today = timezone.localdate()
        if decision.outcome == Outcome.GRANTED:
            if decision.end_date >= today:
                errors.add(
                    NON_FIELD_ERRORS,
                    _(
                        "Tukijakso päättyy %(day)s: sitä ennen käsittely päättyy vain, kun jakson viimeinenkin "
                        "kuukausi on maksettu."
                    )
                    % {"day": local_date(decision.end_date)},
                )
            pending = PaymentRequest.objects.filter(application=application, state__in=PENDING_PAYMENT_STATES).count()
            if pending:
                errors.add(
                    NON_FIELD_ERRORS,
                    _(
                        "Maksatushakemuksia on vielä käsittelemättä tai siirtämättä maksuun (%(count)s): ne "
                        "käsitellään ensin."
                    )
                    % {"count": pending},
                )
        else:
            deadline = documents.rectification_deadline(application.notified_on)
            if today <= deadline:
                errors.add(
                    NON_FIELD_ERRORS,
                    _("Oikaisuvaatimuksen määräaika päättyy %(day)s: käsittely päätetään vasta sen jälkeen.")
                    % {"day": local_date(deadline)},
                )
        errors.raise_if_any()
        return workflow.move(application, Action.CLOSE, by, note.strip())


def close_if_paid(application_ids, *, by) -> list[int]:
    """Close each notified application whose every month is in a payment file; called inside the export's
    transaction, after its requests are marked exported. Returns the closed ones' ids."""
    closed = []
    for application_id in sorted(set(application_ids)):
        application = workflow.locked(application_id)
        if application.state != ApplicationState.NOTIFIED:
            continue
        decision = payment_selectors.latest_decision(application)
        # A rectification that turned the grant into a rejection has no period to pay: nothing closes it here.
        if decision is None or decision.outcome != Outcome.GRANTED:
            continue
        grant = payment_selectors.grant_of(decision)
        if grant is None:
            continue
        # Every decision's paid months count, as in the month check (payment_selectors.live_claims): a rectification
        # that upholds the grant is a new decision, and the months paid under the first one are not paid again.
        paid = [
            payments.Claim(row.period_start, row.period_end, row.amount, row.pay_costs)
            for row in PaymentRequest.objects.filter(application=application, state=PaymentState.EXPORTED)
        ]
        if payments.fully_paid(grant, paid):
            workflow.move(application, Action.CLOSE, by, _("Tukijakson viimeinen kuukausi on siirretty maksuun."))
            closed.append(application_id)
    return closed
