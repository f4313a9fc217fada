"""The forgiving search on the database (SQLite and PostgreSQL alike): names, identity code, birth date, scoping."""

import importlib
from datetime import date

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection

from audit.models import PersonalDataAccess
from jobseekers import hetu, names, selectors
from jobseekers.models import Jobseeker
from tests.jobseekers.factories import make_jobseeker, synthetic_hetu

pytestmark = pytest.mark.django_db

BORN = date(1990, 11, 28)


@pytest.fixture
def people(area):
    return {
        "matti": make_jobseeker(first_name="Matti Juhani", last_name="Lehtimäki", hetu=synthetic_hetu(BORN, "male")),
        "maija": make_jobseeker(first_name="Maija", last_name="Lehtimäki"),
        "asa": make_jobseeker(first_name="Åsa", last_name="Öström", hetu=synthetic_hetu(BORN)),
        "anna": make_jobseeker(first_name="Anna-Liisa", last_name="Virtanen"),
        # Kuhmo: another municipality's counsellors serve her.
        "kuhmo": make_jobseeker(first_name="Matti", last_name="Lehtimäki", municipality="290"),
    }


@pytest.fixture
def staff(area, make_staff):
    return {
        "kajaani": make_staff(municipality_code="205", team="kajaani-aikuiset"),
        "kuhmo": make_staff(municipality_code="290", team="kuhmo"),
        "paltamo": make_staff(municipality_code="578", team="paltamo-pienet-kunnat"),
        "payment": make_staff(role="payment_handler", municipality_code="205"),
        "area_manager": make_staff(role="area_manager", municipality_code="205"),
    }


def found(user, people, **filters) -> set[str]:
    by_pk = {person.pk: key for key, person in people.items()}
    return {by_pk[pk] for pk in selectors.search(user, **filters).values_list("pk", flat=True)}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("lehtimaki", {"matti", "maija"}),
        ("Lehtimäki Matti", {"matti"}),
        ("Matti Lehtimäki", {"matti"}),
        ("Lehtimäki, Matti", {"matti"}),
        ("lehtimaki,matti", {"matti"}),
        ("LEHTIMÄKI juhani", {"matti"}),
        ("lehti matt", {"matti"}),
        ("maki", {"matti", "maija"}),
        ("ostrom", {"asa"}),
        ("Öström Åsa", {"asa"}),
        ("anna liisa", {"anna"}),
        ("Anna-Liisa Virtanen", {"anna"}),
        ("Lehtimäki Anna", set()),
        ("", {"matti", "maija", "asa", "anna"}),
    ],
)
def test_names_in_any_order_with_a_comma_partial_and_without_diacritics(people, staff, query, expected):
    assert found(staff["kajaani"], people, name=query) == expected


def test_the_database_answers_as_the_pure_rule_does(people, staff):
    """The LIKE per folded word gives what names.matches gives, whichever database runs it."""
    queries = ["lehtimaki", "ÖSTRÖM", "i", "a l", "ti ma", "liisa, anna", "Åsa Öström", "juhani matti lehti"]
    keys = {key: names.search_key(p.first_name, p.last_name) for key, p in people.items() if key != "kuhmo"}
    for query in queries:
        expected = {key for key, value in keys.items() if names.matches(value, names.query_terms(query))}
        assert found(staff["kajaani"], people, name=query) == expected, query


def test_birth_date_finds_the_people_born_that_day(people, staff):
    assert found(staff["kajaani"], people, birth_date=BORN) == {"matti", "asa"}
    assert found(staff["kajaani"], people, birth_date=BORN, name="ostrom") == {"asa"}
    assert found(staff["kajaani"], people, birth_date=date(1990, 11, 29)) == set()


@pytest.mark.parametrize("who", ["kuhmo", "paltamo", "payment", "area_manager"])
def test_the_wrong_municipality_or_role_finds_nobody(people, staff, who):
    assert found(staff[who], people, name="lehtimaki", birth_date=None) <= {"kuhmo"}
    assert found(staff[who], people, name="ostrom") == set()
    assert found(staff[who], people, birth_date=BORN) == set()


def test_kuhmo_counsellor_finds_only_the_kuhmo_namesake(people, staff):
    assert found(staff["kuhmo"], people, name="Lehtimäki, Matti") == {"kuhmo"}


def test_save_keeps_the_search_name_current(people):
    matti = people["matti"]
    assert matti.search_name == "matti juhani lehtimaki"
    matti.last_name = "Ylä-Mäkelä"
    matti.save(update_fields=["last_name"])
    assert Jobseeker.objects.get(pk=matti.pk).search_name == "matti juhani yla makela"


def test_the_data_migration_fills_existing_rows(people):
    Jobseeker.objects.update(search_name="")
    migration = importlib.import_module("jobseekers.migrations.0004_search_name")
    migration.fill(apps, None)
    assert Jobseeker.objects.get(pk=people["asa"].pk).search_name == "asa ostrom"
    assert not Jobseeker.objects.filter(search_name="").exists()


def test_the_generated_population_is_searchable(area):
    call_command("generate_population", "--month", "2023-08", "--scale", "0.02", "--municipality", "205")
    rows = list(Jobseeker.objects.values_list("first_name", "last_name", "search_name"))
    assert rows
    assert all(key == names.search_key(first, last) for first, last, key in rows)


@pytest.mark.postgresql
def test_postgresql_serves_a_partial_name_from_the_trigram_index(people):
    query = str(Jobseeker.objects.filter(search_name__contains="lehti").only("pk").query)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute(f"EXPLAIN {query.replace('%lehti%', chr(39) + '%lehti%' + chr(39))}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "jobseeker_search_name_trgm" in plan


# --- the page ------------------------------------------------------------------------------------------------------


@pytest.fixture
def signed_in(client, staff):
    client.force_login(staff["kajaani"])
    return client


def listed(response) -> set[str]:
    return {f"{p.first_name} {p.last_name}" for p in response.context["page"].object_list}


@pytest.mark.parametrize("typed", ["28.11.1990", "1990-11-28", "28.11.1990 "])
def test_page_birth_date_in_finnish_or_iso_form(signed_in, people, typed):
    response = signed_in.get("/asiakkaat/", {"birth_date": typed})
    assert response.status_code == 200
    assert listed(response) == {"Matti Juhani Lehtimäki", "Åsa Öström"}
    assert "Haettiin: syntymäaika 28.11.1990. Löytyi 2 asiakasta." in response.content.decode()


def test_page_says_what_was_searched_and_how_many_were_found(signed_in, people):
    response = signed_in.get("/asiakkaat/", {"name": "lehtimaki, matti", "municipality": "205"})
    assert listed(response) == {"Matti Juhani Lehtimäki"}
    assert "Haettiin: nimi ”lehtimaki, matti”, kotikunta Kajaani. Löytyi 1 asiakas." in response.content.decode()
    assert "Ei hakuehtoja: 4 asiakasta." in signed_in.get("/asiakkaat/").content.decode()


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"birth_date": "31.2.1990"}, "birth_date", "Kirjoita syntymäaika muodossa 28.11.1990 tai 1990-11-28."),
        ({"birth_date": "marraskuu"}, "birth_date", "Kirjoita syntymäaika muodossa 28.11.1990 tai 1990-11-28."),
        ({"name": "281190-123A"}, "name", "Nimessä ei voi olla numeroita"),
    ],
)
def test_page_refuses_a_malformed_value_naming_the_field(signed_in, people, params, field, message):
    response = signed_in.get("/asiakkaat/", params)
    assert response.status_code == 400
    assert message in response.context["form"].errors[field][0]
    assert listed(response) == set(), "nothing listed for a search that could not be made"
    assert "Hakuehdoissa on virhe" in response.content.decode()


def test_page_is_forbidden_to_a_role_without_search(client, staff, people):
    client.force_login(staff["payment"])
    assert client.get("/asiakkaat/", {"name": "lehtimaki"}).status_code == 403


@pytest.mark.parametrize("shape", ["as-is", "no-separator", "lower-case", "no-separator-lower-case", "spaced"])
def test_identity_code_with_or_without_its_separator(signed_in, people, shape):
    code = people["matti"].reveal_hetu()
    typed = {
        "as-is": code,
        "no-separator": code[:6] + code[7:],
        "lower-case": code.lower(),
        "no-separator-lower-case": (code[:6] + code[7:]).lower(),
        "spaced": f" {code[:6]} {code[7:]} ",
    }[shape]
    response = signed_in.post("/asiakkaat/", {"hetu": typed})
    assert response.status_code == 302
    assert response.url == f"/asiakkaat/{people['matti'].pk}/"
    assert code[7:] not in response.url
    assert PersonalDataAccess.objects.filter(subject_id=str(people["matti"].pk), outcome="granted").exists()


def test_identity_code_out_of_scope_is_not_found_and_logged_as_denied(client, staff, people):
    client.force_login(staff["kuhmo"])
    code = people["matti"].reveal_hetu()
    response = client.post("/asiakkaat/", {"hetu": code[:6] + code[7:]})
    assert response.status_code == 302 and response.url == "/asiakkaat/"
    denied = PersonalDataAccess.objects.get(outcome="denied")
    assert denied.subject_id == str(people["matti"].pk)


def test_identity_code_without_separator_that_fits_two_people_asks_for_the_separator(signed_in, area):
    born = date(1985, 5, 5)
    make_jobseeker(hetu=hetu.synthetic(born, 950, century_sign="-"))
    make_jobseeker(hetu=hetu.synthetic(born, 950, century_sign="Y"))
    typed = hetu.synthetic(born, 950).replace("-", "")
    response = signed_in.post("/asiakkaat/", {"hetu": typed})
    assert response.status_code == 400
    assert "sopii usealle asiakkaalle" in response.context["hetu_form"].errors["hetu"][0]
    assert typed not in str(response.context["hetu_form"].errors)
    assert not PersonalDataAccess.objects.filter(purpose="haku henkilötunnuksella").exists(), "nobody was shown"


def test_readings_of_a_code_without_its_sign():
    code = hetu.synthetic(date(1985, 5, 5), 950)
    readings = hetu.readings(code.replace("-", ""), today=date(2025, 6, 1), allow_temporary=True)
    assert [r.code[6] for r in readings] == ["+", "-", "Y", "X", "W", "V", "U"], "2085 is in the future"
    assert {r.birth_date for r in readings} == {date(1885, 5, 5), date(1985, 5, 5)}
    with pytest.raises(hetu.HetuError) as refused:
        hetu.readings(code.replace("-", "")[:-1] + "0", today=date(2025, 6, 1), allow_temporary=True)
    assert refused.value.code == "checksum"


# --- the API -------------------------------------------------------------------------------------------------------


def api_names(client, **params) -> set[str]:
    response = client.get("/api/v1/jobseekers/", params)
    assert response.status_code == 200, response.content
    return {f"{row['first_name']} {row['last_name']}" for row in response.json()["results"]}


def test_api_name_and_birth_date(signed_in, people):
    assert api_names(signed_in, name="Lehtimäki, Matti") == {"Matti Juhani Lehtimäki"}
    assert api_names(signed_in, name="LEHTIMAKI") == {"Matti Juhani Lehtimäki", "Maija Lehtimäki"}
    assert api_names(signed_in, birth_date="1990-11-28") == {"Matti Juhani Lehtimäki", "Åsa Öström"}
    assert api_names(signed_in, birth_date="28.11.1990", name="ostrom") == {"Åsa Öström"}
    assert api_names(signed_in, name="lehtimaki", municipality="205", limit=1) == {"Maija Lehtimäki"}
    assert api_names(signed_in, name="lehtimaki", municipality="205", limit=1, offset=1) == {"Matti Juhani Lehtimäki"}


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"nimi": "lehtimaki"}, "nimi"),
        ({"name": "lehtimaki", "sort": "name"}, "sort"),
        ({"birth_date": "1990-13-01"}, "birth_date"),
        ({"birth_date": "yesterday"}, "birth_date"),
        ({"name": "x" * 101}, "name"),
        ({"name": "010190-123A"}, "name"),
        ({"limit": "-1"}, "limit"),
    ],
)
def test_api_answers_400_naming_the_parameter(signed_in, people, params, field):
    response = signed_in.get("/api/v1/jobseekers/", params)
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_api_names_what_it_knows_for_an_unknown_parameter(signed_in, people):
    message = signed_in.get("/api/v1/jobseekers/", {"hetu": "x"}).json()["hetu"][0]
    assert message.startswith("Tuntematon parametri.")
    assert "birth_date" in message and "name" in message and "limit" in message


def test_api_wrong_municipality_or_role_finds_nobody(client, staff, people):
    client.force_login(staff["paltamo"])
    assert api_names(client, name="lehtimaki") == set()
    client.force_login(staff["payment"])
    assert client.get("/api/v1/jobseekers/", {"name": "lehtimaki"}).status_code == 403


def test_api_identity_code_without_separator(signed_in, people):
    code = people["asa"].reveal_hetu()
    response = signed_in.post(
        "/api/v1/jobseekers/hetu-search/", {"hetu": (code[:6] + code[7:]).lower()}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["last_name"] == "Öström"


def test_page_filters_overdue_only_and_no_plan(signed_in, people):
    from datetime import timedelta

    from common.today import service_today
    from tests.service_model.factories import DeadlineFactory, EmploymentPlanFactory

    DeadlineFactory(jobseeker=people["matti"], due_on=service_today() - timedelta(days=3))
    for name in ("maija", "asa", "anna"):
        DeadlineFactory(jobseeker=people[name], due_on=service_today() + timedelta(days=3))
    EmploymentPlanFactory(jobseeker=people["matti"], updated_by=None)
    overdue = signed_in.get("/asiakkaat/", {"overdue": "on"})
    assert listed(overdue) == {"Matti Juhani Lehtimäki"}
    assert "Haettiin: vain myöhässä olevat. Löytyi 1 asiakas." in overdue.content.decode()
    without_plan = listed(signed_in.get("/asiakkaat/", {"without_plan": "on"}))
    assert "Matti Juhani Lehtimäki" not in without_plan and "Maija Lehtimäki" in without_plan
    assert listed(signed_in.get("/asiakkaat/", {"overdue": "on", "without_plan": "on"})) == set()
