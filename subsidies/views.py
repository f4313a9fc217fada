"""Pages of subsidies: thin over the calculator, selectors and services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions, permissions_subsidies
from common.documents import DOCX_CONTENT_TYPE
from common.tables import export_response
from common.views import require
from jobseekers import selectors as jobseeker_selectors
from subsidies import attachment_services, calculator, payment_selectors, selectors, services, tables, texts
from subsidies.enums import Action, ApplicationState, Outcome, SubsidyKind
from subsidies.forms import ApplicationForm, CalculatorForm, StepForm

PAGE_SIZE = 50


@login_required
def calculator_page(request):
    """A GET form, so a result can be linked and nothing is written."""
    require(permissions_subsidies.can_use_subsidy_calculator(request.user))
    result = None
    if "kind" in request.GET:
        form = CalculatorForm(request.GET)
        if form.is_valid():
            result = calculator.calculate(form.cleaned_data)
            for check in result.refusals:
                form.add_error(check.field if check.field in form.fields else None, texts.refusal_text(check))
    else:
        form = CalculatorForm(initial={"kind": "general", "start_date": timezone.localdate(), "months": 6})
    eligible = result is not None and result.eligible
    return render(
        request,
        "subsidies/calculator.html",
        {
            "form": form,
            "answer": calculator.answer(result) if eligible else None,
            "monthly_amount": texts.money(result.monthly_amount) if eligible else "",
            "total": texts.money(result.total) if eligible else "",
        },
    )


QUEUE_PURPOSE = "tukihakemusten jono"


def _queue_rows(request):
    return selectors.queue(
        request.user,
        state=request.GET.get("tila", ""),
        kind=request.GET.get("tuki", ""),
        open_only=request.GET.get("avoimet") == "1",
    )


@login_required
def queue(request):
    require(permissions_subsidies.can_view_subsidy_applications(request.user))
    page = Paginator(_queue_rows(request), PAGE_SIZE).get_page(request.GET.get("page"))
    selectors.log_listing(request.user, page.object_list, view="subsidies:queue", purpose=QUEUE_PURPOSE)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "subsidies/queue.html",
        {
            "page": page,
            "table": tables.queue_table(page.object_list),
            "states": ApplicationState.choices,
            "kinds": SubsidyKind.choices,
            "state": request.GET.get("tila", ""),
            "kind": request.GET.get("tuki", ""),
            "query": query.urlencode(),
        },
    )


@login_required
def queue_export(request):
    require(
        permissions_subsidies.can_view_subsidy_applications(request.user)
        and permissions.can_export_tables(request.user)
    )
    rows = list(_queue_rows(request)[:100_000])
    selectors.log_listing(request.user, rows, view="subsidies:queue_export", purpose=QUEUE_PURPOSE)
    return export_response(tables.queue_table(rows), request.GET.get("format", "csv"))


@login_required
def awaiting_decision(request):
    require(permissions_subsidies.can_decide_subsidy(request.user))
    rows = list(selectors.awaiting_decision(request.user))
    selectors.log_listing(request.user, rows, view="subsidies:awaiting_decision", purpose="päätettävät tukihakemukset")
    return render(
        request,
        "subsidies/list.html",
        {"title": _("Päätettävät hakemukset"), "table": tables.queue_table(rows), "lead": _(
            "Päätösesitykset, jotka odottavat päätöstäsi delegointisi perusteella. Itse valmistelemiasi et voi päättää."
        )},
    )  # fmt: skip


@login_required
def working_group(request):
    require(permissions_subsidies.can_view_subsidy_applications(request.user))
    rows = list(selectors.working_group_agenda(request.user))
    selectors.log_listing(request.user, rows, view="subsidies:working_group", purpose="työryhmän asialista")
    return render(
        request,
        "subsidies/list.html",
        {"title": _("Työryhmän asialista"), "table": tables.queue_table(rows), "lead": _(
            "Hakemukset, joista on pyydetty palkkatuki- tai starttirahatyöryhmän lausunto. Työryhmä tukee "
            "päätöksentekoa mutta ei päätä."
        )},
    )  # fmt: skip


@login_required
def new_application(request, pk):
    require(permissions_subsidies.can_prepare_subsidy(request.user))
    jobseeker = jobseeker_selectors.get_jobseeker(
        request.user, pk, view="subsidies:new", purpose="tukihakemuksen kirjaus"
    )
    form = ApplicationForm(request.POST or None, initial={"received_on": timezone.localdate(), "months": 6})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["business_id_value"] = data.pop("business_id")
        try:
            application = services.receive_application(jobseeker=jobseeker, by=request.user, **data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("Hakemus kirjattiin saapuneeksi."))
            return redirect("subsidies:application", pk=application.pk)
    return render(request, "subsidies/new.html", {"form": form, "jobseeker": jobseeker})


def _add_errors(form, error: ValidationError) -> None:
    for name, problems in error.message_dict.items():
        field = {"business_id_value": "business_id"}.get(name, name)
        for problem in problems:
            form.add_error(field if field in form.fields else None, problem)


@login_required
def application(request, pk):
    item = selectors.get_application(request.user, pk, view="subsidies:application", purpose="tukihakemus")
    in_force = payment_selectors.latest_decision(item)
    return render(
        request,
        "subsidies/application.html",
        {
            "application": item,
            "checklist": selectors.checklist(item),
            "history": selectors.history(item),
            "statements": item.statements.select_related("body"),
            "decisions": [
                (decision, texts.money(decision.monthly_amount) if decision.monthly_amount is not None else "")
                for decision in item.decisions.select_related("decided_by", "delegation__municipality")
            ],
            "steps": selectors.available_steps(request.user, item),
            "attachments": [
                (attachment, attachment_services.can_delete(request.user, attachment))
                for attachment in selectors.attachments(item)
            ],
            "can_attach": permissions_subsidies.can_prepare_subsidy(request.user, item)
            and item.state != ApplicationState.CLOSED,
            "max_megabytes": attachment_services.max_bytes() // (1024 * 1024),
            "payment_totals": payment_selectors.decision_totals(item, in_force)
            if in_force is not None and in_force.outcome == Outcome.GRANTED
            else None,
            "form": StepForm(
                initial={
                    "given_on": timezone.localdate(),
                    "notified_on": timezone.localdate(),
                    "received_on": timezone.localdate(),
                }
            ),  # fmt: skip
        },
    )


@require_POST
@login_required
def step(request, pk, action):
    item = selectors.get_application(request.user, pk, view="subsidies:step", purpose="tukihakemuksen käsittely")
    if action not in selectors.available_steps(request.user, item):
        raise PermissionDenied
    form = StepForm(request.POST)
    form.is_valid()
    try:
        services.take_step(item.pk, action, by=request.user, data=form.cleaned_data)
    except ValidationError as error:
        for name, problems in error.message_dict.items():
            label = form.fields[name].label if name in form.fields else ""
            for problem in problems:
                messages.error(request, f"{label}: {problem}" if label else problem)
    else:
        messages.success(request, _("Tallennettu: %(action)s.") % {"action": Action(action).label})
    return redirect("subsidies:application", pk=item.pk)


@login_required
def decision_document(request, pk, decision_pk):
    item = selectors.get_application(request.user, pk, view="subsidies:decision_document", purpose="päätösasiakirja")
    decision = item.decisions.filter(pk=decision_pk).first()
    if decision is None:
        raise Http404
    response = HttpResponse(bytes(decision.document), content_type=DOCX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="paatos-{item.pk}-{decision.pk}.docx"'
    return response


@login_required
def decision_html(request, pk, decision_pk):
    """The decision as it was rendered when it was made (stored with it; escaped then, so shown as it is)."""
    item = selectors.get_application(request.user, pk, view="subsidies:decision_html", purpose="päätösasiakirja")
    decision = item.decisions.filter(pk=decision_pk).exclude(document_html="").first()
    if decision is None:
        raise Http404
    return render(request, "subsidies/decision.html", {"application": item, "decision": decision})


ATTACHMENT_PURPOSE = "tukihakemuksen liite"


@require_POST
@login_required
def attachment_upload(request, pk):
    item = selectors.get_application(request.user, pk, view="subsidies:attachment_upload", purpose=ATTACHMENT_PURPOSE)
    require(permissions_subsidies.can_prepare_subsidy(request.user, item))
    uploaded = request.FILES.get("file")
    try:
        attachment_services.add_attachment(
            item.pk,
            by=request.user,
            name=uploaded.name if uploaded else "",
            content=uploaded.read(attachment_services.max_bytes() + 1) if uploaded else None,
        )
    except ValidationError as error:
        for name, problems in error.message_dict.items():
            for problem in problems:
                messages.error(request, f"{_('Liite')}: {problem}" if name == "file" else problem)
    else:
        messages.success(request, _("Liite lisättiin."))
    return redirect(f"{reverse('subsidies:application', args=[item.pk])}#attachments-heading")


@login_required
def attachment(request, pk, attachment_pk):
    """A file only through here: the application's permission, the read logged, never rendered by the browser."""
    found = selectors.get_attachment(
        request.user, pk, attachment_pk, view="subsidies:attachment", purpose=ATTACHMENT_PURPOSE
    )
    response = HttpResponse(bytes(found.content), content_type=found.content_type)
    # The stored name is already made safe (attachment_services.stored_name); quoting here as well keeps the header
    # whole for a row written some other way.
    response["Content-Disposition"] = content_disposition_header(True, found.name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@login_required
def attachment_delete(request, pk, attachment_pk):
    found = selectors.get_attachment(
        request.user, pk, attachment_pk, view="subsidies:attachment_delete", purpose=ATTACHMENT_PURPOSE
    )
    require(permissions_subsidies.can_prepare_subsidy(request.user, found.application))
    try:
        attachment_services.delete_attachment(found.pk, by=request.user)
    except ValidationError as error:
        for problems in error.message_dict.values():
            for problem in problems:
                messages.error(request, problem)
    else:
        messages.success(request, _("Liite %(name)s poistettiin.") % {"name": found.name})
    return redirect(f"{reverse('subsidies:application', args=[pk])}#attachments-heading")
