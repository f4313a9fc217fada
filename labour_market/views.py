from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext

from accounts import permissions
from common.tables import Column, Table, export_response
from labour_market import enums, selectors, tables
from labour_market.parsers import parse_month


def _require_statistics(request):
    if not permissions.can_view_statistics(request.user):
        raise PermissionDenied


def _chosen(options, key: str | None):
    if not key:
        return options[0] if options else None
    chosen = next((option for option in options if option.key == key), None)
    if chosen is None:
        raise Http404
    return chosen


def _month(text: str | None, months: list[date], strict: bool = True) -> date | None:
    """The asked month; on a page, a month the newly chosen table lacks falls back to its latest month."""
    month = parse_month(text) if text else None
    if month in months:
        return month
    if text and strict:
        raise Http404
    return months[-1] if months else None


def _month_view(request, table_key: str | None):
    user = request.user
    area = selectors.area(user)
    if area is None:
        return None, [], None
    options = selectors.tables_with_data(user, area, enums.TableKind.MUNICIPAL)
    table = _chosen(options, table_key)
    return (tables.MonthView(user, area, table) if table else None), options, area


def chart_table(chart: dict, first_column: str) -> Table:
    """The numbers behind a chart as a table: its text alternative."""
    datasets = chart["datasets"]
    return Table(
        key="kaavio",
        title=first_column,
        columns=[
            Column("label", first_column),
            *[Column(f"d{index}", dataset["label"], numeric=True) for index, dataset in enumerate(datasets)],
        ],
        rows=[
            {"label": label, **{f"d{index}": dataset["data"][row] for index, dataset in enumerate(datasets)}}
            for row, label in enumerate(chart["labels"])
        ],
    )


@login_required
def overview(request):
    _require_statistics(request)
    view, options, area = _month_view(request, request.GET.get("table"))
    context = {"area": area, "tables": options, "view": view, "section": "overview"}
    if view is not None:
        month = _month(request.GET.get("month"), view.months, strict=False)
        chart = tables.rate_chart(view, month)
        context.update(
            {
                "table": view.table,
                "months": [(m, tables.month_label(m)) for m in view.months],
                "month": month,
                "month_label": tables.month_label(month),
                "municipal": tables.municipal_table(view, month),
                "derived": tables.derived_table(view, month),
                "chart": chart,
                "chart_table": chart_table(chart, gettext("Kunta")),
                "definition": tables.definition(view.indicator(tables.Concept.UNEMPLOYED)),
            }
        )
    return render(request, "labour_market/overview.html", context)


@login_required
def time_series(request):
    _require_statistics(request)
    view, options, area = _month_view(request, request.GET.get("table"))
    context = {"area": area, "tables": options, "view": view, "section": "time_series"}
    if view is not None:
        indicator_options = view.indicators
        code = request.GET.get("indicator")
        if code:
            indicator = next((i for i in indicator_options if i.code == code), None)
            if indicator is None:
                raise Http404
        else:
            indicator = view.indicator(tables.Concept.UNEMPLOYED) or indicator_options[0]
        series = tables.time_series_table(view, indicator)
        chart = tables.time_series_chart(view, indicator)
        context.update(
            {
                "table": view.table,
                "indicators": [(i.code, view.name(i)) for i in indicator_options],
                "indicator": indicator,
                "indicator_name": view.name(indicator),
                "heading_lost": tables.heading_lost_note([indicator]),
                "definition": tables.definition(indicator),
                "series": series,
                "chart": chart,
                "enough_months": len(series.rows) > 1,
            }
        )
    return render(request, "labour_market/time_series.html", context)


@login_required
def commuting(request):
    _require_statistics(request)
    user = request.user
    area = selectors.area(user)
    options = selectors.tables_with_data(user, area, enums.TableKind.COMMUTING) if area else []
    table = _chosen(options, request.GET.get("table"))
    context = {"area": area, "tables": options, "table": table, "section": "commuting"}
    if table is not None:
        context.update(
            {
                "commuting": tables.commuting_table(user, area, table),
                "findings": tables.findings_of_table(user, area, table),
            }
        )
    return render(request, "labour_market/commuting.html", context)


@login_required
def consistency(request):
    _require_statistics(request)
    findings = selectors.findings(request.user)
    table = tables.findings_table(request.user, findings)
    inconsistencies = enums.Severity.count_inconsistencies(findings)
    return render(
        request,
        "labour_market/consistency.html",
        {
            "findings": table,
            "inconsistencies": inconsistencies,
            "notes": len(findings) - inconsistencies,
            "section": "consistency",
        },
    )


def _export(request, table: Table):
    if not permissions.can_export_tables(request.user):
        raise PermissionDenied
    return export_response(table, request.GET.get("format", "csv"))


@login_required
def export_municipal(request, table, month):
    _require_statistics(request)
    view, _options, _area = _month_view(request, table)
    if view is None:
        raise Http404
    return _export(request, tables.municipal_table(view, _month(month, view.months)))


@login_required
def export_derived(request, table, month):
    _require_statistics(request)
    view, _options, _area = _month_view(request, table)
    if view is None:
        raise Http404
    return _export(request, tables.derived_table(view, _month(month, view.months)))


@login_required
def export_time_series(request, table, indicator):
    _require_statistics(request)
    view, _options, _area = _month_view(request, table)
    chosen = next((i for i in view.indicators if i.code == indicator), None) if view else None
    if chosen is None:
        raise Http404
    return _export(request, tables.time_series_table(view, chosen))


@login_required
def export_commuting(request, table):
    _require_statistics(request)
    area = selectors.area(request.user)
    chosen = _chosen(selectors.tables_with_data(request.user, area, enums.TableKind.COMMUTING) if area else [], table)
    if chosen is None:
        raise Http404
    return _export(request, tables.commuting_table(request.user, area, chosen))


@login_required
def export_findings(request):
    _require_statistics(request)
    return _export(request, tables.findings_table(request.user, selectors.findings(request.user)))


# Enough to choose from while typing; the page shows more, and the API pages through all.
OPTIONS_SHOWN = 20
MATCHES_SHOWN = 100


@login_required
def occupations(request):
    _require_statistics(request)
    query = request.GET.get("q", "").strip()
    context = {"section": "occupations", "query": query}
    if query:
        matches = selectors.occupations(request.user, query=query)
        context["matches"] = matches[:MATCHES_SHOWN]
        context["match_count"] = matches.count()
    else:
        context["tree"] = selectors.occupation_tree(request.user)
    return render(request, "labour_market/occupations.html", context)


@login_required
def occupation_options(request):
    """`<option>`s of the unit groups matching `q`, for a form's `<datalist>` (docs/labour-market.md).

    htmx sends a field's value under the field's own name, so a request with one parameter of another name is read as
    `q`: any form field can use this without renaming it."""
    _require_statistics(request)
    values = list(request.GET.values())
    query = request.GET.get("q", values[0] if len(values) == 1 else "").strip()
    options = selectors.occupations(request.user, query=query, level=4)[:OPTIONS_SHOWN] if query else []
    return render(request, "labour_market/_occupation_options.html", {"options": options})
