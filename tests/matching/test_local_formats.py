"""A match's reasons write dates as the language does (decision 0012)."""

from datetime import date

import pytest
from django.utils import translation

from matching import texts


@pytest.mark.parametrize(("language", "day"), [("fi", "1.12.2026"), ("sv", "1.12.2026"), ("en", "1 Dec 2026")])
def test_the_start_reason_in_the_language(language, day):
    with translation.override(language):
        later = texts.start_reason(start=date(2026, 11, 2), available_from=date(2026, 12, 1), today=date(2026, 11, 2))
        waits = texts.start_reason(start=date(2026, 12, 1), available_from=date(2026, 11, 2), today=date(2026, 11, 2))
    assert day in later and day in waits
