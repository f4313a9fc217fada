"""Reads of integration work. A person's integration plan and language training are their data: read after the
registry's `get_jobseeker` (which logs the read or the refusal), and only for foreign-language customers; lists log
each person shown. International Info's contact counts name nobody."""

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from accounts import permissions_cooperation
from common.today import service_today
from cooperation import enums
from cooperation.models import InfoContact, IntegrationPlan, LanguageTraining
from jobseekers import selectors as jobseeker_selectors
from organisation.enums import ArrangementRole, TargetGroup
from organisation.models import Office

# The lists' column orders (a minus sign reverses), each ending in the primary key so that the pages never overlap.
PLAN_SORTS = {
    "name": ("jobseeker__last_name", "jobseeker__first_name", "pk"),
    "municipality": ("municipality__name_fi", "-drawn_up_on", "-pk"),
    "drawn_up_on": ("drawn_up_on", "pk"),
    "valid_until": ("valid_until", "pk"),
}
PLAN_DEFAULT_SORT = "-drawn_up_on"
CONTACT_SORTS = {
    "contacted_on": ("contacted_on", "pk"),
    "office": ("office__name", "-contacted_on", "-pk"),
    "municipality": ("municipality__name_fi", "-contacted_on", "-pk"),
    "contacts": ("contacts", "-contacted_on", "-pk"),
}
CONTACT_DEFAULT_SORT = "-contacted_on"


def info_offices(area_id) -> QuerySet:
    """International Info's offices: where the data's supplementary foreign-language arrangement meets (Kajaani's
    Kaupungintalo serves every foreign-language customer of the area, plan §4)."""
    return Office.objects.filter(
        area_id=area_id,
        servicearrangement__target_group=TargetGroup.FOREIGN_LANGUAGE,
        servicearrangement__role=ArrangementRole.SUPPLEMENTARY,
    ).distinct()


def get_person(user, pk, *, view: str, purpose: str):
    """A foreign-language job seeker the user may read (the read logged); 404 for anyone else."""
    jobseeker = jobseeker_selectors.get_jobseeker(user, pk, view=view, purpose=purpose)
    if not jobseeker.is_foreign_language:
        raise Http404
    return jobseeker


def plans_of(jobseeker) -> QuerySet:
    return IntegrationPlan.objects.filter(jobseeker=jobseeker).select_related("recorded_by")


def trainings_of(jobseeker) -> QuerySet:
    return LanguageTraining.objects.filter(jobseeker=jobseeker).select_related("plan", "recorded_by")


def _people(user) -> QuerySet:
    return jobseeker_selectors.jobseekers(user).values("pk")


def plans(user) -> QuerySet:
    """Integration plans of the job seekers the user may read, newest first."""
    if not permissions_cooperation.can_view_cooperation_clients(user):
        return IntegrationPlan.objects.none()
    return IntegrationPlan.objects.filter(jobseeker__in=_people(user)).select_related("jobseeker", "municipality")


def trainings(user) -> QuerySet:
    if not permissions_cooperation.can_view_cooperation_clients(user):
        return LanguageTraining.objects.none()
    return LanguageTraining.objects.filter(jobseeker__in=_people(user)).select_related("jobseeker", "municipality")


def get_plan(user, pk, *, view: str, purpose: str) -> IntegrationPlan:
    plan = IntegrationPlan.objects.filter(pk=pk).first() if str(pk).isdigit() else None
    if plan is None:
        raise Http404
    jobseeker_selectors.get_jobseeker(user, plan.jobseeker_id, view=view, purpose=purpose)
    return plans(user).get(pk=plan.pk)


def get_training(user, pk, *, view: str, purpose: str) -> LanguageTraining:
    training = LanguageTraining.objects.filter(pk=pk).first() if str(pk).isdigit() else None
    if training is None:
        raise Http404
    jobseeker_selectors.get_jobseeker(user, training.jobseeker_id, view=view, purpose=purpose)
    return trainings(user).get(pk=training.pk)


def log_listing(user, shown, *, view: str, purpose: str) -> None:
    jobseeker_selectors.log_listing(user, [row.jobseeker for row in shown], view=view, purpose=purpose)


def contacts(area) -> QuerySet:
    """International Info's contact rows as counts (a named contact shows no name here)."""
    return InfoContact.objects.filter(office__area=area).select_related("office", "municipality")


def get_contact(user, area, pk) -> InfoContact:
    """A contact the user may correct: any anonymous count of the area, a named one only within the person's scope."""
    contact = contacts(area).select_related("jobseeker").filter(pk=pk).first() if str(pk).isdigit() else None
    if contact is None or not permissions_cooperation.can_work_with_cooperation_clients(user, contact.jobseeker):
        raise Http404
    return contact


def figures(area) -> dict:
    """Per municipality id: plans in force (so recorded and not past their end date), language trainings, those
    started or completed, International Info contacts."""
    result = {}
    going = [o.value for o in enums.PlaceOutcome if o.is_going]
    in_force = Q(status=enums.IntegrationPlanStatus.IN_FORCE) & (
        Q(valid_until__isnull=True) | Q(valid_until__gte=service_today())
    )
    for row in (
        IntegrationPlan.objects.filter(in_force, jobseeker__area=area).values("municipality_id").annotate(n=Count("pk"))
    ):
        result.setdefault(row["municipality_id"], {})["integration_plans"] = row["n"]
    for row in (
        LanguageTraining.objects.filter(jobseeker__area=area)
        .values("municipality_id")
        .annotate(n=Count("pk"), going=Count("pk", filter=Q(outcome__in=going)))
    ):
        entry = result.setdefault(row["municipality_id"], {})
        entry["language_trainings"] = row["n"]
        entry["language_going"] = row["going"]
    for municipality_id, total in (
        InfoContact.objects.filter(office__area=area)
        .values("municipality_id")
        .annotate(total=Sum("contacts"))
        .values_list("municipality_id", "total")
    ):
        result.setdefault(municipality_id, {})["info_contacts"] = total
    return result
