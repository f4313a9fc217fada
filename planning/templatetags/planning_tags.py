from django import template

register = template.Library()


@register.filter
def cell(row: dict, key: str):
    """A table row's value under a column key (templates cannot index a dict by a variable)."""
    return row.get(key)


@register.filter
def among(key: str, keys: str) -> bool:
    """Whether a column key is one of the space-separated keys (a plain `in` would match "fte" inside "per_fte")."""
    return key in keys.split()
