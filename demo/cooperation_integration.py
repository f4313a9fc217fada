"""The demo's integration work and recruitment events (part of generate_cooperation), made through the cooperation
app's services:

- integration plans (kotoutumissuunnitelma) of foreign-language job seekers, recorded by their own counsellors, with
  language training referrals at the area's education providers, some started or completed, one plan ended;
- a fortnight of International Info contacts at Kajaani's Kaupungintalo as anonymous counts in the customers'
  languages, and one contact recorded for a person;
- recruitment events: a past fair with employers, their open vacancies and outcomes, an information session with
  foreign-language participants linked by their counsellor, and an upcoming event.
"""

from datetime import date, timedelta

from accounts import permissions_cooperation
from cooperation.models import EventParticipant, InfoContact, IntegrationPlan, LanguageTraining, RecruitmentEvent
from cooperation.selectors.integration import info_offices
from cooperation.services import events, integration
from employers.enums import VacancyStatus
from employers.models import Employer, Vacancy
from jobseekers.models import Jobseeker
from organisation.models import EmploymentArea
from organisation.routing import DOMESTIC_LANGUAGES

PROVIDERS = [
    "Kajaanin kaupungin koulutusliikelaitos (KAO)",
    "Koulutuskuntayhtymä OSAO",
    "Kajaanin ammattikorkeakoulu (KAMK)",
]
COURSES = [
    ("Suomen kieli ja työelämätaidot", "A1.3 → A2.2"),
    ("Suomea hoiva-alalle", "A2.2 → B1.1"),
    ("Suomen kielen jatkokurssi", "B1.1"),
]
# By the course's dates (it starts three weeks after the plan and lasts five months): the two oldest have ended, the
# others are under way; the last plan's person never started.
OUTCOMES = ["completed", "interrupted", "started", "started", "started", "did_not_start"]
INFO_LANGUAGES = ["uk", "uk", "ru", "ar", "en", "so", "fa", "th", "et"]
INFO_HOMES = ["205", "205", "205", "765", "290", "777", "305"]
INFO_TOPICS = ["work", "language", "education", "settling", "services", "other"]


def erase(area: EmploymentArea) -> None:
    EventParticipant.objects.filter(event__area=area).delete()
    RecruitmentEvent.objects.filter(area=area).delete()
    InfoContact.objects.filter(office__area=area).delete()
    LanguageTraining.objects.filter(jobseeker__area=area).delete()
    IntegrationPlan.objects.filter(jobseeker__area=area).delete()


def _foreign_clients(area, count: int) -> list[Jobseeker]:
    return [
        person
        for person in Jobseeker.objects.searching()
        .filter(area=area, responsible_counsellor__isnull=False)
        .exclude(service_language__in=sorted(DOMESTIC_LANGUAGES))
        .select_related("responsible_counsellor", "municipality")
        .order_by("pk")[: count * 3]
        if permissions_cooperation.can_work_with_cooperation_clients(person.responsible_counsellor, person)
    ][:count]


def plans_and_training(area, today: date, report) -> list[Jobseeker]:
    people = _foreign_clients(area, 6)
    for index, person in enumerate(people):
        by = person.responsible_counsellor
        drawn = today - timedelta(days=200 - 25 * index)
        plan = integration.record_plan(
            person,
            drawn_up_on=drawn,
            drawn_up_by=f"{by.get_full_name() or by.username}, vieraskielisten palvelut",
            valid_until=drawn + timedelta(days=365),
            reviewed_on=drawn + timedelta(days=90) if drawn + timedelta(days=90) <= today else None,
            summary="Suomen kielen opinnot työn ohessa, tutustuminen hoiva-alaan työkokeilussa ja ammatillinen "
            "koulutus sen jälkeen.",
            status="ended" if index == 5 else "in_force",
            by=by,
        )
        report.integration_plans += 1
        course, level = COURSES[index % len(COURSES)]
        integration.record_training(
            person,
            plan=plan.pk,
            provider=PROVIDERS[index % len(PROVIDERS)],
            course=course,
            level=level,
            starts_on=drawn + timedelta(days=21),
            ends_on=drawn + timedelta(days=21 + 150),
            outcome=OUTCOMES[index],
            by=by,
        )
        report.language_trainings += 1
    return people


def international_info(area, today: date, rng, report, people) -> None:
    office = info_offices(area.pk).first()
    if office is None:
        return
    recorder = people[0].responsible_counsellor if people else None
    if recorder is None:
        return
    for days_ago in range(14, 0, -1):
        day = today - timedelta(days=days_ago)
        if day.weekday() >= 5:
            continue
        for _visit in range(2):
            contacts = rng.randint(1, 6)
            integration.record_contact(
                area=area,
                office=office.pk,
                contacted_on=day,
                municipality=rng.choice(INFO_HOMES),
                language=rng.choice(INFO_LANGUAGES),
                topic=rng.choice(INFO_TOPICS),
                contacts=contacts,
                by=recorder,
            )
            report.info_contacts += contacts
    integration.record_contact(
        area=area,
        office=office.pk,
        contacted_on=today - timedelta(days=2),
        municipality="",
        language="",
        topic="language",
        contacts=1,
        jobseeker=people[0].pk,
        by=recorder,
    )
    report.info_contacts += 1


def _open_vacancies(area, count: int) -> list[Vacancy]:
    return list(
        Vacancy.objects.filter(employer__area=area, status=VacancyStatus.OPEN)
        .select_related("employer")
        .order_by("employer_id", "pk")[:count]
    )


def recruitment_events(area, today: date, report, by, people) -> None:
    if by is None:
        return
    vacancies = _open_vacancies(area, 8)
    employers = sorted({vacancy.employer_id for vacancy in vacancies}) or list(
        Employer.objects.filter(area=area).order_by("pk").values_list("pk", flat=True)[:4]
    )
    if not employers:
        return
    fair = events.create_event(
        area=area,
        name="Kainuun rekrytointimessut",
        kind="fair",
        held_on=today - timedelta(days=45),
        place="Kajaanin kaupungintalo",
        municipality="205",
        organiser="Kainuun ja Koillismaan työllisyysalue, työnantajapalvelut",
        employers=employers,
        vacancies=[vacancy.pk for vacancy in vacancies],
        participants=180,
        job_offers=14,
        hires=5,
        notes="Messuilla esiteltiin myös EURES-palvelut ja puolisotyöpaikka.",
        by=by,
    )
    session = events.create_event(
        area=area,
        name="Hoiva-alan työt vieraskielisille",
        kind="info_session",
        held_on=today - timedelta(days=10),
        place="International Info, Kajaanin kaupungintalo",
        municipality="205",
        organiser="International Info ja Kainuun hyvinvointialue",
        employers=employers[:1],
        vacancies=[vacancy.pk for vacancy in vacancies if vacancy.employer_id == employers[0]][:2],
        participants=18,
        job_offers=3,
        hires=1,
        notes="",
        by=by,
    )
    for person in people[:3]:
        events.add_participant(session, jobseeker=person.pk, by=person.responsible_counsellor)
    events.create_event(
        area=area,
        name="Koillismaan matkailualan rekrytointitapahtuma",
        kind="recruitment_event",
        held_on=today + timedelta(days=20),
        place="Kuusamon kaupungintalo",
        municipality="305",
        organiser="Kuusamon työllisyyspalvelut",
        employers=employers[-2:],
        vacancies=[],
        participants=0,
        job_offers=0,
        hires=0,
        notes="Kausityöt talvisesonkiin.",
        by=by,
    )
    report.events = 3
    report.event_participants = fair.participants + session.participants
