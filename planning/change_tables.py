"""The structural-change pages' tables, reused by the CSV/XLSX exports."""

from collections import Counter

from django.utils.translation import gettext as _

from common.tables import Column, Table
from planning import change_security
from planning.change_selectors import Customer
from planning.enums import ChangeSecurityStatus


def situations_table(situations) -> Table:
    return Table(
        key="suunnittelu-muutostilanteet",
        title=_("Muutostilanteet"),
        columns=[
            Column("employer", _("Työnantaja")),
            Column("business_id", _("Y-tunnus")),
            Column("municipality", _("Kunta")),
            Column("kind", _("Laji")),
            Column("people", _("Henkilöitä koskee"), numeric=True),
            Column("notice", _("Ilmoitettu")),
            Column("status", _("Tila")),
            Column("checklist", _("Varautumissuunnitelma tehty")),
            Column("customers", _("Muutosturva-asiakkaita"), numeric=True),
        ],
        rows=[
            {
                "pk": s.pk,
                "employer": s.employer_name,
                "business_id": s.business_id,
                "municipality": s.municipality.name_fi,
                "kind": s.get_kind_display(),
                "people": s.people_affected,
                "notice": s.notice_date,
                "status": s.get_status_display(),
                "checklist": f"{s.done_count}/{s.item_count}",
                "customers": s.customer_count,
            }
            for s in situations
        ],
    )


def status_table(situations, counts: dict[int, Counter]) -> Table:
    """Change-security customers per situation and status: counts, no person."""
    labels = dict(ChangeSecurityStatus.choices)
    rows = []
    for situation in situations:
        counted = counts.get(situation.pk, Counter())
        rows.append(
            {
                "situation": f"{situation.employer_name}, {situation.municipality.name_fi}",
                **{status: counted[status] for status in change_security.ORDER},
                "total": sum(counted.values()),
            }
        )
    return Table(
        key="suunnittelu-muutosturva-tilanteittain",
        title=_("Muutosturva-asiakkaat tilanteittain"),
        caption=_("Lukumäärät asiakasrekisterin tiedoista; ei henkilöitä."),
        columns=[Column("situation", _("Muutostilanne"))]
        + [Column(status, labels[status], numeric=True) for status in change_security.ORDER]
        + [Column("total", _("Yhteensä"), numeric=True)],
        rows=rows,
    )


def customers_table(customers: list[Customer]) -> Table:
    labels = dict(ChangeSecurityStatus.choices)
    return Table(
        key="suunnittelu-muutosturva-asiakkaat",
        title=_("Muutosturva-asiakkaat"),
        columns=[
            Column("name", _("Nimi")),
            Column("municipality", _("Kotikunta")),
            Column("situation", _("Muutostilanne")),
            Column("status", _("Tilanne nyt")),
            Column("flagged_on", _("Merkitty")),
        ],
        rows=[
            {
                "pk": c.jobseeker.pk,
                "name": f"{c.jobseeker.last_name} {c.jobseeker.first_name}",
                "municipality": c.jobseeker.municipality.name_fi,
                "situation": c.situation.employer_name,
                "status": labels[c.status],
                "flagged_on": c.flagged_on,
            }
            for c in customers
        ],
    )
