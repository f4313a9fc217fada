"""The texts of the consistency findings: each reason code and quantity rendered through gettext (Finnish msgids).

Numbers are written the Finnish way (1 234,5) in every language, as in the tables the findings describe.
"""

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from common.formatting import local_number
from labour_market.consistency.findings import Code, Finding, Quantity, Reason, Scope
from labour_market.figures import round_half_up

COMMUTING_NAMES = {
    "labour_force": _("Työvoima"),
    "commuting_in": _("Pendelöinti kuntaan"),
    "commuting_out": _("Pendelöinti kunnasta"),
    "working_in_own_municipality": _("Työssäkäynti omassa kunnassa"),
    "job_self_sufficiency": _("Työpaikkaomavaraisuus, %"),
}

TEXTS = {
    Code.DROPPED_DIGIT: _("numero on pudonnut pois (%(expected)s → %(published)s)"),
    Code.EXTRA_DIGIT: _("luvussa on ylimääräinen numero (%(expected)s → %(published)s)"),
    Code.ONE_DIGIT_DIFFERS: _("yksi numero eri (%(expected)s / %(published)s), todennäköisesti näppäilyvirhe"),
    Code.SWAPPED_DIGITS: _("vierekkäiset numerot ovat vaihtaneet paikkaa (%(expected)s → %(published)s)"),
    Code.DOUBLE_ROUNDING: _(
        "kaksinkertainen pyöristys: %(exact)s → %(once)s → %(twice)s, oikein pyöristettynä %(correct)s"
    ),
    Code.TRUNCATED: _("luku on katkaistu eikä pyöristetty (%(exact)s → %(truncated)s)"),
    Code.MATCHES_METHOD: _("julkaistu luku vastaa laskutapaa: %(method)s = %(value)s"),
    Code.NEAR_METHOD: _("julkaistu luku on lähellä laskutapaa: %(method)s = %(value)s (ero %(off)s)"),
    Code.MEAN_OF_MUNICIPAL_RATES: _("kuntien työttömyysasteiden painottamaton keskiarvo"),
    Code.RATE_FROM_TOTAL_ROW: _("taulukon yhteensä-riviltä %(unemployed)s / %(labour_force)s × 100"),
    Code.MEAN_OF_PUBLISHED_MUNICIPAL: _("kuntien julkaistujen lukujen painottamaton keskiarvo"),
    Code.MEAN_OF_RECOMPUTED_MUNICIPAL: _("kuntien laskettujen lukujen painottamaton keskiarvo"),
    Code.BASIS_TABLE: _("kuntien luvut taulukosta %(table)s"),
    Code.MUNICIPAL_SUM: _("kuntien lukujen summa on %(value)s"),
    Code.NOT_EXACT: _("ei tarkistettavissa tarkasti: %(bounds)s; julkaistu luku on tällä välillä"),
    Code.OUTSIDE_BOUNDS: _("julkaistu luku on välin ulkopuolella: %(bounds)s"),
    Code.SUPPRESSED_AS_ZERO: _(
        "julkaistu summa on sama kuin julkaistujen kuntalukujen summa: salatut solut on ilmeisesti laskettu nollina"
    ),
    Code.RATE_FORMULA: _("työttömät / työvoima × 100 = %(unemployed)s / %(labour_force)s × 100 = %(rate)s"),
    Code.AREA_RATE_FORMULA: _(
        "alueen työttömyysaste on kuntien työttömien summa / kuntien työvoiman summa × 100 = %(unemployed)s / "
        "%(labour_force)s × 100 = %(rate)s (työvoimalla painotettu keskiarvo kuntien asteista)"
    ),
    Code.PARTS_SUM: "%(terms)s = %(sum)s",
    Code.PART_EXCEEDS_WHOLE: _("osa on suurempi kuin kokonaisuus (%(whole)s %(bound)s): %(parts)s"),
    Code.PRINTED_PRECISION: _("painettu %(printed)s (%(value)s), sarakkeen muut luvut %(usual)s"),
    Code.ONLY_PRECISION_DIFFERS: _(
        "laskettu %(exact)s, %(precision)s pyöristettynä %(rounded)s: luku on oikein, vain tarkkuus poikkeaa"
    ),
    Code.OTHER_TABLE: _("sama suure taulukossa %(table)s: %(value)s"),
    Code.OTHER_TABLE_MONTH: _("sama suure taulukossa %(table)s (%(month)s): %(value)s"),
    Code.EXPLAINED_BY_MUNICIPALITIES: _("ero %(difference)s selittyy kuntien eroilla: %(municipalities)s"),
    Code.EMPLOYED_RESIDENTS_EXCEED_LABOUR_FORCE: _(
        "työlliset asukkaat (oma kunta + pendelöinti kunnasta = %(employed)s) ovat enemmän kuin työvoima"
    ),
    Code.SELF_SUFFICIENCY_FORMULA: _(
        "(oma kunta + pendelöinti kuntaan) / (oma kunta + pendelöinti kunnasta) × 100 = "
        "(%(own)s + %(commuting_in)s) / (%(own)s + %(commuting_out)s) × 100 = %(result)s"
    ),
    Code.AREA_SELF_SUFFICIENCY_FORMULA: _(
        "alueen työpaikkaomavaraisuus on alueen työpaikat / alueen työlliset asukkaat × 100 = "
        "Σ(oma + kuntaan) / Σ(oma + kunnasta) × 100 = %(jobs)s / %(residents)s × 100 = %(result)s; "
        "alueen sisäinen pendelöinti on työpaikka yhdessä ja asukas toisessa kunnassa, joten se kuuluu kumpaankin "
        "summaan, eikä kuntien prosenttien keskiarvo ole alueen luku"
    ),
}


def fi(value: Decimal | None, decimals: int | None = None) -> str:
    """A number as printed, in the active language (1 234,5; −3; 1,234.5), rounded half up to `decimals` when given;
    a dash for no number."""
    if value is None:
        return "–"
    if decimals is not None:
        value = round_half_up(value, decimals)
    places = max(0, -value.as_tuple().exponent)
    return ("−" if value < 0 else "") + local_number(abs(value), places)


def fi_compact(value: Decimal | None, decimals: int) -> str:
    """At most `decimals` decimals, without trailing zeros: 8,92 rather than 8,920."""
    if value is None:
        return fi(None)
    rounded = round_half_up(value, decimals)
    if rounded == rounded.to_integral_value():
        return fi(rounded.quantize(Decimal(1)))
    return fi(rounded.normalize())


def month_label(month: date) -> str:
    return f"{month.month}/{month.year}"


def decimals_phrase(decimals: int) -> str:
    if decimals == 0:
        return gettext("ilman desimaaleja")
    if decimals == 1:
        return gettext("yhdellä desimaalilla")
    return gettext("%(count)s desimaalilla") % {"count": decimals}


def _listed(pairs) -> str:
    return ", ".join(f"{name.lower()} {fi(value)}" for name, value in pairs)


def _params(reason: Reason) -> dict:
    p = dict(reason.params)
    match reason.code:
        case Code.DOUBLE_ROUNDING:
            decimals = p["decimals"]
            return {
                "exact": fi(p["recomputed"], decimals + 2),
                "once": fi(p["once"]),
                "twice": fi(p["twice"]),
                "correct": fi(p["recomputed"], decimals),
            }
        case Code.TRUNCATED:
            return {"exact": fi(p["recomputed"], p["decimals"] + 2), "truncated": fi(p["truncated"])}
        case Code.MATCHES_METHOD | Code.NEAR_METHOD:
            return {
                "method": render(p["method"]),
                "value": fi_compact(p["value"], p["decimals"]),
                "off": fi_compact(p.get("off"), p["decimals"]),
            }
        case Code.NOT_EXACT | Code.OUTSIDE_BOUNDS:
            return {"bounds": render(p["bounds"])}
        case Code.RATE_FORMULA | Code.AREA_RATE_FORMULA:
            return {"unemployed": fi(p["unemployed"]), "labour_force": fi(p["labour_force"]), "rate": fi(p["rate"], 3)}
        case Code.SELF_SUFFICIENCY_FORMULA | Code.AREA_SELF_SUFFICIENCY_FORMULA:
            return {name: fi(value, 3) if name == "result" else fi(value) for name, value in p.items()}
        case Code.PARTS_SUM:
            return {
                "terms": " + ".join(f"{name.lower()} {fi(value)}" for name, value in p["terms"]),
                "sum": fi(p["sum"]),
            }
        case Code.PART_EXCEEDS_WHOLE:
            largest = fi(p["largest"])
            bound = largest if p["exact"] else gettext("enintään %(value)s") % {"value": largest}
            return {"whole": p["whole"].lower(), "bound": bound, "parts": _listed(p["parts"])}
        case Code.PRINTED_PRECISION:
            return {
                "printed": decimals_phrase(p["decimals"]),
                "value": fi(p["value"]),
                "usual": decimals_phrase(p["usual"]),
            }
        case Code.ONLY_PRECISION_DIFFERS:
            decimals = p["decimals"]
            return {
                "exact": fi(p["recomputed"], decimals + 2),
                "precision": decimals_phrase(decimals),
                "rounded": fi(p["recomputed"], decimals),
            }
        case Code.OTHER_TABLE_MONTH:
            return {"table": p["table"], "month": month_label(p["month"]), "value": fi(p["value"])}
        case Code.EXPLAINED_BY_MUNICIPALITIES:
            differences = ", ".join(f"{name} {'+' if d > 0 else ''}{fi(d)}" for name, d in p["municipalities"])
            return {"difference": fi(p["difference"]), "municipalities": differences}
    return {name: fi(value) if isinstance(value, Decimal) else value for name, value in p.items()}


def render(reason: Reason) -> str:
    """One reason as a sentence fragment in the active language."""
    p = dict(reason.params)
    if reason.code == Code.MISSING_MUNICIPALITIES:
        return ngettext(
            "%(count)s kunnan luku puuttuu kokonaan, joten summaa ei voi tarkistaa",
            "%(count)s kunnan luku puuttuu kokonaan, joten summaa ei voi tarkistaa",
            p["count"],
        ) % {"count": p["count"]}
    if reason.code == Code.SUPPRESSED_BOUNDS:
        if p["high"] is None:
            bound = gettext("vähintään %(value)s") % {"value": fi(p["low"])}
        else:
            bound = f"{fi(p['low'])}–{fi(p['high'])}"
        return ngettext(
            "%(count)s salattua solua, julkaistujen kuntalukujen summa %(known_sum)s, joten summa on %(bound)s",
            "%(count)s salattua solua, julkaistujen kuntalukujen summa %(known_sum)s, joten summa on %(bound)s",
            p["suppressed"],
        ) % {"count": p["suppressed"], "known_sum": fi(p["known_sum"]), "bound": bound}
    text = str(TEXTS[reason.code])
    params = _params(reason)
    return text % params if params else text


def explanation(finding: Finding) -> str:
    return "; ".join(render(reason) for reason in finding.reasons)


def quantity(value: Quantity) -> str:
    name = str(COMMUTING_NAMES[value.name]) if value.commuting else value.name
    if value.scope == Scope.TOTAL:
        name = gettext("%(name)s yhteensä") % {"name": name}
    elif value.scope == Scope.AREA:
        name = gettext("%(name)s, alue") % {"name": name}
    return f"{name}, {month_label(value.month)}" if value.month else name


def _number(value: Decimal | None):
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)


def as_dict(finding: Finding) -> dict:
    """A finding as `check_statistics --json` and the API print it."""
    return {
        "table": finding.table,
        "municipality": finding.municipality,
        "quantity": quantity(finding.quantity),
        "published": _number(finding.published),
        "recomputed": _number(finding.shown_recomputed),
        "explanation": explanation(finding),
        "column": finding.column,
        "month": finding.month.strftime("%Y-%m") if finding.month else None,
        "difference": _number(finding.difference),
        "recomputed_min": _number(finding.low),
        "recomputed_max": _number(finding.high),
        "other_table": finding.other_table,
        "kind": str(finding.kind),
        "severity": str(finding.severity),
    }
