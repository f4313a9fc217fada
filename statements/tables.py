"""Statements as a table: the list page's rows and the CSV/XLSX export of approved statements (common.tables)."""

from django.utils.translation import gettext_lazy as _

from common.tables import Column, Table
from statements import texts


def _name(user) -> str:
    return (user.get_full_name() or user.username) if user else ""


def statements_table(statements, *, key: str = "lausunnot", title=None) -> Table:
    return Table(
        key=key,
        title=title or _("Työvoimapoliittiset lausunnot"),
        columns=[
            Column("reference", _("Numero")),
            Column("jobseeker", _("Työnhakija")),
            Column("case_type", _("Asia")),
            Column("conduct_on", _("Menettelyn päivä")),
            Column("state", _("Tila")),
            Column("legal_section", _("Lainkohta")),
            Column("consequence", _("Seuraamus")),
            Column("payer", _("Maksaja")),
            Column("drafted_by", _("Valmistelija")),
            Column("decided_by", _("Hyväksyjä")),
            Column("decided_on", _("Hyväksytty")),
        ],
        rows=[
            {
                "reference": statement.reference,
                "jobseeker": f"{statement.jobseeker.last_name}, {statement.jobseeker.first_name}",
                "case_type": str(statement.get_case_type_display()),
                "conduct_on": statement.conduct_on,
                "state": str(statement.get_state_display()),
                "legal_section": statement.legal_section,
                "consequence": texts.consequence(
                    statement.consequence, statement.consequence_days, statement.consequence_weeks
                ),
                "payer": statement.payer_name or str(statement.get_payer_display()),
                "drafted_by": _name(statement.drafted_by),
                "decided_by": _name(statement.decided_by),
                "decided_on": statement.decided_on,
                "id": statement.pk,
            }
            for statement in statements
        ],
    )
