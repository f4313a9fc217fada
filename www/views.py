from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from accounts import permissions
from organisation import selectors


@login_required
def home(request):
    area = selectors.area(request.user)
    return render(
        request,
        "www/home.html",
        {
            "area": area,
            "municipality_count": selectors.municipalities(request.user).count(),
            "office_count": selectors.offices(request.user).count(),
            "can_administer": permissions.can_administer(request.user),
        },
    )


def health(request):
    """For load balancers and the load benchmark's baseline: answers without touching the database."""
    return HttpResponse("ok", content_type="text/plain")


def permission_denied(request, exception=None):
    return render(request, "www/error.html", {"status": 403}, status=403)


def page_not_found(request, exception=None):
    return render(request, "www/error.html", {"status": 404}, status=404)


def server_error(request):
    return render(request, "www/error.html", {"status": 500}, status=500)
