"""Writes of recruitment fairs and events (plan §5): the event with its employers and the vacancies they presented,
the participants as a count and the outcomes as counts, and a job seeker known to have taken part. Events are
centralised employer work (the recruitment roles, area-wide); linking a job seeker needs the user to read them."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from accounts import permissions_cooperation
from common.errors import Errors
from common.locks import serialize_on
from cooperation import enums
from cooperation.models import EventParticipant, RecruitmentEvent
from cooperation.services.fields import choice as _choice
from cooperation.services.fields import text as _text
from employers.models import Employer, Vacancy
from jobseekers import selectors as jobseeker_selectors
from organisation.models import Municipality

MAX_PARTICIPANTS = 100_000
SHORT_TEXT = 200


def _count(value, errors: Errors, name: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if not 0 <= number <= MAX_PARTICIPANTS:
        errors.add(name, _("Anna luku väliltä 0–%(max)s.") % {"max": MAX_PARTICIPANTS})
    return number


def _ids(values) -> list[str]:
    return sorted({str(value) for value in values or []})


def _fields(
    errors,
    area,
    *,
    name,
    kind,
    held_on,
    place,
    municipality,
    organiser,
    employers,
    vacancies,
    participants,
    job_offers,
    hires,
    notes,
) -> dict:
    _choice(kind, enums.EventKind, errors, "kind")
    if held_on is None:
        errors.add("held_on", _("Anna tapahtuman päivä."))
    home = Municipality.objects.filter(area=area, code=municipality).first() if municipality else None
    if home is None:
        errors.add("municipality", _("Valitse työllisyysalueen kunta."))
    employer_ids = _ids(employers)
    found_employers = list(
        Employer.objects.filter(area=area, pk__in=[pk for pk in employer_ids if pk.isdigit()]).order_by("name")
    )
    if not employer_ids:
        errors.add("employers", _("Valitse vähintään yksi osallistuva työnantaja."))
    elif len(found_employers) != len(employer_ids):
        errors.add("employers", _("Työnantajaa ei löydy alueelta."))
    vacancy_ids = _ids(vacancies)
    found_vacancies = list(Vacancy.objects.filter(pk__in=[pk for pk in vacancy_ids if pk.isdigit()]))
    if len(found_vacancies) != len(vacancy_ids):
        errors.add("vacancies", _("Työpaikkaa ei löydy."))
    elif any(vacancy.employer_id not in {e.pk for e in found_employers} for vacancy in found_vacancies):
        errors.add("vacancies", _("Esitellyn työpaikan työnantajan on oltava tapahtumassa mukana."))
    counts = {
        key: _count(value, errors, key)
        for key, value in (("participants", participants), ("job_offers", job_offers), ("hires", hires))
    }
    if "participants" not in errors and "hires" not in errors and counts["hires"] > counts["participants"]:
        errors.add("hires", _("Palkattuja ei voi olla enemmän kuin osallistujia."))
    return (
        {
            "name": _text(name, errors, "name", limit=SHORT_TEXT),
            "kind": kind,
            "held_on": held_on,
            "place": _text(place, errors, "place", limit=SHORT_TEXT),
            "municipality": home,
            "organiser": _text(organiser, errors, "organiser", limit=SHORT_TEXT),
            "notes": _text(notes, errors, "notes", required=False),
            **counts,
        },
        found_employers,
        found_vacancies,
    )


def _allowed(by, errors: Errors) -> None:
    if not permissions_cooperation.can_work_on_recruitment(by):
        errors.add("__all__", _("Sinulla ei ole oikeutta kirjata rekrytointitapahtumia."))


@transaction.atomic
def create_event(*, area, by, **fields) -> RecruitmentEvent:
    errors = Errors()
    _allowed(by, errors)
    values, employers, vacancies = _fields(errors, area, **fields)
    errors.raise_if_any()
    event = RecruitmentEvent.objects.create(area=area, created_by=by, **values)
    event.employers.set(employers)
    event.vacancies.set(vacancies)
    return event


@transaction.atomic
def update_event(event: RecruitmentEvent, *, by, **fields) -> RecruitmentEvent:
    errors = Errors()
    _allowed(by, errors)
    values, employers, vacancies = _fields(errors, event.area, **fields)
    known = EventParticipant.objects.filter(event=event).count()
    if "participants" not in errors and values["participants"] < known:
        errors.add(
            "participants",
            _("Osallistujia on vähintään yhtä monta kuin linkitettyjä työnhakijoita (%(n)s).") % {"n": known},
        )
    errors.raise_if_any()
    for name, value in values.items():
        setattr(event, name, value)
    event.save(update_fields=list(values))
    event.employers.set(employers)
    event.vacancies.set(vacancies)
    return event


@transaction.atomic
def add_participant(event: RecruitmentEvent, *, jobseeker, by) -> EventParticipant:
    """Link a job seeker (by number) the user may read; the event's count grows to include them if it must."""
    serialize_on(f"cooperation.event_participants:{event.pk}")
    errors = Errors()
    _allowed(by, errors)
    person = None
    if not str(jobseeker or "").isdigit():
        errors.add("jobseeker", _("Anna työnhakijan numero."))
    else:
        person = jobseeker_selectors.jobseekers(by).filter(pk=jobseeker, area_id=event.area_id).first()
        if person is None:
            errors.add("jobseeker", _("Työnhakijaa ei löydy asiakkaistasi."))
    event = RecruitmentEvent.objects.select_for_update().get(pk=event.pk)
    if person is not None and EventParticipant.objects.filter(event=event, jobseeker=person).exists():
        errors.add("jobseeker", _("Työnhakija on jo kirjattu osallistujaksi."))
    errors.raise_if_any()
    try:
        with transaction.atomic():
            made = EventParticipant.objects.create(event=event, jobseeker=person, added_by=by)
    except IntegrityError:
        errors.add("jobseeker", _("Työnhakija on jo kirjattu osallistujaksi."))
        errors.raise_if_any()
    known = EventParticipant.objects.filter(event=event).count()
    if event.participants < known:
        event.participants = known
        event.save(update_fields=["participants"])
    return made
