"""Two decision makers deciding the same application at the same moment: exactly one decision is made."""

import pytest
from django.core.exceptions import ValidationError

from organisation.models import Team
from subsidies import services
from subsidies.models import Decision
from tests.concurrency import race
from tests.subsidies.factories import advance, make_application

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def test_two_decisions_at_once_one_wins(area, rates, make_user):
    preparer = make_user(role="counsellor", municipality_code="578", team=Team.objects.get(key="paltamo-pienet-kunnat"))
    deciders = [make_user(role="decision_maker", municipality_code="578") for _ in range(2)]
    application = advance(make_application(preparer), preparer, to="proposed")

    outcomes = race(*(lambda by=by: services.decide(application.pk, by=by) for by in deciders))
    assert sorted(outcome.ok for outcome in outcomes) == [False, True], [repr(o.error) for o in outcomes]
    loser = next(outcome.error for outcome in outcomes if not outcome.ok)
    assert isinstance(loser, ValidationError), repr(loser)
    assert Decision.objects.filter(application=application).count() == 1
