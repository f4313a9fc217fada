"""The client journal as a table for the CSV/XLSX export (common.tables), from the rows a reader may see."""

from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _

from common.tables import Column, Table


def _name(user) -> str:
    return user.get_full_name() or user.username


def journal_table(jobseeker, rows) -> Table:
    return Table(
        key=f"asiakaskertomus-{jobseeker.pk}",
        title=_("Asiakaskertomus"),
        columns=[
            Column("entry_date", _("Päivä")),
            Column("kind", _("Laji")),
            Column("text", _("Teksti")),
            Column("meeting", _("Tapaaminen")),
            Column("author", _("Kirjoittaja")),
            Column("created_at", _("Kirjattu")),
            Column("id", _("Merkinnän numero")),
            Column("corrects", _("Korjaa merkinnän")),
            Column("corrected_by", _("Korjattu merkinnällä")),
        ],
        rows=[
            {
                "entry_date": row.entry.entry_date,
                "kind": str(row.entry.get_kind_display()),
                "text": row.text,
                "meeting": row.entry.meeting_id,
                "author": _name(row.entry.author),
                "created_at": localtime(row.entry.created_at).replace(tzinfo=None, microsecond=0),
                "id": row.entry.pk,
                "corrects": row.entry.corrects_id,
                "corrected_by": row.entry.correction.pk if row.corrected else None,
            }
            for row in rows
        ],
    )
