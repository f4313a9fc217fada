"""The factories' traits build the states they are named after, through the real registration."""

import pytest

from jobseekers.enums import TargetGroup
from organisation.models import Team
from tests.accounts.factories import UserFactory
from tests.jobseekers.factories import TODAY, make_jobseeker

pytestmark = pytest.mark.django_db


def test_the_default_is_an_unemployed_adult_of_kajaani(area):
    jobseeker = make_jobseeker()
    assert jobseeker.is_unemployed and not jobseeker.is_youth(TODAY) and not jobseeker.is_long_term_unemployed(TODAY)
    assert jobseeker.target_group == TargetGroup.ADULTS and jobseeker.municipality.code == "205"
    assert jobseeker.responsible_counsellor is None


def test_traits(area):
    assert make_jobseeker(youth=True).target_group == TargetGroup.YOUTH
    assert make_jobseeker(youth=True).is_youth(TODAY)
    assert make_jobseeker(long_term=True).is_long_term_unemployed(TODAY)
    assert not make_jobseeker(employed=True).is_unemployed
    assert make_jobseeker(laid_off=True).is_unemployed
    foreign = make_jobseeker(foreign_language=True)
    assert foreign.is_foreign_language and foreign.is_foreigner and foreign.target_group == TargetGroup.FOREIGN_LANGUAGE
    assert make_jobseeker(typ=True).target_group == TargetGroup.MULTISECTORAL
    assert make_jobseeker(swedish_speaking=True).target_group == TargetGroup.ADULTS


def test_with_a_counsellor_of_the_pool_and_not_otherwise(area):
    counsellor = UserFactory(team=Team.objects.get(key="kajaani-nuoret"))
    assert make_jobseeker(youth=True, with_counsellor=counsellor).responsible_counsellor == counsellor
    with pytest.raises(ValueError, match="team:kajaani-aikuiset"):
        make_jobseeker(with_counsellor=counsellor)
