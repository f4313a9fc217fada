"""Competence survey pages: one's own answers, the heat map, the answers one may see, the XLSX import. Thin."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts import permissions
from common.tables import export_response
from common.today import service_today
from competence import selectors, services, tables


def _round_pk(request):
    value = request.GET.get("kierros", "")
    return int(value) if value.isdigit() else None


@login_required
def heat_map(request):
    if not permissions.can_view_competence_aggregates(request.user):
        raise PermissionDenied
    survey_round = selectors.survey_round(request.user, _round_pk(request))
    context = {"rounds": selectors.rounds(request.user), "survey_round": survey_round}
    if survey_round is not None:
        data = selectors.analysis(request.user, survey_round)
        context |= {
            "data": data,
            "heat_map": tables.heat_map(data),
            "tables": [(key, build(data)) for key, build in tables.TABLES.items()],
        }
    context["sees_answers"] = permissions.can_view_competence_answers(request.user)
    return render(request, "competence/heat_map.html", context)


@login_required
def export(request, table):
    if not permissions.can_view_competence_aggregates(request.user):
        raise PermissionDenied
    build = tables.TABLES.get(table)
    survey_round = selectors.survey_round(request.user, _round_pk(request))
    if build is None or survey_round is None:
        raise Http404
    return export_response(build(selectors.analysis(request.user, survey_round)), request.GET.get("format", "csv"))


def _levels(post, prefix):
    return {key[len(prefix) :]: value for key, value in post.items() if key.startswith(prefix)}


@login_required
def survey(request):
    user = request.user
    if not permissions.can_answer_competence_survey(user):
        raise PermissionDenied
    today = service_today()
    survey_round = selectors.open_round(user, today)
    answers = selectors.own_answers(user, survey_round) if survey_round else None
    errors = {}
    if request.method == "POST" and survey_round is not None:
        try:
            services.save_own_answers(
                user,
                survey_round,
                levels=_levels(request.POST, "level-"),
                training=set(request.POST.getlist("training")),
                wishes=request.POST.get("wishes", ""),
                today=today,
            )
        except ValidationError as error:
            errors = error.message_dict
        else:
            return redirect("competence:respondent", pk=selectors.own_answers(user, survey_round).pk)
    given = {a.competence_area_id: a for a in answers.assessments.all()} if answers else {}
    chosen = {
        area.key: (request.POST.get(f"level-{area.key}") if errors else None)
        or (str(given[area.pk].self_level) if area.pk in given else "")
        for area in selectors.areas()
    }
    return render(
        request,
        "competence/survey.html",
        {
            "survey_round": survey_round,
            "scale": selectors.scale(),
            "areas": [
                {
                    "area": area,
                    "chosen": chosen[area.key],
                    "training": area.pk in given and given[area.pk].wants_training,
                    "errors": errors.get(f"level-{area.key}", []),
                }
                for area in selectors.areas()
            ],
            "wishes": request.POST.get("wishes", answers.training_wishes if answers else ""),
            "sees_answers": permissions.can_view_competence_answers(user),
            "errors": errors,
        },
        status=400 if errors else 200,
    )


@login_required
def respondents(request):
    if not permissions.can_view_competence_answers(request.user):
        raise PermissionDenied
    survey_round = selectors.survey_round(request.user, _round_pk(request))
    found = selectors.visible_respondents(request.user, survey_round) if survey_round else []
    return render(request, "competence/respondents.html", {"survey_round": survey_round, "respondents": found})


@login_required
def respondent(request, pk):
    found = selectors.respondent(request.user, pk)
    may_assess = permissions.can_assess_competence(request.user, found)
    errors = {}
    if request.method == "POST":
        if not may_assess:
            raise PermissionDenied
        try:
            services.save_supervisor_assessment(found, _levels(request.POST, "supervisor-"))
        except ValidationError as error:
            errors = error.message_dict
        else:
            return redirect("competence:respondent", pk=found.pk)
    return render(
        request,
        "competence/respondent.html",
        {
            "respondent": found,
            "assessments": found.assessments.select_related("competence_area"),
            "scale": selectors.scale(),
            "may_assess": may_assess,
            "errors": errors,
            "sees_answers": permissions.can_view_competence_answers(request.user),
        },
        status=400 if errors else 200,
    )


@login_required
def import_answers(request):
    if not permissions.can_import_competence(request.user):
        raise PermissionDenied
    errors, imported = {}, None
    rounds = selectors.rounds(request.user)
    if request.method == "POST":
        pk = request.POST.get("survey_round", "")
        chosen = next((r for r in rounds if str(r.pk) == pk), None)
        if chosen is None or "file" not in request.FILES:
            errors = {"file": [_("Valitse kierros ja XLSX-tiedosto.")]}
        else:
            try:
                imported = services.import_answers(chosen, request.FILES["file"])
            except ValidationError as error:
                errors = error.message_dict
    return render(
        request,
        "competence/import.html",
        {"rounds": rounds, "errors": errors, "imported": imported, "columns": services.IMPORT_COLUMNS},
        status=400 if errors else 200,
    )
