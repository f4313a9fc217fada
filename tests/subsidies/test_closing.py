"""The closed state: an application closes by itself when its last month is paid, or by its preparer once the period
(a rejection: the time to contest it) has ended; a refusal says why, and nothing is paid after closing."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from organisation.models import Team
from subsidies import closing, documents, payment_selectors, payment_services, payments, selectors, services
from subsidies.models import PaymentRequest, Transition
from tests.subsidies.factories import advance, make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(area, rates, make_user):
    team = Team.objects.get(key="paltamo-pienet-kunnat")
    return {
        "preparer": make_user(role="counsellor", municipality_code="578", team=team),
        "decider": make_user(role="decision_maker", municipality_code="578"),
        "recorder": make_user(role="payment_handler", municipality_code="205"),
        "approver": make_user(role="payment_handler", municipality_code="205"),
    }


def granted(people, **overrides):
    """1 260,00 € a month for 1.3.–31.7.2025 (five months), notified."""
    return advance(
        make_application(people["preparer"], **overrides), people["preparer"], to="notified", decider=people["decider"]
    )


def pay(application, people, start, end, amount):
    row = payment_services.record_payment(
        application.decisions.get().pk,
        by=people["recorder"],
        received_on=timezone.localdate(),
        period_start=start,
        period_end=end,
        amount=Decimal(amount),
        pay_costs=Decimal("2800") * ((end.month - start.month) + 1),
        pay_slip_reference="PL",
    )
    payment_services.approve_payment(row.pk, by=people["approver"])
    return row


def refused(call) -> str:
    with pytest.raises(ValidationError) as raised:
        call()
    return " ".join(raised.value.message_dict["__all__"])


def test_fully_paid_when_every_month_is_in_a_file():
    grant = payments.Grant(date(2025, 3, 15), date(2025, 6, 14), Decimal(1000), Decimal(3000))
    march, april, may = (
        payments.Claim(date(2025, 3, 15), date(2025, 4, 14), Decimal(1000)),
        payments.Claim(date(2025, 4, 15), date(2025, 5, 14), Decimal(1000)),
        payments.Claim(date(2025, 5, 15), date(2025, 6, 14), Decimal(1000)),
    )
    assert payments.fully_paid(grant, [march, april, may])
    assert not payments.fully_paid(grant, [march, may])
    assert not payments.fully_paid(grant, [])


def test_the_export_of_the_last_month_closes_the_application(people):
    application = granted(people)
    pay(application, people, date(2025, 3, 1), date(2025, 5, 31), "3780.00")
    payment_services.export_payments(by=people["approver"])
    application.refresh_from_db()
    assert application.state == "notified"
    pay(application, people, date(2025, 6, 1), date(2025, 7, 31), "2520.00")
    payment_services.export_payments(by=people["approver"])
    application.refresh_from_db()
    assert application.state == "closed"
    last = Transition.objects.filter(application=application).last()
    assert (last.action, last.from_state, last.to_state, last.by) == ("close", "notified", "closed", people["approver"])
    assert "viimeinen kuukausi" in last.note


def test_nothing_is_paid_after_closing(people):
    application = granted(people)
    row = payment_services.record_payment(
        application.decisions.get().pk, by=people["recorder"], received_on=timezone.localdate(),
        period_start=date(2025, 3, 1), period_end=date(2025, 3, 31), amount=Decimal("1260"),
        pay_costs=Decimal("2800"), pay_slip_reference="PL",
    )  # fmt: skip
    # Closed by another path while the request waited (the services never leave it so; the check stands anyway).
    type(application).objects.filter(pk=application.pk).update(state="closed")
    assert "päättynyt" in refused(lambda: payment_services.approve_payment(row.pk, by=people["approver"]))
    assert "päättynyt" in refused(
        lambda: payment_services.record_payment(
            application.decisions.get().pk,
            by=people["recorder"],
            received_on=timezone.localdate(),
            period_start=date(2025, 4, 1),
            period_end=date(2025, 4, 30),
            amount=Decimal("1260"),
            pay_costs=Decimal("2800"),
            pay_slip_reference="PL",
        )  # fmt: skip
    )
    assert list(PaymentRequest.objects.values_list("state", flat=True)) == ["submitted"]


def test_the_preparer_closes_an_ended_period_with_nothing_waiting(people):
    application = granted(people)
    row = pay(application, people, date(2025, 3, 1), date(2025, 3, 31), "1260.00")
    assert "siirtämättä maksuun (1)" in refused(lambda: services.take_step(
        application.pk, "close", by=people["preparer"], data={}
    ))  # fmt: skip
    payment_services.export_payments(by=people["approver"])
    assert PaymentRequest.objects.get(pk=row.pk).state == "exported"
    assert "close" in selectors.available_steps(people["preparer"], application)
    services.take_step(application.pk, "close", by=people["preparer"], data={"note": "Työnantaja ei hae loppuja."})
    application.refresh_from_db()
    assert application.state == "closed"
    assert Transition.objects.filter(application=application, action="close", by=people["preparer"]).exists()
    assert list(selectors.queue(people["preparer"], state="closed")) == [application]
    assert selectors.available_steps(people["preparer"], application) == []


def test_closing_refused_before_the_period_ends_for_the_wrong_role_and_in_the_wrong_state(people):
    with time_machine.travel(date(2025, 4, 1)):
        application = granted(people)
        message = refused(lambda: services.take_step(application.pk, "close", by=people["preparer"], data={}))
    assert "Tukijakso päättyy 31.7.2025" in message
    assert "valmistelevan kunnan (Paltamo)" in refused(
        lambda: services.take_step(application.pk, "close", by=people["decider"], data={})
    )
    decided = advance(
        make_application(people["preparer"], start_date=date(2025, 9, 1), received_on=date(2025, 8, 1)),
        people["preparer"],
        to="decided",
        decider=people["decider"],
    )
    assert "ei ole mahdollinen, kun hakemus on tilassa ”päätetty”" in refused(
        lambda: services.take_step(decided.pk, "close", by=people["preparer"], data={})
    )
    application.refresh_from_db()
    assert application.state == "notified"


def test_a_rejection_closes_after_the_time_to_contest_it(people):
    preparer = people["preparer"]
    application = make_application(preparer)
    services.start_preparation(application.pk, by=preparer)
    services.propose(application.pk, by=preparer, outcome="rejected", reasons="Ei edellytyksiä.")
    services.decide(application.pk, by=people["decider"])
    services.notify(application.pk, by=preparer, notified_on=timezone.localdate())
    deadline = documents.rectification_deadline(timezone.localdate())
    assert "määräaika päättyy" in refused(lambda: services.take_step(application.pk, "close", by=preparer, data={}))
    with time_machine.travel(deadline + timedelta(days=1)):
        services.take_step(application.pk, "close", by=preparer, data={})
    application.refresh_from_db()
    assert application.state == "closed"


def rectified(application, people, result: str):
    """The decision contested the day it was notified, decided (`upheld` or `changed`) and notified again."""
    preparer, decider = people["preparer"], people["decider"]
    today = timezone.localdate()
    services.request_rectification(application.pk, by=preparer, received_on=today, grounds="Tukiaika.")
    decision = services.decide_rectification(application.pk, by=decider, result=result, reasons="Ratkaistu.")
    services.notify(application.pk, by=preparer, notified_on=today)
    return decision


def test_months_paid_before_an_upheld_rectification_count_for_closing(people):
    application = granted(people)
    pay(application, people, date(2025, 3, 1), date(2025, 3, 31), "1260.00")
    payment_services.export_payments(by=people["approver"])
    upheld = rectified(application, people, "upheld")
    row = payment_services.record_payment(
        upheld.pk, by=people["recorder"], received_on=timezone.localdate(), period_start=date(2025, 4, 1),
        period_end=date(2025, 7, 31), amount=Decimal("5040.00"), pay_costs=Decimal("11200"), pay_slip_reference="PL",
    )  # fmt: skip
    payment_services.approve_payment(row.pk, by=people["approver"])
    payment_services.export_payments(by=people["approver"])
    application.refresh_from_db()
    assert application.state == "closed"


def test_an_export_leaves_a_notified_rejection_open_without_failing(people):
    preparer = people["preparer"]
    application = make_application(preparer)
    services.start_preparation(application.pk, by=preparer)
    services.propose(application.pk, by=preparer, outcome="rejected", reasons="Ei edellytyksiä.")
    services.decide(application.pk, by=people["decider"])
    services.notify(application.pk, by=preparer, notified_on=timezone.localdate())
    assert closing.close_if_paid([application.pk], by=people["approver"]) == []
    application.refresh_from_db()
    assert application.state == "notified"


def test_a_payment_approved_before_the_grant_was_overturned_is_not_paid_after_closing(people):
    application = granted(people)
    row = pay(application, people, date(2025, 3, 1), date(2025, 3, 31), "1260.00")
    rectified(application, people, "changed")
    deadline = documents.rectification_deadline(timezone.localdate())
    with time_machine.travel(deadline + timedelta(days=1)):
        services.take_step(application.pk, "close", by=people["preparer"], data={})
        assert "ei ole" in refused(lambda: payment_services.export_payments(by=people["approver"]))
        assert not payment_selectors.awaiting_export(people["approver"]).exists()
    application.refresh_from_db()
    assert application.state == "closed"
    assert PaymentRequest.objects.get(pk=row.pk).export is None
