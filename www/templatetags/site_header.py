"""The parts of every page's header that are the same for every request: built once per process, not per page.

Rendered with {% for %}, {% get_language_info %} and {% url %}, the language selector and the header's links were a
third of the base template's time on every page.
"""

from functools import cache

from django import template
from django.conf import settings
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info

from common.paths import path_of

register = template.Library()


@register.simple_tag
def language_options() -> SafeString:
    """The language selector's options, each language in its own name, the page's language selected."""
    return _language_options(get_language())


@cache
def _language_options(active: str) -> SafeString:
    return format_html_join(
        "\n            ",
        '<option value="{}" lang="{}"{}>{}</option>',
        (
            (code, code, mark_safe(" selected") if code == active else "", get_language_info(code)["name_local"])
            for code, _name in settings.LANGUAGES
        ),
    )


@register.simple_tag
def site_url(name: str) -> str:
    """{% url %} of a URL without arguments, reversed once per process (common/paths.py)."""
    return path_of(name)
