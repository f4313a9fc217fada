"""Caseload tables, built once for the page and its CSV/XLSX export (www.tables), so the two never disagree."""

from decimal import Decimal

from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from common.formatting import local_number
from common.tables import Column, Table
from jobseekers import selectors

COUNSELLOR_PAGE_SIZE = 100


def _target_range(target) -> str:
    if target is None:
        return ""
    low, high = target.min_clients, target.max_clients
    if low is not None and high is not None:
        return str(low) if low == high else f"{low}–{high}"
    if high is not None:
        return f"< {high}"
    return f"≥ {low}"


def _plain_decimal(value: Decimal | None) -> Decimal | None:
    """4 and 0,75 rather than 4,00 and 0,75; never an exponent form such as 1E+1."""
    if value is None:
        return None
    return value.to_integral_value() if value == value.to_integral_value() else value.normalize()


def _row(caseload: selectors.Caseload, **extra) -> dict:
    target = caseload.target
    return {
        "municipality": caseload.municipality,
        "team": caseload.team,
        "name": caseload.name,
        "clients": caseload.clients,
        "unassigned": caseload.unassigned,
        "residents": caseload.residents,
        "fte": _plain_decimal(caseload.fte),
        "per_fte": caseload.per_fte,
        "target": _target_range(target),
        "wording": target.wording if target else "",
        "status": str(caseload.status.label),
        "fte_needed": caseload.fte_needed,
        "note": caseload.note,
        "over": caseload.over,
        "status_code": caseload.status.value,
        **extra,
    }


COMMON_TAIL = [
    Column("fte", _("Htv"), numeric=True),
    Column("per_fte", _("Asiakkaita / htv"), numeric=True),
    Column("wording", _("Tavoite (suunnitelman sanamuoto)")),
    Column("status", _("Tilanne")),
    Column("fte_needed", _("Puuttuu htv"), numeric=True),
]


def caseload_tables(user, *, municipality_code: str = "", counsellor_page: str | None = None) -> dict:
    """The three tables; with `counsellor_page` (a page number) the counsellor table holds that page of the
    counsellors only, and "counsellor_page" is its Page: a country-sized area has thousands of counsellors, and
    rendering them all was most of the page's time."""
    data = selectors.caseloads(user, municipality_code=municipality_code)
    page = None
    if counsellor_page is not None:
        page = Paginator(data["counsellors"], COUNSELLOR_PAGE_SIZE).get_page(counsellor_page)
        data["counsellors"] = page.object_list
    municipality_table = Table(
        key="asiakasmaarat-kunnat",
        title=_("Asiakasmäärät kunnittain (palveleva kunta)"),
        columns=[
            Column("name", _("Kunta")),
            Column("clients", _("Asiakkaita"), numeric=True),
            Column("unassigned", _("Ilman vastuuohjaajaa"), numeric=True),
            Column("residents", _("Kunnan asukkaita asiakkaina"), numeric=True),
            *COMMON_TAIL,
            Column("note", _("Huomio")),
        ],
        rows=[_row(c) for c in data["municipalities"]],
        caption=_(
            "Asiakkaat lasketaan palvelevalle kunnalle: Paltamon luvuissa ovat myös Hyrynsalmen ja Ristijärven "
            "asukkaat. Htv on kunnan työllisyysohjaajien yhteenlaskettu htv."
        ),
    )
    team_table = Table(
        key="asiakasmaarat-tiimit",
        title=_("Asiakasmäärät tiimeittäin"),
        columns=[
            Column("municipality", _("Kunta")),
            Column("name", _("Tiimi")),
            Column("clients", _("Asiakkaita"), numeric=True),
            Column("unassigned", _("Ilman vastuuohjaajaa"), numeric=True),
            *COMMON_TAIL,
        ],
        rows=[_row(c) for c in data["teams"]],
    )
    counsellor_table = _counsellor_table(data["counsellors"])
    return {
        "municipality_table": municipality_table,
        "team_table": team_table,
        "counsellor_table": counsellor_table,
        "counsellor_page": page,
    }


def _counsellor_table(counsellors) -> Table:
    return Table(
        key="asiakasmaarat-ohjaajat",
        title=_("Asiakasmäärät ohjaajittain"),
        columns=[
            Column("name", _("Ohjaaja")),
            Column("municipality", _("Kunta")),
            Column("team", _("Tiimi")),
            Column("clients", _("Asiakkaita"), numeric=True),
            *COMMON_TAIL,
            Column("note", _("Huomio")),
        ],
        rows=[_row(c) for c in counsellors],
    )


def counsellor_caseloads(user, municipality_code: str) -> tuple[Table, dict[int, str]]:
    """The counsellors' caseload table of a municipality, and each counsellor's caseload and target in one line (for
    choosing whom to give clients), by user id."""
    # Built once: the rows are built when read (selectors.CounsellorCaseloads), and both the labels and the table read
    # every row.
    counsellors = list(selectors.caseloads(user, municipality_code=municipality_code)["counsellors"])
    labels = {}
    for c in counsellors:
        parts = [ngettext("%(count)s asiakas", "%(count)s asiakasta", c.clients) % {"count": local_number(c.clients)}]
        if c.per_fte is not None:
            parts.append(_("%(value)s / htv") % {"value": local_number(c.per_fte)})
        if c.target is not None and _target_range(c.target):
            parts.append(_("tavoite %(range)s") % {"range": _target_range(c.target)})
        where = c.team or c.municipality
        labels[int(c.key.removeprefix("user:"))] = f"{c.name} ({where}): {', '.join(str(p) for p in parts)}"
    return _counsellor_table(counsellors), labels
