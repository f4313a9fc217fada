from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from common.formatting import local_datetime


class AppendOnlyError(Exception):
    pass


class PersonalDataAccess(models.Model):
    """One read (or refused read) of a person's data. Rows are written once and never changed."""

    class Outcome(models.TextChoices):
        GRANTED = "granted", _("sallittu")
        DENIED = "denied", _("estetty")

    at = models.DateTimeField(_("aika"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("käyttäjä"),
        on_delete=models.PROTECT,
        related_name="+",
        # The (user, at) index serves lookups by user. No constraint in the database: every list checked it once per
        # person shown, against the same user; the user is the signed-in one and users are never deleted (PROTECT).
        db_index=False,
        db_constraint=False,
    )
    subject_type = models.CharField(_("kohteen tyyppi"), max_length=60)
    subject_id = models.CharField(_("kohteen tunniste"), max_length=60)
    view = models.CharField(_("näkymä"), max_length=120)
    purpose = models.CharField(_("käyttötarkoitus"), max_length=200)
    outcome = models.CharField(_("tulos"), max_length=10, choices=Outcome.choices, default=Outcome.GRANTED)

    class Meta:
        verbose_name = _("henkilötietojen käsittely")
        verbose_name_plural = _("henkilötietojen käsittelyt")
        ordering = ["-at"]
        # Every list of people writes a row per person: each index is paid on every read of the service. The person
        # is looked up by exact id only, so no pattern index beside it (db_index would add one on PostgreSQL).
        indexes = [models.Index(fields=["user", "at"]), models.Index(fields=["subject_id"], name="access_subject")]

    def __str__(self):
        return f"{local_datetime(self.at)} {self.user_id} {self.view} {self.subject_type}:{self.subject_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("personal-data access rows cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("personal-data access rows cannot be deleted")
