"""The counsellor's week: statutory deadlines and booked meetings, and its export."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from accounts import permissions
from common.tables import export_response
from common.views import require
from service_model import enums, selectors, tables
from service_model.today import reference_day, service_today
from service_model.views.page import HORIZONS, PAGE_SIZE, chosen_horizon, day_warning


@login_required
def my_week(request):
    user = request.user
    require(permissions.can_view_worklist(user))
    today, bad_day = reference_day(request)
    day_warning(request, bad_day)
    horizon = chosen_horizon(request)
    counts = selectors.bucket_counts(user, today, horizon)
    paginator = Paginator(selectors.worklist_deadlines(user, today, horizon), PAGE_SIZE)
    paginator.count = sum(counts.values())  # every listed deadline is in exactly one bucket: no second COUNT query
    page = paginator.get_page(request.GET.get("page"))
    rows = selectors.worklist(user, today, deadlines=page.object_list)
    unrecorded = list(selectors.unrecorded_meetings(user, today)[:50])
    selectors.log_worklist(
        user, rows, view="service_model:my_week", purpose="oma viikko", more_ids=[m.jobseeker_id for m in unrecorded]
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
            "rows": rows,
            "page": page,
            "query": query.urlencode(),
            "unrecorded": unrecorded,
            "buckets": enums.Bucket,
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
