"""An unemployment-security statement on one job seeker's conduct, its hearing, its proposal and approval, and the log
of every state it went through. Written only by statements/services.py."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from statements import enums


class Statement(models.Model):
    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker", verbose_name=_("työnhakija"), on_delete=models.PROTECT, related_name="statements"
    )
    case_type = models.CharField(_("asia"), max_length=30, choices=enums.CaseType.choices)
    conduct_on = models.DateField(_("menettelyn päivä"))
    facts = models.TextField(_("tapahtumien kuvaus"))
    payer = models.CharField(_("maksaja"), max_length=20, choices=enums.Payer.choices)
    payer_name = models.CharField(
        _("työttömyyskassan nimi"), max_length=200, blank=True, help_text=_("Vain kun maksaja on työttömyyskassa.")
    )
    state = models.CharField(
        _("tila"), max_length=20, choices=enums.StatementState.choices, default=enums.StatementState.DRAFT
    )

    # The hearing (kuuleminen): the request for clarification and the reply.
    hearing_question = models.TextField(_("selvityspyyntö"), blank=True)
    hearing_sent_on = models.DateField(_("selvityspyyntö lähetetty"), null=True, blank=True)
    reply_due_on = models.DateField(_("vastauksen määräpäivä"), null=True, blank=True)
    reply_received_on = models.DateField(_("vastaus saatu"), null=True, blank=True)
    reply = models.TextField(_("työnhakijan selvitys"), blank=True)

    # The official's judgement: whether there was a valid reason (pätevä syy) is the official's to find, with reasons.
    valid_reason = models.BooleanField(_("pätevä syy"), null=True, blank=True)
    judgement = models.TextField(_("perustelut"), blank=True)

    # What the rules (statements.rules) gave, stored when proposed and again when approved, so the document says
    # what was decided even after the rules change.
    rule_id = models.CharField(_("sääntö"), max_length=60, blank=True)
    legal_section = models.CharField(_("lainkohta"), max_length=60, blank=True)
    rule_source = models.TextField(_("säännön lähde"), blank=True)
    ordinal = models.PositiveSmallIntegerField(_("monesko kerta"), null=True, blank=True)
    consequence = models.CharField(_("seuraamus"), max_length=30, choices=enums.ConsequenceKind.choices, blank=True)
    consequence_days = models.PositiveSmallIntegerField(_("korvaukseton määräaika (päivää)"), default=0)
    consequence_weeks = models.PositiveSmallIntegerField(_("työssäolovelvoite (viikkoa)"), default=0)
    reason_code = models.CharField(_("peruste"), max_length=40, blank=True)
    reason_params = models.JSONField(_("perusteen tiedot"), default=dict, blank=True)

    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("valmistelija"), on_delete=models.PROTECT, related_name="+"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("esittäjä"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hyväksyjä"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_on = models.DateField(_("hyväksytty"), null=True, blank=True)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    updated_at = models.DateTimeField(_("muutettu"), auto_now=True)

    class Meta:
        verbose_name = _("työvoimapoliittinen lausunto")
        verbose_name_plural = _("työvoimapoliittiset lausunnot")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(payer=enums.Payer.KELA, payer_name="") | Q(payer=enums.Payer.UNEMPLOYMENT_FUND),
                name="statement_fund_name_only_for_fund",
            ),
            models.CheckConstraint(
                condition=Q(reply_due_on__isnull=True) | Q(reply_due_on__gt=models.F("hearing_sent_on")),
                name="statement_reply_due_after_sent",
            ),
            models.CheckConstraint(
                condition=~Q(state=enums.StatementState.APPROVED)
                | (Q(decided_by__isnull=False) & Q(decided_on__isnull=False) & ~Q(consequence="")),
                name="statement_approved_is_decided",
            ),
        ]
        indexes = [models.Index(fields=["state", "conduct_on"]), models.Index(fields=["jobseeker", "state"])]

    def __str__(self):
        return self.reference

    @property
    def reference(self) -> str:
        """The statement's number in letters and lists, e.g. "LAUS-2026-17" (year of drafting, then its id)."""
        year = self.created_at.year if self.created_at else ""
        return f"LAUS-{year}-{self.pk}"


class StatementTransition(models.Model):
    """One change of a statement's state: who, when, from what to what, and the note given (return reason etc.)."""

    statement = models.ForeignKey(Statement, on_delete=models.CASCADE, related_name="transitions")
    from_state = models.CharField(_("tilasta"), max_length=20, choices=enums.StatementState.choices, blank=True)
    to_state = models.CharField(_("tilaan"), max_length=20, choices=enums.StatementState.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("tekijä"), on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField(_("aika"), auto_now_add=True)
    note = models.TextField(_("huomio"), blank=True)

    class Meta:
        verbose_name = _("lausunnon tilamuutos")
        verbose_name_plural = _("lausunnon tilamuutokset")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.statement}: {self.from_state or '–'} → {self.to_state}"
