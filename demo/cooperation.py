"""Cooperation services for the demo, made through the cooperation app's own services – so every row passes the checks
staff would meet – for each part of `make run`:

- procurement: service needs raised by counsellors of several municipalities; a past meeting of the procurement working
  group that accepted, rejected (with a reason) and postponed needs; an upcoming meeting with needs on its agenda (one
  raised by the demo counsellor `ohjaaja`) waiting for the working group; a procurement of the accepted needs with
  places per municipality and job seekers referred to them, some started;
- TYP: job seekers of `ohjaaja` assessed by the rules in force, one a client with the joint plan and a referral to the
  wellbeing services county under a consent, another whose consent to Kela was withdrawn; clients of Kajaani's TYP
  team for the caseload against its target;
- the youth point (Ohjaamo): a fortnight of anonymous visitor counts and young job seekers referred by their
  counsellors to education providers and Työkanava Oy, one started;
- international recruitment: cases with employers and their vacancies (EURES, housing), a spouse registered as a
  contact record whose follow-up found work, and one still searching;
- integration plans, language training, International Info's contacts and recruitment events
  (demo/cooperation_integration.py).

A new run first removes the cooperation rows of the area (they are all the demo's) and makes them again.
"""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from accounts import permissions_cooperation
from accounts.enums import Role
from accounts.models import User
from cooperation.models import (
    AgendaItem,
    Consent,
    PartnerReferral,
    PlaceReferral,
    Procurement,
    RecruitmentCase,
    ServiceNeed,
    TypAssessmentRecord,
    TypClient,
    TypReferral,
    WorkingGroupMeeting,
    YouthPointVisit,
)
from cooperation.selectors.youth import youth_point_offices
from cooperation.services import international, procurement, typ, youth
from demo import cooperation_integration
from employers.models import Employer, Vacancy
from jobseekers.enums import UNEMPLOYED_STATUSES
from jobseekers.models import Jobseeker
from organisation.models import EmploymentArea, Municipality, Partner

NEEDS = [
    # (municipality, service type, target group, places, urgency, justification)
    ("205", "coaching", "youth", 8, "urgent", "Nuorten työnhakuvalmennukselle on jonoa; Ohjaamon asiakkaat odottavat."),
    (
        "205",
        "labour_market_training",
        "foreign_language",
        12,
        "normal",
        "Vieraskieliset tarvitsevat hoiva-alan koulutusta.",
    ),
    ("305", "labour_market_training", "adults", 10, "normal", "Matkailun kausityöhön tarvitaan koulutettuja."),
    ("290", "career_guidance", "adults", 4, "normal", "Pitkään työttömänä olleet tarvitsevat uravalmennusta."),
    ("765", "psychologist_assessment", "all", 3, "urgent", "Ammatinvalinnan psykologin arvioita ei ole saatavilla."),
    ("777", "coaching", "adults", 6, "normal", "Työnhakuvalmennus etäyhteyksin."),
    ("578", "expert_assessment", "multisectoral", 3, "normal", "Työkyvyn arvioita monialaisen palvelun asiakkaille."),
    ("832", "integration_training", "foreign_language", 5, "normal", "Suomen kieltä työn ohessa."),
]
HANDLED = ["accepted", "accepted", "rejected", "postponed"]
REJECTION = "Palvelu sisältyy jo voimassa olevaan hankintaan."


@dataclass
class CooperationReport:
    needs: int = 0
    meetings: int = 0
    procurements: int = 0
    place_referrals: int = 0
    typ_clients: int = 0
    consents: int = 0
    recruitment_cases: int = 0
    spouses: int = 0
    youth_visits: int = 0
    partner_referrals: int = 0
    integration_plans: int = 0
    language_trainings: int = 0
    info_contacts: int = 0
    events: int = 0
    event_participants: int = 0


def _user(username: str, role: Role, municipality: Municipality | None = None) -> User | None:
    user = User.objects.filter(username=username, is_active=True).first()
    if user is not None:
        return user
    found = User.objects.filter(role=role, is_active=True)
    if municipality is not None:
        found = found.filter(home_municipality=municipality)
    return found.order_by("username").first()


def _erase(area: EmploymentArea) -> None:
    cooperation_integration.erase(area)
    YouthPointVisit.objects.filter(office__area=area).delete()
    PartnerReferral.objects.filter(jobseeker__area=area).delete()
    RecruitmentCase.objects.filter(area=area).delete()
    TypReferral.objects.filter(jobseeker__area=area).delete()
    Consent.objects.filter(jobseeker__area=area).delete()
    TypClient.objects.filter(jobseeker__area=area).delete()
    TypAssessmentRecord.objects.filter(jobseeker__area=area).delete()
    PlaceReferral.objects.filter(procurement__area=area).delete()
    Procurement.objects.filter(area=area).delete()
    AgendaItem.objects.filter(need__area=area).delete()
    WorkingGroupMeeting.objects.filter(body__area=area).delete()
    ServiceNeed.objects.filter(area=area).delete()


def _needs(area, today, group) -> list[ServiceNeed]:
    made = []
    for index, (code, service_type, target_group, places, urgency, justification) in enumerate(NEEDS):
        municipality = Municipality.objects.get(area=area, code=code)
        raiser = (
            _user("ohjaaja", Role.COUNSELLOR) if code == "205" else _user("", Role.COUNSELLOR, municipality)
        ) or group
        made.append(
            procurement.raise_need(
                area=area,
                municipality=code,
                service_type=service_type,
                target_group=target_group,
                places=places,
                urgency=urgency,
                justification=justification,
                by=raiser,
                today=today - timedelta(days=40 - 3 * index),
            )
        )
    return made


def _working_group(area, today, group, needs) -> list[ServiceNeed]:
    """A past meeting that handled the first needs, and an upcoming one with needs waiting on its agenda."""
    past = procurement.create_meeting(
        area=area, held_on=today - timedelta(days=21), place="Kajaanin virastotalo", notes="", by=group
    )
    accepted = []
    for need, handling in zip(needs[1:5], HANDLED, strict=True):
        item = procurement.add_to_agenda(past, need.pk, by=group)
        procurement.handle_item(item, handling=handling, reason=REJECTION if handling == "rejected" else "", by=group)
        if handling == "accepted":
            accepted.append(need)
    upcoming = procurement.create_meeting(
        area=area, held_on=today + timedelta(days=7), place="Teams", notes="Syksyn hankinnat.", by=group
    )
    for need in (needs[0], needs[4]):
        procurement.add_to_agenda(upcoming, need.pk, by=group)
    return accepted


def _referrals(made_procurement, bought, today, rng) -> int:
    made = 0
    for code, places in bought.items():
        people = list(
            Jobseeker.objects.searching()
            .filter(
                municipality__code=code, status__in=sorted(UNEMPLOYED_STATUSES), responsible_counsellor__isnull=False
            )
            .select_related("responsible_counsellor", "municipality")
            .order_by("pk")[: places * 3]
        )
        for person in rng.sample(people, min(len(people), places - 1)):
            if not permissions_cooperation.can_work_with_cooperation_clients(person.responsible_counsellor, person):
                continue
            referral = procurement.refer_to_place(
                made_procurement,
                person,
                referred_on=today - timedelta(days=10),
                by=person.responsible_counsellor,
            )
            if rng.random() < 0.6:
                procurement.record_place_outcome(
                    referral, outcome="started", on=today - timedelta(days=3), by=person.responsible_counsellor
                )
            made += 1
    return made


def _procure(area, today, group, accepted, rng, report) -> None:
    bought = {"305": 6, "290": 3, "205": 4, "765": 2}
    made = procurement.create_procurement(
        area=area,
        title="Työvoimakoulutus ja uravalmennus 2026",
        service_type="labour_market_training",
        procedure="open",
        tender_published_on=today - timedelta(days=120),
        decided_on=today - timedelta(days=70),
        contract_starts_on=today - timedelta(days=60),
        contract_ends_on=today + timedelta(days=300),
        budget="86500",
        providers="Kainuun Koulutus Oy\nKoillismaan Valmennus Oy",
        needs=accepted,
        places=bought,
        by=group,
    )
    report.procurements = 1
    report.place_referrals = _referrals(made, bought, today, rng)


def _long_term_clients(counsellor: User, today: date, count: int) -> list[Jobseeker]:
    return [
        person
        for person in Jobseeker.objects.searching()
        .filter(responsible_counsellor=counsellor, status__in=sorted(UNEMPLOYED_STATUSES))
        .select_related("municipality")
        .order_by("unemployed_since", "pk")[:count]
        if person.unemployed_since and person.unemployed_since <= today - timedelta(days=200)
    ]


def _typ(area, today, report) -> None:
    counsellor = _user("ohjaaja", Role.COUNSELLOR)
    if counsellor is None:
        return
    kela = Partner.objects.get(area=area, key="kela")
    people = _long_term_clients(counsellor, today, 3)
    for index, person in enumerate(people):
        typ.assess(
            person,
            on=today - timedelta(days=30),
            labour_market_subsidy_days=320 if index == 0 else None,
            needs_multisectoral_services=index < 2,
            need_description="Työkyvyn selvittäminen ja sosiaalityön tuki työllistymisen rinnalla."
            if index < 2
            else "",
            by=counsellor,
        )
        if index == 0:
            client = typ.open_client(
                person,
                started_on=today - timedelta(days=25),
                joint_plan="Työkyvyn arvio hyvinvointialueella, kuntoutusselvitys Kelassa, sen jälkeen työkokeilu.",
                county_contact="Sosiaalityöntekijä Sari Sosiaali",
                kela_contact="Kuntoutusasiantuntija Kalle Kela",
                by=counsellor,
            )
            consent = typ.give_consent(
                person,
                recipient=client.wellbeing_county.pk,
                information=["contact", "employment_plan", "work_ability"],
                purpose="Työkyvyn arvio ja sosiaalityön palvelutarpeen arvio.",
                given_on=today - timedelta(days=25),
                valid_until=today + timedelta(days=340),
                by=counsellor,
            )
            typ.refer(
                person,
                consent=consent.pk,
                reason="Työkyvyn arvio.",
                referred_on=today - timedelta(days=20),
                by=counsellor,
            )
            report.typ_clients += 1
            report.consents += 1
        if index == 1:
            withdrawn = typ.give_consent(
                person,
                recipient=kela.pk,
                information=["contact", "benefits"],
                purpose="Kuntoutuksen tarpeen selvittäminen Kelassa.",
                given_on=today - timedelta(days=28),
                valid_until=today + timedelta(days=150),
                by=counsellor,
            )
            typ.refer(
                person,
                consent=withdrawn.pk,
                reason="Kuntoutusselvitys.",
                referred_on=today - timedelta(days=27),
                by=counsellor,
            )
            typ.withdraw_consent(
                withdrawn,
                withdrawn_on=today - timedelta(days=5),
                note="Asiakas perui suostumuksen puhelimessa.",
                by=counsellor,
            )
            report.consents += 1
    for person in (
        Jobseeker.objects.searching()
        .filter(team__key="kajaani-typ", responsible_counsellor__isnull=False)
        .order_by("pk")[:12]
    ):
        by = person.responsible_counsellor
        if not person.unemployed_since or not permissions_cooperation.can_work_with_cooperation_clients(by, person):
            continue
        typ.assess(
            person,
            on=today - timedelta(days=14),
            labour_market_subsidy_days=None,
            needs_multisectoral_services=True,
            need_description="Monialaisen palvelun asiakas.",
            by=by,
        )
        typ.open_client(
            person,
            started_on=today - timedelta(days=14),
            joint_plan="Yhteinen suunnitelma.",
            county_contact="",
            kela_contact="",
            by=by,
        )
        report.typ_clients += 1


def _recruitment(area, today, report) -> None:
    by = _user("tyonantajapalvelut", Role.EMPLOYER_SERVICES) or _user("ohjaaja", Role.COUNSELLOR)
    vacancies = list(Vacancy.objects.filter(employer__area=area).select_related("employer").order_by("pk")[:3])
    if by is None or not vacancies and not Employer.objects.filter(area=area).exists():
        return
    recruited = [("Ana García", "ES", True), ("Jaan Tamm", "EE", True), ("Maria Kowalska", "PL", False)]
    for index, (name, country, eures) in enumerate(recruited):
        vacancy = vacancies[index] if index < len(vacancies) else None
        employer = vacancy.employer if vacancy else Employer.objects.filter(area=area).order_by("pk").first()
        case = international.create_case(
            area=area,
            employer=employer.pk,
            vacancy=vacancy.pk if vacancy else None,
            via_eures=eures,
            recruited_name=name,
            recruited_country=country,
            arrival_on=today - timedelta(days=90 - 30 * index),
            housing_arranged=index != 2,
            housing_notes="Työnantajan järjestämä vuokra-asunto." if index != 2 else "",
            by=by,
        )
        report.recruitment_cases += 1
        if index == 2:
            continue
        spouse = international.register_spouse(
            case,
            jobseeker=None,
            name=["Luis García", "Kati Tamm"][index],
            phone="040 000 0000",
            email="",
            aim=["work", "study"][index],
            field_of_work=["sairaanhoito", "ohjelmistokehitys"][index],
            registered_on=case.arrival_on,
            by=by,
        )
        international.record_follow_up(
            spouse,
            outcome="searching",
            recorded_on=case.arrival_on + timedelta(days=14),
            detail="",
            notes="Kielikurssi alkaa.",
            by=by,
        )
        if index == 0:
            international.record_follow_up(
                spouse,
                outcome="employed",
                recorded_on=today - timedelta(days=7),
                detail="Kainuun hyvinvointialue, sairaanhoitaja",
                notes="",
                by=by,
            )
        report.spouses += 1


TOPICS = ["job_search", "education", "wellbeing", "living", "other"]
YOUTH_HOMES = ["205", "205", "205", "578", "765"]


def _youth_point(area, today, rng, report) -> None:
    """A fortnight of anonymous visitor counts at the Ohjaamo, and referrals of young job seekers to schools and
    Työkanava Oy by their counsellors, with outcomes."""
    office = youth_point_offices(area.pk).first()
    recorder = _user("ohjaaja", Role.COUNSELLOR)
    if office is None or recorder is None:
        return
    for days_ago in range(14, 0, -1):
        day = today - timedelta(days=days_ago)
        if day.weekday() >= 5:
            continue
        visitors = rng.randint(2, 9)
        youth.record_visit(
            area=area,
            office=office.pk,
            visited_on=day,
            municipality=rng.choice(YOUTH_HOMES),
            visitors=visitors,
            topic=rng.choice(TOPICS),
            by=recorder,
        )
        report.youth_visits += visitors
    partners = list(youth.referral_partners(area.pk))
    # Young clients are served by the youth teams, so their own counsellors refer them.
    young = [
        person
        for person in Jobseeker.objects.searching()
        .filter(responsible_counsellor__isnull=False)
        .select_related("responsible_counsellor")
        .order_by("-birth_date", "pk")[:20]
        if person.is_youth(today)
        and permissions_cooperation.can_work_with_cooperation_clients(person.responsible_counsellor, person)
    ][:3]
    for index, person in enumerate(young):
        by = person.responsible_counsellor
        referral = youth.refer_to_partner(
            person,
            partner=partners[index % len(partners)].pk,
            reason="Koulutuskokeilu ja opintojen suunnittelu.",
            referred_on=today - timedelta(days=20),
            via_youth_point=True,
            by=by,
        )
        if index == 0:
            youth.record_partner_outcome(referral, outcome="started", on=today - timedelta(days=5), by=by)
        report.partner_referrals += 1


def generate(area: EmploymentArea, *, today: date, seed: int = 1) -> CooperationReport:
    rng = random.Random(f"cooperation:{seed}")
    report = CooperationReport()
    group = _user("esihenkilo", Role.SUPERVISOR) or _user("johto", Role.AREA_MANAGER)
    with transaction.atomic():
        _erase(area)
        if group is None:
            return report
        needs = _needs(area, today, group)
        report.needs = len(needs)
        accepted = _working_group(area, today, group, needs)
        report.meetings = 2
        _procure(area, today, group, accepted, rng, report)
        _typ(area, today, report)
        _recruitment(area, today, report)
        _youth_point(area, today, rng, report)
        foreign = cooperation_integration.plans_and_training(area, today, report)
        cooperation_integration.international_info(area, today, rng, report, foreign)
        cooperation_integration.recruitment_events(
            area, today, report, _user("tyonantajapalvelut", Role.EMPLOYER_SERVICES) or group, foreign
        )
    return report
