""" "My week" and GET /api/v1/worklist/ after their speed-ups answer exactly what they answered before: the page's rows
as the per-row template tags rendered them (in Finnish, Swedish and English), the API's rows as the serializer wrote
them, the counts whether the list fits in one page or not."""

import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest
from django.template import engines
from django.utils import translation

from service_model import enums, selectors
from service_model.models import Meeting
from service_model.serializers import WorklistRowSerializer, worklist_rows_data
from service_model.services import meetings
from tests.service_model.conftest import at
from tests.service_model.factories import MeetingFactory

pytestmark = pytest.mark.django_db

# The rows of my_week.html as they were written before views/week_rows.py: the reference the page must still equal.
REFERENCE = Path(__file__).parent / "reference"
ROWS_BEFORE = (REFERENCE / "my_week_rows_before.html").read_text()

UNRECORDED_BEFORE = (REFERENCE / "my_week_unrecorded_before.html").read_text()


@pytest.fixture
def week(client_of, counsellor, today):
    """Overdue (35 and 14 days), due today, in 1 and 4 days, upcoming; one booked, one unrecorded; a name to escape."""
    people = [
        client_of(started=date(2026, 1, 12), last_name="Aalto"),  # due 26.1.
        client_of(started=date(2026, 2, 2), last_name="Bäck & <Co>", first_name='"Åsa"'),  # due 16.2.
        client_of(started=date(2026, 2, 16), last_name="Cederberg"),  # due 2.3. (today)
        client_of(started=date(2026, 2, 17), last_name="Dahl"),  # due 3.3.
        client_of(started=date(2026, 2, 20), last_name="Eskola"),  # due 6.3.
        client_of(started=date(2026, 3, 2), last_name="Forsman"),  # due 16.3.
    ]
    meetings.book_meeting(
        jobseeker=people[0], meeting_type="initial_interview", channel="phone",
        planned_at=at(today + timedelta(days=1), 9, 30), counsellor=counsellor, by=counsellor,
    )  # fmt: skip
    MeetingFactory(jobseeker=people[3], planned_at=at(today, 8, 15))  # booked for this morning, not recorded
    return people


def _meetings(ids: list[int]) -> list[Meeting]:
    """The meetings as model instances, as the reference template reads them."""
    found = Meeting.objects.select_related("jobseeker").in_bulk(ids)
    return [found[pk] for pk in ids]


def _between(html: str, start: str, end: str) -> str:
    return html[html.index(start) + len(start) : html.index(end, html.index(start))]


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_page_renders_its_rows_as_the_per_row_tags_did(client, counsellor, week, today, language):
    client.force_login(counsellor)
    path = "/palvelumalli/viikko/?paivia=28&x=a%20b&y=%C3%A4"
    html = client.get(path, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    request = client.get(path, HTTP_ACCEPT_LANGUAGE=language).wsgi_request
    with translation.override(language):
        context = {
            "rows": selectors.worklist(counsellor, today),
            "unrecorded": _meetings([row[0] for row in selectors.unrecorded_meetings(counsellor, today)]),
            "buckets": enums.Bucket,
            "today": today,
            "request": request,
        }
        rows = engines["django"].from_string(ROWS_BEFORE).render(context)
        unrecorded = engines["django"].from_string(UNRECORDED_BEFORE).render(context)
    assert _between(html, '<table class="worklist">', "</table>").count("<tr data-bucket") == 6
    assert _between(_between(html, '<table class="worklist">', "</table>"), "<tbody>\n    ", "\n    </tbody>") == rows
    assert _between(_between(html, 'id="kirjaamatta"', "</table>"), "<tbody>\n    ", "\n    </tbody>") == unrecorded
    assert "Bäck &amp; &lt;Co&gt;, &quot;Åsa&quot;" in rows


def test_translations_still_reach_the_rows(client, counsellor, week):
    client.force_login(counsellor)
    words = {
        "fi": ["myöhässä 35 pv", "tänään", "Varaa aika", "Kirjaa pidetyksi"],
        "sv": ["försenad 35 dagar", "om 1 dag", "om 4 dagar", "Boka tid", "Registrera som hållet"],
        "en": ["Book a time", "in 1 day", "in 4 days", "today"],
    }
    for language, expected in words.items():
        html = client.get("/palvelumalli/viikko/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
        for word in expected:
            assert word in html, (language, word)
    english = client.get("/palvelumalli/viikko/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert not re.search(r"myöhässä|Varaa aika", english)


def test_the_bucket_counts_are_the_same_from_the_rows_and_from_the_database(counsellor, week, today):
    for horizon in (0, 7, 28, 120):
        whole = list(selectors.worklist_deadlines(counsellor, today, horizon))
        assert selectors.bucket_counts_of(whole, today) == selectors.bucket_counts(counsellor, today, horizon)


def test_a_list_longer_than_a_page_is_counted_in_the_database(client, counsellor, week, monkeypatch):
    from service_model.views import week as week_view

    monkeypatch.setattr(week_view, "PAGE_SIZE", 2)
    client.force_login(counsellor)
    for page in ("1", "2", "3"):
        response = client.get("/palvelumalli/viikko/", {"page": page})
        assert response.context["counts"] == {"overdue": 2, "this_week": 3, "upcoming": 1}
        assert response.context["page"].paginator.count == 6
        assert response.context["rows"].count("<tr data-bucket") == 2


def test_the_api_rows_are_the_serializers(client, counsellor, week, today):
    rows = selectors.worklist(counsellor, today, 120)
    assert any(row.booked for row in rows) and any(not row.booked for row in rows)
    assert worklist_rows_data(rows) == WorklistRowSerializer(rows, many=True).data
    client.force_login(counsellor)
    answered = client.get("/api/v1/worklist/", {"horizon": 120}).json()
    assert answered["results"][0]["booked"]["planned_at"].endswith("+02:00")


def test_the_api_counts_a_short_list_from_its_rows_and_a_long_one_in_the_database(client, counsellor, week):
    client.force_login(counsellor)
    whole = client.get("/api/v1/worklist/").json()
    assert whole["count"] == 6 and len(whole["results"]) == 6 and whole["next"] is None
    first = client.get("/api/v1/worklist/", {"limit": 4}).json()
    assert first["count"] == 6 and len(first["results"]) == 4 and "offset=4" in first["next"]
    rest = client.get("/api/v1/worklist/", {"limit": 4, "offset": 4}).json()
    assert rest["count"] == 6 and [r["jobseeker"]["id"] for r in first["results"] + rest["results"]] == [
        r["jobseeker"]["id"] for r in whole["results"]
    ]
    exact = client.get("/api/v1/worklist/", {"limit": 6}).json()
    assert exact["count"] == 6 and exact["next"] is None
    for bad in ({"limit": "abc"}, {"limit": "0"}, {"offset": "-1"}):
        response = client.get("/api/v1/worklist/", bad)
        assert response.status_code == 400 and set(response.json()) == set(bad), bad


def test_makemessages_finds_every_phrase_the_rows_translate():
    # The rows' phrases live in Python now: one xgettext does not extract drops out of the catalogues on the next
    # makemessages, and the page falls back to Finnish. Same extraction as makemessages (xgettext, Python keywords).
    source = Path(__file__).parents[2] / "service_model" / "views" / "week_rows.py"
    extracted = subprocess.run(
        ["xgettext", "--language=Python", "--from-code=UTF-8", "--output=-", str(source)],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    for msgid in ("myöhässä %(counter)s pv", "%(counter)s päivän päästä", "tänään", "tulossa"):
        assert f'msgid "{msgid}"' in extracted, msgid
