from datetime import date, datetime, time

from django.db.models import QuerySet
from django.utils import timezone

from accounts import permissions
from audit.models import PersonalDataAccess


def access_log(
    user,
    *,
    subject_id: str = "",
    username: str = "",
    since: date | None = None,
    until: date | None = None,
    outcome: str = "",
) -> QuerySet:
    if not permissions.can_view_access_log(user):
        return PersonalDataAccess.objects.none()
    rows = PersonalDataAccess.objects.select_related("user").order_by("-at", "-pk")
    if subject_id:
        rows = rows.filter(subject_id=subject_id)
    if username:
        rows = rows.filter(user__username=username)
    if since:
        rows = rows.filter(at__gte=timezone.make_aware(datetime.combine(since, time.min)))
    if until:
        rows = rows.filter(at__lte=timezone.make_aware(datetime.combine(until, time.max)))
    if outcome:
        rows = rows.filter(outcome=outcome)
    return rows
