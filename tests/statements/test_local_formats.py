"""The statements' messages write dates as the language does (decision 0012)."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from statements import services
from tests.statements.factories import make_statement

pytestmark = pytest.mark.django_db

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_a_reply_before_the_hearing_names_the_hearing_day_in_the_language(people, language):
    statement = make_statement(people["jobseeker"], by=people["counsellor"], state="hearing")
    sent = statement.hearing_sent_on
    expected = f"{sent.day} {MONTHS[sent.month - 1]} {sent.year}" if language == "en" else f"{sent:%-d.%-m.%Y}"
    with translation.override(language), pytest.raises(ValidationError) as error:
        services.record_reply(
            statement, reply="Selvitys", received_on=sent - timedelta(days=1), by=people["counsellor"]
        )
    assert expected in error.value.message_dict["reply_received_on"][0]
