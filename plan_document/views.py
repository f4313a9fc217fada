"""The plan document's pages: the overview (generate, preview, the stored versions), and editing a section's text.
Thin: selectors read, services build, store and write."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts import permissions_planning
from common.documents import safe_filename
from common.formatting import local_datetime
from common.tables import Column, Table
from plan_document import render as rendering
from plan_document import selectors, services, tables
from plan_document.enums import Format, Language


def _require(request):
    if not permissions_planning.can_generate_plan(request.user):
        raise PermissionDenied
    return selectors.area(request.user)


def _generations_table(user) -> Table:
    return Table(
        key="suunnitelman-versiot",
        title=_("Tallennetut versiot"),
        columns=[
            Column("generated_at", _("Luotu")),
            Column("by", _("Luoja")),
            Column("month", _("Tilastokuukausi")),
            Column("format", _("Muoto")),
            Column("language", _("Kieli")),
            Column("hash", _("SHA-256 (alku)")),
        ],
        rows=[
            {
                "generated_at": local_datetime(g.generated_at),
                "by": str(g.generated_by) if g.generated_by else _("komento"),
                "month": f"{g.month.month}/{g.month.year}",
                "format": g.get_file_format_display(),
                "language": g.get_language_display(),
                "hash": g.file_hash[:12],
            }
            for g in selectors.generations(user)
        ],
    )


def _choices(request) -> dict:
    source = request.POST if request.method == "POST" else request.GET
    return {"month": source.get("month", ""), "language": source.get("language", Language.FI)}


def _page(request, area, chosen, errors=None, status=200):
    changes = None
    if area is not None and not errors:
        try:
            changes = services.build(
                request.user, area, month=chosen["month"] or None, language=chosen["language"]
            ).changes
        except ValidationError as error:
            errors, status = error.message_dict, 400
    return render(
        request,
        "plan_document/index.html",
        {
            "area": area,
            "texts": selectors.texts(request.user),
            "months": [f"{m:%Y-%m}" for m in tables.statistics_months(request.user, area)] if area else [],
            "languages": Language.choices,
            "formats": Format.choices,
            "chosen": chosen,
            "changes": changes,
            "errors": errors or {},
            "generations": _generations_table(request.user),
            "may_edit": permissions_planning.can_edit_plan_texts(request.user),
        },
        status=status,
    )


@login_required
def index(request):
    area = _require(request)
    return _page(request, area, _choices(request))


@login_required
def preview(request):
    """The plan as it would be generated now, as the standalone HTML document; nothing is stored."""
    area = _require(request)
    chosen = _choices(request)
    try:
        built = services.build(request.user, area, month=chosen["month"] or None, language=chosen["language"])
    except ValidationError as error:
        return _page(request, area, chosen, error.message_dict, status=400)
    return HttpResponse(rendering.html(built), content_type=rendering.HTML_CONTENT_TYPE)


@login_required
def generate(request):
    """The plan as a DOCX or HTML download, stored as a new version with its numbers."""
    area = _require(request)
    chosen = _choices(request)
    if request.method != "POST":
        return redirect("plan_document:index")
    file_format = request.POST.get("format", "")
    try:
        generated = services.generate(
            request.user, request.user, area, file_format=file_format, month=chosen["month"] or None,
            language=chosen["language"],
        )  # fmt: skip
    except ValidationError as error:
        return _page(request, area, chosen, error.message_dict, status=400)
    name = safe_filename(f"suunnitelma-{area.slug}-{generated.report.month:%Y-%m}-{chosen['language']}")
    response = HttpResponse(generated.content, content_type=rendering.content_type(file_format))
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


@login_required
def edit(request, section):
    if not permissions_planning.can_edit_plan_texts(request.user):
        raise PermissionDenied
    text = selectors.text(request.user, section)
    errors = {}
    values = {name: getattr(text, name) for name in ("heading", "heading_sv", "text_fi", "text_sv")}
    if request.method == "POST":
        values = {name: request.POST.get(name, "") for name in values}
        try:
            services.save_text(request.user, text, **values)
        except ValidationError as error:
            errors = error.message_dict
        else:
            messages.success(request, _("Luvun %(section)s teksti tallennettu.") % {"section": section})
            return redirect("plan_document:index")
    return render(
        request,
        "plan_document/edit.html",
        {"text": text, "values": values, "errors": errors},
        status=400 if errors else 200,
    )
