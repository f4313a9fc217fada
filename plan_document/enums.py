from django.db import models
from django.utils.translation import gettext_lazy as _


class Format(models.TextChoices):
    DOCX = "docx", "DOCX"
    HTML = "html", "HTML"


class Language(models.TextChoices):
    FI = "fi", _("suomi")
    SV = "sv", _("ruotsi")
