from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Työnvälitys")

    def ready(self):
        from auditlog.registry import auditlog

        from employers import vacancy_sections
        from jobseekers import card_sections
        from matching import card, models, vacancy_section

        card_sections.register(card.SECTION)
        vacancy_sections.register(vacancy_section.SECTION)
        # Who made an offer or recorded its outcome, and when, as for every other write.
        auditlog.register(models.JobOffer)
