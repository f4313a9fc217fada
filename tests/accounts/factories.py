"""Staff users for tests: one trait per role, placed in a municipality (and a team) of the test's choosing.

    UserFactory(supervisor=True, home_municipality=kajaani)
    UserFactory(counsellor=True, team=kajaani_youth_team)      # home municipality follows the team's
    UserFactory(administrator=True, home_municipality=None)

Without a municipality a new one (organisation's MunicipalityFactory) is made; with the real area loaded, pass
`home_municipality=Municipality.objects.get(code=...)`.
"""

from decimal import Decimal

import factory

from accounts.enums import Role
from accounts.models import User
from tests.conftest import TEST_PASSWORD
from tests.organisation.factories import MunicipalityFactory


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"kayttaja-{n}")
    first_name = factory.Sequence(lambda n: f"Etunimi{n}")
    last_name = factory.Sequence(lambda n: f"Sukunimi{n}")
    role = Role.COUNSELLOR
    team = None
    home_municipality = factory.Maybe(
        "team",
        yes_declaration=factory.SelfAttribute("team.municipality"),
        no_declaration=factory.SubFactory(MunicipalityFactory),
    )
    fte = Decimal("1.00")
    languages = factory.LazyFunction(lambda: ["fi"])
    is_active = True
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    class Params:
        counsellor = factory.Trait(role=Role.COUNSELLOR)
        supervisor = factory.Trait(role=Role.SUPERVISOR)
        decision_maker = factory.Trait(role=Role.DECISION_MAKER)
        payment_handler = factory.Trait(role=Role.PAYMENT_HANDLER)
        employer_services = factory.Trait(role=Role.EMPLOYER_SERVICES)
        area_manager = factory.Trait(role=Role.AREA_MANAGER)
        administrator = factory.Trait(role=Role.ADMINISTRATOR)
        inactive = factory.Trait(is_active=False)
        part_time = factory.Trait(fte=Decimal("0.50"))
        no_fte = factory.Trait(fte=Decimal("0.00"))

    @factory.post_generation
    def saved(self, create, extracted, **kwargs):
        if create:
            self.save()
