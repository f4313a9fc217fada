"""Procurement: a need raised at the customer interface, the working group's agenda and handling, the procurement and
its places per municipality, referrals to bought places and the needs-vs-places-vs-use report."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from cooperation import enums
from cooperation.models import AgendaItem, PlaceReferral, Procurement, ServiceNeed
from cooperation.selectors import procurement as selectors
from cooperation.services import procurement as services
from tests.cooperation.factories import accept, area, make_need, make_procurement, put_on_agenda
from tests.jobseekers.factories import TODAY, make_jobseeker

pytestmark = pytest.mark.django_db


def test_a_counsellor_raises_a_need_that_waits_for_the_working_group(staff):
    need = make_need(staff["counsellor"], places=4, urgency="urgent")
    assert need.state == enums.NeedState.RAISED
    assert need.municipality.code == "205" and need.places == 4
    assert list(selectors.waiting_needs(staff["manager"])) == [need]


def test_a_bad_need_is_refused_naming_every_field_and_nothing_is_written(staff):
    with pytest.raises(ValidationError) as refused:
        services.raise_need(
            area=area(),
            municipality="999",
            service_type="juggling",
            target_group="adults",
            places=0,
            urgency="normal",
            justification="  ",
            by=staff["counsellor"],
            today=TODAY,
        )
    assert set(refused.value.message_dict) == {"municipality", "service_type", "places", "justification"}
    assert not ServiceNeed.objects.exists()


def test_the_area_management_does_not_raise_needs(staff):
    with pytest.raises(ValidationError) as refused:
        make_need(staff["manager"])
    assert "__all__" in refused.value.message_dict


def test_the_working_group_puts_a_need_on_the_agenda_once(staff):
    need = make_need(staff["counsellor"])
    meeting, item = put_on_agenda(staff["supervisor"], need)
    need.refresh_from_db()
    assert need.state == enums.NeedState.ON_AGENDA
    assert list(selectors.agenda(meeting)) == [item]
    with pytest.raises(ValidationError) as refused:
        services.add_to_agenda(meeting, need.pk, by=staff["supervisor"])
    assert "need" in refused.value.message_dict


def test_a_counsellor_does_not_act_as_the_working_group(staff):
    need = make_need(staff["counsellor"])
    with pytest.raises(ValidationError):
        put_on_agenda(staff["counsellor"], need)
    assert not AgendaItem.objects.exists()


def test_a_rejection_needs_a_reason(staff):
    need = make_need(staff["counsellor"])
    _meeting, item = put_on_agenda(staff["manager"], need)
    with pytest.raises(ValidationError) as refused:
        services.handle_item(item, handling=enums.Handling.REJECTED, reason="", by=staff["manager"])
    assert "reason" in refused.value.message_dict
    services.handle_item(item, handling=enums.Handling.REJECTED, reason="Palvelu on jo hankittu.", by=staff["manager"])
    need.refresh_from_db()
    assert need.state == enums.NeedState.REJECTED


def test_a_postponed_need_goes_on_a_later_agenda_and_a_handled_item_is_not_handled_twice(staff):
    need = make_need(staff["counsellor"])
    _meeting, item = put_on_agenda(staff["manager"], need)
    services.handle_item(item, handling=enums.Handling.POSTPONED, reason="", by=staff["manager"])
    with pytest.raises(ValidationError):
        services.handle_item(item, handling=enums.Handling.ACCEPTED, reason="", by=staff["manager"])
    _later, again = put_on_agenda(staff["manager"], need)
    services.handle_item(again, handling=enums.Handling.ACCEPTED, reason="", by=staff["manager"])
    need.refresh_from_db()
    assert need.state == enums.NeedState.ACCEPTED


def test_only_accepted_needs_are_procured(staff):
    raised = make_need(staff["counsellor"])
    with pytest.raises(ValidationError) as refused:
        make_procurement(staff["supervisor"], needs=[raised])
    assert "needs" in refused.value.message_dict
    assert not Procurement.objects.exists()


def test_a_procurement_buys_places_per_municipality_and_marks_its_needs(staff):
    need = accept(staff["supervisor"], make_need(staff["counsellor"]))
    procurement = make_procurement(staff["supervisor"], needs=[need], places={"205": 2, "290": 1})
    need.refresh_from_db()
    assert need.state == enums.NeedState.PROCURED
    assert {(row.municipality.code, row.places, row.free) for row in selectors.places(procurement)} == {
        ("205", 2, 2),
        ("290", 1, 1),
    }


def test_a_procurement_with_bad_dates_budget_and_places_is_refused(staff):
    need = accept(staff["supervisor"], make_need(staff["counsellor"]))
    with pytest.raises(ValidationError) as refused:
        services.create_procurement(
            area=area(),
            title="",
            service_type="coaching",
            procedure="open",
            tender_published_on=TODAY,
            decided_on=TODAY - timedelta(days=1),
            contract_starts_on=TODAY,
            contract_ends_on=TODAY - timedelta(days=1),
            budget="paljon",
            providers="Oy",
            needs=[need],
            places={"205": 0},
            by=staff["supervisor"],
        )
    assert set(refused.value.message_dict) == {"title", "decided_on", "contract_ends_on", "budget", "places"}


def test_referrals_take_the_home_municipalitys_places_until_none_is_free(staff):
    procurement = make_procurement(staff["supervisor"], raised_by=staff["counsellor"], places={"205": 1})
    first = make_jobseeker(with_counsellor=staff["counsellor"])
    second = make_jobseeker(with_counsellor=staff["counsellor"])
    referral = services.refer_to_place(procurement, first, referred_on=TODAY, by=staff["counsellor"])
    assert referral.municipality.code == "205"
    with pytest.raises(ValidationError) as refused:
        services.refer_to_place(procurement, second, referred_on=TODAY, by=staff["counsellor"])
    assert "procurement" in refused.value.message_dict
    services.record_place_outcome(referral, outcome=enums.PlaceOutcome.DID_NOT_START, on=TODAY, by=staff["counsellor"])
    services.refer_to_place(procurement, second, referred_on=TODAY, by=staff["counsellor"])
    assert PlaceReferral.objects.count() == 2


def test_no_referral_outside_the_contract_or_to_another_municipalitys_places(staff, make_staff):
    procurement = make_procurement(staff["supervisor"], raised_by=staff["counsellor"], places={"290": 3})
    kajaani = make_jobseeker(with_counsellor=staff["counsellor"])
    with pytest.raises(ValidationError) as refused:
        services.refer_to_place(procurement, kajaani, referred_on=TODAY - timedelta(days=1), by=staff["counsellor"])
    assert set(refused.value.message_dict) == {"referred_on", "procurement"}


def test_a_counsellor_refers_only_a_job_seeker_in_their_scope(staff, make_staff):
    procurement = make_procurement(staff["supervisor"], raised_by=staff["counsellor"])
    other = make_staff("counsellor", "290", team="kuhmo")
    person = make_jobseeker(with_counsellor=staff["counsellor"])
    with pytest.raises(ValidationError) as refused:
        services.refer_to_place(procurement, person, referred_on=TODAY, by=other)
    assert "__all__" in refused.value.message_dict


def test_the_report_sets_needs_against_places_bought_and_used(staff):
    make_need(staff["counsellor"], places=5)
    procurement = make_procurement(staff["supervisor"], raised_by=staff["counsellor"], places={"205": 2})
    person = make_jobseeker(with_counsellor=staff["counsellor"])
    referral = services.refer_to_place(procurement, person, referred_on=TODAY, by=staff["counsellor"])
    services.record_place_outcome(referral, outcome=enums.PlaceOutcome.STARTED, on=TODAY, by=staff["counsellor"])
    kajaani = next(row for row in selectors.report(area()) if row.municipality.code == "205")
    assert (kajaani.needs, kajaani.places_needed, kajaani.places_accepted) == (2, 8, 3)
    assert (kajaani.places_bought, kajaani.places_used) == (2, 1)
    kuhmo = next(row for row in selectors.report(area()) if row.municipality.code == "290")
    assert (kuhmo.needs, kuhmo.places_bought, kuhmo.places_used) == (0, 0, 0)


def test_a_freed_place_is_not_taken_back_once_someone_else_holds_it(staff):
    procurement = make_procurement(staff["supervisor"], raised_by=staff["counsellor"], places={"205": 1})
    first = make_jobseeker(with_counsellor=staff["counsellor"])
    second = make_jobseeker(with_counsellor=staff["counsellor"])
    freed = services.refer_to_place(procurement, first, referred_on=TODAY, by=staff["counsellor"])
    services.record_place_outcome(freed, outcome=enums.PlaceOutcome.DID_NOT_START, on=TODAY, by=staff["counsellor"])
    services.refer_to_place(procurement, second, referred_on=TODAY, by=staff["counsellor"])
    with pytest.raises(ValidationError) as refused:
        services.record_place_outcome(freed, outcome=enums.PlaceOutcome.STARTED, on=TODAY, by=staff["counsellor"])
    assert "outcome" in refused.value.message_dict


def test_a_stale_copy_of_a_referral_cannot_take_a_place_someone_else_now_holds(staff):
    procurement = make_procurement(staff["supervisor"], raised_by=staff["counsellor"], places={"205": 1})
    first = make_jobseeker(with_counsellor=staff["counsellor"])
    second = make_jobseeker(with_counsellor=staff["counsellor"])
    services.refer_to_place(procurement, first, referred_on=TODAY, by=staff["counsellor"])
    # Two handlers opened the first person's referral while it still held the place.
    stale = PlaceReferral.objects.get(jobseeker=first)
    fresh = PlaceReferral.objects.get(jobseeker=first)
    services.record_place_outcome(fresh, outcome=enums.PlaceOutcome.DID_NOT_START, on=TODAY, by=staff["counsellor"])
    services.refer_to_place(procurement, second, referred_on=TODAY, by=staff["counsellor"])
    with pytest.raises(ValidationError) as refused:
        services.record_place_outcome(stale, outcome=enums.PlaceOutcome.STARTED, on=TODAY, by=staff["counsellor"])
    assert "outcome" in refused.value.message_dict
    holding = [o.value for o in enums.PlaceOutcome if o.holds_place]
    assert PlaceReferral.objects.filter(procurement=procurement, outcome__in=holding).count() == 1
