from django.test import RequestFactory

from common.views import safe_next


def _next(value):
    return safe_next(RequestFactory().get("/", {"next": value}))


def test_a_path_of_this_site_is_kept():
    assert _next("/palvelumalli/kalenteri/?paiva=2026-03-02") == "/palvelumalli/kalenteri/?paiva=2026-03-02"


def test_another_host_is_refused_however_it_is_written():
    for value in ("//evil.example/", "/\\evil.example/", "https://evil.example/", "javascript:alert(1)", ""):
        assert _next(value) == ""
