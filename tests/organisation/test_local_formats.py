"""The organisation's tables write the plan's figures with the language's decimal sign (decision 0012)."""

from decimal import Decimal

import pytest
from django.utils import translation

from organisation import tables


@pytest.mark.parametrize(("language", "text"), [("fi", "7,5–8"), ("sv", "7,5–8"), ("en", "7.5–8")])
def test_a_staffing_range_in_the_language(language, text):
    with translation.override(language):
        assert tables.fte_range(Decimal("7.5"), Decimal("8")) == text
