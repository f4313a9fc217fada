"""Changing a registered job seeker: editing the record (a status change with the day it took effect), and ending the
job search. Every change is kept in the record's history (JobseekerChange); a re-registration that reopens an ended
job search is registration's part (services.register_jobseeker).

The fields and their checks are the registration's (registration.FIELDS, services.clean_registration): an edit is a
partial registration of the fields it names. A change of home municipality, service language or multisectoral service
routes the person again; when that moves them to another pool and their responsible counsellor does not serve it,
the batch assignment's rule (batch.assign_unassigned) gives them one of the new pool's counsellors.

Locks, in this order: the batch assignment's lock when the change may route the person again (the batch takes it
before the job seekers' rows), then the job seeker's row, as services.reassign takes it.
"""

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from accounts.models import User
from common.errors import Errors
from common.formatting import local_date
from common.locks import serialize_on
from jobseekers import batch, enums, lifecycle, organisation_adapter, selectors, services, signals
from jobseekers.models import Jobseeker, JobseekerChange
from jobseekers.registration import REQUIRED

# What an edit may change: the tracked registration fields except the start of unemployment, which follows the status.
EDITABLE = tuple(name for name in services.TRACKED if name != "unemployed_since")
ROUTING_INPUTS = frozenset({"municipality", "service_language", "multisectoral"})
# Given with the fields: the day a status change took effect (default today), and why the record was changed.
STATUS_EFFECTIVE_ON = "status_effective_on"
REASON = "reason"
MAX_REASON = 2000

PROBLEMS = {
    lifecycle.Problem.MISSING: gettext_lazy("Pakollinen tieto puuttuu."),
    lifecycle.Problem.IN_FUTURE: gettext_lazy("Päivämäärä ei voi olla tulevaisuudessa."),
    lifecycle.Problem.BEFORE_START: gettext_lazy("Päivämäärä on ennen työnhaun alkamista (%(date)s)."),
    lifecycle.Problem.BEFORE_PREVIOUS_CHANGE: gettext_lazy(
        "Päivämäärä on ennen edellistä tilan muutosta (%(date)s); kirjaa muutokset aikajärjestyksessä."
    ),
    lifecycle.Problem.ALREADY_ENDED: gettext_lazy("Työnhaku on jo päättynyt %(date)s."),
}


def _problem_text(problem: lifecycle.Problem, day: date | None) -> str:
    return str(PROBLEMS[problem]) % {"date": local_date(day) if day else ""}


@dataclass
class RouteChange:
    """The person moved to another pool: from where to where, and who is responsible now."""

    old_pool: str
    new_pool: str
    old_counsellor: User | None
    new_counsellor: User | None
    names: dict = field(default_factory=dict, repr=False)

    @property
    def message(self) -> str:
        text = _("Asiakas siirtyi ohjaajaryhmästä %(old)s ohjaajaryhmään %(new)s.") % {
            "old": self.names.get(self.old_pool, self.old_pool),
            "new": self.names.get(self.new_pool, self.new_pool),
        }
        if self.new_counsellor is None:
            return text + " " + _("Uudessa ohjaajaryhmässä ei ole ohjaajaa: asiakas jäi ilman vastuuohjaajaa.")
        if self.old_counsellor is not None and self.new_counsellor.pk == self.old_counsellor.pk:
            return text + " " + _("Vastuuohjaaja pysyi: %(name)s.") % {"name": self.new_counsellor}
        return text + " " + _("Uusi vastuuohjaaja: %(name)s.") % {"name": self.new_counsellor}


@dataclass
class ChangeResult:
    jobseeker: Jobseeker
    changes: list[JobseekerChange]
    route_change: RouteChange | None = None


class Conflict(services.Conflict):
    """The record was saved by someone else after the form was opened."""


def version(jobseeker: Jobseeker) -> str:
    """The record's version as a form carries it: the time of its last save."""
    return jobseeker.updated_at.isoformat()


def _locked(jobseeker: Jobseeker) -> Jobseeker:
    return (
        Jobseeker.objects.select_for_update(of=("self",))
        .select_related("municipality", "responsible_counsellor")
        .get(pk=jobseeker.pk)
    )


def _latest_status_change_on(jobseeker: Jobseeker) -> date | None:
    return (
        JobseekerChange.objects.filter(jobseeker=jobseeker, kind=enums.ChangeKind.STATUS)
        .order_by("-effective_on")
        .values_list("effective_on", flat=True)
        .first()
    )


def _check_version(jobseeker: Jobseeker, seen_version: str) -> None:
    if seen_version and version(jobseeker) != seen_version:
        raise Conflict(
            _("Toinen käyttäjä muutti juuri asiakkaan tietoja. Tarkista tiedot ja tallenna uudelleen."), code="conflict"
        )


def _clean_fields(jobseeker: Jobseeker, data: dict, organisation, today: date, errors: Errors) -> dict:
    """The given editable fields checked by the registration's rules, as the history stores them.

    One field at a time, so that the valid ones keep their values and the rest of the checks still run: the user sees
    every problem at once.
    """
    for name in data:
        if name not in EDITABLE and name not in (STATUS_EFFECTIVE_ON, REASON):
            errors.add(name, _("Tätä tietoa ei voi muuttaa."))
    values = {}
    for name, value in data.items():
        if name not in EDITABLE:
            continue
        if name in REQUIRED and value in (None, "", [], ()):
            errors.add(name, _("Pakollinen tieto puuttuu."))
            continue
        if name == "preferred_language" and not value:
            # Empty means the service language, as at registration.
            value = data.get("service_language") or jobseeker.service_language
        try:
            cleaned = services.clean_registration({name: value}, organisation=organisation, today=today, partial=True)
        except ValidationError as error:
            for field_name, messages in error.message_dict.items():
                for message in messages:
                    errors.add(field_name, message)
            continue
        values[name] = services.as_json(cleaned.values[name])
    return values


@transaction.atomic
def update_jobseeker(
    jobseeker: Jobseeker,
    data: dict,
    *,
    by: User,
    organisation: organisation_adapter.Organisation | None = None,
    today: date | None = None,
    seen_version: str = "",
) -> ChangeResult:
    """Change the given fields of a job seeker's record (API names, as in registration.FIELDS).

    A status change takes effect on `status_effective_on` (today when not given); `reason` is kept with every row of
    the history. `seen_version` is the record's `version` when the form was opened: a save by someone else in between
    is a Conflict, not silently overwritten. Nothing changed: nothing is written.
    """
    organisation = organisation or organisation_adapter.build()
    today = today or timezone.localdate()
    if ROUTING_INPUTS & set(data):
        serialize_on(batch.ASSIGNMENT_LOCK)
    jobseeker = _locked(jobseeker)
    errors = Errors()
    if jobseeker.job_search_ended:
        errors.add(
            "job_search_ended_on",
            _("Työnhaku päättyi %(date)s: tiedot päivitetään, kun henkilö rekisteröityy uudelleen.")
            % {"date": local_date(jobseeker.job_search_ended_on)},
        )
        errors.raise_if_any()
    _check_version(jobseeker, seen_version)
    reason = (data.get(REASON) or "").strip()
    if len(reason) > MAX_REASON:
        errors.add(REASON, _("Enintään %(limit)s merkkiä.") % {"limit": MAX_REASON})
    before = services.tracked_values(jobseeker)
    changed = lifecycle.changed(before, _clean_fields(jobseeker, data, organisation, today, errors))

    effective_on = today
    if "status" in changed and "status" not in errors:
        effective_on = data.get(STATUS_EFFECTIVE_ON) or today
        if not isinstance(effective_on, date):
            errors.add(STATUS_EFFECTIVE_ON, _("Päivämäärä on virheellinen."))
        else:
            latest = _latest_status_change_on(jobseeker)
            problem = lifecycle.status_change_problem(
                effective_on=effective_on,
                started_on=jobseeker.job_search_started_on,
                latest_change_on=latest,
                today=today,
            )
            if problem:
                day = latest if problem == lifecycle.Problem.BEFORE_PREVIOUS_CHANGE else jobseeker.job_search_started_on
                errors.add(STATUS_EFFECTIVE_ON, _problem_text(problem, day))
    errors.raise_if_any()
    if not changed:
        return ChangeResult(jobseeker, [])

    for name, (_old, new) in changed.items():
        if name == "municipality":
            jobseeker.municipality_id = organisation.municipality_ids[new]
        else:
            setattr(jobseeker, name, new)
    if "status" in changed:
        jobseeker.unemployed_since = lifecycle.unemployed_since(
            was_unemployed=before["status"] in enums.UNEMPLOYED_STATUSES,
            is_unemployed=jobseeker.status in enums.UNEMPLOYED_STATUSES,
            since=jobseeker.unemployed_since,
            effective_on=effective_on,
        )
        after = jobseeker.unemployed_since.isoformat() if jobseeker.unemployed_since else None
        if after != before["unemployed_since"]:
            changed["unemployed_since"] = (before["unemployed_since"], after)

    old_pool, old_counsellor = jobseeker.pool, jobseeker.responsible_counsellor
    update_fields = [*changed, "updated_at"]
    if ROUTING_INPUTS & set(changed):
        routing = services.route_fields(
            organisation,
            municipality_code=jobseeker.municipality.code,
            service_language=jobseeker.service_language,
            birth_date=jobseeker.birth_date,
            multisectoral=jobseeker.multisectoral,
            on=today,
        )
        for name, value in routing.items():
            setattr(jobseeker, name, value)
        update_fields += [name.removesuffix("_id") for name in routing]
    jobseeker.save(update_fields=update_fields)

    rows = []
    for name, (old, new) in changed.items():
        kind = enums.ChangeKind.STATUS if name == "status" else enums.ChangeKind.FIELD
        day = effective_on if name in ("status", "unemployed_since") else today
        rows.append(
            services.record_change(
                jobseeker, kind=kind, field=name, old=old, new=new, effective_on=day, by=by, reason=reason
            )
        )
    route_change = None
    if jobseeker.pool != old_pool:
        rows.append(
            services.record_change(
                jobseeker,
                kind=enums.ChangeKind.ROUTING,
                field="pool",
                old=old_pool,
                new=jobseeker.pool,
                effective_on=today,
                by=by,
                reason=reason,
            )
        )
        route_change = RouteChange(
            old_pool, jobseeker.pool, old_counsellor, _counsellor_after_move(jobseeker, by), names=batch.pool_names()
        )
        jobseeker = _locked(jobseeker)
    return ChangeResult(jobseeker, rows, route_change)


def _counsellor_after_move(jobseeker: Jobseeker, by: User) -> User | None:
    """Keep a responsible counsellor who serves the new pool; otherwise the batch rule picks one of the pool's."""
    current = jobseeker.responsible_counsellor
    if current is not None and selectors.may_take(current, jobseeker, enums.CounsellorPurpose.REGISTRATION):
        return current
    if current is not None:
        services.end_counsellor(jobseeker)
        jobseeker.save(update_fields=["responsible_counsellor", "updated_at"])
    batch.assign_unassigned(scope=Q(pk=jobseeker.pk), by=by)
    jobseeker.refresh_from_db(fields=["responsible_counsellor"])
    return jobseeker.responsible_counsellor


@transaction.atomic
def end_job_search(
    jobseeker: Jobseeker,
    *,
    ended_on: date | None,
    reason: str,
    by: User,
    note: str = "",
    today: date | None = None,
    seen_version: str = "",
) -> JobseekerChange:
    """End the job search on `ended_on` for `reason` (enums.JobSearchEndReason).

    The person leaves the worklists and caseloads: their stored deadline closes (service_model.services.deadlines) and
    the responsible counsellor's period ends (the history keeps it, for continuity if they return). Apps above react
    in the same transaction through signals.job_search_ending (the service model cancels the meetings to come).
    `seen_version` is the record's `version` when the form was opened, as for update_jobseeker: a change saved in
    between (a status change the end date must not precede) is a Conflict.
    """
    today = today or timezone.localdate()
    jobseeker = _locked(jobseeker)
    errors = Errors()
    if not jobseeker.job_search_ended:
        # Ended already: the problem below says so and when, which tells more than a conflict would.
        _check_version(jobseeker, seen_version)
    latest = _latest_status_change_on(jobseeker)
    problem = lifecycle.end_problem(
        started_on=jobseeker.job_search_started_on,
        ended_on=ended_on if isinstance(ended_on, date) else None,
        already_ended_on=jobseeker.job_search_ended_on,
        today=today,
        latest_change_on=latest,
    )
    if problem:
        day = {
            lifecycle.Problem.ALREADY_ENDED: jobseeker.job_search_ended_on,
            lifecycle.Problem.BEFORE_PREVIOUS_CHANGE: latest,
        }.get(problem, jobseeker.job_search_started_on)
        errors.add("ended_on", _problem_text(problem, day))
    if reason not in enums.JobSearchEndReason.values:
        allowed = ", ".join(enums.JobSearchEndReason.values)
        errors.add("reason", _("Valitse päättymisen syy. Sallitut: %(values)s.") % {"values": allowed})
    note = (note or "").strip()
    if len(note) > MAX_REASON:
        errors.add("note", _("Enintään %(limit)s merkkiä.") % {"limit": MAX_REASON})
    errors.raise_if_any()
    # Before the save, so that the deadline the save recomputes already sees what the receivers ended.
    signals.job_search_ending.send(sender=Jobseeker, jobseeker=jobseeker, by=by)
    jobseeker.job_search_ended_on = ended_on
    jobseeker.job_search_end_reason = reason
    services.end_counsellor(jobseeker)
    jobseeker.save(
        update_fields=["job_search_ended_on", "job_search_end_reason", "responsible_counsellor", "updated_at"]
    )
    return services.record_change(
        jobseeker,
        kind=enums.ChangeKind.JOB_SEARCH_ENDED,
        field="job_search_end_reason",
        old=None,
        new=reason,
        effective_on=ended_on,
        by=by,
        reason=note,
    )
