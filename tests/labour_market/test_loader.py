import shutil
from decimal import Decimal

import pytest

from labour_market.loader import StatisticsSection
from labour_market.models import CommutingStatistic, Indicator, MunicipalStatistic, StatisticsTable
from organisation.area_data import AreaDataError, LoadContext, load_area
from tests.conftest import AREA_DIR

pytestmark = pytest.mark.django_db


def cell(table, code, indicator):
    return MunicipalStatistic.objects.get(table__key=table, municipality__code=code, indicator__code=indicator)


def test_plan_tables_are_loaded_exactly_as_printed(area):
    assert MunicipalStatistic.objects.filter(table__key="suunnitelma-taulukko-1").count() == 11 * 12
    ristijarvi = cell("suunnitelma-taulukko-1", "697", "TYOTOSUUS")
    assert (ristijarvi.value, ristijarvi.decimals, ristijarvi.status) == (7, 0, "published")
    assert cell("suunnitelma-taulukko-1", "205", "TYOTOSUUS").value == Decimal("8.3")
    assert cell("suunnitelma-taulukko-1", "105", "TYOTTOMAT20").status == "zero"
    hidden = cell("suunnitelma-taulukko-1", "105", "TYOTTOMAT25")
    assert (hidden.status, hidden.value) == ("suppressed", None)
    total = MunicipalStatistic.objects.get(
        table__key="suunnitelma-taulukko-1", municipality=None, indicator__code="TYOTTOMATLOPUSSA"
    )
    assert total.value == 321 and total.area == area
    unnamed = Indicator.objects.get(code="PLAN_T1_C8")
    assert unnamed.name_fi == "Taulukon 1 sarake 8 (nimi puuttuu)" and unnamed.concept == ""
    table = StatisticsTable.objects.get(key="suunnitelma-taulukko-1")
    assert (table.suppressed_min, table.suppressed_max, table.source) == (1, 4, "Suunnitelma §1, taulukko 1")


def test_commuting_table_is_loaded_with_its_printed_precision(area):
    rows = CommutingStatistic.objects.filter(table__key="suunnitelma-pendelointi")
    assert rows.count() == 11
    sotkamo = rows.get(municipality__code="765")
    assert (sotkamo.labour_force, sotkamo.job_self_sufficiency, sotkamo.job_self_sufficiency_decimals) == (4709, 105, 0)
    hyrynsalmi = rows.get(municipality__code="105")
    assert (hyrynsalmi.job_self_sufficiency, hyrynsalmi.job_self_sufficiency_decimals) == (Decimal("89.13"), 2)
    total = rows.get(municipality=None)
    assert (total.labour_force, total.job_self_sufficiency_decimals) == (38802, 3)


def test_loading_again_changes_nothing(area):
    summary = load_area(AREA_DIR)["statistics"]
    assert (summary.added, summary.changed) == (0, 0)
    assert summary.unchanged > 150


@pytest.fixture
def folder(tmp_path):
    copy = tmp_path / "alue"
    shutil.copytree(AREA_DIR, copy)
    return copy


def rewrite(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_the_folder_is_mirrored(area, folder):
    table_file = folder / "statistics" / "suunnitelma-taulukko-1.yaml"
    rewrite(table_file, '"38799", "8,9", "321"', '"38799", "8,9", "3217"')
    rewrite(table_file, '  - {municipality: "832"', '  # - {municipality: "832"')
    summary = load_area(folder)["statistics"]
    assert (summary.changed, summary.removed) == (1, 12)
    assert not MunicipalStatistic.objects.filter(table__key="suunnitelma-taulukko-1", municipality__code="832").exists()
    (folder / "statistics" / "suunnitelma-1-teksti.yaml").unlink()
    assert load_area(folder)["statistics"].removed == 5 + 1
    assert not StatisticsTable.objects.filter(key="suunnitelma-1-teksti").exists()


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('"765", "10,2"', '765, "10,2"', "lainausmerkkeihin"),
        ('{municipality: "105", name: Hyrynsalmi', '{municipality: "999", name: Hyrynsalmi', "ei ole alueen kunta"),
        ('"765", "10,2", "78"', '"765", "10,2"', "12 lukua"),
        ('"765", "10,2"', '"765", "kymmenen"', "ei ole luku"),
        ("  - TYOVOIMATK\n", "  - TUNTEMATON\n", "tuntematon sarake"),
        ('month: "2023-08"', 'month: "elokuu"', "VVVV-KK"),
    ],
)
def test_a_bad_table_file_is_rejected_and_nothing_is_written(area, folder, old, new, problem):
    rewrite(folder / "statistics" / "suunnitelma-taulukko-1.yaml", old, new)
    before = list(MunicipalStatistic.objects.values_list("pk", "value", "status"))
    with pytest.raises(AreaDataError) as error:
        load_area(folder)
    assert error.value.file.endswith("suunnitelma-taulukko-1.yaml")
    assert problem in error.value.problem
    assert list(MunicipalStatistic.objects.values_list("pk", "value", "status")) == before


def test_a_name_that_does_not_match_its_code_is_rejected(area, folder):
    rewrite(folder / "statistics" / "suunnitelma-pendelointi.yaml", '"765", name: Sotkamo', '"765", name: Kuhmo')
    with pytest.raises(AreaDataError, match="kuntanumero 765 on Sotkamo"):
        load_area(folder)
    assert CommutingStatistic.objects.get(table__key="suunnitelma-pendelointi", municipality__code="765")


def test_the_section_on_its_own(area, folder):
    context = LoadContext(directory=folder, municipality_codes={m.code for m in area.municipalities.all()}, area=area)
    section = StatisticsSection()
    parsed = section.validate(context)
    assert [t.key for t in parsed.tables] == [
        "suunnitelma-1-teksti",
        "suunnitelma-pendelointi",
        "suunnitelma-taulukko-1",
    ]
    assert section.write(context, parsed).added == 0


def test_an_area_without_statistics_folder(area, folder):
    shutil.rmtree(folder / "statistics")
    context = LoadContext(directory=folder, municipality_codes=set(), area=area)
    assert StatisticsSection().write(context, StatisticsSection().validate(context)).added == 0


def test_a_key_given_twice_is_rejected_with_its_line(area, folder):
    path = folder / "statistics" / "suunnitelma-taulukko-1.yaml"
    rewrite(path, 'month: "2023-08"\n', 'month: "2023-08"\nmonth: "2023-09"\n')
    line = path.read_text(encoding="utf-8").splitlines().index('month: "2023-09"') + 1
    before = list(MunicipalStatistic.objects.values_list("pk", "month"))
    with pytest.raises(AreaDataError) as raised:
        load_area(folder)
    assert (raised.value.file, raised.value.entry) == (str(path), f"rivi {line}")
    assert "kenttä month on annettu kahdesti" in raised.value.problem
    assert list(MunicipalStatistic.objects.values_list("pk", "month")) == before


def test_an_indicator_given_a_field_twice_is_rejected(area, folder):
    rewrite(folder / "statistics" / "indicators.yaml", "  unit: count\n", "  unit: count\n  unit: percent\n")
    with pytest.raises(AreaDataError, match="kenttä unit on annettu kahdesti"):
        load_area(folder)


def test_a_bad_row_is_named_with_its_line_in_the_file(area, folder):
    path = folder / "statistics" / "suunnitelma-taulukko-1.yaml"
    rewrite(path, '{municipality: "105", name: Hyrynsalmi', '{municipality: "999", name: Hyrynsalmi')
    line = next(n for n, text in enumerate(path.read_text().splitlines(), start=1) if '"999"' in text)
    with pytest.raises(AreaDataError) as raised:
        load_area(folder)
    assert raised.value.entry.endswith(f"tiedoston rivi {line}")
