"""The registration's input fields, declared once: the form (forms.py), the API's input serializer (serializers.py)
and the service's defaults and checks (services.clean_registration) are all built from `FIELDS`.

Each field says what it is (kind, length, choices, default) and how it is labelled; the form and the serializer only
type the input, the rules themselves stay in services.clean_registration. Choice fields reach the API as plain text so
that a wrong value gets the service's Finnish message listing the allowed ones.
"""

from dataclasses import dataclass
from typing import Literal

from django.db.models import TextChoices
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from employers import enums as employer_enums
from jobseekers import enums

MAX_COMMUTE_KM = 1000

# "municipality": a municipality's code (the form offers the area's municipalities by name); "codes": a list of free
# codes (the form takes them comma-separated); "choices": a list of values of `choices`.
Kind = Literal["text", "municipality", "choice", "date", "boolean", "integer", "codes", "choices"]


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    label: Promise
    required: bool = False
    default: object = None
    max_length: int | None = None
    maximum: int | None = None  # of an integer; its minimum is 0
    help_text: Promise | str = ""
    choices: type[TextChoices] | None = None
    # Free text whose length the service checks (with a message naming the limit), not only the input's maxlength.
    limited: bool = False
    # Personal data never echoed back: write-only in the API, no autocomplete or spellcheck in the browser.
    secret: bool = False


FIELDS: tuple[Field, ...] = (
    Field(
        "hetu",
        "text",
        _("Henkilötunnus"),
        required=True,
        max_length=64,
        help_text=_("11 merkkiä, esim. 010190-123A. Ei näy osoiteriville eikä lokeihin."),
        secret=True,
    ),
    Field("first_name", "text", _("Etunimet"), required=True, max_length=100, limited=True),
    Field("last_name", "text", _("Sukunimi"), required=True, max_length=100, limited=True),
    Field("municipality", "municipality", _("Kotikunta"), required=True, max_length=3),
    Field(
        "service_language",
        "text",
        _("Asiointikieli"),
        required=True,
        default="fi",
        max_length=3,
        help_text=_("ISO 639-1 -kielikoodi: fi, sv tai muu (esim. en, ru, ar)."),
    ),
    Field(
        "preferred_language",
        "text",
        _("Äidinkieli"),
        default="",
        max_length=3,
        help_text=_("ISO 639-1 -kielikoodi; tyhjä = asiointikieli."),
    ),
    Field(
        "citizenship",
        "text",
        _("Kansalaisuus"),
        default="FI",
        max_length=2,
        help_text=_("ISO 3166-1 -maakoodi, esim. FI, SE, UA."),
    ),
    Field("status", "choice", _("Tila"), required=True, choices=enums.JobseekerStatus),
    Field("job_search_started_on", "date", _("Työnhaku alkanut"), required=True),
    Field(
        "unemployed_since",
        "date",
        _("Työttömyys alkanut"),
        help_text=_("Tyhjä = työnhaun alkupäivä (vain työttömille ja kokoaikaisesti lomautetuille)."),
    ),
    Field(
        "previous_job_search_ended_on",
        "date",
        _("Edellinen työnhaku päättyi"),
        help_text=_("Jos edellisen työnhaun päättymisestä on alle 6 kuukautta, uutta alkuhaastattelua ei pidetä."),
    ),
    Field("phone", "text", _("Puhelin"), default="", max_length=30),
    Field("email", "text", _("Sähköposti"), default="", max_length=254),
    Field("street_address", "text", _("Katuosoite"), default="", max_length=200, limited=True),
    Field("postal_code", "text", _("Postinumero"), default="", max_length=5),
    Field("post_town", "text", _("Postitoimipaikka"), default="", max_length=100, limited=True),
    Field(
        "preferred_channel",
        "choice",
        _("Ensisijainen yhteydenpitotapa"),
        default=enums.Channel.ONLINE,
        choices=enums.Channel,
    ),
    Field("multisectoral", "boolean", _("Monialaisen palvelun (TYP) asiakas"), default=False),
    Field("reduced_work_ability", "boolean", _("Vajaakuntoinen"), default=False),
    Field(
        "occupations",
        "codes",
        _("Haetut ammatit"),
        default=(),
        max_length=10,
        help_text=_("ISCO-08-koodit pilkuilla erotettuina, esim. 5223, 9112."),
    ),
    Field(
        "education_level",
        "choice",
        _("Koulutusaste"),
        default=enums.EducationLevel.UNKNOWN,
        choices=enums.EducationLevel,
    ),
    Field("driving_licences", "choices", _("Ajokorttiluokat"), default=(), max_length=5, choices=enums.DrivingLicence),
    Field(
        "languages",
        "choices",
        _("Työkielet"),
        default=(),
        max_length=3,
        choices=employer_enums.Language,
        help_text=_("Kielet, joilla henkilö voi tehdä työtä; tyhjä = äidinkieli ja asiointikieli."),
    ),
    Field("cards", "choices", _("Kortit ja pätevyydet"), default=(), max_length=30, choices=employer_enums.Card),
    Field("willing_to_relocate", "boolean", _("Valmis muuttamaan työn perässä"), default=False),
    Field("max_commute_km", "integer", _("Enimmäistyömatka (km)"), maximum=MAX_COMMUTE_KM),
)

BY_NAME = {field.name: field for field in FIELDS}
REQUIRED = tuple(field.name for field in FIELDS if field.required)
OPTIONAL_DEFAULTS = {field.name: field.default for field in FIELDS if not field.required}
TEXT_LIMITS = {field.name: field.max_length for field in FIELDS if field.limited}
