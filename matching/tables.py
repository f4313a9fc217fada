"""The mobility report as a table: the page's rows and their CSV/XLSX export (common.tables)."""

from django.utils.translation import gettext_lazy as _

from common.tables import Column, Table
from matching.selectors import Mobility


def mobility_table(mobility: Mobility) -> Table:
    return Table(
        key="liikkuvuus-kuntaparit",
        title=_("Työtarjoukset ja palkkaukset yli kuntarajan"),
        columns=[
            Column("home", _("Kotikunta")),
            Column("workplace", _("Työpaikan kunta")),
            Column("offers", _("Työtarjouksia"), numeric=True),
            Column("hires", _("Palkattuja"), numeric=True),
            Column("distance_km", _("Tieetäisyys, km"), numeric=True),
            Column("outside_area", _("Työpaikan sijainti")),
        ],
        rows=[
            {
                "home": flow.home,
                "workplace": flow.workplace,
                "outside_area": str(_("alueen ulkopuolella") if flow.outside_area else _("alueella")),
                "offers": flow.offers,
                "hires": flow.hires,
                "distance_km": None if flow.distance_km is None else round(flow.distance_km),
            }
            for flow in mobility.flows
        ],
        caption=_("Kotikunnasta työpaikan kuntaan, tarjouksen tekohetken mukaan"),
    )
