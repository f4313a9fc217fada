"""ISO 639-1 language codes (and the two Sámi languages that have only ISO 639-3 codes) and ISO 3166-1 alpha-2
country codes, as the registry validates them.

The lists are the standards' assigned codes (no download at run time). Finnish names are given for the languages a
Finnish employment office meets most often; any other valid code is shown as the code itself.
"""

from django.utils.translation import gettext_lazy as _

ISO_639_1 = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en
    eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja
    jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb
    nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq
    sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
    """.split()  # noqa: SIM905 - the standard's code list, kept compact
)

ISO_3166_1_ALPHA_2 = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ
    CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO
    FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE
    JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO
    MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW
    PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM
    TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW
    """.split()  # noqa: SIM905 - the standard's code list, kept compact
)

LANGUAGE_NAMES = {
    "fi": _("suomi"),
    "sv": _("ruotsi"),
    "se": _("pohjoissaame"),
    "smn": _("inarinsaame"),
    "sms": _("koltansaame"),
    "en": _("englanti"),
    "ru": _("venäjä"),
    "et": _("viro"),
    "uk": _("ukraina"),
    "ar": _("arabia"),
    "so": _("somali"),
    "fa": _("persia"),
    "ku": _("kurdi"),
    "ps": _("paštu"),
    "ti": _("tigrinja"),
    "am": _("amhara"),
    "th": _("thai"),
    "vi": _("vietnam"),
    "zh": _("kiina"),
    "tl": _("tagalog"),
    "ne": _("nepali"),
    "hi": _("hindi"),
    "bn": _("bengali"),
    "ur": _("urdu"),
    "my": _("burma"),
    "tr": _("turkki"),
    "pl": _("puola"),
    "lt": _("liettua"),
    "lv": _("latvia"),
    "ro": _("romania"),
    "bg": _("bulgaria"),
    "sq": _("albania"),
    "bs": _("bosnia"),
    "hr": _("kroatia"),
    "sr": _("serbia"),
    "de": _("saksa"),
    "fr": _("ranska"),
    "es": _("espanja"),
    "it": _("italia"),
    "pt": _("portugali"),
    "hu": _("unkari"),
    "sw": _("swahili"),
}


def language_name(code: str) -> str:
    return str(LANGUAGE_NAMES.get(code, code))


def normalise_language(value: str) -> str:
    return (value or "").strip().lower()


# Finland's Sámi languages without a two-letter code; a registry of Finnish job seekers must be able to hold them.
SAMI_639_3 = frozenset({"smn", "sms"})


def is_language(code: str) -> bool:
    return code in ISO_639_1 or code in SAMI_639_3


def is_country(code: str) -> bool:
    return code in ISO_3166_1_ALPHA_2


def working_languages(recorded, preferred: str, service: str) -> list[str]:
    """The languages a person can work in: those recorded, or else their mother tongue and service language."""
    if recorded:
        return list(recorded)
    return list(dict.fromkeys(code for code in (preferred, service) if code))
