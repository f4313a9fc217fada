"""The plan document: the narrative of each of its six sections, and every generated version with its numbers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from common.formatting import local_datetime
from plan_document.enums import Format, Language


class PlanText(models.Model):
    """One section's narrative for an area, pre-filled from the plan's own text and edited in the UI."""

    area = models.ForeignKey("organisation.EmploymentArea", on_delete=models.CASCADE, related_name="plan_texts")
    section = models.PositiveSmallIntegerField(_("luku"))
    heading = models.CharField(_("otsikko"), max_length=300)
    heading_sv = models.CharField(_("otsikko ruotsiksi"), max_length=300, blank=True)
    text_fi = models.TextField(_("teksti"), blank=True)
    text_sv = models.TextField(_("teksti ruotsiksi"), blank=True)
    source = models.CharField(_("lähde"), max_length=200, help_text=_("Suunnitelman kohta, josta teksti on."))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("muokkaaja"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("muokattu"), auto_now=True)

    class Meta:
        verbose_name = _("suunnitelman teksti")
        verbose_name_plural = _("suunnitelman tekstit")
        ordering = ["area", "section"]
        constraints = [
            models.UniqueConstraint(fields=["area", "section"], name="plan_text_one_per_section"),
            models.CheckConstraint(condition=Q(section__gte=1, section__lte=6), name="plan_text_section_1_to_6"),
        ]

    def __str__(self):
        return f"{self.section}. {self.heading}"

    def heading_in(self, language: str) -> str:
        return self.heading_sv if language == Language.SV and self.heading_sv else self.heading

    def text_in(self, language: str) -> str:
        return self.text_sv if language == Language.SV and self.text_sv else self.text_fi


class PlanGeneration(models.Model):
    """A generated version: when, by whom, for which month, the numbers of its tables and its texts, and the file's
    hash. The next version's change list is compared against the latest of these."""

    area = models.ForeignKey("organisation.EmploymentArea", on_delete=models.CASCADE, related_name="plan_generations")
    generated_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("luoja"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    month = models.DateField(_("tilastokuukausi"))
    file_format = models.CharField(_("muoto"), max_length=4, choices=Format.choices)
    language = models.CharField(_("kieli"), max_length=2, choices=Language.choices, default=Language.FI)
    snapshot = models.JSONField(_("luvut ja tekstit"), default=dict)
    file_hash = models.CharField(_("tiedoston SHA-256"), max_length=64)

    class Meta:
        verbose_name = _("suunnitelman versio")
        verbose_name_plural = _("suunnitelman versiot")
        ordering = ["-generated_at", "-pk"]

    def __str__(self):
        return f"{self.area} {local_datetime(self.generated_at)}"
