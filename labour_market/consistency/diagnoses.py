"""Why a printed figure differs from its recomputation, when it plainly shows: a typing slip, a rounding slip, or
another calculation the figure came from.

Pure: no Django. Each diagnosis is a `Reason`; `explanations` renders it.
"""

from collections.abc import Iterable
from decimal import ROUND_DOWN, Decimal

from labour_market.consistency.findings import Code, Reason
from labour_market.figures import agrees, round_half_up


def digit_slip(published: Decimal, expected: Decimal) -> Reason | None:
    """A typing slip between two whole numbers: a dropped, an extra, a changed or two swapped digits."""
    if published != published.to_integral_value() or expected != expected.to_integral_value():
        return None
    p, e = str(abs(int(published))), str(abs(int(expected)))
    if p == e:
        return None
    digits = {"expected": e, "published": p}
    if len(p) == len(e) - 1 and any(e[:i] + e[i + 1 :] == p for i in range(len(e))):
        return Reason.of(Code.DROPPED_DIGIT, **digits)
    if len(e) == len(p) - 1 and any(p[:i] + p[i + 1 :] == e for i in range(len(p))):
        return Reason.of(Code.EXTRA_DIGIT, **digits)
    if len(p) == len(e):
        differing = [i for i in range(len(p)) if p[i] != e[i]]
        if len(differing) == 1:
            return Reason.of(Code.ONE_DIGIT_DIFFERS, **digits)
        first, second = differing if len(differing) == 2 else (0, 0)
        if second == first + 1 and (p[first], p[second]) == (e[second], e[first]):
            return Reason.of(Code.SWAPPED_DIGITS, **digits)
    return None


def rounding_slip(published: Decimal, decimals: int, recomputed: Decimal) -> Reason | None:
    once = round_half_up(recomputed, decimals + 1)
    twice = round_half_up(once, decimals)
    if twice == published:
        return Reason.of(Code.DOUBLE_ROUNDING, recomputed=recomputed, decimals=decimals, once=once, twice=twice)
    truncated = recomputed.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_DOWN)
    if truncated == published:
        return Reason.of(Code.TRUNCATED, recomputed=recomputed, decimals=decimals, truncated=truncated)
    return None


def matching_method(
    published: Decimal, decimals: int, recomputed: Decimal, methods: Iterable[tuple[Reason, Decimal | None]]
) -> Reason | None:
    """Which other calculation the published figure came from, when it plainly came from one."""
    near = None
    for method, value in methods:
        if value is None:
            continue
        if agrees(published, decimals, value):
            return Reason.of(Code.MATCHES_METHOD, method=method, value=value, decimals=decimals + 2)
        off = abs(published - value)
        if near is None and off * 10 < abs(published - recomputed):
            near = Reason.of(Code.NEAR_METHOD, method=method, value=value, decimals=decimals + 2, off=off)
    return near


def diagnose(
    published: Decimal, decimals: int, recomputed: Decimal, methods: Iterable[tuple[Reason, Decimal | None]] = ()
) -> list[Reason]:
    found = (
        digit_slip(published, recomputed) if decimals == 0 else None,
        matching_method(published, decimals, recomputed, methods),
        rounding_slip(published, decimals, recomputed),
    )
    return [reason for reason in found if reason]
