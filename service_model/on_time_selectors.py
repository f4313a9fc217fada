"""The area's on-time rate per calendar month (the page "Ajallaan" and its export): of the statutory deadlines that fell
due in a month, how many a held meeting met on time, late, or not at all (see service_model.selectors for "on time").

The met side of past months comes from the roll-up the database keeps (OnTimeMonth), not from the meetings: a year of
a country-sized area is three million index entries.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth

from accounts import permissions
from common.dates import add_months
from service_model.models import Deadline, Meeting, OnTimeMonth
from service_model.selectors import share_of


@dataclass
class MonthRow:
    month: date
    met: int = 0
    on_time: int = 0
    missed: int = 0

    @property
    def due(self) -> int:
        return self.met + self.missed

    @property
    def late(self) -> int:
        return self.met - self.on_time

    @property
    def rate(self) -> Decimal | None:
        return share_of(self.on_time, self.due)


def on_time_scope(user) -> Q | None:
    """The area's figures: the user's area (or all, for a user with no home municipality)."""
    if not permissions.can_view_on_time_rate(user):
        return None
    if user.home_municipality_id is not None:
        return Q(serving_municipality__area_id=user.home_municipality.area_id)
    return Q()


def met_by_month_counted(scope: Q, first: date, today: date) -> list[tuple]:
    """(month, met, on time) of the held meetings whose met deadline fell due from `first` to the day before
    `today`, counted from the meetings themselves."""
    return list(
        Meeting.objects.filter(scope, due_on__gte=first, due_on__lt=today)
        .annotate(month=TruncMonth("due_on"))
        .values_list("month")
        .annotate(met=Count("due_on"), on_time=Count("due_on", filter=Q(on_time=True)))
        .order_by()
    )


def met_by_month(scope: Q, first: date, today: date) -> list[tuple]:
    """As met_by_month_counted: the whole months before today's from the roll-up the database keeps (OnTimeMonth, a
    row per municipality and month), today's month so far from the meetings (a month's index entries at most)."""
    this_month = today.replace(day=1)
    closed = (
        OnTimeMonth.objects.filter(scope, month__gte=first, month__lt=this_month)
        .values_list("month")
        .annotate(met=Sum("met"), on_time=Sum("on_time"))
        .order_by()
    )
    return [*closed, *met_by_month_counted(scope, max(first, this_month), today)]


def on_time_rate(user, months: int, today: date, municipality_code: str = "") -> list[MonthRow]:
    """Per calendar month of the due date, the last `months` months up to today's month."""
    scope = on_time_scope(user)
    if scope is None or months < 1:
        return []
    first = add_months(today.replace(day=1), -(months - 1))
    if municipality_code:
        scope &= Q(serving_municipality__code=municipality_code)
    rows = {add_months(first, i): MonthRow(add_months(first, i)) for i in range(months)}

    def month_of(value) -> date:
        return value.date() if hasattr(value, "date") and callable(value.date) else value

    for month, met_count, on_time in met_by_month(scope, first, today):
        row = rows.get(month_of(month))
        if row is not None:
            row.met, row.on_time = met_count, on_time
    missed = (
        Deadline.objects.filter(scope, due_on__gte=first, due_on__lt=today)
        .annotate(month=TruncMonth("due_on"))
        .values_list("month")
        .annotate(missed=Count("due_on"))
        .order_by()
    )
    for month, missed_count in missed:
        row = rows.get(month_of(month))
        if row is not None:
            row.missed = missed_count
    return list(rows.values())
