"""The statistics pages in Swedish and English: indicator and municipality names, numbers, the unnamed columns."""

import io

import pytest
from django.core.management import call_command

from tests.labour_market.conftest import PX_FILE

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def _page(client, language, url="/tilastot/"):
    client.cookies["django_language"] = language
    return client.get(url).content.decode()


def test_swedish_headers_and_names(client_in):
    body = _page(client_in, "sv")
    assert '<th scope="col" class="num">Arbetslösa arbetssökande</th>' in body
    assert "Tabell 1, kolumn 8 (namnet saknas)" in body and "Tabell 1, kolumn 10 (namnet saknas)" in body
    assert '<th scope="row">Kajana</th>' in body
    assert "Työttömät työnhakijat</th>" not in body
    assert f'<td class="num">16{NBSP}615</td>' in body


def test_english_headers_names_and_numbers(client_in):
    body = _page(client_in, "en")
    assert '<th scope="col" class="num">Unemployed jobseekers</th>' in body
    assert "Table 1, column 8 (name missing)" in body
    assert '<th scope="row">Kajaani</th>' in body
    assert '<td class="num">16,615</td>' in body
    assert '<td class="num">10.2</td>' in body


def test_the_unnamed_columns_have_a_footnote(client_in):
    body = _page(client_in, "fi")
    assert "Suunnitelman taulukon 1 sarakkeiden 8 ja 10 otsikot katosivat suunnitelman tekstistä" in body
    series = _page(client_in, "fi", "/tilastot/aikasarjat/?table=suunnitelma-taulukko-1&indicator=PLAN_T1_C10")
    assert "sarakkeiden 8 ja 10 otsikot katosivat" in series
    other = _page(client_in, "fi", "/tilastot/aikasarjat/?table=suunnitelma-taulukko-1&indicator=TYOVOIMATK")
    assert "otsikot katosivat" not in other


def test_the_time_series_in_swedish(client_in):
    call_command("import_statistics", str(PX_FILE), stdout=io.StringIO())
    body = _page(client_in, "sv", "/tilastot/aikasarjat/?table=statfin_tyonv_pxt_12r5")
    assert "Arbetslösa arbetssökande" in body and "Kajana" in body
    assert "augusti 2023" in body.lower()
    assert 'id="series-chart" type="application/json"' in body  # more than one month: a line to draw
