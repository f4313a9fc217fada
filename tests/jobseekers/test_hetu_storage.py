"""The identity code at rest and in every output: encrypted, looked up by keyed hash, never echoed or logged."""

import logging
import os
import subprocess
import sys
from datetime import date

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.db import connection

from audit.models import PersonalDataAccess
from jobseekers import hetu, hetu_store
from jobseekers.models import Jobseeker
from tests.jobseekers.factories import DVV_EXAMPLE, make_jobseeker, registration, synthetic_hetu

pytestmark = pytest.mark.django_db


def raw_row(pk):
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM jobseekers_jobseeker WHERE id = %s", [pk])
        return cursor.fetchone()


def as_text(value) -> str:
    if isinstance(value, bytes | memoryview):
        data = bytes(value)
        return data.hex() + data.decode("latin-1")
    return str(value)


def test_the_raw_row_never_contains_the_code(area):
    code = synthetic_hetu(date(1991, 3, 4))
    jobseeker = make_jobseeker(hetu=code)
    row = " ".join(as_text(value) for value in raw_row(jobseeker.pk))
    assert code not in row
    assert code[:6] + code[7:] not in row, "not even the digits without the sign"
    assert bytes(Jobseeker.objects.get(pk=jobseeker.pk).hetu_ciphertext)[:1] == hetu_store.VERSION
    assert Jobseeker.objects.get(pk=jobseeker.pk).reveal_hetu() == code


def test_ciphertexts_of_the_same_code_differ_and_are_bound_to_the_key(settings):
    first, second = hetu_store.encrypt(DVV_EXAMPLE), hetu_store.encrypt(DVV_EXAMPLE)
    assert first != second
    assert hetu_store.decrypt(first) == DVV_EXAMPLE
    settings.HETU_ENCRYPTION_KEY = "another-key-another-key-another-key-0123"
    with pytest.raises(ValueError, match="salauksen purku epäonnistui"):
        hetu_store.decrypt(first)


def test_lookup_hash_is_keyed(settings):
    digest = hetu_store.lookup_hash(DVV_EXAMPLE)
    assert len(digest) == 64 and DVV_EXAMPLE not in digest
    settings.HETU_HASH_KEY = "another-hash-key-another-hash-key-0123"
    assert hetu_store.lookup_hash(DVV_EXAMPLE) != digest


def test_lookup_by_keyed_hash_finds_exactly_one(area, make_user):
    code = synthetic_hetu(date(1975, 6, 30))
    target = make_jobseeker(hetu=code)
    make_jobseeker()
    assert list(Jobseeker.objects.filter(hetu_hash=hetu_store.lookup_hash(code))) == [target]
    # Case and whitespace are normalised before hashing, as a person pastes the code.
    spaced = f" {code[:6]} {code[6:].lower()} "
    parsed = hetu_store.validate(spaced, allow_temporary=True)
    assert hetu_store.lookup_hash(parsed.code) == target.hetu_hash


def test_second_registration_of_the_same_code_is_refused_without_the_code(area):
    code = synthetic_hetu(date(1988, 2, 29))
    make_jobseeker(hetu=code)
    with pytest.raises(ValidationError) as raised:
        make_jobseeker(hetu=code.lower(), first_name="Toinen")
    assert raised.value.message_dict == {"hetu": ["henkilötunnus: henkilö on jo rekisteröity työllisyysalueelle"]}
    assert Jobseeker.objects.count() == 1


def test_same_digits_with_another_century_sign_are_another_person(area):
    birth = date(1962, 8, 15)
    dash = hetu.synthetic(birth, 950)
    y_sign = hetu.synthetic(birth, 950, century_sign="Y")
    assert dash[:6] + dash[7:] == y_sign[:6] + y_sign[7:]
    first = make_jobseeker(hetu=dash)
    second = make_jobseeker(hetu=y_sign)
    assert first.hetu_hash != second.hetu_hash
    assert first.reveal_hetu() == dash and second.reveal_hetu() == y_sign


def test_temporary_codes_only_when_the_setting_allows(area, settings):
    from jobseekers import organisation_adapter, services

    settings.ALLOW_TEMPORARY_HETU = False
    with pytest.raises(ValidationError) as raised:
        services.register_jobseeker(registration(), organisation=organisation_adapter.build())
    assert raised.value.message_dict["hetu"] == ["henkilötunnus: väliaikainen tunnus (900–999) ei ole sallittu"]
    settings.ALLOW_TEMPORARY_HETU = True
    assert services.register_jobseeker(registration(), organisation=organisation_adapter.build()).pk


def test_a_birth_date_in_the_future_is_refused(area):
    future = hetu.synthetic(date(2030, 1, 1), 900)
    with pytest.raises(ValidationError) as raised:
        make_jobseeker(hetu=future)
    assert raised.value.message_dict["hetu"] == ["henkilötunnus: syntymäaika on tulevaisuudessa"]


@pytest.fixture
def api_client(client, area, make_staff):
    client.force_login(make_staff(role="counsellor", municipality_code="205", team="kajaani-aikuiset"))
    return client


BAD_CODES = {
    "checksum": (DVV_EXAMPLE[:-1] + "U", "henkilötunnus: tarkistemerkki ei täsmää"),
    "date": ("310252-308T", "henkilötunnus: päivämäärä ei ole olemassa"),
    "format": ("131052-30", "henkilötunnus: muoto on virheellinen"),
}


@pytest.mark.parametrize("case", sorted(BAD_CODES))
def test_api_refuses_bad_codes_with_field_and_reason_but_never_the_code(api_client, case, caplog):
    code, message = BAD_CODES[case]
    caplog.set_level(logging.DEBUG)
    response = api_client.post(
        "/api/v1/jobseekers/", registration(hetu=code), content_type="application/json", HTTP_ACCEPT_LANGUAGE="fi"
    )
    assert response.status_code == 400
    assert response.json() == {"hetu": [message]}
    assert code not in response.content.decode()
    assert code not in caplog.text
    assert not Jobseeker.objects.exists()


def test_form_live_check_and_search_never_echo_the_code_in_errors_or_logs(api_client, caplog):
    caplog.set_level(logging.DEBUG)
    wrong = DVV_EXAMPLE[:-1] + "U"
    check = api_client.post("/asiakkaat/uusi/tarkista/", {"hetu": wrong, "municipality": "205"})
    assert "henkilötunnus: tarkistemerkki ei täsmää" in check.content.decode()
    assert wrong not in check.content.decode()
    search = api_client.post("/asiakkaat/", {"hetu": wrong})
    assert search.status_code == 400
    assert "henkilötunnus: tarkistemerkki ei täsmää" in search.content.decode()
    assert wrong not in caplog.text


def test_the_code_never_appears_in_str_repr_or_api_responses(area, make_user, client):
    code = synthetic_hetu(date(1970, 7, 7))
    jobseeker = make_jobseeker(hetu=code, municipality="205")
    assert code not in str(jobseeker) and code not in repr(jobseeker)
    assert code not in repr(hetu_store.validate(code, allow_temporary=True))
    client.force_login(make_user(role="administrator", municipality_code="205"))
    for url in ("/api/v1/jobseekers/", f"/api/v1/jobseekers/{jobseeker.pk}/", f"/asiakkaat/{jobseeker.pk}/"):
        response = client.get(url)
        assert response.status_code == 200
        assert code not in response.content.decode()
    shown = client.post(f"/asiakkaat/{jobseeker.pk}/", {"action": "show_hetu"})
    assert code in shown.content.decode(), "shown on request, in the page body only"
    assert PersonalDataAccess.objects.filter(purpose="henkilötunnuksen näyttäminen").count() == 1


def test_search_by_code_is_a_post_and_redirects_to_the_card_without_the_code(api_client, area):
    code = synthetic_hetu(date(1985, 12, 1))
    jobseeker = make_jobseeker(hetu=code, municipality="205")
    response = api_client.post("/asiakkaat/", {"hetu": code})
    assert response.status_code == 302
    assert response["Location"] == f"/asiakkaat/{jobseeker.pk}/"
    assert api_client.get("/asiakkaat/", {"hetu": code}).status_code == 200, "GET ignores a code in the query"


def test_production_refuses_to_start_without_the_hetu_keys():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tyollisyysalue.production",
        "SECRET_KEY": "a-production-like-secret-key-that-is-long-and-random-9f8e7d6c5b4a3210",
        "ALLOWED_HOSTS": "tyollisyysalue.example.fi",
        "HETU_ENCRYPTION_KEY": "",
        "HETU_HASH_KEY": "",
    }
    env.pop("DEBUG", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "HETU_ENCRYPTION_KEY and HETU_HASH_KEY must be set" in result.stderr


def test_change_audit_records_the_registration_without_the_code(area):
    from auditlog.models import LogEntry

    code = synthetic_hetu(date(1990, 9, 9))
    jobseeker = make_jobseeker(hetu=code)
    entry = LogEntry.objects.get_for_object(jobseeker).get()
    changes = entry.changes_dict if hasattr(entry, "changes_dict") else entry.changes
    assert "last_name" in changes
    assert not any(key.startswith("hetu") for key in changes)
    assert code not in str(changes)
