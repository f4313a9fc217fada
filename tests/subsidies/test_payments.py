"""Payments: recorded against the decision in force by the paying municipality's payment handler, checked, approved,
exported once; the arrangement comes from the delegation's payment field; wrong role and municipality refused."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from audit.models import PersonalDataAccess
from organisation.models import Delegation, Team
from subsidies import payment_selectors, payment_services, services
from subsidies.models import PaymentExport, PaymentRequest
from tests.subsidies.factories import advance, make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(area, rates, make_user):
    """Paltamo prepares and decides; Kajaani (the responsible municipality) pays unless Paltamo's delegation says
    its own finance pays."""
    team = Team.objects.get(key="paltamo-pienet-kunnat")
    return {
        "preparer": make_user(role="counsellor", municipality_code="578", team=team),
        "decider": make_user(role="decision_maker", municipality_code="578"),
        "kajaani_payer": make_user(role="payment_handler", municipality_code="205", first_name="Kaija"),
        # Four eyes: a second payment handler of the paying municipality approves what the first recorded.
        "kajaani_approver": make_user(role="payment_handler", municipality_code="205", first_name="Kalle"),
        "paltamo_payer": make_user(role="payment_handler", municipality_code="578"),
    }


@pytest.fixture
def granted(people):
    """A pay subsidy of 1 260,00 € a month for 1.3.–31.7.2025, notified."""
    return advance(make_application(people["preparer"]), people["preparer"], to="notified", decider=people["decider"])


def record(application, by, **overrides):
    values = {
        "received_on": timezone.localdate(),
        "period_start": date(2025, 3, 1),
        "period_end": date(2025, 3, 31),
        "amount": Decimal("1260.00"),
        "pay_costs": Decimal("2800.00"),
        "pay_slip_reference": "PL-2025-03",
    }
    return payment_services.record_payment(application.decisions.get().pk, by=by, **{**values, **overrides})


def refused(call) -> dict:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict


def test_the_undecided_arrangement_is_paid_by_the_responsible_municipality(granted, people):
    assert payment_selectors.paying_municipality_id(granted) == people["kajaani_payer"].home_municipality_id
    assert [a for a, _d in payment_selectors.payable(people["kajaani_payer"])] == [granted]
    assert payment_selectors.payable(people["paltamo_payer"]) == []
    assert "maksavan kunnan" in refused(lambda: record(granted, people["paltamo_payer"]))["__all__"][0]


def test_a_municipality_paying_through_its_own_finance(granted, people):
    Delegation.objects.filter(municipality__code="578", case_type="pay_subsidy").update(payment="municipal_finance")
    assert payment_selectors.paying_municipality_id(granted) == people["paltamo_payer"].home_municipality_id
    row = record(granted, people["paltamo_payer"])
    assert row.paying_municipality.code == "578"
    assert refused(lambda: payment_services.approve_payment(row.pk, by=people["kajaani_payer"]))
    assert not payment_selectors.requests(people["kajaani_payer"]).exists()


def test_from_request_to_the_payment_file_once(granted, people):
    payer = people["kajaani_payer"]
    first = record(granted, payer)
    second = record(granted, payer, period_start=date(2025, 4, 1), period_end=date(2025, 5, 31), amount=Decimal("2520"),
                    pay_costs=Decimal("5600"), pay_slip_reference="PL-2025-04/05")  # fmt: skip
    payment_services.approve_payment(first.pk, by=people["kajaani_approver"])
    payment_services.approve_payment(second.pk, by=people["kajaani_approver"])
    export = payment_services.export_payments(by=payer)
    assert (export.count, export.total, export.paying_municipality.code) == (2, Decimal("3780.00"), "205")
    lines = bytes(export.content).decode().splitlines()
    assert lines[0] == (
        "maksuera,maksava_kunta,viite,saaja,saajan_y_tunnus,tuki,paatos,jakso_alkaa,jakso_paattyy,summa,palkkalaskelma"
    )
    decision = granted.decisions.get().pk
    assert lines[1] == (
        f"{export.pk},205,TUKI-{granted.pk}-{first.pk},Kainuun Puu Oy,2077474-0,general,{decision},2025-03-01,"
        "2025-03-31,1260.00,PL-2025-03"
    )
    assert set(PaymentRequest.objects.values_list("state", flat=True)) == {"exported"}
    # Nothing is left to pay: a second export is refused and writes nothing.
    assert "ei ole" in refused(lambda: payment_services.export_payments(by=payer))["__all__"][0]
    assert PaymentExport.objects.count() == 1
    totals = payment_selectors.decision_totals(granted, granted.decisions.get())
    assert (totals["paid"], totals["left"]) == (Decimal("3780.00"), Decimal("2520.00"))


def test_a_month_is_never_claimed_twice_and_a_rejected_one_frees_it(granted, people):
    payer = people["kajaani_payer"]
    row = record(granted, payer)
    errors = refused(lambda: record(granted, payer, amount=Decimal("100")))
    assert list(errors) == ["period_start"] and "ei makseta kahdesti" in errors["period_start"][0]
    assert "perustelut" in refused(lambda: payment_services.reject_payment(row.pk, by=payer, reasons=" "))["reasons"][0]
    payment_services.reject_payment(row.pk, by=payer, reasons="Palkkalaskelma puuttuu.")
    assert record(granted, payer).state == "submitted"


def test_each_bad_field_is_named_and_nothing_is_written(granted, people):
    errors = refused(
        lambda: record(
            granted,
            people["kajaani_payer"],
            period_end=date(2025, 4, 15),
            pay_slip_reference="",
            received_on=date(2099, 1, 1),
        )
    )
    assert set(errors) == {"period_end", "pay_slip_reference", "received_on"}
    errors = refused(
        lambda: record(granted, people["kajaani_payer"], amount=Decimal("1500"), pay_costs=Decimal("2000"))
    )
    assert set(errors) == {"amount"} and len(errors["amount"]) == 2  # over the month and over the 50 % share
    assert not PaymentRequest.objects.exists()


def test_only_a_notified_grant_in_force_is_paid(people):
    preparer = people["preparer"]
    decided = advance(make_application(preparer), preparer, to="decided", decider=people["decider"])
    assert "tiedoksiannon" in refused(lambda: record(decided, people["kajaani_payer"]))["__all__"][0]
    rejected = make_application(preparer, start_date=date(2025, 9, 1), received_on=date(2025, 8, 1))
    services.start_preparation(rejected.pk, by=preparer)
    services.propose(rejected.pk, by=preparer, outcome="rejected", reasons="Ei edellytyksiä.")
    services.decide(rejected.pk, by=people["decider"])
    services.notify(rejected.pk, by=preparer, notified_on=timezone.localdate())
    assert "myönteisen" in refused(lambda: record(rejected, people["kajaani_payer"]))["__all__"][0]


@pytest.mark.parametrize("role", ["counsellor", "supervisor", "decision_maker", "area_manager", "administrator"])
def test_other_roles_cannot_record_approve_or_export(granted, people, make_user, role):
    other = make_user(role=role, municipality_code="205")
    row = record(granted, people["kajaani_payer"])
    assert refused(lambda: record(granted, other, period_start=date(2025, 4, 1), period_end=date(2025, 4, 30)))
    assert refused(lambda: payment_services.approve_payment(row.pk, by=other))
    assert refused(lambda: payment_services.export_payments(by=other))


def test_reads_are_logged_and_another_municipality_gets_404(granted, people):
    row = record(granted, people["kajaani_payer"])
    payment_selectors.get_request(people["kajaani_payer"], row.pk, view="testi", purpose="testi")
    assert PersonalDataAccess.objects.filter(
        user=people["kajaani_payer"], subject_id=str(granted.jobseeker_id), outcome="granted"
    ).exists()
    with pytest.raises(Http404):
        payment_selectors.get_request(people["paltamo_payer"], row.pk, view="testi", purpose="testi")
    assert PersonalDataAccess.objects.filter(user=people["paltamo_payer"], outcome="denied").exists()


def test_a_start_up_grant_is_paid_to_the_entrepreneur_by_working_days(people):
    preparer = people["preparer"]
    application = advance(
        make_application(preparer, kind="start_up_grant", business_id_value="2077474-0"),
        preparer,
        to="notified",
        decider=people["decider"],
    )
    payer = people["kajaani_payer"]
    errors = refused(lambda: record(application, payer, amount=Decimal("806.21"), pay_slip_reference=""))
    assert "21 maksupäivää" in errors["amount"][0]
    row = record(application, payer, amount=Decimal("781.41"), pay_slip_reference="")
    assert row.pay_costs is None
    payment_services.approve_payment(row.pk, by=people["kajaani_approver"])
    line = bytes(payment_services.export_payments(by=payer).content).decode().splitlines()[1]
    assert ",Testi Henkilö,2077474-0,start_up_grant," in line and ",781.41," in line


def test_the_pages_for_a_payment_handler(client, granted, people):
    payer = people["kajaani_payer"]
    client.force_login(payer)
    page = client.get("/tuet/maksatus/")
    assert page.status_code == 200 and "Kirjaa maksatushakemus" in page.content.decode()
    decision = granted.decisions.get()
    form = client.get(f"/tuet/maksatus/paatos/{decision.pk}/uusi/")
    assert [value for value, _label in form.context["form"].fields["period_start"].choices][:2] == [
        "2025-03-01",
        "2025-04-01",
    ]
    posted = client.post(
        f"/tuet/maksatus/paatos/{decision.pk}/uusi/",
        {"received_on": timezone.localdate().isoformat(), "period_start": "2025-03-01", "period_end": "2025-03-31",
         "amount": "1300", "pay_costs": "2800", "pay_slip_reference": "PL-3"},
    )  # fmt: skip
    assert "enintään 1\u00a0260,00\u00a0€" in posted.context["form"].errors["amount"][0]
    posted = client.post(
        f"/tuet/maksatus/paatos/{decision.pk}/uusi/",
        {"received_on": timezone.localdate().isoformat(), "period_start": "2025-03-01", "period_end": "2025-03-31",
         "amount": "1260", "pay_costs": "2800", "pay_slip_reference": "PL-3"},
    )  # fmt: skip
    row = PaymentRequest.objects.get()
    assert posted.status_code == 302
    page = client.get(f"/tuet/maksatus/{row.pk}/")
    assert "sen hyväksyy toinen maksatuskäsittelijä" in page.content.decode()
    refused_page = client.post(f"/tuet/maksatus/{row.pk}/approve/", follow=True)
    assert "itse kirjannut" in refused_page.content.decode()
    row.refresh_from_db()
    assert row.state == "submitted"
    client.force_login(people["kajaani_approver"])
    client.post(f"/tuet/maksatus/{row.pk}/approve/")
    row.refresh_from_db()
    assert row.state == "approved" and row.handled_by == people["kajaani_approver"]
    client.post("/tuet/maksatus/aineistot/uusi/")
    export = PaymentExport.objects.get()
    download = client.get(f"/tuet/maksatus/aineistot/{export.pk}/")
    assert download["Content-Type"].startswith("text/csv") and b"1260.00" in download.content
    client.force_login(people["paltamo_payer"])
    assert client.get(f"/tuet/maksatus/aineistot/{export.pk}/").status_code == 404
    assert client.get(f"/tuet/maksatus/{row.pk}/").status_code == 404
    client.force_login(people["preparer"])
    assert client.get("/tuet/maksatus/").status_code == 403


def test_the_api_records_approves_and_exports_and_names_bad_fields(client, granted, people):
    payer = people["kajaani_payer"]
    client.force_login(payer)
    url = "/api/v1/subsidies/payments/"
    data = {
        "decision": granted.decisions.get().pk,
        "received_on": timezone.localdate().isoformat(),
        "period_start": "2025-03-01",
        "period_end": "2025-03-31",
        "amount": "1300.00",
        "pay_costs": "2800.00",
        "pay_slip_reference": "PL-3",
    }
    refused_response = client.post(url, data, content_type="application/json")
    assert refused_response.status_code == 400 and list(refused_response.json()) == ["amount"]
    created = client.post(url, {**data, "amount": "1260.00"}, content_type="application/json")
    assert created.status_code == 201, created.json()
    pk = created.json()["id"]
    assert created.json()["person"] == "Testi Henkilö" and "hetu" not in created.json()
    assert [row["id"] for row in client.get(url).json()["results"]] == [pk]
    own = client.post(f"{url}{pk}/step/", {"action": "approve"}, content_type="application/json")
    assert own.status_code == 400 and "itse kirjannut" in own.json()["recorded_by"][0]
    client.force_login(people["kajaani_approver"])
    step = client.post(f"{url}{pk}/step/", {"action": "approve"}, content_type="application/json")
    assert step.json()["state"] == "approved"
    approver = people["kajaani_approver"].username
    assert (step.json()["recorded_by"], step.json()["handled_by"]) == (payer.username, approver)
    export = client.post("/api/v1/subsidies/payment-exports/", content_type="application/json")
    assert export.status_code == 201 and export.json()["count"] == 1
    assert client.post("/api/v1/subsidies/payment-exports/", content_type="application/json").status_code == 400
    assert PersonalDataAccess.objects.filter(user=payer, view__startswith="api:subsidy-payment").count() >= 2
    client.force_login(people["paltamo_payer"])
    assert client.get(f"{url}{pk}/").status_code == 404
    assert client.get(url).json()["results"] == []
    client.force_login(people["decider"])
    assert client.get(url).status_code == 403


def test_four_eyes_the_recorder_never_approves_and_another_handler_does(granted, people):
    recorder, approver = people["kajaani_payer"], people["kajaani_approver"]
    row = record(granted, recorder)
    errors = refused(lambda: payment_services.approve_payment(row.pk, by=recorder))
    assert list(errors) == ["recorded_by"] and "itse kirjannut" in errors["recorded_by"][0]
    row.refresh_from_db()
    assert (row.state, row.handled_by) == ("submitted", None)
    payment_services.approve_payment(row.pk, by=approver)
    row.refresh_from_db()
    assert (row.state, row.recorded_by, row.handled_by) == ("approved", recorder, approver)
    # Rejecting what one entered oneself releases no money: the recorder may withdraw a mistaken entry.
    second = record(granted, recorder, period_start=date(2025, 4, 1), period_end=date(2025, 4, 30))
    assert payment_services.reject_payment(second.pk, by=recorder, reasons="Väärä kuukausi.").state == "rejected"
