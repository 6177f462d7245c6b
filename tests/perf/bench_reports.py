"""Benchmark of the programme reports (run by `make bench-reports`, not by `make test`).

Needs DATABASE_URL pointing at a PostgreSQL database it may wipe: it drops and recreates the
public schema, migrates, loads the demo content and builds the benchmark data set
(tests/perf/dataset.py, the same one `make bench` uses: 50,000 users, 200 courses x 6
modules, 500 events, 1,000,000 module completions), then times each report's first page and
its CSV and XLSX exports through the Django test client, as a Centre staff user with an
authenticator app. Targets: under 1 s to render and under 10 s to export every report.

Usage: .venv/bin/python tests/perf/bench_reports.py [--scale 1]
(BENCH_REUSE=1 keeps a data set already built instead of wiping it.)"""

import argparse
import io
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")

RENDER_TARGET = 1.0
EXPORT_TARGET = 10.0


def _already_built():
    from django.db.utils import DatabaseError

    from tests.perf import dataset

    try:
        return dataset.already_built()
    except DatabaseError:  # no tables yet
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0,
                        help="fraction of the full data set (1 = 50,000 users ...)")
    args = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        sys.exit("Set DATABASE_URL=postgres://... (a database this benchmark may wipe).")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries

    from tests.perf import dataset

    started = time.perf_counter()
    if os.environ.get("BENCH_REUSE") and _already_built():
        print("Reusing the data already built (BENCH_REUSE=1).", flush=True)
        call_command("migrate", verbosity=0, interactive=False)
        from cms.models import Team

        built = {"teams": list(Team.objects.filter(name__startswith="Bench team")
                               .order_by("name"))}
    else:
        print("Resetting the schema and migrating...", flush=True)
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
        call_command("migrate", verbosity=0, interactive=False)
        call_command("seed_demo", allow_production=True, stdout=io.StringIO())
        print(f"  migrated and loaded the demo in {time.perf_counter() - started:.1f} s",
              flush=True)
        built_at = time.perf_counter()
        print(f"Building the data set (scale {args.scale}) ...", flush=True)
        built = dataset.build(scale=args.scale)
        print(f"  built in {time.perf_counter() - built_at:.1f} s", flush=True)
    reset_queries()
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
    from django.contrib.auth.models import Group
    from django.test import Client
    from django.urls import reverse

    from cms import registry, roles
    from cms.models import User
    from courses.models import Enrolment, ModuleCompletion

    User.objects.filter(email="bench-staff@example.org").delete()
    staff = User.objects.create_user("bench-staff@example.org", "bench-password",
                                     full_name="Bench Staff", is_staff=True)
    staff.groups.add(Group.objects.get(name=roles.CENTRE_STAFF))
    TOTP.activate(staff, generate_totp_secret())
    client = Client()
    client.force_login(staff)
    print(f"Data: {User.objects.count():,} users, {Enrolment.objects.count():,} enrolments, "
          f"{ModuleCompletion.objects.count():,} module completions "
          f"(built in {time.perf_counter() - started:.0f} s)", flush=True)

    team = built["teams"][0]
    queries = {"training_matrix": f"?team={team.pk}"}
    rows = []

    def timed(url):
        reset_queries()
        begin = time.perf_counter()
        response = client.get(url)
        body = (b"".join(response.streaming_content) if response.streaming
                else response.content)
        seconds = time.perf_counter() - begin
        assert response.status_code == 200, (url, response.status_code)
        return seconds, len(body)

    dashboard = reverse("programme_reports:dashboard")
    timed(dashboard)  # warm up templates and connections
    rows.append(("Programme dashboard", *timed(dashboard), None, None))
    for view in [report.view for report in registry.reports()]:
        url = reverse(f"programme_reports:{view.name}") + queries.get(view.name, "")
        joiner = "&" if "?" in url else "?"
        render, _ = timed(url)
        csv_time, csv_bytes = timed(f"{url}{joiner}export=csv")
        xlsx_time, _ = timed(f"{url}{joiner}export=xlsx")
        rows.append((view.page_title + (" (one team)" if view.name in queries else ""),
                     render, csv_bytes, csv_time, xlsx_time))

    print()
    print(f"{'Report':<40} {'render s':>9} {'CSV s':>7} {'XLSX s':>7} {'CSV bytes':>10}  ok")
    failed = False
    for title, render, size, csv_time, xlsx_time in rows:
        ok = render < RENDER_TARGET and (csv_time is None or (
            csv_time < EXPORT_TARGET and xlsx_time < EXPORT_TARGET))
        failed |= not ok
        csv_text = f"{csv_time:7.2f}" if csv_time is not None else f"{'-':>7}"
        xlsx_text = f"{xlsx_time:7.2f}" if xlsx_time is not None else f"{'-':>7}"
        print(f"{title:<40} {render:9.2f} {csv_text} {xlsx_text} {size:>10,}  "
              f"{'yes' if ok else 'NO'}")
    print(f"\nTargets: render < {RENDER_TARGET:.0f} s, export < {EXPORT_TARGET:.0f} s. "
          f"Total run {time.perf_counter() - started:.0f} s.")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
