"""The speed benchmark (`make bench`): not part of `make test`.

1. Builds the large data set (tests/perf/dataset.py) on PostgreSQL when DATABASE_URL is
   set, else on SQLite (bench.sqlite3), once; later runs reuse it.
2. Starts gunicorn on 127.0.0.1 with the production settings (DEBUG off).
3. Drives each page from a second process with wrk (a C load generator, so the load
   generator does not eat the two cores the server needs) at 20 concurrent connections,
   and reports requests per second and p50/p95/p99 latency, plus each page's throughput as
   a ratio to the ceiling: /bench/ceiling, a bare Django view returning "ok" through the
   whole middleware stack (settings.BENCH_CEILING), served by the same server in the same
   run. A signed-in page that cannot be reached (an error, a
   redirect to sign in, a page without the signed-in header) stops the run with a message
   and a non-zero exit: it is never measured, nor skipped, in silence.
4. Times certificate PDFs, reads each worker's peak memory (VmHWM), and runs a booking
   rush: 1,000 people book an event with 60 places at once.
5. Prints a table and writes bench-results.json.

Set-ups (`--setup`):
  current   what the environment says (DATABASE_URL, REDIS_URL), as before
  embedded  the embedded default: SQLite, no Redis, 2 workers x 1 thread
  scaled    PostgreSQL + Redis (DATABASE_URL and REDIS_URL must be set), 2 workers x 1
  both      embedded, then scaled, each in its own process, and one table of both

Usage: .venv/bin/python tests/perf/bench.py [--setup both] [--quick] [--duration 10]
       [--connections 20] [--scale 1]
`--quick`: 3 s per page, no PDF timing, a 300-person rush: about 2 minutes per set-up
once the data set is built.
"""

import argparse
import concurrent.futures
import http.client
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

WRK_SCRIPT = """
done = function(summary, latency, requests)
  local codes = 0
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, '
    .. '"errors_status": %d, "errors_other": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""

TARGET_P95_MS = 100
TARGET_ANON_RATIO = 0.5
TARGET_SIGNED_IN_RATIO = 0.2
TARGET_PDF_S = 0.5
TARGET_MEMORY_MB = 250


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def base_env():
    env = {
        "PATH": os.environ.get("PATH", ""),
        "DEBUG": "0",
        "SECRET_KEY": "bench-secret-key-not-for-production-0123456789abcdefghijklmnop",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SITE_URL": "http://127.0.0.1",
        "TASKS_BACKEND": "database",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "ERROR",
        # No task worker runs here, and the demo's and the rush's emails wait in the queue:
        # /healthz (the start-up probe here) must not answer 503 for that.
        "HEALTHZ_QUEUE_MAX_AGE": str(10**9),
        "BENCH_CEILING": "1",  # /bench/ceiling: the bare Django view every page is held to
    }
    if os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["DATABASE_URL"]
    else:
        env["SQLITE_PATH"] = str(ROOT / "bench.sqlite3")
    if os.environ.get("REDIS_URL"):
        env["REDIS_URL"] = os.environ["REDIS_URL"]
    return env


def manage(*args, env):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)


def setup_django(env):
    os.environ.update(env)
    os.environ["DEBUG"] = "1"  # this process builds data; the server runs with DEBUG off
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    import django

    django.setup()


def prepare(env, scale):
    """Migrate, load the demo, build the data set, and sign in the benchmark's people."""
    debug_env = {**env, "DEBUG": "1"}
    manage("migrate", "--no-input", "-v", "0", env=debug_env)
    setup_django(env)
    from tests.perf import dataset

    built = dataset.already_built()
    if not built:  # the data set hangs under the demo's pages; a later run reuses both
        manage("seed_demo", env=debug_env)
    manage("collectstatic", "--no-input", "-v", "0", env=env)
    if not built:
        print(f"Building the data set (scale {scale}) ...", flush=True)
        dataset.build(scale=scale)
    return personas()


def personas():
    from django.contrib.auth.models import Group
    from django.test import Client

    from cms import roles
    from cms.models import User
    from courses.models import Certificate, CourseIndexPage, Enrolment, ModulePage
    from events.models import EventIndexPage, EventPage
    from tests.perf.dataset import MARKER_SLUG

    def session_for(user):
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client.cookies["sessionid"].value

    enrolment = (
        Enrolment.objects.filter(user__email__startswith="bench", user__team__isnull=False,
                                 status=Enrolment.Status.ACTIVE)
        .select_related("user", "course").order_by("pk").first()
    )
    learner = enrolment.user
    manager = User.objects.filter(team=learner.team).exclude(pk=learner.pk).order_by("pk").first()
    manager.groups.add(Group.objects.get(name=roles.TEAM_MANAGERS))
    learner.team.managers.add(manager)
    leader = User.objects.get(email="leader@example.org")
    catalogue = CourseIndexPage.objects.get(slug=MARKER_SLUG)
    module = ModulePage.objects.child_of(enrolment.course).order_by("path").first()
    event = EventPage.objects.live().child_of(EventIndexPage.objects.get(slug="bench-events")) \
        .order_by("-start").first()
    certificate = Certificate.objects.filter(user__email="practitioner@example.org").first()
    return {
        "learner": session_for(learner),
        "manager": session_for(manager),
        "leader": session_for(leader),
        "practitioner": session_for(User.objects.get(email="practitioner@example.org")),
        "catalogue": catalogue.url,
        "course": enrolment.course.url,
        "module": module.url,
        "event_list": EventIndexPage.objects.get(slug="bench-events").url,
        "event": event.url,
        "certificate_pdf": f"/certificates/{certificate.public_id}/pdf/" if certificate else None,
    }


def start_server(env, port, workers, threads=1):
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "cms.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers),
         # One thread: gunicorn's plain sync workers, as the embedded default runs.
         "--worker-class", "gthread" if threads > 1 else "sync", "--threads", str(threads),
         "--max-requests", "0", "--log-level", "warning"],
        cwd=ROOT, env=env,
    )
    for _ in range(200):
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/healthz")
            break
        except OSError:
            time.sleep(0.1)
    return process


def worker_pids(master):
    children = Path(f"/proc/{master.pid}/task/{master.pid}/children")
    return [int(p) for p in children.read_text().split()] if children.exists() else []


def peak_memory_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def wrk(url, session, duration, connections, script):
    command = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{duration}s", "-s", script,
               "--timeout", "10s", url]
    if session:
        command[1:1] = ["-H", f"Cookie: sessionid={session}"]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    line = [x for x in output.splitlines() if x.startswith("{")][-1]
    result = json.loads(line)
    seconds = result["duration_us"] / 1e6
    return {
        "rps": round(result["requests"] / seconds, 1),
        "p50_ms": round(result["p50_us"] / 1000, 1),
        "p95_ms": round(result["p95_us"] / 1000, 1),
        "p99_ms": round(result["p99_us"] / 1000, 1),
        "non_2xx": result["errors_status"],
        "errors": result["errors_other"],
        "requests": result["requests"],
    }


def status_of(port, path, session=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Cookie": f"sessionid={session}"} if session else {}
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    return response.status, body


def time_pdf(port, path, session, runs=10):
    timings = []
    for _ in range(runs):
        started = time.perf_counter()
        status, body = status_of(port, path, session)
        timings.append(time.perf_counter() - started)
        assert status == 200 and body.startswith(b"%PDF"), status
    return {"median_s": round(statistics.median(timings), 3), "max_s": round(max(timings), 3)}


def booking_rush(port, people=1000, places=60, parallel=50):
    """1,000 people book one event with 60 places within a few seconds."""
    import datetime

    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from cms.models import User
    from events.models import EventBooking, EventIndexPage, EventPage

    index = EventIndexPage.objects.get(slug="bench-events")
    start = timezone.now() + datetime.timedelta(days=30)
    slug = f"rush-{int(time.time())}"
    event = EventPage(title="Booking rush", slug=slug, summary="Rush.", start=start,
                      end=start + datetime.timedelta(hours=2), is_online=True,
                      joining_link="https://meet.example.org/rush", capacity=places)
    index.add_child(instance=event)
    users = list(User.objects.filter(email__startswith="bench", team__isnull=False)
                 .order_by("-pk")[:people])
    people = len(users)
    sessions = []
    for user in users:
        client = Client()
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        sessions.append(client.cookies["sessionid"].value)
    connection.close()
    token = "b" * 32

    def book(session):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request(
            "POST", f"/bookings/events/{event.pk}/book/", body="access_requirements=",
            headers={"Cookie": f"sessionid={session}; csrftoken={token}",
                     "X-CSRFToken": token,
                     "Content-Type": "application/x-www-form-urlencoded"},
        )
        response = conn.getresponse()
        response.read()
        return response.status

    def timed_book(session):
        began = time.perf_counter()
        status = book(session)
        return status, time.perf_counter() - began

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(parallel) as pool:
        outcomes = list(pool.map(timed_book, sessions))
    elapsed = time.perf_counter() - started
    statuses = [status for status, _ in outcomes]
    latencies = sorted(seconds for _, seconds in outcomes)
    bookings = list(EventBooking.objects.filter(event=event).order_by("pk"))
    confirmed = [b for b in bookings if b.status == EventBooking.Status.CONFIRMED]
    waitlisted = [b for b in bookings if b.status == EventBooking.Status.WAITLISTED]
    # Waitlist order must be the order in which the bookings committed (their pk order).
    positions = [b.waitlist_position for b in waitlisted] if waitlisted and hasattr(
        waitlisted[0], "waitlist_position") else None
    in_order = positions is None or positions == sorted(positions)
    return {
        "people": people, "places": places, "seconds": round(elapsed, 2),
        "p50_s": round(latencies[len(latencies) // 2], 2),
        "p95_s": round(latencies[int(len(latencies) * 0.95) - 1], 2),
        "max_s": round(latencies[-1], 2),
        "confirmed": len(confirmed), "waitlisted": len(waitlisted),
        "server_errors": sum(1 for s in statuses if s >= 500),
        "statuses": {str(s): statuses.count(s) for s in sorted(set(statuses))},
        "waitlist_in_commit_order": in_order,
        "ok": len(confirmed) == places and len(waitlisted) == people - places
        and not any(s >= 500 for s in statuses) and in_order,
    }


def page_list(info):
    """(name, path, session or None, kind) of every page the README lists."""
    return [
        ("ceiling (bare view)", "/bench/ceiling", None, "ceiling"),
        ("home page", "/", None, "anonymous"),
        ("course catalogue", info["catalogue"], None, "anonymous"),
        ("course page, anonymous", info["course"], None, "anonymous"),
        ("event list", info["event_list"], None, "anonymous"),
        ("event page", info["event"], None, "anonymous"),
        ("course page, signed in", info["course"], info["learner"], "signed in"),
        ("module page", info["module"], info["learner"], "signed in"),
        ("My learning", "/learning/", info["learner"], "signed in"),
        ("CPD record", "/learning/cpd/", info["learner"], "signed in"),
        ("team matrix", "/learning/team/", info["manager"], "signed in"),
        ("mentor directory", "/leadership/mentors/", info["leader"], "signed in"),
    ]


class Unreachable(SystemExit):
    pass


def check_reachable(port, name, path, session):
    """The page answers 200, and a signed-in page is shown to a signed-in person (not
    the sign-in page or a 403). Anything else ends the run, loudly."""
    status, body = status_of(port, path, session)
    if status != 200:
        raise Unreachable(f"FAILED: {name} ({path}) answered {status}, not 200: "
                          "the benchmark stops rather than measure the wrong page")
    if session and b"Sign out" not in body:
        raise Unreachable(f"FAILED: {name} ({path}) did not show a signed-in page: "
                          "the benchmark stops rather than measure the wrong page")


SETUPS = {
    "embedded": {"threads": 1, "drop": ("DATABASE_URL", "REDIS_URL")},
    # Sync workers here too: on 2 cores, 4 threads a worker contended for the interpreter
    # lock, and pages moved by half or more between runs (the README's "Web servers").
    "scaled": {"threads": 1, "need": ("DATABASE_URL", "REDIS_URL")},
}


def run_setups(args, names):
    """Each set-up in its own process (Django is set up once per process), then one table."""
    combined = {}
    for name in names:
        env = dict(os.environ)
        for key in SETUPS[name].get("drop", ()):
            env.pop(key, None)
        missing = [key for key in SETUPS[name].get("need", ()) if not env.get(key)]
        if missing:
            sys.exit(f"FAILED: the {name} set-up needs {', '.join(missing)} "
                     "(e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench "
                     "REDIS_URL=redis://127.0.0.1:6379/1)")
        out = ROOT / f"bench-results-{name}.json"
        command = [sys.executable, __file__, "--setup", "current", "--output", str(out),
                   "--threads", str(SETUPS[name]["threads"]), "--scale", str(args.scale),
                   "--connections", str(args.connections), "--workers", str(args.workers),
                   "--duration", str(args.duration)]
        if args.quick:
            command.append("--quick")
        if args.only:
            command += ["--only", args.only]
        print(f"== {name} set-up ==", flush=True)
        finished = subprocess.run(command, cwd=ROOT, env=env)
        if finished.returncode != 0:
            sys.exit(f"FAILED: the {name} set-up's run failed (exit {finished.returncode})")
        combined[name] = json.loads(out.read_text())
    print()
    for name, results in combined.items():
        print(f"== {name} ==")
        print_table(results)
        print()
    (ROOT / "bench-results.json").write_text(json.dumps(combined, indent=2))
    failing = [f"{setup}: {page}" for setup, results in combined.items()
               for page, row in results["pages"].items() if not row["meets_targets"]]
    if failing:
        print("Below target (ratio, p95 under 100 ms, or errors): " + "; ".join(failing))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per page")
    parser.add_argument("--connections", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1,
                        help="threads per worker (more than 1: gunicorn's gthread workers)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="fraction of the full data set (1 = 50,000 users ...)")
    parser.add_argument("--rush-only", action="store_true",
                        help="run only the 1,000-person booking rush")
    parser.add_argument("--setup", choices=["current", "embedded", "scaled", "both"],
                        default="current")
    parser.add_argument("--quick", action="store_true",
                        help="3 s per page, no PDF timing, a 300-person rush")
    parser.add_argument("--only", default="",
                        help="comma-separated parts of page names: measure only those pages "
                        "(and the ceiling), without the PDF timing or the rush")
    parser.add_argument("--output", default=str(ROOT / "bench-results.json"))
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is needed: apt-get install wrk")
    if args.quick:
        args.duration = min(args.duration, 3)
    if args.setup != "current":
        run_setups(args, ["embedded", "scaled"] if args.setup == "both" else [args.setup])
        return

    env = base_env()
    info = prepare(env, args.scale)
    port = free_port()
    server = start_server(env, port, args.workers, args.threads)
    # Without a shared cache (REDIS_URL) signed-in pages share no fragments (see
    # cms/page_cache.py), as in production with several workers.
    results = {"pages": {}, "settings": vars(args),
               "database": "postgresql" if "DATABASE_URL" in env else "sqlite",
               # Production settings (DEBUG off) without Redis use the database cache.
               "cache": "redis" if "REDIS_URL" in env else "database"}
    script = tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False)
    script.write(WRK_SCRIPT)
    script.close()
    pages = page_list(info)
    if args.rush_only:
        pages = []
    if args.only:
        wanted = [part.strip() for part in args.only.split(",") if part.strip()]
        pages = [page for page in pages
                 if page[3] == "ceiling" or any(part in page[0] for part in wanted)]
    try:
        for name, path, session, kind in pages:
            check_reachable(port, name, path, session)
            wrk(f"http://127.0.0.1:{port}{path}", session, 1 if args.quick else 2,
                args.connections, script.name)
            result = wrk(f"http://127.0.0.1:{port}{path}", session, args.duration,
                         args.connections, script.name)
            # Still the page it was at the start (a session cut short mid-run would turn
            # every request into a fast redirect).
            check_reachable(port, name, path, session)
            if kind == "signed in" and (result["non_2xx"] or result["errors"]):
                raise Unreachable(f"FAILED: {name} ({path}): {result['non_2xx']} error "
                                  f"answers and {result['errors']} failed requests under load")
            if not result["requests"]:
                print(f"  {name}: no request completed in {args.duration} s: the machine is "
                      "too busy, or the page too slow, to measure", flush=True)
            results["pages"][name] = {"path": path, "kind": kind, **result}
            print(f"  {name:28} {result['rps']:8.1f} req/s  p95 {result['p95_ms']:6.1f} ms",
                  flush=True)
        ceiling = results["pages"].get("ceiling (bare view)", {}).get("rps", 1)
        for page in results["pages"].values():
            page["ratio"] = round(page["rps"] / ceiling, 3)
            target = {"anonymous": TARGET_ANON_RATIO, "signed in": TARGET_SIGNED_IN_RATIO}.get(
                page["kind"])
            page["meets_targets"] = page["p95_ms"] < TARGET_P95_MS and (
                target is None or page["ratio"] >= target) and page["non_2xx"] == 0
        if info["certificate_pdf"] and not args.rush_only and not args.quick and not args.only:
            results["certificate_pdf"] = time_pdf(port, info["certificate_pdf"],
                                                  info["practitioner"])
        if not args.only:
            results["booking_rush"] = booking_rush(port, people=300 if args.quick else 1000)
        results["worker_peak_memory_mb"] = [round(peak_memory_mb(pid), 1)
                                            for pid in worker_pids(server)]
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
        os.unlink(script.name)

    print_table(results)
    Path(args.output).write_text(json.dumps(results, indent=2))
    print(f"Wrote {args.output}")


def print_table(results):
    print()
    print(f"database {results['database']}, cache {results['cache']}, "
          f"{results['settings']['workers']} workers x {results['settings']['threads']} threads")
    print(f"{'page':30} {'req/s':>8} {'ratio':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7}"
          f" {'errors':>6}  ok")
    for name, page in results["pages"].items():
        print(f"{name:30} {page['rps']:8.1f} {page['ratio']:6.2f} {page['p50_ms']:7.1f} "
              f"{page['p95_ms']:7.1f} {page['p99_ms']:7.1f} "
              f"{page['non_2xx'] + page['errors']:6d}  "
              f"{'yes' if page['meets_targets'] else 'NO'}")
    if "certificate_pdf" in results:
        pdf = results["certificate_pdf"]
        print(f"certificate PDF: median {pdf['median_s']} s, max {pdf['max_s']} s "
              f"(target < {TARGET_PDF_S} s)")
    print("ok: ratio to the ceiling at least "
          f"{TARGET_ANON_RATIO} (anonymous) or {TARGET_SIGNED_IN_RATIO} (signed in), "
          f"p95 under {TARGET_P95_MS} ms, no errors")
    print(f"worker peak memory (MB): {results['worker_peak_memory_mb']} "
          f"(target < {TARGET_MEMORY_MB})")
    rush = results.get("booking_rush")
    if rush is None:
        return
    print(f"booking rush: {rush['people']} people, {rush['places']} places: "
          f"{rush['confirmed']} confirmed, {rush['waitlisted']} waitlisted, "
          f"{rush['server_errors']} server errors, {rush['seconds']} s in all, "
          f"p50 {rush['p50_s']} s, p95 {rush['p95_s']} s per booking, "
          f"{'OK' if rush['ok'] else 'FAILED'}")


if __name__ == "__main__":
    main()
