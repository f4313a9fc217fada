"""Attachments: added by whoever prepares the application, checked by content and size, served only through the view
that asks the application's permission and logs the read, deleted only by the preparer during preparation."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from audit.models import PersonalDataAccess
from organisation.models import Team
from subsidies import attachment_services
from subsidies.models import Attachment
from tests.subsidies.attachment_files import HTML, PDF, PNG
from tests.subsidies.factories import advance, make_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(area, rates, make_user):
    team = Team.objects.get(key="paltamo-pienet-kunnat")
    return {
        "preparer": make_user(role="counsellor", municipality_code="578", team=team, username="valmistelija"),
        "colleague": make_user(role="counsellor", municipality_code="578", team=team, username="kollega"),
        "decider": make_user(role="decision_maker", municipality_code="578", username="paattaja"),
        "outsider": make_user(
            role="counsellor", municipality_code="205", team=Team.objects.get(key="kajaani-aikuiset")
        ),
    }


@pytest.fixture
def application(people):
    return advance(make_application(people["preparer"]), people["preparer"], to="in_preparation")


def refused(call) -> dict:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict


def test_a_file_is_stored_with_a_safe_name_its_kind_and_hash(application, people):
    attachment = attachment_services.add_attachment(
        application.pk, by=people["preparer"], name='../../Palkka "maaliskuu".PDF', content=PDF
    )
    assert attachment.name == "Palkka-maaliskuu.pdf"
    assert (attachment.content_type, attachment.size) == ("application/pdf", len(PDF))
    assert bytes(attachment.content) == PDF and len(attachment.sha256) == 64


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("tyhja.pdf", b"", "tyhjä"),
        ("sivu.html", HTML, "Tiedostotyyppiä ”html” ei hyväksytä"),
        ("naamioitu.pdf", HTML, "sisältö ei ole sen nimen mukaista"),
        ("kuva.pdf", PNG, "sisältö ei ole sen nimen mukaista"),
        ("iso.pdf", PDF, "liian suuri: enintään 100 tavua"),
        ("puuttuu.pdf", None, "Valitse"),
    ],
)
def test_a_refused_file_names_the_field_and_the_reason_and_writes_nothing(
    application, people, settings, name, content, reason
):
    settings.SUBSIDY_ATTACHMENT_MAX_BYTES = 100
    errors = refused(
        lambda: attachment_services.add_attachment(application.pk, by=people["preparer"], name=name, content=content)
    )
    assert list(errors) == ["file"] and reason in errors["file"][0], errors
    assert not Attachment.objects.exists()


def test_only_who_prepares_may_add(application, people):
    for other in (people["decider"], people["outsider"]):
        errors = refused(
            lambda other=other: attachment_services.add_attachment(application.pk, by=other, name="a.pdf", content=PDF)
        )
        assert "valmistelevan kunnan (Paltamo)" in errors["__all__"][0]
    assert not Attachment.objects.exists()


def test_deleted_only_by_the_preparer_during_preparation(application, people):
    mine = attachment_services.add_attachment(application.pk, by=people["preparer"], name="a.pdf", content=PDF)
    assert (
        "valmistelija"
        in refused(lambda: attachment_services.delete_attachment(mine.pk, by=people["colleague"]))["__all__"][0]
    )
    attachment_services.delete_attachment(mine.pk, by=people["preparer"])
    assert not Attachment.objects.exists()
    kept = attachment_services.add_attachment(application.pk, by=people["preparer"], name="b.pdf", content=PDF)
    from subsidies import services

    services.propose(application.pk, by=people["preparer"], outcome="granted", reasons="")
    message = refused(lambda: attachment_services.delete_attachment(kept.pk, by=people["preparer"]))["__all__"][0]
    assert "päätösesitys tehty" in message
    assert Attachment.objects.filter(pk=kept.pk).exists()


def test_the_card_lists_uploads_and_serves_the_file_only_as_a_download(client, application, people):
    client.force_login(people["preparer"])
    url = f"/tuet/hakemukset/{application.pk}/liitteet/"
    page = client.post(url, {"file": SimpleUploadedFile("naamio.pdf", HTML)}, follow=True)
    assert "Liite: Tiedoston sisältö ei ole sen nimen mukaista" in page.content.decode()
    client.post(url, {"file": SimpleUploadedFile("Palkkalaskelma maaliskuu.pdf", PDF)})
    attachment = Attachment.objects.get()
    card = client.get(f"/tuet/hakemukset/{application.pk}/").content.decode()
    assert "Palkkalaskelma-maaliskuu.pdf" in card and "Poista liite" in card
    download = client.get(f"{url}{attachment.pk}/")
    assert download.content == PDF and download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="Palkkalaskelma-maaliskuu.pdf"'
    assert download["X-Content-Type-Options"] == "nosniff"
    assert PersonalDataAccess.objects.filter(
        user=people["preparer"], view="subsidies:attachment", subject_id=str(application.jobseeker_id)
    ).exists()
    # The decision maker reads it with the application; another municipality's counsellor finds nothing.
    client.force_login(people["decider"])
    assert client.get(f"{url}{attachment.pk}/").status_code == 200
    assert client.post(f"{url}{attachment.pk}/poista/").status_code == 403
    client.force_login(people["outsider"])
    assert client.get(f"{url}{attachment.pk}/").status_code == 404
    assert PersonalDataAccess.objects.filter(
        user=people["outsider"], view="subsidies:attachment", outcome="denied"
    ).exists()
    client.force_login(people["preparer"])
    client.post(f"{url}{attachment.pk}/poista/")
    assert not Attachment.objects.exists()


def test_the_api_lists_and_uploads_and_names_the_field(client, application, people):
    client.force_login(people["preparer"])
    url = f"/api/v1/subsidies/applications/{application.pk}/attachments/"
    bad = client.post(url, {"file": SimpleUploadedFile("tyhja.png", b"")})
    assert bad.status_code == 400 and list(bad.json()) == ["file"] and "tyhjä" in bad.json()["file"][0]
    missing = client.post(url, {})
    assert missing.status_code == 400 and list(missing.json()) == ["file"]
    created = client.post(url, {"file": SimpleUploadedFile("kuva.png", PNG)})
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["name"], body["content_type"], body["size"], body["uploaded_by"]) == (
        "kuva.png", "image/png", len(PNG), "valmistelija"
    )  # fmt: skip
    assert client.get(body["url"]).content == PNG
    assert [row["id"] for row in client.get(url).json()] == [body["id"]]
    client.force_login(people["decider"])
    assert client.get(url).status_code == 200
    assert client.post(url, {"file": SimpleUploadedFile("kuva.png", PNG)}).status_code == 403
    client.force_login(people["outsider"])
    assert client.get(url).status_code == 404
