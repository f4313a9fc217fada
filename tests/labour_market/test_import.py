import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from labour_market.models import MunicipalStatistic, StatisticsTable
from tests.labour_market.conftest import CSV_FILE, JSON_FILE, PX_FILE

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("import_statistics", *map(str, args), stdout=out)
    return out.getvalue()


def snapshot():
    return list(
        MunicipalStatistic.objects.order_by("pk").values_list(
            "table__key", "municipality_id", "month", "indicator_id", "value", "status"
        )
    )


def test_px_import_then_reimport_changes_nothing(area):
    assert "lisätty 280, muutettu 0, ennallaan 0, ohitettu 0" in run(PX_FILE, "--strict")
    table = StatisticsTable.objects.get(key="statfin_tyonv_pxt_12r5")
    assert table.origin == "import" and "esimerkkiaineisto" in table.name
    before = snapshot()
    assert "lisätty 0, muutettu 0, ennallaan 280" in run(PX_FILE)
    assert snapshot() == before


def test_json_stat_of_the_same_table_matches_the_px_import(area):
    run(PX_FILE)
    assert "lisätty 0, muutettu 0, ennallaan 140" in run(JSON_FILE, "--strict")
    rate = MunicipalStatistic.objects.get(
        table__key="statfin_tyonv_pxt_12r5", municipality__code="697", month="2023-08-01", indicator__code="TYOTOSUUS"
    )
    assert (rate.value, rate.decimals) == (Decimal("7.0"), 1)


def test_csv_import_of_local_figures(area):
    assert "taulukkoon esimerkki-paikalliset-luvut: lisätty 9" in run(CSV_FILE)
    statuses = dict(
        MunicipalStatistic.objects.filter(
            table__key="esimerkki-paikalliset-luvut", municipality__code="105"
        ).values_list("indicator__code", "status")
    )
    assert statuses == {"TYOTTOMAT20": "zero", "AVPAIKATLOPUSSA": "missing"}


def test_a_changed_value_is_counted(area, tmp_path):
    run(PX_FILE)
    edited = tmp_path / "12r5.px"
    edited.write_bytes(PX_FILE.read_bytes().replace(b"16615 1384 8.3", b"16615 1385 8.3"))
    assert "lisätty 0, muutettu 1, ennallaan 279" in run(edited)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (
            lambda raw: raw.replace(b"1586 177 11.2 12 61 6 23\r\n;", b"1586 177 11.2 12 61 6\r\n;"),
            "DATA-osassa on 279",
        ),
        (lambda raw: raw.replace(b"1586 177 11.2", b"1586 177 11.2.1"), "'11.2.1' ei ole luku"),
        (lambda raw: raw.replace(b'MATRIX="statfin_tyonv_pxt_12r5";', b'MATRIX="statfin_tyonv_pxt_12r5"'), "';'"),
    ],
)
def test_a_broken_file_changes_nothing(area, tmp_path, damage, message):
    run(PX_FILE)
    broken = tmp_path / "rikki.px"
    broken.write_bytes(damage(PX_FILE.read_bytes().replace(b"16615 1384", b"16615 9999")))
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run(broken)
    assert str(broken) in str(error.value) and "rivi " in str(error.value) and message in str(error.value)
    assert snapshot() == before


def with_unknown_codes(tmp_path):
    raw = PX_FILE.read_bytes().replace(b'"KU832"', b'"KU999"', 1).replace(b'"AVPAIKATLOPUSSA"', b'"UUSITIETO"', 1)
    path = tmp_path / "tuntemattomat.px"
    path.write_bytes(raw)
    return path


def test_unknown_codes_are_skipped_and_reported(area, tmp_path):
    out = run(with_unknown_codes(tmp_path))
    assert "Ohitettu: tuntematon aluekoodi KU999 (Taivalkoski): 24 lukua" in out
    assert "Ohitettu: tuntematon tiedon koodi UUSITIETO (Avoimet työpaikat laskentapäivänä (lkm.)): 40 lukua" in out
    assert "lisätty 216" in out and "ohitettu 64" in out


def test_strict_rejects_unknown_codes_and_writes_nothing(area, tmp_path):
    before = snapshot()
    with pytest.raises(CommandError, match="tuntemattomia koodeja.*KU999"):
        run(with_unknown_codes(tmp_path), "--strict")
    assert snapshot() == before
    assert not StatisticsTable.objects.filter(key="statfin_tyonv_pxt_12r5").exists()


def test_area_data_tables_cannot_be_overwritten_by_an_import(area):
    with pytest.raises(CommandError, match="alueen tietokansiosta"):
        run(CSV_FILE, "--table", "suunnitelma-taulukko-1")


def test_a_figure_twice_in_one_file_is_rejected(area, tmp_path):
    path = tmp_path / "kahdesti.csv"
    path.write_text(
        "municipality;month;indicator;value\n205;2023-09;TYOTTOMATLOPUSSA;1\n205;2023-09;TYOTTOMATLOPUSSA;2\n"
    )
    with pytest.raises(CommandError, match="kahdesti"):
        run(path)
    assert not MunicipalStatistic.objects.filter(table__key="kahdesti").exists()


def test_unknown_format(area, tmp_path):
    path = tmp_path / "luvut.xls"
    path.write_bytes(b"x")
    with pytest.raises(CommandError, match="tuntematon tiedostomuoto"):
        run(path)
