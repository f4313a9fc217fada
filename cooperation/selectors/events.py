"""Reads of recruitment fairs and events. An event names no one; the job seekers linked to it are shown only to a user
who may read them, each read logged, and the rest as a count."""

from django.db.models import Count, QuerySet, Sum
from django.http import Http404

from accounts import permissions_cooperation
from cooperation.models import EventParticipant, RecruitmentEvent
from cooperation.selectors.area import area_of
from jobseekers import selectors as jobseeker_selectors

# The list's column orders (the events table's column keys; a minus sign reverses), each ending in the primary key so
# that the pages never overlap.
SORTS = {
    "held_on": ("held_on", "pk"),
    "name": ("name", "pk"),
    "municipality": ("municipality__name_fi", "-held_on", "-pk"),
    "organiser": ("organiser", "-held_on", "-pk"),
    "employers": ("employer_count", "-held_on", "-pk"),
    "vacancies": ("vacancy_count", "-held_on", "-pk"),
    "participants": ("participants", "-held_on", "-pk"),
    "job_offers": ("job_offers", "-held_on", "-pk"),
    "hires": ("hires", "-held_on", "-pk"),
}
DEFAULT_SORT = "-held_on"


def events(user) -> QuerySet:
    if not permissions_cooperation.can_view_cooperation(user):
        return RecruitmentEvent.objects.none()
    return (
        RecruitmentEvent.objects.filter(area=area_of(user))
        .select_related("municipality")
        .annotate(employer_count=Count("employers", distinct=True), vacancy_count=Count("vacancies", distinct=True))
        .order_by("-held_on", "-pk")
    )


def get_event(user, pk) -> RecruitmentEvent:
    event = events(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if event is None:
        raise Http404
    return event


def visible_participants(user, event, *, view: str, purpose: str) -> tuple[list[EventParticipant], int]:
    """The linked job seekers the user may read (their reads logged) and how many others are linked."""
    linked = EventParticipant.objects.filter(event=event).select_related("jobseeker")
    people = set(
        jobseeker_selectors.jobseekers(user).filter(pk__in=linked.values("jobseeker")).values_list("pk", flat=True)
    )
    shown = [row for row in linked if row.jobseeker_id in people]
    jobseeker_selectors.log_listing(user, [row.jobseeker for row in shown], view=view, purpose=purpose)
    return shown, len(linked) - len(shown)


def figures(area) -> dict:
    """Per municipality id (where the event was held): events, participants, job offers and hires."""
    result = {}
    for row in (
        RecruitmentEvent.objects.filter(area=area)
        .values("municipality_id")
        .annotate(n=Count("pk"), people=Sum("participants"), offers=Sum("job_offers"), hired=Sum("hires"))
    ):
        result[row["municipality_id"]] = {
            "events": row["n"],
            "event_participants": row["people"] or 0,
            "event_job_offers": row["offers"] or 0,
            "event_hires": row["hired"] or 0,
        }
    return result
