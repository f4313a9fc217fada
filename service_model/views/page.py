"""What every service-model page shares: refusing access, a service's errors onto a form, the horizon and the
reference day a page is shown for."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from common.formatting import fi_date
from service_model import selectors

PAGE_SIZE = 100
HORIZONS = (7, 14, 28, 56, 90)


def require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def errors_to_form(form, error: ValidationError) -> None:
    for name, errors in error.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def chosen_horizon(request) -> int:
    try:
        value = int(request.GET.get("paivia", selectors.DEFAULT_HORIZON_DAYS))
    except ValueError:
        return selectors.DEFAULT_HORIZON_DAYS
    return value if value in HORIZONS else selectors.DEFAULT_HORIZON_DAYS


def day_warning(request, bad: bool) -> None:
    if bad:
        messages.warning(request, _("Päivää ei tunnistettu (muoto 28.11.2026 tai 2026-11-28); näytetään tämä päivä."))


def safe_next(request) -> str:
    """The page to return to after a form (`next`), only when it is a path of this site."""
    value = request.GET.get("next") or request.POST.get("next") or ""
    return value if value.startswith("/") and not value.startswith("//") else ""


def meeting_moment(meeting, jobseeker) -> dict:
    """A meeting's client, day and time for a confirmation message (28.11.2026, 9.30)."""
    local = timezone.localtime(meeting.planned_at)
    return {"name": jobseeker, "day": fi_date(local.date()), "time": local.strftime("%H.%M")}
