from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = _("Työvoimapoliittiset lausunnot")

    def ready(self):
        from jobseekers import card_sections
        from statements import card

        card_sections.register(card.SECTION)
