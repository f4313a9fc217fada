"""The shared phone service: a week of volumes imported from CSV (all or nothing, bad rows named by line), the
staffing page with the rota, its exports, and the API (one hour or a list; 400 names the field)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from planning import phone_services
from planning.models import PhoneRotaEntry, PhoneVolume, PhoneVolumeWeek

pytestmark = pytest.mark.django_db

TARGETS = {
    "average_handling_seconds": "180",
    "target_answer_seconds": "20",
    "target_service_level": "0,8",
    "shrinkage": "0,3",
}
GOOD = "weekday,hour,calls\n1,8,120\n1,9,200\nma,10,80\n2,9,40\n"


@pytest.fixture
def leader(area, make_user):
    return make_user(role="area_manager", municipality_code="205")


def test_parse_volumes_reads_days_hours_and_decimal_commas():
    volumes = phone_services.parse_volumes("viikonpäivä;tunti;puhelut\nma;08:00;12,5\n\nsu;23;0\n")
    assert [(v.weekday, v.hour, v.calls) for v in volumes] == [(1, 8, Decimal("12.5")), (7, 23, Decimal(0))]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Tiedosto on tyhjä."),
        ("day,hour,calls\n1,8,10\n", "rivi 1: otsikkorivin on oltava weekday,hour,calls."),
        ("weekday,hour,calls\n8,8,10\n", "rivi 2: weekday: anna viikonpäivä 1–7"),
        ("weekday,hour,calls\n1,8,10\n1,24,10\n", "rivi 3: hour: anna tunti 0–23"),
        ("weekday,hour,calls\n1,8,-1\n", "rivi 2: calls: anna puhelumäärä 0–5 000"),
        ("weekday,hour,calls\n1,8\n", "rivi 2: rivillä on oltava kolme saraketta"),
        ("weekday,hour,calls\n1,8,1\nma,8,2\n", "rivi 3: sama viikonpäivä ja tunti on jo rivillä 2."),
        ("weekday,hour,calls\n", "Tiedostossa ei ole yhtään tuntia."),
    ],
)
def test_bad_rows_are_named_by_line_and_reason(text, message):
    with pytest.raises(ValidationError) as refused:
        phone_services.parse_volumes(text)
    assert any(m.startswith(message) for m in refused.value.message_dict["volumes"]), refused.value.message_dict


def test_every_bad_row_is_reported_at_once():
    with pytest.raises(ValidationError) as refused:
        phone_services.parse_volumes("weekday,hour,calls\nx,8,1\n1,99,1\n1,8,y\n")
    assert [m.split(":")[0] for m in refused.value.message_dict["volumes"]] == ["rivi 2", "rivi 3", "rivi 4"]


def test_import_through_the_page_is_all_or_nothing(client, leader):
    client.force_login(leader)
    bad = client.post(
        reverse("planning:phone"),
        {"name": "Viikko 48", "file": SimpleUploadedFile("v.csv", (GOOD + "3,7,x\n").encode()), **TARGETS},
    )
    assert bad.status_code == 400
    assert "rivi 6: calls" in bad.content.decode()
    assert not PhoneVolumeWeek.objects.exists() and not PhoneVolume.objects.exists()
    missing = client.post(reverse("planning:phone"), {"name": "", "volumes": GOOD, **TARGETS, "shrinkage": "1"})
    assert missing.status_code == 400
    assert set(missing.context["errors"]) == {"name", "shrinkage"}
    good = client.post(
        reverse("planning:phone"), {"name": "Viikko 48", "file": SimpleUploadedFile("v.csv", GOOD.encode()), **TARGETS}
    )
    week = PhoneVolumeWeek.objects.get()
    assert good.status_code == 302 and week.volumes.count() == 4 and week.shrinkage == Decimal("0.3")


def test_fractions_of_a_second_are_refused_not_truncated(client, leader):
    client.force_login(leader)
    response = client.post(
        reverse("planning:phone"),
        {"name": "W", "volumes": GOOD, **TARGETS, "average_handling_seconds": "180,7", "target_answer_seconds": "20.5"},
    )
    assert response.status_code == 400
    assert set(response.context["errors"]) == {"average_handling_seconds", "target_answer_seconds"}
    assert not PhoneVolumeWeek.objects.exists()


def test_a_file_that_is_not_utf8_is_refused(client, leader):
    client.force_login(leader)
    response = client.post(
        reverse("planning:phone"),
        {
            "name": "W",
            "file": SimpleUploadedFile("v.csv", "weekday,hour,calls\nma,8,1ä\n".encode("latin-1")),
            **TARGETS,
        },
    )
    assert response.status_code == 400 and "UTF-8" in response.content.decode()


def test_the_page_shows_agents_per_hour_and_the_rota(client, leader):
    client.force_login(leader)
    client.post(reverse("planning:phone"), {"name": "Viikko 48", "volumes": GOOD, **TARGETS})
    added = client.post(
        reverse("planning:phone_rota"),
        {"municipality": "205", "weekday": "1", "start_hour": "8", "end_hour": "10", "agents": "6"},
    )
    assert added.status_code == 302
    page = client.get(reverse("planning:phone"))
    rows = {row["when"]: row for row in page.context["hours"].rows}
    # 200 calls × 180 s = 10 erlangs: 14 on the phone, 20 rostered at 30 % shrinkage (test_erlang's worked example).
    assert (rows["maanantai 9–10"]["agents"], rows["maanantai 9–10"]["on_phone"]) == (20, 14)
    assert rows["maanantai 9–10"]["municipalities"] == "Kajaani"
    # Six rostered are four on the phone: under a 10-erlang load the queue grows without bound.
    assert rows["maanantai 9–10"]["short"] and rows["maanantai 9–10"]["rota_level"] is None
    assert "jono kasvaa rajatta" in rows["maanantai 9–10"]["explanation"]
    assert rows["tiistai 9–10"]["rostered"] is None
    curve = page.context["curve"]
    assert [c.label for c in curve.columns] == ["Tunti", "maanantai", "tiistai"]
    assert page.context["chart"]["datasets"][0]["data"] == [r["d1"] for r in curve.rows]
    for table in ("tunnit", "kayra", "vuorolista"):
        export = client.get(reverse("planning:phone_export", args=[table]), {"format": "xlsx"})
        assert export.status_code == 200
    csv = client.get(reverse("planning:phone_export", args=["tunnit"]), {"format": "csv"}).content.decode()
    assert csv.count("\r\n") == 1 + 4


def test_bad_rota_entries_are_refused_naming_the_field(client, leader):
    client.force_login(leader)
    response = client.post(
        reverse("planning:phone_rota"),
        {"municipality": "091", "weekday": "9", "start_hour": "10", "end_hour": "9", "agents": "0"},
    )
    assert response.status_code == 400
    assert set(response.context["rota_form"].errors) == {"municipality", "weekday", "end_hour", "agents"}
    assert not PhoneRotaEntry.objects.exists()


def test_a_supervisor_reads_but_does_not_import(client, area, make_user):
    client.force_login(make_user(role="supervisor", municipality_code="205"))
    assert client.get(reverse("planning:phone")).status_code == 200
    refused = client.post(reverse("planning:phone"), {"name": "W", "volumes": GOOD, **TARGETS})
    assert refused.status_code == 403 and not PhoneVolumeWeek.objects.exists()


API = "/api/v1/planning/phone-staffing/"
ONE = {"calls_per_hour": 200, "average_handling_seconds": 180, "target_answer_seconds": 20, "target_service_level": 0.8}


def test_the_api_answers_one_hour(client, leader):
    client.force_login(leader)
    body = client.post(API, {**ONE, "shrinkage": 0.3}, content_type="application/json").json()
    assert body["agents"] == 20 and body["agents_on_phone"] == 14
    assert body["service_level"] == pytest.approx(0.8884, abs=1e-4)
    assert body["average_wait_seconds"] == pytest.approx(7.8)
    assert body["occupancy"] == pytest.approx(0.7143, abs=1e-4)
    assert body["feasible"] is True and body["reason"] == "meets_target"


def test_the_api_answers_a_list_of_hours(client, leader):
    client.force_login(leader)
    response = client.post(API, {**ONE, "calls_per_hour": [0, 200, 5000]}, content_type="application/json")
    body = response.json()
    assert response.status_code == 200 and isinstance(body, list) and len(body) == 3
    assert body[0]["agents"] == 0 and body[0]["reason"] == "no_calls"
    assert body[1]["agents"] == 14
    assert body[2]["agents"] > 250


def test_an_unreachable_target_is_an_answer_not_an_error(client, leader):
    client.force_login(leader)
    body = client.post(API, {**ONE, "target_service_level": 1}, content_type="application/json").json()
    assert body["feasible"] is False and body["agents"] is None and body["reason"] == "target_unreachable"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({**ONE, "calls_per_hour": -1}, "calls_per_hour"),
        ({**ONE, "calls_per_hour": "many"}, "calls_per_hour"),
        ({**ONE, "calls_per_hour": [1, None, 2]}, "calls_per_hour[1]"),
        ({**ONE, "calls_per_hour": []}, "calls_per_hour"),
        ({**ONE, "average_handling_seconds": 0}, "average_handling_seconds"),
        ({k: v for k, v in ONE.items() if k != "target_answer_seconds"}, "target_answer_seconds"),
        ({**ONE, "target_service_level": 80}, "target_service_level"),
        ({**ONE, "shrinkage": 1}, "shrinkage"),
        ({**ONE, "calls_per_hour": True}, "calls_per_hour"),
        ({**ONE, "calls_per_hour": 5001}, "calls_per_hour"),
        ({**ONE, "calls_per_hour": [10] * 839 + [5001]}, "calls_per_hour[839]"),
    ],
)
def test_bad_api_input_names_the_field(client, leader, payload, field):
    client.force_login(leader)
    response = client.post(API, payload, content_type="application/json")
    assert response.status_code == 400 and field in response.json(), response.json()


def test_the_api_refuses_a_list_body(client, leader):
    client.force_login(leader)
    response = client.post(API, [ONE], content_type="application/json")
    assert response.status_code == 400 and "non_field_errors" in response.json()
