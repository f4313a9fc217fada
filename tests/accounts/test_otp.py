import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

pytestmark = pytest.mark.django_db


def current_token(device):
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


@pytest.fixture
def signed_in(client, settings, make_user):
    settings.REQUIRE_OTP = True
    user = make_user(role="supervisor")
    client.force_login(user)
    return client, user


def test_password_alone_does_not_open_pages_or_api(signed_in):
    client, _user = signed_in
    response = client.get("/organisaatio/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/tunnistautuminen/")
    assert client.get("/api/v1/municipalities/").status_code == 403


def test_enrolment_confirms_the_device_and_opens_the_pages(signed_in):
    client, user = signed_in
    page = client.get("/accounts/tunnistautuminen/?next=/organisaatio/")
    assert page.context["enrolling"]
    device = TOTPDevice.objects.get(user=user)
    assert not device.confirmed
    response = client.post("/accounts/tunnistautuminen/", {"token": current_token(device), "next": "/organisaatio/"})
    assert response["Location"] == "/organisaatio/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/organisaatio/").status_code == 200


def test_wrong_code_is_refused_with_a_message(signed_in):
    client, user = signed_in
    client.get("/accounts/tunnistautuminen/")
    response = client.post("/accounts/tunnistautuminen/", {"token": "000000"})
    assert response.status_code == 200
    assert "Vahvistuskoodi on väärä" in response.content.decode()
    assert not TOTPDevice.objects.get(user=user).confirmed
    assert client.get("/organisaatio/").status_code == 302


def test_next_cannot_point_to_another_site(signed_in):
    client, user = signed_in
    client.get("/accounts/tunnistautuminen/")
    device = TOTPDevice.objects.get(user=user)
    response = client.post(
        "/accounts/tunnistautuminen/", {"token": current_token(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"
