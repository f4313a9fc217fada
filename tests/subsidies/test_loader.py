"""Loading data/subsidies/rates.yaml: the stored rules are the core's, loading is idempotent and all-or-nothing."""

from decimal import Decimal

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from common.data_files import DataFileError
from subsidies import rule_store
from subsidies.loader import DEFAULT_FILE, load_rates
from subsidies.models import PaySubsidyRate, StartUpGrantRate
from tests.subsidies.rules import RULES

pytestmark = pytest.mark.django_db


def test_the_file_loads_as_the_rules_the_core_is_tested_with(rates):
    assert (rates.added, rates.changed) == (12, 0)
    stored = rule_store.current_rules()
    assert sorted(stored.pay_subsidy, key=lambda r: r.id) == sorted(RULES.pay_subsidy, key=lambda r: r.id)
    assert sorted(stored.start_up_grant, key=lambda r: r.id) == sorted(RULES.start_up_grant, key=lambda r: r.id)
    assert stored.restrictions == RULES.restrictions


def test_loading_again_changes_nothing_and_restores_a_changed_value(rates):
    again = load_rates()
    assert (again.added, again.changed, again.unchanged) == (0, 0, 12)
    PaySubsidyRate.objects.filter(key="palkkatuki-yleinen-2023-07").update(monthly_cap=Decimal("1"))
    assert load_rates().changed == 1
    assert PaySubsidyRate.objects.get(key="palkkatuki-yleinen-2023-07").monthly_cap == Decimal("1260.00")


def test_a_rule_added_in_the_admin_is_kept(rates):
    StartUpGrantRate.objects.create(
        key="starttiraha-2027", effective_from="2027-01-01", daily_amount=Decimal("38.00"), source="ylläpito"
    )
    load_rates()
    assert StartUpGrantRate.objects.filter(key="starttiraha-2027").exists()


def test_bad_entries_are_all_named_and_nothing_is_written(tmp_path):
    text = DEFAULT_FILE.read_text(encoding="utf-8")
    text = text.replace(
        'monthly_cap: "1770.00"\n    max_months: 24\n    notes: Pidemmät',
        'monthly_cap: "-5"\n    max_months: 24\n    notes: Pidemmät',
        1,
    )
    text = text.replace("employer_types: [association]", "employer_types: [club]", 1)
    text = text.replace(
        "effective_until: 2024-12-31\n    daily_amount", "effective_until: 2023-12-31\n    daily_amount"
    )
    path = tmp_path / "rates.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_rates(path)
    problems = str(raised.value).splitlines()
    assert len(problems) == 3, problems
    assert all(problem.startswith("rates.yaml: ") for problem in problems)
    assert any("employer_types" in problem for problem in problems)
    assert not PaySubsidyRate.objects.exists() and not StartUpGrantRate.objects.exists()


def test_unknown_fields_and_duplicate_ids_are_refused(tmp_path):
    path = tmp_path / "rates.yaml"
    path.write_text(
        "start_up_grant:\n"
        "  - id: a\n    effective_from: 2025-01-01\n    daily_amount: '1'\n    source: s\n    colour: red\n"
        "  - id: b\n    effective_from: 2025-01-01\n    daily_amount: '1'\n    source: s\n"
        "  - id: b\n    effective_from: 2026-01-01\n    daily_amount: '1'\n    source: s\n",
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as raised:
        load_rates(path)
    assert [(p.line, p.message) for p in raised.value.problems] == [
        (2, "tuntemattomat kentät: colour"),
        (11, "tunniste b on annettu kahdesti"),
    ]


def test_the_command_reports_and_refuses(tmp_path, capsys):
    call_command("load_subsidy_rates")
    assert "lisätty 12" in capsys.readouterr().out
    broken = tmp_path / "rates.yaml"
    broken.write_text("pay_subsidy: {}\n", encoding="utf-8")
    with pytest.raises(CommandError, match="osion pay_subsidy on oltava luettelo"):
        call_command("load_subsidy_rates", str(broken))
