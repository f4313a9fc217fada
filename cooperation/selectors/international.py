"""Reads of international recruitment and the spouse-job service. The recruited person and a spouse's contact record
are personal data: a page or response showing them logs the read under the case or the spouse. A spouse who is a
registered job seeker is shown only to a user who may read that job seeker, and the read is logged for the person."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.http import Http404

from accounts import permissions, permissions_cooperation
from audit.services import log_access
from cooperation import enums
from cooperation.models import RecruitmentCase, Spouse, SpouseFollowUp
from cooperation.selectors.area import area_of
from employers.models import Employer, Vacancy
from jobseekers import selectors as jobseeker_selectors


def cases(user) -> QuerySet:
    """The cases of the user's area. Whether a spouse is in the service is a flag, so a list of cases never loads the
    spouses' contact details."""
    if not permissions_cooperation.can_work_on_recruitment(user):
        return RecruitmentCase.objects.none()
    return (
        RecruitmentCase.objects.filter(area=area_of(user))
        .select_related("employer", "vacancy", "municipality")
        .annotate(has_spouse=Exists(Spouse.objects.filter(case=OuterRef("pk"))))
        .order_by("-created_at", "-pk")
    )


def _visible_spouse(user, case) -> Spouse | None:
    spouse = Spouse.objects.filter(case=case).select_related("jobseeker").first()
    if spouse is None:
        return None
    if spouse.jobseeker_id is not None and not permissions.can_view_jobseeker(user, spouse.jobseeker):
        return None
    return spouse


def get_case(user, pk, *, view: str, purpose: str) -> tuple[RecruitmentCase, Spouse | None]:
    """The case (its recruited person's read logged) and the spouse the user may see (logged too); 404 otherwise."""
    case = cases(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if case is None:
        if permissions.is_staff_member(user):
            log_access(
                user,
                [str(pk)[:60]],
                view=view,
                purpose=purpose,
                granted=False,
                subject_type=RecruitmentCase._meta.label_lower,
            )
        raise Http404
    log_access(user, [case], view=view, purpose=purpose)
    spouse = _visible_spouse(user, case)
    if spouse is not None:
        log_access(user, [spouse.jobseeker or spouse], view=view, purpose=purpose)
    return case, spouse


def log_cases(user, shown, *, view: str, purpose: str) -> None:
    log_access(user, list(shown), view=view, purpose=purpose)


def follow_ups(spouse: Spouse) -> QuerySet:
    return SpouseFollowUp.objects.filter(spouse=spouse).select_related("recorded_by").order_by("recorded_on", "pk")


def spouses(user) -> QuerySet:
    """Spouses the user may see: contact records for the recruitment roles, registered job seekers within scope."""
    if not permissions_cooperation.can_work_on_recruitment(user):
        return Spouse.objects.none()
    people = jobseeker_selectors.jobseekers(user).values("pk")
    return Spouse.objects.filter(
        Q(jobseeker__isnull=True) | Q(jobseeker__in=people), case__area=area_of(user)
    ).select_related("jobseeker", "case", "case__employer")


def log_spouses(user, shown, *, view: str, purpose: str) -> None:
    log_access(user, [spouse.jobseeker or spouse for spouse in shown], view=view, purpose=purpose)


def _latest(spouse_ref) -> QuerySet:
    return SpouseFollowUp.objects.filter(spouse=spouse_ref).order_by("-recorded_on", "-pk")


def with_latest_outcome(shown) -> list[tuple[Spouse, SpouseFollowUp | None]]:
    """Each spouse with their latest follow-up, in one query for the whole list."""
    shown = list(shown)
    latest = {
        follow_up.spouse_id: follow_up
        for follow_up in SpouseFollowUp.objects.filter(
            spouse__in=shown, pk=Subquery(_latest(OuterRef("spouse")).values("pk")[:1])
        )
    }
    return [(spouse, latest.get(spouse.pk)) for spouse in shown]


def employers(area) -> QuerySet:
    return Employer.objects.filter(area=area).order_by("name")


def vacancies(area) -> QuerySet:
    return Vacancy.objects.filter(employer__area=area).select_related("employer").order_by("employer__name", "title")


def figures(area) -> dict:
    """Per municipality id (the workplace's): recruitment cases, EURES cases, housing arranged, spouses, spouses placed
    (their latest follow-up found work or study)."""
    result = {}
    for row in (
        RecruitmentCase.objects.filter(area=area)
        .values("municipality_id")
        .annotate(
            cases=Count("pk"),
            eures=Count("pk", filter=Q(via_eures=True)),
            housing=Count("pk", filter=Q(housing_arranged=True)),
            spouses=Count("spouse"),
        )
    ):
        result[row["municipality_id"]] = {k: row[k] for k in ("cases", "eures", "housing", "spouses")}
    placed = [o.value for o in enums.SpouseOutcome if o.is_placed]
    for row in (
        Spouse.objects.filter(case__area=area)
        .annotate(latest=Subquery(_latest(OuterRef("pk")).values("outcome")[:1]))
        .filter(latest__in=placed)
        .values("case__municipality_id")
        .annotate(n=Count("pk"))
    ):
        result.setdefault(row["case__municipality_id"], {})["spouses_placed"] = row["n"]
    return result
