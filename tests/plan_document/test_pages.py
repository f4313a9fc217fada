"""The plan's pages: who may open, generate and edit; editing a text; the change list between stored versions."""

import io

import pytest
from django.urls import reverse
from docx import Document

from organisation.models import StaffPosition
from plan_document import changes
from plan_document.changes import Change, ChangeCode
from plan_document.models import PlanGeneration, PlanText

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["counsellor", "supervisor", "decision_maker", "payment_handler", "employer_services"])
def test_only_the_management_and_administrators_open_the_plan(client, plan, make_user, role):
    client.force_login(make_user(role=role, municipality_code="205"))
    assert client.get(reverse("plan_document:index")).status_code == 403
    assert client.get(reverse("plan_document:preview")).status_code == 403
    assert client.post(reverse("plan_document:generate"), {"format": "docx"}).status_code == 403
    assert client.get(reverse("plan_document:edit", args=[1])).status_code == 403
    assert client.post(reverse("plan_document:edit", args=[1]), {"heading": "x", "text_fi": "y"}).status_code == 403
    assert not PlanGeneration.objects.exists()
    assert PlanText.objects.get(section=1).text_fi != "y"


def test_the_page_lists_the_sections_and_downloads_a_docx(client, plan, make_user):
    manager = make_user(role="area_manager", municipality_code="205")
    client.force_login(manager)
    page = client.get(reverse("plan_document:index")).content.decode()
    assert "Varautuminen rakennemuutostilanteisiin" in page and "Muokkaa lukua 6" in page
    response = client.post(reverse("plan_document:generate"), {"format": "docx", "month": "2023-08", "language": "fi"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="suunnitelma-kainuu-koillismaa-2023-08-fi.docx"'
    document = Document(io.BytesIO(response.content))
    assert "4. Yhteistyötahot ja muodot" in [p.text for p in document.paragraphs]
    assert PlanGeneration.objects.get().generated_by == manager
    assert "Tallennetut versiot" in client.get(reverse("plan_document:index")).content.decode()


def test_the_preview_is_the_html_document_and_stores_nothing(client, plan, make_user):
    client.force_login(make_user(role="administrator"))
    response = client.get(reverse("plan_document:preview"), {"language": "fi"})
    assert response.status_code == 200 and response["Content-Type"] == "text/html; charset=utf-8"
    assert "<h1>Suunnitelma työvoimapalveluiden järjestämiseksi</h1>" in response.content.decode()
    assert not PlanGeneration.objects.exists()


def test_bad_choices_are_refused_naming_them(client, plan, make_user):
    client.force_login(make_user(role="area_manager"))
    response = client.post(reverse("plan_document:generate"), {"format": "pdf"})
    assert response.status_code == 400 and "Tuntematon arvo pdf" in response.content.decode()
    response = client.get(reverse("plan_document:preview"), {"month": "2024-02"})
    assert response.status_code == 400 and "Kuukaudelta 2024-02 ei ole tilastoja" in response.content.decode()
    response = client.get(reverse("plan_document:preview"), {"language": "de"})
    assert response.status_code == 400 and "Tuntematon arvo de" in response.content.decode()
    assert not PlanGeneration.objects.exists()


def test_editing_a_text_records_who_and_is_in_the_next_report(client, plan, make_user):
    manager = make_user(role="area_manager")
    client.force_login(manager)
    url = reverse("plan_document:edit", args=[4])
    assert "Yhteistyötahot ja muodot" in client.get(url).content.decode()
    data = {
        "heading": "Yhteistyötahot ja muodot",
        "heading_sv": "",
        "text_fi": "Uusi kappale.\r\n\r\nToinen.",
        "text_sv": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"] == reverse("plan_document:index")
    text = PlanText.objects.get(section=4)
    assert (text.text_fi, text.updated_by) == ("Uusi kappale.\n\nToinen.", manager)
    preview = client.get(reverse("plan_document:preview")).content.decode()
    assert "<p>Uusi kappale.</p>" in preview and "<p>Toinen.</p>" in preview


def test_an_empty_text_is_refused_naming_the_field(client, plan, make_user):
    client.force_login(make_user(role="administrator"))
    before = PlanText.objects.get(section=2).text_fi
    response = client.post(reverse("plan_document:edit", args=[2]), {"heading": " ", "text_fi": ""})
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="heading-error">Otsikko on pakollinen.' in page and 'id="text_fi-error">Teksti on pakollinen.' in page
    assert PlanText.objects.get(section=2).text_fi == before
    assert client.get(reverse("plan_document:edit", args=[7])).status_code == 404


def test_the_change_list_compares_numbers_and_texts_with_the_previous_version(client, plan, make_user):
    client.force_login(make_user(role="area_manager"))
    client.post(reverse("plan_document:generate"), {"format": "html"})
    position = StaffPosition.objects.filter(municipality__code="832").get()
    position.fte_min = position.fte_max = 3
    position.save()
    client.post(reverse("plan_document:edit", args=[6]), {"heading": "Varautuminen", "text_fi": "Muutettu."})
    page = client.get(reverse("plan_document:index")).content.decode()
    assert "Henkilöstö kunnittain (htv), Taivalkoski, Yhteensä: 2,5 → 3." in page
    assert "Luvun 6 otsikko muuttui: Varautuminen rakennemuutostilanteisiin → Varautuminen." in page
    assert "Luvun 6 teksti muuttui." in page
    html = client.post(reverse("plan_document:generate"), {"format": "html"}).content.decode()
    assert "Taivalkoski, Yhteensä: 2,5 → 3." in html
    assert PlanGeneration.objects.count() == 2


def test_compare_reports_rows_tables_and_the_month():
    table = changes.table_snapshot("T", [("Kunta", False), ("N", True)], [{"Kunta": "A", "N": "1"}])
    before = {"month": "2023-08", "tables": {"t": table, "old": table}, "texts": {"1": {"heading": "H", "text": "x"}}}
    after_table = changes.table_snapshot("T", [("Kunta", False), ("N", True)], [{"Kunta": "B", "N": "1"}])
    after = {
        "month": "2023-09",
        "tables": {"t": after_table, "new": table},
        "texts": {"1": {"heading": "H", "text": "x"}},
    }
    assert changes.compare(before, after) == [
        Change(ChangeCode.MONTH, "", before="2023-08", after="2023-09"),
        Change(ChangeCode.ROW_ADDED, "T", "B"),
        Change(ChangeCode.ROW_REMOVED, "T", "A"),
        Change(ChangeCode.TABLE_ADDED, "T"),
        Change(ChangeCode.TABLE_REMOVED, "T"),
    ]
    assert changes.compare(before, before) == []
    assert changes.compare(None, after) is None
