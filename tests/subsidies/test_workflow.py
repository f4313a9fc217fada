"""The application workflow: each step allowed and refused (wrong role, no delegation, the same person, wrong state,
rectification after 30 days), decisions under delegation, the stored document, scoping and the access log."""

from datetime import date, timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils import timezone

from audit.models import PersonalDataAccess
from common.documents import read_text
from organisation.models import Delegation, Municipality, Team
from subsidies import documents, selectors, services
from subsidies.models import Decision, ImmutableError, Transition
from tests.subsidies.factories import advance, make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(area, rates, make_user):
    """Paltamo's counsellor prepares; Paltamo's decision maker decides under Paltamo's pay-subsidy delegation."""
    team = Team.objects.get(key="paltamo-pienet-kunnat")
    return {
        "preparer": make_user(role="counsellor", municipality_code="578", team=team, username="valmistelija"),
        "decider": make_user(
            role="decision_maker", municipality_code="578", username="paattaja", first_name="Pia", last_name="Päättäjä"
        ),  # fmt: skip
        "outsider": make_user(role="decision_maker", municipality_code="205", username="kajaani-paattaja"),
        "supervisor": make_user(role="supervisor", municipality_code="578", username="esihenkilo"),
    }


def refused(call, field="__all__") -> str:
    with pytest.raises(ValidationError) as raised:
        call()
    return " ".join(raised.value.message_dict[field])


def test_a_pay_subsidy_from_received_to_notified(people):
    preparer, decider = people["preparer"], people["decider"]
    application = make_application(preparer)
    assert application.serving_municipality.code == "578" and application.state == "received"
    services.start_preparation(application.pk, by=preparer)
    services.request_information(application.pk, by=preparer, note="Palkkalaskelma puuttuu.")
    services.information_received(application.pk, by=preparer)
    services.request_statement(application.pk, by=preparer)
    assert list(selectors.working_group_agenda(preparer)) == [application]
    services.record_statement(
        application.pk, by=preparer, stance="supports", text="Puoltaa.", given_on=timezone.localdate()
    )
    services.propose(application.pk, by=preparer, outcome="granted", reasons="")
    assert list(selectors.awaiting_decision(decider)) == [application]
    decision = services.decide(application.pk, by=decider)
    assert (decision.outcome, decision.monthly_amount, decision.total) == ("granted", 1260, 6300)
    assert decision.rule_key == "palkkatuki-yleinen-2025-01"
    assert decision.delegation.municipality.code == "578" and decision.delegation.case_type == "pay_subsidy"
    services.notify(application.pk, by=preparer, notified_on=timezone.localdate())
    application.refresh_from_db()
    assert application.state == "notified"
    steps = list(Transition.objects.filter(application=application).values_list("action", "from_state", "to_state"))
    assert steps[0] == ("receive", "", "received")
    assert steps[-2:] == [("decide", "proposed", "decided"), ("notify", "decided", "notified")]
    assert all(t.by_id and t.at for t in Transition.objects.filter(application=application))


def test_the_decision_document_names_basis_amounts_decider_and_appeal(people):
    application = advance(
        make_application(people["preparer"]), people["preparer"], to="decided", decider=people["decider"]
    )
    decision = application.decisions.get()
    text = read_text(bytes(decision.document))
    for expected in (
        "Päätös: palkkatuki",
        "Myönnetään",
        "1\u00a0260,00\u00a0€",
        "6\u00a0300,00\u00a0€",
        "1.3.2025",
        "31.7.2025",
        "palkkatuki-yleinen-2025-01",
        "380/2023",
        "Pia Päättäjä",
        "Paltamo: palkkatuki",
        "Oikaisuvaatimusohje",
        "30 päivän kuluessa",
    ):
        assert expected in text, expected
    with pytest.raises(ImmutableError):
        decision.save()
    with pytest.raises(ImmutableError):
        decision.delete()


def test_a_decision_in_swedish_on_request(people):
    preparer = people["preparer"]
    application = advance(make_application(preparer), preparer, to="proposed")
    decision = services.decide(application.pk, by=people["decider"], language="sv")
    assert decision.language == "sv"


def test_a_counsellor_cannot_decide(people):
    preparer = people["preparer"]
    application = advance(make_application(preparer), preparer, to="proposed")
    assert "toimivaltaa" in refused(lambda: services.decide(application.pk, by=people["supervisor"]))
    assert "toimivaltaa" in refused(lambda: services.decide(application.pk, by=preparer))
    assert not Decision.objects.exists()


def test_a_decision_maker_without_delegation_for_the_municipality_is_refused_and_sees_nothing(people):
    preparer, outsider = people["preparer"], people["outsider"]
    application = advance(make_application(preparer), preparer, to="proposed")
    message = refused(lambda: services.decide(application.pk, by=outsider))
    assert "kunnassa Paltamo" in message and "delegointiin" in message
    assert not selectors.awaiting_decision(outsider).exists()
    with pytest.raises(Http404):
        selectors.get_application(outsider, application.pk, view="testi", purpose="testi")
    denied = PersonalDataAccess.objects.get(user=outsider)
    assert (denied.outcome, denied.subject_id) == ("denied", str(application.jobseeker_id))


def test_a_decision_against_the_proposal_needs_its_own_reasons(people):
    preparer, decider = people["preparer"], people["decider"]
    application = advance(make_application(preparer), preparer, to="in_preparation")
    services.propose(application.pk, by=preparer, outcome="granted", reasons="Edellytykset täyttyvät.")
    assert "perustelut" in refused(lambda: services.decide(application.pk, by=decider, outcome="rejected"), "reasons")
    assert not Decision.objects.exists()


def test_the_responsible_municipality_decides_what_it_has_not_delegated(people, make_user):
    kajaani_counsellor = make_user(
        role="counsellor", municipality_code="205", team=Team.objects.get(key="kajaani-aikuiset"), username="kajo"
    )
    kajaani_decider = people["outsider"]
    own = advance(make_application(kajaani_counsellor, municipality="205"), kajaani_counsellor, to="proposed")
    assert list(selectors.awaiting_decision(kajaani_decider)) == [own]
    decision = services.decide(own.pk, by=kajaani_decider)
    assert decision.delegation is None
    assert "vastuukunnan oma toimivalta" in read_text(bytes(decision.document))
    paltamo = people["decider"]
    assert not selectors.awaiting_decision(paltamo).filter(pk=own.pk).exists()


def test_a_delegation_per_person_lets_a_named_official_decide(people, make_user):
    preparer = people["preparer"]
    application = advance(make_application(preparer), preparer, to="proposed")
    kajaani = make_user(role="decision_maker", municipality_code="205", username="nimetty")
    Delegation.objects.create(
        area=application.jobseeker.area,
        municipality=Municipality.objects.get(code="578"),
        case_type="pay_subsidy",
        official=kajaani,
        source="Testi",
    )
    assert list(selectors.awaiting_decision(kajaani)) == [application]
    assert services.decide(application.pk, by=kajaani).delegation.official == kajaani


def test_the_start_up_grant_needs_its_own_delegation(people):
    preparer = people["preparer"]
    Delegation.objects.filter(municipality__code="578", case_type="startup_grant").update(decides=False)
    application = advance(make_application(preparer, kind="start_up_grant"), preparer, to="proposed")
    assert "starttiraha" in refused(lambda: services.decide(application.pk, by=people["decider"]))


def test_the_preparer_cannot_decide_their_own_case(people, make_user):
    decider = people["decider"]
    # A decision maker who also prepared (e.g. standing in): the two roles stay with two people.
    application = make_application(people["preparer"])
    services.start_preparation(application.pk, by=people["preparer"])
    Transition.objects.create(application=application, action="propose", from_state="in_preparation",
                              to_state="proposed", by=decider)  # fmt: skip
    application.state = "proposed"
    application.proposal_outcome = "granted"
    application.save()
    assert "eri henkilöt" in refused(lambda: services.decide(application.pk, by=decider))
    assert not selectors.awaiting_decision(decider).exists()


def test_wrong_state_says_why(people):
    application = make_application(people["preparer"])
    message = refused(lambda: services.decide(application.pk, by=people["decider"]))
    assert "”päätetty” ei ole mahdollinen, kun hakemus on tilassa ”saapunut”" in message
    assert "ei ole mahdollinen" in refused(
        lambda: services.propose(application.pk, by=people["preparer"], outcome="granted", reasons="")
    )


def test_a_second_decision_is_refused(people):
    preparer = people["preparer"]
    application = advance(make_application(preparer), preparer, to="decided", decider=people["decider"])
    assert "ei ole mahdollinen" in refused(lambda: services.decide(application.pk, by=people["decider"]))
    assert Decision.objects.count() == 1


def test_a_grant_the_rules_refuse_cannot_be_proposed(people):
    preparer = people["preparer"]
    application = make_application(preparer, employer_type="municipality")
    services.start_preparation(application.pk, by=preparer)
    message = refused(
        lambda: services.propose(application.pk, by=preparer, outcome="granted", reasons=""), "employer_type"
    )
    assert "kunta-tyonantajana-2025" in message
    services.propose(application.pk, by=preparer, outcome="rejected", reasons="Kunta työnantajana, HE 120/2024.")
    decision = services.decide(application.pk, by=people["decider"])
    assert decision.outcome == "rejected" and decision.monthly_amount is None


def test_a_rejection_needs_reasons(people):
    preparer = people["preparer"]
    application = advance(make_application(preparer), preparer, to="in_preparation")
    assert refused(lambda: services.propose(application.pk, by=preparer, outcome="rejected", reasons=" "), "reasons")


def test_rectification_within_30_days_and_its_decision(people):
    preparer, decider = people["preparer"], people["decider"]
    application = advance(make_application(preparer), preparer, to="notified", decider=decider)
    services.request_rectification(
        application.pk, by=preparer, received_on=timezone.localdate(), grounds="Määrä väärin."
    )
    decision = services.decide_rectification(application.pk, by=decider, result="upheld", reasons="Laskettu oikein.")
    assert (decision.kind, decision.outcome, decision.rectification_outcome) == ("rectification", "granted", "upheld")
    assert "Oikaisuvaatimuksen ratkaisu" in read_text(bytes(decision.document))


def test_rectification_after_30_days_is_refused(people):
    preparer, decider = people["preparer"], people["decider"]
    application = advance(make_application(preparer), preparer, to="notified", decider=decider)
    deadline = documents.rectification_deadline(application.notified_on)
    assert deadline >= application.notified_on + timedelta(days=30)
    with time_machine.travel(deadline + timedelta(days=1)):
        message = refused(
            lambda: services.request_rectification(
                application.pk, by=preparer, received_on=deadline + timedelta(days=1), grounds="Myöhässä."
            ),
            "received_on",
        )
    assert "30 päivän kuluessa" in message
    application.refresh_from_db()
    assert application.state == "notified"


def test_bad_application_input_names_each_field_and_writes_nothing(people):
    before = Transition.objects.count()
    with pytest.raises(ValidationError) as raised:
        make_application(
            people["preparer"],
            employer_business_id="2077474-1",
            employer_name=" ",
            weekly_hours=40,
            isco_code="75",
        )
    assert set(raised.value.message_dict) == {"employer_business_id", "employer_name", "weekly_hours", "isco_code"}
    assert "Y-tunnus" in raised.value.message_dict["employer_business_id"][0]
    assert Transition.objects.count() == before


def test_the_business_id_is_stored_in_its_standard_form(people):
    assert make_application(people["preparer"], employer_business_id="20774740").employer_business_id == "2077474-0"


def test_another_municipality_counsellor_cannot_receive_or_see(people, make_user):
    other = make_user(role="counsellor", municipality_code="205", team=Team.objects.get(key="kajaani-aikuiset"))
    application = make_application(people["preparer"])
    assert not selectors.applications(other).exists()
    with pytest.raises(ValidationError):
        make_application(other, jobseeker=application.jobseeker)


def test_the_checklist_names_each_rule_source(people):
    application = make_application(people["preparer"], kind="age_55_plus", weekly_hours=20)
    checklist = selectors.checklist(application)
    statuses = {item["text"]: item["status"] for item in checklist["checks"]}
    assert any("vähintään 55-vuotias" in text and status == "not_met" for text, status in statuses.items())
    assert any("vähintään 25 tuntia" in text or "vähintään 25" in text for text in statuses)
    assert all(item["source"] for item in checklist["checks"])


def test_overlapping_subsidy_is_a_refused_check(people):
    preparer = people["preparer"]
    first = advance(make_application(preparer), preparer, to="decided", decider=people["decider"])
    second = make_application(preparer, jobseeker=first.jobseeker)
    checks = {item["status"] for item in selectors.checklist(second)["checks"] if "samalle ajalle" in item["text"]}
    assert checks == {"not_met"}


def test_the_page_refuses_a_counsellor_the_decision_and_shows_why_to_a_decider_who_prepared(client, people):
    preparer = people["preparer"]
    application = advance(make_application(preparer), preparer, to="proposed")
    client.force_login(preparer)
    assert client.post(f"/tuet/hakemukset/{application.pk}/toimenpide/decide/").status_code == 403
    client.force_login(people["decider"])
    page = client.post(f"/tuet/hakemukset/{application.pk}/toimenpide/decide/", follow=True)
    assert "Tallennettu: päätetty." in page.content.decode()
    card = client.get(f"/tuet/hakemukset/{application.pk}/")
    assert card.context["steps"] == ["notify"]


def test_a_decision_made_today_cites_act_380_2023(people):
    """Act 916/2012 was repealed on 1.1.2025: a subsidy starting now is decided under Act 380/2023."""
    today = timezone.localdate()
    application = make_application(people["preparer"], received_on=today, start_date=today + timedelta(days=14))
    decision = advance(application, people["preparer"], to="decided", decider=people["decider"]).decisions.get()
    assert decision.rule_key == "palkkatuki-yleinen-2025-01"
    text = read_text(bytes(decision.document))
    assert "380/2023" in text and "916/2012" not in text


def test_a_subsidy_that_started_in_2024_keeps_the_rule_of_act_916_2012(people):
    application = make_application(people["preparer"], received_on=date(2024, 11, 1), start_date=date(2024, 12, 1))
    decision = advance(application, people["preparer"], to="decided", decider=people["decider"]).decisions.get()
    assert decision.rule_key == "palkkatuki-yleinen-2023-07"
    assert "916/2012" in read_text(bytes(decision.document))
