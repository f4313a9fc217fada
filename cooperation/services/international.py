"""Writes of international recruitment and the spouse-job service (Puolisotyöpaikka, plan §5): the recruitment case
with its employer, vacancy, EURES and housing; the spouse as a customer linked to the case; the follow-up of the
spouse's work or study outcome. One transaction each; every problem refused at once, naming the field."""

import re

from django.db import transaction
from django.utils.translation import gettext as _

from accounts import permissions_cooperation
from common.errors import Errors
from cooperation import enums
from cooperation.models import RecruitmentCase, Spouse, SpouseFollowUp
from cooperation.services.fields import choice as _choice
from cooperation.services.fields import text as _text
from employers.models import Employer, Vacancy
from jobseekers import selectors as jobseeker_selectors

COUNTRY = re.compile(r"^[A-Z]{2}$")


def _allowed(by, errors: Errors) -> None:
    if not permissions_cooperation.can_work_on_recruitment(by):
        errors.add("__all__", _("Sinulla ei ole oikeutta kansainvälisen rekrytoinnin tietoihin."))


def create_case(
    *,
    area,
    employer,
    vacancy,
    via_eures,
    recruited_name,
    recruited_country,
    arrival_on,
    housing_arranged,
    housing_notes,
    by,
) -> RecruitmentCase:
    errors = Errors()
    _allowed(by, errors)
    found = Employer.objects.filter(pk=employer, area=area).first() if str(employer).isdigit() else None
    if found is None:
        errors.add("employer", _("Valitse alueen työnantaja."))
    job = None
    if vacancy not in (None, ""):
        job = (
            Vacancy.objects.filter(pk=vacancy).select_related("municipality").first()
            if str(vacancy).isdigit()
            else None
        )
        if job is None or (found is not None and job.employer_id != found.pk):
            errors.add("vacancy", _("Valitse tämän työnantajan työpaikka."))
            job = None
    name = _text(recruited_name, errors, "recruited_name", limit=200)
    country = (recruited_country or "").strip().upper()
    if not COUNTRY.match(country):
        errors.add("recruited_country", _("Anna maa kaksikirjaimisena koodina, esim. ES."))
    notes = _text(housing_notes, errors, "housing_notes", required=False)
    errors.raise_if_any()
    return RecruitmentCase.objects.create(
        area=area,
        employer=found,
        vacancy=job,
        municipality_id=job.municipality_id if job else found.municipality_id,
        via_eures=bool(via_eures),
        recruited_name=name,
        recruited_country=country,
        arrival_on=arrival_on,
        housing_arranged=bool(housing_arranged),
        housing_notes=notes,
        created_by=by,
    )


@transaction.atomic
def register_spouse(
    case: RecruitmentCase, *, jobseeker, name, phone, email, aim, field_of_work, registered_on, by
) -> Spouse:
    """The spouse as a customer: a registered job seeker within the user's scope, or a light contact record."""
    errors = Errors()
    _allowed(by, errors)
    RecruitmentCase.objects.select_for_update().filter(pk=case.pk).first()
    if Spouse.objects.filter(case=case).exists():
        errors.add("__all__", _("Rekrytoinnille on jo kirjattu puoliso."))
    person = None
    name_text = _text(name, errors, "name", required=False, limit=200)
    if jobseeker not in (None, ""):
        if not str(jobseeker).isdigit():
            errors.add("jobseeker", _("Anna työnhakijan numero."))
        else:
            person = jobseeker_selectors.jobseekers(by).filter(pk=jobseeker).first()
            if person is None:
                errors.add("jobseeker", _("Työnhakijaa ei löydy asiakkaistasi."))
        if name_text:
            errors.add("name", _("Anna joko rekisteröity työnhakija tai nimi, ei molempia."))
    elif not name_text:
        errors.add("name", _("Anna puolison nimi tai rekisteröidyn työnhakijan numero."))
    _choice(aim, enums.SpouseAim, errors, "aim")
    field_text = _text(field_of_work, errors, "field_of_work", required=False, limit=200)
    phone_text = _text(phone, errors, "phone", required=False, limit=40)
    email_text = _text(email, errors, "email", required=False, limit=254)
    if registered_on is None:
        errors.add("registered_on", _("Anna palvelun alkamispäivä."))
    errors.raise_if_any()
    return Spouse.objects.create(
        case=case,
        jobseeker=person,
        name="" if person else name_text,
        phone="" if person else phone_text,
        email="" if person else email_text,
        aim=aim,
        field_of_work=field_text,
        registered_on=registered_on,
        registered_by=by,
    )


def record_follow_up(spouse: Spouse, *, outcome, recorded_on, detail, notes, by) -> SpouseFollowUp:
    errors = Errors()
    _allowed(by, errors)
    _choice(outcome, enums.SpouseOutcome, errors, "outcome")
    detail_text = _text(
        detail,
        errors,
        "detail",
        required=outcome in enums.SpouseOutcome.values and enums.SpouseOutcome(outcome).is_placed,
        limit=200,
    )
    notes_text = _text(notes, errors, "notes", required=False)
    if recorded_on is None:
        errors.add("recorded_on", _("Anna päivä."))
    elif recorded_on < spouse.registered_on:
        errors.add("recorded_on", _("Seuranta ei voi edeltää palvelun alkua."))
    errors.raise_if_any()
    return SpouseFollowUp.objects.create(
        spouse=spouse, outcome=outcome, recorded_on=recorded_on, detail=detail_text, notes=notes_text, recorded_by=by
    )
