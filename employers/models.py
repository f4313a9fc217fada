"""Employers, their contact persons and their vacancies; road distances between municipality centres.

Rules that need more than one row or the database (a Y-tunnus in its standard form, an occupation the classification
knows, allowed status changes) are checked in employers/services.py; the constraints here are the absolute ones.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from employers import enums


class Employer(models.Model):
    area = models.ForeignKey("organisation.EmploymentArea", on_delete=models.PROTECT, related_name="employers")
    name = models.CharField(_("nimi"), max_length=200)
    # Stored in the standard form 1234567-8 (stdnum.fi.ytunnus.format), so that one employer is one row.
    business_id = models.CharField(_("Y-tunnus"), max_length=9)
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("kunta"), on_delete=models.PROTECT, related_name="employers"
    )
    # A TOL 2008 section letter (employers/industries.py); empty when not known.
    industry = models.CharField(_("toimiala (TOL 2008)"), max_length=1, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("työnantaja")
        verbose_name_plural = _("työnantajat")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["area", "business_id"], name="employer_business_id_unique_in_area"),
            models.CheckConstraint(
                condition=Q(business_id__regex=r"^[0-9]{7}-[0-9]$"), name="employer_business_id_format"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.business_id})"


class ContactPerson(models.Model):
    """A person at the employer to contact about recruiting: a work contact, not a client (docs/decisions/0009)."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("nimi"), max_length=200)
    title = models.CharField(_("tehtävä"), max_length=200, blank=True)
    phone = models.CharField(_("puhelin"), max_length=40, blank=True)
    email = models.EmailField(_("sähköposti"), blank=True)

    class Meta:
        verbose_name = _("yhteyshenkilö")
        verbose_name_plural = _("yhteyshenkilöt")
        ordering = ["name", "pk"]

    def __str__(self):
        return self.name


class Vacancy(models.Model):
    employer = models.ForeignKey(
        Employer, verbose_name=_("työnantaja"), on_delete=models.PROTECT, related_name="vacancies"
    )
    title = models.CharField(_("tehtävänimike"), max_length=200)
    description = models.TextField(_("kuvaus"), blank=True)
    # A four-digit ISCO-08 unit group, checked against labour_market.Occupation when written; kept as a code like the
    # job seekers' sought occupations, so the two compare without a join.
    occupation = models.CharField(_("ammattiryhmä (ISCO-08)"), max_length=4)
    municipality = models.ForeignKey(
        "organisation.Municipality", verbose_name=_("työpaikan kunta"), on_delete=models.PROTECT, related_name="+"
    )
    # A workplace in a neighbouring centre outside the area (Oulu, Iisalmi, …): its municipality code as the
    # road-distance table names it, and its name as written, so the vacancy reads the same after a reload of the table.
    # `municipality` stays the area municipality whose employer services own the vacancy (docs/decisions/0011).
    workplace_outside_area = models.CharField(
        _("työpaikka alueen ulkopuolella (kuntanumero)"), max_length=3, blank=True
    )
    workplace_outside_area_name = models.CharField(_("työpaikka alueen ulkopuolella"), max_length=100, blank=True)
    workplace_address = models.CharField(_("työpaikan osoite"), max_length=300, blank=True)
    positions = models.PositiveSmallIntegerField(_("paikkoja"), default=1)
    working_time = models.CharField(_("työaika"), max_length=20, choices=enums.WorkingTime.choices)
    employment_type = models.CharField(_("työsuhteen kesto"), max_length=20, choices=enums.EmploymentType.choices)
    start_date = models.DateField(_("alkamispäivä"), null=True, blank=True)
    application_deadline = models.DateField(_("hakuaika päättyy"), null=True, blank=True)
    # Lists of codes from employers.enums (Language, DrivingLicence, Card), in the enum's order.
    required_languages = models.JSONField(_("vaadittu kielitaito"), default=list, blank=True)
    wished_languages = models.JSONField(_("toivottu kielitaito"), default=list, blank=True)
    required_driving_licences = models.JSONField(_("vaaditut ajokorttiluokat"), default=list, blank=True)
    required_cards = models.JSONField(_("vaaditut kortit"), default=list, blank=True)
    remote_possible = models.BooleanField(_("etätyö mahdollinen"), default=False)
    international_recruitment = models.BooleanField(_("kansainvälinen rekrytointi (EURES)"), default=False)
    status = models.CharField(
        _("tila"), max_length=20, choices=enums.VacancyStatus.choices, default=enums.VacancyStatus.OPEN
    )
    source = models.CharField(_("lähde"), max_length=20, choices=enums.Source.choices, default=enums.Source.MANUAL)
    # The source system's own id: an import finds the vacancy it wrote before by (source, external_id).
    external_id = models.CharField(_("lähteen tunniste"), max_length=100, blank=True)
    status_changed_at = models.DateTimeField(_("tila muuttunut"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("avoin työpaikka")
        verbose_name_plural = _("avoimet työpaikat")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(positions__gte=1), name="vacancy_positions_at_least_one"),
            # \Z, not $: "$" also matches before a final newline (Python's re, which SQLite's REGEXP runs).
            models.CheckConstraint(condition=Q(occupation__regex=r"^[0-9]{4}\Z"), name="vacancy_occupation_unit_group"),
            models.UniqueConstraint(
                fields=["source", "external_id"], condition=~Q(external_id=""), name="vacancy_external_id_unique"
            ),
            # Which centres are known is data (the road-distance table), checked in employers/services.py; the
            # database holds the shape: a three-digit code with its name, or neither.
            models.CheckConstraint(
                condition=(Q(workplace_outside_area="") & Q(workplace_outside_area_name=""))
                | (Q(workplace_outside_area__regex=r"^[0-9]{3}\Z") & ~Q(workplace_outside_area_name="")),
                name="vacancy_workplace_outside_area_code_and_name",
            ),
        ]
        indexes = [models.Index(fields=["status", "municipality"]), models.Index(fields=["occupation"])]

    def __str__(self):
        return self.title

    @property
    def status_enum(self) -> enums.VacancyStatus:
        return enums.VacancyStatus(self.status)

    @property
    def is_outside_area(self) -> bool:
        return bool(self.workplace_outside_area)

    @property
    def workplace_code(self) -> str:
        """The municipality code of the place the work is done: the centre outside the area, or the municipality."""
        return self.workplace_outside_area or self.municipality.code

    @property
    def workplace_name(self) -> str:
        return self.workplace_outside_area_name or self.municipality.name_fi


class RoadDistance(models.Model):
    """The road distance between two municipality centres, one row per pair (codes in ascending order), loaded from
    data/areas/<area>/road-distances.csv by `load_road_distances`."""

    from_code = models.CharField(_("kunta"), max_length=3)
    from_name = models.CharField(_("kunnan nimi"), max_length=100)
    to_code = models.CharField(_("kunta"), max_length=3)
    to_name = models.CharField(_("kunnan nimi"), max_length=100)
    km = models.PositiveIntegerField(_("km"))
    approximate = models.BooleanField(_("likimääräinen"), default=False)
    route = models.CharField(_("reitti"), max_length=300, blank=True)
    source = models.CharField(_("lähde"), max_length=300)

    class Meta:
        verbose_name = _("tieetäisyys")
        verbose_name_plural = _("tieetäisyydet")
        ordering = ["from_name", "to_name"]
        constraints = [
            models.UniqueConstraint(fields=["from_code", "to_code"], name="road_distance_pair_unique"),
            models.CheckConstraint(condition=Q(from_code__lt=models.F("to_code")), name="road_distance_pair_ordered"),
        ]

    def __str__(self):
        return f"{self.from_name}–{self.to_name} {self.km} km"
