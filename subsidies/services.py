"""Writes of subsidies: receiving an application and every step of its workflow.

Plain arguments, one transaction each; every problem is collected (common.errors.Errors) and raised as one
ValidationError naming each field, and nothing is written when anything is refused. A step (subsidies.workflow) locks
the row, checks its state, who may take it (accounts.permissions, with why when refused) and its input, and logs it.
"""

import hashlib
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.exceptions import ValidationError as StdnumError
from stdnum.fi import ytunnus

from accounts import permissions, permissions_subsidies
from common.errors import Errors
from common.formatting import local_date
from organisation.models import CooperationBody, Delegation
from subsidies import assessment, closing, documents, rates, selectors, texts, workflow
from subsidies.enums import (
    Action,
    CaseType,
    DecisionKind,
    EmployerType,
    Outcome,
    RectificationOutcome,
    Stance,
    SubsidyKind,
)
from subsidies.models import Application, Decision, RectificationRequest, WorkingGroupStatement


def business_id(value: str, name: str, errors: Errors) -> str:
    """The Y-tunnus in its standard form (1234567-8), or an error on the field."""
    try:
        return ytunnus.format(ytunnus.validate(value))
    except StdnumError:
        errors.add(name, _("Y-tunnus ei ole kelvollinen (muoto 1234567-8, tarkiste oikein)."))
        return value


def receive_application(
    *,
    jobseeker,
    kind: str,
    received_on,
    start_date,
    months,
    by,
    employer_name: str = "",
    employer_business_id: str = "",
    employer_type: str = "",
    job_title: str = "",
    isco_code: str = "",
    monthly_pay_costs: Decimal | None = None,
    weekly_hours: Decimal | None = None,
    full_time_weekly_hours: Decimal | None = None,
    business_id_value: str = "",
    business_plan_summary: str = "",
    other_income: Decimal | None = None,
) -> Application:
    errors = Errors()
    if not permissions_subsidies.can_prepare_subsidy(by) or not permissions.can_view_jobseeker(by, jobseeker):
        errors.add(NON_FIELD_ERRORS, _("Hakemuksen kirjaa hakijan palvelevan kunnan ohjaaja tai lähiesihenkilö."))
        errors.raise_if_any()
    if kind not in SubsidyKind.values:
        errors.add("kind", _("Tuntematon tuki."))
    received_on = received_on or timezone.localdate()
    if received_on > timezone.localdate():
        errors.add("received_on", _("Saapumispäivä ei voi olla tulevaisuudessa."))
    _check_start_date(start_date, received_on, kind, errors)
    if not isinstance(months, int) or not 1 <= months <= 60:
        errors.add("months", _("Keston on oltava 1–60 kuukautta."))
    if isco_code and not (len(isco_code) == 4 and isco_code.isdigit()):
        errors.add("isco_code", _("ISCO-08-ammattiryhmän koodi on neljä numeroa."))
    if kind == SubsidyKind.START_UP_GRANT:
        if not business_plan_summary.strip():
            errors.add(
                "business_plan_summary", _("Starttirahahakemukseen tarvitaan liiketoimintasuunnitelman tiivistelmä.")
            )
        if business_id_value:
            business_id_value = business_id(business_id_value, "business_id", errors)
        if other_income is not None and other_income < 0:
            errors.add("other_income", _("Tulot eivät voi olla negatiiviset."))
    elif kind in SubsidyKind.values:
        for name, value in (("employer_name", employer_name), ("job_title", job_title)):
            if not value.strip():
                errors.add(name, _("Palkkatukihakemukseen pakollinen tieto."))
        employer_business_id = business_id(employer_business_id, "employer_business_id", errors)
        if employer_type not in EmployerType.values:
            errors.add("employer_type", _("Valitse työnantajan laji."))
        for name, value in (
            ("monthly_pay_costs", monthly_pay_costs),
            ("weekly_hours", weekly_hours),
            ("full_time_weekly_hours", full_time_weekly_hours),
        ):
            if value is None or value <= 0:
                errors.add(name, _("Palkkatukihakemukseen tarvitaan positiivinen luku."))
        if weekly_hours and full_time_weekly_hours and weekly_hours > full_time_weekly_hours:
            errors.add("weekly_hours", _("Työaika ei voi olla pidempi kuin alan kokoaikainen työaika."))
    errors.raise_if_any()
    start_up = kind == SubsidyKind.START_UP_GRANT
    with transaction.atomic():
        application = Application.objects.create(
            jobseeker=jobseeker,
            kind=kind,
            serving_municipality_id=jobseeker.serving_municipality_id,
            received_on=received_on,
            start_date=start_date,
            months=months,
            employer_name="" if start_up else employer_name.strip(),
            employer_business_id="" if start_up else employer_business_id,
            employer_type="" if start_up else employer_type,
            job_title=job_title.strip(),
            isco_code=isco_code,
            monthly_pay_costs=None if start_up else monthly_pay_costs,
            weekly_hours=None if start_up else weekly_hours,
            full_time_weekly_hours=None if start_up else full_time_weekly_hours,
            business_id=business_id_value if start_up else "",
            business_plan_summary=business_plan_summary.strip() if start_up else "",
            other_income=other_income if start_up else None,
            created_by=by,
            **assessment.eligibility_snapshot(jobseeker, received_on=received_on, start_date=start_date),
        )
        workflow.log(application, Action.RECEIVE, "", by)
    return application


def _check_start_date(start_date, received_on, kind: str, errors: Errors) -> None:
    if start_date is None:
        errors.add("start_date", _("Anna tuen alkamispäivä."))
        return
    earliest, latest = rates.start_date_window(received_on)
    if start_date < earliest:
        if kind == SubsidyKind.START_UP_GRANT:
            message = _("Starttirahaa ei myönnetä ennen hakemuksen saapumista (%(day)s) aloitettuun yritystoimintaan.")
        else:
            message = _(
                "Palkkatukea ei myönnetä takautuvasti: tuki voi alkaa aikaisintaan hakemuksen saapumispäivänä %(day)s."
            )
        errors.add("start_date", message % {"day": local_date(earliest)})
    elif start_date > latest:
        errors.add(
            "start_date",
            _("Tuki voi alkaa enintään %(months)s kuukautta hakemuksen saapumisen jälkeen eli viimeistään %(day)s.")
            % {"months": rates.MAX_START_AFTER_RECEIPT_MONTHS, "day": local_date(latest)},
        )


# --- steps ----------------------------------------------------------------------------------------------------------


def _require_preparer(application: Application, by, errors: Errors) -> None:
    if not permissions_subsidies.can_prepare_subsidy(by, application):
        errors.add(
            NON_FIELD_ERRORS,
            _("Hakemuksen valmistelee hakijan palvelevan kunnan (%(municipality)s) ohjaaja tai lähiesihenkilö.")
            % {"municipality": application.serving_municipality.name_fi},
        )
        errors.raise_if_any()


def _preparer_step(application_id, action: Action, by, *, note: str = "", note_required: bool = False, **changes):
    errors = Errors()
    with transaction.atomic():
        application = workflow.start(application_id, action, by, errors)
        _require_preparer(application, by, errors)
        if note_required and not note.strip():
            errors.add("note", _("Kirjoita, mitä pyydetään ja keneltä."))
        errors.raise_if_any()
        return workflow.move(application, action, by, note.strip(), **changes)


def start_preparation(application_id, *, by) -> Application:
    return _preparer_step(application_id, Action.START_PREPARATION, by, preparer=by)


def request_information(application_id, *, by, note: str) -> Application:
    return _preparer_step(application_id, Action.REQUEST_INFORMATION, by, note=note, note_required=True)


def information_received(application_id, *, by, note: str = "") -> Application:
    return _preparer_step(application_id, Action.INFORMATION_RECEIVED, by, note=note)


def request_statement(application_id, *, by, note: str = "") -> Application:
    return _preparer_step(application_id, Action.REQUEST_STATEMENT, by, note=note)


def working_group_for(application: Application) -> CooperationBody | None:
    """The area's working group for the case type (bodies.yaml: palkkatukityoryhma, starttirahatyoryhma)."""
    key = "starttirahatyoryhma" if application.case_type == CaseType.STARTUP_GRANT else "palkkatukityoryhma"
    return CooperationBody.objects.filter(key=key, area_id=application.jobseeker.area_id).first()


def record_statement(application_id, *, by, stance: str, text: str, given_on) -> WorkingGroupStatement:
    errors = Errors()
    with transaction.atomic():
        application = workflow.start(application_id, Action.RECORD_STATEMENT, by, errors)
        _require_preparer(application, by, errors)
        body = working_group_for(application)
        if body is None:
            errors.add(NON_FIELD_ERRORS, _("Alueella ei ole tämän asiaryhmän työryhmää."))
        if stance not in Stance.values:
            errors.add("stance", _("Valitse työryhmän kanta."))
        if not text.strip():
            errors.add("text", _("Kirjaa lausunnon sisältö."))
        if given_on is None or given_on > timezone.localdate():
            errors.add("given_on", _("Lausunnon päivä ei voi olla tulevaisuudessa."))
        errors.raise_if_any()
        statement = WorkingGroupStatement.objects.create(
            application=application, body=body, stance=stance, text=text.strip(), given_on=given_on, recorded_by=by
        )
        workflow.move(application, Action.RECORD_STATEMENT, by, Stance(stance).label)
    return statement


def _refusal_errors(result: rates.Result, errors: Errors) -> None:
    for check in result.refusals:
        errors.add(check.field or NON_FIELD_ERRORS, texts.refusal_text(check))


def propose(application_id, *, by, outcome: str, reasons: str) -> Application:
    """The preparer's proposal: a grant only when the rules in force allow it; a rejection always with reasons."""
    errors = Errors()
    with transaction.atomic():
        application = workflow.start(application_id, Action.PROPOSE, by, errors)
        _require_preparer(application, by, errors)
        if outcome not in Outcome.values:
            errors.add("outcome", _("Valitse esitys."))
        if outcome == Outcome.REJECTED and not reasons.strip():
            errors.add("reasons", _("Hylkäävä esitys tarvitsee perustelut."))
        if outcome == Outcome.GRANTED:
            _refusal_errors(assessment.assess(application), errors)
        errors.raise_if_any()
        return workflow.move(
            application, Action.PROPOSE, by, proposal_outcome=outcome, proposal_reasons=reasons.strip()
        )


def return_to_preparation(application_id, *, by, note: str) -> Application:
    """The decision maker sends the proposal back with what is missing."""
    errors = Errors()
    with transaction.atomic():
        application = workflow.start(application_id, Action.RETURN_TO_PREPARATION, by, errors)
        _require_decider(application, by, errors)
        if not note.strip():
            errors.add("note", _("Kirjoita, mitä valmistelussa on täydennettävä."))
        errors.raise_if_any()
        return workflow.move(application, Action.RETURN_TO_PREPARATION, by, note.strip())


def delegation_for(application: Application, by) -> Delegation | None:
    """The delegation under which `by` decides the application (the named official's own before the municipality's);
    None when they decide under the responsible municipality's own authority, or may not decide it at all."""
    rows = Delegation.objects.filter(
        decides=True, case_type=application.case_type, municipality_id=application.serving_municipality_id
    ).filter(Q(official_id=by.pk) | Q(official__isnull=True, municipality_id=by.home_municipality_id))
    return rows.order_by("official_id").first() if permissions_subsidies.can_decide_subsidy(by, application) else None


def authority_text(delegation: Delegation | None) -> str:
    """What a decision says its maker's authority rests on."""
    if delegation is None:
        return str(_("vastuukunnan oma toimivalta (laki työvoimapalvelujen järjestämisestä 380/2023)"))
    return str(delegation)


def _require_decider(application: Application, by, errors: Errors) -> Delegation | None:
    delegation = delegation_for(application, by)
    if not permissions_subsidies.can_decide_subsidy(by, application):
        errors.add(
            NON_FIELD_ERRORS,
            _(
                "Sinulla ei ole toimivaltaa päättää asiaryhmän ”%(case_type)s” asioita kunnassa %(municipality)s: "
                "päätösvalta perustuu delegointiin."
            )
            % {
                "case_type": CaseType(application.case_type).label,
                "municipality": application.serving_municipality.name_fi,
            },
        )
    elif application.transitions.filter(by=by, action__in=selectors.PREPARATION_ACTIONS).exists():
        errors.add(
            NON_FIELD_ERRORS,
            _("Hakemuksen valmistellut ei voi päättää sitä: valmistelija ja päättäjä ovat eri henkilöt."),
        )
    errors.raise_if_any()
    return delegation


def _decision(application, *, by, delegation, kind, outcome, reasons, language, rectification="", **extra) -> Decision:
    result = assessment.assess(application)
    granted = outcome == Outcome.GRANTED
    rule = result.rule
    area = application.jobseeker.area
    content = documents.DecisionContent(
        area=area.name_fi,
        municipality=application.serving_municipality.name_fi,
        reference=f"{application.get_kind_display()} {application.pk}",
        dated=timezone.localdate(),
        applicant=str(application.jobseeker),
        employer=application.employer_name,
        kind=application.get_kind_display(),
        outcome=Outcome(outcome).label.capitalize(),
        granted=granted,
        reasons=reasons,
        rule_key=rule.id if rule else "",
        rule_source=rule.source if rule else "",
        delegation=authority_text(delegation),
        decided_by=by.get_full_name() or by.username,
        monthly_amount=result.monthly_amount,
        total=result.total,
        start_date=application.start_date,
        end_date=result.end_date,
        rectification=rectification,
    )
    parts = documents.decision_parts(content, language)
    document = documents.decision_docx(parts)
    html = documents.decision_html(parts)
    try:
        with transaction.atomic():
            return Decision.objects.create(
                application=application,
                kind=kind,
                outcome=outcome,
                reasons=reasons,
                monthly_amount=result.monthly_amount if granted else None,
                total=result.total if granted else None,
                start_date=application.start_date if granted else None,
                end_date=result.end_date if granted else None,
                rule_key=content.rule_key,
                rule_source=content.rule_source,
                municipality_id=application.serving_municipality_id,
                delegation=delegation,
                decided_by=by,
                language=language,
                document=document,
                document_sha256=hashlib.sha256(document).hexdigest(),
                document_html=html,
                document_html_sha256=hashlib.sha256(html.encode()).hexdigest(),
                **extra,
            )
    except IntegrityError as error:
        # The row lock serialises deciders on PostgreSQL; this is the last line where the database has no such lock.
        raise ValidationError({NON_FIELD_ERRORS: [_("Hakemus on jo päätetty.")]}) from error


def decide(application_id, *, by, outcome: str = "", reasons: str = "", language: str = "fi") -> Decision:
    """The decision under delegated authority; by default as proposed. A grant only when the rules allow it."""
    errors = Errors()
    with transaction.atomic():
        application = workflow.start(application_id, Action.DECIDE, by, errors)
        delegation = _require_decider(application, by, errors)
        outcome = outcome or application.proposal_outcome
        # The proposal's reasons carry over only to the outcome they argue for; a decision against the proposal
        # states its own.
        if not reasons.strip() and outcome == application.proposal_outcome:
            reasons = application.proposal_reasons
        reasons = reasons.strip()
        if outcome not in Outcome.values:
            errors.add("outcome", _("Valitse ratkaisu."))
        if language not in ("fi", "sv"):
            errors.add("language", _("Päätös annetaan suomeksi tai ruotsiksi."))
        if outcome == Outcome.GRANTED:
            _refusal_errors(assessment.assess(application), errors)
            reasons = reasons or _("Hakemus täyttää tuen edellytykset.")
        elif not reasons:
            errors.add("reasons", _("Hylkäävä päätös tarvitsee perustelut."))
        errors.raise_if_any()
        decision = _decision(
            application,
            by=by,
            delegation=delegation,
            kind=DecisionKind.DECISION,
            outcome=outcome,
            reasons=reasons,
            language=language,
        )
        workflow.move(application, Action.DECIDE, by, Outcome(outcome).label)
    return decision


def notify(application_id, *, by, notified_on) -> Application:
    """The day the decision reached the applicant: the 30 days for a request for rectification run from it."""
    errors = Errors()
    with transaction.atomic():
        application = workflow.start(application_id, Action.NOTIFY, by, errors)
        if not (
            permissions_subsidies.can_prepare_subsidy(by, application)
            or permissions_subsidies.can_decide_subsidy(by, application)
        ):
            errors.add(NON_FIELD_ERRORS, _("Tiedoksiannon kirjaa valmisteleva kunta tai päättäjä."))
            errors.raise_if_any()
        decided_on = timezone.localdate(application.decisions.order_by("-decided_at").first().decided_at)
        if notified_on is None or not decided_on <= notified_on <= timezone.localdate():
            errors.add("notified_on", _("Tiedoksiantopäivä on päätöspäivän ja tämän päivän väliltä."))
        errors.raise_if_any()
        return workflow.move(application, Action.NOTIFY, by, notified_on=notified_on)


def request_rectification(application_id, *, by, received_on, grounds: str) -> RectificationRequest:
    errors = Errors()
    with transaction.atomic():
        application = workflow.start(application_id, Action.REQUEST_RECTIFICATION, by, errors)
        _require_preparer(application, by, errors)
        if RectificationRequest.objects.filter(application=application).exists():
            errors.add(
                NON_FIELD_ERRORS,
                _("Oikaisuvaatimus on jo ratkaistu; ratkaisuun haetaan muutosta hallinto-oikeudelta."),
            )
            errors.raise_if_any()
        deadline = documents.rectification_deadline(application.notified_on)
        if received_on is None or received_on > timezone.localdate() or received_on < application.notified_on:
            errors.add("received_on", _("Saapumispäivä on tiedoksiannon ja tämän päivän väliltä."))
        elif received_on > deadline:
            errors.add(
                "received_on",
                _("Oikaisuvaatimus on tehtävä 30 päivän kuluessa tiedoksiannosta eli viimeistään %(day)s.")
                % {"day": local_date(deadline)},
            )
        if not grounds.strip():
            errors.add("grounds", _("Kirjaa vaatimus ja sen perustelut."))
        errors.raise_if_any()
        request = RectificationRequest.objects.create(
            application=application, received_on=received_on, grounds=grounds.strip(), recorded_by=by
        )
        workflow.move(application, Action.REQUEST_RECTIFICATION, by)
    return request


def decide_rectification(application_id, *, by, result: str, reasons: str, language: str = "fi") -> Decision:
    """Upheld keeps the outcome, changed turns it; prepared with the area's legal support, decided under delegation."""
    errors = Errors()
    with transaction.atomic():
        application = workflow.start(application_id, Action.DECIDE_RECTIFICATION, by, errors)
        delegation = _require_decider(application, by, errors)
        if result not in RectificationOutcome.values:
            errors.add("result", _("Valitse, pysyykö päätös vai muutetaanko sitä."))
        if not reasons.strip():
            errors.add("reasons", _("Oikaisuvaatimuksen ratkaisu tarvitsee perustelut."))
        errors.raise_if_any()
        original = application.decisions.get(kind=DecisionKind.DECISION)
        outcome = original.outcome
        if result == RectificationOutcome.CHANGED:
            outcome = Outcome.REJECTED if original.outcome == Outcome.GRANTED else Outcome.GRANTED
        if outcome == Outcome.GRANTED:
            _refusal_errors(assessment.assess(application), errors)
            errors.raise_if_any()
        decision = _decision(
            application,
            by=by,
            delegation=delegation,
            kind=DecisionKind.RECTIFICATION,
            outcome=outcome,
            reasons=reasons.strip(),
            language=language,
            rectification=RectificationOutcome(result).label.capitalize(),
            rectification_outcome=result,
        )
        workflow.move(application, Action.DECIDE_RECTIFICATION, by, RectificationOutcome(result).label)
    return decision


def take_step(application_id, action: str, *, by, data: dict):
    """The step named `action` with the inputs it reads from `data`: one entry for the pages and the API."""
    text = {
        name: (data.get(name) or "") for name in ("note", "outcome", "reasons", "stance", "text", "grounds", "result")
    }
    steps = {
        Action.START_PREPARATION: lambda: start_preparation(application_id, by=by),
        Action.REQUEST_INFORMATION: lambda: request_information(application_id, by=by, note=text["note"]),
        Action.INFORMATION_RECEIVED: lambda: information_received(application_id, by=by, note=text["note"]),
        Action.REQUEST_STATEMENT: lambda: request_statement(application_id, by=by, note=text["note"]),
        Action.RECORD_STATEMENT: lambda: record_statement(
            application_id, by=by, stance=text["stance"], text=text["text"], given_on=data.get("given_on")
        ),
        Action.PROPOSE: lambda: propose(application_id, by=by, outcome=text["outcome"], reasons=text["reasons"]),
        Action.RETURN_TO_PREPARATION: lambda: return_to_preparation(application_id, by=by, note=text["note"]),
        Action.DECIDE: lambda: decide(
            application_id,
            by=by,
            outcome=text["outcome"],
            reasons=text["reasons"],
            language=data.get("language") or "fi",
        ),
        Action.NOTIFY: lambda: notify(application_id, by=by, notified_on=data.get("notified_on")),
        Action.REQUEST_RECTIFICATION: lambda: request_rectification(
            application_id, by=by, received_on=data.get("received_on"), grounds=text["grounds"]
        ),
        Action.DECIDE_RECTIFICATION: lambda: decide_rectification(
            application_id, by=by, result=text["result"], reasons=text["reasons"], language=data.get("language") or "fi"
        ),
        Action.CLOSE: lambda: closing.close(application_id, by=by, note=text["note"]),
    }
    if action not in steps:
        raise ValidationError({"action": [_("Tuntematon toimenpide.")]})
    return steps[action]()
