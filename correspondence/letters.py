"""What the letters to a job seeker say: an invitation to a meeting and the employment plan.

Built from plain data (the dataclasses below, filled by correspondence.selectors) in the client's language, with no
model and no query, so the same `Letter` becomes the DOCX (common.documents) and the e-mail's body and a test can
build one from literals. The texts are Finnish msgids rendered under `translation.override(language)`; what staff
typed (the plan's goal and tasks) goes into the letter as written.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import translation
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from common.documents import LetterDocument, Letterhead
from common.formatting import fi_date
from common.tables import Column, Table
from service_model.enums import Channel
from service_model.rule_sets import MeetingType

LETTER_LANGUAGES = ("fi", "sv", "en")
DEFAULT_LANGUAGE = "fi"
# The unemployment-benefit note belongs to the statutory discussions only: missing "another" meeting has no such
# consequence, and telling a client it might would be wrong.
STATUTORY_MEETINGS = frozenset(
    {MeetingType.INITIAL_INTERVIEW, MeetingType.JOB_SEARCH_DISCUSSION, MeetingType.SUPPLEMENTARY_DISCUSSION}
)


def letter_language(service_language: str) -> str:
    """The client's service language when letters exist in it; otherwise Finnish, the area's official language."""
    return service_language if service_language in LETTER_LANGUAGES else DEFAULT_LANGUAGE


# --- The facts a letter is built from ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Recipient:
    name: str
    address: tuple[str, ...] = ()
    email: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Place:
    name: str
    street_address: str
    postal_code: str
    post_town: str

    @property
    def address(self) -> str:
        return f"{self.name}, {self.street_address}, {self.postal_code} {self.post_town}"


@dataclass(frozen=True)
class Sender:
    """The area (its name in each language) and the counsellor the client contacts."""

    area_names: dict[str, str]
    counsellor: str
    counsellor_email: str = ""
    office: Place | None = None

    def area_name(self, language: str) -> str:
        return self.area_names.get(language) or self.area_names.get(DEFAULT_LANGUAGE, "")


@dataclass(frozen=True)
class Invitation:
    recipient: Recipient
    sender: Sender
    meeting_type: str
    channel: str
    starts: datetime  # local time
    ends: datetime
    office: Place | None
    dated: date


@dataclass(frozen=True)
class Task:
    title: str
    due_on: date | None
    done: bool


@dataclass(frozen=True)
class Obligation:
    applications: int
    period_months: int
    starts_on: date


@dataclass(frozen=True)
class Plan:
    recipient: Recipient
    sender: Sender
    goal: str
    drawn_up_on: date
    tasks: tuple[Task, ...]
    obligation: Obligation | None
    next_meeting: datetime | None  # local time of the next booked meeting
    dated: date


# --- The letter ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    # A table as its column labels and rows of cell texts.
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Letter:
    language: str
    subject: str
    title: str
    head: Letterhead
    intro: tuple[str, ...] = ()
    sections: tuple[Section, ...] = field(default_factory=tuple)
    email_note: str = ""
    # The DOCX's name before common.documents.safe_filename makes it ASCII: the title and the day it concerns.
    file_name: str = ""

    def document(self) -> LetterDocument:
        document = LetterDocument(self.title, language=self.language).letterhead(self.head)
        for text in self.intro:
            document.paragraph(text)
        for section in self.sections:
            document.heading(section.heading)
            for text in section.paragraphs:
                document.paragraph(text)
            if section.fields:
                document.fields(list(section.fields))
            if section.rows:
                columns = [Column(f"c{index}", label) for index, label in enumerate(section.columns)]
                rows = [{column.key: cell for column, cell in zip(columns, row, strict=True)} for row in section.rows]
                document.table(Table(key="rows", title=section.heading, columns=columns, rows=rows))
        return document

    def email_body(self) -> str:
        """The letter as plain text, for the e-mail that carries the DOCX: the same words in the same order."""
        blocks = [self.title, *self.intro]
        for section in self.sections:
            lines = [section.heading.upper(), *section.paragraphs]
            lines += [f"{label}: {value}" for label, value in section.fields]
            lines += [" – ".join(cell for cell in row if cell) for row in section.rows]
            blocks.append("\n".join(lines))
        blocks += [self.email_note, "\n".join(self.head.sender)]
        return "\n\n".join(block for block in blocks if block)


# --- Shared wording ----------------------------------------------------------------------------------------------


def clock(moment: datetime) -> str:
    """9.30: the Finnish way of writing a time of day, used in every language of the letters."""
    return f"{moment.hour}.{moment.minute:02d}"


def when(moment: datetime) -> str:
    """3.12.2026 klo 9.30 in the active language."""
    return _("%(day)s klo %(time)s") % {"day": fi_date(moment.date()), "time": clock(moment)}


def _meeting_time(starts: datetime, ends: datetime) -> str:
    return _("%(weekday)s %(day)s klo %(start)s–%(end)s") % {
        "weekday": WEEKDAYS[starts.weekday()],
        "day": fi_date(starts.date()),
        "start": clock(starts),
        "end": clock(ends),
    }


def _letterhead(recipient: Recipient, sender: Sender, dated: date, language: str) -> Letterhead:
    lines = [sender.area_name(language)]
    if sender.office is not None:
        office = sender.office
        lines += [office.name, office.street_address, f"{office.postal_code} {office.post_town}"]
    return Letterhead(
        sender=lines,
        recipient=[recipient.name, *recipient.address],
        dated=dated,
        date_label=_("Päivämäärä"),
    )


def _contact(sender: Sender) -> Section:
    fields = [(_("Ohjaaja"), sender.counsellor)]
    if sender.counsellor_email:
        fields.append((_("Sähköposti"), sender.counsellor_email))
    if sender.office is not None:
        fields.append((_("Toimipiste"), sender.office.address))
    return Section(_("Yhteystiedot"), fields=tuple(fields))


def _email_note() -> str:
    return " ".join(
        [
            _("Sama kirje on tämän viestin liitteenä Word-asiakirjana (DOCX)."),
            _("Älä lähetä henkilötunnustasi tai terveystietojasi sähköpostilla."),
        ]
    )


# --- The invitation ----------------------------------------------------------------------------------------------


def _invitation_title(meeting_type: str) -> str:
    titles = {
        MeetingType.INITIAL_INTERVIEW: _("Kutsu alkuhaastatteluun"),
        MeetingType.JOB_SEARCH_DISCUSSION: _("Kutsu työnhakukeskusteluun"),
        MeetingType.SUPPLEMENTARY_DISCUSSION: _("Kutsu täydentävään työnhakukeskusteluun"),
    }
    return titles.get(meeting_type, _("Kutsu tapaamiseen"))


def _channel(invitation: Invitation) -> tuple[str, str]:
    """The channel's name and what the client does to take part."""
    if invitation.channel == Channel.FACE_TO_FACE:
        if invitation.office is None:
            return _("käynti toimipisteessä"), _("Ohjaajasi kertoo sinulle tapaamispaikan ennen tapaamista.")
        return _("käynti toimipisteessä"), _(
            "Tule toimipisteeseen sovittuna aikana. Ota mukaan henkilöllisyystodistus."
        )
    if invitation.channel == Channel.PHONE:
        if invitation.recipient.phone:
            how = _(
                "Ohjaajasi soittaa sinulle sovittuna aikana numeroon %(phone)s. Jos numerosi on muuttunut, "
                "kerro uusi numero ohjaajallesi ennen tapaamista."
            ) % {"phone": invitation.recipient.phone}
        else:
            how = _(
                "Ohjaajasi soittaa sinulle sovittuna aikana. Puhelinnumeroasi ei ole tiedossamme: kerro se "
                "ohjaajallesi ennen tapaamista."
            )
        return _("puhelu"), how
    if invitation.channel == Channel.VIDEO:
        return _("videotapaaminen"), _(
            "Tapaaminen pidetään videoyhteydellä. Saat ohjaajaltasi ohjeen ja linkin ennen tapaamista."
        )
    return _("verkkoasiointi"), _("Tapaaminen pidetään verkkoasiointina. Saat ohjaajaltasi ohjeen ennen tapaamista.")


def invitation_letter(invitation: Invitation, language: str) -> Letter:
    with translation.override(language):
        title = _invitation_title(invitation.meeting_type)
        channel_name, how = _channel(invitation)
        fields = [(_("Aika"), _meeting_time(invitation.starts, invitation.ends)), (_("Tapaamistapa"), channel_name)]
        if invitation.channel == Channel.FACE_TO_FACE and invitation.office is not None:
            fields.append((_("Paikka"), invitation.office.address))
        fields.append((_("Ohjaaja"), invitation.sender.counsellor))
        sections = [
            Section(_("Aika ja paikka"), paragraphs=(how,), fields=tuple(fields)),
            Section(
                _("Jos aika ei sovi"),
                paragraphs=(
                    _(
                        "Jos et pääse tapaamiseen, ilmoita siitä ohjaajallesi ennen tapaamista. Voit samalla sopia "
                        "uuden ajan. Yhteystiedot ovat tämän kirjeen lopussa."
                    ),
                ),
            ),
        ]
        if invitation.meeting_type in STATUTORY_MEETINGS:
            sections.append(
                Section(
                    _("Tapaaminen ja työttömyysetuus"),
                    paragraphs=(
                        _(
                            "Jos saat työttömyysetuutta, tähän tapaamiseen osallistuminen on yksi sen saamisen "
                            "edellytyksistä. Jos jätät tulematta ilman pätevää syytä, se voi vaikuttaa oikeuteesi "
                            "saada työttömyysetuutta (työttömyysturvalaki 1290/2002)."
                        ),
                        _(
                            "Pätevä syy on esimerkiksi äkillinen sairastuminen. Jos sinulla on este, kerro siitä "
                            "ohjaajallesi ennen tapaamista tai niin pian kuin voit."
                        ),
                    ),
                )
            )
        sections.append(_contact(invitation.sender))
        return Letter(
            language=language,
            subject=f"{title} {when(invitation.starts)}",
            title=title,
            head=_letterhead(invitation.recipient, invitation.sender, invitation.dated, language),
            sections=tuple(sections),
            email_note=_email_note(),
            file_name=f"{title} {fi_date(invitation.starts.date())}",
        )


# --- The employment plan -----------------------------------------------------------------------------------------


def _obligation(obligation: Obligation) -> Section:
    return Section(
        _("Työnhakuvelvollisuus"),
        paragraphs=(
            _("Ilmoita hakemasi työmahdollisuudet ohjaajallesi tai Työmarkkinatorin Oma asiointi -palvelussa."),
            _(
                "Jos saat työttömyysetuutta, työnhakuvelvollisuus on yksi sen saamisen edellytyksistä. Jos et hae "
                "sovittua määrää työmahdollisuuksia etkä sinulla ole siihen pätevää syytä, se voi vaikuttaa "
                "oikeuteesi saada työttömyysetuutta (työttömyysturvalaki 1290/2002)."
            ),
        ),
        fields=(
            (_("Haettavia työmahdollisuuksia"), str(obligation.applications)),
            (
                _("Jakso"),
                ngettext("%(months)s kuukausi", "%(months)s kuukautta", obligation.period_months)
                % {"months": obligation.period_months},
            ),
            (_("Alkaen"), fi_date(obligation.starts_on)),
        ),
    )


def plan_letter(plan: Plan, language: str) -> Letter:
    with translation.override(language):
        title = _("Työllistymissuunnitelma")
        sections = [Section(_("Tavoite"), paragraphs=(plan.goal,))]
        if plan.tasks:
            sections.append(
                Section(
                    _("Sovitut tehtävät"),
                    columns=(pgettext("employment plan", "Tehtävä"), _("Määräpäivä"), _("Tila")),
                    rows=tuple(
                        (
                            task.title,
                            fi_date(task.due_on) if task.due_on else "",
                            _("tehty") if task.done else _("kesken"),
                        )
                        for task in plan.tasks
                    ),
                )
            )
        if plan.obligation is not None:
            sections.append(_obligation(plan.obligation))
        if plan.next_meeting is not None:
            sections.append(Section(_("Seuraava tapaaminen"), fields=((_("Aika"), when(plan.next_meeting)),)))
        sections.append(_contact(plan.sender))
        return Letter(
            language=language,
            subject=_("Työllistymissuunnitelmasi"),
            title=title,
            head=_letterhead(plan.recipient, plan.sender, plan.dated, language),
            intro=(
                _(
                    "Tämä on työllistymissuunnitelmasi. Se on laadittu %(day)s, ja se tarkistetaan jokaisessa "
                    "työnhakukeskustelussa."
                )
                % {"day": fi_date(plan.drawn_up_on)},
            ),
            sections=tuple(sections),
            email_note=_email_note(),
            file_name=f"{title} {fi_date(plan.dated)}",
        )
