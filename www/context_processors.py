from django.conf import settings

from organisation.models import EmploymentArea
from www.navigation import menu


def site(request):
    context = {"demo_mode": settings.DEMO_MODE, "otp_required": settings.REQUIRE_OTP}
    if request.user.is_authenticated:
        context["navigation"] = menu(request)
        context["area_name"] = EmploymentArea.objects.values_list("name_fi", flat=True).first()
    return context
