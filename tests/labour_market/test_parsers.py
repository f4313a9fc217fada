import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from labour_market.figures import Status
from labour_market.parsers import ParseError, csv, jsonstat, municipality_code, parse_month, px

FIXTURES = Path(__file__).resolve().parents[2] / "labour_market" / "fixtures"
PX_FILE = FIXTURES / "statfin_12r5_kainuu_koillismaa.px"
JSON_FILE = FIXTURES / "statfin_12r5_kainuu_koillismaa.json"
CSV_FILE = FIXTURES / "esimerkki-paikalliset-luvut.csv"
AUG = date(2023, 8, 1)


def by_key(parsed):
    return {(o.area, o.month, o.indicator): o for o in parsed.observations}


def test_codes():
    assert parse_month("2023M08") == AUG == parse_month("2023-08")
    assert parse_month("2023M13") is None
    assert municipality_code("KU205") == "205" == municipality_code("205")
    assert municipality_code("SSS") is None and municipality_code("MK18") is None


def test_statfin_px_file_in_iso_8859_15():
    raw = PX_FILE.read_bytes()
    assert "Ristijärvi".encode("iso-8859-15") in raw
    parsed = px.parse(raw, "12r5.px")
    assert parsed.table == "statfin_tyonv_pxt_12r5"
    assert parsed.title.endswith("muuttujina Alue, Kuukausi ja Tiedot (esimerkkiaineisto)")
    assert len(parsed.observations) == 10 * 4 * 7
    assert parsed.area_names["KU697"] == "Ristijärvi"
    rate = parsed.indicators["TYOTOSUUS"]
    assert rate.decimals == 1 and rate.unit == "%"
    assert rate.names == {"fi": "Työttömien osuus työvoimasta, %", "sv": "Andelen arbetslösa av arbetskraften, %"}
    cells = by_key(parsed)
    assert cells[("KU697", AUG, "TYOTOSUUS")].value == Decimal("7.0")
    assert cells[("KU697", AUG, "TYOTOSUUS")].decimals == 1
    assert cells[("KU205", AUG, "TYOTTOMATLOPUSSA")].value == 1384
    assert cells[("KU697", AUG, "TYOTTOMATULK")].status == Status.SUPPRESSED
    assert cells[("KU697", AUG, "TYOTTOMATULK")].value is None
    assert cells[("KU205", date(2022, 8, 1), "TYOVOIMATK")].value == 16748


def minimal_px(data="1 2", codepage="iso-8859-15", extra="", area_value="Hyrynsalmi"):
    return (
        f'CHARSET="ANSI";\nCODEPAGE="{codepage}";\nLANGUAGE="fi";\nMATRIX="testi";\n{extra}'
        'STUB="Alue";\nHEADING="Kuukausi","Tiedot";\n'
        f'VALUES("Alue")="{area_value}";\nCODES("Alue")="KU105";\n'
        'VALUES("Kuukausi")="2023M08";\nVALUES("Tiedot")="Työttömät","Hinta, €";\n'
        'CODES("Tiedot")="TYOTTOMATLOPUSSA","HINTA";\n'
        f"DATA=\n{data};\n"
    )


def test_px_codepage_decides_the_characters():
    parsed = px.parse(minimal_px().encode("iso-8859-15"), "t.px")
    assert parsed.indicators["HINTA"].names["fi"] == "Hinta, €"  # 0xA4 is € only in iso-8859-15
    utf8 = px.parse(minimal_px(codepage="utf-8").encode("utf-8"), "t.px")
    assert utf8.indicators["TYOTTOMATLOPUSSA"].names["fi"] == "Työttömät"


def test_px_data_symbols():
    parsed = px.parse(minimal_px(data='"-" ".."').encode("iso-8859-15"), "t.px")
    zero, hidden = parsed.observations
    assert (zero.status, zero.value) == (Status.ZERO, 0)
    assert (hidden.status, hidden.value) == (Status.SUPPRESSED, None)
    missing = px.parse(minimal_px(data='"." 0').encode("iso-8859-15"), "t.px").observations
    assert [o.status for o in missing] == [Status.MISSING, Status.ZERO]


@pytest.mark.parametrize(
    ("text", "position", "problem"),
    [
        (minimal_px(data="1 2 3"), "rivi 13, sarake 5", "enemmän lukuja"),
        (minimal_px(data="1"), "rivi 13, sarake 2", "DATA-osassa on 1 lukua"),
        (minimal_px(data="1 2x"), "rivi 13, sarake 3", "'2x' ei ole luku"),
        (minimal_px().replace('MATRIX="testi";', 'MATRIX="testi"'), "rivi 5, sarake 1", "';'"),
        (minimal_px().replace('CODES("Alue")="KU105";', 'CODES("Alue")="KU105;'), "rivi 9", "';'"),
        (minimal_px().replace("DATA=\n1 2;\n", 'NOTE="kesken'), "rivi 12", "lainausmerkki"),
        (minimal_px().replace("DATA=\n1 2;\n", ""), "rivi", "DATA-osa puuttuu"),
        (minimal_px(extra='KEYS("Alue")=CODES;\n'), "KEYS", "KEYS"),
    ],
)
def test_malformed_px_names_the_position(text, position, problem):
    with pytest.raises(ParseError) as error:
        px.parse(text.encode("iso-8859-15"), "rikki.px")
    assert error.value.file == "rikki.px"
    assert error.value.position.startswith(position)
    assert problem in error.value.problem


def test_px_with_an_unknown_codepage_or_wrong_bytes():
    with pytest.raises(ParseError, match="tuntematon merkistö"):
        px.parse(minimal_px(codepage="klingon").encode("ascii", "replace"), "t.px")
    with pytest.raises(ParseError, match="ei ole ilmoitettua merkistöä utf-8"):
        px.parse(minimal_px(codepage="utf-8").encode("iso-8859-15"), "t.px")


def test_statfin_json_stat_matches_the_px_file():
    parsed = jsonstat.parse(JSON_FILE.read_bytes(), "12r5.json")
    assert parsed.table == "statfin_tyonv_pxt_12r5"
    assert len(parsed.observations) == 10 * 2 * 7
    px_cells = by_key(px.parse(PX_FILE.read_bytes(), "12r5.px"))
    for observation in parsed.observations:
        same = px_cells[(observation.area, observation.month, observation.indicator)]
        assert (observation.status, observation.value, observation.decimals) == (
            same.status,
            same.value,
            same.decimals,
        )


def dataset(**changes):
    document = {
        "version": "2.0",
        "class": "dataset",
        "id": ["Alue", "Kuukausi", "Tiedot"],
        "size": [2, 1, 2],
        "role": {"time": ["Kuukausi"], "metric": ["Tiedot"]},
        "dimension": {
            "Alue": {"category": {"index": ["KU105", "KU205"], "label": {"KU105": "Hyrynsalmi"}}},
            "Kuukausi": {"category": {"label": {"2023M08": "2023M08"}}},
            "Tiedot": {
                "category": {
                    "index": {"TYOTTOMATLOPUSSA": 0, "TYOTOSUUS": 1},
                    "unit": {"TYOTOSUUS": {"decimals": 1}},
                }
            },
        },
        "value": [78, 10.2, None, None],
        "status": {"2": "..."},
    }
    document.update(changes)
    return json.dumps(document).encode()


def test_json_stat_forms_of_value_and_status():
    cells = jsonstat.parse(dataset(), "d.json").observations
    assert [(c.area, c.indicator, c.status) for c in cells] == [
        ("KU105", "TYOTTOMATLOPUSSA", Status.PUBLISHED),
        ("KU105", "TYOTOSUUS", Status.PUBLISHED),
        ("KU205", "TYOTTOMATLOPUSSA", Status.SUPPRESSED),
        ("KU205", "TYOTOSUUS", Status.MISSING),
    ]
    assert cells[1].value == Decimal("10.2") and cells[1].decimals == 1
    sparse = jsonstat.parse(dataset(value={"0": 0, "3": 7.0}, status="..."), "d.json").observations
    assert [c.status for c in sparse] == [Status.ZERO, Status.SUPPRESSED, Status.SUPPRESSED, Status.PUBLISHED]
    assert sparse[3].value == Decimal("7.0") and sparse[3].decimals == 1


@pytest.mark.parametrize(
    ("raw", "position", "problem"),
    [
        (b'{"version": "2.0", "class": "dataset",\n "id": [}', "rivi 2, sarake 9", "virheellinen JSON"),
        (dataset(size=[3, 1, 2]), "JSON-osoite /dimension/Alue", "luokkia on 2"),
        (dataset(value=[1, 2, 3]), "JSON-osoite /value", "arvoja on 3"),
        (dataset(value=[1, "x", None, None]), "JSON-osoite /value/1", "ei ole luku"),
        (dataset(version="1.0"), "JSON-osoite /version", "2.0"),
        (dataset(**{"class": "collection"}), "JSON-osoite /class", "dataset"),
    ],
)
def test_malformed_json_stat_names_the_position(raw, position, problem):
    with pytest.raises(ParseError) as error:
        jsonstat.parse(raw, "rikki.json")
    assert error.value.position == position
    assert problem in error.value.problem


def test_local_csv():
    parsed = csv.parse(CSV_FILE.read_bytes(), str(CSV_FILE))
    assert parsed.table == "esimerkki-paikalliset-luvut"
    cells = {(o.area, o.indicator): o for o in parsed.observations}
    assert cells[("205", "TYOTTOMATLOPUSSA")].value == 1352
    assert cells[("205", "TYOTOSUUS")].value == Decimal("8.1")
    assert cells[("697", "TYOTTOMAT25")].status == Status.SUPPRESSED
    assert cells[("105", "TYOTTOMAT20")].status == Status.ZERO
    assert cells[("105", "AVPAIKATLOPUSSA")].status == Status.MISSING


def test_csv_with_commas_and_an_area_row():
    text = 'municipality,month,indicator,value\n,2023M09,TYOTTOMATLOPUSSA,"3 100"\nKU205,2023-09,TYOTOSUUS,"8,1"\n'
    first, second = csv.parse(text.encode(), "x.csv").observations
    assert (first.area, first.month, first.value) == ("", date(2023, 9, 1), 3100)
    assert (second.area, second.value, second.decimals) == ("KU205", Decimal("8.1"), 1)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("kunta;kuukausi;tieto;arvo\n", "rivi 1"),
        ("municipality;month;indicator;value\n205;2023-08;X;1\n205;2023-8;X;1\n", "rivi 3, sarake month"),
        ("municipality;month;indicator;value\n205;2023-08;X;yksi\n", "rivi 2, sarake value"),
        ("municipality;month;indicator;value\n205;2023-08;X\n", "rivi 2"),
    ],
)
def test_malformed_csv_names_the_line(text, position):
    with pytest.raises(ParseError) as error:
        csv.parse(text.encode(), "rikki.csv")
    assert error.value.position == position
