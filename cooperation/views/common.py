"""What the cooperation pages share: the user's area, a service write onto a form, and a referral's outcome page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from accounts import permissions
from common.today import service_today
from common.views import errors_to_form, require
from cooperation.selectors.area import area_of  # noqa: F401  (the pages' one way to the user's area)


def write(form, call) -> object | None:
    """Run `call(cleaned_data)` when the form is valid; a service's refusal lands on the form's fields."""
    if not form.is_valid():
        return None
    try:
        return call(form.cleaned_data)
    except ValidationError as error:
        errors_to_form(form, error)
        return None


def status(*forms) -> int:
    return 400 if any(form is not None and form.is_bound and form.errors for form in forms) else 200


def outcome_page(request, referral, *, form_class, record, done, template, url_name):
    """A referral's page (to a bought place or to a partner), where whoever works with the person records its outcome
    with `record(referral, outcome=…, on=…, by=…)`."""
    user = request.user
    can_edit = permissions.can_work_with_cooperation_clients(user, referral.jobseeker)
    form = None
    if can_edit:
        form = form_class(request.POST or None, initial={"outcome": referral.outcome, "outcome_on": service_today()})
    if request.method == "POST":
        require(can_edit)
        recorded = write(form, lambda data: record(referral, outcome=data["outcome"], on=data["outcome_on"], by=user))
        if recorded is not None:
            messages.success(request, done)
            return redirect(url_name, pk=referral.pk)
    return render(request, template, {"referral": referral, "form": form}, status=status(form))
