from django import template
from django.template.base import render_value_in_context
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if hasattr(mapping, "get") else None


@register.simple_tag(takes_context=True)
def caseload_rows(context, table, over_columns):
    """The body rows of a caseload table (_caseload_table.html): as per-cell tags they were most of the dashboard's
    time. Values are localised and escaped as {{ value }} does; `over_columns` (a list, or names separated by spaces)
    are marked over target on a row over its target."""
    marked = set(over_columns.split() if isinstance(over_columns, str) else over_columns)
    (first, _numeric), *rest = [(column.key, column.numeric) for column in table.columns]
    html = []
    for row in table.rows:
        over = bool(row.get("over"))
        cells = [f'<th scope="row">{render_value_in_context(row.get(first), context)}</th>']
        for key, numeric in rest:
            value = row.get(key)
            shown = "–" if value is None or value == "" else render_value_in_context(value, context)
            css = ("num" if numeric else "") + (" over-target" if over and key in marked else "")
            cells.append(f'<td class="{css}">{shown}</td>')
        row_class = ' class="row-over"' if over else ""
        html.append(f"\n      <tr{row_class}>{''.join(cells)}</tr>\n      ")
    return mark_safe("".join(html))  # noqa: S308 - every value escaped by render_value_in_context
