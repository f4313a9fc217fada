"""Statement pages: the flow through the forms, who may approve, the list's filters and order, document and export."""

import io
from datetime import date, timedelta

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from audit.models import PersonalDataAccess
from common.documents import read_text
from statements import enums, selectors, views
from statements.models import Statement
from tests.statements.factories import make_statement

pytestmark = pytest.mark.django_db
TODAY = date.today()


def test_the_card_links_to_a_new_statement_and_the_forms_take_it_to_approval(client, people):
    jobseeker, counsellor = people["jobseeker"], people["counsellor"]
    client.force_login(counsellor)
    card = client.get(reverse("jobseekers:card", args=[jobseeker.pk])).content.decode()
    create_url = reverse("statements:create", args=[jobseeker.pk])
    assert create_url in card
    response = client.post(
        create_url,
        {
            "case_type": "job_search_neglect",
            "conduct_on": (TODAY - timedelta(days=3)).isoformat(),
            "facts": "Ei hakemuksia marraskuussa.",
            "payer": "unemployment_fund",
            "payer_name": "Erityisalojen työttömyyskassa",
        },
    )
    statement = Statement.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("statements:hearing", args=[statement.pk])
    due = (TODAY + timedelta(days=7)).isoformat()
    client.post(reverse("statements:hearing", args=[statement.pk]), {"hearing_question": "Miksi?", "reply_due_on": due})
    client.post(
        reverse("statements:reply", args=[statement.pk]),
        {"reply": "En löytänyt sopivia paikkoja.", "reply_received_on": TODAY.isoformat()},
    )
    client.post(reverse("statements:propose", args=[statement.pk]), {"valid_reason": "no", "judgement": "Ei syytä."})
    statement.refresh_from_db()
    assert statement.state == enums.StatementState.AWAITING_APPROVAL
    assert statement.valid_reason is False and statement.judgement == "Ei syytä."


def test_bad_input_is_shown_on_its_field_and_nothing_is_written(client, people):
    statement = make_statement(people["jobseeker"], by=people["counsellor"])
    client.force_login(people["counsellor"])
    response = client.post(
        reverse("statements:hearing", args=[statement.pk]),
        {"hearing_question": "Miksi?", "reply_due_on": (TODAY - timedelta(days=1)).isoformat()},
    )
    assert response.status_code == 400
    assert "Vastauksen määräpäivän pitää olla tulevaisuudessa." in response.content.decode()
    statement.refresh_from_db()
    assert statement.state == enums.StatementState.DRAFT


def test_a_counsellor_cannot_approve(client, people):
    statement = make_statement(people["jobseeker"], by=people["counsellor"], state="awaiting_approval")
    client.force_login(people["counsellor"])
    url = reverse("statements:decide", args=[statement.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"decision": "approve"}).status_code == 403
    api = client.post(reverse("statement-approve", args=[statement.pk]), content_type="application/json")
    assert api.status_code == 403
    statement.refresh_from_db()
    assert statement.state == enums.StatementState.AWAITING_APPROVAL


def test_a_decision_maker_of_another_municipality_cannot_approve_nor_see(client, people):
    statement = make_statement(people["jobseeker"], by=people["counsellor"], state="awaiting_approval")
    outsider = people["outsider"]
    client.force_login(outsider)
    assert client.post(reverse("statements:decide", args=[statement.pk]), {"decision": "approve"}).status_code == 404
    assert client.get(reverse("statements:detail", args=[statement.pk])).status_code == 404
    assert client.post(reverse("statement-approve", args=[statement.pk])).status_code == 404
    assert "Hyrynen" not in client.get(reverse("statements:list")).content.decode()
    assert not selectors.awaiting_decision(outsider).exists()
    statement.refresh_from_db()
    assert statement.state == enums.StatementState.AWAITING_APPROVAL
    denied = PersonalDataAccess.objects.filter(user=outsider, outcome=PersonalDataAccess.Outcome.DENIED)
    assert denied.filter(subject_id=str(people["jobseeker"].pk)).exists()


def test_approving_own_statement_is_an_error_on_the_page(client, people):
    statement = make_statement(people["jobseeker"], by=people["decision_maker"], state="awaiting_approval")
    client.force_login(people["decision_maker"])
    response = client.post(reverse("statements:decide", args=[statement.pk]), {"decision": "approve"})
    assert response.status_code == 400
    assert "Et voi hyväksyä lausuntoa, jonka olet itse valmistellut tai esittänyt." in response.content.decode()
    assert not selectors.awaiting_decision(people["decision_maker"]).exists()
    assert list(selectors.awaiting_decision(people["other_decision_maker"])) == [statement]


def test_returning_needs_a_reason(client, people):
    statement = make_statement(people["jobseeker"], by=people["counsellor"], state="awaiting_approval")
    client.force_login(people["decision_maker"])
    url = reverse("statements:decide", args=[statement.pk])
    assert client.post(url, {"decision": "return", "return_reason": ""}).status_code == 400
    assert client.post(url, {"decision": "return", "return_reason": "Tarkenna."}).status_code == 302
    statement.refresh_from_db()
    assert statement.state == enums.StatementState.RETURNED


def test_the_list_filters_by_state_sorts_and_pages(client, people, monkeypatch):
    jobseeker, counsellor = people["jobseeker"], people["counsellor"]
    for day in (5, 20, 12):
        make_statement(jobseeker, by=counsellor, conduct_on=TODAY - timedelta(days=day))
    # Earlier than the drafts: a draft on an earlier conduct would hold its approval up.
    approved = make_statement(
        jobseeker, by=counsellor, state="approved", approver=people["decision_maker"], conduct_on=TODAY - timedelta(30)
    )
    client.force_login(counsellor)
    url = reverse("statements:list")
    page = client.get(url, {"state": "approved"}).content.decode()
    assert approved.reference in page and "1 lausunto" in page
    ordered = client.get(url, {"state": "draft", "sort": "conduct"}).content.decode()
    dates = [(TODAY - timedelta(days=d)).strftime("%-d.%-m.%Y") for d in (20, 12, 5)]
    assert ordered.index(dates[0]) < ordered.index(dates[1]) < ordered.index(dates[2])
    assert client.get(url, {"state": "bogus"}).status_code == 400
    monkeypatch.setattr(views, "PAGE_SIZE", 2)
    assert "Sivu 2/2" in client.get(url, {"page": 2}).content.decode()


def test_the_document_to_the_payer(client, people):
    statement = make_statement(
        people["jobseeker"], by=people["counsellor"], state="approved", approver=people["decision_maker"], fund=True
    )
    client.force_login(people["counsellor"])
    response = client.get(reverse("statements:document", args=[statement.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = read_text(response.content)
    assert "Työvoimapoliittinen lausunto" in text and "Palkansaajien työttömyyskassa" in text
    assert "Hilkka Hyrynen" in text and people["jobseeker"].reveal_hetu() in text
    assert "TTL 2 a luku 10 §" in text and "LUONNOS" not in text
    assert PersonalDataAccess.objects.filter(
        user=people["counsellor"], subject_id=str(people["jobseeker"].pk), view="statements:document"
    ).exists()
    draft = make_statement(people["jobseeker"], by=people["counsellor"])
    assert "LUONNOS" in read_text(client.get(reverse("statements:document", args=[draft.pk])).content)


def test_the_export_holds_the_approved_statements(client, people):
    approved = make_statement(
        people["jobseeker"], by=people["counsellor"], state="approved", approver=people["decision_maker"]
    )
    make_statement(people["jobseeker"], by=people["counsellor"])
    client.force_login(people["decision_maker"])
    csv_text = client.get(reverse("statements:export"), {"format": "csv"}).content.decode()
    assert csv_text.count("\r\n") == 2 and approved.reference in csv_text
    workbook = load_workbook(io.BytesIO(client.get(reverse("statements:export"), {"format": "xlsx"}).content))
    rows = list(workbook.active.values)
    assert rows[0][0] == "Numero" and rows[1][0] == approved.reference and len(rows) == 2


def test_api_flow_and_unknown_parameter(client, people):
    jobseeker, counsellor = people["jobseeker"], people["counsellor"]
    client.force_login(counsellor)
    created = client.post(
        reverse("statement-list"),
        {
            "jobseeker": jobseeker.pk,
            "case_type": "missed_meeting",
            "conduct_on": (TODAY - timedelta(days=1)).isoformat(),
            "facts": "Ei saapunut työnhakukeskusteluun.",
            "payer": "kela",
        },
        content_type="application/json",
    )
    assert created.status_code == 201, created.content
    pk = created.json()["id"]
    bad = client.post(
        reverse("statement-hearing", args=[pk]),
        {"hearing_question": "Miksi?", "reply_due_on": TODAY.isoformat()},
        content_type="application/json",
    )
    assert bad.status_code == 400 and "reply_due_on" in bad.json()
    due = (TODAY + timedelta(days=7)).isoformat()
    heard = client.post(
        reverse("statement-hearing", args=[pk]),
        {"hearing_question": "Miksi?", "reply_due_on": due},
        content_type="application/json",
    )
    assert heard.json()["state"] == "hearing"
    assert [t["to_state"] for t in heard.json()["transitions"]] == ["draft", "hearing"]
    listed = client.get(reverse("statement-list"), {"state": "hearing"}).json()
    assert [row["id"] for row in listed["results"]] == [pk]
    assert client.get(reverse("statement-list"), {"nimi": "x"}).status_code == 400
    unknown = client.post(
        reverse("statement-list"),
        {"jobseeker": jobseeker.pk, "case_type": "x", "conduct_on": "2026-01-01", "facts": "x", "payer": "kela"},
        content_type="application/json",
    )
    assert unknown.status_code == 400 and "case_type" in unknown.json()
