"""Choices of the service-model app. Meeting types share their values with the pure core (service_model.rules)."""

from django.db import models
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


class TaskStatus(models.TextChoices):
    OPEN = "open", _("kesken")
    DONE = "done", _("tehty")
    CANCELLED = "cancelled", _("peruttu")


class ApplicationSource(models.TextChoices):
    JOBSEEKER = "jobseeker", _("työnhakijan ilmoittama")
    COUNSELLOR = "counsellor", _("ohjaajan kirjaama")


class Bucket(models.TextChoices):
    """Where a deadline falls on a worklist, in the list's order."""

    OVERDUE = "overdue", _("myöhässä")
    THIS_WEEK = "this_week", _("7 päivän sisällä")
    UPCOMING = "upcoming", _("tulossa")
