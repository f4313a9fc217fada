"""The plan "Suunnitelma työvoimapalveluiden järjestämiseksi" assembled from the database: the six sections' narrative
(plan_document.PlanText) with the live tables placed in the section they belong to, and its snapshot of numbers and
texts for the next version's change list. Rendering is plan_document/render.py; storing is plan_document/services.py.
"""

from dataclasses import dataclass, field
from datetime import date

from django.utils import translation
from django.utils.translation import gettext as _

from common.tables import Table
from common.today import service_today
from plan_document import changes, tables, texts
from plan_document.models import PlanText

SECTIONS = range(1, 7)


@dataclass
class Block:
    """A table of a section, or a sentence saying that its data does not exist yet."""

    table: Table | None = None
    note: str = ""


@dataclass
class ReportSection:
    number: int
    heading: str
    paragraphs: list[str]
    source: str
    only_in_finnish: bool = False
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Report:
    area_name: str
    title: str
    month: date
    language: str
    made_on: date
    sections: list[ReportSection]
    changes: list[str]
    snapshot: dict

    @property
    def tables(self) -> list[Table]:
        return [block.table for section in self.sections for block in section.blocks if block.table is not None]


class MissingTexts(Exception):
    """The area has no narrative for these sections yet (load_plan_texts fills them from the plan)."""

    def __init__(self, sections: list[int]):
        super().__init__(sections)
        self.sections = sections


def _table_or_note(table: Table | None, note: str) -> Block:
    if table is None:
        return Block(note=note)
    if not table.rows:
        return Block(note=f"{table.title}: {note}")
    return Block(table=table)


def _matching(area) -> Block:
    table = tables.matching_table(area)
    if table is None:
        return Block(
            note=_("Työtarjousten ja kohtaannon tietoja ei vielä ole: järjestelmässä ei ole työnvälityksen osaa.")
        )
    return _table_or_note(table, _("työtarjouksia ei ole vielä kirjattu."))


def _blocks(reader, area, month: date) -> dict[int, list[Block]]:
    commuting = [Block(table=t) for t in tables.commuting_tables(reader, area)]
    return {
        1: [
            _table_or_note(tables.labour_market_table(reader, area, month), _("Kuukauden tilastoja ei ole.")),
            Block(table=tables.staffing_table(reader)),
            _table_or_note(tables.capacity_table(reader), _("Kapasiteettilaskelmaa ei voi tehdä.")),
            _table_or_note(tables.competence_table(reader), _("Osaamiskartoitusta ei ole vielä tehty.")),
        ],
        2: [_table_or_note(tables.subsidy_table(reader), _("Palkkatuki- ja starttirahapäätöksiä ei ole vielä."))],
        3: [Block(table=tables.offices_table(reader))],
        4: [],
        5: [*(commuting or [Block(note=_("Pendelöintitilastoja ei ole."))]), _matching(area)],
        6: [],
    }


def snapshot(month: date, sections: list[ReportSection]) -> dict:
    result = {"month": f"{month:%Y-%m}", "tables": {}, "texts": {}}
    for section in sections:
        result["texts"][str(section.number)] = {"heading": section.heading, "text": "\n\n".join(section.paragraphs)}
        for block in section.blocks:
            if block.table is None:
                continue
            table = block.table
            labels = [(str(c.label), c.numeric) for c in table.columns]
            rows = [{str(c.label): row[c.key] for c in table.columns} for row in table.rows]
            result["tables"][table.key] = changes.table_snapshot(str(table.title), labels, rows)
    return result


def build(reader, area, month: date, language: str = "fi", previous: dict | None = None) -> Report:
    """The report of `area` for the statistics `month` in `language`, with its changes against `previous` (the
    latest stored version's snapshot, None for the first version)."""
    with translation.override(language):
        stored = {text.section: text for text in PlanText.objects.filter(area=area)}
        missing = [number for number in SECTIONS if number not in stored]
        if missing:
            raise MissingTexts(missing)
        blocks = _blocks(reader, area, month)
        sections = [
            ReportSection(
                number=number,
                heading=stored[number].heading_in(language),
                paragraphs=[p for p in stored[number].text_in(language).split("\n\n") if p.strip()],
                source=stored[number].source,
                only_in_finnish=language != "fi" and not stored[number].text_sv,
                blocks=blocks[number],
            )
            for number in SECTIONS
        ]
        taken = snapshot(month, sections)
        return Report(
            area_name=(area.name_sv or area.name_fi) if language == "sv" else area.name_fi,
            title=_("Suunnitelma työvoimapalveluiden järjestämiseksi"),
            month=month,
            language=language,
            made_on=service_today(),
            sections=sections,
            changes=texts.changes(changes.compare(previous, taken)),
            snapshot=taken,
        )
