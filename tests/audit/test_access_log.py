import csv
import io
from datetime import timedelta

import pytest
from django.db.models import Count
from django.utils import timezone

from audit.models import AppendOnlyError, PersonalDataAccess
from audit.services import log_access

pytestmark = pytest.mark.django_db


@pytest.fixture
def entries(make_user):
    reader = make_user(role="counsellor", username="lukija")
    other = make_user(role="supervisor", username="toinen")
    log_access(reader, ["41", "42"], view="jobseekers:card", purpose="asiakastyö", subject_type="jobseekers.jobseeker")
    log_access(
        other, ["41"], view="jobseekers:card", purpose="asiakastyö", granted=False, subject_type="jobseekers.jobseeker"
    )
    return reader, other


@pytest.fixture
def administrator(client, make_user):
    client.force_login(make_user(role="administrator", username="paakayttaja"))
    return client


def test_administrator_searches_by_person_user_and_outcome(administrator, entries):
    by_person = administrator.get("/tarkastusloki/", {"subject_id": "41"})
    assert by_person.context["page"].paginator.count == 2
    by_user = administrator.get("/tarkastusloki/", {"username": "lukija"})
    assert {row.subject_id for row in by_user.context["page"]} == {"41", "42"}
    denied = administrator.get("/tarkastusloki/", {"outcome": "denied"})
    assert [row.user.username for row in denied.context["page"]] == ["toinen"]


def test_date_range_filters_and_a_reversed_range_is_refused(administrator, entries):
    today = timezone.localdate()
    assert administrator.get("/tarkastusloki/", {"since": today.isoformat()}).context["page"].paginator.count == 3
    tomorrow = (today + timedelta(days=1)).isoformat()
    assert administrator.get("/tarkastusloki/", {"since": tomorrow}).context["page"].paginator.count == 0
    response = administrator.get("/tarkastusloki/", {"since": tomorrow, "until": today.isoformat()})
    assert response.context["page"].paginator.count == 0
    assert "Päättymispäivä on ennen alkamispäivää" in response.content.decode()


def test_export_is_filtered_like_the_page(administrator, entries):
    response = administrator.get("/tarkastusloki/vienti/", {"username": "lukija", "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Aika"
    assert len(rows) == 3
    assert all(row[1] == "lukija" for row in rows[1:])


@pytest.mark.parametrize("role", ["counsellor", "supervisor", "area_manager", "decision_maker"])
def test_other_roles_see_nothing(client, make_user, entries, role):
    client.force_login(make_user(role=role))
    assert client.get("/tarkastusloki/").status_code == 403
    assert client.get("/tarkastusloki/vienti/").status_code == 403


def test_log_rows_cannot_be_changed_or_deleted(entries):
    row = PersonalDataAccess.objects.first()
    row.purpose = "muutettu"
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()
    assert PersonalDataAccess.objects.filter(purpose="muutettu").count() == 0


def test_admin_site_offers_no_add_change_or_delete(rf, make_user):
    from django.contrib import admin

    model_admin = admin.site._registry[PersonalDataAccess]
    request = rf.get("/admin/")
    request.user = make_user(role="administrator", is_staff=True, is_superuser=True)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)


def test_each_subject_is_one_row_with_its_kind_and_the_moment_of_the_read(make_user):
    reader = make_user(role="counsellor", username="lukija")
    other = make_user(role="supervisor", username="toinen")
    before = timezone.now()
    log_access(reader, [other, "77"], view="v", purpose="p", granted=False, subject_type="jobseekers.jobseeker")
    log_access(reader, [], view="v", purpose="tyhjä")
    rows = PersonalDataAccess.objects.order_by("subject_type").values_list(
        "user_id", "subject_type", "subject_id", "view", "purpose", "outcome", "at"
    )
    assert [row[:6] for row in rows] == [
        (reader.pk, "accounts.user", str(other.pk), "v", "p", "denied"),
        (reader.pk, "jobseekers.jobseeker", "77", "v", "p", "denied"),
    ]
    assert all(before <= row[6] <= timezone.now() for row in rows)


def test_a_long_list_of_mixed_subjects_is_logged_whole_with_one_aware_moment(make_user):
    # A statement with a parameter per value would pass SQLite's limit of bound variables long before this.
    reader = make_user(role="counsellor", username="lukija")
    other = make_user(role="supervisor", username="toinen")
    log_access(reader, [other, *map(str, range(10_000))], view="v", purpose="p", subject_type="jobseekers.jobseeker")
    rows = PersonalDataAccess.objects.filter(user_id=reader.pk)
    assert rows.count() == 10_001
    assert dict(rows.values_list("subject_type").annotate(n=Count("pk")).order_by()) == {
        "accounts.user": 1,
        "jobseekers.jobseeker": 10_000,
    }
    moments = set(rows.values_list("at", flat=True))
    assert len(moments) == 1 and timezone.is_aware(moments.pop())


@pytest.mark.parametrize(
    "ids",
    [["7", "12", "7"], ["7", "ab,c", "0012"], ["x'y", "7"]],
    ids=["numeric ids", "a comma and leading zeros", "a quote"],
)
def test_ids_of_one_kind_are_logged_as_given(make_user, ids):
    reader = make_user(role="counsellor", username="lukija")
    log_access(reader, ids, view="v", purpose="p", subject_type="jobseekers.jobseeker")
    rows = PersonalDataAccess.objects.filter(user_id=reader.pk).order_by("pk")
    assert sorted(rows.values_list("subject_id", flat=True)) == sorted(ids)
    assert set(rows.values_list("subject_type", "view", "purpose", "outcome")) == {
        ("jobseekers.jobseeker", "v", "p", "granted")
    }
