"""The caseload tables in the page's language: municipality names as stored in it (Kajana), the notes translated."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "kajaani", "note"),
    [
        ("fi", "Kajaani", "asukkaita palvelee Paltamo"),
        ("sv", "Kajana", "invånarna betjänas av Paltamo"),
        ("en", "Kajaani", "residents served by Paltamo"),
    ],
)
def test_names_and_notes_follow_the_language(client, area, make_staff, language, kajaani, note):
    client.force_login(make_staff(role="area_manager", municipality_code="205"))
    response = client.get("/asiakkaat/asiakasmaarat/?kunta=kaikki", HTTP_ACCEPT_LANGUAGE=language)
    rows = {row["name"]: row for row in response.context["municipality_table"].rows}
    assert kajaani in rows
    assert rows["Hyrynsalmi"]["note"] == note
