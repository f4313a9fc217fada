from types import SimpleNamespace

from django.conf import settings
from django.core.cache import cache

from common.languages import in_language
from organisation.models import EmploymentArea
from www.navigation import menu

AREA_NAMES_KEY = "www:area-names"
# The area's name is in the header of every page, and renamed only by loading the area's data again (another
# process): a query per page for it cost as much as the rest of the header. A rename shows within five minutes.
AREA_NAMES_SECONDS = 300


def area_name() -> str:
    names = cache.get(AREA_NAMES_KEY)
    if names is None:
        names = EmploymentArea.objects.values("name_fi", "name_sv", "name_en").order_by("pk").first()
        if names is None:
            # Not cached: the area is loaded after the service starts on a fresh install, and its name must show then.
            return ""
        cache.set(AREA_NAMES_KEY, names, AREA_NAMES_SECONDS)
    return in_language(SimpleNamespace(**names))


def site(request):
    context = {"demo_mode": settings.DEMO_MODE, "otp_required": settings.REQUIRE_OTP}
    if request.user.is_authenticated:
        context["navigation"] = menu(request)
        context["area_name"] = area_name()
    return context
