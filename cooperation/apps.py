from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("Yhteistyöpalvelut")

    def ready(self):
        from cooperation import card
        from jobseekers import card_sections

        card_sections.register(card.SECTION)
        card_sections.register(card.INTEGRATION_SECTION)
