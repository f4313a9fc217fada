"""Reads of the shared phone service: weeks of call volumes, the rota, and the staffing each hour of a week needs.

Numbers only; the phone service is the whole area's, so every planning role reads the area's weeks and rota.
"""

from dataclasses import dataclass
from decimal import Decimal

from accounts import permissions_planning
from planning import erlang, phone_services, selectors
from planning.models import PhoneRotaEntry, PhoneVolumeWeek


def weeks(user):
    area = selectors.area(user) if permissions_planning.can_view_planning(user) else None
    if area is None:
        return PhoneVolumeWeek.objects.none()
    return PhoneVolumeWeek.objects.filter(area=area).order_by("-created_at", "-pk")


def get_week(user, pk) -> PhoneVolumeWeek | None:
    chosen = weeks(user)
    if pk is not None and str(pk).isdigit():
        return chosen.filter(pk=pk).first()
    return chosen.first()


def rota(user):
    area = selectors.area(user) if permissions_planning.can_view_planning(user) else None
    if area is None:
        return PhoneRotaEntry.objects.none()
    return PhoneRotaEntry.objects.filter(area=area).select_related("municipality")


@dataclass(frozen=True)
class HourStaffing:
    """One hour of the week: its calls, the agents the target needs, and what the rota's agents achieve."""

    weekday: int
    hour: int
    calls: Decimal
    needed: erlang.Staffing
    rostered: int
    municipalities: tuple[str, ...]
    with_rota: erlang.Staffing | None


def week_staffing(week: PhoneVolumeWeek, entries) -> list[HourStaffing]:
    """Every hour with calls or with agents on the rota, by weekday and hour."""
    targets = phone_services.Targets(
        Decimal(week.average_handling_seconds),
        Decimal(week.target_answer_seconds),
        week.target_service_level,
        week.shrinkage,
    )
    calls = {(v.weekday, v.hour): v.calls for v in week.volumes.all()}
    on_rota: dict[tuple[int, int], list] = {}
    for entry in entries:
        for hour in range(entry.start_hour, entry.end_hour):
            on_rota.setdefault((entry.weekday, hour), []).append(entry)
    rows = []
    for key in sorted(set(calls) | set(on_rota)):
        hour_calls = calls.get(key, Decimal(0))
        demand = phone_services.demand(targets, hour_calls)
        shift = on_rota.get(key, [])
        rostered = sum(entry.agents for entry in shift)
        rows.append(
            HourStaffing(
                weekday=key[0],
                hour=key[1],
                calls=hour_calls,
                needed=erlang.agents_needed(demand),
                rostered=rostered,
                municipalities=tuple(sorted({entry.municipality.name_fi for entry in shift})),
                with_rota=erlang.with_agents(demand, rostered) if shift else None,
            )
        )
    return rows
