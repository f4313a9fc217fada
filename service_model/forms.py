"""Forms type the input; the rules (double booking, the plan review, a reason for a lowered obligation) are in
the services, whose field errors the views put back on these forms."""

import contextlib
from datetime import datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from jobseekers import selectors as jobseeker_selectors
from jobseekers.enums import CounsellorPurpose
from jobseekers.forms import Described
from organisation.models import Office
from service_model import enums
from service_model.today import parse_day

DATE_INPUT = {"type": "date"}
TIME_INPUT = {"type": "time", "step": 300}


def combine(day, moment) -> datetime:
    return timezone.make_aware(datetime.combine(day, moment))


class BookingForm(Described, forms.Form):
    meeting_type = forms.ChoiceField(label=_("Tapaamisen tyyppi"), choices=enums.MeetingType.choices)
    channel = forms.ChoiceField(label=_("Asiointitapa"), choices=enums.Channel.choices)
    day = forms.DateField(label=_("Päivä"), widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"))
    start = forms.TimeField(label=_("Kellonaika"), widget=forms.TimeInput(attrs=TIME_INPUT, format="%H:%M"))
    duration_minutes = forms.IntegerField(label=_("Kesto (min)"), min_value=5, max_value=480, initial=45)
    office = forms.ModelChoiceField(
        label=_("Toimipiste"),
        queryset=Office.objects.none(),
        required=False,
        empty_label=_("Ei toimipistettä (etätapaaminen)"),
        help_text=_("Pakollinen, kun tapaaminen on kasvokkain."),
    )
    counsellor = forms.ModelChoiceField(label=_("Ohjaaja"), queryset=User.objects.none(), empty_label=None)

    def __init__(self, *args, jobseeker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = Office.objects.filter(area_id=jobseeker.area_id).order_by("name")
        self.fields["counsellor"].queryset = jobseeker_selectors.counsellors_for(jobseeker, CounsellorPurpose.MEETING)
        self.fields["counsellor"].label_from_instance = str
        self.describe()

    @property
    def planned_at(self) -> datetime:
        return combine(self.cleaned_data["day"], self.cleaned_data["start"])


def plan_goal_field() -> forms.CharField:
    return forms.CharField(
        label=_("Työllistymissuunnitelman tavoite"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Alkuhaastattelussa laaditaan suunnitelma: kirjaa sen tavoite, jos suunnitelmaa ei vielä ole."),
    )


class RecordForm(Described, forms.Form):
    """Recording a booked meeting: held, did not attend, or cancelled."""

    OUTCOMES = [
        (enums.MeetingState.HELD.value, _("Pidetty")),
        (enums.MeetingState.DID_NOT_ATTEND.value, _("Asiakas ei saapunut")),
        (enums.MeetingState.CANCELLED.value, _("Peruttu")),
    ]
    result = forms.ChoiceField(
        label=_("Kirjaus"), choices=OUTCOMES, widget=forms.RadioSelect, initial=enums.MeetingState.HELD.value
    )
    held_day = forms.DateField(
        label=_("Pitopäivä"), required=False, widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d")
    )
    held_time = forms.TimeField(
        label=_("Kellonaika"), required=False, widget=forms.TimeInput(attrs=TIME_INPUT, format="%H:%M")
    )
    channel = forms.ChoiceField(label=_("Asiointitapa"), choices=enums.Channel.choices)
    outcome = forms.CharField(
        label=_("Tulos"), required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text=_("Mitä sovittiin.")
    )
    plan_review = forms.CharField(
        label=_("Työllistymissuunnitelman läpikäynti"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Pakollinen keskustelussa: suunnitelma käydään läpi jokaisessa keskustelussa."),
    )
    plan_goal = plan_goal_field()
    cancel_reason = forms.CharField(
        label=_("Peruutuksen syy"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()

    def held_at(self, default: datetime) -> datetime:
        local = timezone.localtime(default)
        day = self.cleaned_data.get("held_day") or local.date()
        moment = self.cleaned_data.get("held_time") or local.time().replace(second=0, microsecond=0)
        return combine(day, moment)


class WalkInForm(Described, forms.Form):
    """A meeting held without a booking (e.g. a phone call today)."""

    meeting_type = forms.ChoiceField(label=_("Tapaamisen tyyppi"), choices=enums.MeetingType.choices)
    channel = forms.ChoiceField(label=_("Asiointitapa"), choices=enums.Channel.choices)
    day = forms.DateField(label=_("Pitopäivä"), widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"))
    start = forms.TimeField(label=_("Kellonaika"), widget=forms.TimeInput(attrs=TIME_INPUT, format="%H:%M"))
    duration_minutes = forms.IntegerField(label=_("Kesto (min)"), min_value=5, max_value=480, initial=45)
    office = forms.ModelChoiceField(
        label=_("Toimipiste"), queryset=Office.objects.none(), required=False, empty_label=_("Ei toimipistettä")
    )
    outcome = forms.CharField(label=_("Tulos"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    plan_review = forms.CharField(
        label=_("Työllistymissuunnitelman läpikäynti"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Pakollinen keskustelussa."),
    )
    plan_goal = plan_goal_field()

    def __init__(self, *args, jobseeker, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = Office.objects.filter(area_id=jobseeker.area_id).order_by("name")
        self.describe()

    @property
    def held_at(self) -> datetime:
        return combine(self.cleaned_data["day"], self.cleaned_data["start"])


class PlanForm(Described, forms.Form):
    goal = forms.CharField(label=_("Tavoite"), widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


class TaskForm(Described, forms.Form):
    title = forms.CharField(label=_("Uusi tehtävä"), max_length=200)
    due_on = forms.DateField(
        label=_("Määräpäivä"), required=False, widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


class ObligationForm(Described, forms.Form):
    applications = forms.IntegerField(label=_("Haettavia työpaikkoja"), min_value=0, max_value=50)
    period_months = forms.IntegerField(label=_("Tarkastelujakso (kk)"), min_value=1, max_value=12)
    starts_on = forms.DateField(label=_("Alkaa"), widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"))
    lowered_reason = forms.CharField(
        label=_("Alentamisen peruste"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Pakollinen, kun velvoite on pienempi kuin lain pääsääntö."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


class ApplicationForm(Described, forms.Form):
    applied_on = forms.DateField(label=_("Hakupäivä"), widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"))
    employer = forms.CharField(label=_("Työnantaja"), max_length=200)
    job_title = forms.CharField(label=_("Tehtävä"), max_length=200)
    vacancy_reference = forms.CharField(label=_("Ilmoituksen tunniste tai osoite"), max_length=300, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


class ProfileForm(Described, forms.Form):
    published_on = forms.DateField(
        label=_("Julkaisupäivä"), widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d")
    )
    published_by = forms.ChoiceField(label=_("Julkaisija"), choices=enums.ProfilePublisher.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


def default_start() -> time:
    return time(9, 0)


QUARTER_INPUT = {"type": "time", "step": 900}


class WorkingHoursForm(Described, forms.Form):
    start = forms.TimeField(
        label=_("Työaika alkaa"), widget=forms.TimeInput(attrs=QUARTER_INPUT, format="%H:%M"), required=False
    )
    end = forms.TimeField(
        label=_("Työaika päättyy"),
        widget=forms.TimeInput(attrs=QUARTER_INPUT, format="%H:%M"),
        required=False,
        help_text=_("Arkipäivisin klo 6–20, 15 minuutin välein."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


class MoveForm(Described, forms.Form):
    """Moving a booked meeting to another time (the booking's rules apply)."""

    day = forms.DateField(label=_("Päivä"), widget=forms.DateInput(attrs=DATE_INPUT, format="%Y-%m-%d"))
    start = forms.TimeField(label=_("Kellonaika"), widget=forms.TimeInput(attrs=TIME_INPUT, format="%H:%M"))
    duration_minutes = forms.IntegerField(label=_("Kesto (min)"), min_value=5, max_value=480)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()

    @property
    def planned_at(self) -> datetime:
        return combine(self.cleaned_data["day"], self.cleaned_data["start"])


def chosen_slot(query, jobseeker) -> dict:
    """The day, time and counsellor of a slot picked from the agenda or the suggestions (`?paiva=&klo=&ohjaaja=`),
    as the booking form's initial values; what is missing or not understood is left out."""
    chosen = {}
    if day := parse_day(query.get("paiva")):
        chosen["day"] = day
    with contextlib.suppress(ValueError):
        chosen["start"] = time.fromisoformat(query.get("klo", ""))
    counsellor = query.get("ohjaaja", "")
    if counsellor.isdigit() and (
        jobseeker_selectors.counsellors_for(jobseeker, CounsellorPurpose.MEETING).filter(pk=int(counsellor)).exists()
    ):
        chosen["counsellor"] = int(counsellor)
    return chosen
