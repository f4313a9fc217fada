"""Two writers at the same moment: exactly one decision is made, one request for a month is recorded, and one export
pays each payment."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from organisation.models import Team
from subsidies import payment_services, services
from subsidies.models import Decision, PaymentExport, PaymentRequest
from tests.concurrency import race
from tests.subsidies.factories import advance, make_application

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def test_two_decisions_at_once_one_wins(area, rates, make_user):
    preparer = make_user(role="counsellor", municipality_code="578", team=Team.objects.get(key="paltamo-pienet-kunnat"))
    deciders = [make_user(role="decision_maker", municipality_code="578") for _ in range(2)]
    application = advance(make_application(preparer), preparer, to="proposed")

    outcomes = race(*(lambda by=by: services.decide(application.pk, by=by) for by in deciders))
    assert sorted(outcome.ok for outcome in outcomes) == [False, True], [repr(o.error) for o in outcomes]
    loser = next(outcome.error for outcome in outcomes if not outcome.ok)
    assert isinstance(loser, ValidationError), repr(loser)
    assert Decision.objects.filter(application=application).count() == 1


def _granted_and_payers(make_user):
    from django.utils import timezone

    preparer = make_user(role="counsellor", municipality_code="578", team=Team.objects.get(key="paltamo-pienet-kunnat"))
    decider = make_user(role="decision_maker", municipality_code="578")
    application = advance(make_application(preparer), preparer, to="notified", decider=decider)
    payers = [make_user(role="payment_handler", municipality_code="205") for _ in range(2)]
    values = {"received_on": timezone.localdate(), "period_start": date(2025, 3, 1), "period_end": date(2025, 3, 31),
              "amount": Decimal("1260.00"), "pay_costs": Decimal("2800.00"), "pay_slip_reference": "PL-3"}  # fmt: skip
    return application, payers, values


def test_two_requests_for_the_same_month_at_once_one_is_recorded(area, rates, make_user):
    application, payers, values = _granted_and_payers(make_user)
    decision = application.decisions.get().pk
    outcomes = race(*(lambda by=by: payment_services.record_payment(decision, by=by, **values) for by in payers))
    assert sorted(outcome.ok for outcome in outcomes) == [False, True], [repr(o.error) for o in outcomes]
    assert PaymentRequest.objects.count() == 1


def test_two_exports_at_once_pay_each_payment_once(area, rates, make_user):
    application, payers, values = _granted_and_payers(make_user)
    row = payment_services.record_payment(application.decisions.get().pk, by=payers[0], **values)
    payment_services.approve_payment(row.pk, by=payers[1])
    outcomes = race(*(lambda by=by: payment_services.export_payments(by=by) for by in payers))
    assert sorted(outcome.ok for outcome in outcomes) == [False, True], [repr(o.error) for o in outcomes]
    assert PaymentExport.objects.count() == 1 and PaymentExport.objects.get().count == 1
