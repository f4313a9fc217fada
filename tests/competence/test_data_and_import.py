"""Loading the areas file (idempotent, all or nothing) and importing answers from XLSX (bad rows refused)."""

import io

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from common.data_files import DataFileError
from competence.loader import load_areas
from competence.models import Assessment, CompetenceArea, Respondent, ScaleLevel
from competence.services import IMPORT_COLUMNS, import_answers
from tests.competence.factories import make_round

pytestmark = pytest.mark.django_db


def test_areas_load_once_and_again_without_change():
    first = load_areas()
    assert first.added == CompetenceArea.objects.count() + ScaleLevel.objects.count()
    assert {"palkkatuki", "eures", "typ", "muutosturva"} <= set(CompetenceArea.objects.values_list("key", flat=True))
    assert ScaleLevel.objects.get(level=3).name == "Itsenäisesti"
    again = load_areas()
    assert (again.added, again.changed) == (0, 0)


def test_a_bad_area_file_writes_nothing(tmp_path):
    path = tmp_path / "areas.yaml"
    path.write_text(
        "scale:\n"
        + "".join(f"  - {{level: {n}, name: T{n}, description: D}}\n" for n in range(5))
        + "areas:\n  - {key: a, group: statutory_task, name: A, source: S}\n"
        + "  - {key: b, group: hobby, name: B, source: S}\n"
    )
    with pytest.raises(DataFileError) as error:
        load_areas(path)
    assert "areas.yaml: 9: group" in str(error.value)
    assert not CompetenceArea.objects.exists() and not ScaleLevel.objects.exists()


def workbook(*rows) -> io.BytesIO:
    book = Workbook()
    book.active.append(list(IMPORT_COLUMNS))
    for row in rows:
        book.active.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    buffer.seek(0)
    return buffer


def test_import_is_all_or_nothing_with_row_and_reason(area):
    survey_round = make_round()
    upload = workbook(
        ("Aino Tilitön", "205", "1", "palkkatuki", 3, "", "ei"),
        ("Aino Tilitön", "205", "1", "eures", 7, "", "ei"),
        ("Eero", "999", "0,5", "tuntematon", 2, "", "ehkä"),
    )
    with pytest.raises(ValidationError) as error:
        import_answers(survey_round, upload)
    messages = error.value.message_dict["file"]
    assert "Rivi 3: oma arvio: valitse taso 0–4" in messages
    assert "Rivi 4: tuntematon kuntanumero 999" in messages
    assert "Rivi 4: tuntematon osaamisalue tuntematon" in messages
    assert "Rivi 4: koulutustoive: kyllä tai ei" in messages
    assert not Respondent.objects.exists()


def test_import_writes_people_and_again_the_same(area):
    survey_round = make_round()
    rows = (
        ("Aino Tilitön", "205", "0,8", "palkkatuki", 3, 4, "kyllä"),
        ("Aino Tilitön", "205", "0,8", "eures", 1, "", "ei"),
        ("Eero Tilitön", "578", "1", "palkkatuki", 2, "", ""),
    )
    assert import_answers(survey_round, workbook(*rows)) == 2
    assert import_answers(survey_round, workbook(*rows)) == 2
    aino = Respondent.objects.get(name="Aino Tilitön")
    assert Respondent.objects.count() == 2 and aino.assessments.count() == 2
    assessment = aino.assessments.get(competence_area__key="palkkatuki")
    assert (assessment.level, assessment.wants_training) == (4, True)
    assert Assessment.objects.count() == 3


def test_a_file_that_is_no_workbook_is_refused(area):
    with pytest.raises(ValidationError) as error:
        import_answers(make_round(), io.BytesIO(b"nimi;kunta\n"))
    assert error.value.message_dict["file"] == ["Tiedosto ei ole XLSX-työkirja."]
