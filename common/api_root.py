"""The API root that lists every endpoint of the router, not only the list routes DRF's DefaultRouter names.

An endpoint with path parameters is listed as a URI template (RFC 6570, level 1):
`jobseekers/{jobseeker_pk}/meetings` → `https://…/api/v1/jobseekers/{jobseeker_pk}/meetings/`."""

import re

from rest_framework.response import Response
from rest_framework.routers import APIRootView, DefaultRouter

_PARAMETER = re.compile(r"\(\?P<(\w+)>[^)]*\)")


def uri_template(regex: str) -> str:
    """`^jobseekers/(?P<pk>[0-9]+)/$` → `jobseekers/{pk}/`."""
    return _PARAMETER.sub(r"{\1}", regex).removeprefix("^").removesuffix("$")


class EndpointIndexView(APIRootView):
    """Every endpoint of the API: its path without the trailing slash → its URL (a URI template when it has
    parameters). The list routes keep the keys DRF's root gives them (`worklist`, `statistics/municipal`)."""

    templates: tuple[str, ...] = ()

    def get(self, request, *args, **kwargs):
        base = request.build_absolute_uri(request.path)
        return Response({template.rstrip("/"): base + template for template in self.templates})


class EndpointListingRouter(DefaultRouter):
    APIRootView = EndpointIndexView

    def get_api_root_view(self, api_urls=None):
        templates = tuple(dict.fromkeys(uri_template(str(url.pattern)) for url in api_urls or ()))
        return self.APIRootView.as_view(templates=templates)
