"""The TOL 2008 main classes (sections A–U) read from data/classifications/tol-2008.csv. Pure: no Django.

An employer's industry is stored as the section letter; the names come from the file, so a translation fix is a data
change. The file is read once per process: it is part of the repository, never downloaded.
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

FILE = Path(__file__).resolve().parent.parent / "data" / "classifications" / "tol-2008.csv"
HEADER = ["code", "name_fi", "name_en"]


@dataclass(frozen=True)
class Industry:
    code: str
    name_fi: str
    name_en: str

    def name(self, language: str) -> str:
        """English in English, otherwise Finnish: the classification has no Swedish names in this file."""
        return self.name_en if language.startswith("en") else self.name_fi


class IndustryFileError(Exception):
    pass


def read(path: Path) -> dict[str, Industry]:
    with open(path, encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    if not rows or rows[0] != HEADER:
        raise IndustryFileError(f"{path}: rivi 1: otsakkeen on oltava {','.join(HEADER)}")
    found: dict[str, Industry] = {}
    for line, row in enumerate(rows[1:], start=2):
        if len(row) != len(HEADER) or not all(part.strip() for part in row):
            raise IndustryFileError(f"{path}: rivi {line}: kolme ei-tyhjää kenttää odotettiin")
        code = row[0].strip()
        if len(code) != 1 or not "A" <= code <= "Z" or code in found:
            raise IndustryFileError(f"{path}: rivi {line}: koodi {code!r} ei ole uusi yksittäinen iso kirjain")
        found[code] = Industry(code, row[1].strip(), row[2].strip())
    return found


@cache
def industries() -> dict[str, Industry]:
    return read(FILE)


def label(code: str, language: str) -> str:
    """ "C Teollisuus"; an unknown or empty code as it is."""
    industry = industries().get(code)
    return f"{industry.code} {industry.name(language)}" if industry else code
