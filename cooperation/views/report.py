"""The cooperation report: each service's figures per municipality, with its CSV/XLSX exports (counts only)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from accounts import permissions, permissions_cooperation
from common.tables import export_response
from common.views import require
from cooperation.selectors import events, integration, procurement, report, typ
from cooperation.tables import (
    events_table,
    info_contacts_table,
    needs_table,
    procurement_report_table,
    report_chart,
    report_table,
    typ_caseload_table,
)
from cooperation.views.common import area_of

EXPORT_LIMIT = 10_000


def _report_table(user):
    rows = report.rows(area_of(user))
    return report_table(rows, report.totals(rows))


TABLES = {
    "yhteistyoraportti": _report_table,
    "hankinnat-kunnittain": lambda user: procurement_report_table(procurement.report(area_of(user))),
    "typ-asiakasmaarat": lambda user: typ_caseload_table(typ.caseload(area_of(user))),
    "palvelutarpeet": lambda user: needs_table(procurement.needs(user)[:EXPORT_LIMIT]),
    "rekrytointitapahtumat": lambda user: events_table(events.events(user)[:EXPORT_LIMIT]),
    "international-info": lambda user: info_contacts_table(integration.contacts(area_of(user))[:EXPORT_LIMIT]),
}


@login_required
def index(request):
    user = request.user
    require(permissions_cooperation.can_view_cooperation(user))
    rows = report.rows(area_of(user))
    return render(
        request,
        "cooperation/report.html",
        {
            "table": report_table(rows, report.totals(rows)),
            "chart": report_chart(rows),
            "can_work_on_recruitment": permissions_cooperation.can_work_on_recruitment(user),
            "can_view_clients": permissions_cooperation.can_view_cooperation_clients(user),
        },
    )


@login_required
def export(request, table):
    user = request.user
    require(permissions_cooperation.can_view_cooperation(user) and permissions.can_export_tables(user))
    if table not in TABLES:
        raise Http404
    return export_response(TABLES[table](user), request.GET.get("format", "csv"))
