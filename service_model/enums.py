"""Choices of the service-model app. Meeting types share their values with the pure core (service_model.rules)."""

from datetime import date, timedelta

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from service_model import rules


class MeetingType(models.TextChoices):
    INITIAL_INTERVIEW = rules.MeetingType.INITIAL_INTERVIEW.value, _("alkuhaastattelu")
    JOB_SEARCH_DISCUSSION = rules.MeetingType.JOB_SEARCH_DISCUSSION.value, _("työnhakukeskustelu")
    SUPPLEMENTARY_DISCUSSION = rules.MeetingType.SUPPLEMENTARY_DISCUSSION.value, _("täydentävä työnhakukeskustelu")
    OTHER = rules.MeetingType.OTHER.value, _("muu tapaaminen")


# The discussions in which the employment plan is reviewed (an "other" contact reviews nothing and meets no rule).
DISCUSSION_TYPES = frozenset(
    {MeetingType.INITIAL_INTERVIEW, MeetingType.JOB_SEARCH_DISCUSSION, MeetingType.SUPPLEMENTARY_DISCUSSION}
)


class Channel(models.TextChoices):
    """The plan's channels for meeting a job seeker."""

    FACE_TO_FACE = "face_to_face", _("kasvokkain")
    VIDEO = "video", _("videoyhteys")
    PHONE = "phone", _("puhelin")
    E_SERVICE = "e_service", _("verkkoasiointi")


class MeetingState(models.TextChoices):
    PLANNED = "planned", _("sovittu")
    HELD = "held", _("pidetty")
    DID_NOT_ATTEND = "did_not_attend", _("ei saapunut")
    CANCELLED = "cancelled", _("peruttu")

    @property
    def recordable(self) -> bool:
        """Only a booked meeting can still be recorded held, not attended or cancelled (or be moved)."""
        return self is MeetingState.PLANNED

    @property
    def occupies_slot(self) -> bool:
        """A booked or held meeting takes its time from the counsellor's and the job seeker's calendars."""
        return self in (MeetingState.PLANNED, MeetingState.HELD)

    @classmethod
    def occupying(cls) -> list["MeetingState"]:
        return [state for state in cls if state.occupies_slot]


class ProfilePublisher(models.TextChoices):
    """Who published the job-search profile: the job seeker, or the authority after the time limit passed."""

    JOBSEEKER = "jobseeker", _("asiakas itse")
    AUTHORITY = "authority", _("työvoimaviranomainen")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("kesken")
    DONE = "done", _("tehty")
    CANCELLED = "cancelled", _("peruttu")

    @property
    def completes(self) -> bool:
        """A task marked done gets its completion day; any other status clears it."""
        return self is TaskStatus.DONE


class ApplicationSource(models.TextChoices):
    JOBSEEKER = "jobseeker", _("työnhakijan ilmoittama")
    COUNSELLOR = "counsellor", _("ohjaajan kirjaama")


WEEK_DAYS = 7


class Bucket(models.TextChoices):
    """Where a deadline falls on a worklist, in the list's order."""

    OVERDUE = "overdue", _("myöhässä")
    THIS_WEEK = "this_week", _("7 päivän sisällä")
    UPCOMING = "upcoming", _("tulossa")

    @classmethod
    def of(cls, due_on: date, today: date) -> "Bucket":
        if due_on < today:
            return cls.OVERDUE
        if (due_on - today).days < WEEK_DAYS:
            return cls.THIS_WEEK
        return cls.UPCOMING

    @classmethod
    def filters(cls, today: date) -> dict["Bucket", Q]:
        """The same boundaries as `of`, as conditions on a `due_on` column, so that a database count agrees."""
        week = today + timedelta(days=WEEK_DAYS)
        return {
            cls.OVERDUE: Q(due_on__lt=today),
            cls.THIS_WEEK: Q(due_on__gte=today, due_on__lt=week),
            cls.UPCOMING: Q(due_on__gte=week),
        }
