"""Per-request CPU time and query count of each signed-in page, load-independent.

Run after `bench.py` has built its data set (same DATABASE_URL):

    DATABASE_URL=postgres://... .venv/bin/python tests/perf/profile_pages.py [--runs 30]
        [--profile "course page"]

For each page it sends `--runs` requests through Django's test client with the production
settings (DEBUG off) and prints the median Python CPU time per request (this process only;
the database's own time is shown apart), the wall time and the number of SQL queries.
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--profile", help="cProfile this page (by name) and print the top")
    parser.add_argument("--sql", help="print the SQL of one request to this page (by name)")
    args = parser.parse_args()

    from tests.perf.bench import base_env

    os.environ.update(base_env())
    os.environ["PAGE_CACHE_SECONDS"] = "0"  # the anonymous row shows the uncached render
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings"
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from tests.perf.bench import personas

    info = personas()
    pages = [
        ("course page, signed in", info["course"], info["learner"]),
        ("module page", info["module"], info["learner"]),
        ("My learning", "/learning/", info["learner"]),
        ("team matrix", "/learning/team/", info["manager"]),
        ("mentor directory", "/leadership/mentors/", info["leader"]),
        ("course page, anonymous*", info["course"], None),
    ]
    print(f"{'page':28} {'CPU ms':>7} {'wall ms':>8} {'SQL ms':>7} {'queries':>7} {'KB':>5}")
    for name, path, session in pages:
        client = Client(HTTP_HOST="127.0.0.1")
        if session:
            client.cookies["sessionid"] = session
        response = client.get(path)
        assert response.status_code == 200, (name, response.status_code)
        cpu, wall, sql, counts = [], [], [], []
        profiler = cProfile.Profile() if args.profile == name else None
        for _ in range(args.runs):
            with CaptureQueriesContext(connection) as queries:
                c0, w0 = time.process_time(), time.perf_counter()
                if profiler:
                    profiler.enable()
                response = client.get(path)
                if profiler:
                    profiler.disable()
                cpu.append(time.process_time() - c0)
                wall.append(time.perf_counter() - w0)
            counts.append(len(queries))
            sql.append(sum(float(q["time"]) for q in queries.captured_queries))
        print(f"{name:28} {1000 * statistics.median(cpu):7.1f} "
              f"{1000 * statistics.median(wall):8.1f} {1000 * statistics.median(sql):7.1f} "
              f"{statistics.median(counts):7.0f} {len(response.content) / 1024:5.0f}",
              flush=True)
        if args.sql == name:
            for query in queries.captured_queries:
                print(f"   {query['time']}  {query['sql'][:300]}")
        if profiler:
            pstats.Stats(profiler).sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(45)
    print("* anonymous with the page cache off: what a cache miss costs")


if __name__ == "__main__":
    main()
