from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    COUNSELLOR = "counsellor", _("työllisyysohjaaja")
    SUPERVISOR = "supervisor", _("lähiesihenkilö")
    DECISION_MAKER = "decision_maker", _("päätöksentekijä")
    PAYMENT_HANDLER = "payment_handler", _("maksatuskäsittelijä")
    EMPLOYER_SERVICES = "employer_services", _("työnantajapalvelut")
    AREA_MANAGER = "area_manager", _("työllisyysalueen johto")
    ADMINISTRATOR = "administrator", _("pääkäyttäjä")
