"""The reference day of worklists and deadlines.

Normally the real date (common/today.py); the demo population and its meeting history are generated up to the day
`make load` runs (demo/history.py), so the lists are alive on the real today. Two ways to look at another day: the
setting `SERVICE_MODEL_TODAY` (environment variable, YYYY-MM-DD) moves "today" for the whole deployment – tests and
demos pin it – and a page's `?paiva=` parameter shows that page as on another day without changing anything stored.
"""

import re
from datetime import date

from common.today import service_today  # noqa: F401  (the one definition; imported from here across the project)

_FINNISH = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
EARLIEST = date(2022, 5, 2)
LATEST = date(2100, 12, 31)


def parse_day(text: str | None) -> date | None:
    """A day written as 2026-11-28 or 28.11.2026, within the model's years; None if it is not one."""
    if not text:
        return None
    text = text.strip()
    try:
        match = _FINNISH.match(text)
        day = date(int(match[3]), int(match[2]), int(match[1])) if match else date.fromisoformat(text)
    except ValueError:
        return None
    return day if EARLIEST <= day <= LATEST else None


def reference_day(request) -> tuple[date, bool]:
    """The day a page is shown for, and whether `?paiva=` was given but not understood."""
    raw = request.GET.get("paiva")
    day = parse_day(raw)
    return (day or service_today()), bool(raw) and day is None
