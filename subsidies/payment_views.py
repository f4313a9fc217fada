"""Pages of subsidy payments, for the payment handler of the paying municipality: thin over payment_selectors and
payment_services."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts import permissions_subsidies
from subsidies import payment_selectors, payment_services, payments, tables, texts
from subsidies.enums import PaymentState
from subsidies.forms import PaymentForm

PURPOSE = "tukien maksatus"


def _require_handler(user) -> None:
    if not permissions_subsidies.can_handle_subsidy_payments(user):
        raise PermissionDenied


def _errors_to_messages(request, error: ValidationError) -> None:
    for problems in error.message_dict.values():
        for problem in problems:
            messages.error(request, problem)


@login_required
def payments_page(request):
    _require_handler(request.user)
    state = request.GET.get("tila", "")
    state = state if state in PaymentState.values else ""
    payable = payment_selectors.payable(request.user)
    rows = list(payment_selectors.requests(request.user, state=state)[:500])
    payment_selectors.log_people(
        request.user,
        [application for application, _decision in payable] + [row.application for row in rows],
        view="subsidies:payments",
        purpose=PURPOSE,
    )
    return render(
        request,
        "subsidies/payments.html",
        {
            "payable": [
                (application, decision, payment_selectors.decision_totals(application, decision))
                for application, decision in payable
            ],
            "table": tables.payment_table(rows),
            "states": PaymentState.choices,
            "state": state,
            "approved": payment_selectors.awaiting_export(request.user).count(),
            "exports": payment_selectors.exports(request.user)[:50],
            "totals": tables.municipality_totals_table(payment_selectors.municipality_totals(request.user)),
            "arrangements": payment_selectors.arrangement_rows(request.user),
        },
    )


@login_required
def payment_new(request, decision_pk):
    _require_handler(request.user)
    application, decision = payment_selectors.get_payable(
        request.user, decision_pk, view="subsidies:payment_new", purpose=PURPOSE
    )
    grant = payment_selectors.grant_of(decision)
    form = PaymentForm(
        request.POST or None,
        months=payments.subsidy_months(grant) if grant else [],
        initial={"received_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            row = payment_services.record_payment(decision.pk, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            for name, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(name if name in form.fields else None, problem)
        else:
            messages.success(request, _("Maksatushakemus kirjattiin."))
            return redirect("subsidies:payment", pk=row.pk)
    return render(
        request,
        "subsidies/payment_new.html",
        {
            "application": application,
            "decision": decision,
            "form": form,
            "totals": payment_selectors.decision_totals(application, decision),
            "monthly": texts.money(decision.monthly_amount),
        },
    )


@login_required
def payment(request, pk):
    _require_handler(request.user)
    row = payment_selectors.get_request(request.user, pk, view="subsidies:payment", purpose=PURPOSE)
    return render(
        request,
        "subsidies/payment.html",
        {
            "payment": row,
            "payee": tables.payee(row.application),
            "totals": payment_selectors.decision_totals(row.application, row.decision),
            "monthly": texts.money(row.decision.monthly_amount),
        },
    )


@require_POST
@login_required
def payment_step(request, pk, action):
    _require_handler(request.user)
    row = payment_selectors.get_request(request.user, pk, view="subsidies:payment_step", purpose=PURPOSE)
    steps = {
        "approve": lambda: payment_services.approve_payment(row.pk, by=request.user),
        "reject": lambda: payment_services.reject_payment(
            row.pk, by=request.user, reasons=request.POST.get("reasons", "")
        ),
    }
    if action not in steps:
        raise PermissionDenied
    try:
        done = steps[action]()
    except ValidationError as error:
        _errors_to_messages(request, error)
    else:
        messages.success(request, _("Tallennettu: %(state)s.") % {"state": done.get_state_display()})
    return redirect("subsidies:payment", pk=row.pk)


@require_POST
@login_required
def export_create(request):
    _require_handler(request.user)
    try:
        export = payment_services.export_payments(by=request.user)
    except ValidationError as error:
        _errors_to_messages(request, error)
    else:
        messages.success(
            request,
            _("Maksuaineisto %(id)s laadittiin: %(count)s maksua, yhteensä %(total)s.")
            % {"id": export.pk, "count": export.count, "total": texts.money(export.total)},
        )
    return redirect("subsidies:payments")


@login_required
def export_download(request, pk):
    _require_handler(request.user)
    export = payment_selectors.get_export(request.user, pk, view="subsidies:payment_export", purpose=PURPOSE)
    response = HttpResponse(bytes(export.content), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="maksuaineisto-{export.pk}.csv"'
    return response
