"""ISCO-08 codes shown with their names.

`{% load occupations %}{{ code|occupation }}` → "2221 Ylihoitajat ja osastonhoitajat" (English name in English),
`{{ codes|occupations }}` → the same for a list, comma-separated. A code the classification lacks is shown bare.
"""

from django import template

from labour_market import selectors
from labour_market.models import Occupation

register = template.Library()


@register.filter
def occupation(value):
    """A code (one query) or an already read `Occupation` (none, for long lists)."""
    if isinstance(value, Occupation):
        return selectors.labelled(value)
    if value in (None, ""):
        return ""
    return selectors.occupation_label(value)


@register.filter
def occupations(codes):
    """One query for the whole list; an empty list gives "" so that `|default:"–"` still works."""
    return ", ".join(selectors.occupation_labels(codes or []).values())
