"""The job-search profile duty (from 1.9.2026): whether the rules in force ask for a published profile, recording the
publication, and the flag on the job seeker's card (a jobseekers.card_sections section)."""

from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext as _

from accounts import permissions
from common.errors import Errors
from jobseekers.card_sections import CardSection
from jobseekers.models import Jobseeker
from service_model import enums, rules
from service_model.models import JobSearchProfile
from service_model.today import service_today


@dataclass(frozen=True)
class ProfileStatus:
    duty: rules.JobSearchProfileDuty | None
    profile: JobSearchProfile | None

    @property
    def missing(self) -> bool:
        return self.duty is not None and self.profile is None


def status(jobseeker: Jobseeker, today: date) -> ProfileStatus:
    # An ended job search has no duties left; the record, if any, is still shown.
    duty = None if jobseeker.job_search_ended_on else rules.rule_set_for(today).job_search_profile
    return ProfileStatus(duty, JobSearchProfile.objects.filter(jobseeker=jobseeker).first())


def record(*, jobseeker: Jobseeker, published_on: date, published_by: str, by, today: date | None = None):
    """Record that the profile is published; a later publication replaces the date."""
    today = today or service_today()
    errors = Errors()
    if published_on > today:
        errors.add("published_on", _("Julkaisupäivä on tulevaisuudessa."))
    if published_on < jobseeker.job_search_started_on:
        errors.add("published_on", _("Julkaisupäivä on ennen työnhaun alkua."))
    if published_by not in enums.ProfilePublisher.values:
        errors.add("published_by", _("Tuntematon julkaisija."))
    errors.raise_if_any()
    profile, _created = JobSearchProfile.objects.update_or_create(
        jobseeker=jobseeker,
        defaults={"published_on": published_on, "published_by": published_by, "recorded_by": by},
    )
    return profile


def card_context(user, jobseeker) -> dict:
    return {
        "jobseeker": jobseeker,
        "can_view": permissions.can_view_meetings(user, jobseeker),
        "profile_status": status(jobseeker, service_today()),
    }


CARD_SECTION = CardSection(
    key="job_search_profile", template="service_model/_profile_card.html", context=card_context, order=20
)
