"""The competence tables shown on the heat-map page and exported as CSV/XLSX from the same rows."""

from django.utils.translation import gettext as _

from common.tables import Column, Table
from competence import gaps, texts
from competence.selectors import RoundAnalysis


def _place(data: RoundAnalysis, municipality: str) -> str:
    return _("Koko alue") if municipality == gaps.AREA else data.municipalities[municipality]


def _hidden(data: RoundAnalysis, cell: gaps.Cell) -> bool:
    return data.hidden(cell)


def heat_map(data: RoundAnalysis) -> dict:
    """Rows of tasks, a cell per municipality and the area: the count, its FTE and its status for colouring."""
    places = [*data.municipalities, gaps.AREA]
    rows = []
    for task, name in data.tasks.items():
        cells = []
        for place in places:
            cell = data.analysis.cells[(place, task)]
            cells.append({"cell": cell, "hidden": _hidden(data, cell), "status": texts.status(cell.code)})
        rows.append({"task": name, "cells": cells})
    return {"places": [_place(data, p) for p in places], "rows": rows}


def cells_table(data: RoundAnalysis) -> Table:
    table = Table(
        key="osaaminen-kunnat",
        title=_("Itsenäiset osaajat kunnittain ja tehtävittäin"),
        columns=[
            Column("place", _("Kunta")),
            Column("task", _("Tehtävä")),
            Column("respondents", _("Vastaajia"), numeric=True),
            Column("competent", _("Itsenäisiä"), numeric=True),
            Column("fte", _("Itsenäisten htv"), numeric=True),
            Column("status", _("Tilanne")),
        ],
    )
    for (place, task), cell in data.analysis.cells.items():
        hidden = _hidden(data, cell)
        table.rows.append(
            {
                "place": _place(data, place),
                "task": data.tasks[task],
                "respondents": None if hidden else cell.respondents,
                "competent": None if hidden else cell.competent,
                "fte": None if hidden else cell.fte,
                "status": texts.suppressed(cell) if hidden else texts.status(cell.code),
            }
        )
    return table


def bottlenecks_table(data: RoundAnalysis) -> Table:
    table = Table(
        key="osaaminen-pullonkaulat",
        title=_("Pullonkaulat"),
        columns=[
            Column("place", _("Kunta")),
            Column("task", _("Tehtävä")),
            Column("status", _("Tilanne")),
            Column("covers", _("Voisi paikata muualta")),
        ],
    )
    for item in data.analysis.bottlenecks:
        cell = data.analysis.cells[(item.municipality, item.task)]
        if _hidden(data, cell):
            continue
        named = [data.names[i] for i in item.cover_ids if i in data.names]
        covers = ", ".join(named) if named and data.shows_small_groups else texts.covers(len(item.cover_ids))
        if item.municipality == gaps.AREA:
            covers = ""
        table.rows.append(
            {
                "place": _place(data, item.municipality),
                "task": data.tasks[item.task],
                "status": texts.status(item.code),
                "covers": covers,
            }
        )
    return table


def changes_table(data: RoundAnalysis) -> Table:
    table = Table(
        key="osaaminen-muutokset",
        title=_("Muutokset edelliseen kierrokseen"),
        columns=[Column("place", _("Kunta")), Column("task", _("Tehtävä")), Column("change", _("Muutos"))],
    )
    for item in data.changes:
        if _hidden(data, data.analysis.cells[(item.municipality, item.task)]):
            continue
        table.rows.append(
            {"place": _place(data, item.municipality), "task": data.tasks[item.task], "change": texts.change(item)}
        )
    return table


def training_table(data: RoundAnalysis) -> Table:
    table = Table(
        key="osaaminen-koulutustarpeet",
        title=_("Koulutustarpeet"),
        columns=[Column("area", _("Osaamisalue")), Column("people", _("Toivojia"), numeric=True)],
    )
    for key, name in data.areas.items():
        table.rows.append({"area": name, "people": data.analysis.training.get(key, 0)})
    return table


TABLES = {
    "kunnat": cells_table,
    "pullonkaulat": bottlenecks_table,
    "muutokset": changes_table,
    "koulutustarpeet": training_table,
}
