"""The plan's text (as extracted from its PDF) cut into its six statutory sections, each as heading and paragraphs.

Pure: no Django. The extraction leaves a line per printed line, blank lines between them, whitespace-only lines
where a paragraph ended, and the printed tables as rows of numbers. A section starts at the first line "N. Heading"
after the previous section's (numbers 1–6 in order, so a numbered list inside a section is not mistaken for one);
a heading that wraps continues on a line starting in lower case. Tables are left out: the report prints them anew
from the database, so their rows, their column headers above them and a "(taulukko N)" caption below them are not
narrative. So is a lone "Lähde: …" line, the credit of a figure that the extraction did not keep.
"""

import re
from dataclasses import dataclass

SECTIONS = range(1, 7)
HEADING = re.compile(r"^\s*([1-6])\.\s+(\S.*)$")
NUMBER = re.compile(r"^(?:\d[\d.,]*%?|\.\.\.|…)$")
CAPTION = re.compile(r"\(taulukko\s+\d+\)", re.IGNORECASE)
FIGURE_CREDIT = re.compile(r"^Lähde:\s.{1,60}$")
SENTENCE_END = (".", "!", "?", ":", ")")
SHORT_LINE = 80  # a printed line is about 90 characters: a shorter one ends its paragraph or is a heading
TABLE_HEADER_LINES = 12


class PlanTextError(ValueError):
    """The text does not have the six sections in order; `section` names the first one missing."""

    def __init__(self, section: int):
        super().__init__(f"section {section} not found")
        self.section = section


@dataclass(frozen=True)
class Section:
    number: int
    heading: str
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def source(self) -> str:
        return f"§{self.number}"


def _clean(line: str) -> str:
    return " ".join(line.split())


def _starts_lower(line: str) -> bool:
    return bool(line) and line[0].islower()


def _is_number_row(line: str) -> bool:
    tokens = line.split()
    numbers = sum(1 for token in tokens if NUMBER.match(token))
    return len(tokens) >= 4 and numbers >= 3 and numbers * 2 >= len(tokens)


def _headings(lines: list[str]) -> list[tuple[int, int, int, str]]:
    """(number, first line, first line after the heading, heading text) of each section, in order."""
    found = []
    start = 0
    for number in SECTIONS:
        for index in range(start, len(lines)):
            match = HEADING.match(lines[index])
            if match and int(match.group(1)) == number and match.group(2)[0].isupper():
                break
        else:
            raise PlanTextError(number)
        heading = _clean(match.group(2))
        end = index + 1
        while not heading.endswith(SENTENCE_END):
            following = next((i for i in range(end, len(lines)) if lines[i].strip()), None)
            if following is None or not _starts_lower(lines[following].strip()):
                break
            heading = f"{heading} {_clean(lines[following])}"
            end = following + 1
        found.append((number, index, end, heading))
        start = end
    return found


def _without_tables(lines: list[str]) -> list[str]:
    """The lines with each table (its number rows, the header lines above and a caption below) blanked out."""
    content = [i for i, line in enumerate(lines) if line.strip()]
    dropped = {i for i in content if _is_number_row(lines[i])}
    for position, index in enumerate(content):
        if index not in dropped or (position and content[position - 1] in dropped):
            continue
        # The first row of a table: its column headers are the short lines just above that end no sentence.
        for back in range(position - 1, max(position - 1 - TABLE_HEADER_LINES, -1), -1):
            line = _clean(lines[content[back]])
            if len(line) >= SHORT_LINE or line.endswith((".", "!", "?")):
                break
            dropped.add(content[back])
    for position, index in enumerate(content):
        if index in dropped and position + 1 < len(content) and CAPTION.search(lines[content[position + 1]]):
            dropped.add(content[position + 1])
    return ["" if i in dropped else line for i, line in enumerate(lines)]


def _joined(left: str, right: str) -> str:
    # "TE-" at a line's end is a compound split by the printer (TE-palvelut); "työnantaja-" before "ja" is not.
    if re.search(r"[A-ZÅÄÖ]-$", left) and _starts_lower(right):
        return left + right
    return f"{left} {right}"


def paragraphs(lines: list[str]) -> tuple[str, ...]:
    """The lines joined into paragraphs: a whitespace-only line, a line ending a sentence or a short line (a subheading,
    an address) ends one when the next line starts in upper case."""
    result: list[str] = []
    current = last = ""

    def close():
        nonlocal current
        if current and not FIGURE_CREDIT.match(current):
            result.append(current)
        current = ""

    pending = False
    for raw in lines:
        if not raw.strip():
            # Whitespace only: the extraction's paragraph break, unless the text goes on in lower case (a page break).
            pending = pending or bool(raw)
            continue
        line = _clean(raw)
        if current and not _starts_lower(line):
            short = len(last) < SHORT_LINE and not last.endswith((",", "-", "–"))
            if pending or last.endswith(SENTENCE_END) or short:
                close()
        pending = False
        current = _joined(current, line) if current else line
        last = line
    close()
    return tuple(result)


def parse(text: str) -> list[Section]:
    """The six sections of the plan's text; PlanTextError names the first section whose heading is missing."""
    lines = _without_tables(text.splitlines())
    headings = _headings(lines)
    sections = []
    for position, (number, _start, body_start, heading) in enumerate(headings):
        body_end = headings[position + 1][1] if position + 1 < len(headings) else len(lines)
        sections.append(Section(number, heading, paragraphs(lines[body_start:body_end])))
    return sections
