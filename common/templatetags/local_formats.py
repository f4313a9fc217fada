"""A table cell as the active language writes it: `{{ value|table_cell }}`.

Django's own rendering of a date in a template is the long DATE_FORMAT (1. joulukuuta 2026); a table wants the short one
(1.12.2026 · 1.12.2026 · 1 Dec 2026), and a moment with its clock time in the service's time zone."""

from datetime import date, datetime

from django import template
from django.utils.formats import localize

from common.formatting import local_date, local_datetime
from common.languages import in_language

register = template.Library()


@register.filter
def table_cell(value):
    if isinstance(value, datetime):
        return local_datetime(value)
    if isinstance(value, date):
        return local_date(value)
    return localize(value)


@register.filter
def local_name(obj, field: str = "name"):
    """`{{ municipality|local_name }}`: Kajaani, Kajana, Kajaani."""
    return in_language(obj, field)
