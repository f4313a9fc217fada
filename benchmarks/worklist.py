"""Benchmark: the counsellor's worklist and the supervisor's overview at national scale, beside hand-written SQL.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/worklist .venv/bin/python benchmarks/worklist.py --scale 100
    DATABASE_URL=... .venv/bin/python benchmarks/worklist.py --reuse        # data already generated: measure only

PostgreSQL only (the baseline uses LATERAL and FILTER). The data are the project's own synthetic population
(demo generate_population at --scale; 100 ≈ 680 000 job seekers, the national count of registered job seekers)
and its meeting history (demo generate_meetings, ≈ 7 meetings per job seeker ≈ 5 million), generated here
unless they already exist at that scale: the run is resumable – a population of the right size is kept, meetings are
generated only when missing. Generation takes tens of minutes at scale 100; measuring takes a minute.

Measured in the same run, after VACUUM ANALYZE and one warm-up pass:

* worklist: `service_model.selectors.worklist(counsellor, today)` – the query behind "my week" and GET
  /api/v1/worklist/ (rows due up to four weeks ahead with names and the booked meeting), rows built – for a random
  sample of counsellors with clients; baseline: the same rows from one hand-written SQL statement through the same
  connection (compared row by row before timing).
* supervisor overview: `selectors.supervisor_overview(supervisor, today)` for a supervisor of each municipality;
  baseline: the same aggregates in hand-written SQL (compared).
* for information: the area's monthly on-time rate (12 months), which reads every municipality.

Printed: p50/p95 of each, the baseline's, their ratio, and the targets (worklist p95 ≤ 50 ms and ≤ 1.5 × SQL;
overview p95 ≤ 200 ms). Not a test: nothing is asserted, the figures are printed.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MONTH = date(2023, 8, 1)
CLIENTS_PER_SCALE = 6756  # synthetic job seekers at --scale 1 (Table 1 × 2,1)

WORKLIST_SQL = """
SELECT d.jobseeker_id, j.first_name, j.last_name, m.code, m.name_fi, d.next_meeting_type, d.due_on, d.rule_set_id,
       d.next_booked_id, b.planned_at, b.meeting_type, b.channel
FROM service_model_deadline d
JOIN jobseekers_jobseeker j ON j.id = d.jobseeker_id
JOIN organisation_municipality m ON m.id = j.municipality_id
LEFT JOIN service_model_meeting b ON b.id = d.next_booked_id
WHERE j.responsible_counsellor_id = %(counsellor)s AND d.due_on IS NOT NULL AND d.due_on <= %(horizon)s
ORDER BY d.due_on, j.last_name, j.first_name, d.jobseeker_id
"""

OVERVIEW_DEADLINES_SQL = """
SELECT serving_municipality_id, counsellor_id,
       count(*) FILTER (WHERE due_on < %(today)s),
       count(*) FILTER (WHERE due_on >= %(today)s),
       count(*) FILTER (WHERE due_on >= %(window)s AND due_on < %(today)s)
FROM service_model_deadline
WHERE serving_municipality_id = %(municipality)s AND due_on < %(week)s
GROUP BY serving_municipality_id, counsellor_id
"""
OVERVIEW_MEETINGS_SQL = """
SELECT serving_municipality_id, counsellor_id, count(*), count(*) FILTER (WHERE on_time)
FROM service_model_meeting
WHERE serving_municipality_id = %(municipality)s AND due_on >= %(window)s AND due_on < %(today)s
GROUP BY serving_municipality_id, counsellor_id
"""
NAMES_SQL = "SELECT id, first_name, last_name, username FROM accounts_user WHERE id = ANY(%(ids)s)"


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def timed(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return (time.perf_counter() - started) * 1000, result


def summary(name: str, orm: list[float], raw: list[float], target_ms: float, ratio_target: float | None) -> None:
    p50, p95 = percentile(orm, 0.5), percentile(orm, 0.95)
    b50, b95 = percentile(raw, 0.5), percentile(raw, 0.95)
    ratio = p95 / b95 if b95 else float("inf")
    verdict = [f"p95 {'≤' if p95 <= target_ms else '>'} {target_ms:.0f} ms"]
    if ratio_target is not None:
        verdict.append(f"{'≤' if ratio <= ratio_target else '>'} {ratio_target} × SQL")
    print(
        f"{name}: n={len(orm)}  ORM p50 {p50:.2f} ms, p95 {p95:.2f} ms | hand-written SQL p50 {b50:.2f} ms, "
        f"p95 {b95:.2f} ms | ratio p50 {p50 / b50 if b50 else 0:.2f}×, p95 {ratio:.2f}× | {', '.join(verdict)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", default="100", help="Multiplier of Table 1 (100 ≈ 680 000 job seekers).")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", help="Reference day YYYY-MM-DD (default: the real today).")
    parser.add_argument("--reuse", action="store_true", help="Never generate: measure the data that are there.")
    parser.add_argument("--regenerate", action="store_true", help="Generate the population and meetings anew.")
    parser.add_argument("--counsellors", type=int, default=300, help="Counsellors sampled for the worklist.")
    parser.add_argument("--repeat", type=int, default=5, help="Overview runs per municipality.")
    parser.add_argument("--explain", action="store_true", help="Print EXPLAIN ANALYZE of one worklist query.")
    args = parser.parse_args()

    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit("Set DATABASE_URL to a PostgreSQL database (the baseline SQL is PostgreSQL's).")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tyollisyysalue.settings")
    os.environ.setdefault("DEMO_MODE", "1")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from accounts.enums import Role
    from accounts.models import User
    from demo import meetings as meeting_generator
    from demo import people as population_generator
    from jobseekers.models import Jobseeker
    from organisation.models import EmploymentArea, Municipality
    from service_model import on_time_selectors, selectors
    from service_model.models import Deadline, Meeting
    from service_model.today import parse_day

    today = parse_day(args.today) if args.today else date.today()
    settings.SERVICE_MODEL_TODAY = today
    call_command("migrate", verbosity=0)
    if not EmploymentArea.objects.exists():
        call_command("load_area", str(settings.AREA_DATA_DIR / settings.DEFAULT_AREA), verbosity=0)
    area = EmploymentArea.objects.get()

    def progress(phase, done, total):
        if done == total or done % 50000 < 5000:
            print(f"  {phase}: {done:,}/{total:,}", flush=True)

    expected = int(CLIENTS_PER_SCALE * Decimal(args.scale))
    people = Jobseeker.objects.filter(synthetic_month=MONTH).count()
    if not args.reuse and (args.regenerate or abs(people - expected) > 0.02 * expected):
        print(f"generating the population at scale {args.scale} (≈ {expected:,} job seekers)…", flush=True)
        elapsed, report = timed(
            population_generator.generate, area, MONTH, seed=args.seed, scale=Decimal(args.scale), progress=progress
        )
        print(f"  {report.created:,} job seekers in {elapsed / 1000:.0f} s", flush=True)
    meetings = Meeting.objects.filter(synthetic=True).exists()
    if not args.reuse and (args.regenerate or not meetings or not Deadline.objects.exists()):
        print(f"generating meetings up to {today:%d.%m.%Y}…", flush=True)
        elapsed, report = timed(meeting_generator.generate, seed=args.seed, today=today, plans=False, progress=progress)
        print(f"  {report.meetings:,} meetings, {report.deadlines:,} deadlines in {elapsed / 1000:.0f} s", flush=True)
    with connection.cursor() as cursor:
        for table in ("jobseekers_jobseeker", "service_model_deadline", "service_model_meeting", "accounts_user"):
            cursor.execute(f"VACUUM ANALYZE {table}")
    counts = {
        "job seekers": Jobseeker.objects.count(),
        "meetings": Meeting.objects.count(),
        "deadlines": Deadline.objects.count(),
        "overdue": Deadline.objects.filter(due_on__lt=today).count(),
        "counsellors": User.objects.filter(role=Role.COUNSELLOR, is_active=True).count(),
    }
    print(
        f"database: PostgreSQL {connection.pg_version // 10000}, reference day {today:%d.%m.%Y}; "
        + ", ".join(f"{name} {value:,}" for name, value in counts.items()),
        flush=True,
    )

    # --- worklist -------------------------------------------------------------------------------------------------
    rng = random.Random(args.seed)
    candidates = list(
        User.objects.filter(role=Role.COUNSELLOR, is_active=True, clients__isnull=False)
        .distinct()
        .values_list("pk", flat=True)
    )
    sample = rng.sample(candidates, min(args.counsellors, len(candidates)))
    counsellors = {u.pk: u for u in User.objects.filter(pk__in=sample).select_related("team", "home_municipality")}
    horizon = today + timedelta(days=selectors.DEFAULT_HORIZON_DAYS)

    def orm_worklist(user):
        return selectors.worklist(user, today)

    def raw_worklist(user):
        with connection.cursor() as cursor:
            cursor.execute(WORKLIST_SQL, {"counsellor": user.pk, "horizon": horizon})
            return cursor.fetchall()

    def same(rows, raw) -> bool:
        mine = [
            (r.jobseeker.pk, r.jobseeker.last_name, r.due_on, r.meeting_type, r.booked.pk if r.booked else None)
            for r in rows
        ]
        return mine == [(row[0], row[2], row[6], row[5], row[8]) for row in raw]

    for user in counsellors.values():  # warm-up, and the proof that both compute the same rows
        if not same(orm_worklist(user), raw_worklist(user)):
            sys.exit(f"worklist of counsellor {user.pk}: the ORM and the SQL disagree")
    orm_ms, raw_ms, sizes = [], [], []
    for pk in sample:
        user = counsellors[pk]
        elapsed, rows = timed(orm_worklist, user)
        orm_ms.append(elapsed)
        sizes.append(len(rows))
        raw_ms.append(timed(raw_worklist, user)[0])
    caseloads = [Jobseeker.objects.filter(responsible_counsellor_id=pk).count() for pk in sample[:30]]
    print(
        f"worklist rows per counsellor: median {statistics.median(sizes):.0f}, max {max(sizes)} "
        f"(clients per counsellor: median {statistics.median(caseloads):.0f})"
    )
    summary("worklist", orm_ms, raw_ms, 50, 1.5)
    large = [i for i, size in enumerate(sizes) if size >= 100]
    if large:
        summary("  worklists of ≥ 100 rows", [orm_ms[i] for i in large], [raw_ms[i] for i in large], 50, 1.5)

    # Control: the ORM's fixed cost per query (building and compiling it) on a trivial single-table read of the
    # same rows' deadlines, beside the same SQL – the floor of any ORM/SQL ratio for a sub-millisecond query.
    control_sql = (
        "SELECT jobseeker_id, next_meeting_type, due_on FROM service_model_deadline "
        "WHERE counsellor_id = %s AND due_on <= %s ORDER BY due_on, jobseeker_id"
    )

    def orm_control(user):
        return list(
            Deadline.objects.filter(counsellor_id=user.pk, due_on__lte=horizon)
            .order_by("due_on", "jobseeker_id")
            .values_list("jobseeker_id", "next_meeting_type", "due_on")
        )

    def raw_control(user):
        with connection.cursor() as cursor:
            cursor.execute(control_sql, [user.pk, horizon])
            return cursor.fetchall()

    control_orm, control_raw = [], []
    for pk in sample:
        control_orm.append(timed(orm_control, counsellors[pk])[0])
        control_raw.append(timed(raw_control, counsellors[pk])[0])
    summary("  control, single-table read", control_orm, control_raw, 50, 1.5)
    if args.explain:
        with connection.cursor() as cursor:
            sql, params = selectors.worklist_deadlines(counsellors[sample[0]], today).sql_with_params()
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            print("\n".join(row[0] for row in cursor.fetchall()))

    # --- supervisor overview ------------------------------------------------------------------------------------------
    municipalities = list(Municipality.objects.filter(area=area).order_by("code"))
    window = today - timedelta(days=selectors.ON_TIME_WINDOW_DAYS)
    week = today + timedelta(days=selectors.WEEK_DAYS)

    def orm_overview(municipality):
        supervisor = User(role=Role.SUPERVISOR, home_municipality=municipality, username="bench")
        return selectors.supervisor_overview(supervisor, today)

    def raw_overview(municipality):
        params = {"today": today, "window": window, "week": week, "municipality": municipality.pk}
        with connection.cursor() as cursor:
            cursor.execute(OVERVIEW_DEADLINES_SQL, params)
            deadlines = cursor.fetchall()
            cursor.execute(OVERVIEW_MEETINGS_SQL, params)
            met = cursor.fetchall()
            ids = sorted({row[1] for row in deadlines + met if row[1] is not None})
            cursor.execute(NAMES_SQL, {"ids": ids})
            names = cursor.fetchall()
        return deadlines, met, names

    def totals(overview):
        return sorted((r.key, r.overdue, r.due_this_week, r.met, r.on_time, r.missed) for r in overview.counsellors)

    def raw_totals(result):
        deadlines, met, _names = result
        rows: dict = {}
        for _m, counsellor, overdue, week_count, missed in deadlines:
            rows.setdefault(counsellor, [0, 0, 0, 0, 0])
            rows[counsellor][0] += overdue
            rows[counsellor][1] += week_count
            rows[counsellor][4] += missed
        for _m, counsellor, met_count, on_time in met:
            rows.setdefault(counsellor, [0, 0, 0, 0, 0])
            rows[counsellor][2] += met_count
            rows[counsellor][3] += on_time
        return sorted((f"user:{c}" if c is not None else "none", *values) for c, values in rows.items())

    sizes = {}
    for municipality in municipalities:
        orm_result = orm_overview(municipality)
        if totals(orm_result) != raw_totals(raw_overview(municipality)):
            sys.exit(f"overview of {municipality.name_fi}: the ORM and the SQL disagree")
        sizes[municipality.name_fi] = Deadline.objects.filter(serving_municipality=municipality).count()
    orm_ms, raw_ms = [], []
    for _ in range(args.repeat):
        for municipality in municipalities:
            orm_ms.append(timed(orm_overview, municipality)[0])
            raw_ms.append(timed(raw_overview, municipality)[0])
    largest = max(sizes, key=sizes.get)
    print(f"overview scope: job seekers per serving municipality up to {sizes[largest]:,} ({largest})")
    summary("supervisor overview", orm_ms, raw_ms, 200, None)
    largest_ms = [timed(orm_overview, m)[0] for m in municipalities if m.name_fi == largest for _ in range(3)]
    print(f"  largest municipality alone: ORM median {statistics.median(largest_ms):.1f} ms")

    # --- for information: the area's monthly on-time rate -------------------------------------------------------------
    manager = User(role=Role.AREA_MANAGER, home_municipality=municipalities[0], username="bench")
    runs = [timed(on_time_selectors.on_time_rate, manager, 12, today)[0] for _ in range(3)]
    print(f"area on-time rate, 12 months (information, no target): median {statistics.median(runs):.0f} ms")


if __name__ == "__main__":
    main()
