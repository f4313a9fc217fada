"""The cooperation pages as a browser would use them: forms with errors on their fields, scoping (another
municipality sees nothing: 404), read logging, and the CSV/XLSX exports."""

import io
import json
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from audit.models import PersonalDataAccess
from cooperation.models import Consent, ServiceNeed, TypReferral
from tests.cooperation.factories import make_case, make_need, make_procurement, put_on_agenda
from tests.jobseekers.factories import make_jobseeker

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today(settings):
    settings.SERVICE_MODEL_TODAY = "2025-06-02"


def test_a_counsellor_raises_a_need_on_the_page(client, staff):
    client.force_login(staff["counsellor"])
    url = reverse("cooperation:need_create")
    refused = client.post(url, {"municipality": "205", "service_type": "coaching", "places": "0", "urgency": "normal"})
    assert refused.status_code == 400 and not ServiceNeed.objects.exists()
    assert "justification-error" in refused.content.decode()
    done = client.post(
        url,
        {
            "municipality": "205",
            "service_type": "coaching",
            "target_group": "youth",
            "places": "6",
            "urgency": "urgent",
            "justification": "Nuorilla ei ole valmennusta.",
        },
    )
    need = ServiceNeed.objects.get()
    assert done.status_code == 302 and done["Location"] == reverse("cooperation:need", args=[need.pk])


def test_the_working_group_handles_a_need_on_the_agenda_page(client, staff):
    need = make_need(staff["counsellor"])
    meeting, item = put_on_agenda(staff["supervisor"], need)
    client.force_login(staff["supervisor"])
    page = client.get(reverse("cooperation:meeting", args=[meeting.pk]))
    assert "Asiakkailla on tarve työnhakuvalmennukselle." in page.content.decode()
    url = reverse("cooperation:handle", args=[meeting.pk, item.pk])
    refused = client.post(url, {f"item{item.pk}-handling": "rejected", f"item{item.pk}-reason": ""})
    assert refused.status_code == 400
    client.post(url, {f"item{item.pk}-handling": "accepted"})
    need.refresh_from_db()
    assert need.state == "accepted"


def test_a_counsellor_cannot_handle_the_agenda(client, staff):
    meeting, item = put_on_agenda(staff["supervisor"], make_need(staff["counsellor"]))
    client.force_login(staff["counsellor"])
    response = client.post(
        reverse("cooperation:handle", args=[meeting.pk, item.pk]), {f"item{item.pk}-handling": "accepted"}
    )
    assert response.status_code == 403


def test_the_typ_page_records_a_consent_a_referral_and_the_withdrawal(client, staff, client_of):
    client.force_login(staff["counsellor"])
    page = reverse("cooperation:typ_person", args=[client_of.pk])
    assert "Kainuun hyvinvointialue" in client.get(page).content.decode()
    county = Consent._meta.get_field("recipient").related_model.objects.get(key="kainuun-hyvinvointialue")
    response = client.post(
        reverse("cooperation:typ_consent", args=[client_of.pk]),
        {
            "recipient": county.pk,
            "information": ["contact", "work_ability"],
            "purpose": "Kuntoutustarpeen arvio.",
            "given_on": "2025-06-02",
            "valid_until": "2025-12-31",
        },
    )
    assert response.status_code == 302
    consent = Consent.objects.get()
    client.post(
        reverse("cooperation:typ_refer", args=[client_of.pk]),
        {"consent": consent.pk, "referred_on": "2025-06-02", "reason": "Kuntoutusselvitys."},
    )
    assert TypReferral.objects.count() == 1
    client.post(reverse("cooperation:consent_withdraw", args=[consent.pk]), {"withdrawn_on": "2025-06-03"})
    consent.refresh_from_db()
    assert consent.withdrawn_on is not None
    text = client.get(page).content.decode()
    assert "Suostumus peruttu" in text and "Ohjaa yhteistyökumppanille" not in text


def test_another_municipality_sees_no_typ_page_and_the_refusal_is_logged(client, client_of, make_staff):
    outsider = make_staff("counsellor", "290", team="kuhmo")
    client.force_login(outsider)
    assert client.get(reverse("cooperation:typ_person", args=[client_of.pk])).status_code == 404
    assert PersonalDataAccess.objects.filter(
        user=outsider, subject_id=str(client_of.pk), outcome=PersonalDataAccess.Outcome.DENIED
    ).exists()


def test_employer_services_see_no_persons_typ_record(client, staff, client_of):
    client.force_login(staff["employer_services"])
    assert client.get(reverse("cooperation:typ_person", args=[client_of.pk])).status_code == 403


def test_the_procurement_page_lists_only_referrals_in_scope_and_logs_them(client, staff, make_staff):
    procurement = make_procurement(staff["supervisor"], raised_by=staff["counsellor"], places={"205": 2, "290": 2})
    from cooperation.services.procurement import refer_to_place

    mine = make_jobseeker(with_counsellor=staff["counsellor"], last_name="Omanen")
    kuhmo_counsellor = make_staff("counsellor", "290", team="kuhmo")
    theirs = make_jobseeker(municipality="290", with_counsellor=kuhmo_counsellor, last_name="Vieraanen")
    refer_to_place(procurement, mine, referred_on=procurement.contract_starts_on, by=staff["counsellor"])
    refer_to_place(procurement, theirs, referred_on=procurement.contract_starts_on, by=kuhmo_counsellor)
    client.force_login(staff["counsellor"])
    text = client.get(reverse("cooperation:procurement", args=[procurement.pk])).content.decode()
    assert "Omanen" in text and "Vieraanen" not in text
    assert PersonalDataAccess.objects.filter(user=staff["counsellor"], subject_id=str(mine.pk)).exists()


def test_a_referral_from_the_card(client, staff, client_of):
    procurement = make_procurement(staff["supervisor"], raised_by=staff["counsellor"])
    client.force_login(staff["counsellor"])
    card = client.get(reverse("jobseekers:card", args=[client_of.pk])).content.decode()
    assert reverse("cooperation:place_referral_create", args=[client_of.pk]) in card
    response = client.post(
        reverse("cooperation:place_referral_create", args=[client_of.pk]),
        {"procurement": procurement.pk, "referred_on": "2025-06-02"},
    )
    assert response.status_code == 302
    assert procurement.title in client.get(reverse("jobseekers:card", args=[client_of.pk])).content.decode()


def test_the_recruitment_pages_log_the_recruited_person_and_register_a_spouse(client, staff):
    case = make_case(staff["employer_services"])
    client.force_login(staff["employer_services"])
    assert "Ana García" in client.get(reverse("cooperation:recruitment")).content.decode()
    assert PersonalDataAccess.objects.filter(user=staff["employer_services"], subject_id=str(case.pk)).exists()
    url = reverse("cooperation:spouse_register", args=[case.pk])
    assert client.post(url, {"aim": "work", "registered_on": "2025-08-04"}).status_code == 400
    assert client.post(url, {"name": "Luis García", "aim": "study", "registered_on": "2025-08-04"}).status_code == 302
    text = client.get(reverse("cooperation:case", args=[case.pk])).content.decode()
    assert "Luis García" in text and "Kirjaa puolison tilanne" in text


def test_the_report_and_its_exports_agree(client, staff):
    make_need(staff["counsellor"], places=7)
    client.force_login(staff["manager"])
    page = client.get(reverse("cooperation:report")).content.decode()
    assert "Kajaani" in page and "Yhteensä" in page
    csv = client.get(reverse("cooperation:export", args=["yhteistyoraportti"]) + "?format=csv").content.decode()
    header, *lines = csv.strip().splitlines()
    assert header.startswith("Kunta,Palvelutarpeita,Tarvittuja paikkoja")
    assert "Kajaani,1,7," in csv and lines[-1].startswith("Yhteensä,1,7,")
    xlsx = client.get(reverse("cooperation:export", args=["yhteistyoraportti"]) + "?format=xlsx")
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Kunta" and rows[[r[0] for r in rows].index("Kajaani")][:3] == ("Kajaani", 1, 7)
    assert client.get(reverse("cooperation:export", args=["tuntematon"])).status_code == 404


def test_the_recruitment_export_is_for_the_recruitment_roles(client, staff):
    make_case(staff["employer_services"], name="Jaan Tamm", country="EE")
    client.force_login(staff["manager"])
    assert client.get(reverse("cooperation:recruitment_export")).status_code == 403
    client.force_login(staff["counsellor"])
    assert "Jaan Tamm" in client.get(reverse("cooperation:recruitment_export")).content.decode()


def test_the_typ_overview_shows_the_target(client, staff):
    client.force_login(staff["counsellor"])
    text = client.get(reverse("cooperation:typ")).content.decode()
    assert "alle 100 asiakasta per asiantuntija" in text


def test_the_report_draws_its_figures_as_a_chart_from_json(client, staff):
    make_procurement(staff["supervisor"], raised_by=staff["counsellor"], places={"205": 4})
    client.force_login(staff["manager"])
    response = client.get(reverse("cooperation:report"))
    chart = json.loads(re.search(r'id="cooperation-chart"[^>]*>(.*?)</script>', response.content.decode()).group(1))
    kajaani = chart["labels"].index("Kajaani")
    bought = next(dataset for dataset in chart["datasets"] if dataset["label"] == "Hankittuja paikkoja")
    assert chart["type"] == "bar" and bought["data"][kajaani] == 4
    assert 'data-chart="cooperation-chart"' in response.content.decode()
