"""Forms of the employer and vacancy pages: they type the input; the rules are in employers/services.py. Field names
are the service's (and the API's), so a service error lands on its field."""

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from employers import enums, industries, selectors
from organisation import selectors as organisation_selectors


class Described:
    """Points every input at its help text and its error container, which employers/_field.html renders."""

    def describe(self):
        for name, field in self.fields.items():
            ids = ([f"{self.add_prefix(name)}-help"] if field.help_text else []) + [f"{self.add_prefix(name)}-error"]
            if not isinstance(field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                field.widget.attrs["aria-describedby"] = " ".join(ids)


def _date_widget():
    # A native date picker sends and shows ISO dates whatever the page's language.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def municipality_choices(user, empty_label):
    return [("", empty_label)] + [(m.code, m.name_fi) for m in organisation_selectors.municipalities(user)]


def industry_choices():
    language = get_language() or "fi"
    return [("", _("Ei tiedossa"))] + [(code, industries.label(code, language)) for code in industries.industries()]


class EmployerForm(Described, forms.Form):
    name = forms.CharField(label=_("Nimi"), max_length=200)
    business_id = forms.CharField(label=_("Y-tunnus"), max_length=20, help_text=_("Muodossa 1234567-8."))
    municipality = forms.ChoiceField(label=_("Kunta"), choices=())
    industry = forms.ChoiceField(label=_("Toimiala (TOL 2008)"), choices=(), required=False)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = municipality_choices(user, _("Valitse kunta"))
        self.fields["industry"].choices = industry_choices()
        self.describe()


class ContactForm(Described, forms.Form):
    name = forms.CharField(label=_("Nimi"), max_length=200)
    title = forms.CharField(label=_("Tehtävä"), max_length=200, required=False)
    phone = forms.CharField(label=_("Puhelin"), max_length=40, required=False)
    email = forms.EmailField(label=_("Sähköposti"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


ContactFormSet = forms.formset_factory(ContactForm, extra=1, can_delete=True, max_num=20, validate_max=True)


def contacts_of(formset) -> list[dict]:
    """The contact rows the formset keeps: filled in and not marked for removal."""
    return [
        {name: form.cleaned_data.get(name, "") for name in ("name", "title", "phone", "email")}
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class VacancyForm(Described, forms.Form):
    employer = forms.ModelChoiceField(label=_("Työnantaja"), queryset=None, empty_label=_("Valitse työnantaja"))
    title = forms.CharField(label=_("Tehtävänimike"), max_length=200)
    occupation = forms.CharField(
        label=_("Ammattiryhmä (ISCO-08)"),
        max_length=4,
        help_text=_("Kirjoita ammatin nimeä tai koodia ja valitse ehdotuksista; tallentuu nelinumeroisena koodina."),
    )
    description = forms.CharField(label=_("Kuvaus"), widget=forms.Textarea(attrs={"rows": 5}), required=False)
    municipality = forms.ChoiceField(
        label=_("Työpaikan kunta"),
        choices=(),
        help_text=_("Alueen kunta, jonka työnantajapalvelut vastaavat työpaikasta."),
    )
    workplace_outside_area = forms.ChoiceField(
        label=_("Työpaikka alueen ulkopuolella"),
        choices=(),
        required=False,
        help_text=_(
            "Naapurialueen keskus, jos työ tehdään alueen ulkopuolella: etäisyys lasketaan siihen, ei yllä "
            "valittuun kuntaan."
        ),
    )
    workplace_address = forms.CharField(label=_("Työpaikan osoite"), max_length=300, required=False)
    positions = forms.IntegerField(label=_("Paikkoja"), min_value=1, max_value=999, initial=1)
    working_time = forms.ChoiceField(
        label=_("Työaika"), choices=enums.WorkingTime.choices, widget=forms.RadioSelect, initial="full_time"
    )
    employment_type = forms.ChoiceField(
        label=_("Työsuhteen kesto"), choices=enums.EmploymentType.choices, widget=forms.RadioSelect, initial="permanent"
    )
    start_date = forms.DateField(label=_("Alkamispäivä"), widget=_date_widget(), required=False)
    application_deadline = forms.DateField(label=_("Hakuaika päättyy"), widget=_date_widget(), required=False)
    required_languages = forms.MultipleChoiceField(
        label=_("Vaadittu kielitaito"),
        choices=enums.Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    wished_languages = forms.MultipleChoiceField(
        label=_("Toivottu kielitaito"),
        choices=enums.Language.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    required_driving_licences = forms.MultipleChoiceField(
        label=_("Vaaditut ajokorttiluokat"),
        choices=enums.DrivingLicence.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    required_cards = forms.MultipleChoiceField(
        label=_("Vaaditut kortit ja pätevyydet"),
        choices=enums.Card.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    remote_possible = forms.BooleanField(label=_("Etätyö mahdollinen"), required=False)
    international_recruitment = forms.BooleanField(label=_("Kansainvälinen rekrytointi (EURES)"), required=False)
    status = forms.ChoiceField(
        label=_("Tila"),
        choices=[(status.value, status.label) for status in enums.INITIAL_STATUSES],
        initial=enums.VacancyStatus.OPEN,
        widget=forms.RadioSelect,
        help_text=_("Luonnos ei näy avoimena ennen kuin se julkaistaan."),
    )

    def __init__(self, *args, user, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].queryset = selectors.employers(user).order_by("name")
        self.fields["municipality"].choices = municipality_choices(user, _("Valitse kunta"))
        centres = selectors.neighbouring_centres(user)
        saved = self.initial.get("workplace_outside_area")
        if saved and saved not in centres:
            # The saved centre has left the road-distance table: without its option the page would show "in the
            # area" and a save would move the work there unasked; kept, the save is refused on this field.
            centres = {**centres, saved: saved}
        self.fields["workplace_outside_area"].choices = [("", _("Ei – työpaikka on alueella"))] + list(centres.items())
        if editing:
            # A saved vacancy changes state by its own actions (publish, fill, close), not by editing.
            del self.fields["status"]
        self.describe()


class VacancyFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Tila"), required=False)
    municipality = forms.ChoiceField(label=_("Kunta"), required=False)
    occupation = forms.RegexField(
        label=_("Ammattiryhmä (koodin alku)"), regex=r"^[0-9]{1,4}$", max_length=4, required=False
    )
    sort = forms.ChoiceField(required=False, widget=forms.HiddenInput, choices=())

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Kaikki"))] + enums.VacancyStatus.choices
        self.fields["municipality"].choices = municipality_choices(user, _("Kaikki"))
        self.fields["sort"].choices = [(key, key) for key in selectors.VACANCY_SORTS]

    def filters(self) -> selectors.VacancyFilters:
        data = self.cleaned_data
        return selectors.VacancyFilters(
            status=data.get("status", ""),
            municipality=data.get("municipality", ""),
            occupation=data.get("occupation", ""),
            sort=data.get("sort") or selectors.DEFAULT_SORT,
        )


class StatusForm(forms.Form):
    status = forms.ChoiceField(choices=enums.VacancyStatus.choices)
