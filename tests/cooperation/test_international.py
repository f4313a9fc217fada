"""International recruitment and the spouse-job service: the case with employer, vacancy and housing; the spouse as a
registered job seeker or a contact record; the follow-up of the spouse's outcome; what each user sees."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cooperation.models import RecruitmentCase, Spouse
from cooperation.selectors import international as selectors
from cooperation.services import international as services
from tests.cooperation.factories import area, make_case, make_vacancy
from tests.employers.factories import EmployerFactory
from tests.jobseekers.factories import make_jobseeker
from tests.organisation.factories import MunicipalityFactory

pytestmark = pytest.mark.django_db
DAY = date(2025, 8, 4)


def spouse_of(case, by, **extra):
    data = {"jobseeker": None, "name": "Luis García", "phone": "040 123 4567", "email": "", "aim": "work"}
    data.update(extra)
    return services.register_spouse(case, field_of_work="sairaanhoito", registered_on=DAY, by=by, **data)


def test_a_case_takes_the_vacancys_municipality_and_refuses_another_employers_vacancy(staff):
    vacancy = make_vacancy(municipality_id=EmployerFactory().municipality.area.municipalities.get(code="765").pk)
    case = make_case(staff["employer_services"], employer=vacancy.employer, vacancy=vacancy)
    assert case.municipality.code == "765" and case.via_eures and case.housing_arranged
    with pytest.raises(ValidationError) as refused:
        make_case(staff["employer_services"], vacancy=vacancy, country="spain")
    assert set(refused.value.message_dict) == {"vacancy", "recruited_country"}
    assert RecruitmentCase.objects.count() == 1


def test_the_area_management_does_not_work_on_recruitment(staff):
    with pytest.raises(ValidationError):
        make_case(staff["manager"])


def test_a_spouse_is_a_contact_record_or_a_registered_job_seeker_not_both(staff, client_of):
    case = make_case(staff["counsellor"])
    with pytest.raises(ValidationError) as refused:
        spouse_of(case, staff["counsellor"], jobseeker=client_of.pk)
    assert "name" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        spouse_of(case, staff["counsellor"], name="")
    assert "name" in refused.value.message_dict
    spouse = spouse_of(case, staff["counsellor"], jobseeker=client_of.pk, name="", phone="")
    assert spouse.jobseeker == client_of and spouse.display_name == str(client_of)
    with pytest.raises(ValidationError):
        spouse_of(case, staff["counsellor"])


def test_a_spouse_must_be_a_job_seeker_in_the_users_scope(staff, make_staff):
    other = make_staff("counsellor", "290", team="kuhmo")
    outsider = make_jobseeker(municipality="290", with_counsellor=other)
    case = make_case(staff["counsellor"])
    with pytest.raises(ValidationError) as refused:
        spouse_of(case, staff["counsellor"], jobseeker=outsider.pk, name="", phone="")
    assert "jobseeker" in refused.value.message_dict
    assert not Spouse.objects.exists()


def test_the_outcome_is_followed_and_a_placement_names_the_place(staff):
    spouse = spouse_of(make_case(staff["employer_services"]), staff["employer_services"])
    with pytest.raises(ValidationError) as refused:
        services.record_follow_up(
            spouse, outcome="employed", recorded_on=DAY, detail="", notes="", by=staff["counsellor"]
        )
    assert "detail" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.record_follow_up(
            spouse, outcome="searching", recorded_on=date(2025, 1, 1), detail="", notes="", by=staff["counsellor"]
        )
    assert "recorded_on" in refused.value.message_dict
    services.record_follow_up(spouse, outcome="searching", recorded_on=DAY, detail="", notes="", by=staff["counsellor"])
    services.record_follow_up(
        spouse,
        outcome="employed",
        recorded_on=date(2025, 10, 1),
        detail="Kainuun sairaala",
        notes="",
        by=staff["counsellor"],
    )
    assert selectors.with_latest_outcome([spouse])[0][1].outcome == "employed"
    figures = selectors.figures(area())[spouse.case.municipality_id]
    assert figures == {"cases": 1, "eures": 1, "housing": 1, "spouses": 1, "spouses_placed": 1}


def test_a_registered_spouse_is_hidden_from_whoever_may_not_read_the_person(staff, client_of, make_staff):
    case = make_case(staff["counsellor"])
    spouse_of(case, staff["counsellor"], jobseeker=client_of.pk, name="", phone="")
    other = make_staff("counsellor", "290", team="kuhmo")
    assert list(selectors.spouses(other)) == []
    assert list(selectors.spouses(staff["employer_services"])) == []
    _case, visible = selectors.get_case(staff["employer_services"], case.pk, view="test", purpose="test")
    assert visible is None
    _case, visible = selectors.get_case(staff["counsellor"], case.pk, view="test", purpose="test")
    assert visible.jobseeker == client_of


def test_the_latest_follow_up_decides_whether_a_spouse_counts_as_placed(staff):
    placed_then_searching = spouse_of(make_case(staff["employer_services"]), staff["employer_services"])
    for outcome, day, detail in (("employed", DAY, "Kainuun sairaala"), ("searching", date(2025, 12, 1), "")):
        services.record_follow_up(
            placed_then_searching, outcome=outcome, recorded_on=day, detail=detail, notes="", by=staff["counsellor"]
        )
    studying = spouse_of(make_case(staff["employer_services"], name="Eva Ek"), staff["employer_services"])
    services.record_follow_up(
        studying, outcome="studying", recorded_on=DAY, detail="KAMK", notes="", by=staff["counsellor"]
    )
    figures = selectors.figures(area())[studying.case.municipality_id]
    assert figures["spouses"] == 2 and figures["spouses_placed"] == 1
    latest = dict(selectors.with_latest_outcome([placed_then_searching, studying]))
    assert (latest[placed_then_searching].outcome, latest[studying].outcome) == ("searching", "studying")


def test_the_recruitment_and_report_pages_do_not_query_per_case_or_spouse(client, staff):
    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    employer = EmployerFactory()

    def case_with_spouse(name):
        spouse = spouse_of(
            make_case(staff["employer_services"], employer=employer, name=name), staff["employer_services"]
        )
        services.record_follow_up(
            spouse, outcome="searching", recorded_on=DAY, detail="", notes="", by=staff["employer_services"]
        )

    client.force_login(staff["employer_services"])
    case_with_spouse("Ana García")
    make_case(staff["employer_services"], employer=employer, name="Ilman Puolisoa")
    urls = (reverse("cooperation:recruitment"), reverse("cooperation:report"))
    for url in urls:  # the first page also reads what is cached for every page (the area's name)
        client.get(url)
    before = {url: queries(url) for url in urls}
    for name in ("Jaan Tamm", "Eva Ek", "Olga Ivanova"):
        case_with_spouse(name)
        make_case(staff["employer_services"], employer=employer, name=f"{name} II")
    after = {url: queries(url) for url in before}
    assert after == before
    assert "Ilman Puolisoa" in client.get(reverse("cooperation:recruitment")).content.decode()


def test_another_areas_staff_see_none_of_the_areas_recruitment(staff, make_user):
    case = make_case(staff["employer_services"])
    spouse_of(case, staff["employer_services"])
    MunicipalityFactory(code="950")
    outsider = make_user(role="employer_services", municipality_code="950")
    assert not selectors.cases(outsider).exists()
    assert not selectors.spouses(outsider).exists()
    with pytest.raises(Http404):
        selectors.get_case(outsider, case.pk, view="test", purpose="test")
