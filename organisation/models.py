"""The employment area's organisation as the plan describes it (plan §1–§4).

Every row carries the plan section it was transcribed from, so a reader can check the fact at its source.
"""

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from organisation import enums


class PlanFact(models.Model):
    source = models.CharField(_("lähde"), max_length=200, help_text=_("Suunnitelman kohta, josta tieto on."))

    class Meta:
        abstract = True


class EmploymentArea(PlanFact):
    slug = models.SlugField(_("tunniste"), unique=True)
    name_fi = models.CharField(_("nimi (suomi)"), max_length=200)
    name_sv = models.CharField(_("nimi (ruotsi)"), max_length=200, blank=True)
    name_en = models.CharField(_("nimi (englanti)"), max_length=200, blank=True)
    responsible_municipality = models.ForeignKey(
        "organisation.Municipality",
        verbose_name=_("vastuukunta"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("työllisyysalue")
        verbose_name_plural = _("työllisyysalueet")

    def __str__(self):
        return self.name_fi


class Municipality(PlanFact):
    area = models.ForeignKey(EmploymentArea, on_delete=models.CASCADE, related_name="municipalities")
    code = models.CharField(_("kuntanumero"), max_length=3, unique=True)
    name_fi = models.CharField(_("nimi (suomi)"), max_length=100)
    name_sv = models.CharField(_("nimi (ruotsi)"), max_length=100)
    region = models.CharField(_("maakunta"), max_length=100)
    wellbeing_services_county = models.CharField(_("hyvinvointialue"), max_length=100)

    class Meta:
        verbose_name = _("kunta")
        verbose_name_plural = _("kunnat")
        ordering = ["name_fi"]
        constraints = [
            # \Z, not $: "$" also matches before a final newline (Python's re, which SQLite's REGEXP runs), and
            # PostgreSQL reads \Z as the end of the string too.
            models.CheckConstraint(condition=Q(code__regex=r"^[0-9]{3}\Z"), name="municipality_code_three_digits"),
        ]

    def __str__(self):
        return self.name_fi

    @property
    def is_responsible(self) -> bool:
        return self.area.responsible_municipality_id == self.pk


class Office(PlanFact):
    area = models.ForeignKey(EmploymentArea, on_delete=models.CASCADE, related_name="offices")
    key = models.SlugField(_("tunniste"), max_length=80)
    name = models.CharField(_("nimi"), max_length=200)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="offices"
    )
    street_address = models.CharField(_("katuosoite"), max_length=200)
    postal_code = models.CharField(_("postinumero"), max_length=5)
    post_town = models.CharField(_("postitoimipaikka"), max_length=100)
    customer_groups = models.JSONField(_("asiakasryhmät"), default=list, blank=True)
    services = models.TextField(_("palvelut"), blank=True)
    notes = models.TextField(_("huomiot"), blank=True)

    class Meta:
        verbose_name = _("toimipiste")
        verbose_name_plural = _("toimipisteet")
        ordering = ["municipality__name_fi", "name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "key"], name="office_key_unique_in_area"),
            models.UniqueConstraint(fields=["name", "street_address"], name="office_unique_name_address"),
            models.CheckConstraint(condition=Q(postal_code__regex=r"^[0-9]{5}$"), name="office_postal_code_digits"),
        ]

    def __str__(self):
        return self.name

    @property
    def full_address(self) -> str:
        return f"{self.street_address}, {self.postal_code} {self.post_town}"


class Team(PlanFact):
    area = models.ForeignKey(EmploymentArea, on_delete=models.CASCADE, related_name="teams")
    key = models.SlugField(_("tunniste"), max_length=80)
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="teams"
    )
    name = models.CharField(_("nimi"), max_length=200)
    target_group = models.CharField(_("kohderyhmä"), max_length=40, choices=enums.TargetGroup.choices)
    office = models.ForeignKey(
        Office, verbose_name=_("toimipiste"), on_delete=models.PROTECT, null=True, blank=True, related_name="teams"
    )

    class Meta:
        verbose_name = _("tiimi")
        verbose_name_plural = _("tiimit")
        ordering = ["municipality__name_fi", "name"]
        constraints = [models.UniqueConstraint(fields=["area", "key"], name="team_key_unique_in_area")]

    def __str__(self):
        return f"{self.municipality.name_fi}: {self.name}"


class StaffPosition(PlanFact):
    area = models.ForeignKey(EmploymentArea, on_delete=models.CASCADE, related_name="staff_positions")
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="staff_positions"
    )
    team = models.ForeignKey(
        Team, verbose_name=_("tiimi"), on_delete=models.SET_NULL, null=True, blank=True, related_name="positions"
    )
    title = models.CharField(_("nimike"), max_length=200)
    role = models.CharField(_("rooli"), max_length=40, choices=enums.StaffRole.choices)
    fte_min = models.DecimalField(_("htv (vähintään)"), max_digits=5, decimal_places=2)
    fte_max = models.DecimalField(_("htv (enintään)"), max_digits=5, decimal_places=2)
    origin = models.CharField(_("alkuperä"), max_length=40, choices=enums.StaffOrigin.choices)
    status = models.CharField(
        _("tila"), max_length=20, choices=enums.PositionStatus.choices, default=enums.PositionStatus.PLANNED
    )
    customer_work = models.BooleanField(
        _("henkilöasiakas- ja työnvälitystyö"),
        default=False,
        help_text=_("Lasketaan virkailijakohtaisen asiakasmäärän nimittäjään."),
    )
    notes = models.TextField(_("huomiot"), blank=True)

    class Meta:
        verbose_name = _("henkilöstöresurssi")
        verbose_name_plural = _("henkilöstöresurssit")
        ordering = ["municipality__name_fi", "origin", "title"]
        constraints = [
            models.CheckConstraint(condition=Q(fte_min__gte=0), name="staff_position_fte_not_negative"),
            models.CheckConstraint(condition=Q(fte_min__lte=F("fte_max")), name="staff_position_fte_min_le_max"),
        ]

    def __str__(self):
        return f"{self.municipality.name_fi}: {self.title}"


class CaseloadTarget(PlanFact):
    area = models.ForeignKey(EmploymentArea, on_delete=models.CASCADE, related_name="caseload_targets")
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="caseload_targets"
    )
    team = models.ForeignKey(
        Team, verbose_name=_("tiimi"), on_delete=models.CASCADE, null=True, blank=True, related_name="targets"
    )
    min_clients = models.PositiveIntegerField(_("asiakkaita per htv vähintään"), null=True, blank=True)
    max_clients = models.PositiveIntegerField(_("asiakkaita per htv enintään"), null=True, blank=True)
    wording = models.CharField(_("suunnitelman sanamuoto"), max_length=200)
    bound = models.CharField(
        _("tavoitteen luenta"), max_length=10, choices=enums.CaseloadBound.choices, default=enums.CaseloadBound.RANGE
    )
    tolerance_percent = models.DecimalField(
        _("toleranssi (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Noin-tavoitteen sallittu poikkeama molempiin suuntiin."),
    )
    notes = models.TextField(_("huomiot"), blank=True)

    class Meta:
        verbose_name = _("asiakasmäärätavoite")
        verbose_name_plural = _("asiakasmäärätavoitteet")
        ordering = ["municipality__name_fi", "team__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_clients__isnull=True)
                | Q(max_clients__isnull=True)
                | Q(min_clients__lte=F("max_clients")),
                name="caseload_target_min_le_max",
            ),
            models.CheckConstraint(
                condition=~Q(bound="about") | Q(tolerance_percent__gte=0),
                name="caseload_target_about_has_tolerance",
            ),
            models.UniqueConstraint(fields=["municipality", "team"], name="caseload_target_unique_per_team"),
            models.UniqueConstraint(
                fields=["municipality"], condition=Q(team__isnull=True), name="caseload_target_unique_per_municipality"
            ),
        ]

    def __str__(self):
        return f"{self.municipality.name_fi}: {self.wording}"


class ServiceArrangement(PlanFact):
    area = models.ForeignKey(EmploymentArea, on_delete=models.CASCADE, related_name="service_arrangements")
    key = models.SlugField(_("tunniste"), max_length=80)
    provider_municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("palvelun tuottava kunta"),
        on_delete=models.PROTECT,
        related_name="arrangements_provided",
    )
    provider_team = models.ForeignKey(
        Team, verbose_name=_("palvelun tuottava tiimi"), on_delete=models.PROTECT, null=True, blank=True
    )
    served_municipalities = models.ManyToManyField(
        Municipality, verbose_name=_("palveltavat kunnat"), related_name="arrangements_served"
    )
    target_group = models.CharField(
        _("kohderyhmä"), max_length=40, choices=enums.TargetGroup.choices, default=enums.TargetGroup.ALL
    )
    role = models.CharField(
        _("rooli"), max_length=20, choices=enums.ArrangementRole.choices, default=enums.ArrangementRole.PRIMARY
    )
    meeting_place = models.CharField(
        _("tapaamispaikka"),
        max_length=40,
        choices=enums.MeetingPlace.choices,
        default=enums.MeetingPlace.SERVED_MUNICIPALITY_OFFICE,
    )
    meeting_office = models.ForeignKey(
        Office, verbose_name=_("tapaamisen toimipiste"), on_delete=models.PROTECT, null=True, blank=True
    )
    fte = models.DecimalField(_("htv"), max_digits=5, decimal_places=2, null=True, blank=True)
    plan_example = models.BooleanField(
        _("suunnitelman esimerkki"),
        default=False,
        help_text=_("Suunnitelma mainitsee järjestelyn vain esimerkkinä (”esim.”); se on oletus, ei päätös."),
    )
    description = models.TextField(_("kuvaus"))

    class Meta:
        verbose_name = _("palvelujärjestely")
        verbose_name_plural = _("palvelujärjestelyt")
        ordering = ["provider_municipality__name_fi", "key"]
        constraints = [
            models.UniqueConstraint(fields=["area", "key"], name="arrangement_key_unique_in_area"),
            models.CheckConstraint(condition=Q(fte__isnull=True) | Q(fte__gte=0), name="arrangement_fte_not_negative"),
            models.CheckConstraint(
                condition=~Q(meeting_place="named_office") | Q(meeting_office__isnull=False),
                name="arrangement_named_office_given",
            ),
        ]

    def __str__(self):
        return self.key


class AreaStaffFact(PlanFact):
    """A staffing figure the plan gives for the whole area rather than for a municipality (e.g. the state's staff
    transferring to the area, an expert who works for all the municipalities)."""

    area = models.ForeignKey(EmploymentArea, on_delete=models.CASCADE, related_name="staff_facts")
    key = models.SlugField(_("tunniste"), max_length=80)
    title = models.CharField(_("nimike"), max_length=200)
    origin = models.CharField(_("alkuperä"), max_length=40, choices=enums.StaffOrigin.choices)
    persons = models.PositiveIntegerField(_("henkilöitä"), null=True, blank=True)
    fte = models.DecimalField(_("htv"), max_digits=5, decimal_places=2, null=True, blank=True)
    customer_work_fte = models.DecimalField(
        _("htv henkilöasiakas- ja työnvälitystyössä"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    approximate = models.BooleanField(_("arvio"), default=False)
    notes = models.TextField(_("huomiot"), blank=True)

    class Meta:
        verbose_name = _("alueen henkilöstötieto")
        verbose_name_plural = _("alueen henkilöstötiedot")
        ordering = ["key"]
        constraints = [
            models.UniqueConstraint(fields=["area", "key"], name="staff_fact_key_unique_in_area"),
            models.CheckConstraint(condition=Q(fte__isnull=True) | Q(fte__gte=0), name="staff_fact_fte_not_negative"),
            models.CheckConstraint(
                condition=Q(customer_work_fte__isnull=True) | Q(fte__isnull=False, customer_work_fte__lte=F("fte")),
                name="staff_fact_customer_work_within_fte",
            ),
        ]

    def __str__(self):
        return self.title


class CentralisedService(PlanFact):
    area = models.ForeignKey(EmploymentArea, on_delete=models.CASCADE, related_name="centralised_services")
    key = models.SlugField(_("tunniste"), max_length=80)
    name_fi = models.CharField(_("nimi (suomi)"), max_length=200)
    name_sv = models.CharField(_("nimi (ruotsi)"), max_length=200)
    name_en = models.CharField(_("nimi (englanti)"), max_length=200)
    category = models.CharField(_("luokka"), max_length=40, choices=enums.ServiceCategory.choices)
    parent = models.ForeignKey(
        "self", verbose_name=_("osa palvelua"), on_delete=models.CASCADE, null=True, blank=True, related_name="parts"
    )
    also_purchased = models.BooleanField(_("myös ostopalveluna"), default=False)

    class Meta:
        verbose_name = _("keskitetty palvelu")
        verbose_name_plural = _("keskitetyt palvelut")
        ordering = ["category", "name_fi"]
        constraints = [models.UniqueConstraint(fields=["area", "key"], name="centralised_service_key_unique")]

    def __str__(self):
        return self.name_fi


class Delegation(PlanFact):
    area = models.ForeignKey(EmploymentArea, on_delete=models.CASCADE, related_name="delegations")
    municipality = models.ForeignKey(
        Municipality, verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="delegations"
    )
    case_type = models.CharField(_("asiaryhmä"), max_length=40, choices=enums.CaseType.choices)
    prepares = models.BooleanField(_("valmistelee"), default=True)
    decides = models.BooleanField(_("päättää"), default=True)
    payment = models.CharField(
        _("maksatus"),
        max_length=40,
        choices=enums.PaymentArrangement.choices,
        default=enums.PaymentArrangement.NOT_APPLICABLE,
    )
    official = models.ForeignKey(
        "accounts.User",
        verbose_name=_("viranhaltija"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegations",
    )
    status = models.CharField(
        _("tila"), max_length=20, choices=enums.DelegationStatus.choices, default=enums.DelegationStatus.PLANNED
    )
    notes = models.TextField(_("huomiot"), blank=True)

    class Meta:
        verbose_name = _("toimivallan delegointi")
        verbose_name_plural = _("toimivallan delegoinnit")
        ordering = ["municipality__name_fi", "case_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "case_type"],
                condition=Q(official__isnull=True),
                name="delegation_unique_per_municipality_case_type",
            ),
        ]

    def __str__(self):
        return f"{self.municipality.name_fi}: {self.get_case_type_display()}"


class CooperationBody(PlanFact):
    area = models.ForeignKey(EmploymentArea, on_delete=models.CASCADE, related_name="bodies")
    key = models.SlugField(_("tunniste"), max_length=80)
    name = models.CharField(_("nimi"), max_length=200)
    kind = models.CharField(_("laji"), max_length=40, choices=enums.BodyKind.choices)
    role = models.CharField(_("rooli"), max_length=20, choices=enums.BodyRole.choices)
    purpose = models.TextField(_("tehtävä"))
    members = models.TextField(_("jäsenet"), blank=True)

    class Meta:
        verbose_name = _("yhteistyöelin")
        verbose_name_plural = _("yhteistyöelimet")
        ordering = ["kind", "name"]
        constraints = [models.UniqueConstraint(fields=["area", "key"], name="body_key_unique_in_area")]

    def __str__(self):
        return self.name


class Partner(PlanFact):
    area = models.ForeignKey(EmploymentArea, on_delete=models.CASCADE, related_name="partners")
    key = models.SlugField(_("tunniste"), max_length=80)
    name = models.CharField(_("nimi"), max_length=200)
    kind = models.CharField(_("laji"), max_length=40, choices=enums.PartnerKind.choices)
    cooperation = models.TextField(_("yhteistyö"))

    class Meta:
        verbose_name = _("yhteistyökumppani")
        verbose_name_plural = _("yhteistyökumppanit")
        ordering = ["kind", "name"]
        constraints = [models.UniqueConstraint(fields=["area", "key"], name="partner_key_unique_in_area")]

    def __str__(self):
        return self.name
