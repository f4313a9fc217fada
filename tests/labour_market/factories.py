"""Factories for the statistics models. A figure is stored as published: a value with the decimals it was printed
with, or a suppressed, missing or zero status (traits), so that every row meets the models' check constraints.

Tests about the plan's own tables use the `area` fixture and the real files; these build the small tables a test
needs, in an area of the organisation factories.
"""

from datetime import date
from decimal import Decimal

import factory

from labour_market import enums
from labour_market.models import CommutingStatistic, Indicator, MunicipalStatistic, StatisticsTable
from tests.organisation.factories import MunicipalityFactory

AUGUST_2023 = date(2023, 8, 1)


class IndicatorFactory(factory.django.DjangoModelFactory):
    """A count that sums over municipalities; `rate` is a percentage printed with one decimal."""

    class Meta:
        model = Indicator
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"TESTI{n}")
    name_fi = factory.Sequence(lambda n: f"Testitieto {n}")
    unit = enums.Unit.COUNT
    decimals = 0
    sums_over_municipalities = True
    source = "Testi"

    class Params:
        rate = factory.Trait(unit=enums.Unit.PERCENT, decimals=1, sums_over_municipalities=False)


class StatisticsTableFactory(factory.django.DjangoModelFactory):
    """A monthly municipal table of the area's data folder; `commuting` and `imported` change its kind and origin."""

    class Meta:
        model = StatisticsTable

    key = factory.Sequence(lambda n: f"testitaulukko-{n}")
    name = factory.Sequence(lambda n: f"Testitaulukko {n}")
    kind = enums.TableKind.MUNICIPAL
    origin = enums.TableOrigin.AREA_DATA
    source = "Testi"
    suppressed_min = 1
    suppressed_max = 4

    class Params:
        commuting = factory.Trait(kind=enums.TableKind.COMMUTING)
        imported = factory.Trait(origin=enums.TableOrigin.IMPORT)


class MunicipalStatisticFactory(factory.django.DjangoModelFactory):
    """A published whole number of August 2023. For the area's own row (`municipality=None`) pass `area`."""

    class Meta:
        model = MunicipalStatistic

    table = factory.SubFactory(StatisticsTableFactory)
    municipality = factory.SubFactory(MunicipalityFactory)
    area = factory.LazyAttribute(lambda o: o.municipality.area)
    month = AUGUST_2023
    indicator = factory.SubFactory(IndicatorFactory)
    value = Decimal(100)
    status = enums.FigureStatus.PUBLISHED
    decimals = 0

    class Params:
        suppressed = factory.Trait(status=enums.FigureStatus.SUPPRESSED, value=None)
        missing = factory.Trait(status=enums.FigureStatus.MISSING, value=None)
        zero = factory.Trait(status=enums.FigureStatus.ZERO, value=Decimal(0))


class CommutingStatisticFactory(factory.django.DjangoModelFactory):
    """A municipality's commuting row whose published self-sufficiency agrees with its flows: (700 + 100) / (700 +
    200) × 100 = 88,9. For the area's own row (`municipality=None`) pass `area`."""

    class Meta:
        model = CommutingStatistic

    table = factory.SubFactory(StatisticsTableFactory, commuting=True)
    municipality = factory.SubFactory(MunicipalityFactory)
    area = factory.LazyAttribute(lambda o: o.municipality.area)
    labour_force = 1000
    commuting_in = 100
    commuting_out = 200
    working_in_own_municipality = 700
    job_self_sufficiency = Decimal("88.9")
    job_self_sufficiency_decimals = 1

    class Params:
        unpublished = factory.Trait(job_self_sufficiency=None, job_self_sufficiency_decimals=0)
