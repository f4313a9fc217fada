"""Every URL the project serves, requested as anonymous and as every role, against one declarative table.

A new URL that is not in RULES fails `test_every_url_is_declared` with the name to add. A rule says which roles may
use the URL; `scoped` rules build their object in one municipality and expect users of another municipality to get
404 (no existence leak).
"""

from dataclasses import dataclass, field

import pytest
from django.urls import URLResolver, get_resolver, reverse

from accounts.enums import Role

ALL_ROLES = frozenset(Role)


@dataclass(frozen=True)
class Rule:
    roles: frozenset = ALL_ROLES
    kwargs: object = field(default_factory=dict)
    api: bool = False
    # How the URL is used: a POST-only URL is requested with `data` (a dict, or a callable building one) and
    # answers an allowed role with one of `ok` (e.g. 302 for a form that redirects).
    method: str = "get"
    data: object = None
    ok: tuple = (200,)
    # Roles whose access to the rule's object depends on the municipality: a user of such a role in another
    # municipality (OTHER_MUNICIPALITY) must get 404 – the object's existence does not leak.
    scoped: frozenset = frozenset()
    # Whose data the scoped object is: the marked job seeker, or (e.g. a staff member's survey answers) someone else,
    # whose refused read is logged under their own subject.
    subject: str = "jobseeker"


def first_pk(model_path):
    def build():
        from django.apps import apps

        return {"pk": apps.get_model(model_path).objects.order_by("pk").first().pk}

    return build


# Users are made in HOME_MUNICIPALITY and placed in its team (a counsellor serves their team's pool); scoped objects
# belong to HOME_MUNICIPALITY's pool, and OTHER_MUNICIPALITY's users must not find them.
HOME_MUNICIPALITY = "578"
OTHER_MUNICIPALITY = "205"
PERSONAL_DATA = frozenset({Role.COUNSELLOR, Role.SUPERVISOR, Role.DECISION_MAKER, Role.ADMINISTRATOR})
REGISTERS = frozenset({Role.COUNSELLOR, Role.SUPERVISOR, Role.ADMINISTRATOR})
ASSIGNS = frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR})
MUNICIPALITY_SCOPED = frozenset({Role.COUNSELLOR, Role.SUPERVISOR, Role.DECISION_MAKER})


def scoped_jobseeker():
    """A Hyrynsalmi resident, served by the team of Paltamo (HOME_MUNICIPALITY); made once per test."""
    from jobseekers.models import Jobseeker
    from tests.jobseekers.factories import make_jobseeker

    return Jobseeker.objects.filter(last_name="Matriisi").first() or make_jobseeker(
        municipality="105", last_name="Matriisi"
    )


def jobseeker_pk():
    return {"pk": scoped_jobseeker().pk}


def jobseeker_hetu():
    return {"hetu": scoped_jobseeker().reveal_hetu()}


ROUTE_PREVIEW = {"municipality": "105", "service_language": "fi", "birth_date": "1980-01-01"}


def scoped_meeting():
    """A job-search discussion of the scoped job seeker booked two days ahead (so recording it now is refused)."""
    from datetime import timedelta

    from django.utils import timezone

    from accounts.models import User
    from organisation.models import Municipality
    from service_model.models import Meeting

    jobseeker = scoped_jobseeker()
    meeting = Meeting.objects.filter(jobseeker=jobseeker).first()
    if meeting is None:
        counsellor, _created = User.objects.get_or_create(
            username="matriisi-ohjaaja",
            defaults={"role": Role.COUNSELLOR, "home_municipality": Municipality.objects.get(code=HOME_MUNICIPALITY)},
        )
        meeting = Meeting.objects.create(
            jobseeker=jobseeker,
            meeting_type="job_search_discussion",
            channel="phone",
            planned_at=timezone.now().replace(hour=10, minute=0, second=0, microsecond=0) + timedelta(days=2),
            counsellor=counsellor,
            serving_municipality_id=jobseeker.serving_municipality_id,
        )
    return meeting


def scoped_plan():
    from django.utils import timezone

    from service_model.models import EmploymentPlan, PlanTask

    jobseeker = scoped_jobseeker()
    plan, _created = EmploymentPlan.objects.get_or_create(
        jobseeker=jobseeker, defaults={"goal": "Matriisin tavoite.", "drawn_up_on": timezone.localdate()}
    )
    task = PlanTask.objects.filter(plan=plan).first() or PlanTask.objects.create(plan=plan, title="Päivitä CV")
    return plan, task


def web_meeting_pk():
    return {"pk": scoped_meeting().pk}


def api_jobseeker():
    return {"jobseeker_pk": scoped_jobseeker().pk}


def api_meeting():
    meeting = scoped_meeting()
    return {"jobseeker_pk": meeting.jobseeker_id, "pk": meeting.pk}


def api_plan():
    plan, _task = scoped_plan()
    return {"jobseeker_pk": plan.jobseeker_id}


def api_task():
    plan, task = scoped_plan()
    return {"jobseeker_pk": plan.jobseeker_id, "pk": task.pk}


def agenda_counsellor_pk():
    """The counsellor of the scoped meeting (HOME_MUNICIPALITY): only the supervisor leading them opens the agenda."""
    return {"pk": scoped_meeting().counsellor_id}


def scoped_journal_entry():
    """A note on the scoped job seeker's client journal, written by their counsellor."""
    from django.utils import timezone

    from jobseekers.models import JournalEntry

    jobseeker = scoped_jobseeker()
    return JournalEntry.objects.filter(jobseeker=jobseeker).first() or JournalEntry.objects.create(
        jobseeker=jobseeker,
        kind="note",
        entry_date=timezone.localdate(),
        text="Matriisin merkintä.",
        author=scoped_meeting().counsellor,
    )


def web_journal_entry():
    entry = scoped_journal_entry()
    return {"pk": entry.jobseeker_id, "entry_pk": entry.pk}


def api_journal_entry():
    entry = scoped_journal_entry()
    return {"jobseeker_pk": entry.jobseeker_id, "pk": entry.pk}


def web_plan_jobseeker():
    """The scoped job seeker with an employment plan (the plan letter's pages need one)."""
    plan, _task = scoped_plan()
    return {"pk": plan.jobseeker_id}


def api_invitation_meeting():
    return {"meeting_pk": scoped_meeting().pk}


def scoped_statement():
    """A draft statement on the scoped job seeker, drafted by their counsellor (so no matrix user drafted it)."""
    from statements.models import Statement
    from tests.statements.factories import make_statement

    jobseeker = scoped_jobseeker()
    return Statement.objects.filter(jobseeker=jobseeker).first() or make_statement(
        jobseeker, by=scoped_meeting().counsellor
    )


def statement_pk():
    return {"pk": scoped_statement().pk}


def statement_jobseeker_pk():
    return {"jobseeker_pk": scoped_jobseeker().pk}


def statement_transition(roles, scoped) -> Rule:
    """An API transition of the scoped (draft) statement, sent without input: 400 for an allowed role."""
    return Rule(api=True, roles=roles, kwargs=statement_pk, method="post", data={}, ok=(400,), scoped=scoped)


def scoped_subsidy_application():
    """A pay-subsidy application of the scoped job seeker, decided under Paltamo's delegation (HOME_MUNICIPALITY)."""
    from datetime import date

    from common.documents import LetterDocument
    from organisation.models import Delegation
    from subsidies.models import Application, Decision

    jobseeker = scoped_jobseeker()
    application = Application.objects.filter(jobseeker=jobseeker).first()
    if application is None:
        counsellor = scoped_meeting().counsellor
        application = Application.objects.create(
            jobseeker=jobseeker,
            kind="general",
            serving_municipality_id=jobseeker.serving_municipality_id,
            state="decided",
            received_on=date(2025, 2, 1),
            start_date=date(2025, 3, 1),
            months=6,
            employer_name="Matriisi Oy",
            created_by=counsellor,
        )
        Decision.objects.create(
            application=application,
            outcome="rejected",
            reasons="Matriisin perustelut.",
            municipality_id=jobseeker.serving_municipality_id,
            delegation=Delegation.objects.get(municipality__code=HOME_MUNICIPALITY, case_type="pay_subsidy"),
            decided_by=counsellor,
            document=LetterDocument("Matriisin päätös").to_bytes(),
            document_sha256="0" * 64,
            document_html="<article><h1>Matriisin päätös</h1></article>",
        )
    return application


def subsidy_application_pk():
    return {"pk": scoped_subsidy_application().pk}


def subsidy_step():
    return {"pk": scoped_subsidy_application().pk, "action": "notify"}


def subsidy_decision():
    application = scoped_subsidy_application()
    return {"pk": application.pk, "decision_pk": application.decisions.get().pk}


def subsidy_attachment():
    """A PDF attached to the scoped (decided) application: read with it, deleted by nobody any more."""
    from subsidies.models import Attachment

    application = scoped_subsidy_application()
    attachment = application.attachments.first() or Attachment.objects.create(
        application=application,
        name="matriisi.pdf",
        content_type="application/pdf",
        size=9,
        content=b"%PDF-1.4\n",
        sha256="0" * 64,
        uploaded_by=application.created_by,
    )
    return {"pk": application.pk, "attachment_pk": attachment.pk}


def scoped_subsidy_payment():
    """A payment request of the scoped job seeker's granted and notified pay subsidy, exported in a payment file.
    HOME_MUNICIPALITY's delegation is set to pay through its own finance, so that OTHER_MUNICIPALITY (the responsible
    municipality, which pays otherwise) must not find it."""
    from datetime import date
    from decimal import Decimal

    from common.documents import LetterDocument
    from organisation.models import Delegation
    from subsidies.models import Application, Decision, PaymentExport, PaymentRequest

    existing = PaymentRequest.objects.filter(application__jobseeker=scoped_jobseeker()).first()
    if existing is not None:
        return existing
    original = scoped_subsidy_application()
    delegation = Delegation.objects.get(municipality__code=HOME_MUNICIPALITY, case_type="pay_subsidy")
    delegation.payment = "municipal_finance"
    delegation.save()
    application = Application.objects.create(
        jobseeker=original.jobseeker,
        kind="general",
        serving_municipality_id=original.serving_municipality_id,
        state="notified",
        received_on=date(2025, 2, 1),
        start_date=date(2025, 3, 1),
        months=5,
        employer_name="Matriisi Oy",
        employer_business_id="2077474-0",
        notified_on=date(2025, 3, 1),
        created_by=original.created_by,
    )
    decision = Decision.objects.create(
        application=application,
        outcome="granted",
        reasons="Matriisin perustelut.",
        monthly_amount=Decimal("1260.00"),
        total=Decimal("6300.00"),
        start_date=date(2025, 3, 1),
        end_date=date(2025, 7, 31),
        rule_key="palkkatuki-yleinen-2023-07",
        municipality_id=original.serving_municipality_id,
        delegation=delegation,
        decided_by=original.created_by,
        document=LetterDocument("Matriisin päätös").to_bytes(),
        document_sha256="0" * 64,
    )
    export = PaymentExport.objects.create(
        paying_municipality_id=original.serving_municipality_id,
        created_by=original.created_by,
        count=1,
        total=Decimal("1260.00"),
        content=b"maksuera\r\n",
        content_sha256="0" * 64,
    )
    values = {"application": application, "decision": decision, "received_on": date(2025, 4, 1),
              "paying_municipality_id": original.serving_municipality_id, "recorded_by": original.created_by,
              "amount": Decimal("1260.00"), "pay_costs": Decimal("2800.00"), "pay_slip_reference": "PL-1"}  # fmt: skip
    PaymentRequest.objects.create(
        **values, period_start=date(2025, 3, 1), period_end=date(2025, 3, 31), state="exported", export=export
    )
    return PaymentRequest.objects.create(**values, period_start=date(2025, 4, 1), period_end=date(2025, 4, 30))


def subsidy_payment_pk():
    return {"pk": scoped_subsidy_payment().pk}


def subsidy_payment_step():
    return {"pk": scoped_subsidy_payment().pk, "action": "reject"}


def subsidy_payment_decision():
    return {"decision_pk": scoped_subsidy_payment().decision_id}


def subsidy_payment_export():
    return {"pk": scoped_subsidy_payment().application.payment_requests.exclude(export=None).get().export_id}


OVERVIEW = frozenset({Role.SUPERVISOR, Role.AREA_MANAGER, Role.ADMINISTRATOR})
MANAGES = frozenset({Role.COUNSELLOR, Role.SUPERVISOR})
DECIDES = frozenset({Role.DECISION_MAKER})
PAYS = frozenset({Role.PAYMENT_HANDLER})
SUBSIDY_REPORTS = frozenset(
    {Role.AREA_MANAGER, Role.SUPERVISOR, Role.DECISION_MAKER, Role.PAYMENT_HANDLER, Role.ADMINISTRATOR}
)

PLANNING = frozenset({Role.AREA_MANAGER, Role.SUPERVISOR, Role.ADMINISTRATOR})
EMPLOYER_SERVICES = frozenset({Role.EMPLOYER_SERVICES, Role.ADMINISTRATOR})


def matrix_vacancy():
    """An open vacancy of a Paltamo employer (made once per test); employers are area-wide, so not `scoped`."""
    from employers.models import Employer, Vacancy
    from organisation.models import Municipality

    municipality = Municipality.objects.get(code=HOME_MUNICIPALITY)
    employer, _created = Employer.objects.get_or_create(
        area=municipality.area, business_id="0116297-6", defaults={"name": "Matriisi Oy", "municipality": municipality}
    )
    return Vacancy.objects.filter(employer=employer).first() or Vacancy.objects.create(
        employer=employer,
        title="Matriisin työpaikka",
        occupation="3221",
        municipality=municipality,
        working_time="full_time",
        employment_type="permanent",
    )


def employer_pk():
    return {"pk": matrix_vacancy().employer_id}


def vacancy_pk():
    return {"pk": matrix_vacancy().pk}


CANDIDATES = PERSONAL_DATA | {Role.EMPLOYER_SERVICES}


def matrix_job_offer():
    """A job offer of the matrix vacancy to the scoped job seeker (made once per test), still without an outcome."""
    from django.utils import timezone

    from accounts.models import User
    from matching.models import JobOffer
    from organisation.models import Municipality

    jobseeker = scoped_jobseeker()
    offer = JobOffer.objects.filter(jobseeker=jobseeker).first()
    if offer is None:
        vacancy = matrix_vacancy()
        counsellor, _created = User.objects.get_or_create(
            username="matriisi-ohjaaja",
            defaults={"role": Role.COUNSELLOR, "home_municipality": Municipality.objects.get(code=HOME_MUNICIPALITY)},
        )
        offer = JobOffer.objects.create(
            jobseeker=jobseeker,
            vacancy=vacancy,
            kind="job_offer",
            home_municipality_id=jobseeker.municipality_id,
            workplace_municipality_id=vacancy.municipality_id,
            made_by=counsellor,
            made_on=timezone.localdate(),
        )
    return offer


def web_job_offer_pk():
    return {"pk": matrix_job_offer().pk}


def api_vacancy():
    return {"vacancy_pk": matrix_vacancy().pk}


def planning_scenario():
    """A stored scenario of the area (made once per test); scenarios are area-wide, so not `scoped`."""
    from accounts.models import User
    from organisation.models import EmploymentArea
    from planning.models import Scenario

    scenario = Scenario.objects.first() or Scenario.objects.create(
        area=EmploymentArea.objects.get(),
        name="Matriisi",
        start_month="2026-01-01",
        created_by=User.objects.create_user(username="skenaario-laatija", role=Role.AREA_MANAGER),
    )
    return {"pk": scenario.pk}


def change_situation():
    """A layoff in HOME_MUNICIPALITY with the scoped job seeker flagged as its change-security customer (made once
    per test); the registry names employers, so it is area-wide and not `scoped`."""
    from accounts.models import User
    from organisation.models import EmploymentArea, Municipality
    from planning.models import ChangeSecurityCustomer, ChangeSituation

    situation = ChangeSituation.objects.first()
    if situation is None:
        author = User.objects.create_user(username="muutos-kirjaaja", role=Role.AREA_MANAGER)
        situation = ChangeSituation.objects.create(
            area=EmploymentArea.objects.get(),
            employer_name="Matriisi Oy",
            municipality=Municipality.objects.get(code=HOME_MUNICIPALITY),
            kind="layoff",
            people_affected=40,
            notice_date="2026-10-01",
            created_by=author,
        )
        ChangeSecurityCustomer.objects.create(
            situation=situation, jobseeker=scoped_jobseeker(), flagged_by=author, flagged_on="2026-10-02"
        )
    return {"pk": situation.pk}


COMPETENCE_ANSWERS = frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR})


def competence_respondent():
    """A survey answer of a HOME_MUNICIPALITY staff member without an account (made once per test)."""
    from competence.models import Respondent
    from tests.competence.factories import make_respondent, make_round

    found = Respondent.objects.filter(name="Matriisi").first()
    return {"pk": (found or make_respondent(make_round(), municipality=HOME_MUNICIPALITY, name="Matriisi")).pk}


def competence_export():
    from competence.models import SurveyRound
    from tests.competence.factories import make_round

    if not SurveyRound.objects.exists():
        make_round()
    return {"table": "kunnat"}


PLAN = frozenset({Role.AREA_MANAGER, Role.ADMINISTRATOR})


def plan_texts():
    """The plan's narrative loaded from its text (once per test), so the plan's pages have something to show."""
    from organisation.models import EmploymentArea
    from plan_document.models import PlanText
    from plan_document.services import load_plan_texts
    from tests.conftest import AREA_DIR

    if not PlanText.objects.exists():
        load_plan_texts(EmploymentArea.objects.get(), AREA_DIR / "plan.txt")
    return {}


def plan_text_section():
    plan_texts()
    return {"section": 1}


def competence_round_pk():
    from competence.models import SurveyRound
    from tests.competence.factories import make_round

    return {"pk": (SurveyRound.objects.order_by("pk").first() or make_round()).pk}


COOPERATION_GROUP = frozenset({Role.SUPERVISOR, Role.AREA_MANAGER, Role.ADMINISTRATOR})
NEED_RAISERS = frozenset({Role.COUNSELLOR, Role.SUPERVISOR, Role.EMPLOYER_SERVICES, Role.ADMINISTRATOR})
RECRUITMENT = frozenset({Role.COUNSELLOR, Role.SUPERVISOR, Role.EMPLOYER_SERVICES, Role.ADMINISTRATOR})
COOPERATION_WRITERS_SCOPED = frozenset({Role.COUNSELLOR, Role.SUPERVISOR})
# A POST sent without input: an allowed role gets the form's errors.
EMPTY_POST = {"method": "post", "data": {}, "ok": (400,)}


# One row builder per predicate of accounts.permissions_cooperation; `post=True` sends the URL an empty POST.
def cooperation_group(*, post=False, **more) -> Rule:
    """can_act_as_procurement_group: supervisors, the area's management and administrators."""
    return Rule(roles=COOPERATION_GROUP, **(EMPTY_POST if post else {}), **more)


def cooperation_recruiter(*, post=False, **more) -> Rule:
    """can_work_on_recruitment: the recruitment roles, area-wide."""
    return Rule(roles=RECRUITMENT, **(EMPTY_POST if post else {}), **more)


def cooperation_reader(kwargs=None, **more) -> Rule:
    """can_view_cooperation_clients: the personal-data roles; a person's object only within their municipality."""
    if kwargs is None:
        return Rule(roles=PERSONAL_DATA, **more)
    return Rule(roles=PERSONAL_DATA, kwargs=kwargs, scoped=MUNICIPALITY_SCOPED, **more)


def cooperation_writer(kwargs, *, post=False, of_person=True, **more) -> Rule:
    """can_work_with_cooperation_clients: the customer-work roles, within the person's scope (`of_person=False`: the
    object, an event or a contact count, is nobody's)."""
    scoped = {"scoped": COOPERATION_WRITERS_SCOPED} if of_person else {}
    return Rule(roles=REGISTERS, kwargs=kwargs, **(EMPTY_POST if post else {}), **scoped, **more)


def cooperation_group_user():
    from accounts.models import User
    from organisation.models import Municipality

    user, _created = User.objects.get_or_create(
        username="matriisi-hankintaryhma",
        defaults={"role": Role.SUPERVISOR, "home_municipality": Municipality.objects.get(code=HOME_MUNICIPALITY)},
    )
    return user


def cooperation_item():
    """A need raised in HOME_MUNICIPALITY on a working-group meeting's agenda, not yet handled."""
    from cooperation.models import AgendaItem
    from tests.cooperation.factories import make_need, put_on_agenda

    item = AgendaItem.objects.filter(handling="").first()
    if item is None:
        _meeting, item = put_on_agenda(
            cooperation_group_user(), make_need(cooperation_group_user(), municipality="578")
        )
    return item


def cooperation_need():
    return {"pk": cooperation_item().need_id}


def cooperation_meeting():
    return {"pk": cooperation_item().meeting_id}


def cooperation_handle():
    item = cooperation_item()
    return {"pk": item.meeting_id, "item_pk": item.pk}


def cooperation_procurement_row():
    """A procurement running today with places for Hyrynsalmi, where the scoped job seeker lives."""
    from django.utils import timezone

    from cooperation.models import Procurement
    from tests.cooperation.factories import make_procurement

    return Procurement.objects.first() or make_procurement(
        cooperation_group_user(), places={"105": 2}, starts=timezone.localdate()
    )


def cooperation_procurement():
    return {"pk": cooperation_procurement_row().pk}


def cooperation_place_referral():
    from django.utils import timezone

    from cooperation.models import PlaceReferral
    from cooperation.services.procurement import refer_to_place

    referral = PlaceReferral.objects.first() or refer_to_place(
        cooperation_procurement_row(), scoped_jobseeker(), referred_on=timezone.localdate(), by=cooperation_group_user()
    )
    return {"pk": referral.pk}


def cooperation_consent():
    from cooperation.models import Consent
    from tests.cooperation.factories import make_consent

    consent = Consent.objects.filter(jobseeker=scoped_jobseeker()).first() or make_consent(
        cooperation_group_user(), scoped_jobseeker()
    )
    return {"pk": consent.pk}


def cooperation_jobseeker():
    return {"jobseeker_pk": scoped_jobseeker().pk}


def cooperation_partner_referral():
    from django.utils import timezone

    from cooperation.models import PartnerReferral
    from cooperation.services.youth import refer_to_partner
    from organisation.models import Partner

    referral = PartnerReferral.objects.first() or refer_to_partner(
        scoped_jobseeker(),
        partner=Partner.objects.get(key="kamk").pk,
        reason="Matriisin koulutuskokeilu.",
        referred_on=timezone.localdate(),
        via_youth_point=False,
        by=cooperation_group_user(),
    )
    return {"pk": referral.pk}


def cooperation_case_row():
    from cooperation.models import RecruitmentCase
    from tests.cooperation.factories import make_case

    return RecruitmentCase.objects.first() or make_case(cooperation_group_user())


def cooperation_case():
    return {"pk": cooperation_case_row().pk}


def cooperation_spouse():
    from cooperation.models import Spouse
    from cooperation.services.international import register_spouse

    case = cooperation_case_row()
    spouse = Spouse.objects.filter(case=case).first() or register_spouse(
        case,
        jobseeker=None,
        name="Matriisi Puoliso",
        phone="",
        email="",
        aim="work",
        field_of_work="",
        registered_on=case.arrival_on,
        by=cooperation_group_user(),
    )
    return {"pk": spouse.pk}


def cooperation_foreign_jobseeker():
    """A foreign-language Hyrynsalmi resident served like the scoped job seeker (integration pages are only for
    foreign-language customers); made once per test."""
    from jobseekers.models import Jobseeker
    from tests.jobseekers.factories import make_jobseeker

    found = Jobseeker.objects.filter(last_name="Matriisi-Kotoutuja").first()
    if found is None:
        home = scoped_jobseeker()
        found = make_jobseeker(municipality="105", last_name="Matriisi-Kotoutuja", foreign_language=True)
        Jobseeker.objects.filter(pk=found.pk).update(
            serving_municipality_id=home.serving_municipality_id, team_id=home.team_id, pool=home.pool
        )
        found.refresh_from_db()
    return found


def cooperation_foreign_pk():
    return {"pk": cooperation_foreign_jobseeker().pk}


def cooperation_integration_plan():
    from cooperation.models import IntegrationPlan
    from tests.cooperation.factories import make_plan

    plan = IntegrationPlan.objects.first() or make_plan(cooperation_group_user(), cooperation_foreign_jobseeker())
    return {"pk": plan.pk}


def cooperation_language_training():
    from cooperation.models import LanguageTraining
    from tests.cooperation.factories import make_training

    training = LanguageTraining.objects.first() or make_training(
        cooperation_group_user(), cooperation_foreign_jobseeker()
    )
    return {"pk": training.pk}


def cooperation_info_contact():
    from django.utils import timezone

    from cooperation.models import InfoContact
    from cooperation.selectors.integration import info_offices
    from cooperation.services.integration import record_contact
    from organisation.models import EmploymentArea

    area = EmploymentArea.objects.get()
    contact = InfoContact.objects.first() or record_contact(
        area=area,
        office=info_offices(area.pk).first().pk,
        contacted_on=timezone.localdate(),
        municipality=HOME_MUNICIPALITY,
        language="uk",
        topic="work",
        contacts=2,
        by=cooperation_group_user(),
    )
    return {"pk": contact.pk}


def cooperation_event():
    from cooperation.models import RecruitmentEvent
    from tests.cooperation.factories import make_event

    event = RecruitmentEvent.objects.first() or make_event(cooperation_group_user(), municipality=HOME_MUNICIPALITY)
    return {"pk": event.pk}


RULES = {
    "www:home": Rule(),
    "organisation:overview": Rule(),
    "organisation:offices": Rule(),
    "organisation:arrangements": Rule(),
    "organisation:municipality": Rule(kwargs={"code": "205"}),
    "organisation:export": Rule(kwargs={"table": "kunnat"}),
    "api-root": Rule(api=True),
    "api-schema": Rule(api=True),
    "api-docs": Rule(api=True),
    "municipality-list": Rule(api=True),
    "municipality-detail": Rule(api=True, kwargs={"code": "205"}),
    "office-list": Rule(api=True),
    "office-detail": Rule(api=True, kwargs=first_pk("organisation.Office")),
    "team-list": Rule(api=True),
    "team-detail": Rule(api=True, kwargs=first_pk("organisation.Team")),
    "staff-position-list": Rule(api=True),
    "staff-position-detail": Rule(api=True, kwargs=first_pk("organisation.StaffPosition")),
    "caseload-target-list": Rule(api=True),
    "caseload-target-detail": Rule(api=True, kwargs=first_pk("organisation.CaseloadTarget")),
    "service-arrangement-list": Rule(api=True),
    "service-arrangement-detail": Rule(api=True, kwargs=first_pk("organisation.ServiceArrangement")),
    "audit:log": Rule(roles=frozenset({Role.ADMINISTRATOR})),
    "audit:export": Rule(roles=frozenset({Role.ADMINISTRATOR})),
    "labour_market:overview": Rule(),
    "labour_market:time_series": Rule(),
    "labour_market:commuting": Rule(),
    "labour_market:consistency": Rule(),
    "labour_market:occupations": Rule(),
    "labour_market:occupation_options": Rule(),
    "labour_market:export_municipal": Rule(kwargs={"table": "suunnitelma-taulukko-1", "month": "2023-08"}),
    "labour_market:export_derived": Rule(kwargs={"table": "suunnitelma-taulukko-1", "month": "2023-08"}),
    "labour_market:export_time_series": Rule(
        kwargs={"table": "suunnitelma-taulukko-1", "indicator": "TYOTTOMATLOPUSSA"}
    ),
    "labour_market:export_commuting": Rule(kwargs={"table": "suunnitelma-pendelointi"}),
    "labour_market:export_findings": Rule(),
    "statistics-municipal-list": Rule(api=True),
    "statistics-commuting-list": Rule(api=True),
    "statistics-consistency-list": Rule(api=True),
    "occupation-list": Rule(api=True),
    "jobseekers:search": Rule(roles=PERSONAL_DATA),
    "jobseekers:my_clients": Rule(roles=frozenset({Role.COUNSELLOR})),
    "jobseekers:register": Rule(roles=REGISTERS),
    "jobseekers:register_check": Rule(roles=REGISTERS, method="post", data={"hetu": ""}),
    "jobseekers:caseloads": Rule(),
    "jobseekers:caseload_export": Rule(kwargs={"table": "asiakasmaarat-kunnat"}),
    "jobseekers:assign": Rule(roles=ASSIGNS, method="post", data={}, ok=(302,)),
    "jobseekers:card": Rule(roles=PERSONAL_DATA, kwargs=jobseeker_pk, scoped=MUNICIPALITY_SCOPED),
    "jobseekers:reassign": Rule(roles=ASSIGNS, kwargs=jobseeker_pk, scoped=frozenset({Role.SUPERVISOR})),
    # Editing and ending a job search: customer work within scope. The API's ending is sent without a date and a
    # reason, so an allowed role gets the validation error (400) and nothing is written; PATCH on jobseeker-detail is
    # tested in tests/jobseekers/test_changes_api.py.
    "jobseekers:edit": Rule(roles=REGISTERS, kwargs=jobseeker_pk, scoped=MANAGES),
    "jobseekers:end_job_search": Rule(roles=REGISTERS, kwargs=jobseeker_pk, scoped=MANAGES),
    "jobseekers:balance": Rule(roles=ASSIGNS),
    "jobseeker-end-job-search": Rule(
        api=True, roles=REGISTERS, kwargs=jobseeker_pk, method="post", data={}, ok=(400,), scoped=MANAGES
    ),
    "jobseeker-list": Rule(api=True, roles=PERSONAL_DATA),
    "jobseeker-detail": Rule(api=True, roles=PERSONAL_DATA, kwargs=jobseeker_pk, scoped=MUNICIPALITY_SCOPED),
    "jobseeker-route-preview": Rule(api=True, roles=PERSONAL_DATA, method="post", data=ROUTE_PREVIEW),
    "jobseeker-hetu-search": Rule(
        api=True, roles=PERSONAL_DATA, method="post", data=jobseeker_hetu, scoped=MUNICIPALITY_SCOPED
    ),
    "jobseeker-assign": Rule(api=True, roles=ASSIGNS, method="post", data={}),
    "caseload-list": Rule(api=True),
    # Client journal: read with the job seeker, written by the customer-work roles; the API's correction is sent
    # without a text, so an allowed role gets the validation error (400) and nothing is written.
    "jobseekers:journal": Rule(roles=PERSONAL_DATA, kwargs=jobseeker_pk, scoped=MUNICIPALITY_SCOPED),
    "jobseekers:journal_correct": Rule(roles=REGISTERS, kwargs=web_journal_entry, scoped=MANAGES),
    "jobseekers:journal_export": Rule(roles=PERSONAL_DATA, kwargs=jobseeker_pk, scoped=MUNICIPALITY_SCOPED),
    "jobseeker-journal-list": Rule(api=True, roles=PERSONAL_DATA, kwargs=api_jobseeker, scoped=MUNICIPALITY_SCOPED),
    "jobseeker-journal-correct": Rule(
        api=True, roles=REGISTERS, kwargs=api_journal_entry, method="post", data={}, ok=(400,), scoped=MANAGES
    ),
    # Service model: a job seeker's meetings and plan follow the job seeker's scope; booking and recording are for
    # the customer-work roles. POSTs that would change something are sent invalid (a meeting two days ahead cannot
    # be recorded yet, a cancellation needs a reason): an allowed role gets the validation error, 400.
    "service_model:my_week": Rule(roles=frozenset({Role.COUNSELLOR})),
    "service_model:my_week_export": Rule(roles=frozenset({Role.COUNSELLOR})),
    "service_model:client": Rule(roles=PERSONAL_DATA, kwargs=jobseeker_pk, scoped=MUNICIPALITY_SCOPED),
    "service_model:book": Rule(roles=REGISTERS, kwargs=jobseeker_pk, scoped=MANAGES),
    "service_model:book_check": Rule(roles=REGISTERS, kwargs=jobseeker_pk, method="post", data={}, scoped=MANAGES),
    "service_model:walk_in": Rule(roles=REGISTERS, kwargs=jobseeker_pk, scoped=MANAGES),
    "service_model:record": Rule(roles=REGISTERS, kwargs=web_meeting_pk, scoped=MANAGES),
    "service_model:move": Rule(roles=REGISTERS, kwargs=web_meeting_pk, scoped=MANAGES),
    # The agenda: a counsellor's own, and the counsellors a supervisor leads (same home municipality). Its object is
    # a counsellor, not a person, so another municipality's supervisor (404) is tested in tests/service_model/
    # test_agenda_views.py rather than as `scoped` here, which expects a refused read of a job seeker.
    "service_model:agenda": Rule(roles=frozenset({Role.COUNSELLOR, Role.SUPERVISOR})),
    "service_model:counsellor_agenda": Rule(roles=frozenset({Role.SUPERVISOR}), kwargs=agenda_counsellor_pk),
    "service_model:working_hours": Rule(roles=frozenset({Role.SUPERVISOR}), kwargs=agenda_counsellor_pk),
    "service_model:overview": Rule(roles=OVERVIEW),
    "service_model:overview_export": Rule(roles=OVERVIEW, kwargs={"table": "palvelumalli-kunnat"}),
    "service_model:on_time": Rule(),
    "service_model:on_time_export": Rule(),
    "jobseeker-meeting-list": Rule(api=True, roles=PERSONAL_DATA, kwargs=api_jobseeker, scoped=MUNICIPALITY_SCOPED),
    "jobseeker-meeting-detail": Rule(api=True, roles=PERSONAL_DATA, kwargs=api_meeting, scoped=MUNICIPALITY_SCOPED),
    "jobseeker-meeting-held": Rule(
        api=True, roles=REGISTERS, kwargs=api_meeting, method="post", data={}, ok=(400,), scoped=MANAGES
    ),
    "jobseeker-meeting-did-not-attend": Rule(
        api=True, roles=REGISTERS, kwargs=api_meeting, method="post", data={}, ok=(400,), scoped=MANAGES
    ),
    "jobseeker-meeting-cancel": Rule(
        api=True, roles=REGISTERS, kwargs=api_meeting, method="post", data={}, ok=(400,), scoped=MANAGES
    ),
    "jobseeker-plan-detail": Rule(api=True, roles=PERSONAL_DATA, kwargs=api_plan, scoped=MUNICIPALITY_SCOPED),
    "jobseeker-plan-task-list": Rule(api=True, roles=PERSONAL_DATA, kwargs=api_plan, scoped=MUNICIPALITY_SCOPED),
    "jobseeker-plan-task-detail": Rule(api=True, roles=PERSONAL_DATA, kwargs=api_task, scoped=MUNICIPALITY_SCOPED),
    "jobseeker-plan-obligation-list": Rule(api=True, roles=PERSONAL_DATA, kwargs=api_plan, scoped=MUNICIPALITY_SCOPED),
    "jobseeker-plan-application-list": Rule(
        api=True, roles=PERSONAL_DATA, kwargs=api_jobseeker, scoped=MUNICIPALITY_SCOPED
    ),
    "worklist-list": Rule(api=True, roles=frozenset({Role.COUNSELLOR})),
    # The calculator needs job_search_started_on: without it every staff role reaches the validation (400).
    "service-model-deadlines": Rule(api=True, ok=(400,)),
    # Statements: read with the job seeker; drafted, heard and proposed by the roles that work with clients; approved
    # by the decision maker of the person's serving municipality only. The scoped statement is a draft, so the API's
    # transitions (sent without input, or approving a draft) answer an allowed role with 400 and write nothing.
    "statements:list": Rule(roles=PERSONAL_DATA),
    "statements:export": Rule(roles=PERSONAL_DATA),
    "statements:create": Rule(roles=PERSONAL_DATA, kwargs=statement_jobseeker_pk, scoped=MUNICIPALITY_SCOPED),
    "statements:detail": Rule(roles=PERSONAL_DATA, kwargs=statement_pk, scoped=MUNICIPALITY_SCOPED),
    "statements:hearing": Rule(roles=PERSONAL_DATA, kwargs=statement_pk, scoped=MUNICIPALITY_SCOPED),
    "statements:reply": Rule(roles=PERSONAL_DATA, kwargs=statement_pk, scoped=MUNICIPALITY_SCOPED),
    "statements:propose": Rule(roles=PERSONAL_DATA, kwargs=statement_pk, scoped=MUNICIPALITY_SCOPED),
    "statements:decide": Rule(roles=DECIDES, kwargs=statement_pk, scoped=DECIDES),
    "statements:document": Rule(roles=PERSONAL_DATA, kwargs=statement_pk, scoped=MUNICIPALITY_SCOPED),
    "statement-list": Rule(api=True, roles=PERSONAL_DATA),
    "statement-detail": Rule(api=True, roles=PERSONAL_DATA, kwargs=statement_pk, scoped=MUNICIPALITY_SCOPED),
    "statement-hearing": statement_transition(PERSONAL_DATA, MUNICIPALITY_SCOPED),
    "statement-reply": statement_transition(PERSONAL_DATA, MUNICIPALITY_SCOPED),
    "statement-propose": statement_transition(PERSONAL_DATA, MUNICIPALITY_SCOPED),
    "statement-approve": statement_transition(DECIDES, DECIDES),
    "statement-return": statement_transition(DECIDES, DECIDES),
    # Correspondence: previewing, downloading and sending are for the customer-work roles within the person's scope.
    # The API is sent without a channel, so an allowed role gets the validation error (400) and nothing is sent.
    "correspondence:invitation": Rule(roles=REGISTERS, kwargs=web_meeting_pk, scoped=MANAGES),
    "correspondence:invitation_document": Rule(roles=REGISTERS, kwargs=web_meeting_pk, scoped=MANAGES),
    "correspondence:plan": Rule(roles=REGISTERS, kwargs=web_plan_jobseeker, scoped=MANAGES),
    "correspondence:plan_document": Rule(roles=REGISTERS, kwargs=web_plan_jobseeker, scoped=MANAGES),
    "meeting-invitation-list": Rule(
        api=True, roles=REGISTERS, kwargs=api_invitation_meeting, method="post", data={}, ok=(400,), scoped=MANAGES
    ),
    # Subsidies: the calculator is rules and numbers for all staff; the API is sent without input, so every staff
    # role reaches the validation (400).
    "subsidies:calculator": Rule(),
    "subsidies-calculate": Rule(api=True, method="post", data={}, ok=(400,)),
    # Applications follow the job seeker's scope (and a decision maker's delegations); preparing is for counsellors
    # and supervisors. The page's step is sent without a date, so it redirects back with the refusal; the API's step
    # without an action is a validation error (400).
    "subsidies:queue": Rule(roles=PERSONAL_DATA),
    "subsidies:queue_export": Rule(roles=PERSONAL_DATA),
    "subsidies:working_group": Rule(roles=PERSONAL_DATA),
    "subsidies:awaiting_decision": Rule(roles=frozenset({Role.DECISION_MAKER})),
    "subsidies:new": Rule(roles=MANAGES, kwargs=jobseeker_pk, scoped=MANAGES),
    "subsidies:application": Rule(roles=PERSONAL_DATA, kwargs=subsidy_application_pk, scoped=MUNICIPALITY_SCOPED),
    "subsidies:decision_document": Rule(roles=PERSONAL_DATA, kwargs=subsidy_decision, scoped=MUNICIPALITY_SCOPED),
    "subsidies:decision_html": Rule(roles=PERSONAL_DATA, kwargs=subsidy_decision, scoped=MUNICIPALITY_SCOPED),
    # Attachments are read with the application; adding and deleting are the preparing municipality's (sent without a
    # file, the upload redirects back with the refusal; the decided application's file is not deleted: redirected).
    "subsidies:attachment": Rule(roles=PERSONAL_DATA, kwargs=subsidy_attachment, scoped=MUNICIPALITY_SCOPED),
    "subsidies:attachment_upload": Rule(
        roles=MANAGES, kwargs=subsidy_application_pk, method="post", data={}, ok=(302,), scoped=MUNICIPALITY_SCOPED
    ),
    "subsidies:attachment_delete": Rule(
        roles=MANAGES, kwargs=subsidy_attachment, method="post", data={}, ok=(302,), scoped=MUNICIPALITY_SCOPED
    ),
    "subsidies:step": Rule(
        roles=frozenset({Role.COUNSELLOR, Role.SUPERVISOR, Role.DECISION_MAKER}),
        kwargs=subsidy_step,
        method="post",
        data={},
        ok=(302,),
        scoped=MUNICIPALITY_SCOPED,
    ),
    "subsidy-application-list": Rule(api=True, roles=PERSONAL_DATA),
    "subsidy-application-detail": Rule(
        api=True, roles=PERSONAL_DATA, kwargs=subsidy_application_pk, scoped=MUNICIPALITY_SCOPED
    ),
    "subsidy-application-attachments": Rule(
        api=True, roles=PERSONAL_DATA, kwargs=subsidy_application_pk, scoped=MUNICIPALITY_SCOPED
    ),
    "subsidy-application-step": Rule(
        api=True,
        roles=PERSONAL_DATA,
        kwargs=subsidy_application_pk,
        method="post",
        data={},
        ok=(400,),
        scoped=MUNICIPALITY_SCOPED,
    ),
    # Payments: the payment handler of the paying municipality only. The page's rejection is sent without reasons
    # (redirected back with the refusal), the export with nothing approved likewise; the API's step without an
    # action is a validation error (400).
    "subsidies:payments": Rule(roles=PAYS),
    "subsidies:payment_new": Rule(roles=PAYS, kwargs=subsidy_payment_decision, scoped=PAYS),
    "subsidies:payment": Rule(roles=PAYS, kwargs=subsidy_payment_pk, scoped=PAYS),
    "subsidies:payment_step": Rule(
        roles=PAYS, kwargs=subsidy_payment_step, method="post", data={}, ok=(302,), scoped=PAYS
    ),
    "subsidies:payment_export_create": Rule(roles=PAYS, method="post", data={}, ok=(302,)),
    "subsidies:payment_export": Rule(roles=PAYS, kwargs=subsidy_payment_export, scoped=PAYS),
    "subsidy-payment-list": Rule(api=True, roles=PAYS),
    "subsidy-payment-detail": Rule(api=True, roles=PAYS, kwargs=subsidy_payment_pk, scoped=PAYS),
    "subsidy-payment-step": Rule(
        api=True, roles=PAYS, kwargs=subsidy_payment_pk, method="post", data={}, ok=(400,), scoped=PAYS
    ),
    "subsidy-payment-export-list": Rule(api=True, roles=PAYS),
    # Reports name nobody: counts and sums for the management and those who lead, decide or pay.
    "subsidies:reports": Rule(roles=SUBSIDY_REPORTS),
    "subsidies:report_export": Rule(roles=SUBSIDY_REPORTS, kwargs={"table": "paatokset"}),
    # Planning: counts per municipality and team for the area's management, supervisors (their municipality's unit)
    # and administrators. Scenarios are stored by the management and administrators (the API is sent without input:
    # 400) and run by every planning role.
    "planning:capacity": Rule(roles=PLANNING),
    "planning:workload": Rule(roles=PLANNING),
    "planning:scenarios": Rule(roles=PLANNING),
    "planning:scenario": Rule(roles=PLANNING, kwargs=planning_scenario),
    "planning:export": Rule(roles=PLANNING, kwargs={"table": "kunnat"}),
    "planning-scenario-list": Rule(
        api=True, roles=frozenset({Role.AREA_MANAGER, Role.ADMINISTRATOR}), method="post", data={}, ok=(400,)
    ),
    "planning-scenario-run": Rule(api=True, roles=PLANNING, kwargs=planning_scenario, method="post", data={}),
    # The shared phone service: numbers for the planning roles; weeks and the rota are the management's (the posts
    # are sent empty: the import answers 400 naming the fields, the rota 400 likewise). The API is a calculator for
    # the planning roles, sent without input: 400.
    "planning:phone": Rule(roles=PLANNING),
    "planning:phone_rota": Rule(
        roles=frozenset({Role.AREA_MANAGER, Role.ADMINISTRATOR}), method="post", data={}, ok=(400,)
    ),
    "planning:phone_export": Rule(roles=PLANNING, kwargs={"table": "vuorolista"}),
    "planning-phone-staffing-list": Rule(api=True, roles=PLANNING, method="post", data={}, ok=(400,)),
    # Structural change: the registry names employers and is read by all staff; the working group's roles record
    # situations (sent empty: 400). Change-security customers are counted for everyone and named only within
    # accounts.permissions_planning.change_security_people_scope, each read logged. Flagging a person is customer work
    # within the person's scope (sent without a situation: redirected back to the card with the refusal).
    "planning:change_situations": Rule(),
    "planning:change_situation": Rule(kwargs=change_situation),
    "planning:change_export": Rule(kwargs={"table": "asiakkaat"}),
    "planning:change_security": Rule(),
    "planning:change_security_flag": Rule(
        roles=REGISTERS,
        kwargs=lambda: {"jobseeker": scoped_jobseeker().pk},
        method="post",
        data={},
        ok=(302,),
        scoped=MANAGES,
    ),
    # Employers and vacancies: not personal data, read by all staff; written by employer services and administrators.
    # The status change is sent without a status, so an allowed role is redirected back with the refusal.
    "employers:list": Rule(),
    "employers:detail": Rule(kwargs=employer_pk),
    "employers:create": Rule(roles=EMPLOYER_SERVICES),
    "employers:edit": Rule(roles=EMPLOYER_SERVICES, kwargs=employer_pk),
    "employers:vacancies": Rule(),
    "employers:vacancy_export": Rule(),
    "employers:vacancy": Rule(kwargs=vacancy_pk),
    "employers:vacancy_create": Rule(roles=EMPLOYER_SERVICES),
    "employers:vacancy_edit": Rule(roles=EMPLOYER_SERVICES, kwargs=vacancy_pk),
    "employers:vacancy_status": Rule(
        roles=EMPLOYER_SERVICES, kwargs=vacancy_pk, method="post", data={"status": ""}, ok=(302,)
    ),
    "employers:distances": Rule(),
    "employers:distance_export": Rule(kwargs={"table": "alue"}),
    "employer-list": Rule(api=True),
    "employer-detail": Rule(api=True, kwargs=employer_pk),
    "vacancy-list": Rule(api=True),
    "vacancy-detail": Rule(api=True, kwargs=vacancy_pk),
    # Matching: a person's matches and offers follow the person's scope; offers are made and their outcomes recorded
    # by the customer-work roles (sent without input: redirected back with the refusal, or 400). A vacancy's
    # candidates are for employer services and the roles that see people (names only of those they may read); the
    # mobility report counts offers by municipality pair for every staff member.
    "matching:jobseeker": Rule(roles=PERSONAL_DATA, kwargs=jobseeker_pk, scoped=MUNICIPALITY_SCOPED),
    "matching:make_offer": Rule(
        roles=REGISTERS, kwargs=jobseeker_pk, method="post", data={}, ok=(302,), scoped=MANAGES
    ),
    "matching:record_outcome": Rule(
        roles=REGISTERS, kwargs=web_job_offer_pk, method="post", data={}, ok=(302,), scoped=MANAGES
    ),
    "matching:vacancy": Rule(roles=CANDIDATES, kwargs=vacancy_pk),
    "matching:mobility": Rule(),
    "matching:mobility_export": Rule(kwargs={"table": "kuntaparit"}),
    "jobseeker-matches-list": Rule(api=True, roles=PERSONAL_DATA, kwargs=api_jobseeker, scoped=MUNICIPALITY_SCOPED),
    "vacancy-matches-list": Rule(api=True, roles=CANDIDATES, kwargs=api_vacancy),
    "job-offer-list": Rule(api=True, roles=PERSONAL_DATA),
    "job-offer-detail": Rule(api=True, roles=PERSONAL_DATA, kwargs=web_job_offer_pk, scoped=MUNICIPALITY_SCOPED),
    "job-offer-outcome": Rule(
        api=True, roles=REGISTERS, kwargs=web_job_offer_pk, method="post", data={}, ok=(400,), scoped=MANAGES
    ),
    # Competence survey: everyone answers for themselves and sees aggregates (groups under 3 suppressed); individual
    # answers are for the person, their supervisor (same home municipality) and administrators; the import is the
    # administrator's.
    "competence:heat_map": Rule(),
    "competence:export": Rule(kwargs=competence_export),
    "competence:survey": Rule(),
    "competence:respondents": Rule(roles=COMPETENCE_ANSWERS),
    "competence:respondent": Rule(
        roles=COMPETENCE_ANSWERS,
        kwargs=competence_respondent,
        scoped=frozenset({Role.SUPERVISOR}),
        subject="competence.respondent",
    ),
    "competence:import": Rule(roles=frozenset({Role.ADMINISTRATOR})),
    # The plan document: the area's management and administrators open, preview and edit it. Generating is sent
    # without a format, so an allowed role gets the refusal naming the field (400) and no version is stored.
    "plan_document:index": Rule(roles=PLAN, kwargs=plan_texts),
    "plan_document:preview": Rule(roles=PLAN, kwargs=plan_texts),
    "plan_document:generate": Rule(roles=PLAN, kwargs=plan_texts, method="post", data={}, ok=(400,)),
    "plan_document:edit": Rule(roles=PLAN, kwargs=plan_text_section),
    # The competence API: aggregates for every staff member (as on the heat map), individual answers as on the pages.
    "competence-area-list": Rule(api=True),
    "competence-area-scale": Rule(api=True),
    "competence-round-list": Rule(api=True),
    "competence-round-detail": Rule(api=True, kwargs=competence_round_pk),
    "competence-round-cells": Rule(api=True, kwargs=competence_round_pk),
    "competence-round-bottlenecks": Rule(api=True, kwargs=competence_round_pk),
    "competence-round-respondents": Rule(api=True, roles=COMPETENCE_ANSWERS, kwargs=competence_round_pk),
    "competence-respondent-detail": Rule(
        api=True,
        roles=COMPETENCE_ANSWERS,
        kwargs=competence_respondent,
        scoped=frozenset({Role.SUPERVISOR}),
        subject="competence.respondent",
    ),
    # Cooperation services (docs/decisions/0010-cooperation-roles.md): needs, agendas, procurements and the report
    # name nobody (all staff); supervisors and the management act as the procurement working group; a person's bought
    # place and TYP record follow the job seeker's scope; recruitment is for the recruitment roles, area-wide. POSTs
    # sent without input answer an allowed role with the form's errors (400).
    "cooperation:report": Rule(),
    "cooperation:export": Rule(kwargs={"table": "yhteistyoraportti"}),
    "cooperation:needs": Rule(),
    "cooperation:need_create": Rule(roles=NEED_RAISERS),
    "cooperation:need": Rule(kwargs=cooperation_need),
    "cooperation:meetings": Rule(),
    "cooperation:meeting": Rule(kwargs=cooperation_meeting),
    "cooperation:handle": cooperation_group(kwargs=cooperation_handle, post=True),
    "cooperation:procurements": Rule(),
    "cooperation:procurement_create": cooperation_group(),
    "cooperation:procurement": Rule(kwargs=cooperation_procurement),
    "cooperation:place_referral_create": cooperation_writer(cooperation_jobseeker),
    "cooperation:place_referral": cooperation_reader(cooperation_place_referral),
    "cooperation:typ": Rule(),
    "cooperation:typ_person": cooperation_reader(jobseeker_pk),
    "cooperation:typ_assess": cooperation_writer(jobseeker_pk, post=True),
    "cooperation:typ_client": cooperation_writer(jobseeker_pk, post=True),
    "cooperation:typ_client_end": cooperation_writer(jobseeker_pk, post=True),
    "cooperation:typ_consent": cooperation_writer(jobseeker_pk, post=True),
    "cooperation:typ_refer": cooperation_writer(jobseeker_pk, post=True),
    "cooperation:consent_withdraw": cooperation_writer(cooperation_consent),
    "cooperation:youth_point": Rule(),
    "cooperation:partner_referral_create": cooperation_writer(cooperation_jobseeker),
    "cooperation:partner_referral": cooperation_reader(cooperation_partner_referral),
    "cooperation-partner-referral-list": cooperation_reader(api=True),
    "cooperation:recruitment": cooperation_recruiter(),
    "cooperation:case_create": cooperation_recruiter(),
    "cooperation:recruitment_export": cooperation_recruiter(),
    "cooperation:case": cooperation_recruiter(kwargs=cooperation_case),
    "cooperation:spouse_register": cooperation_recruiter(kwargs=cooperation_case, post=True),
    "cooperation:spouse_follow_up": cooperation_recruiter(kwargs=cooperation_spouse, post=True),
    "cooperation-need-list": Rule(api=True),
    "cooperation-need-detail": Rule(api=True, kwargs=cooperation_need),
    "cooperation-procurement-list": Rule(api=True),
    "cooperation-procurement-detail": Rule(api=True, kwargs=cooperation_procurement),
    "cooperation-typ-detail": cooperation_reader(jobseeker_pk, api=True),
    "cooperation-typ-consents": cooperation_writer(jobseeker_pk, post=True, api=True),
    "cooperation-typ-referrals": cooperation_writer(jobseeker_pk, post=True, api=True),
    "cooperation-consent-withdraw": cooperation_writer(cooperation_consent, post=True, api=True),
    "cooperation-recruitment-list": cooperation_recruiter(api=True),
    "cooperation-recruitment-detail": cooperation_recruiter(api=True, kwargs=cooperation_case),
    "cooperation-report-list": Rule(api=True),
    # Integration pages are a foreign-language person's data (the refusal is logged under that person); International
    # Info's counts and recruitment events name nobody; a job seeker is linked to an event by whoever reads them.
    "cooperation:integration": Rule(),
    "cooperation:integration_person": cooperation_reader(cooperation_foreign_pk, subject="jobseekers.jobseeker"),
    "cooperation:integration_plan_create": cooperation_writer(
        cooperation_foreign_pk, post=True, subject="jobseekers.jobseeker"
    ),
    "cooperation:language_training_create": cooperation_writer(
        cooperation_foreign_pk, post=True, subject="jobseekers.jobseeker"
    ),
    "cooperation:integration_plan": cooperation_reader(cooperation_integration_plan, subject="jobseekers.jobseeker"),
    "cooperation:language_training": cooperation_reader(cooperation_language_training, subject="jobseekers.jobseeker"),
    "cooperation:international_info": Rule(),
    "cooperation:info_contact": cooperation_writer(cooperation_info_contact, of_person=False),
    "cooperation:events": Rule(),
    "cooperation:event_create": cooperation_recruiter(),
    "cooperation:event": Rule(kwargs=cooperation_event),
    "cooperation:event_participant_add": cooperation_writer(cooperation_event, post=True, of_person=False),
    "cooperation-integration-detail": cooperation_reader(
        cooperation_foreign_pk, api=True, subject="jobseekers.jobseeker"
    ),
    "cooperation-integration-plans": cooperation_writer(
        cooperation_foreign_pk, post=True, api=True, subject="jobseekers.jobseeker"
    ),
    "cooperation-integration-trainings": cooperation_writer(
        cooperation_foreign_pk, post=True, api=True, subject="jobseekers.jobseeker"
    ),
    "cooperation-info-contact-list": Rule(api=True),
    "cooperation-event-list": Rule(api=True),
    "cooperation-event-detail": Rule(api=True, kwargs=cooperation_event),
}

# Open to anonymous users by design: signing in and out, the second factor page (it redirects to sign-in), language,
# and the health check (no data).
PUBLIC = {"accounts:login", "accounts:logout", "accounts:otp", "set_language", "www:health"}


def url_names(patterns=None, namespace=None):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            yield from url_names(pattern.url_patterns, pattern.namespace or namespace)
        elif pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def resolve_url(name, rule):
    kwargs = rule.kwargs() if callable(rule.kwargs) else rule.kwargs
    return reverse(name, kwargs=kwargs)


def test_every_url_is_declared():
    missing = sorted(set(url_names()) - set(RULES) - PUBLIC)
    assert not missing, f"Declare these URL names in RULES of {__name__} (who may use them): {missing}"


def request(client, url, rule):
    if rule.method == "get":
        return client.get(url)
    data = rule.data() if callable(rule.data) else (rule.data or {})
    if rule.api:
        return client.post(url, data, content_type="application/json")
    return client.post(url, data)


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(RULES))
def test_url_answers_each_role_as_declared(client, area, make_user, name):
    from organisation.models import Team

    rule = RULES[name]
    url = resolve_url(name, rule)

    anonymous = request(client, url, rule)
    if rule.api:
        assert anonymous.status_code in (401, 403), f"anonymous {url}"
    else:
        assert anonymous.status_code == 302 and anonymous["Location"].startswith(reverse("accounts:login"))

    home_team = Team.objects.filter(municipality__code=HOME_MUNICIPALITY).order_by("key").first()
    for role in Role:
        client.force_login(make_user(role=role, municipality_code=HOME_MUNICIPALITY, team=home_team))
        response = request(client, url, rule)
        expected = rule.ok if role in rule.roles else (403, 404)
        assert response.status_code in expected, f"{role} {url} -> {response.status_code}"
        client.logout()

    other_team = Team.objects.filter(municipality__code=OTHER_MUNICIPALITY).order_by("key").first()
    for role in sorted(rule.scoped):
        client.force_login(make_user(role=role, municipality_code=OTHER_MUNICIPALITY, team=other_team))
        response = request(client, url, rule)
        assert response.status_code == 404, f"{role} of another municipality {url} -> {response.status_code}"
        client.logout()
