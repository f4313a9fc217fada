"""Writes of job offers: making an offer (or a referral) from a match, and recording its outcome.

Each write is one transaction with its journal entry (jobseekers.journal), so the person's history says what was
offered and how it ended. Bad input raises one ValidationError naming each field at fault, and nothing is written.
Callers check the user's right (accounts.permissions.can_make_job_offer) before calling.
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.errors import Errors
from common.formatting import local_date
from common.today import service_today
from employers.enums import VacancyStatus
from employers.models import Vacancy
from jobseekers import journal
from jobseekers.enums import JournalEntryKind
from jobseekers.models import Jobseeker
from matching import arrays, engine, enums, selectors, texts
from matching.models import JobOffer

MAX_NOTE_LENGTH = 2000


def _already_open() -> str:
    return _("Henkilöllä on jo avoin työtarjous tähän työpaikkaan: kirjaa sen tulos ensin.")


def _offer_text(offer: JobOffer) -> str:
    vacancy = offer.vacancy
    text = _("%(kind)s: %(title)s, %(employer)s (%(municipality)s).") % {
        "kind": offer.get_kind_display().capitalize(),
        "title": vacancy.title,
        "employer": vacancy.employer.name,
        "municipality": vacancy.workplace_name,
    }
    if offer.score is not None:
        text += " " + _("Pisteet %(score)s (%(parts)s).") % {
            "score": round(offer.score),
            "parts": ", ".join(
                f"{texts.component_label(key)} {round(points)}" for key, points in offer.components.items()
            ),
        }
    else:
        text += " " + _("Tehty, vaikka vertailu sulki työpaikan pois: %(reason)s.") % {
            "reason": texts.exclusion(offer.excluded_by)
        }
    if offer.distance_km is not None:
        text += " " + _("Etäisyys %(km)s km.") % {"km": round(offer.distance_km)}
    if offer.note:
        text += " " + offer.note
    return text


@transaction.atomic
def make_offer(
    *, jobseeker: Jobseeker, vacancy: Vacancy, kind: str, by, note: str = "", today: date | None = None
) -> JobOffer:
    """A job offer or referral of an open vacancy to a person, with the match as the engine sees it now."""
    today = today or service_today()
    errors = Errors()
    if kind not in enums.JobOfferKind.values:
        errors.add("kind", _("Valitse työtarjous tai ohjaus avoimeen työpaikkaan."))
    note = (note or "").strip()
    if len(note) > MAX_NOTE_LENGTH:
        errors.add("note", _("Lisätiedot ovat liian pitkät (enintään %(max)s merkkiä).") % {"max": MAX_NOTE_LENGTH})
    if jobseeker.job_search_ended:
        errors.add("jobseeker", _("Henkilön työnhaku on päättynyt: työtarjousta ei voi tehdä."))
    # The row lock makes a simultaneous close of the vacancy wait for the offer, or the offer see the close.
    locked = Vacancy.objects.select_for_update().filter(pk=vacancy.pk).first()
    if locked is None or locked.status != VacancyStatus.OPEN:
        errors.add("vacancy", _("Työpaikka ei ole avoinna: tarjota voi vain avointa työpaikkaa."))
    elif selectors.open_offers(jobseeker).filter(vacancy=locked).exists():
        errors.add("vacancy", _already_open())
    errors.raise_if_any()
    verdict = selectors.explain(jobseeker, vacancy, today)
    matched = isinstance(verdict, engine.Match)
    offer = JobOffer(
        jobseeker=jobseeker,
        vacancy=vacancy,
        kind=kind,
        home_municipality_id=jobseeker.municipality_id,
        workplace_municipality_id=vacancy.municipality_id,
        score=round(verdict.score, 1) if matched else None,
        components={key: round(points, 1) for key, points in verdict.components.items()} if matched else {},
        excluded_by="" if matched else verdict.reason,
        distance_km=_distance_km(jobseeker, vacancy, verdict),
        note=note,
        made_by=by,
        made_on=today,
    )
    try:
        with transaction.atomic():
            offer.save()
    except IntegrityError:
        # Another user made the same offer between the check and the write.
        raise ValidationError({"vacancy": [_already_open()]}) from None
    journal.add_entry(jobseeker=jobseeker, kind=JournalEntryKind.NOTE, text=_offer_text(offer), by=by, today=today)
    return offer


def _distance_km(jobseeker: Jobseeker, vacancy: Vacancy, verdict) -> float | None:
    if isinstance(verdict, engine.Match) and verdict.distance_km is not None:
        return round(float(verdict.distance_km), 1)
    return arrays.places().km(jobseeker.municipality.code, vacancy.workplace_code)


@transaction.atomic
def record_outcome(offer: JobOffer, *, outcome: str, outcome_date: date | None, by, today: date | None = None):
    """The outcome of an open offer, dated between the offer and today; recorded once."""
    today = today or service_today()
    errors = Errors()
    if outcome not in enums.Outcome.values:
        errors.add("outcome", _("Valitse tulos: %(values)s.") % {"values": ", ".join(enums.Outcome.values)})
    locked = JobOffer.objects.select_for_update().select_related("vacancy__employer").get(pk=offer.pk)
    if locked.outcome:
        errors.add("outcome", _("Tulos on jo kirjattu: %(outcome)s.") % {"outcome": locked.get_outcome_display()})
    if not isinstance(outcome_date, date):
        errors.add("outcome_date", _("Päivä puuttuu tai ei ole päivämäärä."))
    elif outcome_date > today:
        errors.add("outcome_date", _("Päivä on tulevaisuudessa: kirjataan vain tapahtunutta."))
    elif outcome_date < locked.made_on:
        errors.add("outcome_date", _("Päivä on ennen työtarjousta (%(date)s).") % {"date": local_date(locked.made_on)})
    errors.raise_if_any()
    locked.outcome = outcome
    locked.outcome_date = outcome_date
    locked.outcome_recorded_by = by
    locked.outcome_recorded_at = timezone.now()
    locked.save(update_fields=["outcome", "outcome_date", "outcome_recorded_by", "outcome_recorded_at"])
    text = _("Työtarjouksen tulos: %(title)s, %(employer)s – %(outcome)s.") % {
        "title": locked.vacancy.title,
        "employer": locked.vacancy.employer.name,
        "outcome": locked.get_outcome_display(),
    }
    journal.add_entry(
        jobseeker=locked.jobseeker, kind=JournalEntryKind.NOTE, text=text, by=by, entry_date=outcome_date, today=today
    )
    return locked
