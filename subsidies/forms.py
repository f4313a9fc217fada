"""Forms: they type the input; the subsidy rules themselves are in subsidies.rates."""

from datetime import date
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from common.formatting import local_date
from subsidies.enums import EmployerType, Outcome, RectificationOutcome, Stance, SubsidyKind

LATEST = date(2100, 12, 31)
# An <input type="date"> reads only ISO dates, whatever the language of the page.
DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
PAY_FIELDS = ("monthly_pay_costs", "weekly_hours", "full_time_weekly_hours", "employer_type")


class Described:
    """Points every input at its help text and its error container (jobseekers/_field.html renders them)."""

    def describe(self):
        for name, field in self.fields.items():
            ids = ([f"{name}-help"] if field.help_text else []) + [f"{name}-error"]
            field.widget.attrs["aria-describedby"] = " ".join(ids)


def _money(label, help_text=""):
    return forms.DecimalField(
        label=label,
        min_value=Decimal("0.01"),
        max_value=Decimal("100000"),
        decimal_places=2,
        max_digits=8,
        required=False,
        help_text=help_text,
    )


def _hours(label, help_text=""):
    return forms.DecimalField(
        label=label,
        min_value=Decimal("0.5"),
        max_value=Decimal("60"),
        decimal_places=2,
        max_digits=5,
        required=False,
        help_text=help_text,
    )


class CalculatorForm(Described, forms.Form):
    """The calculator's input, for the page and POST /api/v1/subsidies/calculate/ alike."""

    kind = forms.ChoiceField(label=_("Tuki"), choices=SubsidyKind.choices)
    monthly_pay_costs = _money(_("Palkkakustannukset kuukaudessa (€)"), _("Palkka sivukuluineen; palkkatuelle."))
    weekly_hours = _hours(_("Työaika (tuntia viikossa)"))
    full_time_weekly_hours = _hours(_("Alan kokoaikainen työaika (tuntia viikossa)"))
    employer_type = forms.ChoiceField(
        label=_("Työnantaja"), choices=[("", _("Valitse"))] + EmployerType.choices, required=False
    )
    start_date = forms.DateField(label=_("Alkaa"), widget=DATE_INPUT)
    months = forms.IntegerField(label=_("Kesto (kuukautta)"), min_value=1, max_value=60)
    age = forms.IntegerField(
        label=_("Henkilön ikä alkaessa"),
        min_value=15,
        max_value=100,
        required=False,
        help_text=_("Valinnainen: ikäehdot tarkistetaan, kun ikä on annettu."),
    )
    unemployed_since = forms.DateField(
        label=_("Työttömänä alkaen"),
        required=False,
        widget=DATE_INPUT,
        help_text=_("Valinnainen: työttömyysehdot tarkistetaan, kun päivä on annettu."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()

    def clean_start_date(self):
        value = self.cleaned_data["start_date"]
        if value > LATEST:
            raise forms.ValidationError(_("Päivän on oltava viimeistään 31.12.2100."))
        return value

    def clean(self):
        data = super().clean()
        if data.get("kind") and data["kind"] != SubsidyKind.START_UP_GRANT:
            for name in PAY_FIELDS:
                if name not in self.errors and data.get(name) in (None, ""):
                    self.add_error(name, _("Palkkatuelle pakollinen tieto."))
        weekly, full_time = data.get("weekly_hours"), data.get("full_time_weekly_hours")
        if weekly is not None and full_time is not None and weekly > full_time:
            self.add_error("weekly_hours", _("Työaika ei voi olla pidempi kuin alan kokoaikainen työaika."))
        since, start = data.get("unemployed_since"), data.get("start_date")
        if since is not None and start is not None and since > start:
            self.add_error("unemployed_since", _("Työttömyys ei voi alkaa tuen alkamisen jälkeen."))
        return data


class ApplicationForm(Described, forms.Form):
    """A received application; the rules (required fields per kind, the Y-tunnus) are in the receiving service."""

    kind = forms.ChoiceField(label=_("Tuki"), choices=SubsidyKind.choices)
    received_on = forms.DateField(label=_("Saapunut"), widget=DATE_INPUT)
    start_date = forms.DateField(label=_("Alkaa"), widget=DATE_INPUT)
    months = forms.IntegerField(label=_("Kesto (kuukautta)"), min_value=1, max_value=60)
    employer_name = forms.CharField(label=_("Työnantaja"), max_length=200, required=False)
    employer_business_id = forms.CharField(label=_("Työnantajan Y-tunnus"), max_length=10, required=False)
    employer_type = forms.ChoiceField(
        label=_("Työnantajan laji"), choices=[("", _("Valitse"))] + EmployerType.choices, required=False
    )
    job_title = forms.CharField(label=_("Tehtävä"), max_length=200, required=False)
    isco_code = forms.CharField(
        label=_("Ammattiluokka (ISCO-08)"), max_length=4, required=False, help_text=_("Neljä numeroa, esim. 7522.")
    )
    monthly_pay_costs = _money(_("Palkkakustannukset kuukaudessa (€)"))
    weekly_hours = _hours(_("Työaika (tuntia viikossa)"))
    full_time_weekly_hours = _hours(_("Alan kokoaikainen työaika (tuntia viikossa)"))
    business_id = forms.CharField(label=_("Yrityksen Y-tunnus"), max_length=10, required=False)
    business_plan_summary = forms.CharField(
        label=_("Liiketoimintasuunnitelman tiivistelmä"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    other_income = forms.DecimalField(
        label=_("Muut tulot kuukaudessa (€)"), min_value=0, max_digits=9, decimal_places=2, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


class StepForm(forms.Form):
    """The inputs of the workflow's steps; which of them a step needs, and their rules, are in subsidies.services."""

    note = forms.CharField(label=_("Huomio"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    outcome = forms.ChoiceField(label=_("Ratkaisu"), choices=[("", "–")] + Outcome.choices, required=False)
    reasons = forms.CharField(label=_("Perustelut"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    stance = forms.ChoiceField(label=_("Työryhmän kanta"), choices=[("", "–")] + Stance.choices, required=False)
    text = forms.CharField(label=_("Lausunto"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    given_on = forms.DateField(label=_("Lausunnon päivä"), widget=DATE_INPUT, required=False)
    notified_on = forms.DateField(label=_("Tiedoksiantopäivä"), widget=DATE_INPUT, required=False)
    received_on = forms.DateField(label=_("Saapunut"), widget=DATE_INPUT, required=False)
    grounds = forms.CharField(
        label=_("Vaatimus ja perustelut"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    result = forms.ChoiceField(
        label=_("Oikaisuvaatimuksen ratkaisu"), choices=[("", "–")] + RectificationOutcome.choices, required=False
    )
    language = forms.ChoiceField(
        label=_("Päätöksen kieli"), choices=[("fi", _("suomi")), ("sv", _("ruotsi"))], required=False
    )


class PaymentForm(Described, forms.Form):
    """A payment request: whole months of the subsidy (chosen from the decision's months), the amount and the pay slip;
    the checks against the decision are in subsidies.payments."""

    received_on = forms.DateField(label=_("Saapunut"), widget=DATE_INPUT)
    period_start = forms.TypedChoiceField(label=_("Ensimmäinen kuukausi"), coerce=date.fromisoformat)
    period_end = forms.TypedChoiceField(label=_("Viimeinen kuukausi"), coerce=date.fromisoformat)
    amount = _money(_("Haettu määrä (€)"))
    pay_costs = _money(
        _("Toteutuneet palkkakustannukset jaksolla (€)"), _("Palkkalaskelmien mukaan; palkkatuelle pakollinen.")
    )
    pay_slip_reference = forms.CharField(
        label=_("Palkkalaskelman viite"),
        max_length=100,
        required=False,
        help_text=_("Esimerkiksi palkkalaskelman numero tai palkanmaksukausi."),
    )

    def __init__(self, *args, months=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["amount"].required = True
        self.fields["period_start"].choices = [(first.isoformat(), local_date(first)) for first, _last in months]
        self.fields["period_end"].choices = [(last.isoformat(), local_date(last)) for _first, last in months]
        self.describe()
