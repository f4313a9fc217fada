"""Sending an invitation or the employment plan to the client, recorded in the client journal.

One transaction: the journal entry (kind "message sent", linked to the meeting for an invitation) is written first
and the e-mail sent last, so a mail backend that refuses rolls the entry back and nothing says a message went out
that did not. A letter for printing is recorded the same way; staff then download the DOCX from the page.
Bad input raises one ValidationError naming each field (the API's names: `channel`, `meeting`), nothing written.
Callers check the user's right first (accounts.permissions.can_send_to_client).
"""

import logging
import smtplib
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from common.documents import DOCX_CONTENT_TYPE, safe_filename
from common.errors import Errors
from common.formatting import local_date
from correspondence import selectors
from correspondence.enums import Delivery
from correspondence.letters import when
from jobseekers import journal
from jobseekers.enums import JournalEntryKind
from jobseekers.languages import language_name
from jobseekers.models import Jobseeker, JournalEntry
from service_model import enums
from service_model.models import EmploymentPlan, Meeting
from service_model.today import service_today

logger = logging.getLogger(__name__)


class DeliveryFailed(Exception):
    """The mail server refused the message or could not be reached; nothing was recorded."""


@dataclass(frozen=True)
class Sent:
    entry: JournalEntry
    delivery: str
    address: str  # the e-mail address written to; empty for a letter


def _check_delivery(delivery, jobseeker: Jobseeker, errors: Errors) -> None:
    if delivery not in Delivery.values:
        errors.add("channel", _("Valitse lähetystapa: sähköposti tai kirje."))
    elif delivery == Delivery.EMAIL and not jobseeker.email:
        errors.add("channel", _("Henkilöllä ei ole sähköpostiosoitetta: valitse kirje tulostettavaksi."))


def _mail(content: selectors.Content, to: str) -> None:
    letter = content.letter
    message = EmailMessage(
        subject=letter.subject,
        body=letter.email_body(),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
        reply_to=[content.reply_to] if content.reply_to else None,
    )
    message.attach(f"{safe_filename(letter.file_name)}.docx", letter.document().to_bytes(), DOCX_CONTENT_TYPE)
    try:
        message.send()
    except (smtplib.SMTPException, OSError) as error:
        # The address is personal data: the log names the error's kind only.
        logger.warning("correspondence: the mail backend refused a message (%s)", type(error).__name__)
        raise DeliveryFailed(
            _("Sähköpostin lähetys epäonnistui; mitään ei kirjattu. Yritä myöhemmin uudelleen.")
        ) from error


def _record(jobseeker: Jobseeker, *, text: str, by, meeting: Meeting | None, content, delivery) -> Sent:
    with transaction.atomic():
        entry = journal.add_entry(
            jobseeker=jobseeker,
            kind=JournalEntryKind.MESSAGE_SENT,
            text=text,
            by=by,
            meeting_id=meeting.pk if meeting else None,
        )
        if delivery == Delivery.EMAIL:
            _mail(content, jobseeker.email)
    return Sent(entry, delivery, jobseeker.email if delivery == Delivery.EMAIL else "")


def meeting_problem(meeting: Meeting, today: date | None = None) -> str:
    """Why no invitation can be sent to `meeting` (it is recorded, or its day has passed); empty when it can."""
    if not enums.MeetingState(meeting.state).recordable:
        return _("Tapaaminen on jo kirjattu (%(state)s): kutsua ei lähetetä.") % {"state": meeting.get_state_display()}
    if timezone.localtime(meeting.planned_at).date() < (today or service_today()):
        return _("Tapaamisen päivä on jo mennyt: kutsua ei lähetetä.")
    return ""


def send_invitation(meeting: Meeting, *, jobseeker: Jobseeker, delivery: str, by, today: date | None = None) -> Sent:
    """Invite the client to a booked meeting by e-mail, or record a letter for printing."""
    errors = Errors()
    _check_delivery(delivery, jobseeker, errors)
    if jobseeker.job_search_ended:
        # Its meetings to come were cancelled when the search ended; a reopened search books anew.
        errors.add(
            "job_search_ended_on",
            _("Asiakkaan työnhaku päättyi %(day)s: kutsua ei lähetetä.")
            % {"day": local_date(jobseeker.job_search_ended_on)},
        )
    elif problem := meeting_problem(meeting, today):
        errors.add("meeting", problem)
    errors.raise_if_any()
    content = selectors.invitation_content(meeting, jobseeker)
    moment = {
        "when": when(timezone.localtime(meeting.planned_at)),
        "address": jobseeker.email,
        "language": language_name(content.language),
    }
    if delivery == Delivery.EMAIL:
        text = _("Kutsu tapaamiseen %(when)s lähetetty sähköpostilla osoitteeseen %(address)s (%(language)s).")
    else:
        text = _("Kutsu tapaamiseen %(when)s tehty kirjeenä tulostettavaksi (%(language)s).")
    return _record(jobseeker, text=text % moment, by=by, meeting=meeting, content=content, delivery=delivery)


def send_plan(plan: EmploymentPlan, *, jobseeker: Jobseeker, delivery: str, by) -> Sent:
    """Send the employment plan to the client by e-mail, or record it as a letter for printing."""
    errors = Errors()
    _check_delivery(delivery, jobseeker, errors)
    errors.raise_if_any()
    content = selectors.plan_content(plan, jobseeker, by)
    values = {"address": jobseeker.email, "language": language_name(content.language)}
    if delivery == Delivery.EMAIL:
        text = _("Työllistymissuunnitelma lähetetty sähköpostilla osoitteeseen %(address)s (%(language)s).")
    else:
        text = _("Työllistymissuunnitelma tehty kirjeenä tulostettavaksi (%(language)s).")
    return _record(jobseeker, text=text % values, by=by, meeting=None, content=content, delivery=delivery)
