from django import forms
from django.utils.translation import gettext_lazy as _

from audit.models import PersonalDataAccess


class AccessLogFilter(forms.Form):
    subject_id = forms.CharField(
        label=_("Henkilön tunniste"),
        required=False,
        max_length=60,
        help_text=_("Asiakkaan numero järjestelmässä (ei henkilötunnusta)."),
    )
    username = forms.CharField(label=_("Käyttäjätunnus"), required=False, max_length=150)
    since = forms.DateField(label=_("Alkaen"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Päättyen"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    outcome = forms.ChoiceField(
        label=_("Tulos"), required=False, choices=[("", _("kaikki")), *PersonalDataAccess.Outcome.choices]
    )

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("Päättymispäivä on ennen alkamispäivää."))
        return cleaned
