"""The rows of "my week" as the page shows them: each row's markup, texts, links and dates, ready to place.

Rendered in the template, each row took six {% blocktranslate %}, five {% url %} and three |date – two thirds of the
page's time with a hundred rows. Here each phrase is translated once per page (a plural once per number), each URL
reversed once, each date format looked up once, and a row is one string format; the template only places the rows.
The phrases are the template's own msgids, so the catalogues translate them as before, and the output is what the
tags produced: values localised and escaped as {% blocktranslate %} renders them, datetimes in local time as |date
shows them (tests/service_model/test_worklist_speed.py compares them with the tags).
"""

from collections.abc import Callable
from urllib.parse import quote

from django.urls import reverse
from django.utils import dateformat, formats, timezone
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from service_model import enums

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

# An id no row has, replaced in the reversed path: one reverse per URL name and page instead of one per row.
_MARKER = 987_654_321_012


def _path_of(name: str) -> Callable[[int], str]:
    before, after = conditional_escape(reverse(name, args=[_MARKER])).split(str(_MARKER))
    return lambda pk: f"{before}{int(pk)}{after}"


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
        self.agenda = conditional_escape(reverse("service_model:agenda"))
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
        self.due_dates = {}

    def _local(self, moment, date_format: str) -> str:
        return dateformat.format(timezone.localtime(moment), date_format)

    def _badge(self, row) -> tuple[str, str]:
        if row.bucket == enums.Bucket.OVERDUE:
            return "badge badge-alert", self.overdue(row.days_overdue)
        if row.bucket == enums.Bucket.THIS_WEEK:
            return "badge badge-warning", self.due_today if row.days_until == 0 else self.days_until(row.days_until)
        return "badge", self.upcoming

    def _due_on(self, day) -> str:
        if day not in self.due_dates:
            self.due_dates[day] = dateformat.format(day, self.short_date)
        return self.due_dates[day]

    def row(self, row) -> SafeString:
        person = row.jobseeker
        name = conditional_escape(str(person))
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
        html = _ROW.format(
            bucket=conditional_escape(row.bucket),
            client_url=self.client(person.pk),
            name=f"{conditional_escape(person.last_name)}, {conditional_escape(person.first_name)}",
            municipality=conditional_escape(person.municipality_name),
            badge_class=badge_class,
            badge=badge,
            meeting_type=conditional_escape(row.meeting_type_label),
            due_on=self._due_on(row.due_on),
            calendar=calendar,
            action=action,
        )
        return mark_safe(html)  # noqa: S308 - every value escaped above

    def rows(self, rows) -> list[SafeString]:
        return [self.row(row) for row in rows]

    def unrecorded(self, meetings) -> list[dict]:
        """The booked meetings whose time has come (selectors.unrecorded_meetings, with their job seekers)."""
        shown = []
        for meeting in meetings:
            person = meeting.jobseeker
            values = {
                "client_url": self.client(meeting.jobseeker_id),
                "name": f"{conditional_escape(person.last_name)}, {conditional_escape(person.first_name)}",
                "planned_at": self._local(meeting.planned_at, self.short_datetime),
                "meeting_type": conditional_escape(meeting.get_meeting_type_display()),
                "channel": conditional_escape(meeting.get_channel_display()),
                "record_url": self.record(meeting.pk) + self.next,
                "record": self.record_label % {"name": conditional_escape(str(person))},
            }
            shown.append({key: mark_safe(value) for key, value in values.items()})  # noqa: S308 - escaped above
        return shown
