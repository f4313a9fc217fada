from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from accounts import permissions, permissions_subsidies
from organisation import selectors
from service_model import agenda_selectors
from service_model import enums as service_enums
from service_model import selectors as service_selectors
from service_model.today import service_today
from statements import selectors as statement_selectors
from subsidies import selectors as subsidy_selectors


@login_required
def home(request):
    """Each role lands on what its day starts with: a counsellor on today's meetings and their deadlines, a
    decision maker on the cases awaiting their decision, a supervisor or the area's management on the service model's
    figures of their scope; everyone on the area's organisation."""
    user = request.user
    today = service_today()
    area = selectors.area(user)
    context = {
        "area": area,
        "today": today,
        "municipality_count": selectors.municipalities(user).count(),
        "office_count": selectors.offices(user).count(),
        "can_administer": permissions.can_administer(user),
    }
    if permissions.can_view_worklist(user):
        counts = service_selectors.bucket_counts(user, today)
        context["overdue"] = counts[service_enums.Bucket.OVERDUE]
        context["due_this_week"] = counts[service_enums.Bucket.THIS_WEEK]
    if permissions.has_own_clients(user):
        context["todays_meetings"] = agenda_selectors.agenda_for(user, user, today, today, view="www:home").meetings
    if permissions.can_approve_statements(user):
        context["statements_awaiting"] = statement_selectors.awaiting_decision(user).count()
    if permissions_subsidies.can_decide_subsidy(user):
        context["subsidies_awaiting"] = subsidy_selectors.awaiting_decision(user).count()
    if permissions.can_view_service_overview(user):
        context["overview_total"] = service_selectors.overview_total(user, today)
    return render(request, "www/home.html", context)


def health(request):
    """For load balancers and the load benchmark's baseline: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")


def _error_page(request, status: int):
    response = render(request, "www/error.html", {"status": status}, status=status)
    # Already the product's page: www.middleware leaves it as it is.
    response.product_page = True
    return response


def permission_denied(request, exception=None):
    return _error_page(request, 403)


def page_not_found(request, exception=None):
    return _error_page(request, 404)


def server_error(request):
    return _error_page(request, 500)
