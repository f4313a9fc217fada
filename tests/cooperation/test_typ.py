"""The multisectoral service: the assessment stored with its rule, the client relationship with the county serving the
person's municipality (from the data), consents with their withdrawal honoured, referrals and the caseload."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from cooperation.models import TypReferral
from cooperation.selectors import typ as selectors
from cooperation.services import typ as services
from organisation.models import Municipality
from tests.cooperation.factories import area, county, make_assessment, make_consent
from tests.cooperation.locking import first_statement, takes_the_write_lock
from tests.jobseekers.factories import TODAY, make_jobseeker

pytestmark = pytest.mark.django_db


def test_the_county_serving_a_municipality_comes_from_the_data(area):
    assert services.wellbeing_county_for(Municipality.objects.get(code="205")).key == "kainuun-hyvinvointialue"
    assert (
        services.wellbeing_county_for(Municipality.objects.get(code="305")).key == "pohjois-pohjanmaan-hyvinvointialue"
    )
    assert (
        services.wellbeing_county_for(Municipality.objects.get(code="832")).key == "pohjois-pohjanmaan-hyvinvointialue"
    )


def test_an_assessment_stores_the_rule_that_gave_it(staff):
    person = make_jobseeker(long_term=True, with_counsellor=staff["counsellor"])
    record = make_assessment(staff["counsellor"], person)
    assert record.rule_id == "typ-2025" and "381/2023" in record.rule_source
    assert record.assessment_due and record.eligible is True
    assert record.continuous_unemployment_months >= 12
    assert [reason["code"] for reason in record.reasons] == ["adult_unemployment", "need_found"]


def test_a_found_need_must_be_described(staff, client_of):
    with pytest.raises(ValidationError) as refused:
        services.assess(
            client_of,
            on=TODAY,
            labour_market_subsidy_days=-1,
            needs_multisectoral_services=True,
            need_description="",
            by=staff["counsellor"],
        )
    assert set(refused.value.message_dict) == {"labour_market_subsidy_days", "need_description"}


def test_the_client_relationship_needs_a_found_need_and_gets_the_persons_county(staff, make_staff):
    counsellor = make_staff("counsellor", "305", team="kuusamo")
    person = make_jobseeker(municipality="305", with_counsellor=counsellor)
    make_assessment(counsellor, person, need=False)
    with pytest.raises(ValidationError):
        services.open_client(
            person, started_on=TODAY, joint_plan="Suunnitelma", county_contact="", kela_contact="", by=counsellor
        )
    make_assessment(counsellor, person, need=True)
    client = services.open_client(
        person,
        started_on=TODAY,
        joint_plan="Kuntoutusselvitys.",
        county_contact="Sosiaalityöntekijä",
        kela_contact="",
        by=counsellor,
    )
    assert client.wellbeing_county.key == "pohjois-pohjanmaan-hyvinvointialue"
    with pytest.raises(ValidationError):
        services.open_client(
            person, started_on=TODAY, joint_plan="Toinen", county_contact="", kela_contact="", by=counsellor
        )


def test_a_referral_is_made_under_a_consent_in_force_and_never_after_its_withdrawal(staff, client_of):
    counsellor = staff["counsellor"]
    consent = make_consent(counsellor, client_of)
    referral = services.refer(
        client_of, consent=consent.pk, reason="Sosiaalityön arvio.", referred_on=TODAY, by=counsellor
    )
    assert referral.partner == county()
    services.withdraw_consent(consent, withdrawn_on=TODAY + timedelta(days=5), note="Asiakas perui.", by=counsellor)
    with pytest.raises(ValidationError) as refused:
        services.refer(
            client_of, consent=consent.pk, reason="Uusi ohjaus.", referred_on=TODAY + timedelta(days=1), by=counsellor
        )
    assert "consent" in refused.value.message_dict
    assert TypReferral.objects.count() == 1
    kinds = [event.kind for event in selectors.history(client_of)]
    assert kinds == ["consent_given", "referral", "consent_withdrawn"]


def test_no_referral_outside_the_consents_period_or_under_another_persons_consent(staff, client_of):
    counsellor = staff["counsellor"]
    consent = make_consent(counsellor, client_of, valid_until=TODAY + timedelta(days=10))
    with pytest.raises(ValidationError):
        services.refer(
            client_of, consent=consent.pk, reason="Myöhässä.", referred_on=TODAY + timedelta(days=11), by=counsellor
        )
    other = make_jobseeker(with_counsellor=counsellor)
    with pytest.raises(ValidationError):
        services.refer(other, consent=consent.pk, reason="Väärä henkilö.", referred_on=TODAY, by=counsellor)


def test_a_consent_goes_only_to_a_typ_partner_with_named_information(staff, client_of):
    from organisation.models import Partner

    with pytest.raises(ValidationError) as refused:
        services.give_consent(
            client_of,
            recipient=Partner.objects.get(key="tyokanava").pk,
            information=[],
            purpose="",
            given_on=TODAY,
            valid_until=TODAY - timedelta(days=1),
            by=staff["counsellor"],
        )
    assert set(refused.value.message_dict) == {"recipient", "information", "purpose", "valid_until"}


def test_a_withdrawal_is_recorded_once(staff, client_of):
    consent = make_consent(staff["counsellor"], client_of)
    services.withdraw_consent(consent, withdrawn_on=TODAY, note="", by=staff["counsellor"])
    with pytest.raises(ValidationError):
        services.withdraw_consent(consent, withdrawn_on=TODAY, note="", by=staff["counsellor"])


def test_the_caseload_is_set_against_kajaanis_typ_target(staff, make_staff):
    typ_counsellor = make_staff("counsellor", "205", team="kajaani-typ")
    person = make_jobseeker(typ=True, long_term=True)
    make_assessment(typ_counsellor, person)
    services.open_client(
        person, started_on=TODAY, joint_plan="Suunnitelma.", county_contact="", kela_contact="", by=typ_counsellor
    )
    kajaani = next(row for row in selectors.caseload(area()) if row.municipality.code == "205")
    assert (kajaani.clients, kajaani.target_max, kajaani.per_fte) == (1, 100, 1)
    assert kajaani.over_target is False
    kuhmo = next(row for row in selectors.caseload(area()) if row.municipality.code == "290")
    assert kuhmo.target_max is None and kuhmo.over_target is None


def test_another_municipalitys_counsellor_cannot_record_for_the_person(staff, client_of, make_staff):
    other = make_staff("counsellor", "290", team="kuhmo")
    with pytest.raises(ValidationError) as refused:
        make_consent(other, client_of)
    assert "__all__" in refused.value.message_dict


def test_a_referral_is_not_dated_ahead_where_a_later_withdrawal_could_not_reach_it(staff, client_of, settings):
    settings.SERVICE_MODEL_TODAY = TODAY.isoformat()
    counsellor = staff["counsellor"]
    consent = make_consent(counsellor, client_of, valid_until=TODAY + timedelta(days=90))
    with pytest.raises(ValidationError) as refused:
        services.refer(
            client_of, consent=consent.pk, reason="Ensi kuussa.", referred_on=TODAY + timedelta(days=30), by=counsellor
        )
    assert set(refused.value.message_dict) == {"referred_on"}
    assert not TypReferral.objects.exists()
    services.refer(client_of, consent=consent.pk, reason="Tänään.", referred_on=TODAY, by=counsellor)
    assert TypReferral.objects.count() == 1


def test_the_counsellor_ends_the_client_relationship_from_the_page(client, staff, client_of):
    counsellor = staff["counsellor"]
    make_assessment(counsellor, client_of, need=True)
    started = services.open_client(
        client_of, started_on=TODAY, joint_plan="Suunnitelma.", county_contact="", kela_contact="", by=counsellor
    )
    client.force_login(counsellor)
    url = f"/yhteistyo/typ/{client_of.pk}/asiakkuus/paata/"
    early = client.post(url, {"ended_on": (TODAY - timedelta(days=1)).isoformat()})
    assert early.status_code == 400 and "Asiakkuus ei voi päättyä ennen alkuaan." in early.content.decode()
    assert client.post(url, {"ended_on": TODAY.isoformat()}).status_code == 302
    started.refresh_from_db()
    assert started.ended_on == TODAY and selectors.open_client(client_of) is None
    assert client.post(url, {"ended_on": TODAY.isoformat()}).status_code == 404, "nothing open to end"


def test_another_municipalitys_counsellor_cannot_end_it(client, staff, client_of, make_staff):
    make_assessment(staff["counsellor"], client_of, need=True)
    started = services.open_client(
        client_of, started_on=TODAY, joint_plan="Suunnitelma.", county_contact="", kela_contact="",
        by=staff["counsellor"],
    )  # fmt: skip
    client.force_login(make_staff("counsellor", "305", team="kuusamo"))
    response = client.post(f"/yhteistyo/typ/{client_of.pk}/asiakkuus/paata/", {"ended_on": TODAY.isoformat()})
    assert response.status_code in (403, 404)
    started.refresh_from_db()
    assert started.ended_on is None


def test_a_double_submit_that_passes_the_check_is_a_form_error_not_a_crash(client, staff, client_of, monkeypatch):
    """Two submits of "start the client relationship" race: on SQLite both may pass the check before either writes.
    The check is made to miss the first row here, as the second request's would; the constraint then refuses it."""
    counsellor = staff["counsellor"]
    make_assessment(counsellor, client_of, need=True)
    monkeypatch.setattr(services, "has_open_client", lambda jobseeker: False)
    client.force_login(counsellor)
    url = f"/yhteistyo/typ/{client_of.pk}/asiakkuus/"
    data = {"started_on": TODAY.isoformat(), "joint_plan": "Yhteinen suunnitelma."}
    assert client.post(url, data).status_code == 302
    again = client.post(url, data)
    assert again.status_code == 400
    assert "Työnhakijalla on jo voimassa oleva monialaisen palvelun asiakkuus." in again.content.decode()
    assert selectors.clients_of(client_of).count() == 1
    with pytest.raises(ValidationError) as refused:
        services.open_client(
            client_of, started_on=TODAY, joint_plan="x", county_contact="", kela_contact="", by=counsellor
        )
    assert "__all__" in refused.value.message_dict


def test_opening_a_client_takes_the_write_lock_before_it_reads(staff, client_of):
    counsellor = staff["counsellor"]
    make_assessment(counsellor, client_of, need=True)
    first = first_statement(
        lambda: services.open_client(
            client_of,
            started_on=TODAY,
            joint_plan="Yhteinen suunnitelma.",
            county_contact="",
            kela_contact="",
            by=counsellor,
        )
    )
    assert takes_the_write_lock(first), first
