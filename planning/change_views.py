"""Structural-change pages: the registry of change situations, a situation with its preparedness checklist, the
change-security report, and marking a job seeker as a change-security customer from their card."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions, permissions_planning
from common.tables import export_response
from jobseekers import selectors as jobseeker_selectors
from planning import change_selectors, change_services, change_tables
from planning.enums import SituationKind, SituationStatus

SITUATION_FIELDS = (
    "employer_name",
    "business_id",
    "municipality",
    "kind",
    "people_affected",
    "notice_date",
    "schedule",
    "sources",
)


def _require(request):
    if not permissions_planning.can_view_change_situations(request.user):
        raise PermissionDenied


def _municipalities(user):
    area = change_selectors.area(user)
    return [(m.code, m.name_fi) for m in area.municipalities.order_by("name_fi")] if area else []


@login_required
def situations(request):
    _require(request)
    user = request.user
    errors, entered = {}, {}
    if request.method == "POST":
        entered = {field: request.POST.get(field, "") for field in SITUATION_FIELDS}
        try:
            situation = change_services.create_situation(user, entered)
        except ValidationError as error:
            errors = error.message_dict
        else:
            return redirect("planning:change_situation", pk=situation.pk)
    listed = list(change_selectors.situations(user))
    return render(
        request,
        "planning/change_situations.html",
        {
            "table": change_tables.situations_table(listed),
            "can_manage": permissions_planning.can_manage_change_situations(user),
            "planning_nav": permissions_planning.can_view_planning(user),
            "municipalities": _municipalities(user),
            "kinds": SituationKind.choices,
            "errors": errors,
            "entered": entered,
        },
        status=400 if errors else 200,
    )


def _situation_action(request, situation) -> None:
    """A POST on a situation: its status, an action's owner/due date/done mark, or a new action."""
    user, action = request.user, request.POST.get("action")
    if action == "status":
        change_services.set_status(user, situation, request.POST.get("status"))
    elif action == "item":
        item = situation.items.filter(pk=request.POST.get("item") or 0).first()
        if item is None:
            raise Http404
        change_services.update_item(user, item, request.POST)
    elif action == "add_item":
        change_services.add_item(user, situation, request.POST)
    else:
        raise ValidationError({"action": [_("Tuntematon toiminto.")]})


@login_required
def situation(request, pk):
    _require(request)
    user = request.user
    found = change_selectors.get_situation(user, pk)
    if found is None:
        raise Http404
    errors = {}
    if request.method == "POST":
        if not permissions_planning.can_manage_change_situations(user):
            raise PermissionDenied
        try:
            _situation_action(request, found)
        except ValidationError as error:
            errors = error.message_dict
        else:
            return redirect("planning:change_situation", pk=found.pk)
    customers = change_selectors.customers(
        user, situation=found, view="planning:change_situation", purpose="muutosturva-asiakkaat"
    )
    return render(
        request,
        "planning/change_situation.html",
        {
            "situation": found,
            "items": found.items.select_related("done_by"),
            "status_table": change_tables.status_table([found], change_selectors.status_counts(user, [found.pk])),
            "customers": change_tables.customers_table(customers),
            "sees_people": permissions_planning.change_security_people_scope(user) is not None,
            "can_manage": permissions_planning.can_manage_change_situations(user),
            "statuses": SituationStatus.choices,
            "planning_nav": permissions_planning.can_view_planning(user),
            "errors": errors,
        },
        status=400 if errors else 200,
    )


@login_required
def change_security(request):
    _require(request)
    user = request.user
    listed = list(change_selectors.situations(user))
    customers = change_selectors.customers(user, view="planning:change_security", purpose="muutosturva-asiakkaat")
    return render(
        request,
        "planning/change_security.html",
        {
            "status_table": change_tables.status_table(listed, change_selectors.status_counts(user)),
            "customers": change_tables.customers_table(customers),
            "sees_people": permissions_planning.change_security_people_scope(user) is not None,
            "planning_nav": permissions_planning.can_view_planning(user),
        },
    )


@login_required
@require_POST
def flag(request, jobseeker):
    user = request.user
    if not permissions_planning.can_flag_change_security(user):
        raise PermissionDenied
    person = jobseeker_selectors.get_jobseeker(
        user, jobseeker, view="planning:change_security_flag", purpose="muutosturva-asiakkuus"
    )
    situation_pk = request.POST.get("situation")
    try:
        if request.POST.get("action") == "remove":
            change_services.unflag(user, person, situation_pk)
            messages.success(request, change_services.UNFLAGGED)
        else:
            change_services.flag(user, person, situation_pk)
            messages.success(request, change_services.FLAGGED)
    except ValidationError as error:
        for problems in error.message_dict.values():
            for problem in problems:
                messages.error(request, problem)
    return redirect("jobseekers:card", pk=person.pk)


@login_required
def export(request, table):
    _require(request)
    user = request.user
    if not permissions.can_export_tables(user):
        raise PermissionDenied
    listed = list(change_selectors.situations(user))
    if table == "tilanteet":
        chosen = change_tables.situations_table(listed)
    elif table == "muutosturva":
        chosen = change_tables.status_table(listed, change_selectors.status_counts(user))
    elif table == "asiakkaat":
        chosen = change_tables.customers_table(
            change_selectors.customers(user, view="planning:change_export", purpose="muutosturva-asiakkaat (vienti)")
        )
    else:
        raise Http404
    return export_response(chosen, request.GET.get("format", "csv"))
