import csv
import io
from collections import Counter

import pytest
from django.core.management import CommandError, call_command
from django.template import Context, Template
from django.urls import reverse
from django.utils import translation

from common.data_files import DataFileError
from labour_market import selectors
from labour_market.models import Occupation
from labour_market.occupations import fold, query_words, read
from tests.labour_market.conftest import OCCUPATIONS_FILE

HEADER = "code,level,parent,name_fi,name_en\n"


def test_the_file_has_the_whole_hierarchy():
    with OCCUPATIONS_FILE.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    codes = {row["code"] for row in rows}
    assert len(codes) == len(rows)
    assert Counter(int(row["level"]) for row in rows) == {1: 10, 2: 43, 3: 130, 4: 436}
    for row in rows:
        assert int(row["level"]) == len(row["code"])
        assert row["name_fi"].strip() and row["name_en"].strip(), row["code"]
        if row["level"] == "1":
            assert row["parent"] == ""
        else:
            assert row["parent"] in codes and row["code"].startswith(row["parent"]), row["code"]
    # Every minor group has at least one unit group, so every unit group level is reachable from every branch.
    assert {row["parent"] for row in rows if row["level"] == "4"} == {
        row["code"] for row in rows if row["level"] == "3"
    }


def test_reader_names_every_bad_row_with_its_line_and_reason():
    text = HEADER + "2,1,,Erityisasiantuntijat,Professionals\n22,2,2,,Health Professionals\n221,3,23,Lääkärit,Doctors\n"
    with pytest.raises(DataFileError) as error:
        read(text + "2,1,,Kaksi,Two\n99999,5,9999,X,Y\n", "isco.csv")
    assert [(p.line, p.message) for p in error.value.problems] == [
        (3, "name_fi puuttuu"),
        (4, "koodin 221 yläryhmä on '22', ei '23'"),
        (5, "koodi 2 on jo rivillä 2"),
        (6, "koodi '99999' ei ole 1–4 numeroa"),
    ]
    assert "isco.csv: rivi 3: name_fi puuttuu" in str(error.value)


def test_reader_refuses_a_parent_missing_from_the_file():
    with pytest.raises(DataFileError) as error:
        read(HEADER + "22,2,2,Terveydenhuollon erityisasiantuntijat,Health Professionals\n", "isco.csv")
    assert [(p.line, p.message) for p in error.value.problems] == [(2, "koodin 22 yläryhmää 2 ei ole tiedostossa")]


def test_fold_ignores_case_and_diacritics():
    assert fold("LÄHIHOITAJAT Åland") == "lahihoitajat aland"


def test_query_words_drop_a_final_e_of_longer_words_only():
    assert query_words("Nurse  myyjä kone tie") == ["nurs", "myyja", "kon", "tie"]


@pytest.mark.django_db
def test_load_is_idempotent():
    out = io.StringIO()
    call_command("load_occupations", stdout=out)
    assert "lisätty 619, muutettu 0, ennallaan 0, poistettu 0" in out.getvalue()
    first = dict(Occupation.objects.values_list("code", "pk"))
    out = io.StringIO()
    call_command("load_occupations", stdout=out)
    assert "lisätty 0, muutettu 0, ennallaan 619, poistettu 0" in out.getvalue()
    assert dict(Occupation.objects.values_list("code", "pk")) == first
    nurse = Occupation.objects.get(code="2221")
    assert (nurse.level, nurse.parent.code, nurse.name_en) == (4, "222", "Nursing Professionals")


@pytest.mark.django_db
def test_a_bad_row_refuses_the_file_and_writes_nothing(tmp_path, occupations):
    Occupation.objects.filter(code="2221").update(name_fi="Vanha nimi")
    lines = OCCUPATIONS_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    bad_line = next(number for number, line in enumerate(lines, start=1) if line.startswith("5223,"))
    lines[bad_line - 1] = "5223,4,521,Myyjät,Shop Sales Assistants\n"
    changed = tmp_path / "isco.csv"
    changed.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(CommandError) as error:
        call_command("load_occupations", str(changed), stdout=io.StringIO())
    assert f"{changed}: rivi {bad_line}: koodin 5223 yläryhmä on '522', ei '521'" in str(error.value)
    assert Occupation.objects.get(code="2221").name_fi == "Vanha nimi"
    assert Occupation.objects.count() == 619


@pytest.mark.django_db
def test_groups_no_longer_in_the_file_are_removed(tmp_path, occupations):
    lines = OCCUPATIONS_FILE.read_text(encoding="utf-8").splitlines(keepends=True)
    smaller = tmp_path / "isco.csv"
    smaller.write_text("".join(line for line in lines if not line.startswith("9")), encoding="utf-8")
    out = io.StringIO()
    call_command("load_occupations", str(smaller), stdout=out)
    assert not Occupation.objects.filter(code__startswith="9").exists()
    # Major group 9: 1 + 6 sub-major + 11 minor + 33 unit groups.
    assert "ennallaan 568, poistettu 51" in out.getvalue()


@pytest.fixture
def counsellor_with_occupations(occupations, make_user):
    # The classification is not the area's data: no area needs loading to search it.
    return make_user(role="counsellor")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sairaanhoit", {"322", "3221"}),
        ("SAIRAANHOITAJAT ym", {"3221"}),
        ("lahihoit", {"532", "5321"}),
        ("nurse", {"2221", "3221"}),
        ("sairaanhoitaja", {"3221"}),
        ("nursing associate", {"3221"}),
        ("2221", {"2221"}),
        ("222", {"222", "2221", "2222"}),
    ],
)
def test_search_by_name_in_both_languages_or_code_prefix(counsellor_with_occupations, query, expected):
    found = set(selectors.occupations(counsellor_with_occupations, query=query).values_list("code", flat=True))
    assert expected <= found
    if query[0].isdigit():
        assert found == expected


def test_search_within_a_level(counsellor_with_occupations):
    found = selectors.occupations(counsellor_with_occupations, query="myyj", level=4).values_list("code", flat=True)
    assert "5223" in found and all(len(code) == 4 for code in found)


def test_search_needs_the_statistics_permission(occupations, make_user):
    assert not selectors.occupations(make_user(role="counsellor", is_active=False), query="2221").exists()


def render(template, **context):
    return Template("{% load occupations %}" + template).render(Context(context))


def test_filter_shows_the_name_with_the_code_in_the_users_language(occupations):
    assert render("{{ code|occupation }}", code="4110") == "4110 Toimistoavustajat"
    with translation.override("sv"):
        assert render("{{ code|occupation }}", code="4110") == "4110 Toimistoavustajat"
    with translation.override("en"):
        assert render("{{ code|occupation }}", code="4110") == "4110 General Office Clerks"
    assert render("{{ codes|occupations }}", codes=["5223", "0000"]) == "5223 Myyjät, 0000"
    assert render('{{ codes|occupations|default:"–" }}', codes=[]) == "–"
    assert selectors.occupation_label("5321", "en") == "5321 Health Care Assistants"


@pytest.fixture
def signed_in_client(client, counsellor_with_occupations):
    client.force_login(counsellor_with_occupations)
    return client


def test_api_searches_and_pages(signed_in_client):
    response = signed_in_client.get("/api/v1/occupations/", {"q": "sairaanhoit", "level": 4, "limit": 1})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] >= 1 and len(body["results"]) == 1
    assert body["results"][0] == {
        "code": "3221",
        "level": 4,
        "parent": "322",
        "name_fi": "Sairaanhoitajat ym.",
        "name_en": "Nursing Associate Professionals",
    }
    assert signed_in_client.get("/api/v1/occupations/", {"level": 1}).json()["count"] == 10


def test_api_refuses_an_unknown_parameter_by_name(signed_in_client):
    response = signed_in_client.get("/api/v1/occupations/", {"name": "nurse"})
    assert response.status_code == 400
    assert response.json()["name"][0].startswith("Tuntematon parametri.")
    assert signed_in_client.get("/api/v1/occupations/", {"level": 5}).status_code == 400


def test_page_lists_the_hierarchy_and_searches(signed_in_client):
    page = signed_in_client.get(reverse("labour_market:occupations")).content.decode()
    assert "2221 Ylihoitajat ja osastonhoitajat" in page and "9629 " in page
    page = signed_in_client.get(reverse("labour_market:occupations"), {"q": "nurse"}).content.decode()
    assert "2221 Ylihoitajat ja osastonhoitajat" in page and "4110" not in page


def test_options_partial_gives_unit_groups_for_a_datalist(signed_in_client):
    response = signed_in_client.get(reverse("labour_market:occupation_options"), {"q": "sairaanhoit"})
    assert response.content.decode().strip() == '<option value="3221">3221 Sairaanhoitajat ym.</option>'
    # A form field keeps its own name: its value is the query.
    response = signed_in_client.get(reverse("labour_market:occupation_options"), {"occupation": "4110"})
    assert response.content.decode().strip() == '<option value="4110">4110 Toimistoavustajat</option>'
    assert signed_in_client.get(reverse("labour_market:occupation_options")).content.decode().strip() == ""
