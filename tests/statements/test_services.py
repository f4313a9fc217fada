"""Statement writes: the lifecycle with its log, the rules applied, bad input refused by field with nothing written."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from statements import enums, services
from statements.models import Statement, StatementTransition
from tests.statements.factories import StatementInputFactory, make_statement

pytestmark = pytest.mark.django_db
TODAY = date.today()


def fields_of(error: ValidationError) -> set[str]:
    return set(error.value.message_dict)


def test_a_neglected_job_search_goes_from_draft_to_approved_with_a_log(people):
    counsellor, approver = people["counsellor"], people["decision_maker"]
    statement = make_statement(people["jobseeker"], by=counsellor, state="approved", approver=approver)
    assert statement.state == enums.StatementState.APPROVED
    assert statement.decided_by == approver and statement.decided_on == TODAY
    assert statement.legal_section == "TTL 2 a luku 10 §"
    # Conduct ten days ago, after 1.3.2026: the first neglect costs 7 days (on an earlier date, a reminder).
    expected = (
        (enums.ConsequenceKind.BENEFIT_FREE_PERIOD, 7)
        if statement.conduct_on >= date(2026, 3, 1)
        else (enums.ConsequenceKind.REMINDER, 0)
    )
    assert (statement.consequence, statement.consequence_days) == expected
    assert list(StatementTransition.objects.filter(statement=statement).values_list("from_state", "to_state")) == [
        ("", "draft"),
        ("draft", "hearing"),
        ("hearing", "hearing"),
        ("hearing", "awaiting_approval"),
        ("awaiting_approval", "approved"),
    ]


def test_a_repeat_within_twelve_months_escalates(people):
    counsellor, approver = people["counsellor"], people["decision_maker"]
    make_statement(people["jobseeker"], by=counsellor, state="approved", approver=approver, conduct_on=date(2026, 4, 1))
    second = make_statement(
        people["jobseeker"], by=counsellor, state="approved", approver=approver, conduct_on=date(2026, 9, 1)
    )
    assert second.ordinal == 2
    assert (second.consequence, second.consequence_weeks) == (enums.ConsequenceKind.WORK_OBLIGATION, 6)


def test_a_valid_reason_found_by_the_official_means_no_consequence_and_no_repeat(people):
    counsellor, approver = people["counsellor"], people["decision_maker"]
    first = make_statement(people["jobseeker"], by=counsellor, state="hearing", conduct_on=date(2026, 4, 1))
    services.record_reply(first, reply="Olin sairaalassa.", received_on=TODAY, by=counsellor)
    first = services.propose(first, valid_reason=True, judgement="Sairaalahoito on pätevä syy.", by=counsellor)
    first = services.approve(first, by=approver)
    assert first.consequence == enums.ConsequenceKind.NONE
    second = make_statement(
        people["jobseeker"], by=counsellor, state="approved", approver=approver, conduct_on=date(2026, 9, 1)
    )
    assert second.ordinal == 1


def test_a_proposal_waits_for_the_reply_or_the_deadline(people):
    counsellor = people["counsellor"]
    statement = make_statement(people["jobseeker"], by=counsellor, state="hearing")
    with pytest.raises(ValidationError) as error:
        services.propose(statement, valid_reason=False, judgement="Ei syytä.", by=counsellor)
    assert fields_of(error) == {"reply_received_on"}
    # The deadline passed without a reply: the proposal may go ahead.
    later = statement.reply_due_on + timedelta(days=1)
    statement = services.propose(statement, valid_reason=False, judgement="Ei vastausta.", by=counsellor, today=later)
    assert statement.state == enums.StatementState.AWAITING_APPROVAL


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"case_type": "sleeping_in"}, "case_type"),
        ({"conduct_on": TODAY + timedelta(days=1)}, "conduct_on"),
        ({"conduct_on": date(2022, 5, 1)}, "conduct_on"),
        ({"facts": "  "}, "facts"),
        ({"payer": "bank"}, "payer"),
        ({"payer": "unemployment_fund", "payer_name": ""}, "payer_name"),
        ({"payer": "kela", "payer_name": "Kassa"}, "payer_name"),
    ],
)
def test_bad_input_to_a_draft_names_the_field_and_writes_nothing(people, overrides, field):
    data = {**StatementInputFactory(), **overrides}
    with pytest.raises(ValidationError) as error:
        services.create_statement(jobseeker=people["jobseeker"], by=people["counsellor"], **data)
    assert field in fields_of(error)
    assert not Statement.objects.exists() and not StatementTransition.objects.exists()


@pytest.mark.parametrize("due", [TODAY, TODAY - timedelta(days=1)])
def test_a_reply_deadline_not_in_the_future_is_refused(people, due):
    statement = make_statement(people["jobseeker"], by=people["counsellor"])
    with pytest.raises(ValidationError) as error:
        services.send_hearing(statement, question="Miksi?", reply_due_on=due, by=people["counsellor"])
    assert fields_of(error) == {"reply_due_on"}
    statement.refresh_from_db()
    assert statement.state == enums.StatementState.DRAFT and statement.transitions.count() == 1


def test_approving_twice_is_refused(people):
    statement = make_statement(
        people["jobseeker"], by=people["counsellor"], state="approved", approver=people["decision_maker"]
    )
    with pytest.raises(ValidationError) as error:
        services.approve(statement, by=people["other_decision_maker"])
    assert fields_of(error) == {"state"}
    statement.refresh_from_db()
    assert statement.decided_by == people["decision_maker"] and statement.transitions.count() == 5


def test_nobody_approves_a_statement_they_drafted_or_proposed(people):
    own = make_statement(people["jobseeker"], by=people["decision_maker"], state="awaiting_approval")
    with pytest.raises(ValidationError) as error:
        services.approve(own, by=people["decision_maker"])
    assert fields_of(error) == {"decided_by"}
    own.refresh_from_db()
    assert own.state == enums.StatementState.AWAITING_APPROVAL and own.decided_by is None
    assert services.approve(own, by=people["other_decision_maker"]).state == enums.StatementState.APPROVED


def test_a_returned_statement_is_proposed_again(people):
    counsellor, approver = people["counsellor"], people["decision_maker"]
    statement = make_statement(people["jobseeker"], by=counsellor, state="awaiting_approval")
    with pytest.raises(ValidationError) as error:
        services.return_statement(statement, reason=" ", by=approver)
    assert fields_of(error) == {"return_reason"}
    statement = services.return_statement(statement, reason="Perustelut puuttuvat sairaudesta.", by=approver)
    assert statement.state == enums.StatementState.RETURNED
    assert statement.transitions.last().note == "Perustelut puuttuvat sairaudesta."
    statement = services.propose(statement, valid_reason=False, judgement="Tarkennettu.", by=counsellor)
    assert services.approve(statement, by=approver).state == enums.StatementState.APPROVED


def test_a_draft_cannot_skip_the_hearing(people):
    statement = make_statement(people["jobseeker"], by=people["counsellor"])
    with pytest.raises(ValidationError) as error:
        services.propose(statement, valid_reason=False, judgement="Ei syytä.", by=people["counsellor"])
    assert fields_of(error) == {"state"}
    with pytest.raises(ValidationError):
        services.record_reply(statement, reply="Selvitys", received_on=TODAY, by=people["counsellor"])


def _proposed(people, conduct_on):
    return make_statement(
        people["jobseeker"], by=people["counsellor"], state="awaiting_approval", conduct_on=conduct_on
    )


def test_a_later_conduct_waits_for_the_earlier_one_and_then_counts_it(people):
    approver = people["decision_maker"]
    first = _proposed(people, date(2026, 3, 10))
    second = _proposed(people, date(2026, 3, 20))

    with pytest.raises(ValidationError) as error:
        services.approve(second, by=approver)
    [message] = error.value.message_dict["conduct_on"]
    assert first.reference in message and "10.3.2026" in message
    second.refresh_from_db()
    assert second.state == enums.StatementState.AWAITING_APPROVAL and second.transitions.count() == 4

    first = services.approve(first, by=approver)
    assert (first.ordinal, first.consequence, first.consequence_days) == (
        1,
        enums.ConsequenceKind.BENEFIT_FREE_PERIOD,
        7,
    )
    second = services.approve(second, by=approver)
    assert second.ordinal == 2
    assert (second.consequence, second.consequence_weeks) == (enums.ConsequenceKind.WORK_OBLIGATION, 6)


def test_an_earlier_conduct_outside_the_review_period_or_of_a_kind_that_does_not_escalate_does_not_hold_it_up(people):
    approver = people["decision_maker"]
    make_statement(people["jobseeker"], by=people["counsellor"], conduct_on=date(2025, 3, 1))  # over 12 months before
    make_statement(people["jobseeker"], by=people["counsellor"], conduct_on=date(2026, 3, 5), refused_job=True)
    later = _proposed(people, date(2026, 3, 20))
    assert services.approve(later, by=approver).ordinal == 1
