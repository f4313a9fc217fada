"""JSON-stat 2.0 datasets as the StatFin PxWeb API returns them (`"response": {"format": "json-stat2"}`).

The values run through the dimensions in `id` order, the last changing fastest. `value` and `status` may each be an
array or an object keyed by position, and `status` may be a single string for every cell. A cell whose value is
null carries its reason in `status` ("..." confidential); a null without a status is missing data. Positions in
errors are JSON pointers into the document.
"""

import json
from decimal import Decimal
from itertools import product
from math import prod

from labour_market.figures import Status, decimals_of
from labour_market.parsers import IndicatorLabel, Observation, ParsedFile, ParseError, parse_month

STATUS_SYMBOLS = {"...": Status.SUPPRESSED, "..": Status.SUPPRESSED, "-": Status.ZERO}
AREA_IDS = {"alue", "område", "area", "region"}
MONTH_IDS = {"kuukausi", "månad", "month"}
CONTENT_IDS = {"tiedot", "uppgifter", "information"}


def _fail(file: str, pointer: str, problem: str):
    raise ParseError(file, f"JSON-osoite {pointer or '/'}", problem)


def _categories(file: str, name: str, dimension) -> tuple[list[str], dict]:
    pointer = f"/dimension/{name}"
    if not isinstance(dimension, dict) or not isinstance(dimension.get("category"), dict):
        _fail(file, pointer, "ulottuvuudelta puuttuu category")
    category = dimension["category"]
    index = category.get("index")
    labels = category.get("label") or {}
    if isinstance(index, list):
        codes = index
    elif isinstance(index, dict):
        positions = sorted(index.items(), key=lambda item: item[1])
        if [position for _, position in positions] != list(range(len(positions))):
            _fail(file, f"{pointer}/category/index", "sijainnit eivät ole 0, 1, 2, …")
        codes = [code for code, _ in positions]
    elif index is None and isinstance(labels, dict) and len(labels) == 1:
        codes = list(labels)
    else:
        _fail(file, f"{pointer}/category/index", "luokkien järjestys puuttuu")
    if not all(isinstance(code, str) for code in codes):
        _fail(file, f"{pointer}/category/index", "luokkakoodin pitää olla merkkijono")
    return codes, category


def _per_cell(file: str, name: str, raw, count: int, default):
    """`value` or `status` as one entry per cell, whichever of the three JSON-stat forms it came in."""
    if raw is None:
        return [default] * count
    if isinstance(raw, list):
        if len(raw) != count:
            _fail(file, f"/{name}", f"arvoja on {len(raw)}, ulottuvuuksista seuraa {count}")
        return raw
    if isinstance(raw, dict):
        cells = [default] * count
        for key, item in raw.items():
            if not key.isdigit() or int(key) >= count:
                _fail(file, f"/{name}/{key}", "sijainti on solujen ulkopuolella")
            cells[int(key)] = item
        return cells
    if isinstance(raw, str) and name == "status":
        return [raw] * count
    _fail(file, f"/{name}", "pitää olla taulukko tai objekti")


def _roles(file: str, ids: list[str], role: dict, codes: dict) -> dict[str, str]:
    found = {}
    for key, wanted in (("time", "month"), ("geo", "area"), ("metric", "indicator")):
        for name in role.get(key) or []:
            if name in ids:
                found.setdefault(wanted, name)
    for name in ids:
        if name in found.values():
            continue
        lowered = name.lower()
        if lowered in CONTENT_IDS:
            found.setdefault("indicator", name)
        elif lowered in MONTH_IDS or all(parse_month(code) for code in codes[name]):
            found.setdefault("month", name)
        elif lowered in AREA_IDS:
            found.setdefault("area", name)
    for wanted, label in (("area", "Alue"), ("month", "Kuukausi"), ("indicator", "Tiedot")):
        if wanted not in found:
            _fail(file, "/id", f"ulottuvuus '{label}' puuttuu")
    for name in ids:
        if name not in found.values() and len(codes[name]) != 1:
            _fail(file, f"/dimension/{name}", "ylimääräisellä ulottuvuudella saa olla vain yksi luokka")
    return found


def parse(raw: bytes, file: str) -> ParsedFile:
    try:
        # Decimal keeps a number exactly as written, so 7.0 stays one decimal and 0.1 stays 0.1.
        document = json.loads(raw.decode("utf-8-sig"), parse_float=Decimal)
    except UnicodeDecodeError as error:
        raise ParseError(file, f"tavu {error.start}", "tiedosto ei ole UTF-8-merkistöä") from None
    except json.JSONDecodeError as error:
        raise ParseError(
            file, f"rivi {error.lineno}, sarake {error.colno}", f"virheellinen JSON: {error.msg}"
        ) from None
    if not isinstance(document, dict) or document.get("class") != "dataset":
        _fail(file, "/class", "JSON-stat-tiedoston pitää olla yksi dataset (class: dataset)")
    if str(document.get("version", "")) != "2.0":
        _fail(file, "/version", "vain JSON-stat 2.0 on tuettu")
    ids, sizes, dimensions = document.get("id"), document.get("size"), document.get("dimension")
    if not isinstance(ids, list) or not isinstance(sizes, list) or len(ids) != len(sizes):
        _fail(file, "/id", "id ja size puuttuvat tai ovat eri pituisia")
    if not isinstance(dimensions, dict):
        _fail(file, "/dimension", "dimension puuttuu")
    codes, categories = {}, {}
    for name, size in zip(ids, sizes, strict=True):
        codes[name], categories[name] = _categories(file, name, dimensions.get(name))
        if len(codes[name]) != size:
            _fail(file, f"/dimension/{name}", f"luokkia on {len(codes[name])}, size-kentän mukaan {size}")
    roles = _roles(file, ids, document.get("role") or {}, codes)
    count = prod(sizes)
    values = _per_cell(file, "value", document.get("value"), count, None)
    statuses = _per_cell(file, "status", document.get("status"), count, None)

    content = roles["indicator"]
    units = categories[content].get("unit") or {}
    labels = categories[content].get("label") or {}
    language = ((document.get("extension") or {}).get("px") or {}).get("language") or "fi"
    indicators = {
        code: IndicatorLabel(
            code=code,
            names={language: labels.get(code, code)},
            unit=str((units.get(code) or {}).get("label") or (units.get(code) or {}).get("symbol") or ""),
            decimals=(units.get(code) or {}).get("decimals"),
        )
        for code in codes[content]
    }
    observations = []
    for position, combination in enumerate(product(*(codes[name] for name in ids))):
        cell = dict(zip(ids, combination, strict=True))
        month = parse_month(cell[roles["month"]])
        if month is None:
            _fail(file, f"/dimension/{roles['month']}", f"'{cell[roles['month']]}' ei ole kuukausi (VVVVMkk)")
        indicator = cell[content]
        status, value, decimals = _cell(file, position, values[position], statuses[position], indicators[indicator])
        observations.append(Observation(cell[roles["area"]], month, indicator, status, value, decimals))
    extension = (document.get("extension") or {}).get("px") or {}
    area_labels = categories[roles["area"]].get("label") or {}
    return ParsedFile(
        file=file,
        format="json-stat",
        table=str(extension.get("tableid") or ""),
        title=str(document.get("label") or ""),
        source=str(document.get("source") or ""),
        observations=observations,
        indicators=indicators,
        area_names={code: area_labels.get(code, code) for code in codes[roles["area"]]},
    )


def _cell(file: str, position: int, value, status, label: IndicatorLabel):
    precision = label.decimals if isinstance(label.decimals, int) else None
    if value is None:
        if status is not None and not isinstance(status, str):
            _fail(file, f"/status/{position}", "tilan pitää olla merkkijono")
        symbol = STATUS_SYMBOLS.get(status or "", Status.MISSING)
        if symbol == Status.ZERO:
            return symbol, Decimal(0), precision or 0
        return symbol, None, precision or 0
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        _fail(file, f"/value/{position}", f"arvo {value!r} ei ole luku")
    number = Decimal(value)
    decimals = precision if precision is not None else decimals_of(number)
    return (Status.ZERO if number == 0 else Status.PUBLISHED), number, decimals
