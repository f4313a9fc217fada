"""Planning pages: capacity, workload, scenarios. Thin: selectors read, the cores compute, tables lay out."""

import re

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts import permissions, permissions_planning
from common.tables import export_response
from planning import selectors, services, tables, texts
from planning.enums import Source
from planning.forms import FORM_CHANGES, ChangeForm, ViewForm, WorkloadForm

_CHANGE_ERROR = re.compile(r"^changes\[(\d+)\]\.(\w+)$")


def _require(request):
    if not permissions_planning.can_view_planning(request.user):
        raise PermissionDenied


def _data(request, form):
    return selectors.planning_data(
        request.user,
        source=form.value("source"),
        clients_per_unemployed=form.value("clients_per_unemployed"),
        **({"parameters": form.parameters()} if isinstance(form, WorkloadForm) else {}),
    )


def _month(form, data):
    chosen = form.cleaned_data.get("month") if form.is_valid() else None
    return chosen or data.today.replace(day=1)


def _capacity_tables(request):
    form = ViewForm(request.GET)
    data = _data(request, form)
    basis = form.value("basis")
    return form, data, tables.capacity_table(data, basis), tables.team_table(data, basis)


@login_required
def capacity(request):
    _require(request)
    form, data, municipal, teams = _capacity_tables(request)
    chart = tables.capacity_chart(municipal)
    return render(
        request,
        "planning/capacity.html",
        {
            "form": form,
            "data": data,
            "statistics": data.source == Source.STATISTICS,
            "municipal": municipal,
            "teams": teams,
            "unplaced_note": texts.unplaced_note(data.unplaced),
            "chart": chart,
            "chart_table": tables.chart_table(chart, _("Palveleva kunta"), "suunnittelu-kaavio"),
            "query": request.GET.urlencode(),
        },
    )


def _workload_table(request):
    form = WorkloadForm(request.GET or None, initial=WorkloadForm.defaults())
    data = _data(request, form)
    month = _month(form, data)
    return form, data, month, tables.workload_table(data, month, form.value("basis"), form.parameters())


@login_required
def workload(request):
    _require(request)
    form, data, month, table = _workload_table(request)
    return render(
        request,
        "planning/workload.html",
        {"form": form, "data": data, "month": month, "table": table, "query": request.GET.urlencode()},
    )


def _change_forms(request, municipalities):
    return [
        ChangeForm(request.POST or None, prefix=f"c{n}", municipalities=municipalities) for n in range(FORM_CHANGES)
    ]


@login_required
def scenario_list(request):
    _require(request)
    user = request.user
    area = selectors.area(user)
    municipalities = [(m.code, m.name_fi) for m in area.municipalities.order_by("name_fi")] if area else []
    change_forms = _change_forms(request, municipalities)
    errors = {}
    if request.method == "POST":
        if not permissions_planning.can_manage_scenarios(user):
            raise PermissionDenied
        filled = [f for f in change_forms if not f.is_blank()]
        changes = [
            {name: f.data.get(f.add_prefix(name), "") for name in f.fields if f.data.get(f.add_prefix(name), "")}
            for f in filled
        ]
        try:
            scenario = services.create_scenario(
                user, name=request.POST.get("name", ""), changes=changes, start_month=request.POST.get("start_month")
            )
        except ValidationError as error:
            errors = error.message_dict
            for key, messages in errors.items():
                match = _CHANGE_ERROR.match(key)
                if match and match[2] in filled[int(match[1])].fields:
                    filled[int(match[1])].add_error(match[2], messages)
        else:
            return redirect("planning:scenario", pk=scenario.pk)
    return render(
        request,
        "planning/scenarios.html",
        {
            "scenarios": selectors.scenario_list(user),
            "can_manage": permissions_planning.can_manage_scenarios(user),
            "change_forms": change_forms,
            "errors": {k: v for k, v in errors.items() if not _CHANGE_ERROR.match(k)},
            "name": request.POST.get("name", ""),
            "start_month": request.POST.get("start_month", ""),
        },
        status=400 if errors else 200,
    )


def _comparison(request, pk):
    scenario = selectors.get_scenario(request.user, pk)
    if scenario is None:
        raise Http404
    form = ViewForm(request.GET)
    comparison = selectors.compare(request.user, scenario, source=form.value("source"), basis=form.value("basis"))
    return form, scenario, comparison


def _with(query, **extra) -> str:
    query = query.copy()
    for key, value in extra.items():
        query[key] = value
    return query.urlencode()


@login_required
def scenario(request, pk):
    _require(request)
    form, scenario_object, comparison = _comparison(request, pk)
    chart = tables.comparison_chart(comparison)
    return render(
        request,
        "planning/scenario.html",
        {
            "form": form,
            "scenario": scenario_object,
            "changes": scenario_object.changes.all(),
            "table": tables.comparison_table(comparison),
            "chart": chart,
            "chart_table": tables.chart_table(chart, _("Kuukausi"), "suunnittelu-skenaario-kaavio"),
            "query": _with(request.GET, skenaario=scenario_object.pk),
        },
    )


@login_required
def export(request, table):
    _require(request)
    if not permissions.can_export_tables(request.user):
        raise PermissionDenied
    if table == "kunnat":
        chosen = _capacity_tables(request)[2]
    elif table == "tiimit":
        chosen = _capacity_tables(request)[3]
    elif table == "tyomaara":
        chosen = _workload_table(request)[3]
    elif table == "skenaario" and (request.GET.get("skenaario") or "").isdigit():
        comparison = _comparison(request, int(request.GET["skenaario"]))[2]
        chosen = tables.comparison_table(comparison)
    else:
        raise Http404
    return export_response(chosen, request.GET.get("format", "csv"))
