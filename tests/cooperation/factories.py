"""Cooperation rows for tests, made through the services so every row passes the same checks as in production (the
real area must be loaded: the `area` fixture). Dates default to around the job seekers' factory day (2025-06-02).

    need = make_need(counsellor)                          # a raised need in Kajaani
    meeting, item = put_on_agenda(supervisor, need)       # on a new meeting's agenda
    procurement = make_procurement(supervisor, places={"205": 2})   # from a need accepted on the way
    consent = make_consent(counsellor, jobseeker)         # to the county serving the person's municipality
"""

from datetime import date, timedelta

from cooperation import enums
from cooperation.services import international, procurement, typ
from organisation.models import EmploymentArea, Partner
from tests.employers.factories import EmployerFactory, VacancyFactory
from tests.jobseekers.factories import TODAY


def area():
    return EmploymentArea.objects.get()


def make_need(by, *, municipality="205", places=3, service_type=enums.ServiceType.COACHING, urgency="normal", **extra):
    return procurement.raise_need(
        area=area(),
        municipality=municipality,
        service_type=service_type,
        target_group=extra.pop("target_group", "adults"),
        places=places,
        urgency=urgency,
        justification=extra.pop("justification", "Asiakkailla on tarve työnhakuvalmennukselle."),
        by=by,
        today=extra.pop("today", TODAY),
    )


def make_meeting(by, *, held_on=TODAY):
    return procurement.create_meeting(area=area(), held_on=held_on, place="Kajaani", notes="", by=by)


def put_on_agenda(by, need, meeting=None):
    meeting = meeting or make_meeting(by)
    return meeting, procurement.add_to_agenda(meeting, need.pk, by=by)


def accept(by, need):
    _meeting, item = put_on_agenda(by, need)
    procurement.handle_item(item, handling=enums.Handling.ACCEPTED, reason="", by=by)
    need.refresh_from_db()
    return need


def make_procurement(by, *, needs=None, places=None, starts=TODAY, ends=None, raised_by=None):
    needs = needs or [accept(by, make_need(raised_by or by))]
    return procurement.create_procurement(
        area=area(),
        title="Työnhakuvalmennus 2025",
        service_type=enums.ServiceType.COACHING,
        procedure=enums.Procedure.OPEN,
        tender_published_on=starts - timedelta(days=60),
        decided_on=starts - timedelta(days=20),
        contract_starts_on=starts,
        contract_ends_on=ends or starts + timedelta(days=365),
        budget="48000",
        providers="Valmennus Oy",
        needs=needs,
        places=places or {"205": 2},
        by=by,
    )


def county(key="kainuun-hyvinvointialue"):
    return Partner.objects.get(key=key)


def make_assessment(by, jobseeker, *, need=True, on=TODAY, days=None):
    return typ.assess(
        jobseeker,
        on=on,
        labour_market_subsidy_days=days,
        needs_multisectoral_services=need,
        need_description="Terveyspalvelujen ja työvoimapalvelujen yhteensovittaminen." if need else "",
        by=by,
    )


def make_consent(by, jobseeker, *, recipient=None, given_on=TODAY, valid_until=None):
    return typ.give_consent(
        jobseeker,
        recipient=(recipient or county()).pk,
        information=[enums.InformationCategory.CONTACT, enums.InformationCategory.EMPLOYMENT_PLAN],
        purpose="Ohjaus sosiaalityöhön.",
        given_on=given_on,
        valid_until=valid_until or given_on + timedelta(days=180),
        by=by,
    )


def make_case(by, *, employer=None, vacancy=None, name="Ana García", country="ES"):
    employer = employer or EmployerFactory()
    return international.create_case(
        area=area(),
        employer=employer.pk,
        vacancy=vacancy.pk if vacancy else None,
        via_eures=True,
        recruited_name=name,
        recruited_country=country,
        arrival_on=date(2025, 8, 1),
        housing_arranged=True,
        housing_notes="Vuokra-asunto Kajaanin keskustasta.",
        by=by,
    )


def make_vacancy(**extra):
    return VacancyFactory(**extra)


def make_plan(by, jobseeker, *, drawn_up_on=TODAY, status="in_force", **extra):
    from cooperation.services import integration

    return integration.record_plan(
        jobseeker,
        drawn_up_on=drawn_up_on,
        drawn_up_by=extra.pop("drawn_up_by", "Vieraskielisten tiimi"),
        valid_until=extra.pop("valid_until", drawn_up_on + timedelta(days=365)),
        reviewed_on=extra.pop("reviewed_on", None),
        summary=extra.pop("summary", "Suomen kieli ja työkokeilu hoiva-alalla."),
        status=status,
        by=by,
    )


def make_training(by, jobseeker, *, plan=None, outcome="referred", starts_on=TODAY, **extra):
    from cooperation.services import integration

    return integration.record_training(
        jobseeker,
        plan=plan.pk if plan else None,
        provider=extra.pop("provider", "Kajaanin kaupungin koulutusliikelaitos (KAO)"),
        course=extra.pop("course", "Suomen kieli ja työelämätaidot"),
        level=extra.pop("level", "A2.1"),
        starts_on=starts_on,
        ends_on=extra.pop("ends_on", starts_on + timedelta(days=120)),
        outcome=outcome,
        by=by,
    )


def make_event(by, *, employers=None, vacancies=(), municipality="205", participants=40, hires=2, **extra):
    from cooperation.services import events

    employers = employers or [EmployerFactory()]
    return events.create_event(
        area=area(),
        name=extra.pop("name", "Kainuun rekrytointimessut"),
        kind=extra.pop("kind", "fair"),
        held_on=extra.pop("held_on", TODAY),
        place=extra.pop("place", "Kajaanin kaupungintalo"),
        municipality=municipality,
        organiser=extra.pop("organiser", "Työnantajapalvelut"),
        employers=[employer.pk for employer in employers],
        vacancies=[vacancy.pk for vacancy in vacancies],
        participants=participants,
        job_offers=extra.pop("job_offers", 5),
        hires=hires,
        notes=extra.pop("notes", ""),
        by=by,
    )
