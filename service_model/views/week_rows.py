"""The rows of "my week" as the page shows them: each row's markup, texts, links and dates, ready to place.

Rendered in the template, each row took six {% blocktranslate %}, five {% url %} and three |date – two thirds of the
page's time with a hundred rows. Here each phrase is translated once per page (a plural once per number), each URL
reversed once, each date format looked up once, and a row is one string format; the template only places the rows.
The phrases are the template's own msgids, so the catalogues translate them as before, and the output is what the
tags produced: values localised and escaped as {% blocktranslate %} renders them, datetimes in local time as |date
shows them (tests/service_model/test_worklist_speed.py compares them with the tags).
"""

from collections.abc import Callable
from datetime import datetime
from functools import cache, lru_cache
from html import escape
from urllib.parse import quote

from django.urls import get_script_prefix, reverse
from django.utils import dateformat, formats, timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, gettext, ngettext

from common.paths import path_of
from service_model import enums
from service_model.selectors import MEETING_TYPE_LABELS

CHANNEL_LABELS = dict(enums.Channel.choices)

# A row of the table, as the page's template wrote it with its tags: a hundred rows through the template engine, a
# dozen nodes each, cost more than the rest of the page.
_ROW = """
      <tr data-bucket="{bucket}">
        <th scope="row"><a href="{client_url}">{name}</a><br><span class="muted">{municipality}</span></th>
        <td><span class="{badge_class}">{badge}</span></td>
        <td>{meeting_type}</td>
        <td>{due_on}</td>
        <td>{calendar}</td>
        <td>{action}</td>
      </tr>
    """
_BOOKED_CALENDAR = '<a href="{url}">{at}<span class="visually-hidden"> – {in_calendar}</span></a>'
_FREE_CALENDAR = '<a href="{url}">{label}</a>'
_BOOKED_ACTION = '<a href="{url}">{label}</a>'
_FREE_ACTIONS = '<a href="{book_url}">{book}</a> · <a href="{walk_in_url}">{walk_in}</a>'

# An id no row has, replaced in the reversed path: one reverse per URL name and process instead of one per row.
_MARKER = 987_654_321_012


def _path_of(name: str) -> Callable[[int], str]:
    return _path_in(name, get_script_prefix())


@cache
def _path_in(name: str, script_prefix: str) -> Callable[[int], str]:
    """Paths depend on the URL name and the deployment's prefix only: reversed once per process."""
    before, after = conditional_escape(reverse(name, args=[_MARKER])).split(str(_MARKER))
    return lambda pk: f"{before}{int(pk)}{after}"


@lru_cache(maxsize=8192)
def _formatted(value, date_format: str, language: str, zone: str) -> str:
    """A date, or a moment in local time, as |date writes it. Meetings are booked on quarter hours and deadlines fall
    on days, so the same few thousand values recur on every counsellor's page: each is formatted once per format,
    language (month names) and time zone, which are in the key because the text depends on them."""
    return dateformat.format(timezone.localtime(value) if isinstance(value, datetime) else value, date_format)


def _value(value) -> str:
    """A value as {% blocktranslate %} puts it into its phrase: localised, escaped."""
    return conditional_escape(formats.localize(value))


class _Plural:
    """A plural phrase, translated once per number on the page. `translate` calls ngettext with the literal msgids:
    makemessages extracts only literal calls, and a phrase it does not see drops out of the catalogues."""

    def __init__(self, translate: Callable[[int], str]):
        self.translate, self.done = translate, {}

    def __call__(self, count: int) -> str:
        if count not in self.done:
            self.done[count] = self.translate(count) % {"counter": _value(count)}
        return self.done[count]


class WeekPage:
    """What a page of "my week" needs for its rows, looked up once; `rows` and `unrecorded` build the rows."""

    def __init__(self, today, full_path: str):
        self.today = today
        self.short_date = formats.get_format("SHORT_DATE_FORMAT")
        self.short_datetime = formats.get_format("SHORT_DATETIME_FORMAT")
        self.next = "?next=" + conditional_escape(quote(full_path, safe="/"))  # as |urlencode does
        self.client = _path_of("service_model:client")
        self.record = _path_of("service_model:record")
        self.book = _path_of("service_model:book")
        self.walk_in = _path_of("service_model:walk_in")
        self.agenda = conditional_escape(path_of("service_model:agenda"))
        self.today_iso = dateformat.format(today, "Y-m-d")
        self.overdue = _Plural(lambda n: ngettext("myöhässä %(counter)s pv", "myöhässä %(counter)s pv", n))
        self.days_until = _Plural(lambda n: ngettext("%(counter)s päivän päästä", "%(counter)s päivän päästä", n))
        self.due_today = conditional_escape(gettext("tänään"))
        self.upcoming = conditional_escape(gettext("tulossa"))
        self.record_label = gettext('Kirjaa<span class="visually-hidden"> tapaaminen: %(name)s</span>')
        self.calendar_label = gettext('Kalenteri<span class="visually-hidden">: vapaat ajat, %(name)s</span>')
        self.book_label = gettext('Varaa aika<span class="visually-hidden">: %(name)s</span>')
        self.walk_in_label = gettext('Kirjaa pidetyksi<span class="visually-hidden">: %(name)s</span>')
        self.in_calendar = conditional_escape(gettext("kalenterissa"))
        self.language = get_language()
        self.zone = timezone.get_current_timezone_name()
        self.meeting_types = {}

    def _local(self, moment, date_format: str) -> str:
        return _formatted(moment, date_format, self.language, self.zone)

    def _badge(self, row) -> tuple[str, str]:
        if row.bucket == enums.Bucket.OVERDUE:
            return "badge badge-alert", self.overdue(row.days_overdue)
        if row.bucket == enums.Bucket.THIS_WEEK:
            return "badge badge-warning", self.due_today if row.days_until == 0 else self.days_until(row.days_until)
        return "badge", self.upcoming

    def _meeting_type(self, meeting_type: str) -> str:
        """The type's label in the page's language, translated once per page (as WorklistRow.meeting_type_label)."""
        if meeting_type not in self.meeting_types:
            self.meeting_types[meeting_type] = escape(str(MEETING_TYPE_LABELS.get(meeting_type, meeting_type)))
        return self.meeting_types[meeting_type]

    def _due_on(self, day) -> str:
        return _formatted(day, self.short_date, self.language, self.zone)

    def row(self, row) -> str:
        person = row.jobseeker
        name = escape(f"{person.first_name} {person.last_name}")
        badge_class, badge = self._badge(row)
        if row.booked is not None:
            calendar = _BOOKED_CALENDAR.format(
                url=f"{self.agenda}?paiva={timezone.localtime(row.booked.planned_at).date().isoformat()}",
                at=self._local(row.booked.planned_at, self.short_datetime),
                in_calendar=self.in_calendar,
            )
            action = _BOOKED_ACTION.format(
                url=self.record(row.booked.pk) + self.next, label=self.record_label % {"name": name}
            )
        else:
            calendar = _FREE_CALENDAR.format(
                url=f"{self.agenda}?paiva={self.today_iso}&amp;asiakas={int(person.pk)}",
                label=self.calendar_label % {"name": name},
            )
            action = _FREE_ACTIONS.format(
                book_url=self.book(person.pk) + self.next,
                book=self.book_label % {"name": name},
                walk_in_url=self.walk_in(person.pk) + self.next,
                walk_in=self.walk_in_label % {"name": name},
            )
        return _ROW.format(
            bucket=escape(row.bucket),
            client_url=self.client(person.pk),
            name=f"{escape(person.last_name)}, {escape(person.first_name)}",
            municipality=escape(person.municipality_name),
            badge_class=badge_class,
            badge=badge,
            meeting_type=self._meeting_type(row.meeting_type),
            due_on=self._due_on(row.due_on),
            calendar=calendar,
            action=action,
        )

    def rows(self, rows) -> SafeString:
        """The rows of the table as one text, every value in them escaped."""
        return mark_safe("".join(self.row(row) for row in rows))  # noqa: S308 - each value escaped in row()

    def unrecorded(self, meetings) -> list[dict]:
        """The booked meetings whose time has come (selectors.unrecorded_meetings: UNRECORDED_COLUMNS tuples)."""
        shown = []
        for pk, jobseeker_id, planned_at, meeting_type, channel, first_name, last_name in meetings:
            values = {
                "client_url": self.client(jobseeker_id),
                "name": f"{escape(last_name)}, {escape(first_name)}",
                "planned_at": self._local(planned_at, self.short_datetime),
                "meeting_type": self._meeting_type(meeting_type),
                "channel": escape(str(CHANNEL_LABELS.get(channel, channel))),
                "record_url": self.record(pk) + self.next,
                "record": self.record_label % {"name": escape(f"{first_name} {last_name}")},
            }
            shown.append({key: mark_safe(value) for key, value in values.items()})  # noqa: S308 - escaped above
        return shown
