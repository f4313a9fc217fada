"""Forms of job offers: they type the input; the rules are in matching/services.py."""

from django import forms
from django.utils.translation import gettext_lazy as _

from matching import enums


class OfferForm(forms.Form):
    vacancy = forms.IntegerField(
        min_value=1, widget=forms.HiddenInput, error_messages={"required": _("Valitse työpaikka.")}
    )
    kind = forms.ChoiceField(
        label=_("Laji"),
        choices=enums.JobOfferKind.choices,
        initial=enums.JobOfferKind.JOB_OFFER,
        error_messages={"required": _("Valitse työtarjous tai ohjaus avoimeen työpaikkaan.")},
    )
    note = forms.CharField(label=_("Lisätiedot"), required=False, max_length=2000)


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Tulos"),
        choices=[("", _("Valitse tulos"))] + enums.Outcome.choices,
        error_messages={"required": _("Valitse tulos.")},
    )
    outcome_date = forms.DateField(
        label=_("Päivä"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"required": _("Päivä puuttuu."), "invalid": _("Päivä ei ole päivämäärä.")},
    )


class MobilityFilterForm(forms.Form):
    since = forms.DateField(
        label=_("Alkaen"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    until = forms.DateField(
        label=_("Päättyen"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("since") and cleaned.get("until") and cleaned["since"] > cleaned["until"]:
            self.add_error("until", _("Päättymispäivä on ennen alkamispäivää."))
        return cleaned
