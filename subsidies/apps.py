from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubsidiesConfig(AppConfig):
    name = "subsidies"
    verbose_name = _("Palkkatuki ja starttiraha")

    def ready(self):
        from auditlog.registry import auditlog

        from subsidies import models

        # Who added or removed which file, and when; the content itself stays out of the change log.
        auditlog.register(models.Attachment, exclude_fields=["content"])
