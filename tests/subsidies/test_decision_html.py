"""The decision as HTML: the same content as the DOCX (both laid out from the same parts), in Swedish on request,
stored with the decision when it is made, so a later change of a rate changes neither; shown only to whoever may read
the application, the read logged."""

import hashlib
import html
import re

import pytest

from audit.models import PersonalDataAccess
from common.documents import read_text
from organisation.models import Team
from subsidies import services
from subsidies.models import Decision, PaySubsidyRate
from tests.subsidies.factories import advance, make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(area, rates, make_user):
    team = Team.objects.get(key="paltamo-pienet-kunnat")
    return {
        "preparer": make_user(role="counsellor", municipality_code="578", team=team),
        "decider": make_user(role="decision_maker", municipality_code="578", first_name="Pia", last_name="Päättäjä"),
        "outsider": make_user(role="decision_maker", municipality_code="205"),
    }


def text_of(fragment: str) -> str:
    # Spaces and line breaks collapse as a browser shows them; the no-break spaces of the figures stay.
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment)))


def decided(people, language="fi"):
    application = advance(make_application(people["preparer"]), people["preparer"], to="proposed")
    return services.decide(application.pk, by=people["decider"], language=language)


def test_the_html_says_what_the_docx_says(people):
    decision = decided(people)
    page = text_of(decision.document_html)
    for expected in (
        "Päätös: palkkatuki",
        "Myönnetään",
        "Tuki kuukaudessa 1\u00a0260,00\u00a0€",
        "Yhteensä enintään 6\u00a0300,00\u00a0€",
        "Alkaa 1.3.2025",
        "Päättyy 31.7.2025",
        "380/2023",
        "palkkatuki-yleinen-2025-01",
        "Pia Päättäjä, toimivalta: Paltamo: palkkatuki",
        "Oikaisuvaatimusohje",
        "30 päivän kuluessa",
    ):
        assert expected in page, expected
    for line in read_text(bytes(decision.document)).splitlines():
        for part in line.split("\t"):
            assert re.sub(r"[ \t\r\n]+", " ", part).strip() in page, part
    assert decision.document_html_sha256 == hashlib.sha256(decision.document_html.encode()).hexdigest()


def test_in_swedish_on_request(people):
    decision = decided(people, language="sv")
    assert 'lang="sv"' in decision.document_html
    page = text_of(decision.document_html)
    assert "Anvisning om begäran om omprövning" in page and "Oikaisuvaatimusohje" not in page


def test_a_later_rate_change_changes_neither_document(client, people):
    decision = decided(people)
    stored_html, stored_docx = decision.document_html, bytes(decision.document)
    PaySubsidyRate.objects.filter(key="palkkatuki-yleinen-2025-01").update(monthly_cap="1500.00", source="Muutettu")
    decision = Decision.objects.get(pk=decision.pk)
    assert (decision.document_html, bytes(decision.document)) == (stored_html, stored_docx)
    client.force_login(people["decider"])
    page = client.get(f"/tuet/hakemukset/{decision.application_id}/paatos/{decision.pk}/html/").content.decode()
    assert stored_html in page and "1\u00a0500,00" not in page and "Muutettu" not in page


def test_the_page_for_readers_of_the_application_only(client, people):
    decision = decided(people)
    url = f"/tuet/hakemukset/{decision.application_id}/paatos/{decision.pk}/html/"
    client.force_login(people["preparer"])
    page = client.get(url)
    assert page.status_code == 200 and "decision.css" in page.content.decode()
    assert PersonalDataAccess.objects.filter(user=people["preparer"], view="subsidies:decision_html").exists()
    card = client.get(f"/tuet/hakemukset/{decision.application_id}/").content.decode()
    assert url in card
    client.force_login(people["outsider"])
    assert client.get(url).status_code == 404


def test_a_decision_made_before_the_html_existed_has_none(client, people):
    decision = decided(people)
    Decision.objects.filter(pk=decision.pk).update(document_html="", document_html_sha256="")
    client.force_login(people["preparer"])
    assert client.get(f"/tuet/hakemukset/{decision.application_id}/paatos/{decision.pk}/html/").status_code == 404
    assert "/html/" not in client.get(f"/tuet/hakemukset/{decision.application_id}/").content.decode()


def test_a_rectification_that_changes_the_decision_has_its_own_stored_document(client, people):
    preparer, decider = people["preparer"], people["decider"]
    application = advance(make_application(preparer), preparer, to="notified", decider=decider)
    original = application.decisions.get()
    services.request_rectification(application.pk, by=preparer, received_on=application.notified_on, grounds="x")
    changed = services.decide_rectification(application.pk, by=decider, result="changed", reasons="Uusi selvitys.")
    assert changed.pk != original.pk and changed.document_html != original.document_html
    page = text_of(changed.document_html)
    assert "Oikaisuvaatimuksen ratkaisu" in page and "Valitusosoitus" in page and "Hylätään" in page
    assert "Tuki kuukaudessa" not in page and "Oikaisuvaatimusohje" not in page
    assert Decision.objects.get(pk=original.pk).document_html == original.document_html
    client.force_login(preparer)
    served = client.get(f"/tuet/hakemukset/{application.pk}/paatos/{changed.pk}/html/").content.decode()
    assert changed.document_html in served
