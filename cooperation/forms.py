"""Forms of the cooperation pages: they type the input; the rules are in cooperation/services. Field names are the
services' (and the API's), so a service error lands on its field. Several forms share a page (an agenda's items), so
help and error containers are named by the field's prefixed id."""

from django import forms
from django.utils.translation import gettext_lazy as _

from common.formatting import local_date
from cooperation import enums
from cooperation.services.fields import MAX_TEXT
from cooperation.services.procurement import MAX_PLACES
from organisation.enums import TargetGroup


class Described:
    def describe(self):
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            ids = ([f"{auto_id}-help"] if field.help_text else []) + [f"{auto_id}-error"]
            if not isinstance(field.widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                field.widget.attrs["aria-describedby"] = " ".join(ids)


class Form(Described, forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe()


def _date(label, required=True, help_text=""):
    # A native date picker sends and shows ISO dates whatever the page's language.
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def _text(label, required=True, help_text="", rows=3):
    return forms.CharField(
        label=label,
        required=required,
        max_length=MAX_TEXT,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def _blank(label):
    return [("", label)]


class NeedForm(Form):
    municipality = forms.ChoiceField(label=_("Kunta"), choices=())
    service_type = forms.ChoiceField(label=_("Palvelu"), choices=enums.ServiceType.choices)
    target_group = forms.ChoiceField(label=_("Kohderyhmä"), choices=TargetGroup.choices)
    places = forms.IntegerField(label=_("Paikkoja"), min_value=1, max_value=MAX_PLACES)
    urgency = forms.ChoiceField(
        label=_("Kiireellisyys"), choices=enums.Urgency.choices, initial=enums.Urgency.NORMAL, widget=forms.RadioSelect
    )
    justification = _text(_("Perustelu"), help_text=_("Mitä asiakkaiden tarvetta palvelu vastaisi ja miksi nyt."))

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = _blank(_("Valitse kunta")) + [(m.code, m.name_fi) for m in municipalities]


class NeedFilterForm(Form):
    municipality = forms.ChoiceField(label=_("Kunta"), choices=(), required=False)
    state = forms.ChoiceField(label=_("Tila"), choices=_blank(_("Kaikki")) + enums.NeedState.choices, required=False)
    service_type = forms.ChoiceField(
        label=_("Palvelu"), choices=_blank(_("Kaikki")) + enums.ServiceType.choices, required=False
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = _blank(_("Kaikki")) + [(m.code, m.name_fi) for m in municipalities]


class MeetingForm(Form):
    held_on = _date(_("Kokouspäivä"))
    place = forms.CharField(label=_("Paikka"), max_length=200, required=False)
    notes = _text(_("Muistio"), required=False)


class AgendaForm(Form):
    need = forms.ChoiceField(label=_("Palvelutarve"), choices=())

    def __init__(self, *args, needs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = _blank(_("Valitse palvelutarve")) + [
            (n.pk, f"{local_date(n.raised_on)} {n} – {n.get_urgency_display()}") for n in needs
        ]


class HandlingForm(Form):
    handling = forms.ChoiceField(label=_("Käsittely"), choices=enums.Handling.choices, widget=forms.RadioSelect)
    reason = _text(_("Perustelu"), required=False, help_text=_("Pakollinen, kun tarve hylätään."), rows=2)


class ProcurementForm(Form):
    title = forms.CharField(label=_("Nimi"), max_length=200)
    service_type = forms.ChoiceField(label=_("Palvelu"), choices=enums.ServiceType.choices)
    procedure = forms.ChoiceField(label=_("Menettely"), choices=enums.Procedure.choices)
    tender_published_on = _date(_("Tarjouspyyntö julkaistu"), required=False)
    decided_on = _date(_("Hankintapäätös"), required=False)
    contract_starts_on = _date(_("Sopimuskausi alkaa"))
    contract_ends_on = _date(_("Sopimuskausi päättyy"))
    budget = forms.CharField(label=_("Budjetti (€)"), max_length=20, help_text=_("Esim. 48 000 tai 48000,50."))
    providers = _text(_("Palveluntuottajat"), rows=2)
    needs = forms.MultipleChoiceField(
        label=_("Hankintaan hyväksytyt palvelutarpeet"), choices=(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, needs, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["needs"].choices = [(n.pk, str(n)) for n in needs]
        self.municipalities = list(municipalities)
        for municipality in self.municipalities:
            self.fields[f"places_{municipality.code}"] = forms.IntegerField(
                label=municipality.name_fi, min_value=0, max_value=MAX_PLACES, required=False
            )
        self.describe()

    def main_fields(self):
        return [self[name] for name in self.fields if not name.startswith("places_")]

    def place_fields(self):
        return [self[f"places_{m.code}"] for m in self.municipalities]

    def places(self) -> dict:
        return {m.code: self.cleaned_data.get(f"places_{m.code}") for m in self.municipalities}


class ReferralForm(Form):
    procurement = forms.ChoiceField(label=_("Hankittu palvelu"), choices=())
    referred_on = _date(_("Ohjattu"))

    def __init__(self, *args, procurements, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procurement"].choices = _blank(_("Valitse palvelu")) + [(p.pk, p.title) for p in procurements]


class PlaceOutcomeForm(Form):
    outcome = forms.ChoiceField(label=_("Tilanne"), choices=enums.PlaceOutcome.choices)
    outcome_on = _date(_("Päivä"))


NEED_CHOICES = [("", _("ei vielä arvioitu")), ("yes", _("kyllä")), ("no", _("ei"))]


class TypAssessmentForm(Form):
    assessed_on = _date(_("Arvioinnin päivä"))
    labour_market_subsidy_days = forms.IntegerField(
        label=_("Työmarkkinatukipäivät työttömyyden perusteella"),
        min_value=0,
        required=False,
        help_text=_("Kelan tiedoista; jätä tyhjäksi, jos ei tiedossa."),
    )
    needs_multisectoral_services = forms.ChoiceField(
        label=_("Monialaisen palvelun tarve (yhteinen arvio)"), choices=NEED_CHOICES, required=False
    )
    need_description = _text(_("Palvelutarpeen kuvaus"), required=False, help_text=_("Pakollinen, kun tarve todetaan."))

    def need(self) -> bool | None:
        return {"yes": True, "no": False}.get(self.cleaned_data.get("needs_multisectoral_services"))


class TypClientForm(Form):
    started_on = _date(_("Asiakkuus alkaa"))
    joint_plan = _text(_("Monialainen työllistymissuunnitelma"), rows=4)
    county_contact = forms.CharField(label=_("Hyvinvointialueen yhteyshenkilö"), max_length=200, required=False)
    kela_contact = forms.CharField(label=_("Kelan yhteyshenkilö"), max_length=200, required=False)


class TypClientEndForm(Form):
    ended_on = _date(_("Asiakkuus päättyy"))


class ConsentForm(Form):
    recipient = forms.ChoiceField(label=_("Kenelle tietoja saa luovuttaa"), choices=())
    information = forms.MultipleChoiceField(
        label=_("Mitä tietoja"), choices=enums.InformationCategory.choices, widget=forms.CheckboxSelectMultiple
    )
    purpose = _text(_("Käyttötarkoitus"), rows=2)
    given_on = _date(_("Annettu"))
    valid_until = _date(_("Voimassa asti"))

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recipient"].choices = _blank(_("Valitse vastaanottaja")) + [(p.pk, p.name) for p in partners]


class WithdrawalForm(Form):
    withdrawn_on = _date(_("Peruttu"))
    withdrawal_note = _text(_("Huomio"), required=False, rows=2)


class TypReferralForm(Form):
    consent = forms.ChoiceField(label=_("Suostumus, jonka nojalla ohjataan"), choices=())
    referred_on = _date(_("Ohjattu"))
    reason = _text(_("Ohjauksen syy"), rows=2)

    def __init__(self, *args, consents, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["consent"].choices = _blank(_("Valitse suostumus")) + [(c.pk, str(c)) for c in consents]


class RecruitmentForm(Form):
    employer = forms.ChoiceField(label=_("Työnantaja"), choices=())
    vacancy = forms.ChoiceField(label=_("Työpaikka"), choices=(), required=False)
    via_eures = forms.BooleanField(label=_("EURES-rekrytointi"), required=False)
    recruited_name = forms.CharField(label=_("Rekrytoidun nimi"), max_length=200)
    recruited_country = forms.CharField(
        label=_("Lähtömaa"), max_length=2, help_text=_("ISO 3166-1 -maakoodi, esim. ES.")
    )
    arrival_on = _date(_("Saapuminen"), required=False)
    housing_arranged = forms.BooleanField(label=_("Asunto järjestetty"), required=False)
    housing_notes = _text(_("Asumisen huomiot"), required=False, rows=2)

    def __init__(self, *args, employers, vacancies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["employer"].choices = _blank(_("Valitse työnantaja")) + [(e.pk, e.name) for e in employers]
        self.fields["vacancy"].choices = _blank(_("Ei tiettyä työpaikkaa")) + [
            (v.pk, f"{v.employer.name}: {v.title}") for v in vacancies
        ]


class SpouseForm(Form):
    jobseeker = forms.IntegerField(
        label=_("Rekisteröidyn työnhakijan numero"),
        required=False,
        min_value=1,
        help_text=_("Jos puoliso on ilmoittautunut työnhakijaksi; muuten anna nimi ja yhteystiedot."),
    )
    name = forms.CharField(label=_("Nimi"), max_length=200, required=False)
    phone = forms.CharField(label=_("Puhelin"), max_length=40, required=False)
    email = forms.EmailField(label=_("Sähköposti"), required=False)
    aim = forms.ChoiceField(label=_("Tavoite"), choices=enums.SpouseAim.choices)
    field_of_work = forms.CharField(label=_("Ala tai koulutus"), max_length=200, required=False)
    registered_on = _date(_("Palvelu alkoi"))


class FollowUpForm(Form):
    outcome = forms.ChoiceField(label=_("Tilanne"), choices=enums.SpouseOutcome.choices)
    recorded_on = _date(_("Päivä"))
    detail = forms.CharField(
        label=_("Työ- tai opiskelupaikka"),
        max_length=200,
        required=False,
        help_text=_("Pakollinen, kun puoliso on työllistynyt tai opiskelee."),
    )
    notes = _text(_("Huomiot"), required=False, rows=2)


class VisitForm(Form):
    office = forms.ChoiceField(label=_("Toimipiste"), choices=())
    visited_on = _date(_("Käyntipäivä"))
    municipality = forms.ChoiceField(label=_("Kävijöiden kotikunta"), choices=())
    visitors = forms.IntegerField(label=_("Kävijöitä"), min_value=1, initial=1, help_text=_("Nimettömät kävijät."))
    topic = forms.ChoiceField(label=_("Asia"), choices=enums.VisitTopic.choices)

    def __init__(self, *args, offices, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].choices = [(o.pk, o.name) for o in offices]
        self.fields["municipality"].choices = _blank(_("Valitse kunta")) + [(m.code, m.name_fi) for m in municipalities]


class PartnerReferralForm(Form):
    partner = forms.ChoiceField(label=_("Yhteistyökumppani"), choices=())
    referred_on = _date(_("Ohjattu"))
    via_youth_point = forms.BooleanField(label=_("Ohjaamon kautta"), required=False)
    reason = _text(_("Ohjauksen syy"), rows=2)

    def __init__(self, *args, partners, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["partner"].choices = _blank(_("Valitse kumppani")) + [(p.pk, p.name) for p in partners]


class PartnerOutcomeForm(Form):
    outcome = forms.ChoiceField(label=_("Tulos"), choices=enums.PartnerOutcome.choices)
    outcome_on = _date(_("Päivä"))


class IntegrationPlanForm(Form):
    drawn_up_on = _date(_("Laadittu"))
    drawn_up_by = forms.CharField(
        label=_("Laatija"), max_length=200, help_text=_("Kuka suunnitelman laati, esim. ohjaajan nimi ja yksikkö.")
    )
    valid_until = _date(_("Voimassa asti"), required=False)
    reviewed_on = _date(_("Tarkistettu"), required=False)
    summary = _text(_("Sisällön tiivistelmä"), rows=4, help_text=_("Suunnitelman keskeiset tavoitteet ja palvelut."))
    status = forms.ChoiceField(label=_("Tila"), choices=enums.IntegrationPlanStatus.choices)


class LanguageTrainingForm(Form):
    plan = forms.ChoiceField(label=_("Kotoutumissuunnitelma"), choices=(), required=False)
    provider = forms.CharField(label=_("Järjestäjä"), max_length=200)
    course = forms.CharField(label=_("Kurssi"), max_length=200)
    level = forms.CharField(
        label=_("Taso tai tavoite"), max_length=60, required=False, help_text=_("Esim. A1.3 tai tavoite B1.1.")
    )
    starts_on = _date(_("Alkaa"))
    ends_on = _date(_("Päättyy"), required=False)
    outcome = forms.ChoiceField(label=_("Tulos"), choices=enums.PlaceOutcome.choices)

    def __init__(self, *args, plans, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plan"].choices = _blank(_("Ei suunnitelmaan liitettynä")) + [(p.pk, str(p)) for p in plans]


class InfoContactForm(Form):
    office = forms.ChoiceField(label=_("Toimipiste"), choices=())
    contacted_on = _date(_("Päivä"))
    # Not required here: a contact recorded for a person takes both from the person (the service checks the rest).
    municipality = forms.ChoiceField(label=_("Asiakkaiden kotikunta"), choices=(), required=False)
    language = forms.CharField(
        label=_("Asiointikieli"),
        max_length=3,
        required=False,
        help_text=_("ISO 639 -kielikoodi, esim. uk, ar tai en; asiakkaalle kirjattaessa hänen asiointikielensä."),
    )
    topic = forms.ChoiceField(label=_("Asia"), choices=enums.InfoTopic.choices)
    contacts = forms.IntegerField(
        label=_("Yhteydenottoja"), min_value=1, initial=1, help_text=_("Nimetty yhteydenotto on yksi.")
    )
    jobseeker = forms.IntegerField(
        label=_("Työnhakijan numero"),
        min_value=1,
        required=False,
        help_text=_("Vain, jos yhteydenotto kirjataan asiakkaalle; muuten kirjaus on nimetön määrä."),
    )

    def __init__(self, *args, offices, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].choices = [(o.pk, o.name) for o in offices]
        self.fields["municipality"].choices = _blank(_("Valitse kunta")) + [(m.code, m.name_fi) for m in municipalities]


class EventForm(Form):
    name = forms.CharField(label=_("Nimi"), max_length=200)
    kind = forms.ChoiceField(label=_("Tyyppi"), choices=enums.EventKind.choices)
    held_on = _date(_("Päivä"))
    place = forms.CharField(label=_("Paikka"), max_length=200)
    municipality = forms.ChoiceField(label=_("Kunta"), choices=())
    organiser = forms.CharField(label=_("Järjestäjä"), max_length=200)
    employers = forms.MultipleChoiceField(
        label=_("Osallistuvat työnantajat"),
        choices=(),
        help_text=_("Valitse useita Ctrl- tai Cmd-näppäin pohjassa."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    vacancies = forms.MultipleChoiceField(
        label=_("Esitellyt työpaikat"),
        choices=(),
        required=False,
        help_text=_("Tapahtumassa mukana olevien työnantajien avoimia työpaikkoja."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    participants = forms.IntegerField(label=_("Osallistujia"), min_value=0, initial=0)
    job_offers = forms.IntegerField(label=_("Työtarjouksia"), min_value=0, initial=0)
    hires = forms.IntegerField(label=_("Palkattuja"), min_value=0, initial=0)
    notes = _text(_("Huomiot"), required=False, rows=2)

    def __init__(self, *args, municipalities, employers, vacancies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].choices = _blank(_("Valitse kunta")) + [(m.code, m.name_fi) for m in municipalities]
        self.fields["employers"].choices = [(e.pk, e.name) for e in employers]
        self.fields["vacancies"].choices = [(v.pk, f"{v.employer.name}: {v.title}") for v in vacancies]


class ParticipantForm(Form):
    jobseeker = forms.IntegerField(
        label=_("Työnhakijan numero"), min_value=1, help_text=_("Osallistunut työnhakija, jonka tiedot näet.")
    )
