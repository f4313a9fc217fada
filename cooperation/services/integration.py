"""Writes of integration work (plan §4): a foreign-language customer's integration plan (kotoutumissuunnitelma) and
language training, and International Info's contacts (a named foreign-language job seeker, or an anonymous count).
Only foreign-language customers (organisation.routing.DOMESTIC_LANGUAGES) have integration records; what is stored
is what staff record of the plan, no rule of the integration act is decided here."""

from django.db import transaction
from django.utils.translation import gettext as _

from accounts import permissions_cooperation
from common.errors import Errors
from cooperation import enums
from cooperation.models import InfoContact, IntegrationPlan, LanguageTraining
from cooperation.selectors.integration import info_offices
from cooperation.services.fields import choice as _choice
from cooperation.services.fields import text as _text
from jobseekers import selectors as jobseeker_selectors
from jobseekers.languages import is_language, normalise_language
from organisation.models import Municipality
from organisation.routing import DOMESTIC_LANGUAGES

MAX_CONTACTS = 500
SHORT_TEXT = 200


def _person(by, jobseeker, errors: Errors) -> None:
    if not permissions_cooperation.can_work_with_cooperation_clients(by, jobseeker):
        errors.add("__all__", _("Et voi kirjata tämän työnhakijan tietoja."))
    elif not jobseeker.is_foreign_language:
        errors.add("__all__", _("Kotoutumisen tiedot kirjataan vain vieraskielisille asiakkaille."))


def _save(record, values: dict):
    for name, value in values.items():
        setattr(record, name, value)
    record.save(update_fields=list(values))
    return record


def _plan_fields(errors, *, drawn_up_on, drawn_up_by, valid_until, reviewed_on, summary, status) -> dict:
    if drawn_up_on is None:
        errors.add("drawn_up_on", _("Anna laatimispäivä."))
    else:
        if valid_until is not None and valid_until < drawn_up_on:
            errors.add("valid_until", _("Voimassaolo ei voi päättyä ennen laatimista."))
        if reviewed_on is not None and reviewed_on < drawn_up_on:
            errors.add("reviewed_on", _("Tarkistus ei voi edeltää laatimista."))
    _choice(status, enums.IntegrationPlanStatus, errors, "status")
    return {
        "drawn_up_on": drawn_up_on,
        "drawn_up_by": _text(drawn_up_by, errors, "drawn_up_by", limit=SHORT_TEXT),
        "valid_until": valid_until,
        "reviewed_on": reviewed_on,
        "summary": _text(summary, errors, "summary"),
        "status": status,
    }


@transaction.atomic
def record_plan(jobseeker, *, by, **fields) -> IntegrationPlan:
    errors = Errors()
    _person(by, jobseeker, errors)
    values = _plan_fields(errors, **fields)
    errors.raise_if_any()
    return IntegrationPlan.objects.create(
        jobseeker=jobseeker, municipality_id=jobseeker.municipality_id, recorded_by=by, **values
    )


@transaction.atomic
def update_plan(plan: IntegrationPlan, *, by, **fields) -> IntegrationPlan:
    errors = Errors()
    _person(by, plan.jobseeker, errors)
    values = _plan_fields(errors, **fields)
    errors.raise_if_any()
    return _save(plan, values)


def _training_fields(errors, jobseeker, *, plan, provider, course, level, starts_on, ends_on, outcome) -> dict:
    found = None
    if plan not in (None, ""):
        found = IntegrationPlan.objects.filter(jobseeker=jobseeker, pk=plan).first() if str(plan).isdigit() else None
        if found is None:
            errors.add("plan", _("Valitse tämän asiakkaan kotoutumissuunnitelma."))
    if starts_on is None:
        errors.add("starts_on", _("Anna alkamispäivä."))
    elif ends_on is not None and ends_on < starts_on:
        errors.add("ends_on", _("Kurssi ei voi päättyä ennen alkuaan."))
    _choice(outcome, enums.PlaceOutcome, errors, "outcome")
    return {
        "plan": found,
        "provider": _text(provider, errors, "provider", limit=SHORT_TEXT),
        "course": _text(course, errors, "course", limit=SHORT_TEXT),
        "level": _text(level, errors, "level", required=False, limit=60),
        "starts_on": starts_on,
        "ends_on": ends_on,
        "outcome": outcome,
    }


@transaction.atomic
def record_training(jobseeker, *, by, **fields) -> LanguageTraining:
    errors = Errors()
    _person(by, jobseeker, errors)
    values = _training_fields(errors, jobseeker, **fields)
    errors.raise_if_any()
    return LanguageTraining.objects.create(
        jobseeker=jobseeker, municipality_id=jobseeker.municipality_id, recorded_by=by, **values
    )


@transaction.atomic
def update_training(training: LanguageTraining, *, by, **fields) -> LanguageTraining:
    errors = Errors()
    _person(by, training.jobseeker, errors)
    values = _training_fields(errors, training.jobseeker, **fields)
    errors.raise_if_any()
    return _save(training, values)


def _contact_fields(errors, area, *, office, contacted_on, municipality, language, topic, contacts, jobseeker) -> dict:
    found_office = info_offices(area.pk).filter(pk=office).first() if str(office).isdigit() else None
    if found_office is None:
        errors.add("office", _("Valitse International Infon toimipiste."))
    home = Municipality.objects.filter(area=area, code=municipality).first() if municipality else None
    code = normalise_language(language)
    if jobseeker is not None:
        home = jobseeker.municipality
        code = code or jobseeker.service_language
        if not jobseeker.is_foreign_language:
            errors.add("__all__", _("International Info palvelee vieraskielisiä asiakkaita."))
    if home is None:
        errors.add("municipality", _("Valitse työllisyysalueen kunta."))
    if not is_language(code) or code in DOMESTIC_LANGUAGES:
        errors.add("language", _("Anna vieras asiointikieli ISO 639 -koodina, esim. uk tai ar."))
    try:
        count = int(contacts)
    except (TypeError, ValueError):
        count = 0
    if not 1 <= count <= MAX_CONTACTS or (jobseeker is not None and count != 1):
        errors.add(
            "contacts", _("Anna yhteydenottoja 1–%(max)s (nimetty yhteydenotto on yksi).") % {"max": MAX_CONTACTS}
        )
    _choice(topic, enums.InfoTopic, errors, "topic")
    if contacted_on is None:
        errors.add("contacted_on", _("Anna päivä."))
    return {
        "office": found_office,
        "contacted_on": contacted_on,
        "municipality": home,
        "language": code,
        "topic": topic,
        "contacts": count,
        "jobseeker": jobseeker,
    }


@transaction.atomic
def record_contact(*, area, by, jobseeker=None, **fields) -> InfoContact:
    """`jobseeker`: the number of a job seeker the user may read, for a named contact; None for an anonymous count."""
    errors = Errors()
    person = None
    if jobseeker not in (None, ""):
        if not str(jobseeker).isdigit():
            errors.add("jobseeker", _("Anna työnhakijan numero."))
        else:
            person = jobseeker_selectors.jobseekers(by).filter(pk=jobseeker, area=area).first()
            if person is None:
                errors.add("jobseeker", _("Työnhakijaa ei löydy asiakkaistasi."))
    if not permissions_cooperation.can_work_with_cooperation_clients(by, person):
        errors.add("__all__", _("Sinulla ei ole oikeutta kirjata yhteydenottoja."))
    values = _contact_fields(errors, area, jobseeker=person, **fields)
    errors.raise_if_any()
    return InfoContact.objects.create(recorded_by=by, **values)


@transaction.atomic
def update_contact(contact: InfoContact, *, by, **fields) -> InfoContact:
    """Correct a contact's day, place, language, topic or count; a named contact stays the same person's."""
    errors = Errors()
    if not permissions_cooperation.can_work_with_cooperation_clients(by, contact.jobseeker):
        errors.add("__all__", _("Sinulla ei ole oikeutta kirjata yhteydenottoja."))
    values = _contact_fields(errors, contact.office.area, jobseeker=contact.jobseeker, **fields)
    errors.raise_if_any()
    return _save(contact, values)
