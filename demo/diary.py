"""A counsellor's diary for the generated history: the quarter-hours of each day already booked, so that the generated
meetings of one counsellor never overlap and all fall within the default working hours (service_model.agenda).

Pure: the meeting writer keeps one diary per counsellor and the simulation (demo/history.py) books through it.
"""

import random
from collections import defaultdict
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from service_model.agenda import DEFAULT_HOURS
from service_model.workdays import is_working_day

HELSINKI = ZoneInfo("Europe/Helsinki")
QUARTER_MINUTES = 15
QUARTERS = (
    (DEFAULT_HOURS.end.hour * 60 + DEFAULT_HOURS.end.minute)
    - (DEFAULT_HOURS.start.hour * 60 + DEFAULT_HOURS.start.minute)
) // QUARTER_MINUTES
# A counsellor's day has room for other work too: at most this many client meetings.
MEETINGS_PER_DAY = 6
# How far a full day pushes a meeting (first forwards, then backwards) before the meeting is given up.
SEARCH_DAYS = 60


class Diary:
    def __init__(self, not_before: datetime | None = None) -> None:
        """`not_before`: the moment of generation; a meeting booked on its day starts after it, never in the past."""
        # Per day a bit mask of the booked quarters: a national history books millions of meetings, and testing a
        # start against a mask is many times faster than intersecting sets of quarters.
        self._taken: dict[date, int] = defaultdict(int)
        self._meetings: dict[date, int] = defaultdict(int)
        self._not_before = not_before.astimezone(HELSINKI) if not_before else None

    def _first_quarter(self, day: date) -> int:
        if self._not_before is None or self._not_before.date() != day:
            return 0
        opens = datetime.combine(day, DEFAULT_HOURS.start, tzinfo=HELSINKI)
        return max(0, -(-int((self._not_before - opens).total_seconds()) // (QUARTER_MINUTES * 60)))

    def _starts(self, day: date, quarters: int, rng: random.Random) -> int | None:
        """A free start on the day (None when the day is full): a random one on the half-hour grid when there is
        one, else the first free quarter."""
        if self._meetings[day] >= MEETINGS_PER_DAY:
            return None
        free, on_grid = _free_starts(self._taken[day], quarters, self._first_quarter(day))
        if not free:
            return None
        return rng.choice(on_grid) if on_grid else free[0]

    def book(self, day: date, minutes: int, rng: random.Random, *, earliest: date, latest: date) -> datetime | None:
        """Book `minutes` on `day`, or on the nearest working day in [earliest, latest] with room (later days
        first); the start, or None when there is no room within SEARCH_DAYS."""
        quarters = -(-minutes // QUARTER_MINUTES)
        for candidate in _days_from(day, earliest, latest):
            start = self._starts(candidate, quarters, rng)
            if start is not None:
                self._taken[candidate] |= ((1 << quarters) - 1) << start
                self._meetings[candidate] += 1
                moment = datetime.combine(candidate, DEFAULT_HOURS.start, tzinfo=HELSINKI)
                return moment + timedelta(minutes=start * QUARTER_MINUTES)
        return None


# A few thousand distinct days' masks recur across millions of bookings (a national history): the free starts of each
# are worked out once. Pure in its arguments, so a cached answer is the computed one.
@lru_cache(maxsize=1 << 16)
def _free_starts(taken: int, quarters: int, first: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The free starts of `quarters` quarters on a day whose booked quarters are `taken`, from quarter `first` on,
    and those of them on the half-hour grid."""
    span = (1 << quarters) - 1
    free = tuple(q for q in range(first, QUARTERS - quarters + 1) if not taken & (span << q))
    return free, tuple(q for q in free if q % 2 == 0)


def _days_from(day: date, earliest: date, latest: date):
    for offset in range(SEARCH_DAYS):
        candidate = day + timedelta(days=offset)
        if candidate > latest:
            break
        if candidate >= earliest and is_working_day(candidate):
            yield candidate
    for offset in range(1, SEARCH_DAYS):
        candidate = day - timedelta(days=offset)
        if candidate < earliest:
            break
        if candidate <= latest and is_working_day(candidate):
            yield candidate
