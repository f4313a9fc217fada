"""Cases for the demo: unemployment-security statements and subsidy applications of synthetic job seekers, in every
state, made through the apps' own services – so each has its transition log, its documents and its checks exactly as
when staff make them.

Statements start from the generated history: a job seeker who did not attend a statutory meeting in the last two
months gets a statement about it, drafted by their responsible counsellor, and is taken along the path (hearing,
reply, proposal, approval) to a state chosen for them. Subsidy applications are received for job seekers of every
municipality and taken to a state in turn; the decisions are made by decision makers holding the municipality's
delegation – synthetic ones (`synt-paattaja-<code>`) where the demo accounts have none – or by `paattaja` for the
responsible municipality.

Everything here is about synthetic people, so a new run of the population or the meetings removes it with them
(demo/erase.py); a new run of this module first removes what it made before.
"""

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from accounts import permissions_subsidies
from accounts.enums import Role
from accounts.models import User
from common.dates import add_months
from common.formatting import fi_date
from demo import erase
from demo.counsellors import SYNTHETIC_USERNAME_PREFIX
from jobseekers.enums import UNEMPLOYED_STATUSES
from jobseekers.models import Jobseeker
from organisation.models import Municipality
from service_model import enums as service_enums
from service_model.models import Meeting
from service_model.today import service_today
from statements import services as statement_services
from statements.enums import CaseType, Payer
from statements.models import Statement
from subsidies import attachment_services, payment_services
from subsidies import services as subsidy_services
from subsidies.enums import ApplicationState
from subsidies.models import Application, PaymentExport

SYNTHETIC_CASES = "jobseeker_id IN (SELECT id FROM jobseekers_jobseeker WHERE synthetic_month IS NOT NULL)"
# A payment file holds at least one payment: one left with none listed only invented payments, deleted before it.
EMPTIED_EXPORTS = (
    "NOT EXISTS (SELECT 1 FROM subsidies_paymentrequest WHERE subsidies_paymentrequest.export_id = "
    "subsidies_paymentexport.id)"
)
STATEMENT_STATES = ("draft", "hearing", "awaiting_approval", "approved")
MISSED_WINDOW_DAYS = 60
# Not every missed meeting becomes a statement: a valid reason told at once, a rebooking the same week.
STATEMENT_SHARE = 0.35
REPLY_DAYS = 7
# Most unemployed people are paid by Kela; members of an unemployment fund by their fund.
PAYERS = (
    {"payer": Payer.KELA, "payer_name": ""},
    {"payer": Payer.KELA, "payer_name": ""},
    {"payer": Payer.UNEMPLOYMENT_FUND, "payer_name": "Palkansaajien työttömyyskassa Pro"},
)


# The states an application is taken to, in turn, for the job seekers of each serving municipality.
APPLICATION_STATES = (
    "received",
    "in_preparation",
    "information_requested",
    "statement_requested",
    "proposed",
    "decided",
    "notified",
    "paid",
    "rectification_requested",
    # Every month paid and in a payment file: closed by the export (subsidies.closing).
    "closed",
)
KINDS = ("general", "start_up_grant", "general")
# Invented employers with invented (valid) business IDs.
EMPLOYERS = (
    ("Kainuun Puu Oy", "2999990-3", "Puuseppä", "7522"),
    ("Vuokatin Matkailu Oy", "2999991-1", "Vastaanottovirkailija", "4224"),
    ("Kuusamon Kone Oy", "2999993-8", "Asentaja", "7233"),
)
PAY_COSTS = Decimal("2900.00")


@dataclass
class CaseReport:
    statements: dict[str, int] = field(default_factory=dict)
    applications: dict[str, int] = field(default_factory=dict)
    deleted: int = 0
    decision_makers: int = 0


def _decision_maker_of(municipality_id: int) -> User | None:
    """A decision maker at home in the municipality: the demo account first, then a synthetic one."""
    return (
        User.objects.filter(role=Role.DECISION_MAKER, home_municipality_id=municipality_id, is_active=True)
        .order_by("username")
        .first()
    )


def _missed_meetings(today: date) -> list[Meeting]:
    """Each synthetic job seeker's latest missed statutory meeting of the last two months."""
    since = today - timedelta(days=MISSED_WINDOW_DAYS)
    missed = (
        Meeting.objects.filter(
            state=service_enums.MeetingState.DID_NOT_ATTEND,
            planned_at__date__gte=since,
            planned_at__date__lt=today,
            jobseeker__synthetic_month__isnull=False,
            jobseeker__job_search_ended_on__isnull=True,
            jobseeker__responsible_counsellor__isnull=False,
        )
        .exclude(meeting_type=service_enums.MeetingType.OTHER)
        .select_related("jobseeker", "jobseeker__responsible_counsellor")
        .order_by("jobseeker_id", "-planned_at")
    )
    latest = {}
    for meeting in missed:
        latest.setdefault(meeting.jobseeker_id, meeting)
    return list(latest.values())


def _statement(meeting: Meeting, state: str, today: date, rng: random.Random) -> Statement | None:
    person = meeting.jobseeker
    counsellor = person.responsible_counsellor
    conduct_on = timezone.localdate(meeting.planned_at)
    statement = statement_services.create_statement(
        jobseeker=person,
        case_type=CaseType.MISSED_MEETING,
        conduct_on=conduct_on,
        facts=f"Ei saapunut sovittuun tapaamiseen ({meeting.get_meeting_type_display()}) {fi_date(conduct_on)}.",
        **rng.choice(PAYERS),
        by=counsellor,
        today=today,
    )
    if state == "draft":
        return statement
    asked_on = min(today, conduct_on + timedelta(days=1))
    statement = statement_services.send_hearing(
        statement,
        question="Kerro, miksi et saapunut sovittuun tapaamiseen, ja toimita mahdollinen selvitys.",
        reply_due_on=today + timedelta(days=REPLY_DAYS),
        by=counsellor,
        today=asked_on,
    )
    if state == "hearing":
        return statement
    statement = statement_services.record_reply(
        statement, reply="Unohdin tapaamisen.", received_on=today, by=counsellor, today=today
    )
    statement = statement_services.propose(
        statement, valid_reason=False, judgement="Unohtaminen ei ole pätevä syy.", by=counsellor, today=today
    )
    if state == "awaiting_approval":
        return statement
    approver = _decision_maker_of(person.serving_municipality_id)
    if approver is None:
        return statement
    return statement_services.approve(statement, by=approver, today=today)


def ensure_decision_makers() -> int:
    """A synthetic decision maker in each serving municipality that has none, so that every statement and every
    delegated subsidy decision has someone at home in the municipality to make it."""
    serving = Jobseeker.objects.filter(synthetic_month__isnull=False).values("serving_municipality_id").distinct()
    created = 0
    for municipality in Municipality.objects.filter(pk__in=serving).order_by("code"):
        if User.objects.filter(role=Role.DECISION_MAKER, home_municipality=municipality, is_active=True).exists():
            continue
        User.objects.create(
            username=f"{SYNTHETIC_USERNAME_PREFIX}paattaja-{municipality.code}",
            first_name="Päättäjä",
            last_name=municipality.name_fi,
            role=Role.DECISION_MAKER,
            home_municipality=municipality,
        )
        created += 1
    return created


def _decider(application: Application) -> User | None:
    """Whoever may decide the application: the delegation's holder, or the responsible municipality's decision
    maker (accounts.permissions_subsidies.subsidy_decision_rights)."""
    for user in User.objects.filter(role=Role.DECISION_MAKER, is_active=True).order_by("username"):
        if permissions_subsidies.can_decide_subsidy(user, application):
            return user
    return None


def _applicants(municipality_id: int) -> list[Jobseeker]:
    return list(
        Jobseeker.objects.filter(
            synthetic_month__isnull=False,
            serving_municipality_id=municipality_id,
            status__in=UNEMPLOYED_STATUSES,
            job_search_ended_on__isnull=True,
            responsible_counsellor__isnull=False,
        ).order_by("pk")[: len(APPLICATION_STATES)]
    )


def _application(person: Jobseeker, index: int, today: date, payers: tuple[User, User] | None) -> Application:
    """`payers`: who records a payment request and who approves it (never the same person)."""
    target = APPLICATION_STATES[index % len(APPLICATION_STATES)]
    # The employer's payment request is the paid case; a start-up grant is paid without one.
    kind = "general" if target in ("paid", "closed") else KINDS[index % len(KINDS)]
    preparer = person.responsible_counsellor
    # Cases further along the path came in earlier.
    received_on = today - timedelta(days=10 + 10 * index)
    employer, business_id, title, isco = EMPLOYERS[index % len(EMPLOYERS)]
    values = {"start_date": received_on + timedelta(days=14)}
    if kind == "start_up_grant":
        values |= {"months": 6, "business_plan_summary": "Toiminimi: metsä- ja pihatyöt.", "other_income": 0}
    else:
        values |= {
            # The closed case's short period has ended by the demo's day, so all of it is paid.
            "months": 2 if target == "closed" else 5,
            "employer_name": employer,
            "employer_business_id": business_id,
            "employer_type": "company",
            "job_title": title,
            "isco_code": isco,
            "monthly_pay_costs": PAY_COSTS,
            "weekly_hours": Decimal("37.5"),
            "full_time_weekly_hours": Decimal("37.5"),
        }
    application = subsidy_services.receive_application(
        jobseeker=person, kind=kind, received_on=received_on, by=preparer, **values
    )
    steps = APPLICATION_STATES[: APPLICATION_STATES.index(target) + 1]
    if "in_preparation" in steps:
        subsidy_services.start_preparation(application.pk, by=preparer)
    if target == "in_preparation":
        attachment_services.add_attachment(
            application.pk, by=preparer, name="palkkalaskelma.pdf", content=_pdf(f"Palkkalaskelma: {employer}")
        )
    if target == "information_requested":
        subsidy_services.request_information(application.pk, by=preparer, note="Palkkalaskelma puuttuu.")
    if "statement_requested" in steps:
        subsidy_services.request_statement(application.pk, by=preparer)
    if "proposed" in steps:
        subsidy_services.record_statement(
            application.pk, by=preparer, stance="supports", text="Työryhmä puoltaa.", given_on=today
        )
        subsidy_services.propose(application.pk, by=preparer, outcome="granted", reasons="")
    decider = _decider(application) if "decided" in steps else None
    if decider is not None:
        decision = subsidy_services.decide(application.pk, by=decider)
        # A decision is dated by the clock (subsidies stamps it), so its notification and any rectification request
        # follow the clock too, even when the demo's reference day is pinned elsewhere.
        decided_on = timezone.localdate()
        if "notified" in steps:
            subsidy_services.notify(application.pk, by=preparer, notified_on=decided_on)
        if target == "rectification_requested":
            subsidy_services.request_rectification(
                application.pk, by=preparer, received_on=decided_on, grounds="Hakija pyytää pidempää tukiaikaa."
            )
        if target == "paid" and payers is not None:
            _pay(decision, payers, today, months=1)
        if target == "closed" and payers is not None:
            _pay(decision, payers, today, months=application.months)
            payment_services.export_payments(by=payers[1])
    application.refresh_from_db()
    return application


def _pay(decision, payers: tuple[User, User], today: date, *, months: int) -> None:
    """The first `months` months of the subsidy, one request each, recorded by one handler and approved by another;
    only months that have ended by `today` are claimed."""
    recorder, approver = payers
    for n in range(months):
        start = add_months(decision.start_date, n)
        end = min(add_months(decision.start_date, n + 1) - timedelta(days=1), decision.end_date)
        if end >= today:
            return
        request = payment_services.record_payment(
            decision.pk,
            by=recorder,
            received_on=today,
            period_start=start,
            period_end=end,
            amount=decision.monthly_amount,
            pay_costs=PAY_COSTS,
            pay_slip_reference=f"PL-{n + 1}",
        )
        payment_services.approve_payment(request.pk, by=approver)


def _payers() -> tuple[User, User] | None:
    """The first payment handler approves; a second one of the same municipality records (four eyes) – the demo
    account `maksatus2`, or a synthetic handler where the accounts have none."""
    approver = User.objects.filter(role=Role.PAYMENT_HANDLER, is_active=True).order_by("username").first()
    if approver is None:
        return None
    recorder = (
        User.objects.filter(
            role=Role.PAYMENT_HANDLER, is_active=True, home_municipality_id=approver.home_municipality_id
        )
        .exclude(pk=approver.pk)
        .order_by("username")
        .first()
    )
    if recorder is None:
        recorder, _created = User.objects.get_or_create(
            username=f"{SYNTHETIC_USERNAME_PREFIX}maksatus-{approver.home_municipality.code}",
            defaults={
                "first_name": "Maksatus",
                "last_name": approver.home_municipality.name_fi,
                "role": Role.PAYMENT_HANDLER,
                "home_municipality": approver.home_municipality,
            },
        )
    return recorder, approver


def _pdf(text: str) -> bytes:
    """A one-page PDF with one line of text (ASCII), its cross-reference table computed, as a scanned pay slip would
    be attached."""
    line = text.encode("ascii", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 14 Tf 72 770 Td (" + line + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def generate(*, seed: int = 1, today: date | None = None) -> CaseReport:
    today = today or service_today()
    report = CaseReport()
    rng = random.Random(f"cases:{seed}")
    with transaction.atomic():
        report.decision_makers = ensure_decision_makers()
        report.deleted = erase.delete(Statement, SYNTHETIC_CASES)
        missed = [meeting for meeting in _missed_meetings(today) if rng.random() < STATEMENT_SHARE]
        for index, meeting in enumerate(missed):
            state = STATEMENT_STATES[index % len(STATEMENT_STATES)]
            made = _statement(meeting, state, today, rng)
            if made is not None:
                report.statements[made.state] = report.statements.get(made.state, 0) + 1
        report.deleted += erase.delete(Application, SYNTHETIC_CASES)
        erase.delete(PaymentExport, EMPTIED_EXPORTS)
        payers = _payers()
        serving = Jobseeker.objects.filter(synthetic_month__isnull=False).values("serving_municipality_id")
        cases = [
            (person, index)
            for municipality_id in sorted(set(serving.values_list("serving_municipality_id", flat=True)))
            for index, person in enumerate(_applicants(municipality_id))
        ]
        # The closed cases first: their export takes every approved payment, and the paid cases' approved requests
        # are to stay waiting for the demo's payment handler.
        closed_first = sorted(cases, key=lambda case: APPLICATION_STATES[case[1] % len(APPLICATION_STATES)] != "closed")
        for person, index in closed_first:
            made = _application(person, index, today, payers)
            state = ApplicationState(made.state)
            report.applications[state] = report.applications.get(state, 0) + 1
    return report
