"""A competence survey round for the demo: the synthetic staff's self-assessments, answered through the survey's own
service, so the heat map, the bottlenecks and the training needs of `make run` come from answers like real ones.

Levels are drawn per person and area from a seed: the everyday tasks of a counsellor (initial interviews, plans,
statements) mostly at the independent level, the specialised ones (EURES, change security, TYP, start-up grant) held
by few – which is where the plan expects bottlenecks. The demo accounts are left unanswered, so a user signing in can
answer the round themselves. A new run answers the same again (the service updates an answer in place).
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from accounts.models import User
from competence import services
from competence.models import CompetenceArea, SurveyRound
from demo.counsellors import SYNTHETIC_USERNAME_PREFIX
from organisation.models import EmploymentArea

# The chance that a counsellor handles an area independently (level 3 or 4); areas not named: EVERYDAY.
EVERYDAY = 0.75
SPECIALISED = {
    "eures": 0.04,
    "muutosturva": 0.08,
    "typ": 0.15,
    "starttiraha": 0.2,
    "palkkatuki": 0.35,
    "omaehtoinen-opiskelu": 0.3,
    "kotoutuminen": 0.3,
    "tyonantajapalvelut": 0.25,
    "ruotsi": 0.3,
    "englanti": 0.6,
    "venaja": 0.05,
}
TRAINING_WISH = 0.15
OPEN_DAYS_BEFORE, OPEN_DAYS_AFTER = 21, 14


@dataclass
class CompetenceReport:
    survey_round: str
    respondents: int


def _level(rng: random.Random, independent: float) -> int:
    if rng.random() < independent:
        return 4 if rng.random() < 0.25 else 3
    return rng.choice((0, 1, 1, 2, 2))


def generate(area: EmploymentArea, *, today: date, seed: int = 1) -> CompetenceReport:
    survey_round, _created = SurveyRound.objects.update_or_create(
        area=area,
        name=f"Osaamiskartoitus {today.year}",
        defaults={
            "opens_on": today - timedelta(days=OPEN_DAYS_BEFORE),
            "closes_on": today + timedelta(days=OPEN_DAYS_AFTER),
        },
    )
    areas = list(CompetenceArea.objects.values_list("key", flat=True))
    staff = User.objects.filter(
        username__startswith=SYNTHETIC_USERNAME_PREFIX, is_active=True, home_municipality__area=area
    ).order_by("username")
    answered = 0
    for user in staff:
        rng = random.Random(f"competence:{seed}:{user.username}")
        levels = {key: _level(rng, SPECIALISED.get(key, EVERYDAY)) for key in areas}
        training = {key for key in areas if levels[key] < 3 and rng.random() < TRAINING_WISH}
        services.save_own_answers(user, survey_round, levels=levels, training=training, wishes="", today=today)
        answered += 1
    return CompetenceReport(survey_round.name, answered)
