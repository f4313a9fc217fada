"""The tables of subsidy pages, reused by their CSV/XLSX export."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from common.tables import Column, Table


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
