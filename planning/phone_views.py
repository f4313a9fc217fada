"""The shared phone service's staffing page: import a week of call volumes, see the agents needed, keep the rota."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts import permissions, permissions_planning
from common.tables import export_response
from planning import phone_selectors, phone_services, phone_tables, selectors, texts
from planning.forms import PhoneImportForm, RotaForm

TARGET_FIELDS = ("average_handling_seconds", "target_answer_seconds", "target_service_level", "shrinkage")


def _require(request):
    if not permissions_planning.can_view_planning(request.user):
        raise PermissionDenied


def _tables(request):
    week = phone_selectors.get_week(request.user, request.GET.get("viikko"))
    entries = list(phone_selectors.rota(request.user))
    rows = phone_selectors.week_staffing(week, entries) if week else []
    chart, curve = phone_tables.curve(rows)
    return week, entries, phone_tables.hour_table(rows), chart, curve, phone_tables.rota_table(entries)


def _municipalities(user):
    area = selectors.area(user)
    return [(m.code, m.name_fi) for m in area.municipalities.order_by("name_fi")] if area else []


def _page(request, *, import_form=None, rota_form=None, errors=None):
    user = request.user
    week, _entries, hours, chart, curve, rota = _tables(request)
    return render(
        request,
        "planning/phone.html",
        {
            "week": week,
            "week_summary": texts.phone_week(week) if week else "",
            "weeks": phone_selectors.weeks(user),
            "hours": hours,
            "chart": chart,
            "curve": curve,
            "rota": rota,
            "can_manage": permissions_planning.can_manage_phone_service(user),
            "import_form": import_form or PhoneImportForm(initial=PhoneImportForm.defaults()),
            "rota_form": rota_form or RotaForm(municipalities=_municipalities(user)),
            "errors": errors or {},
            "query": f"viikko={week.pk}" if week else "",
        },
        status=400 if errors or (rota_form and rota_form.errors) else 200,
    )


@login_required
def phone(request):
    _require(request)
    user = request.user
    if request.method != "POST":
        return _page(request)
    if not permissions_planning.can_manage_phone_service(user):
        raise PermissionDenied
    import_form = PhoneImportForm(request.POST)
    try:
        text = request.POST.get("volumes", "")
        if "file" in request.FILES:
            text = phone_services.read_upload(request.FILES["file"])
        week = phone_services.import_week(
            user,
            name=request.POST.get("name", ""),
            text=text,
            targets={field: request.POST.get(field) for field in TARGET_FIELDS},
        )
    except ValidationError as error:
        errors = error.message_dict
        for field, messages in errors.items():
            if field in import_form.fields:
                import_form.add_error(field, messages)
        return _page(request, import_form=import_form, errors=errors)
    return redirect(f"{reverse('planning:phone')}?viikko={week.pk}")


@login_required
@require_POST
def phone_rota(request):
    _require(request)
    user = request.user
    if not permissions_planning.can_manage_phone_service(user):
        raise PermissionDenied
    if request.POST.get("remove", "").isdigit():
        phone_services.remove_rota_entry(user, int(request.POST["remove"]))
        return redirect(f"{reverse('planning:phone')}#vuorolista")
    form = RotaForm(request.POST, municipalities=_municipalities(user))
    try:
        phone_services.add_rota_entry(user, request.POST)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
        return _page(request, rota_form=form)
    return redirect(f"{reverse('planning:phone')}#vuorolista")


@login_required
def phone_export(request, table):
    _require(request)
    if not permissions.can_export_tables(request.user):
        raise PermissionDenied
    _week, _entries, hours, _chart, curve, rota = _tables(request)
    chosen = {"tunnit": hours, "kayra": curve, "vuorolista": rota}.get(table)
    if chosen is None:
        raise Http404
    return export_response(chosen, request.GET.get("format", "csv"))
