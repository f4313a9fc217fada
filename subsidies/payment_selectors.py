"""Reads of subsidy payments, taking the user; which municipality's finance pays a decision.

The plan (§2) leaves open whether payments go centrally through the responsible municipality or through each
municipality's own finance; the area's data says it per delegation (`Delegation.payment`). A municipality whose
delegation for the case type says `municipal_finance` pays its own decisions; every other arrangement (central,
undecided, no delegation at all) is paid by the responsible municipality, which remains the employment authority
(Act 380/2023) until the area decides otherwise.

A payment request shows a person (the payee of a start-up grant, the employee of a pay subsidy): every read is logged
with the job seeker as the subject, and a payment handler sees only what payment needs.
"""

from decimal import Decimal
from functools import reduce
from operator import or_

from django.db.models import Count, Q, QuerySet, Sum
from django.http import Http404

from accounts import permissions, permissions_subsidies
from audit.services import log_access
from jobseekers.selectors import SUBJECT_TYPE
from organisation.enums import PaymentArrangement
from organisation.models import Delegation, Municipality
from subsidies import payments, rule_store
from subsidies.enums import LIVE_PAYMENT_STATES, ApplicationState, CaseType, Outcome, PaymentState, SubsidyKind
from subsidies.models import Application, Decision, PaymentExport, PaymentRequest
from subsidies.rates import CENT


def arrangements(area) -> dict[tuple[int, str], tuple[str, int]]:
    """(municipality id, case type) → (arrangement, paying municipality id) for every municipality of the area."""
    own = {
        (row.municipality_id, row.case_type): row.payment
        for row in Delegation.objects.filter(area=area, official__isnull=True, case_type__in=CaseType.values)
    }
    result = {}
    for municipality_id in Municipality.objects.filter(area=area).values_list("pk", flat=True):
        for case_type in CaseType.values:
            arrangement = own.get((municipality_id, case_type), PaymentArrangement.NOT_APPLICABLE)
            if arrangement == PaymentArrangement.MUNICIPAL_FINANCE or area.responsible_municipality_id is None:
                payer = municipality_id
            else:
                payer = area.responsible_municipality_id
            result[(municipality_id, case_type)] = (arrangement, payer)
    return result


def paying_municipality_id(application: Application) -> int:
    area = application.serving_municipality.area
    return arrangements(area)[(application.serving_municipality_id, application.case_type)][1]


def _paid_by(user) -> list[tuple[int, str]]:
    if not permissions_subsidies.can_handle_subsidy_payments(user):
        return []
    area = user.home_municipality.area
    return [key for key, (_arrangement, payer) in arrangements(area).items() if payer == user.home_municipality_id]


def arrangement_rows(user) -> list[dict]:
    """The payment arrangement of every municipality and case type, and whether the user's finance pays it."""
    if not permissions_subsidies.can_handle_subsidy_payments(user):
        return []
    names = dict(Municipality.objects.values_list("pk", "name_fi"))
    return [
        {
            "municipality": names[municipality_id],
            "case_type": CaseType(case_type).label,
            "arrangement": PaymentArrangement(arrangement).label,
            "payer": names[payer],
            "mine": payer == user.home_municipality_id,
        }
        for (municipality_id, case_type), (arrangement, payer) in sorted(
            arrangements(user.home_municipality.area).items(), key=lambda item: (names[item[0][0]], item[0][1])
        )
    ]


def latest_decision(application: Application) -> Decision | None:
    """The decision in force: a rectification's when there is one."""
    return application.decisions.order_by("-decided_at", "-pk").first()


def payable(user) -> list[tuple[Application, Decision]]:
    """Notified applications whose decision in force grants, paid by the user's finance (not logged: log_people)."""
    pairs = _paid_by(user)
    if not pairs:
        return []
    scope = reduce(or_, (Q(serving_municipality_id=m, kind__in=CaseType(case_type).kinds()) for m, case_type in pairs))
    rows = []
    for application in (
        Application.objects.filter(scope, state=ApplicationState.NOTIFIED)
        .select_related("jobseeker", "serving_municipality")
        .order_by("received_on", "pk")
    ):
        decision = latest_decision(application)
        if decision is not None and decision.outcome == Outcome.GRANTED:
            rows.append((application, decision))
    return rows


def get_payable(user, decision_pk, *, view: str, purpose: str) -> tuple[Application, Decision]:
    """A decision the user may record payments against (its person's read logged); otherwise 404 and a denied row."""
    found = next(((a, d) for a, d in payable(user) if str(d.pk) == str(decision_pk)), None)
    if found is None:
        jobseeker_id = Decision.objects.filter(pk=decision_pk).values_list("application__jobseeker_id", flat=True)
        _refused(user, jobseeker_id.first() if str(decision_pk).isdigit() else None, view, purpose)
    log_access(user, [found[0].jobseeker], view=view, purpose=purpose)
    return found


def requests(user, *, state: str = "") -> QuerySet:
    if not permissions_subsidies.can_handle_subsidy_payments(user):
        return PaymentRequest.objects.none()
    rows = PaymentRequest.objects.filter(paying_municipality_id=user.home_municipality_id)
    if state:
        rows = rows.filter(state=state)
    return rows.select_related(
        "application__jobseeker", "application__serving_municipality", "decision", "recorded_by"
    ).order_by("received_on", "pk")


def awaiting_export(user) -> QuerySet:
    """The approved requests the user's next payment file takes: never one whose application has closed (a rejection
    closes with no payment check, and nothing is paid after closing)."""
    return (
        requests(user, state=PaymentState.APPROVED)
        .filter(export__isnull=True)
        .exclude(application__state=ApplicationState.CLOSED)
    )


def get_request(user, pk, *, view: str, purpose: str) -> PaymentRequest:
    row = requests(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if row is None:
        jobseeker_id = None
        if str(pk).isdigit():
            jobseeker_id = PaymentRequest.objects.filter(pk=pk).values_list("application__jobseeker_id", flat=True)
            jobseeker_id = jobseeker_id.first()
        _refused(user, jobseeker_id, view, purpose)
    log_access(user, [row.application.jobseeker], view=view, purpose=purpose)
    return row


def _refused(user, jobseeker_id, view, purpose):
    if permissions.is_staff_member(user) and jobseeker_id is not None:
        log_access(user, [jobseeker_id], view=view, purpose=purpose, granted=False, subject_type=SUBJECT_TYPE)
    raise Http404


def log_people(user, applications, *, view: str, purpose: str) -> None:
    log_access(user, [application.jobseeker for application in applications], view=view, purpose=purpose)


def exports(user) -> QuerySet:
    if not permissions_subsidies.can_handle_subsidy_payments(user):
        return PaymentExport.objects.none()
    return PaymentExport.objects.filter(paying_municipality_id=user.home_municipality_id).select_related(
        "created_by", "paying_municipality"
    )


def get_export(user, pk, *, view: str, purpose: str) -> PaymentExport:
    """A payment file of the user's finance, its people's reads logged; otherwise 404 and a denied row for each."""
    export = exports(user).filter(pk=pk).first() if str(pk).isdigit() else None
    if export is None:
        if permissions.is_staff_member(user) and str(pk).isdigit():
            people = PaymentRequest.objects.filter(export_id=pk).values_list("application__jobseeker_id", flat=True)
            log_access(user, list(people), view=view, purpose=purpose, granted=False, subject_type=SUBJECT_TYPE)
        raise Http404
    people = [row.application.jobseeker for row in export.requests.select_related("application__jobseeker")]
    log_access(user, people, view=view, purpose=purpose)
    return export


# --- the decision's figures and running totals -----------------------------------------------------------------------


def grant_of(decision: Decision) -> payments.Grant | None:
    """The decided figures as the payment check reads them, with the rule's per-payment figures (a pay subsidy's
    share, a start-up grant's daily amount) from the rule the decision names; None when that rule is gone."""
    rules = rule_store.current_rules()
    figures = {}
    if decision.application.kind == SubsidyKind.START_UP_GRANT:
        rule = next((r for r in rules.start_up_grant if r.id == decision.rule_key), None)
        if rule is not None:
            figures = {"daily_amount": rule.daily_amount, "days_per_week": rule.days_per_week}
    else:
        rule = next((r for r in rules.pay_subsidy if r.id == decision.rule_key), None)
        if rule is not None:
            figures = {"share_percent": rule.share_percent}
    if rule is None:
        return None
    return payments.Grant(decision.start_date, decision.end_date, decision.monthly_amount, decision.total, **figures)


def live_claims(application: Application, *, excluding=None) -> list[payments.Claim]:
    rows = PaymentRequest.objects.filter(application=application, state__in=LIVE_PAYMENT_STATES)
    if excluding is not None:
        rows = rows.exclude(pk=excluding)
    return [payments.Claim(r.period_start, r.period_end, r.amount, r.pay_costs) for r in rows]


def decision_totals(application: Application, decision: Decision) -> dict:
    """What the decision grants, what is claimed, approved and paid of it, and what is left."""
    sums = {state: Decimal(0) for state in (PaymentState.SUBMITTED, PaymentState.APPROVED, PaymentState.EXPORTED)}
    for row in (
        PaymentRequest.objects.filter(application=application, state__in=LIVE_PAYMENT_STATES)
        .values("state")
        .annotate(total=Sum("amount"))
    ):
        sums[row["state"]] = row["total"]
    claimed = sum(sums.values(), Decimal(0))
    # Sums come back from SQLite without their cents: quantized, 1 260 shows as 1 260,00 like the decision's figures.
    return {
        name: value.quantize(CENT)
        for name, value in {
            "granted": decision.total,
            "submitted": sums[PaymentState.SUBMITTED],
            "approved": sums[PaymentState.APPROVED],
            "paid": sums[PaymentState.EXPORTED],
            "left": decision.total - claimed,
        }.items()
    }


def municipality_totals(user) -> list[dict]:
    """Approved and paid amounts by the deciding municipality and kind: the running totals against each budget."""
    return list(
        requests(user)
        .filter(state__in=(PaymentState.APPROVED, PaymentState.EXPORTED))
        .values("application__serving_municipality__name_fi", "application__kind", "state")
        .annotate(count=Count("pk"), total=Sum("amount"))
        .order_by("application__serving_municipality__name_fi", "application__kind", "state")
    )
