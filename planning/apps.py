from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanningConfig(AppConfig):
    name = "planning"
    verbose_name = _("Suunnittelu")

    def ready(self):
        from jobseekers import card_sections
        from planning import card

        card_sections.register(card.SECTION)
