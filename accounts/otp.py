"""Second factor: a staff member enrols a TOTP device once and then gives a code after each password sign-in."""

import base64

from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Vahvistuskoodi"),
        min_length=6,
        max_length=6,
        help_text=_("Todennussovelluksen näyttämä kuusinumeroinen koodi."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_token(self):
        token = self.cleaned_data["token"].strip()
        if not token.isdigit() or not self.device.verify_token(token):
            raise forms.ValidationError(_("Vahvistuskoodi on väärä tai vanhentunut."))
        return token


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or "/"
    return target if url_has_allowed_host_and_scheme(target, {request.get_host()}) else "/"


@login_required
def second_factor(request):
    confirmed = next(iter(devices_for_user(request.user, confirmed=True)), None)
    enrolling = confirmed is None
    device = confirmed
    if enrolling:
        device, _created = TOTPDevice.objects.get_or_create(
            user=request.user, confirmed=False, defaults={"name": "TOTP"}
        )
    form = TokenForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        if enrolling:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return redirect(_safe_next(request))
    return render(
        request,
        "accounts/otp.html",
        {
            "form": form,
            "enrolling": enrolling,
            "secret": base64.b32encode(device.bin_key).decode() if enrolling else "",
            "config_url": device.config_url if enrolling else "",
            "next": _safe_next(request),
        },
    )
