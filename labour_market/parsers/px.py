"""PC-Axis (.px) as Statistics Finland publishes it.

A px file is a header of `KEYWORD[lang]("sub","keys")=value;` statements followed by `DATA=` and the numbers. The
text encoding is named inside the file (CODEPAGE, often iso-8859-15), so the file is read as bytes first. Keywords
without a language belong to the main LANGUAGE; `VALUES[sv]("Område")` is the Swedish text of the variable that is
"Alue" in Finnish, matched by its place in STUB and HEADING. The data cells run through the STUB variables and then
the HEADING variables, the last one changing fastest.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import product
from math import prod

from labour_market.figures import Status, decimals_of
from labour_market.parsers import IndicatorLabel, Observation, ParsedFile, ParseError, parse_month

DEFAULT_CODEPAGE = "iso-8859-1"
CODEPAGE = re.compile(rb'CODEPAGE\s*=\s*"([^"]+)"\s*;')
KEYWORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*")
BARE_VALUE = re.compile(r"[^\s,;\"]+")
DATA_VALUE = re.compile(r"[^\s,;]+")
SYMBOLS = {
    '"..."': Status.SUPPRESSED,
    '".."': Status.SUPPRESSED,
    '"."': Status.MISSING,
    '"...."': Status.MISSING,
    '"....."': Status.MISSING,
    '"......"': Status.MISSING,
    '"-"': Status.ZERO,
}
AREA_VARIABLES = {"alue", "område", "area", "region"}
MONTH_VARIABLES = {"kuukausi", "månad", "month"}
CONTENT_VARIABLES = {"tiedot", "uppgifter", "information"}


@dataclass
class Statement:
    keyword: str
    language: str | None
    subkeys: tuple[str, ...]
    values: list[str]
    line: int


class _Scanner:
    def __init__(self, text: str, file: str):
        self.text = text
        self.file = file
        self.index = 0

    def position(self, index: int | None = None) -> str:
        index = self.index if index is None else index
        line = self.text.count("\n", 0, index) + 1
        column = index - (self.text.rfind("\n", 0, index) + 1) + 1
        return f"rivi {line}, sarake {column}"

    def fail(self, problem: str, index: int | None = None):
        raise ParseError(self.file, self.position(index), problem)

    def skip_space(self) -> None:
        while self.index < len(self.text) and self.text[self.index] in " \t\r\n":
            self.index += 1

    def at_end(self) -> bool:
        self.skip_space()
        return self.index >= len(self.text)

    def peek(self) -> str:
        return self.text[self.index] if self.index < len(self.text) else ""

    def expect(self, char: str) -> None:
        self.skip_space()
        if self.peek() != char:
            self.fail(f"odotettiin merkkiä '{char}'" + (f", löytyi '{self.peek()}'" if self.peek() else ""))
        self.index += 1

    def string(self) -> str:
        """A quoted string; quotes cannot be escaped in PC-Axis, and a line break ends nothing."""
        start = self.index
        self.index += 1
        end = self.text.find('"', self.index)
        if end < 0:
            self.fail("lainausmerkki jää sulkematta", start)
        self.index = end + 1
        return self.text[start + 1 : end]

    def statement(self) -> Statement:
        self.skip_space()
        start = self.index
        match = KEYWORD.match(self.text, self.index)
        if not match:
            self.fail("odotettiin avainsanaa")
        keyword = match.group(0).upper()
        self.index = match.end()
        language = None
        if self.peek() == "[":
            close = self.text.find("]", self.index)
            if close < 0:
                self.fail("kielitunnuksen ']' puuttuu")
            language = self.text[self.index + 1 : close].strip()
            self.index = close + 1
        subkeys = []
        if self.peek() == "(":
            self.index += 1
            while True:
                self.skip_space()
                if self.peek() != '"':
                    self.fail("alaavaimen pitää olla lainausmerkeissä")
                subkeys.append(self.string())
                self.skip_space()
                if self.peek() == ",":
                    self.index += 1
                    continue
                self.expect(")")
                break
        self.expect("=")
        line = self.text.count("\n", 0, start) + 1
        if keyword == "DATA":
            return Statement(keyword, language, tuple(subkeys), [], line)
        return Statement(keyword, language, tuple(subkeys), self.value_list(), line)

    def value_list(self) -> list[str]:
        """Comma-separated items up to ';'. Adjacent strings join, as long texts are split over lines."""
        values: list[str] = []
        current: str | None = None
        while True:
            self.skip_space()
            char = self.peek()
            if not char:
                self.fail("lauseen päättävä ';' puuttuu")
            if char == ";":
                self.index += 1
                if current is not None:
                    values.append(current)
                return values
            if char == ",":
                if current is None:
                    self.fail("tyhjä arvo luettelossa")
                values.append(current)
                current = None
                self.index += 1
            elif current is not None and char != '"':
                self.fail("odotettiin ',' tai lauseen päättävää ';'")
            elif char == '"':
                text = self.string()
                current = text if current is None else current + text
            elif self.text.startswith("TLIST(", self.index):
                close = self.text.find(")", self.index)
                if close < 0:
                    self.fail("TLIST-lausekkeen ')' puuttuu")
                current = self.text[self.index : close + 1]
                self.index = close + 1
            else:
                match = BARE_VALUE.match(self.text, self.index)
                current = match.group(0)
                self.index = match.end()

    def data(self, count: int) -> list[tuple[str, int]]:
        cells = []
        while True:
            self.skip_space()
            char = self.peek()
            if not char:
                self.fail("DATA-osan päättävä ';' puuttuu")
            if char == ";":
                self.index += 1
                break
            start = self.index
            if len(cells) == count:
                self.fail(f"DATA-osassa on enemmän lukuja kuin muuttujien arvoista seuraa ({count})")
            if char == '"':
                token = '"' + self.string() + '"'
            else:
                match = DATA_VALUE.match(self.text, self.index)
                token = match.group(0)
                self.index = match.end()
            cells.append((token, start))
            self.skip_space()
            if self.peek() == ",":
                self.index += 1
        if len(cells) != count:
            self.fail(f"DATA-osassa on {len(cells)} lukua, muuttujien arvoista seuraa {count}", self.index - 1)
        if not self.at_end():
            self.fail("tiedostossa on tekstiä DATA-osan jälkeen")
        return cells


def decode(raw: bytes, file: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        codepage, raw = "utf-8", raw[3:]
    else:
        match = CODEPAGE.search(raw[: raw.find(b"DATA=")] if b"DATA=" in raw else raw)
        codepage = match.group(1).decode("ascii", "replace").strip() if match else DEFAULT_CODEPAGE
    try:
        return raw.decode(codepage)
    except LookupError:
        raise ParseError(file, "CODEPAGE", f"tuntematon merkistö '{codepage}'") from None
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ParseError(
            file, f"rivi {line}, tavu {error.start}", f"tiedosto ei ole ilmoitettua merkistöä {codepage}"
        ) from None


class _Header:
    def __init__(self, statements: list[Statement], scanner: _Scanner):
        self.statements = statements
        self.scanner = scanner
        self.main_language = self.get("LANGUAGE")
        self.main_language = self.main_language[0] if self.main_language else None

    def _is_main(self, language: str | None) -> bool:
        return language is None or language == self.main_language

    def get(self, keyword: str, *subkeys: str, language: str | None = None) -> list[str] | None:
        for statement in self.statements:
            if statement.keyword != keyword or statement.subkeys != subkeys:
                continue
            if (language is None and self._is_main(statement.language)) or (
                language is not None and statement.language == language
            ):
                return statement.values
        return None

    def text(self, keyword: str, language: str | None = None) -> str:
        values = self.get(keyword, language=language)
        return values[0] if values else ""

    def languages(self) -> list[str]:
        return self.get("LANGUAGES") or ([self.main_language] if self.main_language else [])

    def require(self, keyword: str, *subkeys: str) -> list[str]:
        values = self.get(keyword, *subkeys)
        if values is None:
            what = f'{keyword}("{subkeys[0]}")' if subkeys else keyword
            raise ParseError(self.scanner.file, "otsake", f"pakollinen avainsana {what} puuttuu")
        return values


def parse(raw: bytes, file: str) -> ParsedFile:
    scanner = _Scanner(decode(raw, file), file)
    statements = []
    while True:
        if scanner.at_end():
            scanner.fail("DATA-osa puuttuu")
        statement = scanner.statement()
        if statement.keyword == "DATA":
            break
        statements.append(statement)
    header = _Header(statements, scanner)
    if any(s.keyword == "KEYS" for s in statements):
        raise ParseError(file, "KEYS", "KEYS-muotoista (harvaa) px-tiedostoa ei tueta")
    stub = header.get("STUB") or []
    heading = header.get("HEADING") or []
    variables = [*stub, *heading]
    if not variables:
        raise ParseError(file, "otsake", "STUB ja HEADING puuttuvat")
    texts = {variable: header.require("VALUES", variable) for variable in variables}
    codes = {variable: header.get("CODES", variable) or texts[variable] for variable in variables}
    for variable in variables:
        if len(codes[variable]) != len(texts[variable]):
            raise ParseError(file, f'CODES("{variable}")', "koodeja on eri määrä kuin arvoja")
    roles = _roles(header, variables, codes, file)
    cells = scanner.data(prod(len(codes[v]) for v in variables))

    content = roles["indicator"]
    indicators = _indicator_labels(header, variables, content, texts, codes)
    area_names = dict(zip(codes[roles["area"]], texts[roles["area"]], strict=True))
    observations = []
    index_of = {variable: position for position, variable in enumerate(variables)}
    for combination, (token, start) in zip(product(*(range(len(codes[v])) for v in variables)), cells, strict=True):
        month_code = codes[roles["month"]][combination[index_of[roles["month"]]]]
        month = parse_month(month_code)
        if month is None:
            raise ParseError(file, f'CODES("{roles["month"]}")', f"'{month_code}' ei ole kuukausi (VVVVMkk)")
        indicator = codes[content][combination[index_of[content]]]
        status, value, decimals = _cell(token, indicators[indicator].decimals, scanner, start)
        observations.append(
            Observation(
                area=codes[roles["area"]][combination[index_of[roles["area"]]]],
                month=month,
                indicator=indicator,
                status=status,
                value=value,
                decimals=decimals,
            )
        )
    return ParsedFile(
        file=file,
        format="px",
        table=header.text("MATRIX"),
        title=header.text("TITLE") or header.text("DESCRIPTION"),
        source=header.text("SOURCE"),
        observations=observations,
        indicators=indicators,
        area_names=area_names,
    )


def _roles(header: _Header, variables: list[str], codes: dict, file: str) -> dict[str, str]:
    """Which variable is the area, the month and the indicator; any other must have a single value."""
    roles = {}
    content = header.text("CONTVARIABLE")
    timeval = next((s.subkeys[0] for s in header.statements if s.keyword == "TIMEVAL" and s.subkeys), None)
    for variable in variables:
        lowered = variable.lower()
        if variable == content or lowered in CONTENT_VARIABLES:
            roles.setdefault("indicator", variable)
        elif variable == timeval or lowered in MONTH_VARIABLES or all(parse_month(c) for c in codes[variable]):
            roles.setdefault("month", variable)
        elif lowered in AREA_VARIABLES:
            roles.setdefault("area", variable)
    for role, label in (("area", "alue"), ("month", "kuukausi"), ("indicator", "tiedot")):
        if role not in roles:
            raise ParseError(file, "STUB/HEADING", f"muuttuja '{label}' puuttuu")
    for variable in variables:
        if variable not in roles.values() and len(codes[variable]) != 1:
            raise ParseError(file, f'VALUES("{variable}")', "ylimääräisellä muuttujalla saa olla vain yksi arvo")
    return roles


def _indicator_labels(header: _Header, variables, content: str, texts, codes) -> dict[str, IndicatorLabel]:
    position = variables.index(content)
    translated = {}
    for language in header.languages():
        if language == header.main_language:
            continue
        other_variables = [
            *(header.get("STUB", language=language) or []),
            *(header.get("HEADING", language=language) or []),
        ]
        if len(other_variables) == len(variables):
            values = header.get("VALUES", other_variables[position], language=language)
            if values and len(values) == len(codes[content]):
                translated[language] = values
    labels = {}
    for index, (code, text) in enumerate(zip(codes[content], texts[content], strict=True)):
        names = {header.main_language or "fi": text}
        for language, values in translated.items():
            names[language] = values[index]
        precision = header.get("PRECISION", content, text)
        unit = header.get("UNITS", text) or header.get("UNITS") or [""]
        labels[code] = IndicatorLabel(
            code=code,
            names=names,
            unit=unit[0],
            decimals=int(precision[0]) if precision and precision[0].isdigit() else None,
        )
    return labels


def _cell(token: str, precision: int | None, scanner: _Scanner, start: int):
    if token in SYMBOLS:
        status = SYMBOLS[token]
        if status == Status.ZERO:
            return status, Decimal(0), precision or 0
        return status, None, precision or 0
    try:
        value = Decimal(token)
    except InvalidOperation:
        scanner.fail(f"'{token}' ei ole luku eikä tunnettu merkintä", start)
    if not value.is_finite():
        scanner.fail(f"'{token}' ei ole luku", start)
    decimals = max(decimals_of(value), precision or 0)
    return (Status.ZERO if value == 0 else Status.PUBLISHED), value, decimals
