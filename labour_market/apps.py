from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LabourMarketConfig(AppConfig):
    name = "labour_market"
    verbose_name = _("Työmarkkinatilastot")
