from decimal import Decimal

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.enums import Role


def _default_languages():
    return ["fi"]


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
    fte = models.DecimalField(
        _("htv"),
        max_digits=4,
        decimal_places=2,
        default=Decimal("1.00"),
        help_text=_("Työaika henkilötyövuosina (1,00 = kokoaikainen); asiakasmäärä lasketaan htv:tä kohden."),
    )
    languages = models.JSONField(
        _("kielet"),
        default=_default_languages,
        blank=True,
        help_text=_("Kielet, joilla käyttäjä palvelee asiakkaita (ISO 639-1 -koodit, esim. fi, sv, en)."),
    )

    class Meta:
        verbose_name = _("käyttäjä")
        verbose_name_plural = _("käyttäjät")
        constraints = [models.CheckConstraint(condition=Q(fte__gte=0), name="user_fte_not_negative")]

    def __str__(self):
        return self.get_full_name() or self.username
