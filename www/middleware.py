"""The product's own error pages also when DEBUG is on, as it is in the demo that `make run` serves.

With DEBUG, Django answers an unknown address with a page listing every URL pattern and a crash with the settings
and a traceback: fine for a developer, wrong for the people trying the demo, and a map of the site for anyone. The
error is still logged (Django logs the 500 with its traceback before this sees the response). A developer who wants
Django's pages sets TECHNICAL_ERROR_PAGES=1.
"""

from django.conf import settings

from www import views

_PAGES = {403: views.permission_denied, 404: views.page_not_found, 500: views.server_error}


class ProductErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        page = _PAGES.get(response.status_code)
        if page is None or not settings.DEBUG or settings.TECHNICAL_ERROR_PAGES:
            return response
        if not response.get("Content-Type", "").startswith("text/html") or getattr(response, "product_page", False):
            return response
        return page(request)
