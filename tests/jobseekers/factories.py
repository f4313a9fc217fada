"""Job seekers for tests, registered through the service so that every row is routed and stored as in production.

Identity codes are synthetic (temporary range 900–999, allowed explicitly here), unique per test run.
"""

import itertools
from datetime import date, timedelta

from jobseekers import hetu, organisation_adapter, services

DVV_EXAMPLE = "131052-308T"  # the Digital and Population Data Services Agency's published example (normal range)
TODAY = date(2025, 6, 2)
_serial = itertools.count()


def synthetic_hetu(birth_date: date | None = None, sex: str = "female") -> str:
    """A fresh temporary-range code; without a birth date, one in 1980 that no other call of this run used."""
    index = next(_serial)
    if birth_date is None:
        birth_date = date(1980, 1, 1) + timedelta(days=index // 50)
    number = (900 if sex == "female" else 901) + 2 * (index % 50)
    return hetu.synthetic(birth_date, number)


def registration(**overrides) -> dict:
    data = {
        "hetu": synthetic_hetu(),
        "first_name": "Testi",
        "last_name": "Henkilö",
        "municipality": "205",
        "service_language": "fi",
        "job_search_started_on": date(2025, 1, 10),
        "status": "unemployed",
    }
    data.update(overrides)
    return data


def make_jobseeker(*, registered_by=None, today: date = TODAY, **overrides):
    return services.register_jobseeker(
        registration(**overrides),
        registered_by=registered_by,
        organisation=organisation_adapter.build(),
        today=today,
        allow_temporary=True,
    )
