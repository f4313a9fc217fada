"""Writes of statements: drafting, the hearing and the reply, the proposal with the official's finding, approval and
return. Each write is one transaction that also logs the state change (StatementTransition); bad input raises one
ValidationError naming every field at fault (the API's field names) and nothing is written.

Callers check access (accounts.permissions: can_draft_statement, can_approve_statement) before calling. The rules of
the statement itself live here: which state may follow which (enums.StatementState), the reply deadline is after
the day the request is sent, the proposal waits for the reply or the deadline, and nobody approves a statement they
drafted or proposed (the four-eyes principle).
"""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from common.errors import Errors
from common.formatting import local_date
from jobseekers.models import Jobseeker
from statements import assessment, enums, rules
from statements.models import Statement, StatementTransition

MAX_TEXT = 10_000


def _text(errors: Errors, name: str, value, missing: str) -> str:
    value = (value or "").strip()
    if not value:
        errors.add(name, missing)
    elif len(value) > MAX_TEXT:
        errors.add(name, _("Teksti on liian pitkä (enintään %(max)s merkkiä).") % {"max": MAX_TEXT})
    return value


def _past_date(errors: Errors, name: str, value, today: date, *, not_before: date | None = None) -> None:
    if not isinstance(value, date):
        errors.add(name, _("Päivä puuttuu tai ei ole päivämäärä."))
    elif value > today:
        errors.add(name, _("Päivä on tulevaisuudessa."))
    elif not_before is not None and value < not_before:
        errors.add(name, _("Päivä on ennen %(day)s.") % {"day": local_date(not_before)})


def _locked(statement: Statement) -> Statement:
    """The row, locked until the transaction ends: a second, simultaneous decision waits and then sees the first."""
    return Statement.objects.select_for_update().select_related("jobseeker").get(pk=statement.pk)


def _locked_with_person(statement: Statement) -> Statement:
    """The statement locked after its job seeker's row. Proposing and approving assess the person's approved history,
    so those of one person queue on the person's row: each sees what the previous one approved, and two approvals at
    once cannot both count as the first. The person's row first, as jobseekers/services.py locks it."""
    Jobseeker.objects.select_for_update(of=("self",)).filter(pk=statement.jobseeker_id).values_list("pk").get()
    return _locked(statement)


def _refuse_while_earlier_open(statement: Statement) -> None:
    """An earlier conduct still undecided could make this one a repeat: it is decided first, so the ladder counts the
    same whatever order the statements are approved in."""
    pending = assessment.pending_earlier(statement)
    if pending:
        named = ", ".join(
            _("%(reference)s (menettely %(day)s)") % {"reference": other.reference, "day": local_date(other.conduct_on)}
            for other in pending
        )
        message = ngettext(
            "Saman henkilön aiempaa menettelyä koskeva lausunto %(statements)s on vielä hyväksymättä. Ratkaise se "
            "ensin, koska se voi vaikuttaa tämän lausunnon seuraamukseen.",
            "Saman henkilön aiempia menettelyjä koskevat lausunnot %(statements)s ovat vielä hyväksymättä. Ratkaise ne "
            "ensin, koska ne voivat vaikuttaa tämän lausunnon seuraamukseen.",
            len(pending),
        )
        raise ValidationError({"conduct_on": [message % {"statements": named}]})


def _move(statement: Statement, target: enums.StatementState, by, note: str = "") -> None:
    current = enums.StatementState(statement.state)
    if not current.can_become(target):
        raise ValidationError(
            {
                "state": [
                    _("Lausunto on tilassa ”%(state)s”: siitä ei voi siirtyä tilaan ”%(target)s”.")
                    % {"state": current.label, "target": target.label}
                ]
            }
        )
    statement.state = target
    StatementTransition.objects.create(statement=statement, from_state=current, to_state=target, by=by, note=note)


@transaction.atomic
def create_statement(
    *,
    jobseeker,
    case_type: str,
    conduct_on: date,
    facts: str,
    payer: str,
    payer_name: str = "",
    by,
    today: date | None = None,
) -> Statement:
    today = today or timezone.localdate()
    errors = Errors()
    if case_type not in enums.CaseType.values:
        errors.add("case_type", _("Asia puuttuu tai on tuntematon."))
    _past_date(errors, "conduct_on", conduct_on, today, not_before=jobseeker.birth_date)
    facts = _text(errors, "facts", facts, _("Kuvaa, mitä tapahtui."))
    payer_name = (payer_name or "").strip()
    if payer not in enums.Payer.values:
        errors.add("payer", _("Maksaja puuttuu tai on tuntematon."))
    elif payer == enums.Payer.UNEMPLOYMENT_FUND and not payer_name:
        errors.add("payer_name", _("Kirjoita työttömyyskassan nimi."))
    elif payer == enums.Payer.KELA and payer_name:
        errors.add("payer_name", _("Kassan nimi kirjoitetaan vain, kun maksaja on työttömyyskassa."))
    if not errors:
        try:
            rules.rule_for(case_type, conduct_on)
        except rules.NoRuleInForce:
            errors.add("conduct_on", _("Tälle päivälle ei ole voimassa olevaa sääntöä (säännöt alkavat 2.5.2022)."))
    errors.raise_if_any()
    statement = Statement.objects.create(
        jobseeker=jobseeker,
        case_type=case_type,
        conduct_on=conduct_on,
        facts=facts,
        payer=payer,
        payer_name=payer_name,
        drafted_by=by,
    )
    StatementTransition.objects.create(statement=statement, to_state=enums.StatementState.DRAFT, by=by)
    return statement


@transaction.atomic
def send_hearing(statement: Statement, *, question: str, reply_due_on: date, by, today: date | None = None):
    """Send the request for clarification: the job seeker is heard before anything is proposed."""
    today = today or timezone.localdate()
    statement = _locked(statement)
    errors = Errors()
    question = _text(errors, "hearing_question", question, _("Kirjoita selvityspyyntö."))
    if not isinstance(reply_due_on, date):
        errors.add("reply_due_on", _("Päivä puuttuu tai ei ole päivämäärä."))
    elif reply_due_on <= today:
        errors.add("reply_due_on", _("Vastauksen määräpäivän pitää olla tulevaisuudessa."))
    errors.raise_if_any()
    _move(statement, enums.StatementState.HEARING, by)
    statement.hearing_question = question
    statement.hearing_sent_on = today
    statement.reply_due_on = reply_due_on
    statement.reply_received_on = None
    statement.reply = ""
    statement.save()
    return statement


@transaction.atomic
def record_reply(statement: Statement, *, reply: str, received_on: date, by, today: date | None = None):
    today = today or timezone.localdate()
    statement = _locked(statement)
    if statement.state != enums.StatementState.HEARING:
        raise ValidationError({"state": [_("Selvityspyyntöä ei ole lähetetty: vastausta ei voi kirjata.")]})
    errors = Errors()
    reply = _text(errors, "reply", reply, _("Kirjoita työnhakijan selvitys."))
    _past_date(errors, "reply_received_on", received_on, today, not_before=statement.hearing_sent_on)
    errors.raise_if_any()
    statement.reply = reply
    statement.reply_received_on = received_on
    statement.save(update_fields=["reply", "reply_received_on", "updated_at"])
    StatementTransition.objects.create(
        statement=statement,
        from_state=statement.state,
        to_state=statement.state,
        by=by,
        note=_("Selvitys kirjattu."),
    )
    return statement


@transaction.atomic
def propose(statement: Statement, *, valid_reason, judgement: str, by, today: date | None = None):
    """The official's finding and reasons; the rules give the consequence and the statement awaits approval."""
    today = today or timezone.localdate()
    statement = _locked_with_person(statement)
    errors = Errors()
    if valid_reason not in (True, False):
        errors.add("valid_reason", _("Valitse, oliko työnhakijalla pätevä syy."))
    judgement = _text(errors, "judgement", judgement, _("Kirjoita perustelut."))
    heard = statement.reply_received_on is not None or (
        statement.reply_due_on is not None and statement.reply_due_on < today
    )
    if statement.state == enums.StatementState.HEARING and not heard:
        errors.add(
            "reply_received_on",
            _("Kirjaa työnhakijan selvitys tai odota määräpäivän %(day)s yli.")
            % {"day": local_date(statement.reply_due_on)},
        )
    errors.raise_if_any()
    _move(statement, enums.StatementState.AWAITING_APPROVAL, by)
    statement.valid_reason = valid_reason
    statement.judgement = judgement
    statement.proposed_by = by
    assessment.store(statement, assessment.assess(statement))
    statement.save()
    return statement


@transaction.atomic
def approve(statement: Statement, *, by, today: date | None = None):
    """Approve as proposed; the consequence is assessed again, since another statement may have been approved since.

    Refused while a statement on an earlier conduct of the same person that could count as a repeat is not approved.
    """
    statement = _locked_with_person(statement)
    if statement.state == enums.StatementState.AWAITING_APPROVAL:
        if by.pk in {statement.drafted_by_id, statement.proposed_by_id}:
            raise ValidationError(
                {"decided_by": [_("Et voi hyväksyä lausuntoa, jonka olet itse valmistellut tai esittänyt.")]}
            )
        _refuse_while_earlier_open(statement)
    _move(statement, enums.StatementState.APPROVED, by)
    assessment.store(statement, assessment.assess(statement))
    statement.decided_by = by
    statement.decided_on = today or timezone.localdate()
    statement.save()
    return statement


@transaction.atomic
def return_statement(statement: Statement, *, reason: str, by):
    """Back to the preparer with the decision maker's reason (in the log); a new proposal assesses again."""
    statement = _locked(statement)
    errors = Errors()
    reason = _text(errors, "return_reason", reason, _("Kirjoita, miksi lausunto palautetaan."))
    errors.raise_if_any()
    _move(statement, enums.StatementState.RETURNED, by, note=reason)
    statement.save()
    return statement
