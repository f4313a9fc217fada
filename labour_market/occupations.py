"""The ISCO-08 occupation file read and checked, and occupation text folded for search. Pure: no Django.

`read` returns the file's rows only when every row is right; otherwise it raises `DataFileError` listing each
bad row with its line and the reason, so the loader writes nothing. `fold` (common/text.py) is the search's notion
of "the same letters": case and Latin diacritics do not matter ("SAIRAANHOIT" finds "Sairaanhoitajat", "lahihoit"
finds "Lähihoitajat"); `query_words` splits a search into such words.
"""

import csv
import io
import re
from dataclasses import dataclass

from common.data_files import DataFileError, Problem
from common.text import fold

HEADER = ["code", "level", "parent", "name_fi", "name_en"]
CODE = re.compile(r"[0-9]{1,4}", re.ASCII)
# The database column's length; a longer name would be cut silently.
MAX_NAME = 200


@dataclass(frozen=True)
class OccupationRow:
    line: int
    code: str
    level: int
    parent: str
    name_fi: str
    name_en: str


def query_words(query: str) -> list[str]:
    """The folded words of a search. A final "e" of a longer word is dropped so that an English noun also finds the
    names built on its stem ("nurse" finds "Nursing Professionals"); a Finnish singular already finds the plural names
    ("sairaanhoitaja" is in "sairaanhoitajat")."""
    return [word[:-1] if len(word) >= 4 and word.endswith("e") else word for word in fold(query).split()]


def search_text(code: str, name_fi: str, name_en: str) -> str:
    return fold(f"{code} {name_fi} {name_en}")


def _row(line: int, values: list[str], problems: list[Problem]) -> OccupationRow | None:
    if len(values) != len(HEADER):
        problems.append(Problem(line, f"rivillä on {len(values)} saraketta, pitää olla {len(HEADER)}"))
        return None
    code, level, parent, name_fi, name_en = (value.strip() for value in values)
    found = len(problems)
    if not CODE.fullmatch(code):
        problems.append(Problem(line, f"koodi '{code}' ei ole 1–4 numeroa"))
    elif level != str(len(code)):
        problems.append(Problem(line, f"koodin {code} taso on {len(code)}, ei '{level}'"))
    elif parent != code[:-1]:
        expected = f"'{code[:-1]}'" if len(code) > 1 else "tyhjä"
        problems.append(Problem(line, f"koodin {code} yläryhmä on {expected}, ei '{parent}'"))
    for column, name in (("name_fi", name_fi), ("name_en", name_en)):
        if not name:
            problems.append(Problem(line, f"{column} puuttuu"))
        elif len(name) > MAX_NAME:
            problems.append(Problem(line, f"{column} on yli {MAX_NAME} merkkiä"))
    if len(problems) > found:
        return None
    return OccupationRow(line, code, len(code), parent, name_fi, name_en)


def read(text: str, file: str) -> list[OccupationRow]:
    """The rows of an occupation CSV, parents before children; every problem of the file at once, or none."""
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header != HEADER:
        raise DataFileError(file, [Problem(1, f"otsikkorivin pitää olla {','.join(HEADER)}")], rows=True)
    problems: list[Problem] = []
    rows: dict[str, OccupationRow] = {}
    for values in reader:
        line = reader.line_num
        if not values:
            continue
        row = _row(line, values, problems)
        if row is None:
            continue
        if row.code in rows:
            problems.append(Problem(line, f"koodi {row.code} on jo rivillä {rows[row.code].line}"))
            continue
        rows[row.code] = row
    for row in rows.values():
        if row.parent and row.parent not in rows:
            problems.append(Problem(row.line, f"koodin {row.code} yläryhmää {row.parent} ei ole tiedostossa"))
    if problems:
        raise DataFileError(file, sorted(problems, key=lambda problem: problem.line), rows=True)
    return sorted(rows.values(), key=lambda row: (row.level, row.code))
