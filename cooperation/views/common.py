"""What the cooperation pages share: the user's area, a service write onto a form, a list sorted by its headers, and a
referral's outcome page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render

from accounts import permissions_cooperation
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


def sorted_page(request, queryset, sorts: dict, default: str, page_size: int) -> tuple:
    """A list's page in the order its column headers chose (`?sort=key`, `-key` reversed; anything else is the
    default), and what the header links and the pagination need to keep that order: as the other apps' lists."""
    sort = request.GET.get("sort", default)
    key = sort.removeprefix("-")
    if key not in sorts:
        sort, key = default, default.removeprefix("-")
    order = sorts[key]
    if sort.startswith("-"):
        order = tuple(field.removeprefix("-") if field.startswith("-") else f"-{field}" for field in order)
    page = Paginator(queryset.order_by(*order), page_size).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    sort_query = query.copy()
    sort_query.pop("sort", None)
    return page, {
        "sort": sort,
        "sortable": set(sorts),
        "query": query.urlencode(),
        "sort_query": sort_query.urlencode(),
    }


def status(*forms) -> int:
    return 400 if any(form is not None and form.is_bound and form.errors for form in forms) else 200


def outcome_page(request, referral, *, form_class, record, done, template, url_name):
    """A referral's page (to a bought place or to a partner), where whoever works with the person records its outcome
    with `record(referral, outcome=…, on=…, by=…)`."""
    user = request.user
    can_edit = permissions_cooperation.can_work_with_cooperation_clients(user, referral.jobseeker)
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
