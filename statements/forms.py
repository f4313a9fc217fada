"""Forms of the statement pages: they type the input; the rules are in statements/services.py. Field names are the
service's (and the API's), so a service error lands on its field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from jobseekers.forms import Described
from statements import enums, selectors
from statements.services import MAX_TEXT


def _date_widget():
    # A native date picker sends and shows ISO dates whatever the page's language.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _text_field(label, help_text="", rows=4):
    return forms.CharField(
        label=label, max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": rows}), help_text=help_text
    )


class StatementForm(Described, forms.Form):
    case_type = forms.ChoiceField(label=_("Asia"), choices=enums.CaseType.choices)
    conduct_on = forms.DateField(
        label=_("Menettelyn päivä"),
        widget=_date_widget(),
        help_text=_("Päivä, jona laiminlyönti tai kieltäytyminen tapahtui."),
    )
    facts = _text_field(_("Tapahtumien kuvaus"), _("Mitä tapahtui ja mistä tieto on peräisin."))
    payer = forms.ChoiceField(label=_("Maksaja"), choices=enums.Payer.choices, widget=forms.RadioSelect)
    payer_name = forms.CharField(
        label=_("Työttömyyskassan nimi"),
        required=False,
        max_length=200,
        help_text=_("Vain kun maksaja on työttömyyskassa."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


class HearingForm(Described, forms.Form):
    hearing_question = _text_field(_("Selvityspyyntö"), _("Mitä työnhakijalta kysytään; lähetetään hänelle."))
    reply_due_on = forms.DateField(
        label=_("Vastauksen määräpäivä"), widget=_date_widget(), help_text=_("Tulevaisuudessa oleva päivä.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


class ReplyForm(Described, forms.Form):
    reply = _text_field(_("Työnhakijan selvitys"))
    reply_received_on = forms.DateField(label=_("Selvitys saatu"), widget=_date_widget())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


VALID_REASON_CHOICES = [("no", _("Ei pätevää syytä")), ("yes", _("Pätevä syy"))]


class ProposalForm(Described, forms.Form):
    """The official's own judgement: the system records the finding and its reasons, it does not make it."""

    valid_reason = forms.TypedChoiceField(
        label=_("Oliko työnhakijalla pätevä syy?"),
        choices=VALID_REASON_CHOICES,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    judgement = _text_field(_("Perustelut"), _("Miksi syy on tai ei ole pätevä; selvitys ja tapahtumat huomioiden."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


class DecisionForm(Described, forms.Form):
    APPROVE = "approve"
    RETURN = "return"

    decision = forms.ChoiceField(
        label=_("Ratkaisu"),
        choices=[(APPROVE, _("Hyväksy lausunto")), (RETURN, _("Palauta valmistelijalle"))],
        widget=forms.RadioSelect,
    )
    return_reason = forms.CharField(
        label=_("Palautuksen syy"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Pakollinen, kun lausunto palautetaan."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


class FilterForm(forms.Form):
    state = forms.ChoiceField(
        label=_("Tila"), required=False, choices=[("", _("kaikki")), *enums.StatementState.choices]
    )
    case_type = forms.ChoiceField(label=_("Asia"), required=False, choices=[("", _("kaikki")), *enums.CaseType.choices])
    sort = forms.ChoiceField(required=False, choices=[(key, key) for key in selectors.SORTS], widget=forms.HiddenInput)

    def filters(self) -> selectors.StatementFilters:
        data = self.cleaned_data
        return selectors.StatementFilters(
            state=data["state"], case_type=data["case_type"], sort=data["sort"] or selectors.DEFAULT_SORT
        )
