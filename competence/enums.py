from django.db import models
from django.utils.translation import gettext_lazy as _


class Group(models.TextChoices):
    STATUTORY_TASK = "statutory_task", _("Lakisääteinen tehtävä")
    TOOL = "tool", _("Työväline")
    LANGUAGE = "language", _("Kieli")
