"""Factories for the organisation models. Every factory builds a consistent row: a team, office or position belongs
to its municipality's employment area unless told otherwise."""

from decimal import Decimal

import factory

from organisation import enums, models


class EmploymentAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.EmploymentArea

    slug = factory.Sequence(lambda n: f"alue-{n}")
    name_fi = factory.Sequence(lambda n: f"Testialueen {n} työllisyysalue")
    source = "Testi"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    """Codes run from 900 upwards, away from the real Kainuu-Koillismaa codes, so tests can mix both."""

    class Meta:
        model = models.Municipality

    area = factory.SubFactory(EmploymentAreaFactory)
    code = factory.Sequence(lambda n: f"{900 + n % 100:03d}")
    name_fi = factory.Sequence(lambda n: f"Testikunta {n}")
    name_sv = factory.LazyAttribute(lambda o: o.name_fi)
    region = "Kainuu"
    wellbeing_services_county = "Kainuun hyvinvointialue"
    source = "Testi"


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Office

    municipality = factory.SubFactory(MunicipalityFactory)
    area = factory.LazyAttribute(lambda o: o.municipality.area)
    key = factory.Sequence(lambda n: f"toimipiste-{n}")
    name = factory.Sequence(lambda n: f"Toimipiste {n}")
    street_address = factory.Sequence(lambda n: f"Testikatu {n + 1}")
    postal_code = "87100"
    post_town = factory.LazyAttribute(lambda o: o.municipality.name_fi)
    customer_groups = factory.LazyFunction(lambda: [enums.TargetGroup.ALL.value])
    source = "Testi"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Team

    municipality = factory.SubFactory(MunicipalityFactory)
    area = factory.LazyAttribute(lambda o: o.municipality.area)
    key = factory.Sequence(lambda n: f"tiimi-{n}")
    name = factory.Sequence(lambda n: f"Tiimi {n}")
    target_group = enums.TargetGroup.ALL
    office = None
    source = "Testi"


class StaffPositionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.StaffPosition

    municipality = factory.SubFactory(MunicipalityFactory)
    area = factory.LazyAttribute(lambda o: o.municipality.area)
    team = None
    title = "työllisyysohjaaja"
    role = enums.StaffRole.COUNSELLOR
    fte_min = Decimal("1")
    fte_max = factory.LazyAttribute(lambda o: o.fte_min)
    origin = enums.StaffOrigin.MUNICIPAL
    customer_work = True
    source = "Testi"


class CaseloadTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CaseloadTarget

    municipality = factory.SubFactory(MunicipalityFactory)
    area = factory.LazyAttribute(lambda o: o.municipality.area)
    team = None
    min_clients = 100
    max_clients = 150
    wording = factory.LazyAttribute(lambda o: f"{o.min_clients}–{o.max_clients} asiakasta per htv")
    source = "Testi"


class ServiceArrangementFactory(factory.django.DjangoModelFactory):
    """Serves the provider's own municipality unless `served_municipalities` lists others."""

    class Meta:
        model = models.ServiceArrangement
        skip_postgeneration_save = True

    provider_municipality = factory.SubFactory(MunicipalityFactory)
    area = factory.LazyAttribute(lambda o: o.provider_municipality.area)
    key = factory.Sequence(lambda n: f"jarjestely-{n}")
    provider_team = None
    target_group = enums.TargetGroup.ALL
    role = enums.ArrangementRole.PRIMARY
    meeting_place = enums.MeetingPlace.SERVED_MUNICIPALITY_OFFICE
    description = "Testijärjestely."
    source = "Testi"

    @factory.post_generation
    def served_municipalities(self, create, extracted, **kwargs):
        if create:
            self.served_municipalities.set(extracted if extracted is not None else [self.provider_municipality])


class CentralisedServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CentralisedService

    area = factory.SubFactory(EmploymentAreaFactory)
    key = factory.Sequence(lambda n: f"palvelu-{n}")
    name_fi = factory.Sequence(lambda n: f"Palvelu {n}")
    name_sv = factory.Sequence(lambda n: f"Tjänst {n}")
    name_en = factory.Sequence(lambda n: f"Service {n}")
    category = enums.ServiceCategory.EMPLOYER_BUSINESS
    source = "Testi"


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Delegation

    municipality = factory.SubFactory(MunicipalityFactory)
    area = factory.LazyAttribute(lambda o: o.municipality.area)
    case_type = enums.CaseType.PAY_SUBSIDY
    payment = enums.PaymentArrangement.UNDECIDED
    source = "Testi"
