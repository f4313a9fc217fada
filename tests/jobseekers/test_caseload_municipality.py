"""A municipality's caseload page (a supervisor's by default) reads only that municipality's counsellors and count
groups: it must show exactly the rows the whole area's page shows for that municipality."""

import pytest
from django.core.management import call_command

from accounts.models import User
from jobseekers import selectors
from organisation.models import Municipality
from organisation.pools import municipality_pool

pytestmark = pytest.mark.django_db


@pytest.fixture
def area_manager(area, make_staff):
    call_command("generate_population", "--month", "2023-08", "--seed", "2")
    # At home in Kajaani, in a Kuhmo team: listed on both municipalities' pages, as before.
    make_staff(municipality_code="205", team="kuhmo", username="kahden-kunnan")
    make_staff(municipality_code="205", is_active=False, username="entinen")
    return make_staff(role="area_manager", municipality_code="205", username="alue")


def _where(counsellor: User) -> set[str]:
    places = {counsellor.home_municipality.code} if counsellor.home_municipality else set()
    return places | ({counsellor.team.municipality.code} if counsellor.team else set())


def test_each_municipality_shows_what_the_whole_area_shows_of_it(area_manager):
    whole = selectors.caseloads(area_manager)
    counsellors = {row.key: row for row in whole["counsellors"]}
    people = {f"user:{u.pk}": u for u in User.objects.select_related("home_municipality", "team__municipality")}
    assert any(len(_where(people[key])) == 2 for key in counsellors), "someone works in two municipalities"
    for municipality in Municipality.objects.all():
        own = selectors.caseloads(area_manager, municipality_code=municipality.code)
        assert own["municipalities"] == [
            row for row in whole["municipalities"] if row.key == municipality_pool(municipality.code)
        ]
        assert own["teams"] == [row for row in whole["teams"] if row.municipality == municipality.name_fi]
        assert list(own["counsellors"]) == [
            row for row in counsellors.values() if municipality.code in _where(people[row.key])
        ]


def test_an_unknown_municipality_shows_nothing(area_manager):
    data = selectors.caseloads(area_manager, municipality_code="999")
    assert data["municipalities"] == [] and data["teams"] == [] and list(data["counsellors"]) == []
