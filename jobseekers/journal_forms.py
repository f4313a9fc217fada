"""Forms of the client journal: they type the input; the rules are in jobseekers/journal.py."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from jobseekers import enums, journal_selectors
from jobseekers.forms import Described
from jobseekers.journal import MAX_TEXT_LENGTH

# The card's form says where to come back to after adding an entry; anything else returns to the journal.
BACK_TO_CARD = "kortti"


def _date_widget():
    # A native date picker sends and shows ISO dates whatever the page's language.
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _meeting_label(meeting) -> str:
    return (
        f"{date_format(localtime(meeting.planned_at), 'SHORT_DATETIME_FORMAT')} – {meeting.get_meeting_type_display()}"
    )


class EntryForm(Described, forms.Form):
    kind = forms.ChoiceField(label=_("Laji"), choices=enums.JournalEntryKind.choices)
    entry_date = forms.DateField(
        label=_("Päivä"), widget=_date_widget(), help_text=_("Tapahtuman päivä; ei tulevaisuudessa.")
    )
    text = forms.CharField(
        label=_("Teksti"), max_length=MAX_TEXT_LENGTH, widget=forms.Textarea(attrs={"rows": 4}), strip=True
    )
    meeting = forms.ChoiceField(label=_("Liittyy tapaamiseen"), required=False)

    def __init__(self, *args, meetings=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].choices = [("", _("ei tapaamista"))] + [(m.pk, _meeting_label(m)) for m in meetings]
        self.describe()


class FilterForm(forms.Form):
    text = forms.CharField(label=_("Teksti sisältää"), required=False, max_length=200)
    kind = forms.ChoiceField(
        label=_("Laji"), required=False, choices=[("", _("kaikki")), *enums.JournalEntryKind.choices]
    )
    since = forms.DateField(label=_("Alkaen"), required=False, widget=_date_widget())
    until = forms.DateField(label=_("Päättyen"), required=False, widget=_date_widget())

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("Päättymispäivä on ennen alkamispäivää."))
        return cleaned


def entry_form(user, jobseeker, data=None, initial=None) -> EntryForm:
    """The form of a new entry (or of a correction, from `initial`), offering the job seeker's meetings."""
    return EntryForm(
        data,
        initial=initial or {"entry_date": timezone.localdate(), "kind": enums.JournalEntryKind.NOTE},
        meetings=journal_selectors.meetings_to_link(user, jobseeker),
        auto_id="merkinta-%s",
    )
