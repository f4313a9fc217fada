"""The caseload tables and the municipality choices follow the page's language in their order too, not only in their
names. The area's real Swedish names (Kajana) sort where the Finnish ones do, so Taivalkoski gets a Swedish name here
that sorts first."""

import pytest
from django.utils import translation

from jobseekers import selectors
from jobseekers.forms import municipality_choices
from organisation.models import Municipality

pytestmark = pytest.mark.django_db

SWEDISH = "Bergby"


@pytest.fixture
def renamed(area, make_staff):
    Municipality.objects.filter(code="832").update(name_sv=SWEDISH)
    make_staff(municipality_code="205", team="kajaani-aikuiset", last_name="Kajaanilainen", username="kaj")
    make_staff(municipality_code="832", team="taivalkoski", last_name="Taivalkoskelainen", username="tai")
    return make_staff(role="area_manager", municipality_code="205", username="alue")


def _page(client, manager, language):
    client.force_login(manager)
    return client.get("/asiakkaat/asiakasmaarat/?kunta=kaikki", HTTP_ACCEPT_LANGUAGE=language).context


def test_a_swedish_page_sorts_the_municipalities_by_their_swedish_names(client, renamed):
    context = _page(client, renamed, "sv")
    names = [row["name"] for row in context["municipality_table"].rows]
    assert names[0] == SWEDISH and "Kajana" in names
    assert names == sorted(names)
    assert [row["municipality"] for row in context["team_table"].rows][0] == SWEDISH
    counsellors = [row.municipality for row in context["page"].object_list]
    assert counsellors[0] == SWEDISH and counsellors.index(SWEDISH) < counsellors.index("Kajana")
    assert [name for _code, name in context["municipalities"]][0] == SWEDISH


def test_a_finnish_page_keeps_the_finnish_order(client, renamed):
    context = _page(client, renamed, "fi")
    names = [row["name"] for row in context["municipality_table"].rows]
    assert names == sorted(names) and names[-1] == "Taivalkoski" and SWEDISH not in names
    counsellors = [row.municipality for row in context["page"].object_list]
    assert counsellors.index("Kajaani") < counsellors.index("Taivalkoski")
    assert [name for _code, name in context["municipalities"]][-1] == "Taivalkoski"


def test_the_selector_orders_in_the_active_language(renamed):
    with translation.override("sv"):
        data = selectors.caseloads(renamed)
        # Counsellor rows are built when read (CounsellorCaseloads), so read in the same language.
        assert list(data["counsellors"])[0].municipality == SWEDISH
    assert [row.name for row in data["municipalities"]][0] == SWEDISH


def test_the_search_form_names_the_municipalities_in_the_language(renamed):
    with translation.override("sv"):
        assert municipality_choices()[1] == ("832", SWEDISH)
        assert ("205", "Kajana") in municipality_choices()
    assert municipality_choices()[-1] == ("832", "Taivalkoski")


def test_the_order_reads_each_municipality_name_once_not_once_per_counsellor(renamed, make_staff, monkeypatch):
    # At national scale (6 000 counsellors) a name read per counsellor costs ~20 ms of the dashboard's 200 ms budget.
    calls = []
    real = selectors.in_language
    monkeypatch.setattr(selectors, "in_language", lambda *args, **kwargs: calls.append(1) or real(*args, **kwargs))

    def names_read() -> int:
        calls.clear()
        with translation.override("sv"):
            selectors.caseloads(renamed)
        return len(calls)

    before = names_read()
    for number in range(20):
        make_staff(municipality_code="205", team="kajaani-aikuiset", username=f"lisa-{number}")
    assert names_read() == before
