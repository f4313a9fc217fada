"""What changed between two generated versions of the plan: numbers in its tables and its narrative texts.

Pure: no Django. A version is summarised as a snapshot (a plain dict, stored as JSON with the version):
`{"month": "2023-08", "tables": {key: {"title": …, "rows": {row key: {column: text}}}}, "texts": {"1": {"heading":
…, "text": …}}}`. A row is known by its descriptive cells (municipality, task, …), so a changed figure is one change
and a new municipality or bottleneck is a row added.
"""

from dataclasses import dataclass
from enum import StrEnum


class ChangeCode(StrEnum):
    MONTH = "month"
    VALUE = "value"
    ROW_ADDED = "row_added"
    ROW_REMOVED = "row_removed"
    TABLE_ADDED = "table_added"
    TABLE_REMOVED = "table_removed"
    HEADING = "heading"
    TEXT = "text"


@dataclass(frozen=True)
class Change:
    code: ChangeCode
    place: str  # the table's title, or the section's number
    row: str = ""
    column: str = ""
    before: str = ""
    after: str = ""


ROW_KEY_SEPARATOR = " · "


def table_snapshot(title: str, columns: list[tuple[str, bool]], rows: list[dict]) -> dict:
    """A table as the snapshot keeps it; `columns` are (label, numeric) in order, rows map each label to its text.

    A row is known by its first descriptive column (the municipality), or by as many descriptive columns as make it
    unique (municipality and task, municipality and office); every other cell is a value that can change."""
    descriptive = [label for label, numeric in columns if not numeric]
    key_columns = descriptive
    for count in range(1, len(descriptive) + 1):
        keys = [tuple(row[label] for label in descriptive[:count]) for row in rows]
        if len(set(keys)) == len(keys):
            key_columns = descriptive[:count]
            break
    keyed = {}
    for row in rows:
        key = ROW_KEY_SEPARATOR.join(row[label] for label in key_columns if row[label])
        keyed[key] = {label: row[label] for label, _numeric in columns if label not in key_columns}
    return {"title": title, "rows": keyed}


def _tables(before: dict, after: dict) -> list[Change]:
    changes = []
    for key, table in after.items():
        title = table["title"]
        if key not in before:
            changes.append(Change(ChangeCode.TABLE_ADDED, title))
            continue
        old_rows = before[key]["rows"]
        for row, values in table["rows"].items():
            if row not in old_rows:
                changes.append(Change(ChangeCode.ROW_ADDED, title, row))
                continue
            for column, value in values.items():
                previous = old_rows[row].get(column)
                if previous is not None and previous != value:
                    changes.append(Change(ChangeCode.VALUE, title, row, column, previous, value))
        changes += [Change(ChangeCode.ROW_REMOVED, title, row) for row in old_rows if row not in table["rows"]]
    changes += [Change(ChangeCode.TABLE_REMOVED, t["title"]) for key, t in before.items() if key not in after]
    return changes


def _texts(before: dict, after: dict) -> list[Change]:
    changes = []
    for section, current in sorted(after.items(), key=lambda item: int(item[0])):
        previous = before.get(section)
        if previous is None:
            continue
        if previous["heading"] != current["heading"]:
            changes.append(Change(ChangeCode.HEADING, section, before=previous["heading"], after=current["heading"]))
        if previous["text"] != current["text"]:
            changes.append(Change(ChangeCode.TEXT, section))
    return changes


def compare(before: dict | None, after: dict) -> list[Change] | None:
    """The changes from `before` to `after`; None when there is no earlier version to compare with."""
    if before is None:
        return None
    changes = []
    if before.get("month") != after.get("month"):
        changes.append(Change(ChangeCode.MONTH, "", before=before.get("month", ""), after=after.get("month", "")))
    changes += _texts(before.get("texts", {}), after.get("texts", {}))
    changes += _tables(before.get("tables", {}), after.get("tables", {}))
    return changes
