"""The registry's messages write dates as the language does (decision 0012): 3 Mar 2025 in English, 3.3.2025 in
Finnish and Swedish."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from jobseekers import changes
from tests.jobseekers.factories import make_jobseeker

pytestmark = pytest.mark.django_db


@pytest.fixture
def counsellor(area, make_staff):
    return make_staff(team="kajaani-aikuiset")


@pytest.mark.parametrize(("language", "day"), [("fi", "3.3.2025"), ("sv", "3.3.2025"), ("en", "3 Mar 2025")])
def test_an_end_before_the_start_names_the_start_in_the_language(counsellor, language, day):
    person = make_jobseeker(with_counsellor=counsellor, job_search_started_on=date(2025, 3, 3))
    with translation.override(language), pytest.raises(ValidationError) as error:
        changes.end_job_search(person, ended_on=date(2025, 2, 3), reason="employed", by=counsellor)
    message = error.value.message_dict["ended_on"][0]
    assert f"({day})" in message, message
