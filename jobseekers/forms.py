"""Forms: they type the input (dates, numbers, choices); the rules themselves are in services.clean_registration."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.languages import in_language
from jobseekers import changes, enums, names, registration
from organisation.models import Municipality


class Described:
    """Points every input at its help text and its error container, which the templates render with these ids."""

    def describe(self):
        for name, field in self.fields.items():
            ids = ([f"{name}-help"] if field.help_text else []) + [f"{name}-error"]
            if not isinstance(field.widget, forms.CheckboxSelectMultiple):
                field.widget.attrs["aria-describedby"] = " ".join(ids)


def municipality_choices():
    """Every municipality by its name in the page's language (Kajana on a Swedish page), in that name's order."""
    places = sorted(Municipality.objects.order_by("name_fi"), key=in_language)
    return [("", _("Valitse kunta"))] + [(m.code, in_language(m)) for m in places]


def _form_field(field: registration.Field) -> forms.Field:
    """The form's field for a declared registration field.

    A text or choice with a default is required on the form, which shows the default: the API may leave it out and get
    the default, but a person clearing it on the page most likely made a mistake.
    """
    initial = field.default if field.default not in (None, "", ()) else None
    required = field.required or (initial is not None and field.kind in ("text", "choice"))
    common = {"label": field.label, "required": required, "help_text": field.help_text}
    if field.kind == "municipality":
        return forms.ChoiceField(choices=(), **common)
    if field.kind == "choice":
        return forms.ChoiceField(choices=field.choices.choices, initial=initial, **common)
    if field.kind == "choices":
        return forms.MultipleChoiceField(choices=field.choices.choices, widget=forms.CheckboxSelectMultiple, **common)
    if field.kind == "date":
        return forms.DateField(widget=forms.DateInput(attrs={"type": "date"}), **common)
    if field.kind == "boolean":
        return forms.BooleanField(**{**common, "required": False})
    if field.kind == "integer":
        return forms.IntegerField(min_value=0, max_value=field.maximum, **common)
    if field.kind == "codes":
        return forms.CharField(**common)
    widget = None
    if field.secret:
        widget = forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "inputmode": "text"})
    return forms.CharField(max_length=field.max_length, initial=initial, widget=widget, **common)


class RegistrationForm(Described, forms.Form):
    """Fields from jobseekers.registration.FIELDS."""

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


RegistrationForm.base_fields.update({field.name: _form_field(field) for field in registration.FIELDS})


class HetuSearchForm(Described, forms.Form):
    hetu = forms.CharField(
        label=_("Henkilötunnus"),
        max_length=64,
        help_text=_("Haku henkilötunnuksella on aina tarkka haku. Välimerkin (-, A, Y …) voi jättää pois."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


# Finnish first, ISO as a pasted value or the API's form; the same list serves the page and the API.
BIRTH_DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d")
BIRTH_DATE_INVALID = _("Kirjoita syntymäaika muodossa 28.11.1990 tai 1990-11-28.")
HETU_AMBIGUOUS = _(
    "Henkilötunnus ilman välimerkkiä sopii usealle asiakkaalle: kirjoita se välimerkin kanssa (esim. 131052-308T)."
)
NAME_HAS_DIGITS = _("Nimessä ei voi olla numeroita: hae henkilötunnuksella sen omalla lomakkeella.")
# Per enums.STATUS_CONCEPTS key, the choice's label and the words of the search summary; a concept added there
# without them here fails on import.
CONCEPT_TEXTS = {
    "unemployed": (
        _("Työttömät (Tilastokeskuksen käsite)"),
        _("työttömät (Tilastokeskus: myös kokoaikaisesti lomautetut)"),
    )
}
CONCEPT_INVALID = _("Tuntematon tilaston käsite ”%(value)s”: valitse käsite listasta.")


class SearchForm(Described, forms.Form):
    name = forms.CharField(
        label=_("Nimi"),
        required=False,
        max_length=100,
        help_text=_(
            "Etu- ja sukunimi missä järjestyksessä tahansa, myös osa nimestä; ä, ö ja å voi kirjoittaa a:na ja o:na."
        ),
    )
    birth_date = forms.DateField(
        label=_("Syntymäaika"),
        required=False,
        input_formats=BIRTH_DATE_FORMATS,
        error_messages={"invalid": BIRTH_DATE_INVALID},
        help_text=_("Esimerkiksi 28.11.1990."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    municipality = forms.ChoiceField(label=_("Kotikunta"), required=False, choices=())
    status = forms.ChoiceField(
        label=_("Tila"), required=False, choices=[("", _("Kaikki"))] + enums.JobseekerStatus.choices
    )
    concept = forms.ChoiceField(
        label=_("Tilaston käsite"),
        required=False,
        choices=[("", _("Kaikki"))] + [(key, CONCEPT_TEXTS[key][0]) for key in enums.STATUS_CONCEPTS],
        error_messages={"invalid_choice": CONCEPT_INVALID},
        help_text=_(
            "Tilastokeskuksen työttömiin luetaan työttömät ja kokoaikaisesti lomautetut, ei lyhennetyllä työviikolla "
            "lomautettuja. Tila-valinta hakee vain yhden tilan."
        ),
    )
    overdue = forms.BooleanField(
        label=_("Vain myöhässä olevat"),
        required=False,
        help_text=_("Asiakkaat, joiden lakisääteinen tapaaminen on myöhässä."),
    )
    without_plan = forms.BooleanField(
        label=_("Ei työllistymissuunnitelmaa"), required=False, help_text=_("Asiakkaat, joilla ei ole suunnitelmaa.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [("", _("Kaikki"))] + municipality_choices()[1:]
        self.describe()

    def clean_name(self):
        # A number typed here is most likely an identity code, which belongs in the POSTed form, not in a GET URL.
        name = self.cleaned_data["name"]
        if names.has_digits(name):
            raise forms.ValidationError(NAME_HAS_DIGITS)
        return name


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


class EditForm(Described, forms.Form):
    """The editable registration fields (changes.EDITABLE), the day a status change took effect, and a reason."""

    status_effective_on = forms.DateField(
        label=_("Tilan muutos voimassa alkaen"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Vain kun tila muuttuu; tyhjä = tänään."),
    )
    reason = forms.CharField(
        label=_("Muutoksen peruste"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Tallentuu muutoshistoriaan."),
    )
    # When the form was opened: a save by someone else meanwhile is a conflict, not silently overwritten.
    seen_version = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = municipality_choices()
        self.describe()

    def changed_values(self) -> dict:
        """The edited fields whose value differs from the record's (the service decides what really changed)."""
        data = {name: self.cleaned_data[name] for name in self.changed_data if name in registration.BY_NAME}
        for name in ("status_effective_on", "reason"):
            if self.cleaned_data.get(name):
                data[name] = self.cleaned_data[name]
        return data


def edit_initial(jobseeker) -> dict:
    """The form's initial values from the record (codes lists as the comma-separated text the form takes)."""
    initial = {"seen_version": changes.version(jobseeker)}
    for name in EditForm.base_fields:
        if name not in registration.BY_NAME:
            continue
        value = jobseeker.municipality.code if name == "municipality" else getattr(jobseeker, name)
        initial[name] = ", ".join(value) if registration.BY_NAME[name].kind == "codes" else value
    return initial


class EndJobSearchForm(Described, forms.Form):
    ended_on = forms.DateField(
        label=_("Työnhaku päättyi"),
        error_messages={"required": _("Pakollinen tieto puuttuu.")},
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Ei tulevaisuudessa eikä ennen työnhaun alkamista."),
    )
    reason = forms.ChoiceField(
        label=_("Päättymisen syy"),
        choices=[("", _("Valitse syy"))] + enums.JobSearchEndReason.choices,
        error_messages={"required": _("Valitse päättymisen syy.")},
    )
    note = forms.CharField(
        label=_("Lisätiedot"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Tallentuu muutoshistoriaan."),
    )
    # As in EditForm: a change saved by someone else after the form was opened is a conflict.
    seen_version = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


class BalanceForm(Described, forms.Form):
    """Several clients to one counsellor; the clients are the ids ticked on the page (checked against scope)."""

    jobseekers = forms.TypedMultipleChoiceField(
        label=_("Siirrettävät asiakkaat"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    counsellor = forms.ModelChoiceField(
        label=_("Uusi vastuuohjaaja"),
        queryset=None,
        required=False,
        empty_label=_("Valitse ohjaaja"),
    )
    note = forms.CharField(
        label=_("Siirron peruste"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Peruste tallentuu jokaisen siirretyn asiakkaan vastuuohjaajahistoriaan."),
    )

    # Each listed client's responsible counsellor as the page showed it, in a hidden field named SEEN + the client's
    # id (empty: none): someone else's move meanwhile is then a conflict, not silently overwritten.
    SEEN = "nahty-"

    def __init__(self, *args, clients, counsellors, caseloads, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jobseekers"].choices = [(j.pk, str(j)) for j in clients]
        self.fields["counsellor"].queryset = counsellors
        self.fields["counsellor"].label_from_instance = lambda user: caseloads.get(user.pk, str(user))
        self.describe()

    def clean(self):
        cleaned = super().clean()
        seen = {}
        for pk in cleaned.get("jobseekers") or []:
            value = self.data.get(f"{self.SEEN}{pk}")
            if value is None or not (value == "" or value.isdigit()):
                self.add_error("jobseekers", _("Sivu on vanhentunut: lataa se uudelleen ja valitse asiakkaat."))
                break
            seen[pk] = int(value) if value else None
        cleaned["seen_counsellor_ids"] = seen
        return cleaned


EditForm.base_fields = {
    **{name: _form_field(registration.BY_NAME[name]) for name in changes.EDITABLE},
    **EditForm.base_fields,
}
