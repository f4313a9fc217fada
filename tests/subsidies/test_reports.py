"""Reports: the pure summaries (tables of cases), and the page and its exports for the report roles only."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import timezone

from organisation.models import Team
from subsidies import payment_services, reports
from subsidies.reports import DecisionRow, PaymentRow, Processing
from tests.subsidies.factories import advance, make_application


def test_decisions_by_municipality_kind_and_month():
    rows = [
        DecisionRow("Paltamo", "general", date(2025, 3, 3), True, False, Decimal("6300.00")),
        DecisionRow("Paltamo", "general", date(2025, 3, 28), False, False, None),
        DecisionRow("Paltamo", "general", date(2025, 4, 1), True, False, Decimal("1000.00")),
        DecisionRow("Paltamo", "general", date(2025, 4, 2), False, True, None),
        DecisionRow("Kajaani", "start_up_grant", date(2025, 3, 3), True, False, Decimal("4837.30")),
    ]
    assert reports.decisions_by_month(rows) == [
        {"municipality": "Kajaani", "kind": "start_up_grant", "month": date(2025, 3, 1), "granted": 1, "rejected": 0,
         "rectifications": 0, "granted_total": Decimal("4837.30")},
        {"municipality": "Paltamo", "kind": "general", "month": date(2025, 3, 1), "granted": 1, "rejected": 1,
         "rectifications": 0, "granted_total": Decimal("6300.00")},
        {"municipality": "Paltamo", "kind": "general", "month": date(2025, 4, 1), "granted": 1, "rejected": 0,
         "rectifications": 1, "granted_total": Decimal("1000.00")},
    ]  # fmt: skip


def test_payments_by_month_keep_approved_and_paid_apart():
    rows = [
        PaymentRow("Paltamo", "general", date(2025, 3, 1), True, Decimal("1260")),
        PaymentRow("Paltamo", "general", date(2025, 3, 15), False, Decimal("100")),
    ]
    assert reports.payments_by_month(rows) == [
        {"municipality": "Paltamo", "kind": "general", "month": date(2025, 3, 1), "approved": Decimal("100"),
         "paid": Decimal("1260"), "count": 2},
    ]  # fmt: skip


def test_processing_times_from_receipt_to_the_first_decision():
    today = date(2025, 6, 30)
    rows = [
        Processing("Paltamo", "general", date(2025, 3, 1), date(2025, 3, 11)),
        Processing("Paltamo", "general", date(2025, 3, 1), date(2025, 3, 21)),
        Processing("Paltamo", "general", date(2025, 3, 1), date(2025, 4, 30), closed=True),
        Processing("Paltamo", "general", date(2025, 6, 1), None),
        Processing("Kuhmo", "start_up_grant", date(2025, 6, 20), None),
    ]
    assert reports.processing_times(rows, today) == [
        {"municipality": "Kuhmo", "kind": "start_up_grant", "decided": 0, "median_days": None, "mean_days": None,
         "max_days": None, "waiting": 1, "oldest_waiting_days": 10, "closed": 0},
        {"municipality": "Paltamo", "kind": "general", "decided": 3, "median_days": 20, "mean_days": Decimal("30.0"),
         "max_days": 60, "waiting": 1, "oldest_waiting_days": 29, "closed": 1},
    ]  # fmt: skip


@pytest.mark.django_db
def test_the_page_and_exports_for_report_roles_only(client, area, rates, make_user):
    preparer = make_user(role="counsellor", municipality_code="578", team=Team.objects.get(key="paltamo-pienet-kunnat"))
    decider = make_user(role="decision_maker", municipality_code="578")
    application = advance(make_application(preparer), preparer, to="notified", decider=decider)
    make_application(preparer)
    payer = make_user(role="payment_handler", municipality_code="205")
    row = payment_services.record_payment(
        application.decisions.get().pk,
        by=payer,
        received_on=timezone.localdate(),
        period_start=date(2025, 3, 1),
        period_end=date(2025, 3, 31),
        amount=Decimal("1260.00"),
        pay_costs=Decimal("2800.00"),
        pay_slip_reference="PL-3",
    )
    payment_services.approve_payment(row.pk, by=make_user(role="payment_handler", municipality_code="205"))
    client.force_login(make_user(role="area_manager"))
    page = client.get("/tuet/raportit/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Päätökset kunnittain" in text and "6\u00a0300,00" in text and "Testi" not in text
    csv = client.get("/tuet/raportit/kasittelyajat/?format=csv").content.decode().splitlines()
    days = (timezone.localdate() - date(2025, 2, 1)).days
    assert csv[1] == f"Paltamo,palkkatuki,1,{days},{days},{days},1,{days},0"
    payments_csv = client.get("/tuet/raportit/maksut/?format=csv").content.decode().splitlines()
    assert payments_csv[1] == "Paltamo,palkkatuki,3/2025,1,1260,0"
    xlsx = client.get("/tuet/raportit/paatokset/?format=xlsx")
    assert xlsx.content.startswith(b"PK")
    assert client.get("/tuet/raportit/muu/").status_code == 404
    client.force_login(preparer)
    assert client.get("/tuet/raportit/").status_code == 403
    assert client.get("/tuet/raportit/paatokset/").status_code == 403


def test_charts_sum_the_report_rows_by_the_chosen_grouping():
    from subsidies import charts

    rows = reports.decisions_by_month(
        [
            DecisionRow("Paltamo", "general", date(2025, 3, 3), True, False, Decimal("6300.00")),
            DecisionRow("Kuhmo", "general", date(2025, 3, 9), False, False, None),
            DecisionRow("Paltamo", "start_up_grant", date(2025, 4, 1), True, False, Decimal("4837.30")),
        ]
    )
    by_month = charts.decisions_chart(rows, "kuukausi")
    assert by_month["labels"] == ["3/2025", "4/2025"]
    assert [d["data"] for d in by_month["datasets"]] == [[1.0, 1.0], [1.0, 0.0]]
    by_municipality = charts.decisions_chart(rows, "kunta")
    assert by_municipality["labels"] == ["Kuhmo", "Paltamo"]
    assert by_municipality["datasets"][0]["data"] == [0.0, 2.0]
    assert charts.decisions_chart(rows, "tuki")["labels"] == ["palkkatuki", "starttiraha"]
    table = charts.chart_table(by_municipality, "kunta", "k", "Kaavion luvut")
    assert table.rows[1] == {"label": "Paltamo", "d0": 2.0, "d1": 0.0}
    times = reports.processing_times(
        [
            Processing("Paltamo", "general", date(2025, 3, 1), date(2025, 3, 11)),
            Processing("Paltamo", "start_up_grant", date(2025, 3, 1), date(2025, 3, 31)),
            Processing("Kuhmo", "general", date(2025, 3, 1), None),
        ],
        date(2025, 6, 30),
    )
    assert charts.processing_grouping("kuukausi") == "kunta"
    processing = charts.processing_chart(times, "kunta")
    assert processing["labels"] == ["Kuhmo", "Paltamo"]
    assert [d["data"] for d in processing["datasets"]] == [[None, 20.0], [None, 30]]


@pytest.mark.django_db
def test_the_page_draws_a_chart_beside_each_table_without_inline_script(client, area, rates, make_user):
    preparer = make_user(role="counsellor", municipality_code="578", team=Team.objects.get(key="paltamo-pienet-kunnat"))
    decider = make_user(role="decision_maker", municipality_code="578")
    advance(make_application(preparer), preparer, to="decided", decider=decider)
    client.force_login(make_user(role="area_manager"))
    text = client.get("/tuet/raportit/?ryhmittely=kunta").content.decode()
    assert 'data-chart="chart-paatokset"' in text and 'id="chart-paatokset" type="application/json"' in text
    assert 'data-chart="chart-kasittelyajat"' in text and "www/charts.js" in text
    assert '"labels": ["Paltamo"]' in text and "Ryhmittely: kunta" in text
    assert "<script>" not in text and "Päättyneitä" in text
