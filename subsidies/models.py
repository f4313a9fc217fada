"""Subsidy rules as data (rates by effective date, editable in the admin); applications, their steps and decisions."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from subsidies.enums import (
    Action,
    ApplicationState,
    CaseType,
    DecisionKind,
    EmployerType,
    Outcome,
    PaymentState,
    RectificationOutcome,
    Stance,
    SubsidyKind,
)

PAY_SUBSIDY_KINDS = [choice for choice in SubsidyKind.choices if choice[0] != SubsidyKind.START_UP_GRANT]


class RuleRow(models.Model):
    """What every rule has: a stable id (the one a decision names), the days it is in force and its source."""

    key = models.SlugField(
        _("tunniste"), max_length=80, unique=True, help_text=_("Päätöksissä näkyvä säännön tunniste.")
    )
    effective_from = models.DateField(_("voimassa alkaen"))
    effective_until = models.DateField(
        _("voimassa asti"),
        null=True,
        blank=True,
        help_text=_("Tyhjä: voimassa, kunnes myöhemmin alkava sääntö korvaa sen."),
    )
    source = models.CharField(_("lähde"), max_length=300, help_text=_("Laki, hallituksen esitys tai ohje."))
    notes = models.TextField(_("huomiot"), blank=True)

    class Meta:
        abstract = True
        ordering = ["effective_from", "key"]

    def __str__(self):
        return self.key

    @classmethod
    def period_constraint(cls, name: str):
        return models.CheckConstraint(
            condition=Q(effective_until__isnull=True) | Q(effective_until__gte=F("effective_from")), name=name
        )


def _check_choices(errors: dict, name: str, values, choices) -> None:
    allowed = {value for value, _label in choices}
    if not isinstance(values, list) or not set(values) <= allowed:
        errors[name] = _("Sallitut arvot: %(values)s.") % {"values": ", ".join(sorted(allowed))}


class PaySubsidyRate(RuleRow):
    kind = models.CharField(_("laji"), max_length=40, choices=PAY_SUBSIDY_KINDS)
    share_percent = models.DecimalField(_("osuus palkkakustannuksista (%)"), max_digits=5, decimal_places=2)
    monthly_cap = models.DecimalField(_("enimmäismäärä kuukaudessa (€)"), max_digits=9, decimal_places=2)
    max_months = models.PositiveSmallIntegerField(_("enimmäiskesto (kuukautta)"))
    employer_types = models.JSONField(
        _("työnantajat"), default=list, blank=True, help_text=_("Tyhjä: kaikki työnantajat.")
    )
    max_hours_share_percent = models.DecimalField(
        _("työaika enintään (% kokoaikaisesta)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    min_weekly_hours = models.DecimalField(
        _("työaika vähintään (tuntia viikossa)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    min_age = models.PositiveSmallIntegerField(_("ikä vähintään"), null=True, blank=True)
    unemployed_months = models.PositiveSmallIntegerField(_("työttömyys vähintään (kuukautta)"), null=True, blank=True)
    unemployment_window_months = models.PositiveSmallIntegerField(
        _("työttömyyden tarkastelujakso (kuukautta)"), null=True, blank=True
    )
    base_months = models.PositiveSmallIntegerField(
        _("kesto pääsääntöisesti enintään (kuukautta)"),
        null=True,
        blank=True,
        help_text=_("Tyhjä: enimmäiskesto kaikille. Pidempi kesto vain alla annetun työttömyyden perusteella."),
    )
    extension_unemployed_months = models.PositiveSmallIntegerField(
        _("pidemmän keston työttömyys vähintään (kuukautta)"), null=True, blank=True
    )
    extension_window_months = models.PositiveSmallIntegerField(
        _("pidemmän keston tarkastelujakso (kuukautta)"), null=True, blank=True
    )

    class Meta(RuleRow.Meta):
        verbose_name = _("palkkatuen sääntö")
        verbose_name_plural = _("palkkatuen säännöt")
        constraints = [
            RuleRow.period_constraint("pay_subsidy_rate_period"),
            models.CheckConstraint(
                condition=Q(share_percent__gt=0, share_percent__lte=100), name="pay_subsidy_rate_share_percent"
            ),
            models.CheckConstraint(condition=Q(monthly_cap__gt=0), name="pay_subsidy_rate_cap_positive"),
            models.CheckConstraint(
                condition=Q(base_months__isnull=True) | Q(base_months__lte=F("max_months")),
                name="pay_subsidy_rate_base_within_max",
            ),
        ]

    def clean(self):
        errors = {}
        _check_choices(errors, "employer_types", self.employer_types, EmployerType.choices)
        if self.base_months is not None and self.extension_unemployed_months is None:
            errors["extension_unemployed_months"] = _("Pidempi kesto tarvitsee työttömyyden keston ehdon.")
        if errors:
            raise ValidationError(errors)


class StartUpGrantRate(RuleRow):
    daily_amount = models.DecimalField(_("määrä päivältä (€)"), max_digits=7, decimal_places=2)
    days_per_week = models.PositiveSmallIntegerField(_("maksupäiviä viikossa"), default=5)
    max_months = models.PositiveSmallIntegerField(_("enimmäiskesto (kuukautta)"), default=12)
    period_months = models.PositiveSmallIntegerField(_("myönnetään jaksoissa (kuukautta)"), default=6)

    class Meta(RuleRow.Meta):
        verbose_name = _("starttirahan määrä")
        verbose_name_plural = _("starttirahan määrät")
        constraints = [
            RuleRow.period_constraint("start_up_grant_rate_period"),
            models.CheckConstraint(condition=Q(daily_amount__gt=0), name="start_up_grant_rate_amount_positive"),
            models.CheckConstraint(
                condition=Q(days_per_week__gte=1, days_per_week__lte=7), name="start_up_grant_rate_days_per_week"
            ),
            models.CheckConstraint(condition=Q(period_months__gte=1), name="start_up_grant_rate_period_months"),
            # One application is one period, so a period within the maximum keeps every application within it.
            models.CheckConstraint(
                condition=Q(period_months__lte=F("max_months")), name="start_up_grant_rate_period_within_max"
            ),
        ]


class EmployerRestriction(RuleRow):
    employer_type = models.CharField(_("työnantaja"), max_length=40, choices=EmployerType.choices)
    allowed_kinds = models.JSONField(_("sallitut lajit"), default=list, blank=True)
    conditional_kinds = models.JSONField(
        _("ehdollisesti sallitut lajit"),
        default=list,
        blank=True,
        help_text=_("Sallittu vain pitkäaikaistyöttömälle, joka on vähintään alla annetun ikäinen."),
    )
    conditional_min_age = models.PositiveSmallIntegerField(_("ehdon ikä vähintään"), null=True, blank=True)
    conditional_unemployed_months = models.PositiveSmallIntegerField(
        _("ehdon työttömyys vähintään (kuukautta)"), null=True, blank=True
    )

    class Meta(RuleRow.Meta):
        verbose_name = _("työnantajan rajoitus")
        verbose_name_plural = _("työnantajien rajoitukset")
        constraints = [RuleRow.period_constraint("employer_restriction_period")]

    def clean(self):
        errors = {}
        _check_choices(errors, "allowed_kinds", self.allowed_kinds, PAY_SUBSIDY_KINDS)
        _check_choices(errors, "conditional_kinds", self.conditional_kinds, PAY_SUBSIDY_KINDS)
        if self.conditional_kinds and (self.conditional_min_age is None or self.conditional_unemployed_months is None):
            errors["conditional_min_age"] = _("Ehdollisille lajeille tarvitaan ikä ja työttömyyden kesto.")
        if errors:
            raise ValidationError(errors)


class Application(models.Model):
    """A pay subsidy or start-up grant application, prepared by the job seeker's serving municipality."""

    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker",
        verbose_name=_("työnhakija"),
        on_delete=models.PROTECT,
        related_name="subsidy_applications",
    )
    kind = models.CharField(_("tuki"), max_length=40, choices=SubsidyKind.choices)
    serving_municipality = models.ForeignKey(
        "organisation.Municipality",
        verbose_name=_("valmisteleva kunta"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Työnhakijan palveleva kunta hakemuksen saapuessa."),
    )
    state = models.CharField(
        _("tila"), max_length=30, choices=ApplicationState.choices, default=ApplicationState.RECEIVED
    )
    received_on = models.DateField(_("saapunut"))
    # The employer as one group of fields: an employers app is planned, and these become its foreign key then.
    employer_name = models.CharField(_("työnantaja"), max_length=200, blank=True)
    employer_business_id = models.CharField(_("työnantajan Y-tunnus"), max_length=9, blank=True)
    employer_type = models.CharField(_("työnantajan laji"), max_length=20, choices=EmployerType.choices, blank=True)
    job_title = models.CharField(_("tehtävä"), max_length=200, blank=True)
    isco_code = models.CharField(_("ammattiluokka (ISCO-08)"), max_length=4, blank=True)
    monthly_pay_costs = models.DecimalField(
        _("palkkakustannukset kuukaudessa (€)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    weekly_hours = models.DecimalField(_("työaika (h/vko)"), max_digits=5, decimal_places=2, null=True, blank=True)
    full_time_weekly_hours = models.DecimalField(
        _("alan kokoaikainen työaika (h/vko)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    start_date = models.DateField(_("alkaa"))
    months = models.PositiveSmallIntegerField(_("kesto (kuukautta)"))
    # Start-up grant: the job seeker as entrepreneur.
    business_id = models.CharField(_("yrityksen Y-tunnus"), max_length=9, blank=True)
    business_plan_summary = models.TextField(_("liiketoimintasuunnitelman tiivistelmä"), blank=True)
    other_income = models.DecimalField(
        _("muut tulot kuukaudessa (€)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    # The eligibility inputs as the registry had them when the application arrived: the preparation and the decision
    # judge the application as it was made, whatever the person's record says later. None: not known.
    age_at_start = models.PositiveSmallIntegerField(_("ikä tuen alkaessa"), null=True, blank=True)
    unemployed_since = models.DateField(_("työttömänä alkaen"), null=True, blank=True)
    unemployment_months = models.PositiveSmallIntegerField(
        _("työttömyyden kesto hakemuksen saapuessa (kuukautta)"), null=True, blank=True
    )
    reduced_work_ability = models.BooleanField(_("vajaakuntoinen"), null=True, blank=True)
    long_term_unemployed = models.BooleanField(_("pitkäaikaistyötön"), null=True, blank=True)
    preparer = models.ForeignKey(
        "accounts.User",
        verbose_name=_("valmistelija"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    proposal_outcome = models.CharField(_("esitys"), max_length=20, choices=Outcome.choices, blank=True)
    proposal_reasons = models.TextField(_("esityksen perustelut"), blank=True)
    notified_on = models.DateField(_("tiedoksianto"), null=True, blank=True)
    created_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tukihakemus")
        verbose_name_plural = _("tukihakemukset")
        ordering = ["received_on", "pk"]
        indexes = [models.Index(fields=["serving_municipality", "state"])]
        constraints = [
            models.CheckConstraint(condition=Q(months__gte=1), name="subsidy_application_months_positive"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.pk}"

    @property
    def case_type(self) -> str:
        return CaseType.of(self.kind).value


class Transition(models.Model):
    """Every step of an application: who, when, from which state to which, and why (the note)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="transitions")
    action = models.CharField(_("toimenpide"), max_length=30, choices=Action.choices)
    from_state = models.CharField(_("tilasta"), max_length=30, choices=ApplicationState.choices, blank=True)
    to_state = models.CharField(_("tilaan"), max_length=30, choices=ApplicationState.choices)
    by = models.ForeignKey("accounts.User", verbose_name=_("tekijä"), on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("aika"), auto_now_add=True)
    note = models.TextField(_("huomio"), blank=True)

    class Meta:
        verbose_name = _("tilasiirtymä")
        verbose_name_plural = _("tilasiirtymät")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.application_id}: {self.action}"


class WorkingGroupStatement(models.Model):
    """A working group's statement: it supports the preparation and binds nobody (plan §2)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="statements")
    body = models.ForeignKey(
        "organisation.CooperationBody", verbose_name=_("työryhmä"), on_delete=models.PROTECT, related_name="+"
    )
    stance = models.CharField(_("kanta"), max_length=20, choices=Stance.choices)
    text = models.TextField(_("lausunto"))
    given_on = models.DateField(_("annettu"))
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("työryhmän lausunto")
        verbose_name_plural = _("työryhmien lausunnot")
        ordering = ["given_on", "pk"]

    def __str__(self):
        return f"{self.application_id}: {self.stance}"


class ImmutableError(Exception):
    pass


class Decision(models.Model):
    """A decision and its document, stored once and never changed: the rule's figures are copied, so a later change of
    a rate in the admin does not rewrite what was decided."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="decisions")
    kind = models.CharField(_("laji"), max_length=20, choices=DecisionKind.choices, default=DecisionKind.DECISION)
    outcome = models.CharField(_("ratkaisu"), max_length=20, choices=Outcome.choices)
    rectification_outcome = models.CharField(
        _("oikaisuvaatimuksen ratkaisu"), max_length=20, choices=RectificationOutcome.choices, blank=True
    )
    reasons = models.TextField(_("perustelut"))
    monthly_amount = models.DecimalField(_("tuki kuukaudessa (€)"), max_digits=9, decimal_places=2, null=True)
    total = models.DecimalField(_("yhteensä (€)"), max_digits=11, decimal_places=2, null=True)
    start_date = models.DateField(_("alkaa"), null=True)
    end_date = models.DateField(_("päättyy"), null=True)
    rule_key = models.CharField(_("sääntö"), max_length=80, blank=True)
    rule_source = models.CharField(_("säännön lähde"), max_length=300, blank=True)
    municipality = models.ForeignKey("organisation.Municipality", on_delete=models.PROTECT, related_name="+")
    # None: decided under the responsible municipality's own authority, which needs no delegation.
    delegation = models.ForeignKey(
        "organisation.Delegation",
        verbose_name=_("delegointi"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    decided_by = models.ForeignKey(
        "accounts.User", verbose_name=_("päättäjä"), on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(_("päätetty"), auto_now_add=True)
    language = models.CharField(_("kieli"), max_length=2, default="fi")
    document = models.BinaryField(_("päätösasiakirja (DOCX)"))
    document_sha256 = models.CharField(max_length=64)
    # The same document as HTML, rendered once with the DOCX from the same parts. Empty for decisions made before the
    # HTML version existed: those have their DOCX only, and nothing is rendered for them afterwards.
    document_html = models.TextField(_("päätösasiakirja (HTML)"), blank=True, default="")
    document_html_sha256 = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("päätös")
        verbose_name_plural = _("päätökset")
        ordering = ["decided_at", "pk"]
        constraints = [
            # Two decision makers deciding the same application at once: the second insert fails here.
            models.UniqueConstraint(fields=["application", "kind"], name="subsidy_decision_one_per_kind"),
        ]

    def __str__(self):
        return f"{self.application_id}: {self.kind} {self.outcome}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ImmutableError("a decision is never changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ImmutableError("a decision is never deleted")


class Attachment(models.Model):
    """A file attached to an application (pay slip, business plan, certificate). Stored in the database beside the
    application, like the decision's documents and the payment files: never under a web root, included in every
    backup, deleted with the synthetic cases; served only through subsidies.views.attachment, which asks the same
    permission as the application and logs the read."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField(_("tiedoston nimi"), max_length=120)
    content_type = models.CharField(_("tiedostotyyppi"), max_length=100)
    size = models.PositiveIntegerField(_("koko (tavua)"))
    content = models.BinaryField(_("sisältö"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        "accounts.User", verbose_name=_("lisääjä"), on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("lisätty"), auto_now_add=True)

    class Meta:
        verbose_name = _("liite")
        verbose_name_plural = _("liitteet")
        ordering = ["uploaded_at", "pk"]
        constraints = [models.CheckConstraint(condition=Q(size__gt=0), name="subsidy_attachment_not_empty")]

    def __str__(self):
        return self.name


class RectificationRequest(models.Model):
    application = models.OneToOneField(Application, on_delete=models.PROTECT, related_name="rectification")
    received_on = models.DateField(_("saapunut"))
    grounds = models.TextField(_("vaatimus ja perustelut"))
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("oikaisuvaatimus")
        verbose_name_plural = _("oikaisuvaatimukset")

    def __str__(self):
        return f"{self.application_id}: {self.received_on}"


class PaymentExport(models.Model):
    """One file of approved payments for one municipality's finance system; its requests are marked paid with it, so
    nothing is exported twice. The file is stored as it was handed over."""

    paying_municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("maksava kunta"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        "accounts.User", verbose_name=_("laatija"), on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("laadittu"), auto_now_add=True)
    count = models.PositiveIntegerField(_("maksuja"))
    total = models.DecimalField(_("yhteensä (€)"), max_digits=12, decimal_places=2)
    content = models.BinaryField(_("maksuaineisto (CSV)"))
    content_sha256 = models.CharField(max_length=64)

    class Meta:
        verbose_name = _("maksuaineisto")
        verbose_name_plural = _("maksuaineistot")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.paying_municipality_id}: {self.pk}"


class PaymentRequest(models.Model):
    """A payment request against a granted decision: whole months of the subsidy, the amount claimed for them and the
    pay slip it rests on; checked and approved by a payment handler of the paying municipality (subsidies.payments)."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="payment_requests")
    decision = models.ForeignKey(
        Decision, verbose_name=_("päätös"), on_delete=models.PROTECT, related_name="payment_requests"
    )
    # Whose finance pays, from the delegation's payment arrangement when the request was recorded.
    paying_municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("maksava kunta"), on_delete=models.PROTECT, related_name="+"
    )
    received_on = models.DateField(_("saapunut"))
    period_start = models.DateField(_("jakso alkaa"))
    period_end = models.DateField(_("jakso päättyy"))
    amount = models.DecimalField(_("haettu määrä (€)"), max_digits=9, decimal_places=2)
    pay_costs = models.DecimalField(
        _("toteutuneet palkkakustannukset (€)"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    pay_slip_reference = models.CharField(_("palkkalaskelman viite"), max_length=100, blank=True)
    state = models.CharField(_("tila"), max_length=20, choices=PaymentState.choices, default=PaymentState.SUBMITTED)
    recorded_by = models.ForeignKey("accounts.User", on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    handled_by = models.ForeignKey(
        "accounts.User",
        verbose_name=_("käsittelijä"),
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    handled_at = models.DateTimeField(_("käsitelty"), null=True, blank=True)
    rejection_reasons = models.TextField(_("hylkäyksen perustelut"), blank=True)
    export = models.ForeignKey(
        PaymentExport,
        verbose_name=_("maksuaineisto"),
        on_delete=models.PROTECT,
        related_name="requests",
        null=True,
        blank=True,
    )

    class Meta:
        verbose_name = _("maksatushakemus")
        verbose_name_plural = _("maksatushakemukset")
        ordering = ["period_start", "pk"]
        indexes = [models.Index(fields=["paying_municipality", "state"])]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="subsidy_payment_amount_positive"),
            models.CheckConstraint(condition=Q(period_end__gte=F("period_start")), name="subsidy_payment_period"),
            # Exported exactly when it is in a file: the mark that keeps it from being paid twice.
            models.CheckConstraint(
                condition=Q(state=PaymentState.EXPORTED, export__isnull=False)
                | (~Q(state=PaymentState.EXPORTED) & Q(export__isnull=True)),
                name="subsidy_payment_exported_in_a_file",
            ),
        ]

    def __str__(self):
        return f"{self.application_id}: {self.period_start}–{self.period_end}"
