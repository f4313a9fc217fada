"""Records are named with their dates in the page's language and the service's time zone, not one fixed format
(the admin, the choices of a form and the logs show these names)."""

from datetime import UTC, date, datetime

import pytest
from django.utils import translation

from audit.models import PersonalDataAccess
from cooperation.models import RecruitmentEvent
from plan_document.models import PlanGeneration

DAY = date(2026, 12, 1)
# 22.00 UTC on 30 November is already 1 December in Finland.
MOMENT = datetime(2026, 11, 30, 22, 5, tzinfo=UTC)


@pytest.mark.parametrize(
    ("language", "day", "moment"), [("fi", "1.12.2026", "1.12.2026 0.05"), ("en", "1 Dec 2026", "1 Dec 2026 00:05")]
)
@pytest.mark.django_db
def test_names_follow_the_language_and_the_local_time(language, day, moment, area):
    with translation.override(language):
        assert str(RecruitmentEvent(name="Rekrytointimessut", held_on=DAY)) == f"Rekrytointimessut {day}"
        assert str(PlanGeneration(area=area, generated_at=MOMENT)) == f"{area} {moment}"
        assert str(PersonalDataAccess(at=MOMENT, user_id=7, view="v", subject_type="t", subject_id="1")).startswith(
            moment
        )
