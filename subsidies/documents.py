"""The decision document (päätös) as DOCX (through common.documents) and as HTML: legal basis, amounts, period, the
decider and the instructions for contesting it: a first decision is contested by a request for rectification, the
decision on that request by an appeal to the administrative court (Act 808/2019). Both are built once, from the same
parts, when the decision is made and stored with it, so a later change of a rate or a text changes neither."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from common.documents import LetterDocument, Letterhead
from common.formatting import fi_date
from service_model.workdays import next_working_day_on_or_after
from subsidies.texts import fi_money

RECTIFICATION_DAYS = 30
# Laki oikeudenkäynnistä hallintoasioissa 808/2019, 13 §.
APPEAL_DAYS = 30


@dataclass(frozen=True)
class DecisionContent:
    area: str
    municipality: str
    reference: str
    dated: date
    applicant: str
    kind: str
    outcome: str
    granted: bool
    reasons: str
    rule_key: str
    rule_source: str
    delegation: str
    decided_by: str
    employer: str = ""
    monthly_amount: Decimal | None = None
    total: Decimal | None = None
    start_date: date | None = None
    end_date: date | None = None
    rectification: str = ""


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class DecisionParts:
    """The decision's content in its language, every text translated and every figure formatted: the DOCX and the
    HTML are both laid out from these, so the two never say different things."""

    language: str
    title: str
    letterhead: Letterhead
    sections: tuple[Section, ...]


def decision_parts(content: DecisionContent, language: str = "fi") -> DecisionParts:
    with translation.override(language):
        sections = []
        if content.rectification:
            sections.append(Section(_("Oikaisuvaatimuksen ratkaisu"), (content.rectification,)))
        figures = ()
        if content.granted:
            figures = (
                (_("Tuki kuukaudessa"), fi_money(content.monthly_amount)),
                (_("Yhteensä enintään"), fi_money(content.total)),
                (_("Alkaa"), fi_date(content.start_date)),
                (_("Päättyy"), fi_date(content.end_date)),
            )
        sections.append(Section(_("Ratkaisu"), (content.outcome,), figures))
        sections.append(Section(_("Perustelut"), _paragraphs(content.reasons)))
        sections.append(
            Section(
                _("Sovelletut säännökset"),
                (_("%(source)s (sääntö %(rule)s).") % {"source": content.rule_source, "rule": content.rule_key},),
            )
        )
        sections.append(
            Section(
                _("Päätöksen tekijä"),
                (
                    _("%(name)s, toimivalta: %(delegation)s.")
                    % {"name": content.decided_by, "delegation": content.delegation},
                ),
            )
        )
        if content.rectification:
            sections.append(Section(_("Valitusosoitus"), _paragraphs(appeal_instructions(content.area))))
        else:
            sections.append(Section(_("Oikaisuvaatimusohje"), _paragraphs(rectification_instructions(content.area))))
        return DecisionParts(
            language=language,
            title=_("Päätös: %(kind)s") % {"kind": content.kind},
            letterhead=Letterhead(
                sender=[content.area, content.municipality],
                recipient=[content.applicant] + ([content.employer] if content.employer else []),
                dated=content.dated,
                reference=content.reference,
                date_label=_("Päivämäärä"),
                reference_label=_("Asia"),
            ),
            sections=tuple(sections),
        )


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in str(text).split("\n\n") if part.strip())


def decision_docx(parts: DecisionParts) -> bytes:
    document = LetterDocument(parts.title, language=parts.language)
    document.letterhead(parts.letterhead)
    for section in parts.sections:
        document.heading(section.heading)
        for paragraph in section.paragraphs:
            document.paragraph(paragraph)
        if section.fields:
            document.fields(list(section.fields))
    return document.to_bytes()


def decision_html(parts: DecisionParts) -> str:
    """The document as an HTML fragment (an <article> in the decision's language), stored with the decision and shown
    as it was rendered: the template escapes every text here, once."""
    with translation.override(parts.language):
        return render_to_string(
            "subsidies/decision_document.html",
            {"parts": parts, "dated": fi_date(parts.letterhead.dated) if parts.letterhead.dated else ""},
        )


def rectification_deadline(notified_on: date) -> date:
    """30 days from notification (the day itself not counted), moved to the next working day (Act 150/1930)."""
    return next_working_day_on_or_after(notified_on + timedelta(days=RECTIFICATION_DAYS))


def rectification_instructions(area: str) -> str:
    return _(
        "Tähän päätökseen tyytymätön voi hakea siihen oikaisua tekemällä kirjallisen oikaisuvaatimuksen "
        "%(days)s päivän kuluessa päätöksen tiedoksisaannista. Tiedoksisaantipäivää ei lueta määräaikaan. "
        "Jos määräajan viimeinen päivä on pyhäpäivä, itsenäisyyspäivä, vapunpäivä, joulu- tai juhannusaatto tai "
        "arkilauantai, saa oikaisuvaatimuksen tehdä ensimmäisenä arkipäivänä sen jälkeen. Oikaisuvaatimus "
        "osoitetaan päätöksen tehneelle viranomaiselle: %(area)s. Vaatimuksesta on käytävä ilmi vaatimuksen tekijä, "
        "päätös, johon haetaan oikaisua, millaista oikaisua vaaditaan ja millä perusteilla.\n\n"
        "Päätökseen ei saa hakea muutosta valittamalla tuomioistuimeen; oikaisuvaatimukseen annettuun päätökseen "
        "saa hakea muutosta valittamalla hallinto-oikeuteen."
    ) % {"days": RECTIFICATION_DAYS, "area": area}


def appeal_instructions(area: str) -> str:
    """The decision on a request for rectification is appealed to the administrative court, never rectified again."""
    return _(
        "Tähän oikaisuvaatimukseen annettuun päätökseen tyytymätön saa hakea siihen muutosta valittamalla "
        "hallinto-oikeuteen %(days)s päivän kuluessa päätöksen tiedoksisaannista (laki oikeudenkäynnistä "
        "hallintoasioissa 808/2019). Tiedoksisaantipäivää ei lueta määräaikaan. Jos määräajan viimeinen päivä on "
        "pyhäpäivä, itsenäisyyspäivä, vapunpäivä, joulu- tai juhannusaatto tai arkilauantai, valituksen saa tehdä "
        "ensimmäisenä arkipäivänä sen jälkeen.\n\n"
        "Valituksessa on ilmoitettava valittajan nimi ja yhteystiedot, päätös, johon haetaan muutosta, miltä osin "
        "päätökseen haetaan muutosta ja mitä muutoksia siihen vaaditaan sekä vaatimusten perusteet. Valitukseen "
        "liitetään päätös ja selvitys sen tiedoksisaannin päivästä. Valitus toimitetaan hallinto-oikeudelle "
        "kirjallisesti tai hallinto- ja erityistuomioistuinten sähköisessä asiointipalvelussa. Päätöksen on tehnyt "
        "%(area)s. Hallinto-oikeus voi periä valituksen käsittelystä oikeudenkäyntimaksun."
    ) % {"days": APPEAL_DAYS, "area": area}
