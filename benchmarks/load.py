"""Load benchmark: the production server on loopback, driven by concurrent clients, beside a bare endpoint.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench .venv/bin/python benchmarks/load.py \\
        --path /api/v1/worklist/ --path /asiakkaat/asiakasmaarat/ --clients 16 --seconds 20

Collects the static files and starts gunicorn with tyollisyysalue.production on 127.0.0.1 (plain HTTP on loopback, so
the SSL redirect is off and the second factor is switched off for the benchmark session only), signs in `--users`
counsellors with clients (sampled with `--seed`) by creating their sessions directly, and for each path runs
`--clients` keep-alive clients for `--seconds` seconds (and at most `--max-requests` requests), each request as the next
of the signed-in counsellors: the load is many counsellors opening their own lists. The baseline is the same load on
/terveys/, a Django view that touches no database, measured in the same run. Printed per path: requests/s,
p50/p95/p99 latency, non-200 responses and errors. Traffic goes to 127.0.0.1 only. Not a test: nothing is asserted.
"""

import argparse
import http.client
import os
import secrets
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def start_server(port: int, workers: int, env: dict) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "tyollisyysalue.wsgi",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 120  # a shared, busy machine can take a minute to boot five workers
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/terveys/")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("the server did not start within 120 s")


def session_cookies(count: int, seed: int) -> tuple[list[str], str]:
    """Signed-in sessions of `count` counsellors with clients, sampled with `seed`: the load is many users' lists."""
    import random

    import django

    django.setup()
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db.models import Count

    from accounts.models import User

    counsellors = list(
        User.objects.filter(role="counsellor", is_active=True)
        .annotate(client_count=Count("clients"))
        .filter(client_count__gt=0)
        .order_by("pk")
    )
    if not counsellors:
        raise SystemExit("no counsellor with clients in the database: run generate_population first")
    sample = random.Random(seed).sample(counsellors, min(count, len(counsellors)))
    cookies = []
    for counsellor in sample:
        session = SessionStore()
        session[SESSION_KEY] = str(counsellor.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = counsellor.get_session_auth_hash()
        session.create()
        cookies.append(session.session_key)
    caseloads = sorted(c.client_count for c in sample)
    return (
        cookies,
        f"{len(sample)} counsellors (clients each: median {caseloads[len(caseloads) // 2]}, max {caseloads[-1]})",
    )


def drive(port: int, path: str, cookies: list[str], clients: int, seconds: float, max_requests: int) -> dict:
    latencies, statuses, errors = [], {}, []
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds
    budget = [max_requests]

    def client(index: int):
        connection = http.client.HTTPConnection(HOST, port, timeout=30)
        turn = index
        while time.monotonic() < stop_at:
            with lock:
                if budget[0] <= 0:
                    return
                budget[0] -= 1
            headers = {"Cookie": f"sessionid={cookies[turn % len(cookies)]}", "Accept": "application/json, text/html"}
            turn += clients
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                response.read()
                elapsed = time.perf_counter() - started
                with lock:
                    latencies.append(elapsed)
                    statuses[response.status] = statuses.get(response.status, 0) + 1
            except (OSError, http.client.HTTPException) as error:
                with lock:
                    errors.append(repr(error))
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=30)

    started = time.monotonic()
    threads = [threading.Thread(target=client, args=(index,)) for index in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    ordered = sorted(latencies) or [0.0]

    def percentile(p):
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000

    return {
        "path": path,
        "requests": len(latencies),
        "rps": len(latencies) / wall if wall else 0.0,
        "p50": percentile(50),
        "p95": percentile(95),
        "p99": percentile(99),
        "mean": statistics.fmean(ordered) * 1000,
        "non_200": sum(count for status, count in statuses.items() if status != 200),
        "statuses": statuses,
        "errors": len(errors),
    }


def report(result: dict, baseline: dict | None = None) -> None:
    ratio = f"  ({result['rps'] / baseline['rps']:.2f}× the bare endpoint)" if baseline and baseline["rps"] else ""
    print(
        f"{result['path']:<32} {result['rps']:8.1f} req/s  p50 {result['p50']:7.1f} ms  p95 {result['p95']:7.1f} ms"
        f"  p99 {result['p99']:7.1f} ms  requests {result['requests']}  non-200 {result['non_200']}"
        f"  errors {result['errors']}{ratio}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--path", action="append", help="Path to load (repeatable).")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--max-requests", type=int, default=200_000)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 2) * 2 + 1)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument(
        "--users", type=int, default=200, help="Counsellors signed in (sampled; each request the next)."
    )
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = args.path or ["/api/v1/worklist/", "/asiakkaat/asiakasmaarat/"]

    if not os.environ.get("DATABASE_URL"):
        raise SystemExit("set DATABASE_URL to the database with the population (PostgreSQL for national scale)")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tyollisyysalue.production",
        "SECRET_KEY": os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        # Production refuses to start without identity-code keys; the measured pages never decrypt a code, so keys
        # of this run serve when none are given.
        "HETU_ENCRYPTION_KEY": os.environ.get("HETU_ENCRYPTION_KEY") or secrets.token_urlsafe(32),
        "HETU_HASH_KEY": os.environ.get("HETU_HASH_KEY") or secrets.token_urlsafe(32),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "REQUIRE_OTP": "false",
        "LOG_LEVEL": "WARNING",
    }
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    os.environ.update(
        {
            k: env[k]
            for k in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "REQUIRE_OTP", "HETU_ENCRYPTION_KEY", "HETU_HASH_KEY")
        }
    )
    sys.path.insert(0, str(ROOT))
    cookies, users = session_cookies(args.users, args.seed)

    # As in a deployment (docs/operations.md): production serves the hashed static files from STATIC_ROOT.
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"], cwd=ROOT, env=env, check=True
    )
    server = start_server(args.port, args.workers, env)
    try:
        print(f"gunicorn workers {args.workers}, clients {args.clients}, {args.seconds:.0f} s/path, users: {users}")
        baseline = drive(args.port, "/terveys/", cookies, args.clients, args.seconds, args.max_requests)
        report(baseline)
        for path in paths:
            report(drive(args.port, path, cookies, args.clients, args.seconds, args.max_requests), baseline)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)


if __name__ == "__main__":
    main()
