"""The decision document (päätös) as DOCX, through common.documents: legal basis, amounts, period, the decider and
the instructions for contesting it: a first decision is contested by a request for rectification, the decision on that
request by an appeal to the administrative court (Act 808/2019). Built once when the decision is made and stored with
it."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _

from common.documents import LetterDocument, Letterhead
from subsidies.texts import money

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


def decision_docx(content: DecisionContent, language: str = "fi") -> bytes:
    with translation.override(language):
        document = LetterDocument(_("Päätös: %(kind)s") % {"kind": content.kind}, language=language)
        document.letterhead(
            Letterhead(
                sender=[content.area, content.municipality],
                recipient=[content.applicant] + ([content.employer] if content.employer else []),
                dated=content.dated,
                reference=content.reference,
                date_label=_("Päivämäärä"),
                reference_label=_("Asia"),
            )
        )
        if content.rectification:
            document.heading(_("Oikaisuvaatimuksen ratkaisu")).paragraph(content.rectification)
        document.heading(_("Ratkaisu")).paragraph(content.outcome)
        if content.granted:
            document.fields(
                [
                    (_("Tuki kuukaudessa"), money(content.monthly_amount)),
                    (_("Yhteensä enintään"), money(content.total)),
                    (_("Alkaa"), content.start_date),
                    (_("Päättyy"), content.end_date),
                ]
            )
        document.heading(_("Perustelut")).paragraph(content.reasons)
        document.heading(_("Sovelletut säännökset")).paragraph(
            _("%(source)s (sääntö %(rule)s).") % {"source": content.rule_source, "rule": content.rule_key}
        )
        document.heading(_("Päätöksen tekijä")).paragraph(
            _("%(name)s, toimivalta: %(delegation)s.") % {"name": content.decided_by, "delegation": content.delegation}
        )
        if content.rectification:
            document.heading(_("Valitusosoitus")).paragraph(appeal_instructions(content.area))
        else:
            document.heading(_("Oikaisuvaatimusohje")).paragraph(rectification_instructions(content.area))
        return document.to_bytes()


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
