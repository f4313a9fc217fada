"""The supervisor's overview and the area's on-time rate, with their exports."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from accounts import permissions
from common.tables import export_response
from common.views import require
from jobseekers.forms import municipality_choices
from service_model import on_time_selectors, selectors, tables
from service_model.today import reference_day
from service_model.views.page import day_warning


@login_required
def overview(request):
    user = request.user
    require(permissions.can_view_service_overview(user))
    today, bad_day = reference_day(request)
    day_warning(request, bad_day)
    data = selectors.supervisor_overview(user, today)
    overview_tables = tables.overview_tables(data)
    return render(
        request,
        "service_model/overview.html",
        {
            "today": today,
            "overview": data,
            "counsellor_table": overview_tables["palvelumalli-ohjaajat"],
            "municipality_table": overview_tables["palvelumalli-kunnat"],
            "window_days": selectors.ON_TIME_WINDOW_DAYS,
            "paiva": request.GET.get("paiva", "") if not bad_day else "",
        },
    )


@login_required
def overview_export(request, table):
    user = request.user
    require(permissions.can_view_service_overview(user) and permissions.can_export_tables(user))
    today, _bad = reference_day(request)
    found = tables.overview_tables(selectors.supervisor_overview(user, today)).get(table)
    if found is None:
        raise Http404
    return export_response(found, request.GET.get("format", "csv"))


def _municipality(request, choices) -> str:
    code = request.GET.get("kunta", "")
    return code if code in {c for c, _name in choices} else ""


@login_required
def on_time(request):
    user = request.user
    require(permissions.can_view_on_time_rate(user))
    today, bad_day = reference_day(request)
    day_warning(request, bad_day)
    choices = municipality_choices()[1:]
    municipality = _municipality(request, choices)
    rows = on_time_selectors.on_time_rate(user, 12, today, municipality_code=municipality)
    return render(
        request,
        "service_model/on_time.html",
        {
            "today": today,
            "table": tables.on_time_table(rows),
            "chart": tables.on_time_chart(rows),
            "municipality": municipality,
            "municipalities": choices,
            "export_query": request.GET.urlencode(),
        },
    )


@login_required
def on_time_export(request):
    user = request.user
    require(permissions.can_view_on_time_rate(user) and permissions.can_export_tables(user))
    today, _bad = reference_day(request)
    rows = on_time_selectors.on_time_rate(
        user, 12, today, municipality_code=_municipality(request, municipality_choices()[1:])
    )
    return export_response(tables.on_time_table(rows), request.GET.get("format", "csv"))
