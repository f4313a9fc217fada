from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from accounts import permissions

OPEN_PREFIXES = ("/accounts/", "/static/", "/i18n/", "/terveys/")


class RequireOTPMiddleware:
    """Staff who signed in with a password only reach the second-factor pages until they present a TOTP code."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.REQUIRE_OTP
            and not request.path.startswith(OPEN_PREFIXES)
            and permissions.needs_second_factor(request.user)
        ):
            if request.path.startswith("/api/"):
                return JsonResponse({"detail": _("Kaksivaiheinen tunnistautuminen vaaditaan.")}, status=403)
            return redirect(f"{reverse('accounts:otp')}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
