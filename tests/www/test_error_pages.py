"""With DEBUG on, as in `make run`, errors still get the product's pages, never Django's URL list or traceback."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse, JsonResponse
from django.test import RequestFactory

from www.middleware import ProductErrorPagesMiddleware

pytestmark = pytest.mark.django_db


@pytest.fixture
def debug(settings):
    settings.DEBUG = True
    settings.TECHNICAL_ERROR_PAGES = False
    return settings


def test_an_unknown_address_gets_the_product_page(debug, client):
    response = client.get("/ei-tallaista-sivua/")
    assert response.status_code == 404
    assert "www/error.html" in [t.name for t in response.templates]
    assert b"URLconf" not in response.content
    assert "Sivua ei löytynyt" in response.content.decode()


def test_a_page_refused_to_a_role_gets_the_product_page(debug, client, make_user, area):
    client.force_login(make_user(role="counsellor", municipality_code="205"))
    response = client.get("/tarkastusloki/")
    assert response.status_code == 403
    assert "Ei käyttöoikeutta" in response.content.decode()
    assert b"Traceback" not in response.content


@pytest.mark.parametrize("status", [403, 404, 500])
def test_django_technical_pages_are_replaced(debug, status):
    technical = HttpResponse("<h1>Traceback</h1>", status=status, content_type="text/html")
    response = ProductErrorPagesMiddleware(lambda request: technical)(_request())
    assert response.status_code == status
    assert b"Traceback" not in response.content


def test_api_answers_and_the_developers_choice_are_left_alone(debug):
    answer = JsonResponse({"detail": "Ei löytynyt."}, status=404)
    assert ProductErrorPagesMiddleware(lambda request: answer)(_request()) is answer
    debug.TECHNICAL_ERROR_PAGES = True
    technical = HttpResponse("<h1>Traceback</h1>", status=500, content_type="text/html")
    assert ProductErrorPagesMiddleware(lambda request: technical)(_request()) is technical


def _request():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return request
