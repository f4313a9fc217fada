"""The statement as a letter to the payer (Kela or the unemployment fund), DOCX through common.documents.

The payer needs to identify the person, so the letter carries the identity code: the view that builds it logs the
read with a purpose that says so. A statement not yet approved is marked as a draft on its first line.
"""

from django.utils.translation import gettext as _

from common.documents import LetterDocument, Letterhead
from common.formatting import fi_date
from statements import enums, texts
from statements.models import Statement


def _name(user) -> str:
    return (user.get_full_name() or user.username) if user else "–"


def statement_letter(statement: Statement) -> LetterDocument:
    jobseeker = statement.jobseeker
    approved = statement.state == enums.StatementState.APPROVED
    payer = statement.payer_name or str(statement.get_payer_display())
    letter = LetterDocument(_("Työvoimapoliittinen lausunto"))
    letter.letterhead(
        Letterhead(
            sender=[jobseeker.serving_municipality.area.name_fi, jobseeker.serving_municipality.name_fi],
            recipient=[payer],
            dated=statement.decided_on,
            date_label=_("Päivämäärä"),
            reference=statement.reference,
            reference_label=_("Numero"),
        )
    )
    if not approved:
        letter.paragraph(_("LUONNOS – lausuntoa ei ole hyväksytty eikä sitä lähetetä maksajalle."))
    letter.fields(
        [
            (_("Työnhakija"), f"{jobseeker.first_name} {jobseeker.last_name}"),
            (_("Henkilötunnus"), jobseeker.reveal_hetu()),
            (_("Asia"), statement.get_case_type_display()),
            (_("Menettelyn päivä"), statement.conduct_on),
            (_("Lainkohta"), statement.legal_section or "–"),
        ]
    )
    letter.heading(_("Ratkaisu"))
    letter.paragraph(
        texts.consequence(statement.consequence, statement.consequence_days, statement.consequence_weeks) or "–"
    )
    letter.paragraph(texts.reason(statement.reason_code, statement.reason_params))
    letter.heading(_("Tapahtumat"))
    letter.paragraph(statement.facts)
    letter.heading(_("Kuuleminen"))
    if statement.hearing_sent_on:
        letter.paragraph(
            _("Työnhakijalta pyydettiin selvitystä %(sent)s, määräpäivä %(due)s.")
            % {"sent": fi_date(statement.hearing_sent_on), "due": fi_date(statement.reply_due_on)}
        )
    if statement.reply_received_on:
        letter.paragraph(_("Selvitys saatiin %(day)s:") % {"day": fi_date(statement.reply_received_on)})
        letter.paragraph(statement.reply)
    elif statement.hearing_sent_on:
        letter.paragraph(_("Työnhakija ei antanut selvitystä määräpäivään mennessä."))
    letter.heading(_("Perustelut"))
    letter.paragraph(statement.judgement or "–")
    letter.heading(_("Lausunnon sitovuus ja muutoksenhaku"))
    letter.paragraph(
        _(
            "Lausunto sitoo työttömyysetuuden maksajaa. Lausuntoon ei voi hakea "
            "muutosta erikseen: työnhakija voi hakea muutosta maksajan päätökseen."
        )
    )
    letter.fields(
        [
            (_("Lähde"), statement.rule_source or "–"),
            (_("Valmistelija"), _name(statement.drafted_by)),
            (_("Esittäjä"), _name(statement.proposed_by)),
            (_("Hyväksyjä"), _name(statement.decided_by)),
        ]
    )
    return letter
