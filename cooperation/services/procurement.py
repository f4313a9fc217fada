"""Writes of procurement: raising a service need, the working group's meeting, its agenda and handling, a
procurement made of accepted needs with its places per municipality, and referrals to the bought places.

Each write is one transaction; every problem of the input is collected and refused at once, naming the field. Rows
whose state a write depends on (the need, the procurement's places) are locked first, so two handlers cannot both
take the last place or handle one need twice.
"""

from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions_cooperation
from common.errors import Errors
from cooperation import enums
from cooperation.models import AgendaItem, PlaceReferral, ProcuredPlaces, Procurement, ServiceNeed, WorkingGroupMeeting
from cooperation.services.fields import choice as _choice
from cooperation.services.fields import text as _text
from organisation.enums import TargetGroup
from organisation.models import CooperationBody, Municipality

PROCUREMENT_GROUP_KEY = "hankintatyoryhma"
MAX_PLACES = 999


def _places(value, errors: Errors, name: str) -> int | None:
    try:
        places = int(value)
    except (TypeError, ValueError):
        places = None
    if places is None or not 1 <= places <= MAX_PLACES:
        errors.add(name, _("Anna paikkamäärä 1–%(max)s.") % {"max": MAX_PLACES})
        return None
    return places


def _municipality(area, code, errors: Errors, name: str) -> Municipality | None:
    municipality = Municipality.objects.filter(area=area, code=code).first() if code else None
    if municipality is None:
        errors.add(name, _("Valitse työllisyysalueen kunta."))
    return municipality


def raise_need(
    *, area, municipality, service_type, target_group, places, urgency, justification, by, today
) -> ServiceNeed:
    """A service need brought from the customer interface (plan §4) to the procurement working group."""
    errors = Errors()
    if not permissions_cooperation.can_raise_service_need(by):
        errors.add("__all__", _("Sinulla ei ole oikeutta esittää palvelutarvetta."))
    found = _municipality(area, municipality, errors, "municipality")
    _choice(service_type, enums.ServiceType, errors, "service_type")
    _choice(target_group, TargetGroup, errors, "target_group")
    count = _places(places, errors, "places")
    _choice(urgency, enums.Urgency, errors, "urgency")
    text = _text(justification, errors, "justification")
    errors.raise_if_any()
    return ServiceNeed.objects.create(
        area=area,
        municipality=found,
        service_type=service_type,
        target_group=target_group,
        places=count,
        urgency=urgency,
        justification=text,
        raised_by=by,
        raised_on=today,
    )


def procurement_group(area) -> CooperationBody | None:
    """The procurement working group of the area's data (bodies.yaml, plan §2 and §4)."""
    return CooperationBody.objects.filter(area=area, key=PROCUREMENT_GROUP_KEY).first()


def create_meeting(*, area, held_on, place, notes, by) -> WorkingGroupMeeting:
    errors = Errors()
    if not permissions_cooperation.can_act_as_procurement_group(by):
        errors.add("__all__", _("Vain hankintatyöryhmä kirjaa kokouksensa."))
    body = procurement_group(area)
    if body is None:
        errors.add("__all__", _("Alueen tiedoissa ei ole hankintatyöryhmää."))
    if held_on is None:
        errors.add("held_on", _("Anna kokouspäivä."))
    place_text = _text(place, errors, "place", required=False)
    notes_text = _text(notes, errors, "notes", required=False)
    errors.raise_if_any()
    return WorkingGroupMeeting.objects.create(
        body=body, held_on=held_on, place=place_text, notes=notes_text, created_by=by
    )


@transaction.atomic
def add_to_agenda(meeting: WorkingGroupMeeting, need_pk, *, by) -> AgendaItem:
    """Put a waiting (or postponed) need on a meeting's agenda."""
    errors = Errors()
    if not permissions_cooperation.can_act_as_procurement_group(by):
        errors.add("__all__", _("Vain hankintatyöryhmä laatii esityslistansa."))
    need = ServiceNeed.objects.select_for_update().filter(pk=need_pk, area_id=meeting.body.area_id).first()
    if need is None:
        errors.add("need", _("Valitse palvelutarve."))
    elif not enums.NeedState(need.state).can_go_on_agenda:
        errors.add(
            "need",
            _("Palvelutarve on jo käsittelyssä tai käsitelty (%(state)s).") % {"state": need.get_state_display()},
        )
    errors.raise_if_any()
    need.state = enums.NeedState.ON_AGENDA
    need.save(update_fields=["state"])
    return AgendaItem.objects.create(meeting=meeting, need=need, added_by=by)


@transaction.atomic
def handle_item(item: AgendaItem, *, handling, reason, by) -> AgendaItem:
    """The meeting's handling of a need: accepted into procurement, rejected with a reason, or postponed."""
    errors = Errors()
    if not permissions_cooperation.can_act_as_procurement_group(by):
        errors.add("__all__", _("Vain hankintatyöryhmä käsittelee palvelutarpeet."))
    item = AgendaItem.objects.select_for_update().get(pk=item.pk)
    need = ServiceNeed.objects.select_for_update().get(pk=item.need_id)
    if item.handling:
        errors.add("handling", _("Asia on jo käsitelty."))
    elif need.state != enums.NeedState.ON_AGENDA:
        errors.add("handling", _("Palvelutarve ei ole tämän kokouksen käsiteltävänä."))
    _choice(handling, enums.Handling, errors, "handling")
    text = _text(reason, errors, "reason", required=handling == enums.Handling.REJECTED)
    errors.raise_if_any()
    item.handling = handling
    item.reason = text
    item.handled_by = by
    item.handled_at = timezone.now()
    item.save(update_fields=["handling", "reason", "handled_by", "handled_at"])
    need.state = enums.Handling(handling).need_state
    need.save(update_fields=["state"])
    return item


def _budget(value, errors: Errors) -> Decimal | None:
    try:
        budget = Decimal(str(value).replace(" ", "").replace(",", "."))
    except (InvalidOperation, TypeError):
        budget = None
    if budget is None or not budget.is_finite() or budget < 0 or budget >= Decimal("1e10"):
        errors.add("budget", _("Anna budjetti euroina (0 tai enemmän)."))
        return None
    return budget.quantize(Decimal("0.01"))


@transaction.atomic
def create_procurement(
    *,
    area,
    title,
    service_type,
    procedure,
    tender_published_on,
    decided_on,
    contract_starts_on,
    contract_ends_on,
    budget,
    providers,
    needs,
    places: dict,
    by,
) -> Procurement:
    """A procurement of accepted needs; `places` maps a municipality code to the number of places bought for it."""
    errors = Errors()
    if not permissions_cooperation.can_act_as_procurement_group(by):
        errors.add("__all__", _("Vain hankintatyöryhmä kirjaa hankinnat."))
    title_text = _text(title, errors, "title")
    _choice(service_type, enums.ServiceType, errors, "service_type")
    _choice(procedure, enums.Procedure, errors, "procedure")
    if contract_starts_on is None:
        errors.add("contract_starts_on", _("Anna sopimuskauden alku."))
    if contract_ends_on is None:
        errors.add("contract_ends_on", _("Anna sopimuskauden loppu."))
    elif contract_starts_on is not None and contract_ends_on < contract_starts_on:
        errors.add("contract_ends_on", _("Sopimuskausi ei voi päättyä ennen alkuaan."))
    if tender_published_on and decided_on and decided_on < tender_published_on:
        errors.add("decided_on", _("Hankintapäätös ei voi edeltää tarjouspyyntöä."))
    amount = _budget(budget, errors)
    providers_text = _text(providers, errors, "providers")
    chosen = list(ServiceNeed.objects.select_for_update().filter(pk__in=[n.pk for n in needs], area=area))
    if not chosen:
        errors.add("needs", _("Valitse vähintään yksi hankintaan hyväksytty palvelutarve."))
    for need in chosen:
        if not enums.NeedState(need.state).can_be_procured:
            errors.add("needs", _("Palvelutarvetta %(need)s ei ole hyväksytty hankintaan.") % {"need": need})
    bought = {}
    for code, value in sorted(places.items()):
        if value in (None, "", 0, "0"):
            continue
        municipality = _municipality(area, code, errors, "places")
        count = _places(value, errors, "places")
        if municipality is not None and count is not None:
            bought[municipality] = count
    if not bought:
        errors.add("places", _("Anna vähintään yhdelle kunnalle hankitut paikat."))
    errors.raise_if_any()
    procurement = Procurement.objects.create(
        area=area,
        title=title_text,
        service_type=service_type,
        procedure=procedure,
        tender_published_on=tender_published_on,
        decided_on=decided_on,
        contract_starts_on=contract_starts_on,
        contract_ends_on=contract_ends_on,
        budget=amount,
        providers=providers_text,
        created_by=by,
    )
    procurement.needs.set(chosen)
    ServiceNeed.objects.filter(pk__in=[n.pk for n in chosen]).update(state=enums.NeedState.PROCURED)
    ProcuredPlaces.objects.bulk_create(
        ProcuredPlaces(procurement=procurement, municipality=municipality, places=count)
        for municipality, count in bought.items()
    )
    return procurement


def _holding(procurement: Procurement, municipality_id) -> int:
    outcomes = [o.value for o in enums.PlaceOutcome if o.holds_place]
    return PlaceReferral.objects.filter(
        procurement=procurement, municipality_id=municipality_id, outcome__in=outcomes
    ).count()


@transaction.atomic
def refer_to_place(procurement: Procurement, jobseeker, *, referred_on, by) -> PlaceReferral:
    """Refer a job seeker to a place bought for their home municipality, while the contract runs and a place is free."""
    errors = Errors()
    if not permissions_cooperation.can_work_with_cooperation_clients(by, jobseeker):
        errors.add("__all__", _("Et voi ohjata tätä työnhakijaa."))
    procurement = Procurement.objects.select_for_update().get(pk=procurement.pk)
    bought = ProcuredPlaces.objects.filter(procurement=procurement, municipality_id=jobseeker.municipality_id).first()
    if referred_on is None:
        errors.add("referred_on", _("Anna ohjauksen päivä."))
    elif not procurement.in_contract(referred_on):
        errors.add("referred_on", _("Ohjauspäivä ei ole hankinnan sopimuskaudella."))
    if bought is None:
        errors.add(
            "procurement",
            _("Hankinnassa ei ole paikkoja työnhakijan kotikunnalle (%(municipality)s).")
            % {"municipality": jobseeker.municipality.name_fi},
        )
    elif _holding(procurement, bought.municipality_id) >= bought.places:
        errors.add("procurement", _("Kunnan kaikki %(places)s paikkaa on jo käytössä.") % {"places": bought.places})
    if PlaceReferral.objects.filter(procurement=procurement, jobseeker=jobseeker).exists():
        errors.add("procurement", _("Työnhakija on jo ohjattu tähän hankintaan."))
    errors.raise_if_any()
    return PlaceReferral.objects.create(
        procurement=procurement,
        jobseeker=jobseeker,
        municipality_id=jobseeker.municipality_id,
        referred_on=referred_on,
        referred_by=by,
    )


@transaction.atomic
def record_place_outcome(referral: PlaceReferral, *, outcome, on, by) -> PlaceReferral:
    errors = Errors()
    if not permissions_cooperation.can_work_with_cooperation_clients(by, referral.jobseeker):
        errors.add("__all__", _("Et voi kirjata tämän työnhakijan tietoja."))
    # The procurement's lock serialises every change of its places; the referral is read again under it, as the
    # caller's copy may say it holds a place that another handler has since given up and someone else has taken.
    Procurement.objects.select_for_update().get(pk=referral.procurement_id)
    referral = PlaceReferral.objects.select_related("procurement").get(pk=referral.pk)
    _choice(outcome, enums.PlaceOutcome, errors, "outcome")
    if on is None:
        errors.add("outcome_on", _("Anna päivä."))
    elif on < referral.referred_on:
        errors.add("outcome_on", _("Päivä ei voi edeltää ohjausta."))
    takes_a_place = outcome in enums.PlaceOutcome.values and enums.PlaceOutcome(outcome).holds_place
    if takes_a_place and not enums.PlaceOutcome(referral.outcome).holds_place:
        bought = ProcuredPlaces.objects.get(
            procurement_id=referral.procurement_id, municipality_id=referral.municipality_id
        )
        if _holding(referral.procurement, referral.municipality_id) >= bought.places:
            errors.add("outcome", _("Kunnan kaikki %(places)s paikkaa on jo käytössä.") % {"places": bought.places})
    errors.raise_if_any()
    referral.outcome = outcome
    referral.outcome_on = on
    referral.save(update_fields=["outcome", "outcome_on"])
    return referral
