import io
import json

import pytest
from django.core.management import CommandError, call_command

from employers.models import Employer, Vacancy
from tests.employers.factories import EmployerFactory

pytestmark = pytest.mark.django_db

HEADER = (
    "source,external_id,employer_business_id,employer_name,title,occupation,municipality,working_time,"
    "employment_type,positions,start_date,application_deadline,required_languages,required_driving_licences,"
    "remote_possible\n"
)
GOOD = (
    HEADER + "tyomarkkinatori,TMT-1,0116297-6,Kainuun Hoiva Oy,Sairaanhoitaja,3221,205,full_time,permanent,2,"
    "2026-03-01,2026-02-01,fi;en,B,false\n"
    + "tyomarkkinatori,TMT-2,0116297-6,Kainuun Hoiva Oy,Kokki,5120,765,part_time,fixed_term,1,,,fi,,kyllä\n"
)


def run(path):
    out = io.StringIO()
    call_command("import_vacancies", str(path), stdout=out)
    return out.getvalue()


def test_csv_import_adds_then_changes_nothing(tmp_path, area, occupations):
    path = tmp_path / "tyopaikat.csv"
    path.write_text(GOOD, encoding="utf-8")
    assert "lisätty 2, muutettu 0, ennallaan 0; uusia työnantajia 1" in run(path)
    first = Vacancy.objects.get(external_id="TMT-1")
    assert (first.required_languages, first.positions, first.employer.name) == (["fi", "en"], 2, "Kainuun Hoiva Oy")
    assert Vacancy.objects.get(external_id="TMT-2").remote_possible is True
    assert "lisätty 0, muutettu 0, ennallaan 2; uusia työnantajia 0" in run(path)
    path.write_text(GOOD.replace("Kokki,5120", "Keittäjä,5120"), encoding="utf-8")
    assert "lisätty 0, muutettu 1, ennallaan 1" in run(path)
    assert Employer.objects.count() == 1 and Vacancy.objects.count() == 2


def test_bad_rows_refuse_the_whole_file_with_file_line_and_reason(tmp_path, area, occupations):
    path = tmp_path / "tyopaikat.csv"
    path.write_text(
        GOOD
        + "tyomarkkinatori,TMT-3,0116297-5,X Oy,Siivooja,9112,205,full_time,permanent,1,,,,,false\n"
        + "tyomarkkinatori,TMT-4,0116297-6,,Kokki,5120,205,full_time,permanent,1,,,,Q,false\n"
        + "tyomarkkinatori,TMT-5,0116297-6,,Kokki,5120,205,full_time,permanent,x,2026-13-01,,,,false\n",
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as raised:
        run(path)
    message = str(raised.value)
    assert f"{path}: rivi 4: employer_business_id:" in message
    assert f"{path}: rivi 4: occupation:" in message  # 9112 is not among the loaded unit groups
    assert f"{path}: rivi 5: required_driving_licences:" in message
    assert f"{path}: rivi 6: positions:" in message and f"{path}: rivi 6: start_date:" in message
    assert not Vacancy.objects.exists() and not Employer.objects.exists()


def test_json_import_reports_the_line_of_each_object(tmp_path, area, occupations):
    EmployerFactory(business_id="0116297-6")
    rows = [
        {
            "source": "eures",
            "external_id": "E-1",
            "employer_business_id": "0116297-6",
            "title": "Kokki",
            "occupation": "5120",
            "municipality": "305",
            "working_time": "full_time",
            "employment_type": "permanent",
            "required_languages": ["en"],
            "international_recruitment": True,
        },
        {"source": "eures", "external_id": "E-2", "title": "Kokki", "unknown": 1},
    ]
    path = tmp_path / "tyopaikat.json"
    path.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        run(path)
    second_line = json.dumps(rows, indent=2).splitlines().index("  {", 2) + 1
    assert f"rivi {second_line}: tuntematon kenttä: unknown" in str(raised.value)
    path.write_text(json.dumps(rows[:1], indent=2), encoding="utf-8")
    assert "lisätty 1" in run(path)
    assert Vacancy.objects.get().international_recruitment is True


def test_the_same_identity_twice_in_a_file_is_refused(tmp_path, area, occupations):
    path = tmp_path / "tyopaikat.csv"
    line = GOOD.splitlines()[1]
    path.write_text(HEADER + line + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="rivi 3: external_id: sama lähde ja tunniste on jo rivillä 2"):
        run(path)


def test_road_distances_load_is_idempotent(db):
    out = io.StringIO()
    call_command("load_road_distances", stdout=out)
    assert "lisätty 115" in out.getvalue()
    out = io.StringIO()
    call_command("load_road_distances", stdout=out)
    assert "lisätty 0, muutettu 0, ennallaan 115, poistettu 0" in out.getvalue()
