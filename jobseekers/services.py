"""Writes to the job-seeker registry: registration (and the re-registration that reopens an ended job search),
routing, responsible counsellors, the change history. Editing and ending a job search: jobseekers/changes.py.

Every function takes plain arguments and runs in a transaction. Validation lives here once, for the form, the live
check and the API alike: bad input raises a `ValidationError` keyed by field name (the API's names), with a Finnish
message that names the field and the reason – and, for the identity code, never the code.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from accounts.models import User
from common.errors import Errors
from employers import enums as employer_enums
from jobseekers import enums, hetu_store, languages, lifecycle, organisation_adapter, selectors
from jobseekers.models import CounsellorAssignment, Jobseeker, JobseekerChange
from jobseekers.registration import FIELDS, MAX_COMMUTE_KM, OPTIONAL_DEFAULTS, REQUIRED, TEXT_LIMITS

# The registration's fields whose changes the record's history keeps; the identity code never changes, and the job
# search's own dates change only with the kinds of change that record them (ending, reopening).
TRACKED = tuple(
    f.name for f in FIELDS if f.name not in {"hetu", "job_search_started_on", "previous_job_search_ended_on"}
)
DUPLICATE_MESSAGE = "henkilötunnus: henkilö on jo rekisteröity työllisyysalueelle"
ISCO_CODE = re.compile(r"^[0-9]{4,5}$", re.ASCII)
PHONE = re.compile(r"^\+?[0-9 ()-]{5,30}$", re.ASCII)
POSTAL_CODE = re.compile(r"^[0-9]{5}$", re.ASCII)


@dataclass
class Registration:
    """A validated registration: every value typed and checked, the identity code parsed; `reopens` is the person's
    record when their earlier job search has ended (a re-registration continues that record)."""

    parsed_hetu: object = field(repr=False)
    values: dict
    reopens: Jobseeker | None = field(default=None, repr=False)


@sensitive_variables("data", "parsed")
def clean_registration(
    data: dict,
    *,
    organisation: organisation_adapter.Organisation,
    today: date | None = None,
    allow_temporary: bool | None = None,
    partial: bool = False,
) -> Registration:
    """Check a registration; `partial` (the live check) skips fields not filled in yet instead of missing them."""
    today = today or timezone.localdate()
    errors = Errors()
    values = {**OPTIONAL_DEFAULTS, **{k: v for k, v in data.items() if k in OPTIONAL_DEFAULTS and v is not None}}

    def given(name):
        value = data.get(name)
        if value in (None, "", [], ()):
            if not partial and name in REQUIRED:
                errors.add(name, _("Pakollinen tieto puuttuu."))
            return None
        return value.strip() if isinstance(value, str) else value

    parsed = None
    code = given("hetu")
    if code is not None:
        try:
            parsed = hetu_store.validate(code, today=today, allow_temporary=allow_temporary)
        except ValidationError as error:
            errors.add("hetu", error.messages[0])

    for name, limit in TEXT_LIMITS.items():
        value = given(name)
        if value is not None:
            if len(value) > limit:
                errors.add(name, _("Enintään %(limit)s merkkiä.") % {"limit": limit})
            values[name] = value

    municipality = given("municipality")
    if municipality is not None:
        if municipality not in organisation.municipality_ids:
            errors.add("municipality", _("Kunta %(code)s ei kuulu työllisyysalueeseen.") % {"code": municipality})
        values["municipality"] = municipality

    for name in ("service_language", "preferred_language"):
        value = given(name)
        if value is not None:
            value = languages.normalise_language(value)
            if not languages.is_language(value):
                errors.add(name, _("Kielikoodi ei ole ISO 639-1 -koodi (esim. fi, sv, en, ru)."))
            values[name] = value
    if not values.get("preferred_language"):
        values["preferred_language"] = values.get("service_language", "fi")

    citizenship = (given("citizenship") or "FI").upper()
    if not languages.is_country(citizenship):
        errors.add("citizenship", _("Maakoodi ei ole ISO 3166-1 -koodi (esim. FI, SE, UA)."))
    values["citizenship"] = citizenship

    status = given("status")
    if status is not None:
        if status not in enums.JobseekerStatus.values:
            errors.add(
                "status", _("Tuntematon tila. Sallitut: %(values)s.") % {"values": _choices(enums.JobseekerStatus)}
            )
        values["status"] = status

    birth_date = parsed.birth_date if parsed else None
    for name in ("job_search_started_on", "unemployed_since", "previous_job_search_ended_on"):
        day = given(name)
        if day is None:
            continue
        if not isinstance(day, date):
            errors.add(name, _("Päivämäärä on virheellinen."))
            continue
        if day > today:
            errors.add(name, _("Päivämäärä ei voi olla tulevaisuudessa."))
        elif birth_date and day < birth_date:
            errors.add(name, _("Päivämäärä on ennen syntymäaikaa."))
        values[name] = day
    previous_end, started = values.get("previous_job_search_ended_on"), values.get("job_search_started_on")
    if previous_end and started and previous_end > started and "previous_job_search_ended_on" not in errors:
        errors.add(
            "previous_job_search_ended_on", _("Edellinen työnhaku ei voi päättyä uuden työnhaun alkamisen jälkeen.")
        )
    if values.get("status") in enums.UNEMPLOYED_STATUSES:
        values["unemployed_since"] = values.get("unemployed_since") or values.get("job_search_started_on")
    else:
        values["unemployed_since"] = None

    channel = given("preferred_channel")
    values["preferred_channel"] = channel or enums.Channel.ONLINE
    if channel is not None and channel not in enums.Channel.values:
        errors.add(
            "preferred_channel",
            _("Tuntematon yhteydenpitotapa. Sallitut: %(values)s.") % {"values": _choices(enums.Channel)},
        )
    education = given("education_level")
    values["education_level"] = education or enums.EducationLevel.UNKNOWN
    if education is not None and education not in enums.EducationLevel.values:
        errors.add(
            "education_level",
            _("Tuntematon koulutusaste. Sallitut: %(values)s.") % {"values": _choices(enums.EducationLevel)},
        )

    email = given("email")
    values["email"] = email or ""
    if email is not None:
        try:
            EmailValidator()(email)
        except ValidationError:
            errors.add("email", _("Sähköpostiosoite on virheellinen."))
    phone = given("phone")
    values["phone"] = phone or ""
    if phone is not None and not PHONE.fullmatch(phone):
        errors.add("phone", _("Puhelinnumerossa saa olla vain numeroita, välilyöntejä ja merkit + ( ) -."))
    postal_code = given("postal_code")
    values["postal_code"] = postal_code or ""
    if postal_code is not None and not POSTAL_CODE.fullmatch(postal_code):
        errors.add("postal_code", _("Postinumerossa on viisi numeroa."))

    occupations = _as_list(given("occupations"))
    bad = [code for code in occupations if not ISCO_CODE.fullmatch(code)]
    if bad:
        errors.add(
            "occupations", _("Ammattikoodit ovat ISCO-08-koodeja (4 numeroa): %(codes)s.") % {"codes": ", ".join(bad)}
        )
    values["occupations"] = sorted(set(occupations))
    licences = [code.upper() for code in _as_list(given("driving_licences"))]
    unknown = [code for code in licences if code not in enums.DrivingLicence.values]
    if unknown:
        errors.add("driving_licences", _("Tuntematon ajokorttiluokka: %(codes)s.") % {"codes": ", ".join(unknown)})
    values["driving_licences"] = [c for c in enums.DrivingLicence.values if c in licences]
    for name, choices, message in (
        ("languages", employer_enums.Language, _("Tuntematon kielikoodi: %(codes)s. Sallitut: %(values)s.")),
        ("cards", employer_enums.Card, _("Tuntematon kortti: %(codes)s. Sallitut: %(values)s.")),
    ):
        codes = [code.lower() for code in _as_list(given(name))]
        unknown = [code for code in codes if code not in choices.values]
        if unknown:
            errors.add(name, message % {"codes": ", ".join(unknown), "values": _choices(choices)})
        values[name] = [code for code in choices.values if code in codes]

    commute = given("max_commute_km")
    values["max_commute_km"] = commute
    if commute is not None and (not isinstance(commute, int) or not 0 <= commute <= MAX_COMMUTE_KM):
        errors.add("max_commute_km", _("Työmatka on 0–%(max)s km.") % {"max": MAX_COMMUTE_KM})
    for name in ("reduced_work_ability", "multisectoral", "willing_to_relocate"):
        values[name] = bool(data.get(name, False))

    reopens = None
    if parsed is not None and not errors.get("hetu"):
        reopens = Jobseeker.objects.filter(
            area=organisation.area, hetu_hash=hetu_store.lookup_hash(parsed.code)
        ).first()
        if reopens is not None and not reopens.job_search_ended:
            errors.add("hetu", DUPLICATE_MESSAGE)
        elif (
            reopens is not None
            and started
            and not errors.get("job_search_started_on")
            and lifecycle.restart_problem(previous_ended_on=reopens.job_search_ended_on, restarts_on=started)
        ):
            # No date in the message: the registering user may not be one who may read the earlier record.
            errors.add(
                "job_search_started_on", _("Uusi työnhaku ei voi alkaa ennen kuin henkilön edellinen työnhaku päättyi.")
            )

    errors.raise_if_any()
    return Registration(parsed_hetu=parsed, values=values, reopens=reopens)


def _choices(choices) -> str:
    return ", ".join(choices.values)


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = re.split(r"[,\s]+", value)
    return [str(item).strip() for item in value if str(item).strip()]


def route_fields(
    organisation: organisation_adapter.Organisation,
    *,
    municipality_code: str,
    service_language: str,
    birth_date: date,
    multisectoral: bool,
    on: date,
) -> dict:
    decision = organisation.route(
        municipality_code=municipality_code,
        service_language=service_language,
        birth_date=birth_date,
        multisectoral=multisectoral,
        on=on,
    )
    return {**organisation.routing_fields(decision), "routed_on": on}


@sensitive_variables("data", "registration")
def register_jobseeker(
    data: dict,
    *,
    registered_by: User | None = None,
    organisation: organisation_adapter.Organisation | None = None,
    today: date | None = None,
    allow_temporary: bool | None = None,
) -> Jobseeker:
    """Register one job seeker, route them, and make the registering counsellor responsible when they serve the pool."""
    organisation = organisation or organisation_adapter.build()
    today = today or timezone.localdate()
    registration = clean_registration(data, organisation=organisation, today=today, allow_temporary=allow_temporary)
    values = dict(registration.values)
    municipality_code = values.pop("municipality")
    routing = route_fields(
        organisation,
        municipality_code=municipality_code,
        service_language=values["service_language"],
        birth_date=registration.parsed_hetu.birth_date,
        multisectoral=values["multisectoral"],
        on=today,
    )
    values["municipality_id"] = organisation.municipality_ids[municipality_code]
    if registration.reopens is not None:
        return _reopen(registration.reopens, values, routing, registered_by)
    jobseeker = Jobseeker(area=organisation.area, **values, **routing)
    jobseeker.set_hetu(registration.parsed_hetu)
    try:
        with transaction.atomic():
            jobseeker.save()
            if selectors.may_take(registered_by, jobseeker, enums.CounsellorPurpose.REGISTRATION):
                _set_counsellor(jobseeker, registered_by, enums.AssignmentReason.REGISTRATION, "", registered_by)
    except IntegrityError as error:
        if "hetu" in str(error).lower():
            raise ValidationError({"hetu": [DUPLICATE_MESSAGE]}) from None
        raise
    return jobseeker


@transaction.atomic
def _reopen(record: Jobseeker, values: dict, routing: dict, registered_by: User | None) -> Jobseeker:
    """Continue an ended job search's record with the new registration's values; the end date of the earlier search
    becomes `previous_job_search_ended_on` (the "new initial interview" rule reads it)."""
    jobseeker = Jobseeker.objects.select_for_update(of=("self",)).get(pk=record.pk)
    if not jobseeker.job_search_ended:
        # Reopened by someone else since the check: now it is a duplicate.
        raise ValidationError({"hetu": [DUPLICATE_MESSAGE]})
    ended_on = jobseeker.job_search_ended_on
    given = values.get("previous_job_search_ended_on")
    values["previous_job_search_ended_on"] = max(given, ended_on) if given else ended_on
    before, old_pool = tracked_values(jobseeker), jobseeker.pool
    for name, value in {**values, **routing}.items():
        setattr(jobseeker, name, value)
    jobseeker.job_search_ended_on = None
    jobseeker.job_search_end_reason = ""
    jobseeker.save()
    started = jobseeker.job_search_started_on
    record_change(
        jobseeker,
        kind=enums.ChangeKind.JOB_SEARCH_REOPENED,
        field="job_search_started_on",
        old=ended_on,
        new=started,
        effective_on=started,
        by=registered_by,
    )
    for name, (old, new) in lifecycle.changed(before, tracked_values(jobseeker)).items():
        record_change(jobseeker, kind=enums.ChangeKind.FIELD, field=name, old=old, new=new, effective_on=started,
                      by=registered_by)  # fmt: skip
    if jobseeker.pool != old_pool:
        record_change(jobseeker, kind=enums.ChangeKind.ROUTING, field="pool", old=old_pool, new=jobseeker.pool,
                      effective_on=started, by=registered_by)  # fmt: skip
    if selectors.may_take(registered_by, jobseeker, enums.CounsellorPurpose.REGISTRATION):
        _set_counsellor(jobseeker, registered_by, enums.AssignmentReason.REGISTRATION, "", registered_by)
    return jobseeker


def tracked_values(jobseeker: Jobseeker) -> dict:
    """The values of TRACKED as the history stores them (the home municipality by its code)."""
    return {
        name: jobseeker.municipality.code if name == "municipality" else as_json(getattr(jobseeker, name))
        for name in TRACKED
    }


def as_json(value):
    """A field's value as the change history stores it: dates as ISO text, everything else as it is."""
    return value.isoformat() if isinstance(value, date) else value


def record_change(
    jobseeker: Jobseeker, *, kind: str, field: str, old, new, effective_on: date, by: User | None, reason: str = ""
) -> JobseekerChange:
    return JobseekerChange.objects.create(
        jobseeker=jobseeker,
        kind=kind,
        field=field,
        old_value=as_json(old),
        new_value=as_json(new),
        effective_on=effective_on,
        reason=reason,
        changed_by=by,
    )


def end_counsellor(jobseeker: Jobseeker, now=None) -> None:
    """End the current responsible-counsellor period, if any (the caller saves `responsible_counsellor`)."""
    CounsellorAssignment.objects.filter(jobseeker=jobseeker, ended_at__isnull=True).update(
        ended_at=now or timezone.now()
    )
    jobseeker.responsible_counsellor = None


def _set_counsellor(jobseeker: Jobseeker, counsellor: User, reason: str, note: str, by: User | None, now=None):
    now = now or timezone.now()
    end_counsellor(jobseeker, now)
    assignment = CounsellorAssignment.objects.create(
        jobseeker=jobseeker, counsellor=counsellor, started_at=now, reason=reason, note=note, assigned_by=by
    )
    jobseeker.responsible_counsellor = counsellor
    jobseeker.save(update_fields=["responsible_counsellor", "updated_at"])
    return assignment


class Conflict(ValidationError):
    """Someone else changed the same thing first; the caller shows the new state and lets the user decide again."""


_AS_LOADED = object()


@transaction.atomic
def reassign(
    *, jobseeker: Jobseeker, counsellor: User, note: str, by: User, seen_counsellor_id=_AS_LOADED
) -> CounsellorAssignment:
    """A supervisor's manual change of the responsible counsellor; the reason is required and kept in the history.

    `seen_counsellor_id` is the responsible counsellor the supervisor saw when choosing (by default the one on the
    `jobseeker` instance). If another change was saved in between, nothing is written and Conflict says who the
    counsellor is now: of two supervisors reassigning the same person at once, exactly one succeeds.
    """
    if seen_counsellor_id is _AS_LOADED:
        seen_counsellor_id = jobseeker.responsible_counsellor_id
    errors = Errors()
    note = (note or "").strip()
    if len(note) < 5:
        errors.add("note", _("Kirjoita siirron peruste (vähintään 5 merkkiä)."))
    if not selectors.may_take(counsellor, jobseeker, enums.CounsellorPurpose.REASSIGNMENT):
        errors.add("counsellor", _("Valittu henkilö ei ole palvelevan kunnan aktiivinen työllisyysohjaaja."))
    elif counsellor.pk == seen_counsellor_id:
        # Against what the supervisor saw: a change by someone else meanwhile is the conflict below, said as such.
        errors.add("counsellor", _("Valittu ohjaaja on jo asiakkaan vastuuohjaaja."))
    errors.raise_if_any()
    locked = Jobseeker.objects.select_for_update(of=("self",)).select_related("responsible_counsellor")
    jobseeker = locked.get(pk=jobseeker.pk)
    if jobseeker.job_search_ended:
        # An ended job search has no responsible counsellor until the person registers again.
        raise ValidationError({"jobseeker": [_("Asiakkaan työnhaku on päättynyt: vastuuohjaajaa ei voi vaihtaa.")]})
    if jobseeker.responsible_counsellor_id != seen_counsellor_id:
        current = jobseeker.responsible_counsellor
        now = str(current) if current else _("ei vastuuohjaajaa")
        raise Conflict(
            _("Toinen käyttäjä vaihtoi juuri asiakkaan vastuuohjaajan (nyt: %(name)s). Tarkista ja valitse uudelleen.")
            % {"name": now},
            code="conflict",
        )
    return _set_counsellor(jobseeker, counsellor, enums.AssignmentReason.MANUAL, note, by)


@transaction.atomic
def reassign_many(
    *,
    jobseekers: list[Jobseeker],
    counsellor: User | None,
    note: str,
    by: User,
    seen_counsellor_ids: Mapping[int, int | None],
) -> int:
    """A supervisor's balancing: `reassign` for each job seeker, all or nothing; every refusal is named by person.

    `seen_counsellor_ids` maps each job seeker's id to the responsible counsellor the page showed (None: none), so a
    person reassigned by someone else meanwhile is a conflict named in the errors and nobody is moved.
    """
    errors = Errors()
    if not jobseekers:
        errors.add("jobseekers", _("Valitse vähintään yksi asiakas."))
    if counsellor is None:
        errors.add("counsellor", _("Valitse uusi vastuuohjaaja."))
    errors.raise_if_any()
    for jobseeker in jobseekers:
        try:
            with transaction.atomic():
                reassign(
                    jobseeker=jobseeker,
                    counsellor=counsellor,
                    note=note,
                    by=by,
                    seen_counsellor_id=seen_counsellor_ids[jobseeker.pk],
                )
        except ValidationError as error:
            # A Conflict (someone else reassigned the person first) carries no field: it is about the person.
            by_field = error.message_dict if hasattr(error, "error_dict") else {"jobseekers": error.messages}
            for name, messages in by_field.items():
                for message in messages:
                    if name == "note":
                        if message not in errors.get("note", []):
                            errors.add("note", message)
                    else:
                        errors.add("jobseekers", f"{jobseeker}: {message}")
    errors.raise_if_any()
    return len(jobseekers)
