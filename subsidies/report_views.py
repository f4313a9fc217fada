"""Subsidy reports: decisions and payments by municipality, kind and month, and processing times; each a table on
the page and the same rows as CSV or XLSX (common.tables). No person is shown, so nothing is access-logged."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from accounts import permissions
from common.tables import export_response
from subsidies import report_selectors, reports, tables


def _tables(user) -> dict:
    return {
        "paatokset": tables.decisions_report_table(reports.decisions_by_month(report_selectors.decision_rows(user))),
        "maksut": tables.payments_report_table(reports.payments_by_month(report_selectors.payment_rows(user))),
        "kasittelyajat": tables.processing_report_table(
            reports.processing_times(report_selectors.processing_rows(user), timezone.localdate())
        ),
    }


@login_required
def reports_page(request):
    if not permissions.can_view_subsidy_reports(request.user):
        raise PermissionDenied
    return render(request, "subsidies/reports.html", {"tables": _tables(request.user).items()})


@login_required
def report_export(request, table):
    if not permissions.can_view_subsidy_reports(request.user):
        raise PermissionDenied
    found = _tables(request.user).get(table)
    if found is None:
        raise Http404
    return export_response(found, request.GET.get("format", "csv"))
