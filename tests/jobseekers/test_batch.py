"""Assignment through the database: pools, FTE, languages, targets, continuity, infeasibility and manual changes."""

from collections import Counter
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db.models import F, Q

from jobseekers import batch, services
from jobseekers.models import CounsellorAssignment, Jobseeker
from tests.jobseekers.factories import make_jobseeker

pytestmark = pytest.mark.django_db


def run(area, **kwargs):
    return batch.assign_unassigned(scope=Q(area=area), **kwargs)


def loads():
    return Counter(
        Jobseeker.objects.exclude(responsible_counsellor=None).values_list("responsible_counsellor", flat=True)
    )


def test_clients_are_shared_in_proportion_to_fte_within_the_pool(area, make_staff):
    full = make_staff(municipality_code="290", team="kuhmo", fte=Decimal("1.00"))
    half = make_staff(municipality_code="290", team="kuhmo", fte=Decimal("0.50"))
    elsewhere = make_staff(municipality_code="205", team="kajaani-aikuiset")
    for _ in range(9):
        make_jobseeker(municipality="290")
    report = run(area)
    assert (report.assigned, report.unassigned) == (9, 0)
    assert loads() == {full.pk: 6, half.pk: 3}
    assert elsewhere.pk not in loads()
    history = CounsellorAssignment.objects.all()
    assert history.count() == 9 and {h.reason for h in history} == {"batch"}
    assert run(area).assigned == 0, "a second run finds nobody unassigned"


def test_a_counsellor_who_speaks_the_language_is_preferred(area, make_staff):
    arabic = make_staff(team="kajaani-vieraskieliset", languages=["fi", "en", "ar"])
    russian = make_staff(team="kajaani-vieraskieliset", languages=["fi", "ru"])
    for language in ["ar", "ar", "ar", "ru", "ru", "ru"]:
        make_jobseeker(municipality="205", service_language=language)
    run(area)
    by_language = {
        language: set(
            Jobseeker.objects.filter(service_language=language).values_list("responsible_counsellor", flat=True)
        )
        for language in ("ar", "ru")
    }
    assert by_language == {"ar": {arabic.pk}, "ru": {russian.pk}}


@pytest.mark.parametrize("previous_index", [0, 1])
def test_a_returning_job_seeker_gets_their_previous_counsellor(area, make_staff, previous_index):
    counsellors = [make_staff(municipality_code="290", team="kuhmo") for _ in range(2)]
    previous = counsellors[previous_index]
    returning = make_jobseeker(municipality="290", registered_by=previous)
    CounsellorAssignment.objects.update(ended_at=F("started_at"))
    Jobseeker.objects.update(responsible_counsellor=None)
    # Equal caseloads: balance cannot choose, so continuity does.
    for counsellor in counsellors:
        make_jobseeker(municipality="290", registered_by=counsellor)
    run(area)
    returning.refresh_from_db()
    assert returning.responsible_counsellor == previous


def test_a_pool_too_small_for_its_target_says_how_many_fte_are_missing(area, make_staff):
    make_staff(municipality_code="290", team="kuhmo", fte=Decimal("0.50"))
    for _ in range(60):
        make_jobseeker(municipality="290")
    report = run(area)
    assert report.assigned == 60, "everyone still gets a counsellor"
    [shortfall] = report.shortfalls
    assert shortfall.missing_fte == Decimal("0.10")
    assert shortfall.message == (
        "Kuhmo: Kuhmon henkilöasiakas- ja työnvälityspalvelu: asiakkaita 60, tavoitteen mukainen enimmäismäärä 50 "
        "(100 asiakasta/htv); puuttuu 0,1 htv."
    )


def test_a_pool_without_counsellors_leaves_clients_unassigned_and_says_so(area, make_staff):
    for _ in range(3):
        make_jobseeker(municipality="620")
    report = run(area)
    assert (report.assigned, report.unassigned) == (0, 3)
    assert report.shortfalls[0].message == (
        "Puolanka: Puolangan henkilöasiakas- ja työnvälityspalvelu: ohjaajaryhmässä ei ole ohjaajia; 3 asiakasta jäi "
        "ilman vastuuohjaajaa; puuttuu 0,03 htv."
    )


def test_sotkamo_without_a_target_is_balanced_but_never_over(area, make_staff):
    make_staff(municipality_code="765", team="sotkamo", fte=Decimal("0.10"))
    for _ in range(30):
        make_jobseeker(municipality="765")
    report = run(area)
    assert report.assigned == 30
    assert report.shortfalls == []


def test_large_pools_are_cut_into_sub_pools_and_chunks(area, make_staff, monkeypatch):
    monkeypatch.setattr(batch, "SUBPOOL_SIZE", 2)
    monkeypatch.setattr(batch, "CHUNK_SIZE", 4)
    speakers = [make_staff(municipality_code="290", team="kuhmo", languages=["fi", "ru"])]
    others = [make_staff(municipality_code="290", team="kuhmo") for _ in range(4)]
    for index in range(25):
        make_jobseeker(municipality="290", service_language="ru" if index < 3 else "fi")
    report = run(area)
    assert report.assigned == 25
    counts = loads()
    assert max(counts.values()) - min(counts.values()) <= 2
    russian = set(Jobseeker.objects.filter(service_language="ru").values_list("responsible_counsellor", flat=True))
    assert russian == {speakers[0].pk}
    assert set(counts) == {u.pk for u in speakers + others}


def test_supervisor_batch_through_the_api_touches_only_their_municipality(client, area, make_staff):
    make_staff(municipality_code="290", team="kuhmo")
    make_staff(municipality_code="205", team="kajaani-aikuiset")
    kuhmo = make_jobseeker(municipality="290")
    kajaani = make_jobseeker(municipality="205")
    client.force_login(make_staff(role="supervisor", municipality_code="290"))
    response = client.post("/api/v1/jobseekers/assign/", {}, content_type="application/json")
    assert response.status_code == 200
    assert response.json()["assigned"] == 1
    kuhmo.refresh_from_db()
    kajaani.refresh_from_db()
    assert kuhmo.responsible_counsellor is not None
    assert kajaani.responsible_counsellor is None
    client.force_login(make_staff(role="counsellor", municipality_code="290", team="kuhmo"))
    assert client.post("/api/v1/jobseekers/assign/", {}, content_type="application/json").status_code == 403


def test_manual_reassignment_keeps_the_history_with_the_reason(area, make_staff):
    first = make_staff(municipality_code="578", team="paltamo-pienet-kunnat")
    second = make_staff(municipality_code="578", team="paltamo-pienet-kunnat")
    supervisor = make_staff(role="supervisor", municipality_code="578")
    jobseeker = make_jobseeker(municipality="697", registered_by=first)
    with pytest.raises(ValidationError) as raised:
        services.reassign(jobseeker=jobseeker, counsellor=second, note="", by=supervisor)
    assert "note" in raised.value.message_dict
    kajaani = make_staff(municipality_code="205", team="kajaani-aikuiset")
    with pytest.raises(ValidationError) as raised:
        services.reassign(jobseeker=jobseeker, counsellor=kajaani, note="Kielitaito", by=supervisor)
    assert "counsellor" in raised.value.message_dict
    services.reassign(jobseeker=jobseeker, counsellor=second, note="Asiakkaan pyyntö", by=supervisor)
    jobseeker.refresh_from_db()
    assert jobseeker.responsible_counsellor == second
    current, previous = CounsellorAssignment.objects.filter(jobseeker=jobseeker).order_by("-pk")
    assert (current.counsellor, current.reason, current.note, current.assigned_by) == (
        second,
        "manual",
        "Asiakkaan pyyntö",
        supervisor,
    )
    assert current.ended_at is None and previous.ended_at is not None and previous.counsellor == first


def test_reassignment_over_a_change_saved_meanwhile_is_a_conflict(area, make_staff):
    first, second, third = (make_staff(municipality_code="578", team="paltamo-pienet-kunnat") for _ in range(3))
    supervisor = make_staff(role="supervisor", municipality_code="578")
    seen_by_both = make_jobseeker(municipality="697", registered_by=first)
    stale = Jobseeker.objects.get(pk=seen_by_both.pk)
    services.reassign(jobseeker=seen_by_both, counsellor=second, note="Työnjako", by=supervisor)
    with pytest.raises(services.Conflict) as raised:
        services.reassign(jobseeker=stale, counsellor=third, note="Kielitaito", by=supervisor)
    assert f"nyt: {second.username}" in raised.value.messages[0]
    stale.refresh_from_db()
    assert stale.responsible_counsellor == second
    assert CounsellorAssignment.objects.filter(jobseeker=stale).count() == 2
    assert CounsellorAssignment.objects.filter(jobseeker=stale, ended_at=None).get().counsellor == second


def test_reassignment_page_answers_a_conflict_with_the_current_counsellor(client, area, make_staff):
    first, second, third = (make_staff(municipality_code="578", team="paltamo-pienet-kunnat") for _ in range(3))
    supervisor = make_staff(role="supervisor", municipality_code="578")
    jobseeker = make_jobseeker(municipality="697", registered_by=first)
    services.reassign(jobseeker=jobseeker, counsellor=second, note="Työnjako", by=supervisor)
    client.force_login(supervisor)
    url = f"/asiakkaat/{jobseeker.pk}/vastuuohjaaja/"
    form = {"counsellor": third.pk, "note": "Asiakkaan pyyntö", "seen_counsellor": first.pk}
    response = client.post(url, form)
    assert response.status_code == 409
    page = response.content.decode()
    assert "Toinen käyttäjä vaihtoi juuri asiakkaan vastuuohjaajan" in page
    assert f'name="seen_counsellor" value="{second.pk}"' in page
    jobseeker.refresh_from_db()
    assert jobseeker.responsible_counsellor == second
    assert client.post(url, {**form, "seen_counsellor": second.pk}).status_code == 302
    jobseeker.refresh_from_db()
    assert jobseeker.responsible_counsellor == third
