"""The demo's employers, vacancies and job offers (demo/vacancies.py, `generate_vacancies`)."""

import pytest
from django.core.management import CommandError, call_command
from stdnum.fi import ytunnus

from demo import vacancies
from employers.models import Employer, Vacancy
from matching.models import JobOffer

pytestmark = pytest.mark.django_db

# Table 1's open-vacancy column (AVPAIKATLOPUSSA), August 2023.
TABLE_1_VACANCIES = {
    "105": 10, "205": 526, "290": 31, "305": 379, "578": 8, "620": 11, "697": 6, "765": 184, "777": 21, "832": 23,
}  # fmt: skip


@pytest.fixture
def population(setting):
    call_command("create_demo_accounts", "--demo")
    call_command(
        "generate_population", "--month", "2023-08", "--scale", "0.1", "--municipality", "205", "--municipality", "765"
    )


def test_vacancies_per_municipality_equal_table_1_and_offers_cross_borders(population, capsys):
    call_command("generate_vacancies", "--seed", "1", "--demo")
    in_area = Vacancy.objects.filter(workplace_outside_area="", status="open")
    counts = {code: in_area.filter(municipality__code=code).count() for code in TABLE_1_VACANCIES}
    assert counts == TABLE_1_VACANCIES
    assert all(ytunnus.is_valid(code) for code in Employer.objects.values_list("business_id", flat=True))
    assert Vacancy.objects.filter(remote_possible=True).exists()
    required = list(Vacancy.objects.values_list("required_cards", "required_languages"))
    assert any(cards for cards, _languages in required) and any("en" in languages for _cards, languages in required)
    offers = JobOffer.objects.all()
    assert offers.count() == vacancies.OFFERS + vacancies.OUTSIDE_OFFERS
    assert sum(offer.crosses_border for offer in offers) >= vacancies.OFFERS // 3
    assert offers.exclude(outcome="").exists() and offers.filter(outcome="hired").exists()
    assert offers.filter(made_by__username="ohjaaja").exists()
    out = capsys.readouterr().out
    assert "1199 avointa työpaikkaa (2023-08" in out
    assert f"{sum(len(codes) for codes in vacancies.OUTSIDE_AREA.values())} alueen ulkopuolella" in out


def test_vacancies_outside_the_area_are_apart_from_table_1_and_get_offers(population):
    call_command("generate_vacancies", "--seed", "1", "--demo")
    outside = Vacancy.objects.exclude(workplace_outside_area="").select_related("municipality", "employer")
    assert {vacancy.workplace_outside_area for vacancy in outside} == set(vacancies.OUTSIDE_AREA)
    assert outside.count() == sum(len(codes) for codes in vacancies.OUTSIDE_AREA.values())
    oulu = [vacancy for vacancy in outside if vacancy.workplace_outside_area == "564"]
    assert {vacancy.workplace_outside_area_name for vacancy in oulu} == {"Oulu"}
    # Owned by the area municipality nearest by road: Taivalkoski (154 km) for Oulu, Kuhmo for Nurmes.
    assert {vacancy.municipality.code for vacancy in oulu} == {"832"}
    assert {v.municipality.code for v in outside if v.workplace_outside_area == "541"} == {"290"}
    assert all(vacancy.employer.area_id == vacancy.municipality.area_id for vacancy in outside)
    assert Vacancy.objects.filter(workplace_outside_area="").count() == sum(TABLE_1_VACANCIES.values())
    to_outside = JobOffer.objects.exclude(vacancy__workplace_outside_area="")
    assert to_outside.count() >= vacancies.OUTSIDE_OFFERS
    assert all(offer.crosses_border for offer in to_outside)


def test_a_new_run_replaces_the_synthetic_vacancies(population):
    call_command("generate_vacancies", "--seed", "1", "--offers", "3", "--demo")
    first = sorted(Vacancy.objects.values_list("title", "municipality__code"))
    call_command("generate_vacancies", "--seed", "1", "--offers", "3", "--demo")
    assert sorted(Vacancy.objects.values_list("title", "municipality__code")) == first
    assert Vacancy.objects.filter(workplace_outside_area="").count() == sum(TABLE_1_VACANCIES.values())
    assert JobOffer.objects.count() == 3 + 3


def test_bad_options_are_refused_by_name(setting):
    with pytest.raises(CommandError, match="--today"):
        call_command("generate_vacancies", "--today", "eilen", "--demo")
    with pytest.raises(CommandError, match="--offers"):
        call_command("generate_vacancies", "--offers", "-1", "--demo")


def test_y_tunnus_check_digits():
    assert vacancies.y_tunnus(116297) == "0116297-6"
    assert all(ytunnus.is_valid(code) for code in vacancies.business_ids(50))
