"""Forms: they type the input (dates, numbers, choices); the rules themselves are in services.clean_registration."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jobseekers import enums
from organisation.models import Municipality


class Described:
    """Points every input at its help text and its error container, which the templates render with these ids."""

    def describe(self):
        for name, field in self.fields.items():
            ids = ([f"{name}-help"] if field.help_text else []) + [f"{name}-error"]
            if not isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.attrs["aria-describedby"] = " ".join(ids)


def municipality_choices():
    return [("", _("Valitse kunta"))] + [(m.code, m.name_fi) for m in Municipality.objects.order_by("name_fi")]


class RegistrationForm(Described, forms.Form):
    hetu = forms.CharField(
        label=_("Henkilötunnus"),
        max_length=64,
        help_text=_("11 merkkiä, esim. 010190-123A. Ei näy osoiteriville eikä lokeihin."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "inputmode": "text"}),
    )
    first_name = forms.CharField(label=_("Etunimet"), max_length=100)
    last_name = forms.CharField(label=_("Sukunimi"), max_length=100)
    municipality = forms.ChoiceField(label=_("Kotikunta"), choices=())
    service_language = forms.CharField(
        label=_("Asiointikieli"),
        initial="fi",
        max_length=3,
        help_text=_("ISO 639-1 -kielikoodi: fi, sv tai muu (esim. en, ru, ar)."),
    )
    preferred_language = forms.CharField(
        label=_("Äidinkieli"),
        required=False,
        max_length=3,
        help_text=_("ISO 639-1 -kielikoodi; tyhjä = asiointikieli."),
    )
    citizenship = forms.CharField(
        label=_("Kansalaisuus"), initial="FI", max_length=2, help_text=_("ISO 3166-1 -maakoodi, esim. FI, SE, UA.")
    )
    status = forms.ChoiceField(label=_("Tila"), choices=enums.JobseekerStatus.choices)
    job_search_started_on = forms.DateField(label=_("Työnhaku alkanut"), widget=forms.DateInput(attrs={"type": "date"}))
    unemployed_since = forms.DateField(
        label=_("Työttömyys alkanut"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Tyhjä = työnhaun alkupäivä (vain työttömille ja kokoaikaisesti lomautetuille)."),
    )
    previous_job_search_ended_on = forms.DateField(
        label=_("Edellinen työnhaku päättyi"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Jos edellisen työnhaun päättymisestä on alle 6 kuukautta, uutta alkuhaastattelua ei pidetä."),
    )
    phone = forms.CharField(label=_("Puhelin"), required=False, max_length=30)
    email = forms.CharField(label=_("Sähköposti"), required=False, max_length=254)
    street_address = forms.CharField(label=_("Katuosoite"), required=False, max_length=200)
    postal_code = forms.CharField(label=_("Postinumero"), required=False, max_length=5)
    post_town = forms.CharField(label=_("Postitoimipaikka"), required=False, max_length=100)
    preferred_channel = forms.ChoiceField(
        label=_("Ensisijainen yhteydenpitotapa"), choices=enums.Channel.choices, initial=enums.Channel.ONLINE
    )
    multisectoral = forms.BooleanField(label=_("Monialaisen palvelun (TYP) asiakas"), required=False)
    reduced_work_ability = forms.BooleanField(label=_("Vajaakuntoinen"), required=False)
    occupations = forms.CharField(
        label=_("Haetut ammatit"),
        required=False,
        help_text=_("ISCO-08-koodit pilkuilla erotettuina, esim. 5223, 9112."),
    )
    education_level = forms.ChoiceField(
        label=_("Koulutusaste"), choices=enums.EducationLevel.choices, initial=enums.EducationLevel.UNKNOWN
    )
    driving_licences = forms.MultipleChoiceField(
        label=_("Ajokorttiluokat"),
        required=False,
        choices=enums.DrivingLicence.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    willing_to_relocate = forms.BooleanField(label=_("Valmis muuttamaan työn perässä"), required=False)
    max_commute_km = forms.IntegerField(label=_("Enimmäistyömatka (km)"), required=False, min_value=0, max_value=1000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = municipality_choices()
        self.describe()

    def raw_values(self) -> dict:
        """The submitted values, typed where they parse, for the live check of a half-filled form."""
        values = {}
        for name, field in self.fields.items():
            raw = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            try:
                values[name] = field.clean(raw)
            except forms.ValidationError:
                values[name] = raw if not isinstance(field, forms.DateField | forms.IntegerField) else None
        return values


class HetuSearchForm(Described, forms.Form):
    hetu = forms.CharField(
        label=_("Henkilötunnus"),
        max_length=64,
        help_text=_("Haku henkilötunnuksella on aina tarkka haku."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


class SearchForm(Described, forms.Form):
    name = forms.CharField(label=_("Nimi"), required=False, max_length=100)
    municipality = forms.ChoiceField(label=_("Kotikunta"), required=False, choices=())
    status = forms.ChoiceField(
        label=_("Tila"), required=False, choices=[("", _("Kaikki"))] + enums.JobseekerStatus.choices
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [("", _("Kaikki"))] + municipality_choices()[1:]
        self.describe()


class ReassignForm(Described, forms.Form):
    counsellor = forms.ModelChoiceField(
        label=_("Uusi vastuuohjaaja"),
        queryset=None,
        empty_label=_("Valitse ohjaaja"),
        error_messages={"required": _("Valitse uusi vastuuohjaaja.")},
    )
    note = forms.CharField(
        label=_("Siirron peruste"),
        error_messages={"required": _("Kirjoita siirron peruste (vähintään 5 merkkiä).")},
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Peruste tallentuu vastuuohjaajahistoriaan."),
    )
    # The responsible counsellor shown when the form was opened: a change saved by someone else meanwhile is a
    # conflict, not silently overwritten.
    seen_counsellor = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, counsellors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counsellor"].queryset = counsellors
        self.fields["counsellor"].label_from_instance = self._label
        self.describe()

    @staticmethod
    def _label(user):
        team = user.team.name if user.team else user.home_municipality.name_fi
        return f"{user} ({team})"
