"""Competence survey test data: the areas from data/competence/areas.yaml, rounds and answers."""

from datetime import date
from decimal import Decimal

from competence.loader import load_areas
from competence.models import Assessment, CompetenceArea, Respondent, SurveyRound
from organisation.models import EmploymentArea, Municipality


def make_round(name="Kevät 2026", opens_on=date(2026, 1, 1), closes_on=date(2026, 12, 31)) -> SurveyRound:
    if not CompetenceArea.objects.exists():
        load_areas()
    return SurveyRound.objects.create(
        area=EmploymentArea.objects.get(), name=name, opens_on=opens_on, closes_on=closes_on
    )


def make_respondent(survey_round, municipality="205", name="Testi", levels=None, user=None, fte="1.00", training=()):
    """A respondent with the given levels (area key → level); other areas unanswered."""
    respondent = Respondent.objects.create(
        survey_round=survey_round,
        user=user,
        name=name,
        municipality=Municipality.objects.get(code=municipality),
        fte=Decimal(fte),
    )
    for key, level in (levels or {}).items():
        Assessment.objects.create(
            respondent=respondent,
            competence_area=CompetenceArea.objects.get(key=key),
            self_level=level,
            wants_training=key in training,
        )
    return respondent
