"""Meetings, employment plans and the stored statutory deadline of each job seeker.

The deadline itself is decided by the pure core (service_model/rules.py); `Deadline` only stores its answer per job
seeker so that worklists are index range scans instead of a rule evaluation per person. services/ rewrites the row in
the same transaction as every change that can move it (a meeting booked, held, missed or cancelled; the job seeker's
status, job-search start or counsellor changing). The counsellor, pool and serving municipality are copied onto the row
(and onto each meeting) so that the supervisor's overview and the statistics read one narrow table through one index.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _

from common.formatting import local_datetime, local_time
from service_model import enums, texts


class Meeting(models.Model):
    # The indexes below that lead with the job seeker and the counsellor serve their keys too: a key's own index
    # would only cost its upkeep (and seconds in every regeneration of five million meetings).
    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker",
        verbose_name=_("työnhakija"),
        on_delete=models.CASCADE,
        related_name="meetings",
        db_index=False,
    )
    meeting_type = models.CharField(_("tapaamisen tyyppi"), max_length=30, choices=enums.MeetingType.choices)
    channel = models.CharField(_("asiointitapa"), max_length=20, choices=enums.Channel.choices)
    state = models.CharField(
        _("tila"), max_length=20, choices=enums.MeetingState.choices, default=enums.MeetingState.PLANNED
    )
    planned_at = models.DateTimeField(_("sovittu aika"))
    duration_minutes = models.PositiveSmallIntegerField(_("kesto (min)"), default=45)
    held_at = models.DateTimeField(_("pidetty"), null=True, blank=True)
    held_on = models.DateField(_("pitopäivä"), null=True, blank=True, editable=False)
    office = models.ForeignKey(
        "organisation.Office",
        verbose_name=_("toimipiste"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ohjaaja"),
        on_delete=models.PROTECT,
        related_name="service_meetings",
        db_index=False,
    )
    serving_municipality = models.ForeignKey(
        "organisation.Municipality",
        verbose_name=_("palveleva kunta"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Kunta, joka palveli asiakasta tapaamisen aikaan (tilastoja varten)."),
    )
    outcome = models.TextField(_("tulos"), blank=True)
    plan_review = models.TextField(_("suunnitelman läpikäynti"), blank=True)
    cancel_reason = models.TextField(_("peruutuksen syy"), blank=True)
    due_on = models.DateField(
        _("täytetty määräaika"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Lakisääteinen määräaika, jonka pidetty tapaaminen täytti."),
    )
    on_time = models.BooleanField(_("ajallaan"), null=True, blank=True, editable=False)
    synthetic = models.BooleanField(_("keksitty"), default=False, editable=False)
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("varaaja"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    updated_at = models.DateTimeField(_("muutettu"), auto_now=True)

    class Meta:
        verbose_name = _("tapaaminen")
        verbose_name_plural = _("tapaamiset")
        ordering = ["-planned_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=5, duration_minutes__lte=480), name="meeting_duration_sensible"
            ),
            models.CheckConstraint(
                condition=(Q(state=enums.MeetingState.HELD) & Q(held_at__isnull=False, held_on__isnull=False))
                | (~Q(state=enums.MeetingState.HELD) & Q(held_at__isnull=True, held_on__isnull=True)),
                name="meeting_held_has_time",
            ),
            models.CheckConstraint(
                condition=Q(on_time__isnull=True) | Q(due_on__isnull=False), name="meeting_on_time_has_due_date"
            ),
        ]
        indexes = [
            models.Index(fields=["jobseeker", "state", "planned_at"], name="meeting_jobseeker_state"),
            models.Index(fields=["counsellor", "planned_at"], name="meeting_counsellor_time"),
            # "My week" asks every time for the counsellor's booked meetings not yet recorded: a few among hundreds.
            models.Index(
                fields=["counsellor", "planned_at"],
                condition=Q(state=enums.MeetingState.PLANNED),
                name="meeting_counsellor_planned",
            ),
            # Statistics: deadlines met, per municipality and counsellor, read from the index alone.
            models.Index(
                fields=["serving_municipality", "due_on", "counsellor", "on_time"],
                condition=Q(due_on__isnull=False),
                name="meeting_met_deadline",
            ),
            models.Index(fields=["due_on", "on_time"], condition=Q(due_on__isnull=False), name="meeting_due_month"),
            models.Index(fields=["synthetic"], condition=Q(synthetic=True), name="meeting_synthetic"),
        ]

    def __str__(self):
        return f"{self.get_meeting_type_display()} {local_datetime(self.planned_at)}"

    @property
    def ends_at(self):
        return self.planned_at + timedelta(minutes=self.duration_minutes)

    def overlaps(self, start: datetime, end: datetime) -> bool:
        """Whether this meeting takes any of the time from `start` to `end` (back to back is no overlap)."""
        return self.planned_at < end and self.ends_at > start

    @property
    def is_discussion(self) -> bool:
        return self.meeting_type in enums.DISCUSSION_TYPES


class OnTimeMonth(models.Model):
    """Held meetings that met a statutory deadline, per serving municipality and calendar month of the deadline, and
    how many of them on time: the met side of the area's monthly on-time rate without reading every meeting (at
    national scale three million index entries a year, 0,7 s).

    Kept by database triggers (migration 0005) in the transaction of every write to the meeting table – recording,
    moving, deleting, the demo's COPY alike – so it is always what the meetings say; rows at 0 are harmless.
    """

    # Derived data written by triggers: no constraint of its own to fail a meeting's write (the meeting's is enough).
    serving_municipality = models.ForeignKey(
        "organisation.Municipality",
        verbose_name=_("palveleva kunta"),
        on_delete=models.CASCADE,
        related_name="+",
        db_constraint=False,
        db_index=False,
    )
    month = models.DateField(_("kuukausi"), help_text=_("Määräajan kuukauden ensimmäinen päivä."))
    met = models.IntegerField(_("pidetty"), default=0)
    on_time = models.IntegerField(_("pidetty ajallaan"), default=0)

    class Meta:
        verbose_name = _("ajallaan pidetyt kuukaudessa")
        verbose_name_plural = _("ajallaan pidetyt kuukausittain")
        constraints = [models.UniqueConstraint(fields=["serving_municipality", "month"], name="on_time_month_key")]

    def __str__(self):
        return f"{self.serving_municipality_id} {self.month:%Y-%m}: {self.on_time}/{self.met}"


class Deadline(models.Model):
    """The next statutory meeting of one job seeker as the core computed it (no row pending: `due_on` empty)."""

    jobseeker = models.OneToOneField(
        "jobseekers.Jobseeker",
        verbose_name=_("työnhakija"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="deadline",
    )
    next_meeting_type = models.CharField(
        _("seuraava lakisääteinen tapaaminen"), max_length=30, choices=enums.MeetingType.choices, blank=True
    )
    due_on = models.DateField(_("määräpäivä"), null=True, blank=True)
    rule_set_id = models.CharField(_("sääntökokoelma"), max_length=40, blank=True)
    # The core's reason code and its parameters; texts.reason renders them in the reader's language.
    reason_code = models.CharField(_("peruste"), max_length=40, blank=True)
    reason_params = models.JSONField(_("perusteen tiedot"), default=dict, blank=True)
    computed_for = models.DateField(_("laskentapäivä"))
    computed_at = models.DateTimeField(_("laskettu"))
    # Copied from the job seeker whenever the row is written (services.deadlines.sync_owners after bulk changes).
    # Both keys are served by the indexes below that lead with them (see Meeting).
    counsellor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vastuuohjaaja"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    serving_municipality = models.ForeignKey(
        "organisation.Municipality",
        verbose_name=_("palveleva kunta"),
        on_delete=models.PROTECT,
        related_name="+",
        db_index=False,
    )
    pool = models.CharField(_("ohjaajaryhmä"), max_length=100)
    # The earliest booked (planned, not yet recorded) meeting: what the worklist row offers to record.
    next_booked = models.ForeignKey(
        Meeting,
        verbose_name=_("sovittu tapaaminen"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("määräaika")
        verbose_name_plural = _("määräajat")
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__isnull=True, next_meeting_type="")
                | (Q(due_on__isnull=False) & ~Q(next_meeting_type="")),
                name="deadline_type_with_date",
            ),
        ]
        indexes = [
            models.Index(fields=["counsellor", "due_on"], name="deadline_counsellor_due"),
            models.Index(fields=["serving_municipality", "due_on", "counsellor"], name="deadline_municipality_due"),
            models.Index(fields=["pool", "due_on"], name="deadline_pool_due"),
        ]

    def __str__(self):
        return f"{self.jobseeker_id}: {self.next_meeting_type} {self.due_on}"

    @property
    def reason(self) -> str:
        return texts.reason(self.reason_code, self.reason_params)


class EmploymentPlan(models.Model):
    """Työllistymissuunnitelma: drawn up at the initial interview and reviewed in each discussion."""

    jobseeker = models.OneToOneField(
        "jobseekers.Jobseeker",
        verbose_name=_("työnhakija"),
        on_delete=models.CASCADE,
        related_name="employment_plan",
    )
    goal = models.TextField(_("tavoite"))
    drawn_up_on = models.DateField(_("laadittu"))
    drawn_up_in = models.ForeignKey(
        Meeting,
        verbose_name=_("laadittu tapaamisessa"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("päivittäjä"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    synthetic = models.BooleanField(_("keksitty"), default=False, editable=False)
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)
    updated_at = models.DateTimeField(_("muutettu"), auto_now=True)

    class Meta:
        verbose_name = _("työllistymissuunnitelma")
        verbose_name_plural = _("työllistymissuunnitelmat")

    def __str__(self):
        return f"{self.jobseeker_id}: {self.drawn_up_on}"


class PlanTask(models.Model):
    plan = models.ForeignKey(
        EmploymentPlan, verbose_name=_("suunnitelma"), on_delete=models.CASCADE, related_name="tasks"
    )
    title = models.CharField(_("tehtävä"), max_length=200)
    description = models.TextField(_("kuvaus"), blank=True)
    due_on = models.DateField(_("määräpäivä"), null=True, blank=True)
    status = models.CharField(_("tila"), max_length=20, choices=enums.TaskStatus.choices, default=enums.TaskStatus.OPEN)
    completed_on = models.DateField(_("tehty"), null=True, blank=True)
    created_in = models.ForeignKey(
        Meeting,
        verbose_name=_("sovittu tapaamisessa"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)

    class Meta:
        verbose_name = _("suunnitelman tehtävä")
        verbose_name_plural = _("suunnitelman tehtävät")
        ordering = ["status", "due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(completed_on__isnull=True) | Q(status=enums.TaskStatus.DONE), name="task_completed_is_done"
            ),
        ]

    def __str__(self):
        return self.title


class JobSearchObligation(models.Model):
    """One period of the job-search obligation recorded in the plan; the open period (no end) is the current one."""

    plan = models.ForeignKey(
        EmploymentPlan, verbose_name=_("suunnitelma"), on_delete=models.CASCADE, related_name="obligations"
    )
    starts_on = models.DateField(_("alkaa"))
    ends_on = models.DateField(_("päättyy"), null=True, blank=True)
    applications = models.PositiveSmallIntegerField(_("haettavia työpaikkoja"))
    period_months = models.PositiveSmallIntegerField(_("tarkastelujakso (kk)"))
    default_applications = models.PositiveSmallIntegerField(_("lain pääsääntö"))
    default_period_months = models.PositiveSmallIntegerField(_("pääsäännön jakso (kk)"))
    default_reason_code = models.CharField(_("pääsäännön peruste"), max_length=40, blank=True)
    default_reason_params = models.JSONField(_("pääsäännön perusteen tiedot"), default=dict, blank=True)
    rule_set_id = models.CharField(_("sääntökokoelma"), max_length=40)
    lowered_reason = models.TextField(
        _("alentamisen peruste"), blank=True, help_text=_("Pakollinen, kun velvoite on pääsääntöä pienempi.")
    )
    set_in = models.ForeignKey(
        Meeting,
        verbose_name=_("sovittu tapaamisessa"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kirjaaja"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("luotu"), auto_now_add=True)

    class Meta:
        verbose_name = _("työnhakuvelvollisuus")
        verbose_name_plural = _("työnhakuvelvollisuudet")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["plan"], condition=Q(ends_on__isnull=True), name="one_open_obligation"),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")), name="obligation_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(period_months__gte=1, period_months__lte=12), name="obligation_period_months"
            ),
            models.CheckConstraint(
                # applications / period_months < default_applications / default_period_months needs a reason.
                condition=Q(
                    LessThanOrEqual(
                        F("default_applications") * F("period_months"), F("applications") * F("default_period_months")
                    )
                )
                | ~Q(lowered_reason=""),
                name="obligation_lowered_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.applications} / {self.period_months} kk"

    @property
    def default_reason(self) -> str:
        return texts.reason(self.default_reason_code, self.default_reason_params)

    @property
    def lowered(self) -> bool:
        return self.applications * self.default_period_months < self.default_applications * self.period_months


class JobApplication(models.Model):
    """A job application the job seeker reported (or the counsellor recorded) against the obligation."""

    jobseeker = models.ForeignKey(
        "jobseekers.Jobseeker",
        verbose_name=_("työnhakija"),
        on_delete=models.CASCADE,
        related_name="job_applications",
        db_index=False,  # application_jobseeker_day leads with it
    )
    applied_on = models.DateField(_("haettu"))
    employer = models.CharField(_("työnantaja"), max_length=200)
    job_title = models.CharField(_("tehtävä"), max_length=200)
    vacancy_reference = models.CharField(_("ilmoituksen tunniste tai osoite"), max_length=300, blank=True)
    source = models.CharField(
        _("ilmoittaja"),
        max_length=20,
        choices=enums.ApplicationSource.choices,
        default=enums.ApplicationSource.JOBSEEKER,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("kirjaaja"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    synthetic = models.BooleanField(_("keksitty"), default=False, editable=False)
    created_at = models.DateTimeField(_("kirjattu"), auto_now_add=True)

    class Meta:
        verbose_name = _("työhakemus")
        verbose_name_plural = _("työhakemukset")
        ordering = ["-applied_on", "-pk"]
        indexes = [models.Index(fields=["jobseeker", "applied_on"], name="application_jobseeker_day")]

    def __str__(self):
        return f"{self.job_title}, {self.employer}"


class WorkingHours(models.Model):
    """A counsellor's working hours on every working day; without a row the default (service_model.agenda) applies.

    The rules on the times (6–20, 15-minute steps) are in the pure core and checked by the service; the database
    keeps the one that must never be broken."""

    counsellor = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("ohjaaja"), on_delete=models.CASCADE, related_name="working_hours"
    )
    starts_at = models.TimeField(_("työaika alkaa"))
    ends_at = models.TimeField(_("työaika päättyy"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("muuttaja"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("muutettu"), auto_now=True)

    class Meta:
        verbose_name = _("työaika")
        verbose_name_plural = _("työajat")
        constraints = [
            models.CheckConstraint(condition=Q(starts_at__lt=F("ends_at")), name="working_hours_start_before_end")
        ]

    def __str__(self):
        return f"{self.counsellor}: {local_time(self.starts_at)}–{local_time(self.ends_at)}"


class JobSearchProfile(models.Model):
    """That the job seeker's job-search profile is published on the national platform; from 1.9.2026 a duty
    (rule_sets.JobSearchProfileDuty). The platform holds the profile itself; this records only that and when."""

    jobseeker = models.OneToOneField(
        "jobseekers.Jobseeker", on_delete=models.CASCADE, related_name="job_search_profile"
    )
    published_on = models.DateField(_("julkaistu"))
    published_by = models.CharField(_("julkaisija"), max_length=20, choices=enums.ProfilePublisher.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(_("kirjattu"), auto_now=True)

    class Meta:
        verbose_name = _("työnhakuprofiili")
        verbose_name_plural = _("työnhakuprofiilit")

    def __str__(self):
        return f"{self.jobseeker_id}: {self.published_on.isoformat()}"
