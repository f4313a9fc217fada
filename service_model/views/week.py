"""The counsellor's week: statutory deadlines and booked meetings, and its export."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from accounts import permissions
from common.tables import export_response
from common.views import require
from service_model import selectors, tables
from service_model.today import reference_day, service_today
from service_model.views.page import HORIZONS, PAGE_SIZE, chosen_horizon, day_warning
from service_model.views.week_rows import WeekPage


@login_required
def my_week(request):
    user = request.user
    require(permissions.can_view_worklist(user))
    today, bad_day = reference_day(request)
    day_warning(request, bad_day)
    horizon = chosen_horizon(request)
    deadlines = selectors.worklist_deadlines(user, today, horizon)
    whole = None
    if request.GET.get("page", "1") == "1":
        # Most lists fit in one page: read it, and when it holds the whole list count the buckets from its rows.
        head = list(deadlines[: PAGE_SIZE + 1])
        whole = head if len(head) <= PAGE_SIZE else None
    if whole is not None:
        deadlines, counts = whole, selectors.bucket_counts_of(whole, today)
    else:
        counts = selectors.bucket_counts(user, today, horizon)
    paginator = Paginator(deadlines, PAGE_SIZE)
    paginator.count = sum(counts.values())  # every listed deadline is in exactly one bucket: no second COUNT query
    page = paginator.get_page(request.GET.get("page"))
    rows = selectors.worklist(user, today, deadlines=page.object_list)
    unrecorded = list(selectors.unrecorded_meetings(user, today)[:50])
    shown = WeekPage(today, request.get_full_path())
    selectors.log_worklist(
        user, rows, view="service_model:my_week", purpose="oma viikko", more_ids=[meeting[1] for meeting in unrecorded]
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "service_model/my_week.html",
        {
            "today": today,
            "is_today": today == service_today(),
            "horizon": horizon,
            "horizons": HORIZONS,
            "counts": counts,
            "rows": shown.rows(rows),
            "page": page,
            "query": query.urlencode(),
            "unrecorded": shown.unrecorded(unrecorded),
        },
    )


@login_required
def my_week_export(request):
    user = request.user
    require(permissions.can_view_worklist(user) and permissions.can_export_tables(user))
    today, _bad = reference_day(request)
    rows = selectors.worklist(user, today, chosen_horizon(request))
    selectors.log_worklist(user, rows, view="service_model:my_week_export", purpose="oma viikko (vienti)")
    return export_response(tables.worklist_table(rows, today), request.GET.get("format", "csv"))
