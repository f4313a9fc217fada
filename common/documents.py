"""Letters and decisions as DOCX: the one way a document for a client, an employer or a payer is written.

A document is built from plain parts (a letterhead, headings, paragraphs, label–value fields, tables) so that the
callers say what a letter contains and never how Word lays it out; the texts come in already translated.
"""

import io
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from django.http import HttpResponse
from docx import Document as _DocxDocument
from docx.shared import Pt

from common.formatting import fi_date
from common.tables import Table

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class Letterhead:
    """Who sends, to whom, when and under which reference: the block every official letter opens with."""

    sender: list[str]
    recipient: list[str] = field(default_factory=list)
    dated: date | None = None
    reference: str = ""
    date_label: str = ""
    reference_label: str = ""


class LetterDocument:
    def __init__(self, title: str, language: str = "fi"):
        self._document = _DocxDocument()
        style = self._document.styles["Normal"]
        style.font.name = "Source Sans 3"
        style.font.size = Pt(11)
        self._document.core_properties.title = str(title)
        self._document.core_properties.language = language
        self.title = str(title)

    def letterhead(self, head: Letterhead) -> "LetterDocument":
        for line in head.sender:
            self._document.add_paragraph(str(line))
        if head.dated:
            self._document.add_paragraph(f"{head.date_label} {fi_date(head.dated)}".strip())
        if head.reference:
            self._document.add_paragraph(f"{head.reference_label} {head.reference}".strip())
        if head.recipient:
            self._document.add_paragraph("")
            for line in head.recipient:
                self._document.add_paragraph(str(line))
        self._document.add_heading(self.title, level=1)
        return self

    def heading(self, text: str) -> "LetterDocument":
        self._document.add_heading(str(text), level=2)
        return self

    def paragraph(self, text: str) -> "LetterDocument":
        for part in str(text).split("\n\n"):
            self._document.add_paragraph(part.strip())
        return self

    def fields(self, pairs: list[tuple[str, object]]) -> "LetterDocument":
        """Label–value lines as a two-column table without borders, so a reader finds a fact by its label."""
        grid = self._document.add_table(rows=0, cols=2)
        for label, value in pairs:
            cells = grid.add_row().cells
            cells[0].text = str(label)
            cells[1].text = _text(value)
            for run in cells[0].paragraphs[0].runs:
                run.bold = True
        return self

    def table(self, table: Table) -> "LetterDocument":
        grid = self._document.add_table(rows=1, cols=len(table.columns))
        grid.style = "Table Grid"
        for cell, column in zip(grid.rows[0].cells, table.columns, strict=True):
            cell.text = str(column.label)
        for row in table.rows:
            cells = grid.add_row().cells
            for cell, column in zip(cells, table.columns, strict=True):
                cell.text = _text(row.get(column.key))
        return self

    def to_bytes(self) -> bytes:
        buffer = io.BytesIO()
        self._document.save(buffer)
        return buffer.getvalue()

    def response(self, filename: str) -> HttpResponse:
        response = HttpResponse(self.to_bytes(), content_type=DOCX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{safe_filename(filename)}.docx"'
        return response


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return fi_date(value)
    return str(value)


def safe_filename(name: str) -> str:
    """An ASCII file name without path separators, quotes or spaces, so a header never breaks and never names a path."""
    ascii_name = unicodedata.normalize("NFKD", str(name)).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9_]+|\.{2,}", "-", ascii_name)
    cleaned = re.sub(r"-{2,}", "-", cleaned).strip("-")
    return cleaned or "document"


def read_text(content: bytes) -> str:
    """Every paragraph and table cell of a DOCX as lines: what a test or an archive check reads back."""
    document = _DocxDocument(io.BytesIO(content))
    lines = [paragraph.text for paragraph in document.paragraphs]
    for grid in document.tables:
        for row in grid.rows:
            lines.append("\t".join(cell.text for cell in row.cells))
    return "\n".join(lines)
