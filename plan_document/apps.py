from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlanDocumentConfig(AppConfig):
    name = "plan_document"
    label = "plan_document"
    verbose_name = _("Suunnitelma-asiakirja")
