from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EmployersConfig(AppConfig):
    name = "employers"
    verbose_name = _("Työnantajat ja työpaikat")

    def ready(self):
        from auditlog.registry import auditlog

        from employers import models

        # Who changed an employer, its contact persons or a vacancy, and when, as for every other write.
        auditlog.register(models.Employer, exclude_fields=["updated_at"])
        auditlog.register(models.ContactPerson)
        auditlog.register(models.Vacancy, exclude_fields=["updated_at"])
