"""Amounts and dates on the subsidy pages follow the language (decision 0012); the decision document the area sends
keeps the Finnish form in every language."""

from datetime import date
from decimal import Decimal

import pytest
from django.utils import translation

from subsidies import rates, texts


@pytest.mark.parametrize(
    ("language", "amount", "day"),
    [("fi", "1\u00a0260,50\u00a0€", "1.12.2026"), ("sv", "1\u00a0260,50\u00a0€", "1.12.2026"),
     ("en", "1,260.50\u00a0€", "1 Dec 2026")],
)  # fmt: skip
def test_money_and_a_rule_date_in_the_language(language, amount, day):
    with translation.override(language):
        assert texts.money(Decimal("1260.5")) == amount
        assert texts.fi_money(Decimal("1260.5")) == "1\u00a0260,50\u00a0€"
        check = rates.Check("no_rule_in_force", rates.Status.UNKNOWN, "start_date", "", "", {"day": date(2026, 12, 1)})
        assert day in texts.check_text(check)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_decision_document_writes_its_figures_the_finnish_way_in_every_language(language):
    from subsidies import documents

    content = documents.DecisionContent(
        area="Kainuun työllisyysalue", municipality="Kajaani", reference="Palkkatuki 1", dated=date(2026, 12, 1),
        applicant="Testi Henkilö", kind="Palkkatuki", outcome="Myönnetty", granted=True, reasons="Perustelut.",
        rule_key="r1", rule_source="Laki 380/2023", delegation="oma", decided_by="Päättäjä",
        monthly_amount=Decimal("1260.5"), total=Decimal("7563"), start_date=date(2026, 12, 1),
        end_date=date(2027, 5, 31),
    )  # fmt: skip
    figures = dict(documents.decision_parts(content, language).sections[0].fields)
    assert sorted(figures.values()) == sorted(
        ["1\u00a0260,50\u00a0€", "7\u00a0563,00\u00a0€", "1.12.2026", "31.5.2027"]
    ), figures
