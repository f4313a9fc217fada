from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from accounts.enums import Role


class User(AbstractUser):
    role = models.CharField(_("rooli"), max_length=40, choices=Role.choices, default=Role.COUNSELLOR)
    home_municipality = models.ForeignKey(
        "organisation.Municipality",
        verbose_name=_("kotikunta"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="staff_users",
        help_text=_("Kunta, jonka palveluksessa käyttäjä on; rajaa näkyvät henkilötiedot."),
    )
    team = models.ForeignKey(
        "organisation.Team",
        verbose_name=_("tiimi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
    )

    class Meta:
        verbose_name = _("käyttäjä")
        verbose_name_plural = _("käyttäjät")

    def __str__(self):
        return self.get_full_name() or self.username
