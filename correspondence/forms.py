"""The one form of the app: how a message goes out. The rules (an address is needed for e-mail) are in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from correspondence.enums import Delivery
from jobseekers.enums import Channel


class DeliveryForm(forms.Form):
    channel = forms.ChoiceField(label=_("Lähetystapa"), choices=Delivery.choices, widget=forms.RadioSelect)


def suggested_delivery(jobseeker) -> str:
    """E-mail for a client with an address who has not asked for letters; a letter to print otherwise."""
    prefers_letters = jobseeker.preferred_channel == Channel.LETTER
    return Delivery.EMAIL if jobseeker.email and not prefers_letters else Delivery.LETTER
