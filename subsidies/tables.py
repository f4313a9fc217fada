"""The tables of subsidy pages, reused by their CSV/XLSX export."""

from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.formatting import local_date
from common.tables import Column, Table
from subsidies.enums import PaymentState, SubsidyKind
from subsidies.rates import CENT


def queue_table(rows, today=None) -> Table:
    """Applications with their age in days: the statutory processing time is counted from receipt."""
    today = today or timezone.localdate()
    return Table(
        key="tukihakemukset",
        title=_("Tukihakemukset"),
        columns=[
            Column("id", _("Hakemus")),
            Column("received_on", _("Saapunut")),
            Column("age_days", _("Ikä (päivää)"), numeric=True),
            Column("applicant", _("Hakija")),
            Column("kind", _("Tuki")),
            Column("employer", _("Työnantaja")),
            Column("municipality", _("Valmisteleva kunta")),
            Column("state", _("Tila")),
        ],
        rows=[
            {
                "id": row.pk,
                "received_on": row.received_on,
                "age_days": (today - row.received_on).days,
                "applicant": str(row.jobseeker),
                "kind": row.get_kind_display(),
                "employer": row.employer_name,
                "municipality": row.serving_municipality.name_fi,
                "state": row.get_state_display(),
            }
            for row in rows
        ],
    )


def payee(application) -> tuple[str, str]:
    """Whom the subsidy is paid to: the employer for a pay subsidy, the entrepreneur for a start-up grant."""
    if application.kind == SubsidyKind.START_UP_GRANT:
        return str(application.jobseeker), application.business_id
    return application.employer_name, application.employer_business_id


def payment_table(rows) -> Table:
    """Payment requests as a payment handler sees them: the payee, the period and the figures, nothing more."""
    return Table(
        key="maksatushakemukset",
        title=_("Maksatushakemukset"),
        columns=[
            Column("id", _("Maksatus")),
            Column("received_on", _("Saapunut")),
            Column("application", _("Hakemus")),
            Column("kind", _("Tuki")),
            Column("person", _("Henkilö")),
            Column("payee", _("Maksun saaja")),
            Column("period", _("Jakso")),
            Column("amount", _("Määrä (€)"), numeric=True),
            Column("state", _("Tila")),
        ],
        rows=[
            {
                "id": row.pk,
                "received_on": row.received_on,
                "application": row.application_id,
                "kind": row.application.get_kind_display(),
                "person": str(row.application.jobseeker),
                "payee": payee(row.application)[0],
                "period": f"{local_date(row.period_start)}–{local_date(row.period_end)}",
                "amount": row.amount,
                "state": row.get_state_display(),
            }
            for row in rows
        ],
    )


def sepa_amount(value: Decimal) -> str:
    """1260.00: a dot and exactly two decimals, as SEPA credit transfers (ISO 20022) carry amounts."""
    return str(value.quantize(CENT))


def payment_file_table(rows, export) -> Table:
    """The payment file for the finance system, one row per payment. Columns:

    maksuera (the export's id), maksava_kunta (municipality code), viite (TUKI-<application>-<payment>: the payment's
    own reference, unique), saaja, saajan_y_tunnus (empty when the payee has none: the finance system identifies
    the payee from its own register; no account numbers or identity codes are kept here), tuki (kind code), paatos
    (decision id), jakso_alkaa, jakso_paattyy (ISO dates), summa (euros, dot, two decimals), palkkalaskelma (the pay
    slip's reference).
    """
    return Table(
        key=f"maksuaineisto-{export.pk}",
        title=_("Maksuaineisto"),
        columns=[
            Column("batch", "maksuera"),
            Column("municipality", "maksava_kunta"),
            Column("reference", "viite"),
            Column("payee", "saaja"),
            Column("payee_id", "saajan_y_tunnus"),
            Column("kind", "tuki"),
            Column("decision", "paatos"),
            Column("start", "jakso_alkaa"),
            Column("end", "jakso_paattyy"),
            Column("amount", "summa"),
            Column("pay_slip", "palkkalaskelma"),
        ],
        rows=[
            {
                "batch": export.pk,
                "municipality": row.paying_municipality.code,
                "reference": f"TUKI-{row.application_id}-{row.pk}",
                "payee": payee(row.application)[0],
                "payee_id": payee(row.application)[1],
                "kind": row.application.kind,
                "decision": row.decision_id,
                "start": row.period_start.isoformat(),
                "end": row.period_end.isoformat(),
                "amount": sepa_amount(row.amount),
                "pay_slip": row.pay_slip_reference,
            }
            for row in rows
        ],
    )


def municipality_totals_table(rows) -> Table:
    return Table(
        key="maksatus-kunnittain",
        title=_("Hyväksytyt ja maksetut kunnittain"),
        columns=[
            Column("municipality", _("Päättävä kunta")),
            Column("kind", _("Tuki")),
            Column("state", _("Tila")),
            Column("count", _("Maksuja"), numeric=True),
            Column("total", _("Yhteensä (€)"), numeric=True),
        ],
        rows=[
            {
                "municipality": row["application__serving_municipality__name_fi"],
                "kind": SubsidyKind(row["application__kind"]).label,
                "state": PaymentState(row["state"]).label,
                "count": row["count"],
                "total": row["total"].quantize(CENT),
            }
            for row in rows
        ],
    )


def _kind(value: str) -> str:
    return str(SubsidyKind(value).label)


def _month(value) -> str:
    return f"{value.month}/{value.year}"


def decisions_report_table(rows) -> Table:
    return Table(
        key="tukipaatokset",
        title=_("Päätökset kunnittain, tuittain ja kuukausittain"),
        columns=[
            Column("municipality", _("Kunta")),
            Column("kind", _("Tuki")),
            Column("month", _("Kuukausi")),
            Column("granted", _("Myönteisiä"), numeric=True),
            Column("rejected", _("Kielteisiä"), numeric=True),
            Column("granted_total", _("Myönnetty yhteensä (€)"), numeric=True),
            Column("rectifications", _("Oikaisuvaatimusten ratkaisuja"), numeric=True),
        ],
        rows=[
            {
                **row,
                "kind": _kind(row["kind"]),
                "month": _month(row["month"]),
                "granted_total": row["granted_total"].quantize(CENT),
            }
            for row in rows
        ],
    )


def payments_report_table(rows) -> Table:
    return Table(
        key="tukimaksut",
        title=_("Maksut kunnittain, tuittain ja kuukausittain"),
        columns=[
            Column("municipality", _("Päättävä kunta")),
            Column("kind", _("Tuki")),
            Column("month", _("Jakso alkaa (kuukausi)")),
            Column("count", _("Maksuja"), numeric=True),
            Column("approved", _("Hyväksytty maksuun (€)"), numeric=True),
            Column("paid", _("Maksettu (€)"), numeric=True),
        ],
        rows=[
            {
                **row,
                "kind": _kind(row["kind"]),
                "month": _month(row["month"]),
                "approved": row["approved"].quantize(CENT),
                "paid": row["paid"].quantize(CENT),
            }
            for row in rows
        ],
    )


def processing_report_table(rows) -> Table:
    return Table(
        key="kasittelyajat",
        title=_("Käsittelyajat saapumisesta ensimmäiseen päätökseen"),
        columns=[
            Column("municipality", _("Valmisteleva kunta")),
            Column("kind", _("Tuki")),
            Column("decided", _("Päätettyjä"), numeric=True),
            Column("median_days", _("Mediaani (päivää)"), numeric=True),
            Column("mean_days", _("Keskiarvo (päivää)"), numeric=True),
            Column("max_days", _("Pisin (päivää)"), numeric=True),
            Column("waiting", _("Odottaa päätöstä"), numeric=True),
            Column("oldest_waiting_days", _("Vanhin odottava (päivää)"), numeric=True),
            Column("closed", _("Päättyneitä"), numeric=True),
        ],
        rows=[{**row, "kind": _kind(row["kind"])} for row in rows],
    )
