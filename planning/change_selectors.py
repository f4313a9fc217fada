"""Reads of the structural-change registry: situations (employers, not persons), their checklists, the counts of
their change-security customers by status (anyone who may see the registry), and the customers by name only within
accounts.permissions_planning.change_security_people_scope, each such read written to the personal-data access log."""

from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Q

from accounts import permissions_planning
from audit.services import log_access
from jobseekers import organisation_adapter
from jobseekers.models import Jobseeker
from planning import change_security
from planning.models import ChangeSecurityCustomer, ChangeSituation


def area(user):
    if not permissions_planning.can_view_change_situations(user):
        return None
    return organisation_adapter.area_of(user)


def situations(user):
    area_object = area(user)
    if area_object is None:
        return ChangeSituation.objects.none()
    return (
        ChangeSituation.objects.filter(area=area_object)
        .select_related("municipality")
        .annotate(
            item_count=Count("items", distinct=True),
            done_count=Count("items", filter=Q(items__done_on__isnull=False), distinct=True),
            customer_count=Count("customers", distinct=True),
        )
        .order_by("-notice_date", "-pk")
    )


def get_situation(user, pk) -> ChangeSituation | None:
    return situations(user).filter(pk=pk).first() if str(pk).isdigit() else None


def _status(jobseeker: Jobseeker) -> str:
    return change_security.status(
        job_search_ended=jobseeker.job_search_ended_on is not None,
        end_reason=jobseeker.job_search_end_reason,
        registry_status=jobseeker.status,
    )


def status_counts(user, situation_ids=None) -> dict[int, Counter]:
    """Situation id → count of its change-security customers per status; numbers only, so for anyone who may see
    the registry (the area's management included)."""
    area_object = area(user)
    if area_object is None:
        return {}
    rows = ChangeSecurityCustomer.objects.filter(situation__area=area_object)
    if situation_ids is not None:
        rows = rows.filter(situation_id__in=situation_ids)
    counts: dict[int, Counter] = {}
    for situation_id, ended_on, reason, status in rows.values_list(
        "situation_id", "jobseeker__job_search_ended_on", "jobseeker__job_search_end_reason", "jobseeker__status"
    ):
        derived = change_security.status(
            job_search_ended=ended_on is not None, end_reason=reason, registry_status=status
        )
        counts.setdefault(situation_id, Counter())[derived] += 1
    return counts


@dataclass(frozen=True)
class Customer:
    jobseeker: Jobseeker
    situation: ChangeSituation
    status: str
    flagged_on: object


def customers(user, *, situation=None, view: str, purpose: str) -> list[Customer]:
    """Change-security customers the user may see by name (all situations, or one), logged as reads of each."""
    scope = permissions_planning.change_security_people_scope(user)
    area_object = area(user)
    if scope is None or area_object is None:
        return []
    rows = (
        ChangeSecurityCustomer.objects.filter(situation__area=area_object)
        .filter(scope)
        .select_related("jobseeker", "jobseeker__municipality", "situation", "situation__municipality")
        .order_by("situation__employer_name", "jobseeker__last_name", "jobseeker__first_name", "pk")
    )
    if situation is not None:
        rows = rows.filter(situation=situation)
    found = [Customer(row.jobseeker, row.situation, _status(row.jobseeker), row.flagged_on) for row in rows]
    log_access(user, {c.jobseeker.pk: c.jobseeker for c in found}.values(), view=view, purpose=purpose)
    return found


def flags_of(jobseeker: Jobseeker):
    """The situations a job seeker is flagged in (for their card, whose view has logged the read)."""
    return ChangeSecurityCustomer.objects.filter(jobseeker=jobseeker).select_related("situation")


def open_situations(user):
    """Situations a counsellor may flag a person in: not closed."""
    return situations(user).exclude(status="closed")
