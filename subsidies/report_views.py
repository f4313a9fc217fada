"""Subsidy reports: decisions and payments by municipality, kind and month, and processing times; each a table on
the page and the same rows as CSV or XLSX (common.tables), with a chart beside it summed by the grouping the user
chooses (subsidies.charts; the chart's figures are also a table). No person is shown, so nothing is access-logged."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions_subsidies
from common.tables import export_response
from subsidies import charts, report_selectors, reports, tables


def _rows(user) -> dict:
    return {
        "paatokset": reports.decisions_by_month(report_selectors.decision_rows(user)),
        "maksut": reports.payments_by_month(report_selectors.payment_rows(user)),
        "kasittelyajat": reports.processing_times(report_selectors.processing_rows(user), timezone.localdate()),
    }


def _tables(rows: dict) -> dict:
    return {
        "paatokset": tables.decisions_report_table(rows["paatokset"]),
        "maksut": tables.payments_report_table(rows["maksut"]),
        "kasittelyajat": tables.processing_report_table(rows["kasittelyajat"]),
    }


def _sections(rows: dict, grouping: str) -> list[dict]:
    processing = charts.processing_grouping(grouping)
    specs = {
        "paatokset": (
            charts.decisions_chart(rows["paatokset"], grouping),
            grouping,
            _("Pylväskaavio: myönteiset ja kielteiset päätökset."),
        ),
        "maksut": (
            charts.payments_chart(rows["maksut"], grouping),
            grouping,
            _("Pylväskaavio: maksuun hyväksytyt ja maksetut eurot."),
        ),
        "kasittelyajat": (
            charts.processing_chart(rows["kasittelyajat"], processing),
            processing,
            _("Pylväskaavio: käsittelyajan keskiarvo ja pisin käsittelyaika päivinä."),
        ),
    }
    sections = []
    for key, table in _tables(rows).items():
        chart, chart_grouping, description = specs[key]
        sections.append(
            {
                "key": key,
                "table": table,
                "chart": chart,
                "chart_id": f"chart-{key}",
                "label": _("%(description)s Ryhmittely: %(grouping)s. Samat luvut ovat kaavion alla taulukkona.")
                % {"description": description, "grouping": str(charts.GROUPINGS[chart_grouping]).lower()},
                "chart_table": charts.chart_table(
                    chart,
                    chart_grouping,
                    f"{key}-kaavio",
                    _("Kaavion luvut: %(title)s") % {"title": table.title},
                ),
            }
        )
    return sections


@login_required
def reports_page(request):
    if not permissions_subsidies.can_view_subsidy_reports(request.user):
        raise PermissionDenied
    grouping = request.GET.get("ryhmittely", charts.DEFAULT_GROUPING)
    grouping = grouping if grouping in charts.GROUPINGS else charts.DEFAULT_GROUPING
    return render(
        request,
        "subsidies/reports.html",
        {
            "sections": _sections(_rows(request.user), grouping),
            "groupings": charts.GROUPINGS.items(),
            "grouping": grouping,
        },
    )


@login_required
def report_export(request, table):
    if not permissions_subsidies.can_view_subsidy_reports(request.user):
        raise PermissionDenied
    found = _tables(_rows(request.user)).get(table)
    if found is None:
        raise Http404
    return export_response(found, request.GET.get("format", "csv"))
