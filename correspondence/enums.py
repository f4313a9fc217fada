from django.db import models
from django.utils.translation import gettext_lazy as _


class Delivery(models.TextChoices):
    """How a message reaches the client: sent as e-mail (the letter attached) or printed and posted by staff."""

    EMAIL = "email", _("sähköpostilla")
    LETTER = "letter", _("kirjeenä tulostettavaksi")
