"""The planning cores' reason codes as sentences in the active language (numbers in its format)."""

from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from planning import capacity, workload


def _n(value) -> str:
    return number_format(value, use_l10n=True, force_grouping=True)


def capacity_reason(reason: capacity.Reason) -> str:
    p = {key: _n(value) if not isinstance(value, str) else value for key, value in reason.params.items()}
    code = capacity.ReasonCode
    if reason.code == code.WITHIN_TARGET:
        return _("%(per_fte)s asiakasta per htv: tavoitteessa (%(wording)s).") % p
    if reason.code == code.OVER_TARGET:
        return _("%(per_fte)s asiakasta per htv: yli tavoitteen %(maximum)s (%(wording)s); puuttuu %(gap)s htv.") % p
    if reason.code == code.UNDER_TARGET:
        return (
            _("%(per_fte)s asiakasta per htv: alle tavoitteen %(minimum)s (%(wording)s); %(spare)s htv yli tarpeen.")
            % p
        )
    if reason.code == code.NO_TARGET:
        return _("%(per_fte)s asiakasta per htv; suunnitelmassa ei ole tavoitetta.") % p
    if reason.code == code.NO_STAFF:
        return _("%(clients)s asiakasta eikä yhtään henkilöasiakastyön htv:tä.") % p
    if reason.code == code.NO_CLIENTS:
        return _("Ei asiakkaita.")
    return _("Tavoite saavutetaan vain vaihteluvälin ylärajalla: %(low)s htv ei riitä, %(high)s htv riittää.") % p


def workload_reason(reason: workload.Reason) -> str:
    p = {key: _n(value) for key, value in reason.params.items()}
    if reason.code == workload.ReasonCode.WITHIN_HOURS:
        if not p:
            return _("Ei lakisääteisiä tapaamisia.")
        return _("Tapaamiset %(hours)s h / asiakastyön tunnit %(available)s h.") % p
    if reason.code == workload.ReasonCode.OVER_HOURS:
        return _("Tapaamiset %(hours)s h ylittävät asiakastyön tunnit %(available)s h; puuttuu %(missing)s htv.") % p
    return _("Tapaamisia %(hours)s h eikä yhtään henkilöasiakastyön htv:tä.") % p


def weekday_name(weekday: int) -> str:
    return [
        _("maanantai"),
        _("tiistai"),
        _("keskiviikko"),
        _("torstai"),
        _("perjantai"),
        _("lauantai"),
        _("sunnuntai"),
    ][weekday - 1]


def phone_reason(result) -> str:
    """What a number of agents achieves in an hour (planning.erlang.Staffing)."""
    code = result.reason.value
    if code == "no_calls":
        return _("Ei puheluita.")
    if code == "over_capacity":
        return _("Kuorma %(load)s erlangia ylittää vastaajien kapasiteetin: jono kasvaa rajatta.") % {
            "load": _n(round(result.traffic, 1))
        }
    if code == "target_unreachable":
        return _("Palvelutasoa 1 (kaikki vastataan heti) ei voi taata; valitse pienempi tavoite.")
    if code == "below_target":
        return _("Palvelutaso %(level)s %% jää alle tavoitteen.") % {"level": _n(round(result.service_level * 100, 1))}
    return _("Palvelutaso %(level)s %%, keskimääräinen odotus %(wait)s s.") % {
        "level": _n(round(result.service_level * 100, 1)),
        "wait": _n(round(result.average_wait_seconds, 1)),
    }


def _percent(share):
    value = share * 100
    return int(value) if value == value.to_integral_value() else value.normalize()


def phone_week(week) -> str:
    """A stored week's target in a sentence (planning.PhoneVolumeWeek)."""
    return _(
        "%(name)s: käsittelyaika %(aht)s s, tavoite %(level)s %% puheluista vastataan %(answer)s sekunnissa, "
        "poissaolokerroin %(shrinkage)s %%."
    ) % {
        "name": week.name,
        "aht": week.average_handling_seconds,
        "answer": week.target_answer_seconds,
        "level": _n(_percent(week.target_service_level)),
        "shrinkage": _n(_percent(week.shrinkage)),
    }


def _trimmed(value: Decimal) -> Decimal:
    """15,5 and 40 rather than 15,50 and 40,00 (FTE are stored with two decimals)."""
    return value.quantize(Decimal(1)) if value == value.to_integral() else value.normalize()


def unplaced_note(share: capacity.UnplacedShare | None) -> str:
    """Why the responsible municipality's planned FTE is more than its own rows (plan §1, docs/decisions/0007)."""
    if share is None or not share.fte:
        return ""
    return _(
        "%(municipality)s: suunniteltuun htv:hen sisältyy %(fte)s htv valtiolta siirtyvää henkilöasiakastyön "
        "henkilöstöä, jota suunnitelma ei sijoita mihinkään kuntaan. Suunnitelma arvioi koko alueelle noin "
        "%(estimate)s htv (%(source)s), ja kuntien kohdat sijoittavat siitä %(placed)s htv. Loppu luetaan "
        "vastuukunnan osuudeksi samoin kuin asiakasmääräsivulla, joten molemmat sivut laskevat kunnalle saman "
        "htv-määrän; täytettyyn htv:hen se ei sisälly."
    ) % {
        "municipality": share.municipality_name,
        "fte": _n(_trimmed(share.fte)),
        "estimate": _n(_trimmed(share.estimate)),
        "placed": _n(_trimmed(share.placed)),
        "source": share.source,
    }
