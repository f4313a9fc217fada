"""The search page's statistical concept: Statistics Finland's unemployed (the unemployed and the fully laid off), as
the API's `concept=unemployed`; the status filter stays one exact status."""

import pytest

from tests.jobseekers.factories import make_jobseeker

pytestmark = pytest.mark.django_db

STATUSES = ("unemployed", "fully_laid_off", "partly_laid_off", "employed")


@pytest.fixture
def signed_in(client, area, make_staff):
    for status in STATUSES:
        make_jobseeker(first_name=status.replace("_", ""), last_name="Testinen", status=status)
    client.force_login(make_staff(municipality_code="205", team="kajaani-aikuiset"))
    return client


def listed(response) -> list[str]:
    return sorted(person.status for person in response.context["page"].object_list)


def test_concept_unemployed_lists_the_unemployed_and_the_fully_laid_off(signed_in):
    response = signed_in.get("/asiakkaat/", {"concept": "unemployed"})
    assert response.status_code == 200
    assert listed(response) == ["fully_laid_off", "unemployed"]
    body = response.content.decode()
    assert "Haettiin: työttömät (Tilastokeskus: myös kokoaikaisesti lomautetut). Löytyi 2 asiakasta." in body


def test_status_stays_exact_and_combines_with_the_concept(signed_in):
    assert listed(signed_in.get("/asiakkaat/", {"status": "unemployed"})) == ["unemployed"]
    both = signed_in.get("/asiakkaat/", {"status": "fully_laid_off", "concept": "unemployed"})
    assert listed(both) == ["fully_laid_off"]
    assert listed(signed_in.get("/asiakkaat/", {"status": "employed", "concept": "unemployed"})) == []


def test_the_form_offers_the_concept_with_its_help_text(signed_in):
    body = signed_in.get("/asiakkaat/").content.decode()
    assert '<label for="id_concept">Tilaston käsite</label>' in body
    assert '<option value="unemployed">Työttömät (Tilastokeskuksen käsite)</option>' in body
    assert 'id="concept-help"' in body and "työttömät ja kokoaikaisesti lomautetut, ei lyhennetyllä" in body
    assert 'aria-describedby="concept-help concept-error"' in body


def test_an_unknown_concept_is_an_error_on_the_field(signed_in):
    response = signed_in.get("/asiakkaat/", {"concept": "idle"})
    assert response.status_code == 400
    assert response.context["form"].errors["concept"] == ["Tuntematon tilaston käsite ”idle”: valitse käsite listasta."]
    assert listed(response) == [], "nothing listed for a search that could not be made"
    body = response.content.decode()
    assert "Hakuehdoissa on virhe" in body
    assert '<div class="field-error" id="concept-error" aria-live="polite"><p>Tuntematon tilaston käsite' in body


@pytest.mark.parametrize(
    ("language", "label"),
    [("sv", "Statistikbegrepp"), ("en", "Statistical concept")],
)
def test_the_concept_label_is_translated(signed_in, language, label):
    signed_in.cookies["django_language"] = language
    assert label in signed_in.get("/asiakkaat/").content.decode()
