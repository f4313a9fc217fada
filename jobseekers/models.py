"""The job-seeker registry (henkilöasiakkaat): the person, their routing and their responsible counsellor.

What is derived is never typed: birth date and sex come from the identity code, age, youth, long-term unemployment
and foreign language are computed (see the properties), and the routing fields are written by services.route_to
from the organisation data. The identity code itself is stored only encrypted, with a keyed hash for lookup
(jobseekers/hetu_store.py); it appears in no __str__, repr, URL or log line.
"""

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.dates import months_before
from employers import enums as employer_enums
from jobseekers import enums, hetu, hetu_store, languages, names
from organisation.routing import DOMESTIC_LANGUAGES, YOUTH_AGE_LIMIT

LONG_TERM_MONTHS = 12


class JobseekerQuerySet(models.QuerySet):
    def searching(self):
        """Job seekers whose job search has not ended: the ones on worklists, caseloads and in the batch assignment."""
        return self.filter(job_search_ended_on__isnull=True)


class Jobseeker(models.Model):
    # Foreign keys whose column leads a composite index below get no index of their own: every index costs on each
    # write, and the batch assignment rewrites hundreds of thousands of rows.
    area = models.ForeignKey(
        "organisation.EmploymentArea",
        verbose_name=_("työllisyysalue"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    hetu_ciphertext = models.BinaryField(_("henkilötunnus (salattu)"), editable=False)
    hetu_hash = models.CharField(_("henkilötunnuksen hakuavain"), max_length=64, editable=False)
    birth_date = models.DateField(_("syntymäaika"), editable=False, help_text=_("Henkilötunnuksesta."))
    sex = models.CharField(
        _("sukupuoli"), max_length=10, choices=enums.Sex.choices, editable=False, help_text=_("Henkilötunnuksesta.")
    )
    first_name = models.CharField(_("etunimet"), max_length=100)
    last_name = models.CharField(_("sukunimi"), max_length=100)
    # Written from the names on every save and by every bulk writer (jobseekers.names.search_key), never typed.
    search_name = models.TextField(_("nimi haussa"), editable=False, default="")
    municipality = models.ForeignKey(
        "organisation.Municipality",
        verbose_name=_("kotikunta"),
        on_delete=models.PROTECT,
        related_name="residents",
        db_index=False,
    )
    citizenship = models.CharField(
        _("kansalaisuus"), max_length=2, default="FI", help_text=_("ISO 3166-1 -maakoodi, esim. FI.")
    )
    preferred_language = models.CharField(
        _("äidinkieli"), max_length=3, default="fi", help_text=_("ISO 639-1 -kielikoodi, esim. fi, sv, ru.")
    )
    service_language = models.CharField(
        _("asiointikieli"),
        max_length=3,
        default="fi",
        help_text=_("ISO 639-1 -kielikoodi. Muu kuin suomi tai ruotsi tekee asiakkaasta vieraskielisen."),
    )
    phone = models.CharField(_("puhelin"), max_length=30, blank=True)
    email = models.EmailField(_("sähköposti"), blank=True)
    street_address = models.CharField(_("katuosoite"), max_length=200, blank=True)
    postal_code = models.CharField(_("postinumero"), max_length=5, blank=True)
    post_town = models.CharField(_("postitoimipaikka"), max_length=100, blank=True)
    preferred_channel = models.CharField(
        _("ensisijainen yhteydenpitotapa"), max_length=20, choices=enums.Channel.choices, default=enums.Channel.ONLINE
    )
    job_search_started_on = models.DateField(_("työnhaku alkanut"))
    unemployed_since = models.DateField(
        _("työttömyys alkanut"), null=True, blank=True, help_text=_("Yhtäjaksoisen työttömyyden alkupäivä.")
    )
    previous_job_search_ended_on = models.DateField(
        _("edellinen työnhaku päättyi"),
        null=True,
        blank=True,
        help_text=_("Jos edellisen työnhaun päättymisestä on alle 6 kuukautta, uutta alkuhaastattelua ei pidetä."),
    )
    status = models.CharField(_("tila"), max_length=30, choices=enums.JobseekerStatus.choices)
    # An ended job search keeps the record (and its history); a re-registration of the person reopens it, and the
    # end date becomes previous_job_search_ended_on, the input of the "new initial interview" rule.
    job_search_ended_on = models.DateField(_("työnhaku päättyi"), null=True, blank=True)
    job_search_end_reason = models.CharField(
        _("työnhaun päättymisen syy"), max_length=20, choices=enums.JobSearchEndReason.choices, blank=True
    )
    reduced_work_ability = models.BooleanField(_("vajaakuntoinen"), default=False)
    multisectoral = models.BooleanField(_("monialaisen palvelun (TYP) asiakas"), default=False)
    occupations = models.JSONField(
        _("haetut ammatit"), default=list, blank=True, help_text=_("ISCO-08-ammattiluokituksen koodit.")
    )
    education_level = models.CharField(
        _("koulutusaste"), max_length=20, choices=enums.EducationLevel.choices, default=enums.EducationLevel.UNKNOWN
    )
    driving_licences = models.JSONField(_("ajokorttiluokat"), default=list, blank=True)
    willing_to_relocate = models.BooleanField(_("valmis muuttamaan työn perässä"), default=False)
    max_commute_km = models.PositiveSmallIntegerField(_("enimmäistyömatka (km)"), null=True, blank=True)
    # ISO 639-1 codes of the languages the person can work in (employers.enums.Language, as vacancies require them);
    # empty: the mother tongue and the service language (working_languages).
    languages = models.JSONField(_("työkielet"), default=list, blank=True)
    # Cards and certificates held, from the vacancies' controlled list (employers.enums.Card).
    cards = models.JSONField(_("kortit ja pätevyydet"), default=list, blank=True)

    # Routing: written by services from the organisation data, never typed.
    target_group = models.CharField(_("kohderyhmä"), max_length=30, choices=enums.TargetGroup.choices)
    serving_municipality = models.ForeignKey(
        "organisation.Municipality",
        verbose_name=_("palveleva kunta"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    team = models.ForeignKey(
        "organisation.Team",
        verbose_name=_("tiimi"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="jobseekers",
    )
    pool = models.CharField(
        _("ohjaajaryhmä"), max_length=100, help_text=_("team:<tiimi> tai municipality:<kuntanumero>.")
    )
    meeting_office = models.ForeignKey(
        "organisation.Office",
        verbose_name=_("tapaamispaikka"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    routed_on = models.DateField(_("reititetty"))

    responsible_counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastuuohjaaja"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="clients",
    )
    synthetic_month = models.DateField(
        _("synteettinen väestö (kuukausi)"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Täytetty vain generate_population-komennon luomille keksityille henkilöille."),
    )
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    updated_at = models.DateTimeField(_("muutettu"), auto_now=True)

    objects = JobseekerQuerySet.as_manager()

    class Meta:
        verbose_name = _("työnhakija")
        verbose_name_plural = _("työnhakijat")
        ordering = ["last_name", "first_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["area", "hetu_hash"], name="jobseeker_hetu_unique_in_area"),
            models.CheckConstraint(
                condition=~Q(status__in=sorted(enums.UNEMPLOYED_STATUSES)) | Q(unemployed_since__isnull=False),
                name="jobseeker_unemployed_has_start",
            ),
            models.CheckConstraint(
                condition=Q(unemployed_since__isnull=True) | Q(unemployed_since__gte=F("birth_date")),
                name="jobseeker_unemployed_after_birth",
            ),
            models.CheckConstraint(
                condition=Q(job_search_started_on__gte=F("birth_date")), name="jobseeker_search_after_birth"
            ),
            models.CheckConstraint(
                condition=Q(previous_job_search_ended_on__isnull=True)
                | Q(previous_job_search_ended_on__lte=F("job_search_started_on")),
                name="jobseeker_previous_search_ended_before",
            ),
            models.CheckConstraint(
                condition=Q(job_search_ended_on__isnull=True) | Q(job_search_ended_on__gte=F("job_search_started_on")),
                name="jobseeker_search_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(job_search_end_reason="") | Q(job_search_ended_on__isnull=False),
                name="jobseeker_end_reason_has_date",
            ),
        ]
        indexes = [
            models.Index(fields=["pool"]),
            models.Index(fields=["serving_municipality", "status"]),
            models.Index(fields=["municipality", "status"]),
            models.Index(fields=["synthetic_month"]),
        ]

    def __str__(self):
        return f"{self.first_name} {self.last_name}"

    def save(self, *args, **kwargs):
        self.search_name = names.search_key(self.first_name, self.last_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"first_name", "last_name"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)

    # --- the identity code ---------------------------------------------------------------------------------------

    def set_hetu(self, parsed: hetu.Hetu) -> None:
        self.hetu_ciphertext = hetu_store.encrypt(parsed.code)
        self.hetu_hash = hetu_store.lookup_hash(parsed.code)
        self.birth_date = parsed.birth_date
        self.sex = parsed.sex

    def reveal_hetu(self) -> str:
        """The full code; callers log the access (purpose: henkilötunnuksen näyttäminen)."""
        return hetu_store.decrypt(self.hetu_ciphertext)

    @property
    def hetu_masked(self) -> str:
        return hetu_store.mask(self.reveal_hetu())

    # --- derived, never typed ------------------------------------------------------------------------------------

    def age(self, on: date | None = None) -> int:
        return hetu.age_on(self.birth_date, on or timezone.localdate())

    def is_youth(self, on: date | None = None) -> bool:
        return self.age(on) < YOUTH_AGE_LIMIT

    @property
    def job_search_ended(self) -> bool:
        return self.job_search_ended_on is not None

    @property
    def is_unemployed(self) -> bool:
        return self.status in enums.UNEMPLOYED_STATUSES

    def is_long_term_unemployed(self, on: date | None = None) -> bool:
        """Unemployed without a break for at least 12 months on the given day."""
        if not self.is_unemployed or self.unemployed_since is None:
            return False
        return self.unemployed_since <= months_before(on or timezone.localdate(), LONG_TERM_MONTHS)

    def unemployment_months(self, on: date | None = None) -> int | None:
        if not self.is_unemployed or self.unemployed_since is None:
            return None
        day = on or timezone.localdate()
        months = (day.year - self.unemployed_since.year) * 12 + day.month - self.unemployed_since.month
        return max(0, months - (day.day < self.unemployed_since.day))

    @property
    def is_foreign_language(self) -> bool:
        return self.service_language not in DOMESTIC_LANGUAGES

    @property
    def is_foreigner(self) -> bool:
        return self.citizenship != "FI"

    @property
    def service_language_name(self) -> str:
        return languages.language_name(self.service_language)

    @property
    def preferred_language_name(self) -> str:
        return languages.language_name(self.preferred_language)

    @property
    def working_languages(self) -> list[str]:
        return languages.working_languages(self.languages, self.preferred_language, self.service_language)

    @property
    def languages_display(self) -> str:
        return ", ".join(str(employer_enums.Language(code).label) for code in self.languages)

    @property
    def cards_display(self) -> str:
        return ", ".join(str(employer_enums.Card(code).label) for code in self.cards)


class CounsellorAssignment(models.Model):
    """One period of a job seeker's responsible counsellor; the open period (ended_at empty) is the current one."""

    jobseeker = models.ForeignKey(
        Jobseeker, verbose_name=_("työnhakija"), on_delete=models.CASCADE, related_name="counsellor_history"
    )
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("vastuuohjaaja"), on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(_("alkoi"), default=timezone.now)
    ended_at = models.DateTimeField(_("päättyi"), null=True, blank=True)
    reason = models.CharField(_("peruste"), max_length=20, choices=enums.AssignmentReason.choices)
    note = models.TextField(_("perustelu"), blank=True)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tekijä"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("vastuuohjaajuus")
        verbose_name_plural = _("vastuuohjaajuudet")
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["jobseeker"], condition=Q(ended_at__isnull=True), name="one_current_counsellor_per_jobseeker"
            ),
            models.CheckConstraint(
                condition=Q(ended_at__isnull=True) | Q(ended_at__gte=F("started_at")),
                name="counsellor_assignment_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.jobseeker_id} → {self.counsellor_id} ({self.reason})"


class JournalEntry(models.Model):
    """One dated entry of a job seeker's client journal (asiakaskertomus).

    An entry is never edited: a correction is a new entry whose `corrects` points at the entry it replaces, so the
    original stays in the database for those entitled to read it (accounts.permissions.sees_corrected_original).
    """

    jobseeker = models.ForeignKey(
        Jobseeker, verbose_name=_("työnhakija"), on_delete=models.CASCADE, related_name="journal_entries"
    )
    kind = models.CharField(_("laji"), max_length=30, choices=enums.JournalEntryKind.choices)
    entry_date = models.DateField(_("päivä"))
    text = models.TextField(_("teksti"))
    # A string reference to the higher service_model layer, as accounts refers to organisation: the database keeps
    # the link honest, and no jobseekers module imports service_model (docs/decisions/0006-journal-meeting-link.md).
    meeting = models.ForeignKey(
        "service_model.Meeting",
        verbose_name=_("tapaaminen"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="journal_entries",
    )
    # RESTRICT, not PROTECT: a corrected entry cannot be deleted alone, but goes with its person's whole journal.
    corrects = models.OneToOneField(
        "self",
        verbose_name=_("korjattu merkintä"),
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="correction",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("kirjoittaja"), on_delete=models.PROTECT, related_name="+"
    )
    # The author's home municipality when writing: whose supervisor may still read a corrected original.
    author_municipality = models.ForeignKey(
        "organisation.Municipality",
        verbose_name=_("kirjoittajan kotikunta"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("kirjattu"), auto_now_add=True)

    class Meta:
        verbose_name = _("asiakaskertomuksen merkintä")
        verbose_name_plural = _("asiakaskertomuksen merkinnät")
        ordering = ["-entry_date", "-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(corrects__isnull=True) | ~Q(corrects=F("pk")), name="journal_entry_not_self_correction"
            ),
        ]
        indexes = [models.Index(fields=["jobseeker", "-entry_date", "-created_at"])]

    def __str__(self):
        return f"{self.jobseeker_id} {self.entry_date} {self.kind}"

    @property
    def is_corrected(self) -> bool:
        # The reverse one-to-one raises (an AttributeError) when there is no correction.
        return hasattr(self, "correction")


class JobseekerChange(models.Model):
    """One change of a job seeker's record: a field, the status (with the day it took effect), the routing, or the
    job search ending or starting again. Rows are only ever added; the record's own columns hold the current values.
    """

    jobseeker = models.ForeignKey(
        Jobseeker, verbose_name=_("työnhakija"), on_delete=models.CASCADE, related_name="changes"
    )
    kind = models.CharField(_("laji"), max_length=30, choices=enums.ChangeKind.choices)
    # The Jobseeker field's name (empty for the job search ending or starting again).
    field = models.CharField(_("tieto"), max_length=50, blank=True)
    old_value = models.JSONField(_("vanha arvo"), null=True, blank=True)
    new_value = models.JSONField(_("uusi arvo"), null=True, blank=True)
    effective_on = models.DateField(_("voimassa alkaen"))
    reason = models.TextField(_("peruste"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tekijä"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("tallennettu"), default=timezone.now)

    class Meta:
        verbose_name = _("työnhakijan tietojen muutos")
        verbose_name_plural = _("työnhakijan tietojen muutokset")
        ordering = ["-changed_at", "-pk"]
        indexes = [models.Index(fields=["jobseeker", "-changed_at"], name="jobseeker_change_history")]

    def __str__(self):
        return f"{self.jobseeker_id} {self.kind} {self.field} {self.effective_on}"


class CaseloadCount(models.Model):
    """Searching job seekers per (responsible counsellor, pool, serving municipality, home municipality): the caseload
    dashboard's four counts without scanning the registry (at national scale 700 000 rows, about a second a view).

    Kept by database triggers (migration 0007) in the transaction of every write to the job seeker table – the
    services, the batch assignment's bulk UPDATE, the demo's COPY alike – so no write path can forget it. Plain ids,
    0 for "no counsellor" (a unique key treats NULLs as distinct); rows left at 0 clients are harmless.
    """

    counsellor_id = models.IntegerField(_("vastuuohjaaja (id, 0 = ei)"))
    pool = models.CharField(_("ohjaajaryhmä"), max_length=100)
    serving_municipality_id = models.IntegerField(_("palveleva kunta (id)"))
    municipality_id = models.IntegerField(_("kotikunta (id)"))
    clients = models.IntegerField(_("asiakkaita"), default=0)

    class Meta:
        verbose_name = _("asiakasmäärä")
        verbose_name_plural = _("asiakasmäärät")
        constraints = [
            models.UniqueConstraint(
                fields=["counsellor_id", "pool", "serving_municipality_id", "municipality_id"],
                name="caseload_count_key",
            )
        ]

    def __str__(self):
        return f"{self.counsellor_id} {self.pool} {self.serving_municipality_id} {self.municipality_id}: {self.clients}"
