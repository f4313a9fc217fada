"""Reads of procurement. Needs, meetings, procurements and their figures name nobody and are open to all staff;
referrals to bought places are job seekers' data, read within the user's scope, and every list or page showing
people logs each of them."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from accounts import permissions_cooperation
from cooperation import enums
from cooperation.models import AgendaItem, PlaceReferral, ProcuredPlaces, Procurement, ServiceNeed, WorkingGroupMeeting
from jobseekers import selectors as jobseeker_selectors
from organisation.models import Municipality


@dataclass(frozen=True)
class NeedFilters:
    municipality: str = ""
    state: str = ""
    service_type: str = ""


def needs(user, filters: NeedFilters = NeedFilters()) -> QuerySet:
    if not permissions_cooperation.can_view_cooperation(user):
        return ServiceNeed.objects.none()
    found = ServiceNeed.objects.select_related("municipality", "raised_by")
    if filters.municipality:
        found = found.filter(municipality__code=filters.municipality)
    if filters.state:
        found = found.filter(state=filters.state)
    if filters.service_type:
        found = found.filter(service_type=filters.service_type)
    return found.order_by("-raised_on", "-pk")


def get_need(user, pk) -> ServiceNeed:
    need = needs(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if need is None:
        raise Http404
    return need


def need_history(need: ServiceNeed) -> QuerySet:
    return need.agenda_items.select_related("meeting", "handled_by").order_by("meeting__held_on", "pk")


def waiting_needs(user) -> QuerySet:
    """Needs that may go on an agenda: waiting or postponed, urgent first, oldest first."""
    states = [state.value for state in enums.NeedState if state.can_go_on_agenda]
    return needs(user).filter(state__in=states).order_by("-urgency", "raised_on", "pk")


def accepted_needs(user) -> QuerySet:
    return needs(user).filter(state=enums.NeedState.ACCEPTED).order_by("raised_on", "pk")


def meetings(user) -> QuerySet:
    if not permissions_cooperation.can_view_cooperation(user):
        return WorkingGroupMeeting.objects.none()
    return WorkingGroupMeeting.objects.select_related("body").annotate(
        item_count=Count("items"), open_count=Count("items", filter=Q(items__handling=""))
    )


def get_meeting(user, pk) -> WorkingGroupMeeting:
    meeting = meetings(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if meeting is None:
        raise Http404
    return meeting


def agenda(meeting: WorkingGroupMeeting) -> QuerySet:
    return AgendaItem.objects.filter(meeting=meeting).select_related(
        "need", "need__municipality", "need__raised_by", "handled_by"
    )


def get_agenda_item(user, meeting, pk) -> AgendaItem:
    item = agenda(meeting).filter(pk=pk).first() if str(pk).isdigit() else None
    if item is None or not permissions_cooperation.can_view_cooperation(user):
        raise Http404
    return item


def procurements(user) -> QuerySet:
    if not permissions_cooperation.can_view_cooperation(user):
        return Procurement.objects.none()
    return Procurement.objects.annotate(bought=Sum("places__places")).order_by("-contract_starts_on", "-pk")


def get_procurement(user, pk) -> Procurement:
    procurement = procurements(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if procurement is None:
        raise Http404
    return procurement


@dataclass(frozen=True)
class PlaceRow:
    municipality: Municipality
    places: int
    holding: int
    used: int

    @property
    def free(self) -> int:
        return max(0, self.places - self.holding)


def places(procurement: Procurement) -> list[PlaceRow]:
    """Places bought per municipality, held by referrals and used (started) – counts, no names."""
    holding = [o.value for o in enums.PlaceOutcome if o.holds_place]
    using = [o.value for o in enums.PlaceOutcome if o.uses_place]
    counts = (
        PlaceReferral.objects.filter(procurement=procurement)
        .values("municipality_id")
        .annotate(holding=Count("pk", filter=Q(outcome__in=holding)), used=Count("pk", filter=Q(outcome__in=using)))
    )
    by_municipality = {row["municipality_id"]: row for row in counts}
    return [
        PlaceRow(
            municipality=bought.municipality,
            places=bought.places,
            holding=by_municipality.get(bought.municipality_id, {}).get("holding", 0),
            used=by_municipality.get(bought.municipality_id, {}).get("used", 0),
        )
        for bought in ProcuredPlaces.objects.filter(procurement=procurement).select_related("municipality")
    ]


def referrals(user) -> QuerySet:
    """Referrals to bought places of the job seekers the user may read."""
    if not permissions_cooperation.can_view_cooperation_clients(user):
        return PlaceReferral.objects.none()
    people = jobseeker_selectors.jobseekers(user).values("pk")
    return PlaceReferral.objects.filter(jobseeker__in=people).select_related(
        "jobseeker", "municipality", "procurement", "referred_by"
    )


def get_referral(user, pk, *, view: str, purpose: str) -> PlaceReferral:
    """The referral if the user may read its job seeker (logged); otherwise 404 with the refusal logged."""
    referral = PlaceReferral.objects.filter(pk=pk).first() if str(pk).isdigit() else None
    if referral is None:
        raise Http404
    jobseeker_selectors.get_jobseeker(user, referral.jobseeker_id, view=view, purpose=purpose)
    return referrals(user).get(pk=referral.pk)


def open_procurements_for(jobseeker, day) -> QuerySet:
    """Procurements whose contract runs on `day` and that bought places for the person's home municipality."""
    return Procurement.objects.filter(
        contract_starts_on__lte=day, contract_ends_on__gte=day, places__municipality_id=jobseeker.municipality_id
    ).order_by("title", "pk")


def get_jobseeker(user, pk, *, view: str, purpose: str):
    """The job seeker to refer (the read logged; 404 out of scope)."""
    return jobseeker_selectors.get_jobseeker(user, pk, view=view, purpose=purpose)


def log_listing(user, shown, *, view: str, purpose: str) -> None:
    jobseeker_selectors.log_listing(user, [row.jobseeker for row in shown], view=view, purpose=purpose)


@dataclass(frozen=True)
class MunicipalityProcurement:
    municipality: Municipality
    needs: int
    places_needed: int
    places_accepted: int
    places_bought: int
    places_used: int


def report(area) -> list[MunicipalityProcurement]:
    """Needs vs places bought vs places used, per municipality of the area (counts only)."""
    needed = defaultdict(lambda: [0, 0, 0])
    accepted = {enums.NeedState.ACCEPTED.value, enums.NeedState.PROCURED.value}
    for row in (
        ServiceNeed.objects.filter(area=area)
        .values("municipality_id", "state")
        .annotate(n=Count("pk"), places=Sum("places"))
    ):
        figures = needed[row["municipality_id"]]
        figures[0] += row["n"]
        figures[1] += row["places"]
        if row["state"] in accepted:
            figures[2] += row["places"]
    bought = dict(
        ProcuredPlaces.objects.filter(procurement__area=area)
        .values("municipality_id")
        .annotate(total=Sum("places"))
        .values_list("municipality_id", "total")
    )
    using = [o.value for o in enums.PlaceOutcome if o.uses_place]
    used = dict(
        PlaceReferral.objects.filter(procurement__area=area, outcome__in=using)
        .values("municipality_id")
        .annotate(total=Count("pk"))
        .values_list("municipality_id", "total")
    )
    return [
        MunicipalityProcurement(
            municipality=municipality,
            needs=needed[municipality.pk][0],
            places_needed=needed[municipality.pk][1],
            places_accepted=needed[municipality.pk][2],
            places_bought=bought.get(municipality.pk, 0),
            places_used=used.get(municipality.pk, 0),
        )
        for municipality in Municipality.objects.filter(area=area).order_by("name_fi")
    ]
