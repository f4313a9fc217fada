"""Two decision makers approving two statements of one person at the same moment: the later conduct never counts as
a first neglect (the person's row queues the approvals; the later one waits for the earlier one's approval)."""

from datetime import date

import pytest

from statements import enums, services
from tests.concurrency import race
from tests.statements.factories import make_statement

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def test_approving_an_earlier_and_a_later_conduct_at_once_never_counts_both_as_first(people):
    first, second = (
        make_statement(people["jobseeker"], by=people["counsellor"], state="awaiting_approval", conduct_on=day)
        for day in (date(2026, 3, 10), date(2026, 3, 20))
    )
    outcomes = race(
        lambda: services.approve(first, by=people["decision_maker"]),
        lambda: services.approve(second, by=people["other_decision_maker"]),
    )
    assert outcomes[0].ok, repr(outcomes[0].error)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.ordinal == 1
    if outcomes[1].ok:
        # It waited for the earlier approval and counted it.
        assert (second.ordinal, second.consequence) == (2, enums.ConsequenceKind.WORK_OBLIGATION)
    else:
        # It ran first and was refused, naming the earlier one; nothing of it was written.
        assert first.reference in str(outcomes[1].error)
        assert second.state == enums.StatementState.AWAITING_APPROVAL
