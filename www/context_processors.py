from django.conf import settings


def site(request):
    return {
        "demo_mode": settings.DEMO_MODE,
        "otp_required": settings.REQUIRE_OTP,
    }
