"""The calculator page and POST /api/v1/subsidies/calculate/: amounts under the rule in force, refusals naming the
field and the rule."""

import pytest
from django.urls import reverse

from subsidies.forms import CalculatorForm
from subsidies.models import PaySubsidyRate
from subsidies.serializers import CalculateRequestSerializer

pytestmark = pytest.mark.django_db

URL = "/api/v1/subsidies/calculate/"
GENERAL = {
    "kind": "general",
    "monthly_pay_costs": "2800.00",
    "weekly_hours": "37.5",
    "full_time_weekly_hours": "37.5",
    "employer_type": "company",
    "start_date": "2025-03-01",
    "months": 5,
}


@pytest.fixture
def staff(client, make_user):
    client.force_login(make_user(role="payment_handler"))
    return client


def post(client, data):
    return client.post(URL, data, content_type="application/json")


def test_general_pay_subsidy_is_capped_and_names_its_rule(staff, rates):
    response = post(staff, GENERAL)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["monthly_amount"] == "1260.00"
    assert body["total"] == "6300.00"
    assert body["end_date"] == "2025-07-31"
    assert body["rule"] == {
        "id": "palkkatuki-yleinen-2025-01",
        "effective_from": "2025-01-01",
        "effective_until": None,
        "source": PaySubsidyRate.objects.get(key="palkkatuki-yleinen-2025-01").source,
    }
    assert (
        "1\u00a0260,00\u00a0€ kuukaudessa × 5 kuukautta 1.3.2025–31.7.2025 = 6\u00a0300,00\u00a0€."
        in body["explanation"]
    )
    assert any("enintään 1\u00a0260,00\u00a0€ kuukaudessa" in line for line in body["explanation"])


def test_start_up_grant_by_day(staff, rates):
    body = post(staff, {"kind": "start_up_grant", "start_date": "2025-03-01", "months": 6}).json()
    assert (body["monthly_amount"], body["total"], body["days"]) == ("806.21", "4837.30", 130)
    assert body["rule"]["id"] == "starttiraha-2025"


def test_hours_over_65_percent_refuse_the_association_kind(staff, rates):
    data = {**GENERAL, "kind": "association", "employer_type": "association", "weekly_hours": "30"}
    response = post(staff, data)
    assert response.status_code == 400
    body = response.json()
    assert list(body) == ["weekly_hours", "refusals"]
    assert "palkkatuki-yhdistys-2025-01" in body["weekly_hours"][0]
    assert "Työaika on 80\u00a0% kokoaikaisesta; tällä tuella enintään 65\u00a0%." in body["weekly_hours"][0]
    assert body["refusals"][0]["rule"]["id"] == "palkkatuki-yhdistys-2025-01"
    assert body["refusals"][0]["code"] == "max_hours_share"


def test_municipality_employer_general_kind_refused_in_2025(staff, rates):
    body = post(staff, {**GENERAL, "employer_type": "municipality"}).json()
    assert "kunta-tyonantajana-2025" in body["employer_type"][0]
    assert "HE 120/2024" in body["employer_type"][0]
    allowed = post(staff, {**GENERAL, "employer_type": "municipality", "start_date": "2024-12-01"})
    assert allowed.status_code == 200


def test_no_amount_stored_for_the_year(staff, rates):
    body = post(staff, {"kind": "start_up_grant", "start_date": "2027-01-05", "months": 6}).json()
    assert body["start_date"] == ["Päivälle 5.1.2027 ei ole tallennettu voimassa olevaa sääntöä tälle tuelle; "
                                  "pääkäyttäjä voi lisätä sen."]  # fmt: skip


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "grant"}, "kind"),
        ({"monthly_pay_costs": None}, "monthly_pay_costs"),
        ({"monthly_pay_costs": "-1"}, "monthly_pay_costs"),
        ({"weekly_hours": "40"}, "weekly_hours"),
        ({"employer_type": ""}, "employer_type"),
        ({"months": 0}, "months"),
        ({"start_date": "2025-13-01"}, "start_date"),
        ({"unemployed_since": "2025-03-02"}, "unemployed_since"),
    ],
)
def test_bad_input_names_the_field(staff, rates, change, field):
    response = post(staff, {**GENERAL, **change})
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_not_an_object_is_refused(staff):
    assert post(staff, ["general"]).status_code == 400


def test_the_schema_describes_the_fields_the_form_reads():
    assert list(CalculateRequestSerializer().fields) == list(CalculatorForm().fields)


def test_anonymous_refused(client):
    assert post(client, GENERAL).status_code in (401, 403)


def test_an_administrator_raises_the_cap_from_a_date(staff, rates):
    PaySubsidyRate.objects.create(
        key="palkkatuki-yleinen-2026",
        kind="general",
        effective_from="2026-01-01",
        share_percent=50,
        monthly_cap="1300.00",
        max_months=10,
        source="Esimerkki",
    )
    assert post(staff, GENERAL).json()["monthly_amount"] == "1260.00"
    later = post(staff, {**GENERAL, "start_date": "2026-02-01"}).json()
    assert (later["monthly_amount"], later["rule"]["id"]) == ("1300.00", "palkkatuki-yleinen-2026")


def test_the_page_shows_amounts_the_finnish_way(staff, rates):
    page = staff.get(reverse("subsidies:calculator"), GENERAL)
    text = page.content.decode()
    assert page.status_code == 200
    assert "1\u00a0260,00\u00a0€" in text and "6\u00a0300,00\u00a0€" in text
    assert "palkkatuki-yleinen-2025-01" in text


def test_the_page_shows_a_refusal_at_its_field(staff, rates):
    page = staff.get(reverse("subsidies:calculator"), {**GENERAL, "employer_type": "municipality"})
    form = page.context["form"]
    assert "kunta-tyonantajana-2025" in form.errors["employer_type"][0]
    assert page.context["answer"] is None
