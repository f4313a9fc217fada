"""What every service-model page shares: the horizon and the reference day a page is shown for, and a meeting's
moment in a message. Refusing access and errors onto a form are common.views."""

from django.contrib import messages
from django.utils.translation import gettext as _

from common.formatting import local_date, local_time
from service_model import selectors

PAGE_SIZE = 100
HORIZONS = (7, 14, 28, 56, 90)


def chosen_horizon(request) -> int:
    try:
        value = int(request.GET.get("paivia", selectors.DEFAULT_HORIZON_DAYS))
    except ValueError:
        return selectors.DEFAULT_HORIZON_DAYS
    return value if value in HORIZONS else selectors.DEFAULT_HORIZON_DAYS


def day_warning(request, bad: bool) -> None:
    if bad:
        messages.warning(request, _("Päivää ei tunnistettu (muoto 28.11.2026 tai 2026-11-28); näytetään tämä päivä."))


def meeting_moment(meeting, jobseeker) -> dict:
    """A meeting's client, day and time for a confirmation message, as the language writes them (28.11.2026, 9.30)."""
    return {"name": jobseeker, "day": local_date(meeting.planned_at), "time": local_time(meeting.planned_at)}
