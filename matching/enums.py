"""A job offer's kind and its outcome (työtarjous, ohjaus avoimeen työpaikkaan)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class JobOfferKind(models.TextChoices):
    # Refusing a job offer can cost unemployment benefit (a statement follows); a referral only suggests the vacancy.
    JOB_OFFER = "job_offer", _("työtarjous")
    REFERRAL = "referral", _("ohjaus avoimeen työpaikkaan")


class Outcome(models.TextChoices):
    APPLIED = "applied", _("haki paikkaa")
    HIRED = "hired", _("palkattiin")
    NOT_SUITABLE = "not_suitable", _("ei soveltunut")
    NO_RESPONSE = "no_response", _("ei vastannut")
    REFUSED = "refused", _("kieltäytyi")
