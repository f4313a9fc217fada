"""The planning pages' inputs: the choices of a page (GET) and a scenario with its changes (POST)."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from planning import capacity, workload
from planning.enums import Basis, ChangeKind, Source
from service_model.rule_sets import MeetingType

# Rows of changes offered by the scenario form; the API takes any number up to services.MAX_CHANGES.
FORM_CHANGES = 5
_SHARE = {"min_value": 0, "max_value": 1, "decimal_places": 3}


class ViewForm(forms.Form):
    """What a capacity or workload page shows; every field has a default, so an empty query is valid."""

    source = forms.ChoiceField(label=_("Asiakasmäärän lähde"), choices=Source.choices, required=False)
    basis = forms.ChoiceField(label=_("Htv"), choices=Basis.choices, required=False)
    clients_per_unemployed = forms.DecimalField(
        label=_("Asiakkaita per työtön (tilastoista)"),
        min_value=Decimal("0.1"),
        max_value=10,
        decimal_places=2,
        required=False,
    )

    def value(self, name):
        data = self.cleaned_data if self.is_valid() else {}
        defaults = {
            "source": Source.REGISTRY,
            "basis": Basis.PLANNED_LOW,
            "clients_per_unemployed": capacity.CLIENTS_PER_UNEMPLOYED,
        }
        return data.get(name) or defaults[name]


_DEFAULT = workload.DEFAULTS


class WorkloadForm(ViewForm):
    """The workload model's parameters, each prefilled with its documented default (docs/planning.md)."""

    month = forms.DateField(
        label=_("Kuukausi"), required=False, widget=forms.DateInput(attrs={"type": "month"}), input_formats=["%Y-%m"]
    )
    hours_per_day = forms.DecimalField(label=_("Työtunteja päivässä"), min_value=1, max_value=12, required=False)
    absence_share = forms.DecimalField(label=_("Lomien ja poissaolojen osuus"), required=False, **_SHARE)
    client_work_share = forms.DecimalField(label=_("Asiakastyön osuus työajasta"), required=False, **_SHARE)
    monthly_inflow_share = forms.DecimalField(label=_("Uusia työnhakuja kuukaudessa, osuus"), required=False, **_SHARE)
    followed_share = forms.DecimalField(label=_("Seurattavien osuus asiakkaista"), required=False, **_SHARE)
    minutes_initial = forms.IntegerField(
        label=_("Alkuhaastattelu, min (kasvokkain)"), min_value=0, max_value=600, required=False
    )
    minutes_discussion = forms.IntegerField(
        label=_("Työnhakukeskustelu, min (kasvokkain)"), min_value=0, max_value=600, required=False
    )
    minutes_supplementary = forms.IntegerField(
        label=_("Täydentävä keskustelu, min (kasvokkain)"), min_value=0, max_value=600, required=False
    )

    def parameters(self) -> workload.Parameters:
        """The parameters as entered; a face-to-face minute figure scales that meeting type's other channels alike."""
        data = self.cleaned_data if self.is_valid() else {}

        def pick(name, default):
            value = data.get(name)
            return default if value is None else value

        minutes = {}
        for meeting_type, name in (
            (MeetingType.INITIAL_INTERVIEW, "minutes_initial"),
            (MeetingType.JOB_SEARCH_DISCUSSION, "minutes_discussion"),
            (MeetingType.SUPPLEMENTARY_DISCUSSION, "minutes_supplementary"),
        ):
            default = _DEFAULT.minutes[meeting_type]
            face = default[workload.Channel.FACE_TO_FACE]
            chosen = pick(name, face)
            minutes[meeting_type] = {c: round(m * chosen / face) for c, m in default.items()}
        return workload.Parameters(
            minutes=minutes,
            hours_per_day=pick("hours_per_day", _DEFAULT.hours_per_day),
            absence_share=pick("absence_share", _DEFAULT.absence_share),
            client_work_share=pick("client_work_share", _DEFAULT.client_work_share),
            monthly_inflow_share=pick("monthly_inflow_share", _DEFAULT.monthly_inflow_share),
            followed_share=pick("followed_share", _DEFAULT.followed_share),
        )

    @classmethod
    def defaults(cls) -> dict:
        face = workload.Channel.FACE_TO_FACE
        return {
            "hours_per_day": _DEFAULT.hours_per_day,
            "absence_share": _DEFAULT.absence_share,
            "client_work_share": _DEFAULT.client_work_share,
            "monthly_inflow_share": _DEFAULT.monthly_inflow_share,
            "followed_share": _DEFAULT.followed_share,
            "minutes_initial": _DEFAULT.minutes[MeetingType.INITIAL_INTERVIEW][face],
            "minutes_discussion": _DEFAULT.minutes[MeetingType.JOB_SEARCH_DISCUSSION][face],
            "minutes_supplementary": _DEFAULT.minutes[MeetingType.SUPPLEMENTARY_DISCUSSION][face],
        }


class ChangeForm(forms.Form):
    """One row of the scenario form; the service checks it (services.create_scenario), the form only lays it out."""

    kind = forms.ChoiceField(label=_("Muutos"), choices=[("", "—"), *ChangeKind.choices], required=False)
    municipality = forms.ChoiceField(label=_("Kunta"), required=False)
    month = forms.CharField(label=_("Kuukausi (VVVV-KK)"), required=False, widget=forms.TextInput(attrs={"size": 7}))
    employer = forms.CharField(label=_("Työnantaja"), required=False)
    people = forms.CharField(label=_("Henkilöitä"), required=False, widget=forms.TextInput(attrs={"size": 6}))
    share_registering = forms.CharField(
        label=_("Ilmoittautuu työnhakijaksi, osuus"), required=False, widget=forms.TextInput(attrs={"size": 5})
    )
    monthly_outflow = forms.CharField(
        label=_("Työllistyy kuukaudessa, osuus"), required=False, widget=forms.TextInput(attrs={"size": 5})
    )
    percent = forms.CharField(label=_("Muutos, %"), required=False, widget=forms.TextInput(attrs={"size": 5}))
    fte = forms.CharField(label=_("Htv-muutos"), required=False, widget=forms.TextInput(attrs={"size": 5}))

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [("", "—"), *municipalities]

    def is_blank(self) -> bool:
        return not any((self.data.get(self.add_prefix(name)) or "").strip() for name in self.fields)


# Defaults of the phone service's target (docs/planning.md): the "80 % answered within 20 s", five minutes a
# call including wrap-up, 30 % of rostered time away from the line. Assumptions; the plan gives no figures.
PHONE_DEFAULTS = {
    "average_handling_seconds": 300,
    "target_answer_seconds": 20,
    "target_service_level": "0,8",
    "shrinkage": "0,3",
}


class PhoneImportForm(forms.Form):
    """A week of volumes with its target; the service checks every field and row (phone_services.import_week)."""

    name = forms.CharField(label=_("Viikon nimi"), max_length=200, required=False)
    file = forms.FileField(label=_("CSV-tiedosto (weekday,hour,calls)"), required=False)
    volumes = forms.CharField(
        label=_("tai rivit tähän (weekday,hour,calls)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "cols": 40}),
    )
    average_handling_seconds = forms.CharField(label=_("Keskimääräinen käsittelyaika, s"), required=False)
    target_answer_seconds = forms.CharField(label=_("Vastausaikatavoite, s"), required=False)
    target_service_level = forms.CharField(label=_("Palvelutasotavoite (osuus 0–1)"), required=False)
    shrinkage = forms.CharField(label=_("Poissaolokerroin (osuus 0–0,95)"), required=False)

    @classmethod
    def defaults(cls) -> dict:
        return dict(PHONE_DEFAULTS)


WEEKDAY_CHOICES = [
    ("1", _("maanantai")),
    ("2", _("tiistai")),
    ("3", _("keskiviikko")),
    ("4", _("torstai")),
    ("5", _("perjantai")),
    ("6", _("lauantai")),
    ("7", _("sunnuntai")),
]


class RotaForm(forms.Form):
    """A rota entry's layout; phone_services.add_rota_entry checks it."""

    municipality = forms.ChoiceField(label=_("Kunta"), required=False)
    weekday = forms.ChoiceField(label=_("Viikonpäivä"), choices=WEEKDAY_CHOICES, required=False)
    start_hour = forms.CharField(label=_("Alkaen, tunti"), required=False, widget=forms.TextInput(attrs={"size": 3}))
    end_hour = forms.CharField(label=_("Päättyen, tunti"), required=False, widget=forms.TextInput(attrs={"size": 3}))
    agents = forms.CharField(label=_("Vastaajia"), required=False, widget=forms.TextInput(attrs={"size": 3}))

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = [("", "—"), *municipalities]
