"""Writes of employers and vacancies: plain arguments, one transaction, every problem collected with
common.errors.Errors and refused as one ValidationError naming each field; nothing is written on error."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import ytunnus

from common.errors import Errors
from common.text import fold
from employers import distance_store, enums, industries
from employers.models import ContactPerson, Employer, Vacancy
from labour_market.models import Occupation
from organisation.models import Municipality

MAX_TITLE = 200
MAX_DESCRIPTION = 10_000
MAX_ADDRESS = 300
MAX_EXTERNAL_ID = 100
MAX_POSITIONS = 999
CONTACT_FIELDS = ("name", "title", "phone", "email")
CONTACT_LIMITS = {"name": 200, "title": 200, "phone": 40, "email": 254}

# Every field of a vacancy a caller may give, with the value a new vacancy has when it is not given.
VACANCY_DEFAULTS = {
    "employer": None,
    "title": "",
    "description": "",
    "occupation": "",
    "municipality": "",
    "workplace_outside_area": "",
    "workplace_address": "",
    "positions": 1,
    "working_time": "",
    "employment_type": "",
    "start_date": None,
    "application_deadline": None,
    "required_languages": [],
    "wished_languages": [],
    "required_driving_licences": [],
    "required_cards": [],
    "remote_possible": False,
    "international_recruitment": False,
    "source": enums.Source.MANUAL,
    "external_id": "",
}
CODE_LISTS = {
    "required_languages": enums.Language,
    "wished_languages": enums.Language,
    "required_driving_licences": enums.DrivingLicence,
    "required_cards": enums.Card,
}


def normalised_business_id(value: str, errors: Errors, name: str = "business_id") -> str:
    """The Y-tunnus in its standard form (1234567-8), or an error on the field."""
    try:
        return ytunnus.format(ytunnus.validate(value or ""))
    except StdnumError:
        errors.add(name, _("Y-tunnus ei ole kelvollinen (muoto 1234567-8, tarkiste oikein)."))
        return value


def _text(data: dict, name: str, limit: int, errors: Errors, *, required: bool = False) -> str:
    value = data.get(name)
    value = "" if value is None else str(value).strip()
    if required and not value:
        errors.add(name, _("Pakollinen tieto."))
    elif len(value) > limit:
        errors.add(name, _("Enintään %(limit)s merkkiä.") % {"limit": limit})
    return value


def _municipality(code, errors: Errors, name: str = "municipality") -> Municipality | None:
    if isinstance(code, Municipality):
        return code
    found = Municipality.objects.select_related("area").filter(code=str(code or "").strip()).first()
    if found is None:
        errors.add(name, _("Tuntematon kuntanumero."))
    return found


# --- Employers --------------------------------------------------------------------------------------------------------


def _contacts(given, errors: Errors) -> list[dict]:
    cleaned = []
    for number, contact in enumerate(given or (), start=1):
        row = {field: str(contact.get(field) or "").strip() for field in CONTACT_FIELDS}
        problems = []
        if not row["name"]:
            problems.append(_("nimi puuttuu"))
        problems += [
            _("%(field)s on liian pitkä") % {"field": field}
            for field, limit in CONTACT_LIMITS.items()
            if len(row[field]) > limit
        ]
        if row["email"]:
            try:
                validate_email(row["email"])
            except ValidationError:
                problems.append(_("sähköpostiosoite ei kelpaa"))
        for problem in problems:
            errors.add("contacts", _("Yhteyshenkilö %(number)s: %(problem)s.") % {"number": number, "problem": problem})
        cleaned.append(row)
    return cleaned


def _clean_employer(data: dict, errors: Errors, *, current: Employer | None = None) -> dict:
    cleaned = {"name": _text(data, "name", MAX_TITLE, errors, required=True)}
    cleaned["business_id"] = normalised_business_id(str(data.get("business_id") or "").strip(), errors)
    cleaned["municipality"] = _municipality(data.get("municipality"), errors)
    industry = str(data.get("industry") or "").strip().upper()
    if industry and industry not in industries.industries():
        errors.add("industry", _("Toimialan on oltava TOL 2008:n pääluokka A–U."))
    cleaned["industry"] = industry
    if cleaned["municipality"] is not None and "business_id" not in errors:
        same = Employer.objects.filter(area=cleaned["municipality"].area, business_id=cleaned["business_id"])
        if current is not None:
            same = same.exclude(pk=current.pk)
        if same.exists():
            errors.add("business_id", _("Alueella on jo työnantaja tällä Y-tunnuksella."))
    return cleaned


def employer_to_create(data: dict, errors: Errors) -> Employer:
    """An unsaved employer from the data, with any problem on `errors` (for the vacancy import's new employers)."""
    cleaned = _clean_employer(data, errors)
    municipality = cleaned["municipality"]
    return Employer(area=municipality.area if municipality else None, **cleaned)


@transaction.atomic
def create_employer(*, by, contacts=(), **data) -> Employer:
    errors = Errors()
    employer = employer_to_create(data, errors)
    cleaned_contacts = _contacts(contacts, errors)
    errors.raise_if_any()
    employer.created_by = by
    employer.save()
    ContactPerson.objects.bulk_create(ContactPerson(employer=employer, **row) for row in cleaned_contacts)
    return employer


@transaction.atomic
def update_employer(employer: Employer, data: dict, *, by, contacts=None) -> Employer:
    """Changes the given fields; `contacts`, when given, replaces the employer's contact persons."""
    employer = Employer.objects.select_for_update().get(pk=employer.pk)
    merged = {
        "name": employer.name,
        "business_id": employer.business_id,
        "municipality": employer.municipality,
        "industry": employer.industry,
        **data,
    }
    errors = Errors()
    cleaned = _clean_employer(merged, errors, current=employer)
    cleaned_contacts = None if contacts is None else _contacts(contacts, errors)
    errors.raise_if_any()
    for name, value in cleaned.items():
        setattr(employer, name, value)
    employer.area = cleaned["municipality"].area
    employer.save()
    if cleaned_contacts is not None:
        # Contacts are few and have no history of their own; the audit log keeps what was removed.
        for contact in employer.contacts.all():
            contact.delete()
        for row in cleaned_contacts:
            ContactPerson.objects.create(employer=employer, **row)
    return employer


# --- Vacancies --------------------------------------------------------------------------------------------------------


def _outside_place(value, area_id, errors: Errors) -> tuple[str, str]:
    """(code, name) of the workplace outside the area, given by code or by name; ("", "") when not given."""
    given = str(value or "").strip()
    if not given:
        return "", ""
    centres = distance_store.neighbouring_centres(area_id)
    by_name = {fold(name): code for code, name in centres.items()}
    code = given if given in centres else by_name.get(fold(given))
    if code is not None:
        return code, centres[code]
    # Names are compared folded, as the centres' are: "Ristijarvi" or Swedish "Kajana" is an area municipality too.
    own = Municipality.objects.filter(area_id=area_id).values_list("code", "name_fi", "name_sv")
    if any(given == code or fold(given) in (fold(fi), fold(sv)) for code, fi, sv in own):
        errors.add(
            "workplace_outside_area",
            _("%(place)s on alueen kunta: valitse se työpaikan kunnaksi ja jätä tämä tyhjäksi.") % {"place": given},
        )
    else:
        known = ", ".join(f"{name} ({code})" for code, name in sorted(centres.items(), key=lambda item: item[1]))
        errors.add(
            "workplace_outside_area",
            _("Tuntematon naapurialueen keskus %(place)s. Tunnetut: %(known)s.")
            % {"place": given, "known": known or _("ei yhtään (tieetäisyyksiä ei ole ladattu)")},
        )
    return "", ""


def _codes(data: dict, name: str, errors: Errors) -> list[str]:
    choices = CODE_LISTS[name]
    given = data.get(name) or []
    if isinstance(given, str) or not isinstance(given, list | tuple | set | frozenset):
        errors.add(name, _("Anna luettelo koodeja."))
        return []
    values = [str(value).strip() for value in given]
    unknown = sorted({value for value in values if value not in choices.values})
    if unknown:
        errors.add(
            name,
            _("Tuntematon koodi: %(codes)s. Sallitut: %(known)s.")
            % {"codes": ", ".join(unknown), "known": ", ".join(choices.values)},
        )
    return [value for value in choices.values if value in values]


def _occupation(code, errors: Errors) -> str:
    code = str(code or "").strip()
    if not code:
        errors.add("occupation", _("Pakollinen tieto."))
    elif not (len(code) == 4 and code.isdigit()):
        errors.add("occupation", _("Anna ISCO-08-ammattiryhmän nelinumeroinen koodi, esim. 3221."))
    elif not Occupation.objects.filter(code=code, level=4).exists():
        errors.add("occupation", _("Ammattiluokituksessa ei ole ammattiryhmää %(code)s.") % {"code": code})
    return code


def _choice(data: dict, name: str, choices, errors: Errors) -> str:
    value = str(data.get(name) or "").strip()
    if value not in choices.values:
        errors.add(name, _("Valitse jokin: %(known)s.") % {"known": ", ".join(choices.values)})
    return value


def _date(data: dict, name: str, errors: Errors) -> date | None:
    value = data.get(name)
    if value is not None and not isinstance(value, date):
        errors.add(name, _("Anna päivämäärä."))
        return None
    return value


def _clean_vacancy(data: dict, errors: Errors, *, current: Vacancy | None = None) -> dict:
    cleaned = {
        "title": _text(data, "title", MAX_TITLE, errors, required=True),
        "description": _text(data, "description", MAX_DESCRIPTION, errors),
        "workplace_address": _text(data, "workplace_address", MAX_ADDRESS, errors),
        "occupation": _occupation(data.get("occupation"), errors),
        "working_time": _choice(data, "working_time", enums.WorkingTime, errors),
        "employment_type": _choice(data, "employment_type", enums.EmploymentType, errors),
        "start_date": _date(data, "start_date", errors),
        "application_deadline": _date(data, "application_deadline", errors),
        "remote_possible": bool(data.get("remote_possible")),
        "international_recruitment": bool(data.get("international_recruitment")),
        "source": _choice(data, "source", enums.Source, errors),
        "external_id": _text(data, "external_id", MAX_EXTERNAL_ID, errors),
    }
    for name in CODE_LISTS:
        cleaned[name] = _codes(data, name, errors)
    both = set(cleaned["required_languages"]) & set(cleaned["wished_languages"])
    if both:
        errors.add("wished_languages", _("Kieli on jo vaadittu: %(codes)s.") % {"codes": ", ".join(sorted(both))})
    positions = data.get("positions")
    if not isinstance(positions, int) or isinstance(positions, bool) or not 1 <= positions <= MAX_POSITIONS:
        errors.add("positions", _("Paikkoja on oltava 1–%(max)s.") % {"max": MAX_POSITIONS})
    cleaned["positions"] = positions
    employer = data.get("employer")
    if not isinstance(employer, Employer):
        errors.add("employer", _("Pakollinen tieto."))
    cleaned["employer"] = employer
    municipality = _municipality(data.get("municipality"), errors)
    if municipality is not None and isinstance(employer, Employer) and municipality.area_id != employer.area_id:
        errors.add("municipality", _("Työpaikan kunnan on oltava työnantajan alueella."))
    cleaned["municipality"] = municipality
    area_id = employer.area_id if isinstance(employer, Employer) else getattr(municipality, "area_id", None)
    cleaned["workplace_outside_area"], cleaned["workplace_outside_area_name"] = _outside_place(
        data.get("workplace_outside_area"), area_id, errors
    )
    start, deadline = cleaned["start_date"], cleaned["application_deadline"]
    if start and deadline and deadline > start:
        errors.add("application_deadline", _("Hakuaika ei voi päättyä työn alkamisen jälkeen."))
    if cleaned["source"] != enums.Source.MANUAL and not cleaned["external_id"]:
        errors.add("external_id", _("Tuodulla työpaikalla on oltava lähteen tunniste."))
    if cleaned["external_id"] and "source" not in errors:
        same = Vacancy.objects.filter(source=cleaned["source"], external_id=cleaned["external_id"])
        if current is not None and current.pk is not None:
            same = same.exclude(pk=current.pk)
        if same.exists():
            errors.add("external_id", _("Lähteellä on jo työpaikka tällä tunnisteella."))
    return cleaned


def _status_change(current: enums.VacancyStatus, wanted, errors: Errors) -> enums.VacancyStatus:
    if wanted in (None, "", current):
        return current
    if wanted not in enums.VacancyStatus.values:
        errors.add("status", _("Tuntematon tila."))
        return current
    if not current.can_become(wanted):
        errors.add(
            "status",
            _("Tilasta %(old)s ei voi siirtyä tilaan %(new)s.")
            % {"old": current.label, "new": enums.VacancyStatus(wanted).label},
        )
        return current
    return enums.VacancyStatus(wanted)


def vacancy_to_save(data: dict, errors: Errors, *, current: Vacancy | None = None) -> Vacancy:
    """The vacancy as it would be after the change (a new one when `current` is None), unsaved, with every problem on
    `errors`. Shared by the pages, the API and the import, so the three refuse the same input the same way."""
    if current is None:
        merged = {**VACANCY_DEFAULTS, **data}
        status = merged.pop("status", None) or enums.VacancyStatus.OPEN
        if status not in enums.INITIAL_STATUSES:
            errors.add("status", _("Uusi työpaikka on luonnos tai avoin."))
            status = enums.VacancyStatus.OPEN
        vacancy = Vacancy(status=status)
    else:
        if not current.status_enum.is_editable:
            errors.add("status", _("Täytettyä tai peruttua työpaikkaa ei voi muuttaa."))
        merged = {
            **{name: getattr(current, name) for name in VACANCY_DEFAULTS if name not in ("employer", "municipality")},
            "employer": current.employer,
            "municipality": current.municipality,
            **data,
        }
        vacancy = current
        new_status = _status_change(current.status_enum, merged.pop("status", None), errors)
        if new_status != current.status:
            vacancy.status = new_status
            vacancy.status_changed_at = timezone.now()
    for name, value in _clean_vacancy(merged, errors, current=current).items():
        setattr(vacancy, name, value)
    return vacancy


@transaction.atomic
def create_vacancy(data: dict, *, by) -> Vacancy:
    errors = Errors()
    vacancy = vacancy_to_save(data, errors)
    errors.raise_if_any()
    vacancy.created_by = by
    vacancy.status_changed_at = timezone.now()
    vacancy.save()
    return vacancy


@transaction.atomic
def update_vacancy(vacancy: Vacancy, data: dict, *, by) -> Vacancy:
    """Changes the given fields, `status` included (by an allowed transition); `by` is recorded by the audit log."""
    current = Vacancy.objects.select_for_update().select_related("employer", "municipality").get(pk=vacancy.pk)
    errors = Errors()
    changed = vacancy_to_save(data, errors, current=current)
    errors.raise_if_any()
    changed.save()
    return changed


@transaction.atomic
def change_status(vacancy: Vacancy, status: str, *, by) -> Vacancy:
    """Publish, fill, close, cancel or reopen, as enums.VacancyStatus allows from the current state."""
    current = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    errors = Errors()
    if status in (None, "", current.status):
        errors.add("status", _("Työpaikka on jo tässä tilassa."))
    new_status = _status_change(current.status_enum, status, errors)
    errors.raise_if_any()
    current.status = new_status
    current.status_changed_at = timezone.now()
    current.save(update_fields=["status", "status_changed_at", "updated_at"])
    return current
