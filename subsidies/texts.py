"""The texts of the rate core's checks and results, rendered from their codes through gettext (so a Swedish user
reads Swedish); amounts and dates as the active language writes them (common.formatting.local_*)."""

from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from common.formatting import fi_number, local_date, local_number
from subsidies import rates
from subsidies.enums import EmployerType, SubsidyKind

S = rates.Status


def money(value: Decimal) -> str:
    """1 260,00 € (1,260.00 € in English): cents always shown, a no-break space before the sign."""
    return f"{local_number(value, 2)}\u00a0€"


def fi_money(value: Decimal) -> str:
    """money() the Finnish way whatever the language, for the documents the area sends (decision 0012)."""
    return f"{fi_number(value, 2)}\u00a0€"


def percent(value: Decimal) -> str:
    return f"{local_number(value)}\u00a0%"


def _kinds(values) -> str:
    return ", ".join(str(SubsidyKind(value).label) for value in values)


def _employers(values) -> str:
    return ", ".join(str(EmployerType(value).label) for value in values)


def _day(value: date) -> str:
    return local_date(value)


def check_text(check: rates.Check) -> str:
    """What the condition asks and how the case stands against it, in one sentence."""
    p = check.params
    status = check.status
    match check.code:
        case "no_rule_in_force":
            return _(
                "Päivälle %(day)s ei ole tallennettu voimassa olevaa sääntöä tälle tuelle; pääkäyttäjä voi lisätä sen."
            ) % {"day": _day(p["day"])}
        case "employer_type":
            if status == S.MET:
                return _("Työnantaja on tälle tuelle sallittu (%(allowed)s).") % {"allowed": _employers(p["allowed"])}
            return _("Tätä tukea myönnetään vain työnantajalle: %(allowed)s.") % {"allowed": _employers(p["allowed"])}
        case "employer_restriction":
            values = {
                "from": _day(p["from"]),
                "employer": EmployerType(p["employer_type"]).label,
                "allowed": _kinds(p["allowed"]),
                "conditional": _kinds(p["conditional"]),
                "age": p["min_age"],
                "months": p["unemployed_months"],
            }
            if status == S.MET:
                return _("Rajoitus %(from)s alkaen (työnantaja: %(employer)s) ei estä tätä tukea.") % values
            if p["conditional"]:
                return (
                    _(
                        "%(from)s alkaen työnantaja (%(employer)s) saa vain: %(allowed)s; %(conditional)s vain "
                        "vähintään %(age)s-vuotiaan, vähintään %(months)s kuukautta työttömänä olleen palkkaamiseen."
                    )
                    % values
                )
            return _("%(from)s alkaen työnantaja (%(employer)s) saa vain: %(allowed)s.") % values
        case "max_hours_share":
            values = {"limit": percent(p["limit"]), "share": percent(p["share"]) if p["share"] is not None else ""}
            if status == S.UNKNOWN:
                return _("Työaika saa olla enintään %(limit)s kokoaikaisesta; tarkistettava.") % values
            if status == S.MET:
                return _("Työaika on %(share)s kokoaikaisesta (enintään %(limit)s).") % values
            return _("Työaika on %(share)s kokoaikaisesta; tällä tuella enintään %(limit)s.") % values
        case "min_weekly_hours":
            values = {
                "limit": local_number(p["limit"]),
                "hours": local_number(p["hours"]) if p["hours"] is not None else "",
            }
            if status == S.UNKNOWN:
                return _("Työajan on oltava vähintään %(limit)s tuntia viikossa; tarkistettava.") % values
            if status == S.MET:
                return _("Työaika on %(hours)s tuntia viikossa (vähintään %(limit)s).") % values
            return _("Työaika on %(hours)s tuntia viikossa; tällä tuella vähintään %(limit)s.") % values
        case "min_age":
            if status == S.UNKNOWN:
                return _("Henkilön on oltava vähintään %(limit)s-vuotias; tarkistettava.") % {"limit": p["limit"]}
            if status == S.MET:
                return _("Henkilö on vähintään %(limit)s-vuotias.") % {"limit": p["limit"]}
            return _("Henkilö ei ole vähintään %(limit)s-vuotias.") % {"limit": p["limit"]}
        case "unemployment":
            values = {"limit": p["limit"], "window": p["window"], "months": p["months"]}
            if status == S.UNKNOWN:
                return (
                    _(
                        "Työttömyyttä vaaditaan %(limit)s kuukautta viimeisten %(window)s kuukauden aikana; "
                        "tarkistettava."
                    )
                    % values
                )
            if status == S.MET:
                return (
                    _("Työttömänä %(months)s kuukautta viimeisten %(window)s kuukauden aikana (vaaditaan %(limit)s).")
                    % values
                )
            return (
                _("Työttömänä vain %(months)s kuukautta viimeisten %(window)s kuukauden aikana; vaaditaan %(limit)s.")
                % values
            )
        case "max_months":
            if status == S.NOT_MET:
                return _("Tukea voidaan myöntää enintään %(limit)s kuukaudeksi.") % {"limit": p["limit"]}
            return _("Kesto on enintään %(limit)s kuukautta.") % {"limit": p["limit"]}
        case "extended_period":
            values = {"base": p["base"], "limit": p["limit"], "required": p["required"], "window": p["window"]}
            if not p["extended"]:
                return _("Kesto on enintään %(base)s kuukautta, jonka tuki voi kestää pääsääntöisesti.") % values
            if status == S.MET:
                return (
                    _(
                        "Yli %(base)s kuukautta (enintään %(limit)s), koska henkilö on ollut työttömänä vähintään "
                        "%(required)s kuukautta viimeisten %(window)s kuukauden aikana."
                    )
                    % values
                )
            return (
                _(
                    "Tuki kestää pääsääntöisesti enintään %(base)s kuukautta; enintään %(limit)s kuukautta vain, jos "
                    "henkilö on ollut työttömänä vähintään %(required)s kuukautta viimeisten %(window)s kuukauden "
                    "aikana."
                )
                % values
            )
        case "period_months":
            values = {"period": p["period"], "limit": p["limit"]}
            if status == S.MET:
                return (
                    _("Myönnetään enintään %(period)s kuukauden jaksoissa, yhteensä enintään %(limit)s kuukautta.")
                    % values
                )
            return (
                _(
                    "Starttiraha myönnetään enintään %(period)s kuukauden jaksoissa; jatkoa haetaan uudella "
                    "hakemuksella."
                )
                % values
            )
        case "granted_months":
            values = {"limit": p["limit"], "granted": p["granted"], "total": p["total"]}
            if status == S.MET:
                return (
                    _("Aiemmin myönnetty %(granted)s kuukautta; tämän kanssa %(total)s kuukautta (enintään %(limit)s).")
                    % values
                )
            return (
                _(
                    "Henkilölle on jo myönnetty %(granted)s kuukautta starttirahaa; tämän kanssa %(total)s kuukautta, "
                    "enintään %(limit)s."
                )
                % values
            )
        case "reduced_work_ability":
            if status == S.UNKNOWN:
                return _("Vajaakuntoisuus tarkistettava.")
            if status == S.MET:
                return _("Henkilö on merkitty vajaakuntoiseksi.")
            return _("Henkilöä ei ole merkitty vajaakuntoiseksi.")
        case "no_overlap":
            if status == S.MET:
                return _("Henkilöllä ei ole samalle ajalle myönnettyä muuta tukea.")
            return _("Henkilölle on myönnetty samalle ajalle jo %(count)s muu tuki.") % {"count": p["count"]}
        case "monthly_amount":
            values = {"share": percent(p["share"]), "cap": money(p["cap"])}
            if p["capped"]:
                return _("Tuki on %(share)s palkkakustannuksista, mutta enintään %(cap)s kuukaudessa.") % values
            return _("Tuki on %(share)s palkkakustannuksista (enintään %(cap)s kuukaudessa).") % values
    raise ValueError(f"no text for check {check.code}")


def status_text(status: rates.Status) -> str:
    return {S.MET: _("täyttyy"), S.NOT_MET: _("ei täyty"), S.UNKNOWN: _("tarkistettava")}[status]


def rule_text(rule) -> str:
    values = {"id": rule.id, "from": _day(rule.effective_from), "source": rule.source}
    if rule.effective_until:
        return _("Sääntö %(id)s, voimassa %(from)s–%(until)s (%(source)s).") % {
            **values,
            "until": _day(rule.effective_until),
        }
    return _("Sääntö %(id)s, voimassa %(from)s alkaen (%(source)s).") % values


def amount_text(result: rates.Result) -> str:
    """How the total comes from the monthly (or daily) amount."""
    case = result.case
    period = {"start": _day(case.start_date), "end": _day(result.end_date)}
    if isinstance(result.rule, rates.StartUpGrantRule):
        return _(
            "%(daily)s päivältä × %(days)s maksupäivää (%(per_week)s päivää viikossa) %(start)s–%(end)s = %(total)s; "
            "keskimäärin %(monthly)s kuukaudessa."
        ) % {
            **period,
            "daily": money(result.rule.daily_amount),
            "days": result.days,
            "per_week": result.rule.days_per_week,
            "total": money(result.total),
            "monthly": money(result.monthly_amount),
        }
    return _("%(monthly)s kuukaudessa × %(months)s kuukautta %(start)s–%(end)s = %(total)s.") % {
        **period,
        "monthly": money(result.monthly_amount),
        "months": case.months,
        "total": money(result.total),
    }


def explanation(result: rates.Result) -> list[str]:
    """The rule, the arithmetic, then each condition with its standing."""
    lines = []
    if result.rule is not None:
        lines.append(rule_text(result.rule))
    if result.total is not None:
        lines.append(amount_text(result))
    for check in result.checks:
        if check.code == "no_rule_in_force":
            continue
        lines.append(f"{check_text(check)} ({status_text(check.status)})")
    return lines


def refusal_text(check: rates.Check) -> str:
    """A refused condition with the rule that refuses it, as shown at the field."""
    if not check.rule_id:
        return check_text(check)
    return _("%(text)s Sääntö %(rule)s (%(source)s).") % {
        "text": check_text(check),
        "rule": check.rule_id,
        "source": check.source,
    }


def _days(values) -> str:
    return ", ".join(_day(value) for value in values)


def payment_problem_text(problem) -> str:
    """Why a payment request (subsidies.payments) is refused, at its field."""
    p = problem.params
    match problem.code:
        case "amount_not_positive":
            return _("Haettavan määrän on oltava positiivinen.")
        case "period_reversed":
            return _("Jakso ei voi päättyä ennen kuin se alkaa.")
        case "period_outside":
            return _("Maksujakson on oltava päätöksen tukijaksolla %(start)s–%(end)s.") % {
                "start": _day(p["start"]),
                "end": _day(p["end"]),
            }
        case "not_month_start":
            return _("Maksujakso alkaa tukikuukauden ensimmäisenä päivänä: %(days)s.") % {"days": _days(p["starts"])}
        case "not_month_end":
            return _("Maksujakso päättyy tukikuukauden viimeisenä päivänä: %(days)s.") % {"days": _days(p["ends"])}
        case "month_claimed":
            return _("Näistä kuukausista on jo maksatushakemus: %(months)s. Samaa kuukautta ei makseta kahdesti.") % {
                "months": ", ".join(f"{_day(first)}–{_day(last)}" for first, last in p["months"])
            }
        case "over_monthly":
            return _("Enintään %(monthly)s kuukaudessa eli tälle jaksolle enintään %(ceiling)s.") % {
                "monthly": money(p["monthly"]),
                "ceiling": money(p["ceiling"]),
            }
        case "over_days":
            return _("%(daily)s päivältä × %(days)s maksupäivää eli tälle jaksolle enintään %(ceiling)s.") % {
                "daily": money(p["daily"]),
                "days": p["days"],
                "ceiling": money(p["ceiling"]),
            }
        case "pay_costs_missing":
            return _("Palkkatuen maksatukseen tarvitaan jakson toteutuneet palkkakustannukset.")
        case "over_share":
            return _("Enintään %(share)s toteutuneista palkkakustannuksista eli %(ceiling)s.") % {
                "share": percent(p["share"]),
                "ceiling": money(p["ceiling"]),
            }
        case "over_total":
            return _("Päätöksen mukaan yhteensä enintään %(total)s; maksamatta on enää %(left)s.") % {
                "total": money(p["total"]),
                "left": money(p["left"]),
            }
    raise ValueError(f"no text for payment problem {problem.code}")


def attachment_problem_text(code: str, max_bytes: int, extension: str = "") -> str:
    """Why an attachment (subsidies.file_types) is refused, at the `file` field."""
    allowed = _("Sallitut tiedostotyypit: PDF, DOCX, XLSX, JPEG ja PNG.")
    match code:
        case "missing":
            return _("Valitse liitettävä tiedosto.")
        case "empty":
            return _("Tiedosto on tyhjä.")
        case "too_large" if max_bytes < 1024 * 1024:
            return _("Tiedosto on liian suuri: enintään %(limit)s tavua.") % {"limit": local_number(max_bytes)}
        case "too_large":
            return _("Tiedosto on liian suuri: enintään %(limit)s megatavua.") % {
                "limit": local_number(Decimal(max_bytes) / (1024 * 1024))
            }
        case "extension":
            return _("Tiedostotyyppiä ”%(extension)s” ei hyväksytä. %(allowed)s") % {
                "extension": extension or "–",
                "allowed": allowed,
            }
        case "content":
            return _("Tiedoston sisältö ei ole sen nimen mukaista tyyppiä (%(extension)s). %(allowed)s") % {
                "extension": extension,
                "allowed": allowed,
            }
    raise ValueError(f"no text for attachment problem {code}")
