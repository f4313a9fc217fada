"""The employer and vacancy API's shapes: types only; the rules are employers/services.py's, so a page, the API and the
import refuse the same input with the same message on the same field."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from employers import enums, selectors, services
from employers.models import Employer


def _refuse_unknown(data, known) -> None:
    """A field or parameter the API does not know is refused by name, not silently ignored."""
    if not hasattr(data, "keys"):
        return  # not an object: DRF's own "expected a dictionary" answers
    unknown = sorted(set(data.keys()) - set(known))
    if unknown:
        message = _("Tuntematon kenttä. Sallitut: %(known)s.") % {"known": ", ".join(sorted(known))}
        raise serializers.ValidationError({name: [message] for name in unknown})


class ContactSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=services.CONTACT_LIMITS["name"])
    title = serializers.CharField(max_length=services.CONTACT_LIMITS["title"], required=False, allow_blank=True)
    phone = serializers.CharField(max_length=services.CONTACT_LIMITS["phone"], required=False, allow_blank=True)
    email = serializers.EmailField(required=False, allow_blank=True)


class EmployerSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(max_length=services.MAX_TITLE)
    business_id = serializers.CharField(max_length=20, help_text="Y-tunnus, tallentuu muodossa 1234567-8.")
    municipality = serializers.CharField(max_length=3, help_text="Kuntanumero, esim. 205.")
    industry = serializers.CharField(
        max_length=1, required=False, allow_blank=True, help_text="TOL 2008 -pääluokka A–U; tyhjä kun ei tiedossa."
    )
    contacts = ContactSerializer(many=True, required=False, help_text="Yhteyshenkilöt; muutos korvaa kaikki.")

    def to_internal_value(self, data):
        _refuse_unknown(data, [name for name, field in self.fields.items() if not field.read_only])
        return super().to_internal_value(data)

    def to_representation(self, employer):
        return {
            "id": employer.pk,
            "name": employer.name,
            "business_id": employer.business_id,
            "municipality": employer.municipality.code,
            "industry": employer.industry,
            "contacts": [
                {"name": c.name, "title": c.title, "phone": c.phone, "email": c.email} for c in employer.contacts.all()
            ],
        }


def _codes(choices, help_text):
    return serializers.ListField(
        child=serializers.ChoiceField(choices=choices.choices), required=False, help_text=help_text
    )


class VacancySerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    employer = serializers.PrimaryKeyRelatedField(
        queryset=Employer.objects.none(), help_text="Työnantajan tunniste (id)."
    )
    title = serializers.CharField(max_length=services.MAX_TITLE)
    description = serializers.CharField(max_length=services.MAX_DESCRIPTION, required=False, allow_blank=True)
    occupation = serializers.RegexField(
        r"^[0-9]{4}$", max_length=4, help_text="ISCO-08-ammattiryhmän nelinumeroinen koodi, esim. 3221."
    )
    municipality = serializers.RegexField(
        r"^[0-9]{3}$",
        max_length=3,
        help_text="Alueen kunnan kuntanumero: työpaikan kunta, tai alueen ulkopuolisen työpaikan omistava kunta, "
        "jonka työnantajapalvelut vastaavat siitä.",
    )
    workplace_outside_area = serializers.CharField(
        max_length=100,
        required=False,
        allow_blank=True,
        allow_null=True,
        help_text="Työpaikka alueen ulkopuolella: naapurialueen keskuksen kuntanumero tai nimi tieetäisyystaulusta "
        "(esim. 564 tai Oulu). Sijainti ja etäisyys lasketaan tähän; tyhjä tai null, kun työpaikka on alueella. "
        "Vastauksessa aina kuntanumero tai tyhjä. Tuntematon keskus tai alueen oma kunta on virhe tällä kentällä.",
    )
    workplace_outside_area_name = serializers.CharField(
        read_only=True, help_text="Alueen ulkopuolisen työpaikan keskuksen nimi; tyhjä, kun työpaikka on alueella."
    )
    workplace_address = serializers.CharField(max_length=services.MAX_ADDRESS, required=False, allow_blank=True)
    positions = serializers.IntegerField(min_value=1, max_value=services.MAX_POSITIONS, required=False)
    working_time = serializers.ChoiceField(choices=enums.WorkingTime.choices)
    employment_type = serializers.ChoiceField(choices=enums.EmploymentType.choices)
    start_date = serializers.DateField(required=False, allow_null=True)
    application_deadline = serializers.DateField(required=False, allow_null=True)
    required_languages = _codes(enums.Language, "ISO 639-1 -kielikoodit.")
    wished_languages = _codes(enums.Language, "ISO 639-1 -kielikoodit.")
    required_driving_licences = _codes(enums.DrivingLicence, "Ajokorttiluokat.")
    required_cards = _codes(enums.Card, "Kortit ja pätevyydet.")
    remote_possible = serializers.BooleanField(required=False)
    international_recruitment = serializers.BooleanField(required=False)
    status = serializers.ChoiceField(
        choices=enums.VacancyStatus.choices,
        required=False,
        help_text="Uusi: draft tai open (oletus). Muutos vain sallittuun tilaan: "
        "draft → open/cancelled, open → filled/closed/cancelled, closed → open.",
    )
    source = serializers.CharField(read_only=True)
    external_id = serializers.CharField(read_only=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        self.fields["employer"].queryset = selectors.employers(request.user if request else None)

    def to_internal_value(self, data):
        _refuse_unknown(data, [name for name, field in self.fields.items() if not field.read_only])
        return super().to_internal_value(data)

    def validate_workplace_outside_area(self, value):
        # JSON null is "no workplace outside the area", as an empty string is: the vacancy is inside the area.
        return "" if value is None else value

    def to_representation(self, vacancy):
        return {
            "id": vacancy.pk,
            "employer": vacancy.employer_id,
            **{
                name: getattr(vacancy, name)
                for name in (
                    "title",
                    "description",
                    "occupation",
                    "workplace_outside_area",
                    "workplace_outside_area_name",
                    "workplace_address",
                    "positions",
                    "working_time",
                    "employment_type",
                    "required_languages",
                    "wished_languages",
                    "required_driving_licences",
                    "required_cards",
                    "remote_possible",
                    "international_recruitment",
                    "status",
                    "source",
                    "external_id",
                )
            },
            "municipality": vacancy.municipality.code,
            "start_date": vacancy.start_date.isoformat() if vacancy.start_date else None,
            "application_deadline": vacancy.application_deadline.isoformat() if vacancy.application_deadline else None,
        }


class EmployerQuerySerializer(serializers.Serializer):
    PASSED_ON = frozenset({"limit", "offset", "format"})

    q = serializers.CharField(max_length=100, required=False, allow_blank=True)
    municipality = serializers.CharField(max_length=3, required=False, allow_blank=True)

    def to_internal_value(self, data):
        _refuse_unknown(data, [*self.fields, *self.PASSED_ON])
        return super().to_internal_value(data)


class VacancyQuerySerializer(serializers.Serializer):
    PASSED_ON = frozenset({"limit", "offset", "format"})

    status = serializers.ChoiceField(choices=enums.VacancyStatus.choices, required=False)
    municipality = serializers.CharField(max_length=3, required=False, allow_blank=True)
    occupation = serializers.RegexField(r"^[0-9]{1,4}$", max_length=4, required=False)
    employer = serializers.IntegerField(min_value=1, required=False)
    sort = serializers.ChoiceField(choices=list(selectors.VACANCY_SORTS), required=False)

    def to_internal_value(self, data):
        _refuse_unknown(data, [*self.fields, *self.PASSED_ON])
        return super().to_internal_value(data)
