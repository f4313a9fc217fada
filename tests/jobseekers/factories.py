"""Job seekers for tests, registered through the service so that every row is routed and stored as in production
(the real area must be loaded: the `area` fixture).

Identity codes are synthetic (temporary range 900–999, allowed explicitly here), unique per test run. The common
states are traits of `RegistrationFactory`, usable through `make_jobseeker` too:

    make_jobseeker(youth=True, municipality="697")
    make_jobseeker(long_term=True, foreign_language=True)
    make_jobseeker(with_counsellor=counsellor)     # the counsellor must serve the person's pool
"""

import itertools
from datetime import date, timedelta

import factory

from common.dates import add_years, months_before
from jobseekers import enums, hetu, organisation_adapter, services
from organisation.routing import YOUTH_AGE_LIMIT

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


class RegistrationFactory(factory.DictFactory):
    """The registration form's data (services.register_jobseeker's input): an unemployed adult in Kajaani."""

    hetu = factory.LazyAttribute(lambda o: synthetic_hetu(o.birth_date))
    first_name = "Testi"
    last_name = "Henkilö"
    municipality = "205"
    service_language = "fi"
    job_search_started_on = date(2025, 1, 10)
    status = enums.JobseekerStatus.UNEMPLOYED.value

    class Params:
        birth_date = None  # None: an adult born in 1980
        unemployed = factory.Trait(status=enums.JobseekerStatus.UNEMPLOYED.value)
        employed = factory.Trait(status=enums.JobseekerStatus.EMPLOYED.value)
        laid_off = factory.Trait(status=enums.JobseekerStatus.FULLY_LAID_OFF.value)
        # Unemployed for 13 months on TODAY: long-term (12 months or more).
        long_term = factory.Trait(
            status=enums.JobseekerStatus.UNEMPLOYED.value, job_search_started_on=months_before(TODAY, 13)
        )
        # One year under the youth age limit on TODAY.
        youth = factory.Trait(birth_date=add_years(TODAY, -(YOUTH_AGE_LIMIT - 1)))
        foreign_language = factory.Trait(service_language="ru", preferred_language="ru", citizenship="UA")
        swedish_speaking = factory.Trait(service_language="sv", preferred_language="sv")
        typ = factory.Trait(multisectoral=True)


def registration(**overrides) -> dict:
    return RegistrationFactory(**overrides)


def make_jobseeker(*, registered_by=None, with_counsellor=None, today: date = TODAY, **overrides):
    """A registered job seeker; `with_counsellor` (a counsellor of the person's pool) becomes responsible."""
    jobseeker = services.register_jobseeker(
        registration(**overrides),
        registered_by=with_counsellor or registered_by,
        organisation=organisation_adapter.build(),
        today=today,
        allow_temporary=True,
    )
    if with_counsellor is not None and jobseeker.responsible_counsellor != with_counsellor:
        raise ValueError(f"{with_counsellor} ei palvele ohjaajaryhmää {jobseeker.pool}")
    return jobseeker
