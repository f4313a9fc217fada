"""The youth point (Ohjaamo) and referrals to partners: anonymous and named visits, the youth age limit, partners
outside the TYP consent path, outcomes, the card's offer of Ohjaamo to every young person, and the report's figures."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cooperation.selectors import report
from cooperation.selectors import youth as selectors
from cooperation.services import youth as services
from organisation.models import Partner
from tests.cooperation.factories import area
from tests.jobseekers.factories import TODAY, make_jobseeker

pytestmark = pytest.mark.django_db


def ohjaamo():
    return selectors.youth_point_offices(area().pk).get()


def test_the_youth_point_is_the_datas_ohjaamo_office(staff):
    assert ohjaamo().key == "kajaani-ohjaamo"


def test_an_anonymous_count_and_a_named_visit(staff):
    services.record_visit(
        area=area(),
        office=ohjaamo().pk,
        visited_on=TODAY,
        municipality="697",
        visitors=4,
        topic="education",
        by=staff["counsellor"],
    )
    young = make_jobseeker(youth=True, with_counsellor=None)
    visit = services.record_visit(
        area=area(),
        office=ohjaamo().pk,
        visited_on=TODAY,
        municipality="",
        visitors=1,
        topic="job_search",
        by=staff["supervisor"],
        jobseeker=young,
    )
    assert visit.municipality == young.municipality
    assert selectors.figures(area())[young.municipality_id]["youth_visits"] == 1


def test_a_bad_visit_is_refused_naming_the_fields(staff):
    adult = make_jobseeker()
    with pytest.raises(ValidationError) as refused:
        services.record_visit(
            area=area(),
            office=0,
            visited_on=TODAY,
            municipality="",
            visitors=2,
            topic="x",
            by=staff["supervisor"],
            jobseeker=adult,
        )
    assert set(refused.value.message_dict) == {"office", "visitors", "topic", "visited_on"}
    with pytest.raises(ValidationError) as refused:
        services.record_visit(
            area=area(),
            office=ohjaamo().pk,
            visited_on=TODAY,
            municipality="999",
            visitors=1,
            topic="other",
            by=staff["manager"],
        )
    assert set(refused.value.message_dict) == {"__all__", "municipality"}


def test_partner_referrals_go_to_tyokanava_or_schools_and_their_outcome_is_followed(staff, client_of):
    county = Partner.objects.get(key="kainuun-hyvinvointialue")
    with pytest.raises(ValidationError) as refused:
        services.refer_to_partner(
            client_of, partner=county.pk, reason="x", referred_on=TODAY, via_youth_point=True, by=staff["counsellor"]
        )
    assert set(refused.value.message_dict) == {"partner", "via_youth_point"}
    referral = services.refer_to_partner(
        client_of,
        partner=Partner.objects.get(key="tyokanava").pk,
        reason="Työkanavan työntekijäksi.",
        referred_on=TODAY,
        via_youth_point=False,
        by=staff["counsellor"],
    )
    services.record_partner_outcome(referral, outcome="started", on=date(2025, 7, 1), by=staff["counsellor"])
    row = next(r for r in report.rows(area()) if r.code == "205")
    assert (row.figures["partner_referrals"], row.figures["partner_started"]) == (1, 1)
    with pytest.raises(ValidationError):
        services.record_partner_outcome(referral, outcome="completed", on=date(2025, 1, 1), by=staff["counsellor"])


def test_the_card_offers_ohjaamo_to_every_young_person_whatever_their_target_group(client, staff, make_staff, settings):
    settings.SERVICE_MODEL_TODAY = "2025-06-02"
    young_foreign = make_jobseeker(youth=True, foreign_language=True)
    supervisor = staff["supervisor"]
    client.force_login(supervisor)
    card = client.get(reverse("jobseekers:card", args=[young_foreign.pk])).content.decode()
    assert "Alle 30-vuotiaana asiakas voi asioida Ohjaamossa" in card
    adult = make_jobseeker()
    assert "Alle 30-vuotiaana" not in client.get(reverse("jobseekers:card", args=[adult.pk])).content.decode()


def test_the_youth_point_page_records_a_count(client, staff, settings):
    settings.SERVICE_MODEL_TODAY = "2025-06-02"
    client.force_login(staff["counsellor"])
    url = reverse("cooperation:youth_point")
    assert client.post(url, {"office": ohjaamo().pk, "visited_on": "2025-06-02", "visitors": "3"}).status_code == 400
    response = client.post(
        url,
        {
            "office": ohjaamo().pk,
            "visited_on": "2025-06-02",
            "municipality": "205",
            "visitors": "3",
            "topic": "wellbeing",
        },
    )
    assert response.status_code == 302
    assert "3 kävijää kirjattu." in client.get(url).content.decode()
    client.force_login(staff["manager"])
    assert client.post(url, {}).status_code == 403
